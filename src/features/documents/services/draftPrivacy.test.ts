import { describe, expect, it } from 'vitest';
import { createDraft, people, publishedDocument, useDocumentsHarness } from '../../../../tests/support/documentsHarness.js';
import { submitForReview } from '../api/submitForReview.js';
import { loadDocument } from './load.js';

/**
 * Drafts stay private (issue 9 §3), checked over Graph as Jack Turner, an employee: the library hides
 * a draft from him, and provisioning gives `Document Releases` and `Document Approvals` unique
 * permissions without all staff, so he cannot read a draft's release or approval records either,
 * whatever he asks Graph directly. He still reads the published document.
 */
const bed = useDocumentsHarness();

describe('draft records as an employee sees them', () => {
  it('Jack can read neither the release nor the approval records of a draft in review', async () => {
    const { h, priya } = bed;
    const docId = await createDraft(priya, { title: 'Major Incident Playbook', changeSummary: 'Confidential restructuring of the on-call rota.' });
    await submitForReview(priya, docId);
    const asPriya = await h.raw(people.priya, `/sites/${h.siteId}/lists/Document Releases/items?$expand=fields&$filter=fields/DocId eq '${docId}'`);
    expect(asPriya.status).toBe(200);

    for (const list of ['Document Releases', 'Document Approvals']) {
      const res = await h.raw(people.jack, `/sites/${h.siteId}/lists/${list}/items?$expand=fields`);
      expect(res.status, list).toBe(403);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('accessDenied');
      const byId = await h.raw(people.jack, `/sites/${h.siteId}/lists/${list === 'Document Releases' ? priya.site.releasesListId : priya.site.approvalsListId}/items/1`);
      expect(byId.status, list).toBe(403);
    }
    const lists = (await (await h.raw(people.jack, `/sites/${h.siteId}/lists?$select=displayName`)).json()) as { value: { displayName: string }[] };
    expect(lists.value.map((l) => l.displayName)).not.toContain('Document Approvals');
    // The draft itself stays hidden from him in the library.
    await expect(loadDocument(bed.jack, docId)).rejects.toMatchObject({ name: 'DocumentNotFoundError' });
  });

  it('Jack still reads a published document, without its release records', async () => {
    const { priya, raj, jack } = bed;
    const docId = await publishedDocument(priya, raj, { title: 'Service Desk Handbook' });
    const snap = await loadDocument(jack, docId);
    expect(snap.state.publishedVersion).toBe('1.0');
    expect(snap.recordsHidden).toBe(true);
    expect(snap.releases).toEqual([]);
    expect((await loadDocument(priya, docId)).releases.length).toBeGreaterThan(0);
  });
});
