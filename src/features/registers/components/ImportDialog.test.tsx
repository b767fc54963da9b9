import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { getList } from '../../../../graph/lists/lists.js';
import { risks } from '../../../../graph/schema/registers.js';
import { getSiteByUrl } from '../../../../graph/sites/sites.js';
import { ensureDemoContent } from '../../../../scripts/demo/firstStart.js';
import { CONFIG, ORIGIN, demoPerson, startHarness, type Harness } from '../../../../tests/support/appHarness.js';
import { installLayoutShims } from '../../../../tests/support/jsdom.js';
import { App } from '../../../app/App.js';
import { signInToEmulator } from '../../../app/auth/devSignIn.js';
import { APP_SCOPES } from '../../../app/auth/scopes.js';
import { DEMO_SMS_SITE_URL } from '../../../app/config.js';
import { createI18n } from '../../../app/i18n/i18n.js';
import { loadPeopleDirectory } from '../../../platform/people.js';
import { cell, readAll } from '../../../platform/registers/index.js';
import { registerConfig } from '../services/catalog.js';
import { ImportDialog } from './ImportDialog.js';

/** CSV import into the demo Risk Register as Tom (SMS manager), against the emulator. */
const tom = demoPerson('Tom', 'Whitaker');
const marcus = demoPerson('Marcus', 'Chen');

let harness: Harness;
let siteId: string;
let imported = 0;

beforeAll(async () => {
  harness = await startHarness();
  await ensureDemoContent({ origin: ORIGIN, graphBaseUrl: CONFIG.graphBaseUrl, log: () => undefined });
  siteId = (await getSiteByUrl(harness.clientAs(tom.userPrincipalName), DEMO_SMS_SITE_URL)).id!;
}, 120_000);
afterEach(() => {
  cleanup();
  harness.emulator.emu.faults.update({ failAfterCommitCount: 0 });
});
afterAll(() => harness.close());

/** The Risk Register's items as the emulator holds them. */
const riskItems = () =>
  readAll(harness.clientAs(tom.userPrincipalName), siteId, { schema: risks, columns: ['Ref', 'Title', 'Status', 'Owner', 'Likelihood', 'Impact', 'InherentScore', 'ResidualScore'], toRow: (r) => r }, { filters: [], sort: null });

/** Item creations the app sent to a list, addressed by display name or id (the request log of the emulator). */
async function creates(list: string): Promise<number> {
  const id = (await getList(harness.clientAs(tom.userPrincipalName), siteId, list)).id;
  return harness.emulator.emu.requests.list().filter((e) => e.method === 'POST' && [list, id].some((ref) => decodeURIComponent(e.path).endsWith(`/lists/${ref}/items`))).length;
}

async function openDialog() {
  installLayoutShims();
  const session = await signInToEmulator(ORIGIN, tom, APP_SCOPES);
  render(
    <MemoryRouter initialEntries={['/registers']}>
      <App
        config={CONFIG}
        host={{ kind: 'browser', embedded: false }}
        i18n={createI18n('en')}
        testing={{ queryRetry: false, graphRetry: { maxRetries: 0 }, session }}
        content={<ImportDialog register={registerConfig('risks')!} onImported={() => imported++} />}
      />
    </MemoryRouter>,
  );
  const user = userEvent.setup();
  const button = await screen.findByRole('button', { name: 'Import CSV' }, { timeout: 15_000 });
  await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(false), { timeout: 15_000 });
  await user.click(button);
  const dialog = await screen.findByRole('dialog', { name: 'Import into Risk register from a CSV file' });
  return { user, dialog };
}

async function chooseFile(user: ReturnType<typeof userEvent.setup>, dialog: HTMLElement, csv: string) {
  await user.upload(within(dialog).getByLabelText('CSV file'), new File([csv], 'risks.csv', { type: 'text/csv' }));
  return within(dialog).findByRole('table', { name: 'Preview of the rows' }, { timeout: 15_000 });
}

const resultOf = (table: HTMLElement, line: number) => {
  const row = within(table).getByRole('cell', { name: String(line) }).closest('tr')!;
  return row.querySelectorAll('td')[2]!.textContent;
};

