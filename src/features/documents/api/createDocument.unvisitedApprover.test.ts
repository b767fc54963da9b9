import { describe, expect, it } from 'vitest';
import { buildDocumentMetadata } from '../../../../tests/support/factories.js';
import { markdownFile, people, useDocumentsHarness } from '../../../../tests/support/documentsHarness.js';
import { loadDocument } from '../services/index.js';
import { createDocument } from './createDocument.js';
import { decideApproval } from './decideApproval.js';
import { submitForReview } from './submitForReview.js';

/**
 * A person is in the site's User Information List (and has a lookup id for person columns) only once they
 * have opened the site; Graph cannot add them (ADR 0005). Naming someone who never has must still work.
 */
const bed = useDocumentsHarness();

async function siteUserUpns(): Promise<string[]> {
  const users = await bed.h.listFields('User Information List', '$top=500');
  return users.map((f) => String(f.UserName ?? f.EMail ?? '').toLowerCase());
}

describe('naming a directory user who has never opened the SMS site', () => {
  it('makes Eleanor, who never opened the site, approver of a new document; she finds and approves it on her first visit', async () => {
    const { h, priya } = bed;
    expect(await siteUserUpns()).not.toContain(people.eleanor);

    const { docId } = await createDocument(priya, {
      metadata: buildDocumentMetadata({ title: 'Information Security Policy', docType: 'Policy', approverIds: [people.eleanor], reviewerIds: [people.eleanor] }),
      file: markdownFile('policy.md', '# Information Security Policy\n'),
    });
    const [library] = await h.listFields('SMS Documents', `$filter=fields/DocId eq '${docId}'`);
    expect(library).toMatchObject({ ApproverUPN: people.eleanor, OwnerUPN: people.priya });
    expect(library!.ApproverLookupId).toBeUndefined();
    const asPriyaSees = await loadDocument(priya, docId);
    expect(asPriyaSees.state.approverIds).toEqual([people.eleanor]);
    expect(asPriyaSees.state.reviewerIds).toEqual([people.eleanor]);

    await submitForReview(priya, docId);
    expect(await siteUserUpns()).not.toContain(people.eleanor);

    // Eleanor opens the app for the first time: her approval is there, and she can decide it.
    const eleanor = await h.servicesFor(people.eleanor);
    const mine = (await loadDocument(eleanor, docId)).approvals.filter((a) => a.assigneeId === people.eleanor && a.step === 'Approval');
    expect(mine).toHaveLength(1);
    await decideApproval(eleanor, docId, mine[0]!.itemId, 'Approved', null);
    const approvals = (await h.listFields('Document Approvals')).filter((a) => String(a.Title).startsWith(`${docId} `) && a.Step === 'Approval');
    expect(approvals).toEqual([expect.objectContaining({ AssigneeUPN: people.eleanor, Decision: 'Approved' })]);
    expect(await siteUserUpns()).toContain(people.eleanor);
  });
});
