import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { f } from '../../../../graph/core/filter.js';
import { getMe } from '../../../../graph/directory/me.js';
import { listAllItems, type ListItem } from '../../../../graph/lists/items.js';
import { getLists } from '../../../../graph/lists/lists.js';
import { getSiteByUrl } from '../../../../graph/sites/sites.js';
import { SMS_GROUP, groupIdOf } from '../../../../emulator/seed/tenant.js';
import { ensureDemoContent } from '../../../../scripts/demo/firstStart.js';
import { CONFIG, ORIGIN, demoPerson, startHarness, type Harness } from '../../../../tests/support/appHarness.js';
import { installLayoutShims } from '../../../../tests/support/jsdom.js';
import { App } from '../../../app/App.js';
import { FeatureConsent } from '../../../app/auth/FeatureConsent.js';
import { signInToEmulator } from '../../../app/auth/devSignIn.js';
import { APP_SCOPES } from '../../../app/auth/scopes.js';
import { DEMO_SMS_SITE_URL } from '../../../app/config.js';
import { createI18n } from '../../../app/i18n/i18n.js';
import { RecordActions } from './RecordActions.js';

/**
 * A register record's actions (the `recordActions` slot) in the App's providers against the emulator with the
 * demo tenant: NC-2025-003 (owner David) has four actions; Tom (SMS manager) raises another. Jack is taken out of
 * the SMS group ("Kestrel SMS", the plan's group) first, so Planner could not assign him a task.
 */
const tom = demoPerson('Tom', 'Whitaker');
const david = demoPerson('David', 'Kowalski');
const jack = demoPerson('Jack', 'Turner');
const aisha = demoPerson('Aisha', 'Rahman');

let harness: Harness;
let siteId: string;
let ncItemId: number;

beforeAll(async () => {
  installLayoutShims();
  harness = await startHarness();
  await ensureDemoContent({ origin: ORIGIN, graphBaseUrl: CONFIG.graphBaseUrl, log: () => undefined });
  const client = harness.clientAs(tom.userPrincipalName);
  siteId = (await getSiteByUrl(client, DEMO_SMS_SITE_URL)).id!;
  const nc = await listAllItems(client, siteId, 'Nonconformities', { filter: f.eq('fields/Ref', 'NC-2025-003') });
  ncItemId = Number(nc[0]!.id);
  // Jack leaves the SMS group (group-delete-members), as Tom, one of its owners.
  const jackId = (await getMe(harness.clientAs(jack.userPrincipalName))).id!;
  const left = await client.send(`${CONFIG.graphBaseUrl}/groups/${groupIdOf(SMS_GROUP)}/members/${jackId}/$ref`, { method: 'DELETE' });
  expect(left.status).toBe(204);
}, 180_000);
afterEach(() => {
  cleanup();
  harness.server.resetHandlers();
});
afterAll(() => harness.close());

/** The slot as the record page renders it, for NC-2025-003, signed in as `user`. */
async function openRecord(user: typeof tom) {
  const session = await signInToEmulator(ORIGIN, user, APP_SCOPES);
  render(
    <MemoryRouter initialEntries={['/registers/nonconformities/' + ncItemId]}>
      <App
        config={CONFIG}
        host={{ kind: 'browser', embedded: false }}
        i18n={createI18n('en')}
        testing={{ queryRetry: false, graphRetry: { maxRetries: 0 }, session }}
        content={
          <FeatureConsent feature="actions">
            <main id="main">
              <h1 tabIndex={-1}>NC-2025-003</h1>
              <RecordActions register="nonconformities" itemId={ncItemId} recordRef="NC-2025-003" ownerId={david.userPrincipalName.toLowerCase()} primaryClause="8.5.1.3" />
            </main>
          </FeatureConsent>
        }
      />
    </MemoryRouter>,
  );
  return screen.findByRole('region', { name: 'Actions' }, { timeout: 15_000 });
}

const actionsOfNc = async (): Promise<ListItem[]> => listAllItems(harness.clientAs(tom.userPrincipalName), siteId, 'Actions', { filter: f.eq('fields/SourceItemId', ncItemId) });

async function openRaiseDialog(region: HTMLElement) {
  await userEvent.setup().click(await within(region).findByRole('button', { name: 'Raise action' }, { timeout: 15_000 }));
  return screen.findByRole('dialog', { name: 'Raise an action on NC-2025-003' }, { timeout: 5000 });
}

