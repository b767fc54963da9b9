import { describe, expect, it } from 'vitest';
import { createDraft, people, useDocumentsHarness } from '../../../../tests/support/documentsHarness.js';
import { loadDocument } from '../services/index.js';
import { completeRound } from './completeRound.js';
import { decideApproval } from './decideApproval.js';
import { publishDocument } from './publishDocument.js';
import { submitForReview } from './submitForReview.js';

/**
 * The first attack: the author, a document controller, writes her approver's decision over
 * Graph herself. The server stamps her as the record's last writer, so the decision does not count:
 * "Complete review" and publication refuse, and the approver can still record his own decision.
 */
const bed = useDocumentsHarness();

async function forgeApproval(docId: string): Promise<string> {
  const { h, priya } = bed;
  const snap = await loadDocument(priya, docId);
  const approval = snap.approvals.find((a) => a.step === 'Approval')!;
  const res = await h.raw(people.priya, `/sites/${h.siteId}/lists/${priya.site.approvalsListId}/items/${approval.itemId}/fields`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ Decision: 'Approved', DecidedOn: new Date().toISOString() }),
  });
  expect(res.status).toBe(200); // SharePoint lets a Contribute user edit the item: the app must not trust it
  return approval.itemId;
}

describe('a decision written by someone other than its approver', () => {
  it('does not count: Complete review and Publish refuse, the approver still decides himself', async () => {
    const { h, priya, raj } = bed;
    const docId = await createDraft(priya, { title: 'Change Freeze Procedure' });
    await submitForReview(priya, docId);
    const approvalId = await forgeApproval(docId);

    const forged = await loadDocument(priya, docId);
    expect(forged.approvals.find((a) => a.itemId === approvalId)).toMatchObject({ decision: 'Approved', decidedBy: people.priya.toLowerCase() });
    await expect(completeRound(priya, docId)).rejects.toMatchObject({ refusal: { reason: 'untrustedDecision' } });
    await expect(publishDocument(priya, docId)).rejects.toMatchObject({ refusal: { reason: expect.stringMatching(/untrustedDecision|notAllowedFromStatus/) } });
    expect((await loadDocument(priya, docId)).state.status).toBe('In review');
    const published = (await h.listFields('Document Releases', `$filter=fields/DocId eq '${docId}'`)).filter((r) => r.VersionStatus === 'Published');
    expect(published).toHaveLength(0);

    // Raj's own decision is the one that counts.
    const outcome = await decideApproval(raj, docId, approvalId, 'Approved', 'Read and approved.');
    expect(outcome).toMatchObject({ decision: 'Approved', status: 'Published' });
    const after = await loadDocument(priya, docId);
    expect(after.state.status).toBe('Published');
  });
});
