import { describe, expect, it } from 'vitest';
import { createDraft, interruptedApproval, people, useDocumentsHarness } from '../../../../tests/support/documentsHarness.js';
import { loadDocument } from '../services/index.js';
import { checkDecision, decideApproval } from './decideApproval.js';
import { submitForReview } from './submitForReview.js';

/**
 * `decideApproval` against the emulator (msw, in process): changes requested send the document
 * back to Draft, and a decision whose later steps failed is finished by retrying it. (Approvals
 * that publish: publishDocument.test.ts and ../services/publish.requests.test.ts.)
 */
const bed = useDocumentsHarness();

describe('decideApproval', () => {
  it('with changes requested, records the comment and returns the document to Draft', async () => {
    const { h, priya, raj } = bed;
    const docId = await createDraft(priya, { title: 'Supplier Review Procedure' });
    await submitForReview(priya, docId);
    const snap = await loadDocument(raj, docId);
    const approval = snap.approvals[0]!;
    // What the rules say before anything is written: only the assignee decides, and says why.
    expect(checkDecision(priya, snap, approval, 'Approved', null)).toMatchObject({ reason: 'notAssignee' });
    expect(checkDecision(raj, snap, approval, 'Changes requested', null)).toMatchObject({ reason: 'commentRequired' });
    expect(checkDecision(raj, snap, approval, 'Changes requested', 'Add the escalation path.')).toBeNull();

    const outcome = await decideApproval(raj, docId, approval.itemId, 'Changes requested', 'Add the escalation path.');
    expect(outcome).toMatchObject({ decision: 'Changes requested', status: 'Draft', published: null });
    expect((await loadDocument(priya, docId)).state.status).toBe('Draft');
    const [record] = (await h.listFields('Document Approvals')).filter((a) => String(a.Title).startsWith(`${docId} `));
    expect(record).toMatchObject({ Decision: 'Changes requested', Comment: 'Add the escalation path.' });
    const [release] = await h.listFields('Document Releases', `$filter=fields/DocId eq '${docId}'`);
    expect(release).toMatchObject({ VersionLabel: '0.1', VersionStatus: 'Draft' });
  });
});

describe('a decision whose later steps fail', () => {
  it('is finished by retrying it: the document moves on and the approval is recorded once', async () => {
    const { h, priya, raj } = bed;
    const { docId, approvalId, error, failed } = await interruptedApproval(bed, 'Firewall Change Instruction');
    expect(error).toMatchObject({ status: 500 });
    expect(failed).toBe(true);
    expect((await loadDocument(priya, docId)).state.status).toBe('In review');

    const outcome = await decideApproval(raj, docId, approvalId, 'Approved', null);
    expect(outcome).toMatchObject({ decision: 'Approved', status: 'Published' });
    expect((await loadDocument(priya, docId)).state.status).toBe('Published');
    const res = await h.raw(people.tom, `/sites/${h.siteId}/lists/Document Approvals/items?$expand=fields`);
    const approvals = ((await res.json()) as { value: { id: string; fields: Record<string, unknown> }[] }).value.filter((i) => String(i.fields.Title ?? '').includes(docId));
    expect(approvals).toHaveLength(1);
    expect(approvals[0]).toMatchObject({ id: approvalId, fields: expect.objectContaining({ Decision: 'Approved' }) });
  });
});
