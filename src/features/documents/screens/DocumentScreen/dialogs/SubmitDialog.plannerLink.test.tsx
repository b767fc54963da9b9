import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { getTask, getTaskDetails } from '../../../../../../graph/planner/planner.js';
import { referenceUrl } from '../../../../../../graph/planner/references.js';
import { renderApp } from '../../../../../../tests/support/appHarness.js';
import { createDraft, people, sessionFor, useDocumentsHarness } from '../../../../../../tests/support/documentsHarness.js';

/**
 * The approver's Planner task links to the document's page: Priya submits a draft from its page
 * in the app, Raj's task (plan "SMS Actions", bucket "Document reviews") carries a reference to
 * `<app origin>/documents/<DocId>`, and that address opens the document for Raj.
 */
const bed = useDocumentsHarness();
afterEach(() => cleanup());

describe("the approval's Planner task", () => {
  it('links to the document page, which opens the document for the approver', async () => {
    const { h, priya } = bed;
    const docId = await createDraft(priya, { title: 'Linked Task Procedure' });
    const u = userEvent.setup();
    renderApp({ path: `/documents/${docId}`, session: await sessionFor('Priya Nair', people.priya) });
    await u.click(await screen.findByRole('button', { name: 'Submit for review' }, { timeout: 5000 }));
    await u.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Submit' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull(), { timeout: 5000 });
    cleanup();

    const [approval] = (await h.listFields('Document Approvals')).filter((a) => String(a.Title).startsWith(`${docId} `));
    const taskId = String(approval?.PlannerTaskId ?? '');
    expect(taskId).not.toBe('');
    const raj = h.clientAs(people.raj);
    expect((await getTask(raj, taskId)).title).toContain(docId);
    const details = await getTaskDetails(raj, taskId);
    const links = Object.entries(details.references ?? {}).map(([key, ref]) => ({ url: referenceUrl(key), alias: (ref as { alias?: string }).alias }));
    const page = `${window.location.origin}/documents/${docId}`;
    expect(links).toContainEqual({ url: page, alias: `${docId} in the SMS app` });
    expect(details.description).toContain(page);

    renderApp({ path: new URL(page).pathname, session: await sessionFor('Raj Patel', people.raj) });
    expect(await screen.findByRole('heading', { level: 1, name: new RegExp(`^${docId} `) }, { timeout: 5000 })).toBeTruthy();
    // Raj can record his decision right there.
    expect(await screen.findByRole('button', { name: 'Review and decide' }, { timeout: 5000 })).toBeTruthy();
  });
});
