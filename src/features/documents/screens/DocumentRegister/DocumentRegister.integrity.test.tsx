import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { renderApp } from '../../../../../tests/support/appHarness.js';
import { createDraft, people, sessionFor, useDocumentsHarness } from '../../../../../tests/support/documentsHarness.js';
import { loadDocument, submitForReview } from '../../services/index.js';

/**
 * The register's integrity alert against the emulator: the author writes her approver's decision
 * herself over Graph; the SMS manager's register marks that document (and only it), while an
 * honest review in progress stays unmarked.
 */
const bed = useDocumentsHarness();
afterEach(() => cleanup());

let forged: string;
let honest: string;

beforeAll(async () => {
  const { h, priya } = bed;
  forged = await createDraft(priya, { title: 'Forged Review Procedure' });
  await submitForReview(priya, forged);
  honest = await createDraft(priya, { title: 'Honest Review Procedure' });
  await submitForReview(priya, honest);
  const approval = (await loadDocument(priya, forged)).approvals[0]!;
  const res = await h.raw(people.priya, `/sites/${h.siteId}/lists/${priya.site.approvalsListId}/items/${approval.itemId}/fields`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ Decision: 'Approved' }),
  });
  expect(res.status).toBe(200);
}, 90_000);

const table = () => screen.findByRole('table', { name: 'Document register' }, { timeout: 5000 });
const rowOf = async (docId: string) => within(await table()).getAllByRole('row').find((r) => within(r).queryByRole('link', { name: docId }))!;

describe('register integrity alert', () => {
  it('marks the document with a forged decision for the SMS manager, and no other', async () => {
    renderApp({ path: '/documents', session: await sessionFor('Tom Whitaker', people.tom) });
    await waitFor(async () => expect(within(await rowOf(forged)).getByText('Integrity alert')).toBeTruthy(), { timeout: 5000 });
    expect(within(await rowOf(honest)).queryByText('Integrity alert')).toBeNull();
  });
});
