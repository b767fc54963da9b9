import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { signInToEmulator } from '../../../../app/auth/devSignIn.js';
import { APP_SCOPES } from '../../../../app/auth/scopes.js';
import { ORIGIN, demoPerson, renderApp } from '../../../../../tests/support/appHarness.js';
import { demo, useRegistersHarness } from '../../../../../tests/support/registersHarness.js';
import { updateRegisterRecord } from '../../api/updateRegisterRecord.js';
import { registerConfig } from '../../services/catalog.js';
import { loadRecord } from '../../services/records.js';

/**
 * A record's page against the emulator with the demo site: the transitions the signed-in user may make
 * (and why the others are refused: the NC owner cannot close it), a transition with its reason, the
 * history from the item versions, and an edit that meets someone else's save (412) and keeps the input.
 */
const bed = useRegistersHarness();
const david = demoPerson('David', 'Kowalski');
const tom = demoPerson('Tom', 'Whitaker');

async function open(path: string, user: { displayName: string; userPrincipalName: string }) {
  await import('../../index.js');
  renderApp({ path, session: await signInToEmulator(ORIGIN, user, APP_SCOPES) });
}

async function ncInEffectivenessCheck(ref: string) {
  return bed.seedItem('nonconformities', {
    Title: 'Emergency changes without CAB review',
    Ref: ref,
    Status: 'Effectiveness check',
    Owner: bed.lookupIdOf(demo.david),
    Source: 'Internal audit',
    Grade: 'Minor',
    PrimaryClause: '8.5.1.3',
    ClauseRefs: ['8.5.1.3', '10.1'],
    RootCause: 'The workflow let emergency changes skip the ECAB.',
  });
}

describe('record page', () => {
  it('shows the NC owner why they cannot close their own nonconformity, and offers no button for it', async () => {
    const id = await ncInEffectivenessCheck('NC-T-901');
    await open(`/registers/nonconformities/${id}`, david);
    expect(await screen.findByRole('heading', { level: 1, name: 'NC-T-901: Emergency changes without CAB review' }, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByText('Status: Effectiveness check')).toBeTruthy();
    expect(screen.getByText('Clause 8.5.1.3')).toBeTruthy();
    expect(screen.getByText('Clause 10.1')).toBeTruthy();
    const refused = await screen.findByText('Not available to you now:', undefined, { timeout: 10_000 });
    const list = refused.nextElementSibling as HTMLElement;
    expect(within(list).getByText((_, el) => el?.tagName === 'LI' && el.textContent === 'Closed — The nonconformity\'s owner cannot verify its effectiveness or close it (segregation of duties).')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Move to “Closed”' })).toBeNull();
  }, 60_000);

  it('lets the SMS manager close it with a reason, and the history says who changed what and when', async () => {
    const id = await ncInEffectivenessCheck('NC-T-902');
    await open(`/registers/nonconformities/${id}`, tom);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Move to “Closed”' }, { timeout: 10_000 }));
    const dialog = await screen.findByRole('dialog', { name: 'NC-T-902: move to “Closed”' });
    await user.click(within(dialog).getByRole('button', { name: 'Move to “Closed”' }));
    expect(await within(dialog).findByText('Give the reason for this change.')).toBeTruthy();

    await user.type(within(dialog).getByRole('textbox', { name: /^Reason/ }), 'Sampled 20 emergency changes: all reviewed.');
    await user.click(within(dialog).getByRole('button', { name: 'Move to “Closed”' }));
    expect(await screen.findByText('Status: Closed', undefined, { timeout: 10_000 })).toBeTruthy();

    const history = await screen.findByRole('list', { name: 'Versions of this record, newest first' }, { timeout: 10_000 });
    await waitFor(() => expect(within(history).getAllByRole('listitem', { name: undefined }).length).toBeGreaterThan(1));
    const newest = within(history).getAllByRole('listitem')[0]!;
    expect(newest.textContent).toMatch(/^Changed by Tom Whitaker on /);
    expect(newest.textContent).toContain('Status: Effectiveness check → Closed');
    expect(newest.textContent).toContain('Effectiveness result: — → Effective');
    expect(newest.textContent).toContain('Verified by: — → Tom Whitaker');
    expect(within(history).getAllByText(/^Created by Tom Whitaker on /)).toHaveLength(1);
  }, 60_000);

  it('explains an edit that meets someone else’s save, keeps the input, and saves it on top of their change', async () => {
    const id = await ncInEffectivenessCheck('NC-T-903');
    await open(`/registers/nonconformities/${id}`, tom);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Edit' }, { timeout: 10_000 }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit NC-T-903' });
    const consequences = within(dialog).getByRole('textbox', { name: 'Consequences' });
    await user.type(consequences, 'Two unreviewed changes reached production.');

    // Meanwhile David records the correction.
    const ctx = await bed.ctxFor(demo.tom);
    const nc = registerConfig('nonconformities')!;
    await updateRegisterRecord(ctx, { register: 'nonconformities', record: await loadRecord(ctx.client, bed.siteId, nc, id, 'UTC'), changes: { Correction: 'Both changes reviewed retrospectively.' } });

    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText('Someone else saved this record')).toBeTruthy();
    expect((within(dialog).getByRole('textbox', { name: 'Consequences' }) as HTMLTextAreaElement).value).toBe('Two unreviewed changes reached production.');

    await user.click(within(dialog).getByRole('button', { name: 'Reload and keep my changes' }));
    await waitFor(() => expect((within(dialog).getByRole('textbox', { name: 'Correction' }) as HTMLTextAreaElement).value).toBe('Both changes reviewed retrospectively.'));
    expect((within(dialog).getByRole('textbox', { name: 'Consequences' }) as HTMLTextAreaElement).value).toBe('Two unreviewed changes reached production.');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull(), { timeout: 10_000 });

    const saved = await loadRecord(ctx.client, bed.siteId, nc, id, 'UTC');
    expect(saved.values).toMatchObject({ Correction: 'Both changes reviewed retrospectively.', Consequences: 'Two unreviewed changes reached production.' });
  }, 60_000);
});
