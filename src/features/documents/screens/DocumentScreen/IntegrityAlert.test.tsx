import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen, within } from '@testing-library/react';
import { renderApp } from '../../../../../tests/support/appHarness.js';
import { people, publishedDocument, sessionFor, useDocumentsHarness } from '../../../../../tests/support/documentsHarness.js';

/**
 * The document page's integrity alert for a version already published: after publication the author
 * rewrites the approver's record over Graph (SharePoint lets her: she created it), so the server now
 * names her as its last writer. The approval no longer counts, and the SMS manager's page says so for
 * the published version; an untouched document shows no alert.
 */
const bed = useDocumentsHarness();
afterEach(() => cleanup());

describe('integrity alert on a published version', () => {
  it('names the decision that no longer counts and the version published without a counting approval', async () => {
    const { h, priya, raj } = bed;
    const clean = await publishedDocument(priya, raj, { title: 'Untouched Procedure' });
    const docId = await publishedDocument(priya, raj, { title: 'Tampered Procedure' });
    const approvals = (await h.listFields('Document Approvals')).filter((a) => String(a.Title).startsWith(`${docId} `));
    expect(approvals).toHaveLength(1);
    const res = await h.raw(people.priya, `/sites/${h.siteId}/lists/${priya.site.approvalsListId}/items/${String(approvals[0]!.id)}/fields`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ Comment: 'Approved (tidied up).' }),
    });
    expect(res.status).toBe(200);

    renderApp({ path: `/documents/${docId}`, session: await sessionFor('Tom Whitaker', people.tom) });
    const alert = await screen.findByRole('alert', {}, { timeout: 5000 });
    expect(within(alert).getByText(/recorded by Priya Nair, not by Raj Patel/)).toBeTruthy();
    expect(within(alert).getByText('Version 1.0 was published without an approval that counts.')).toBeTruthy();
    cleanup();

    renderApp({ path: `/documents/${clean}`, session: await sessionFor('Tom Whitaker', people.tom) });
    await screen.findByRole('heading', { level: 2, name: 'Review history' }, { timeout: 5000 });
    // Once the review history (with its decisions) is there, the alert would have shown.
    await screen.findAllByRole('columnheader', { name: 'Recorded by' }, { timeout: 5000 });
    expect(screen.queryByText(/Integrity alert/)).toBeNull();
  });
});