describe('Importing risks from a CSV file', () => {
  it('previews each row with its problems, writes nothing before the confirmation, then creates each valid row once', async () => {
    const before = await riskItems();
    const { user, dialog } = await openDialog();
    const csv = [
      'Title,Risk or opportunity,Likelihood,Impact,Residual likelihood,Residual impact,Owner,Status,Ref',
      `Import A,Threat,3,4,2,2,${marcus.userPrincipalName},,`,
      'Import B,Maybe,seven,4,,,,,',
      'Import C,Threat,2,2,,,,,RSK-001',
      'Import D,Opportunity,2,3,,,Marcus Chen,Closed,',
      'Import E,Opportunity,1,2,,,Marcus Chen,,',
    ].join('\r\n');
    const table = await chooseFile(user, dialog, csv);

    expect(within(dialog).getByText('Risk or opportunity: imported into Risk or opportunity')).toBeTruthy();
    expect(within(dialog).getByText('2 of 5 rows can be imported; rows with errors are skipped.')).toBeTruthy();
    expect(resultOf(table, 2)).toBe('Ready to import');
    expect(resultOf(table, 3)).toContain('Risk or opportunity: “Maybe” is not one of: Threat, Opportunity');
    expect(resultOf(table, 3)).toContain('Likelihood: “seven” is not a number');
    expect(resultOf(table, 4)).toBe('Ref RSK-001 already exists in the register');
    expect(resultOf(table, 5)).toBe('Status: an imported record starts as Identified, not Closed; move it on from its page');
    expect(resultOf(table, 6)).toBe('Ready to import');
    // The preview wrote nothing.
    expect(await riskItems()).toHaveLength(before.length);

    harness.emulator.emu.requests.clear();
    await user.click(within(dialog).getByRole('button', { name: 'Import 2 rows' }));
    expect(await within(dialog).findByText('2 records imported.', undefined, { timeout: 20_000 })).toBeTruthy();
    expect(imported).toBe(1);

    const after = await riskItems();
    expect(after).toHaveLength(before.length + 2);
    expect(await creates('Risk Register')).toBe(2);
    const a = after.filter((r) => r.values.Title === 'Import A');
    const e = after.filter((r) => r.values.Title === 'Import E');
    expect(a).toHaveLength(1);
    expect(e).toHaveLength(1);
    // Each got the next Ref of the sequence, the initial status, the owner named in the file and its computed scores.
    const refs = [cell.text(a[0]!.values.Ref), cell.text(e[0]!.values.Ref)];
    expect(refs.every((r) => /^RSK-\d{3}$/.test(r ?? ''))).toBe(true);
    expect(new Set(refs).size).toBe(2);
    expect(before.some((r) => refs.includes(cell.text(r.values.Ref)))).toBe(false);
    expect(a[0]!.values.Status).toBe('Identified');
    const people = await loadPeopleDirectory(harness.clientAs(tom.userPrincipalName), siteId);
    expect(a[0]!.values.Owner).toBe(people.byId(marcus.userPrincipalName)!.lookupId);
    expect([a[0]!.values.InherentScore, a[0]!.values.ResidualScore]).toEqual([12, 4]);
    expect(within(table).getByText(`Imported as ${refs[0]}`)).toBeTruthy();
  }, 90_000);

  it('keeps the rows written when the import stops, and a retry sends no row twice', async () => {
    const { user, dialog } = await openDialog();
    await chooseFile(user, dialog, 'Title,Risk or opportunity,Ref\r\nRetry one,Threat,RSK-901\r\nRetry two,Threat,RSK-902\r\n');
    harness.emulator.emu.requests.clear();
    // The first item is created, but its answer is lost (504 after commit).
    harness.emulator.emu.faults.update({ failAfterCommitCount: 1 });
    await user.click(within(dialog).getByRole('button', { name: 'Import 2 rows' }));
    expect(await within(dialog).findByText('The import stopped after 0 of 2 rows. The rows imported are kept and are not sent again; retry to import the rest.', undefined, { timeout: 20_000 })).toBeTruthy();
    expect((await riskItems()).filter((r) => r.values.Ref === 'RSK-901')).toHaveLength(1);

    await user.click(within(dialog).getByRole('button', { name: 'Retry the remaining 2 rows' }));
    expect(await within(dialog).findByText('2 records imported.', undefined, { timeout: 20_000 })).toBeTruthy();
    const after = await riskItems();
    expect(after.filter((r) => r.values.Ref === 'RSK-901')).toHaveLength(1);
    expect(after.filter((r) => r.values.Ref === 'RSK-902')).toHaveLength(1);
    // One create per row in all: the retry found RSK-901 written and only added its audit entry.
    expect(await creates('Risk Register')).toBe(2);
    expect(await creates('SMS Audit Trail')).toBe(2);
  }, 90_000);
});
