import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CONFIG, renderApp } from '../../../../../../tests/support/appHarness.js';
import { createDraft, people, sessionFor, useDocumentsHarness } from '../../../../../../tests/support/documentsHarness.js';
import type { Language } from '../../../../../app/i18n/i18n.js';

/**
 * The submit dialog of a document's page where the cloud has no Planner (Microsoft 365 operated by
 * 21Vianet, `cloud: 'china'`): it tells the author the approver is not sent a Planner task, and
 * submitting calls no Planner endpoint. In the global service it still promises the Planner task.
 */
const bed = useDocumentsHarness();
const CHINA = { ...CONFIG, cloud: 'china' as const };
afterEach(() => cleanup());

async function openSubmit(docId: string, config = CONFIG, language: Language = 'en') {
  renderApp({ path: `/documents/${docId}`, session: await sessionFor('Priya Nair', people.priya), config, language });
  await screen.findByRole('heading', { level: 1, name: new RegExp(`^${docId} `) }, { timeout: 5000 });
}

describe('submit dialog per cloud', () => {
  it('in China says the approver gets no Planner task, and submitting never calls Planner', async () => {
    const { h } = bed;
    const docId = await createDraft(await h.servicesFor(people.priya, { planner: false }), { title: 'Capacity Plan (21Vianet)' });
    const u = userEvent.setup();
    await openSubmit(docId, CHINA);
    await u.click(await screen.findByRole('button', { name: 'Submit for review' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/the approver is not sent a Planner task/)).toBeTruthy();
    expect(within(dialog).queryByText(/the approver gets a task in Planner/)).toBeNull();

    h.emulator.emu.requests.clear();
    await u.click(within(dialog).getByRole('button', { name: 'Submit' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull(), { timeout: 5000 });
    expect(h.emulator.emu.requests.list().filter((r) => /\/planner\//i.test(r.path))).toEqual([]);
  });

  it('in China says it in Simplified Chinese too', async () => {
    const { h } = bed;
    const docId = await createDraft(await h.servicesFor(people.priya, { planner: false }), { title: 'Capacity Plan zh (21Vianet)' });
    await openSubmit(docId, CHINA, 'zh-CN');
    await userEvent.setup().click(await screen.findByRole('button', { name: '提交评审' }));
    expect(within(await screen.findByRole('dialog')).getByText(/批准人不会收到 Planner 任务/)).toBeTruthy();
  });

  it('in the global service says the approver gets a task in Planner', async () => {
    const { h } = bed;
    const docId = await createDraft(await h.servicesFor(people.priya), { title: 'Capacity Plan (global)' });
    await openSubmit(docId);
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Submit for review' }));
    expect(within(await screen.findByRole('dialog')).getByText(/the approver gets a task in Planner/)).toBeTruthy();
  });
});