describe('a record’s actions', () => {
  it('lists the record’s actions (synced with Planner when shown), open ones first, each with its assignee', async () => {
    const region = await openRecord(tom);
    const list = await within(region).findByRole('list', { name: '4 actions of NC-2025-003' }, { timeout: 15_000 });
    const titles = within(list).getAllByRole('heading').map((h) => h.textContent);
    // Work still to do first, then what waits for verification, then what is closed.
    expect(titles).toEqual([
      'ACT-0142 Block "Implement" in the ITSM workflow without a recorded CAB approval',
      'ACT-0144 Effectiveness check: re-sample 20 changes',
      'ACT-0143 Briefing for all change implementers',
      'ACT-0141 Retrospective CAB review of the two changes',
    ]);
    expect(within(list).getAllByText('Assigned to David Kowalski').length).toBeGreaterThan(0);
    await waitFor(() => expect(within(region).getByText(/^Synced with Planner: \d+ actions? checked$/)).toBeTruthy(), { timeout: 15_000 });
  });

  it('checks the form before sending anything, and says why someone outside the SMS group cannot be assigned', async () => {
    const before = (await actionsOfNc()).length;
    const region = await openRecord(tom);
    const dialog = await openRaiseDialog(region);
    // The type is a corrective action by default for a nonconformity.
    expect((within(dialog).getByRole('combobox', { name: /^Type/ }) as HTMLSelectElement).value).toBe('Corrective action');
    await userEvent.setup().click(within(dialog).getByRole('button', { name: 'Raise action' }));
    expect(await within(dialog).findByText('Check the fields marked below.')).toBeTruthy();
    expect(within(dialog).getAllByText('Enter a title.').length).toBeGreaterThan(0);
    expect(within(dialog).getAllByText('Choose who does the action.').length).toBeGreaterThan(0);
    expect(within(dialog).getAllByText('Enter the due date.').length).toBeGreaterThan(0);

    const user = userEvent.setup();
    await user.type(within(dialog).getByRole('textbox', { name: /^Title/ }), 'Add the approval check to the release checklist');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: /^Assignee/ }), jack.userPrincipalName.toLowerCase());
    const notMember = 'Jack Turner is not a member of the SMS group: Planner cannot assign them. Choose someone in the group, or ask the SMS manager to add them to it.';
    expect(await within(dialog).findByText(notMember, {}, { timeout: 10_000 })).toBeTruthy();
    const due = within(dialog).getByLabelText(/^Due date/);
    await user.type(due, '2030-01-15');
    await user.click(within(dialog).getByRole('button', { name: 'Raise action' }));
    // Refused before anything is sent: the dialog stays open with the reason at the assignee.
    await waitFor(() => expect(within(dialog).queryByText('Check the fields marked below.')).toBeNull());
    expect(within(dialog).getByText(notMember)).toBeTruthy();
    expect(screen.getByRole('dialog', { name: 'Raise an action on NC-2025-003' })).toBeTruthy();
    expect((await actionsOfNc()).length).toBe(before);
  });

  it('raises one action and one Planner task for a double click', async () => {
    const before = await actionsOfNc();
    const region = await openRecord(tom);
    const dialog = await openRaiseDialog(region);
    const user = userEvent.setup();
    await user.type(within(dialog).getByRole('textbox', { name: /^Title/ }), 'Publish the CAB approval rule on the intranet');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: /^Assignee/ }), aisha.userPrincipalName.toLowerCase());
    await user.type(within(dialog).getByLabelText(/^Due date/), '2030-02-01');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: /^Priority/ }), 'Important');
    await waitFor(() => expect(within(dialog).queryByText(/is not a member of the SMS group/)).toBeNull());
    harness.emulator.emu.requests.clear();
    await user.dblClick(within(dialog).getByRole('button', { name: 'Raise action' }));

    const done = await within(region).findByText(/^ACT-\d{4} was raised and assigned to Aisha Rahman in Planner\.$/, {}, { timeout: 15_000 });
    const ref = /^(ACT-\d{4})/.exec(done.textContent ?? '')![1]!;
    const after = await actionsOfNc();
    expect(after).toHaveLength(before.length + 1);
    const raised = after.find((a) => a.fields?.Ref === ref)!;
    expect(raised.fields).toMatchObject({ Title: 'Publish the CAB approval rule on the intranet', ActionType: 'Corrective action', AssignedToUPN: aisha.userPrincipalName.toLowerCase(), Priority: 'Important', Status: 'Not started', SourceRef: 'NC-2025-003' });
    expect(raised.fields?.PlannerTaskId).toBeTruthy();
    const creates = harness.emulator.emu.requests.list().filter((e) => e.method === 'POST');
    const actionsList = (await getLists(harness.clientAs(tom.userPrincipalName), siteId)).find((l) => l.displayName === 'Actions')!.id!;
    expect(creates.filter((e) => [`/lists/${actionsList}/items`, '/lists/Actions/items'].some((p) => decodeURIComponent(e.path).endsWith(p)))).toHaveLength(1);
    expect(creates.filter((e) => e.path.endsWith('/planner/tasks'))).toHaveLength(1);
    // It is listed with the record's other actions.
    expect(await within(region).findByRole('heading', { name: new RegExp(`^${ref} Publish the CAB approval rule`) }, { timeout: 15_000 })).toBeTruthy();
  });

  it('tells someone who may not raise actions on the record why, without a dialog', async () => {
    const region = await openRecord(jack);
    const raise = await within(region).findByRole('button', { name: 'Raise action' }, { timeout: 15_000 });
    expect(raise).toHaveProperty('disabled', true);
    expect(document.getElementById(raise.getAttribute('aria-describedby') ?? '')?.textContent).toBeTruthy();
  });
});
