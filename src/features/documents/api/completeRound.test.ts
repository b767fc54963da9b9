import { describe, expect, it } from 'vitest';
import { getTask } from '../../../../graph/planner/planner.js';
import { createDraft, interruptedApproval, people, useDocumentsHarness } from '../../../../tests/support/documentsHarness.js';
import { DocumentRuleError, loadDocument } from '../services/index.js';
import { completeRound, roundToComplete } from './completeRound.js';
import { submitForReview } from './submitForReview.js';

/** `completeRound` against the emulator (msw, in process): finishing a round whose decision's later steps failed. */
const bed = useDocumentsHarness();

describe('completeRound', () => {
  it('publishes a document whose approval was recorded before a failure, with one audit entry for the decision', async () => {
    const { h, priya, raj } = bed;
    const { docId, failed } = await interruptedApproval(bed, 'Network Change Instruction');
    expect(failed).toBe(true);
    const stuck = await loadDocument(raj, docId);
    expect(stuck.state.status).toBe('In review');
    expect(roundToComplete(stuck)).toBe(true);

    const outcome = await completeRound(raj, docId);
    expect(outcome).toMatchObject({ decision: 'Approved', status: 'Published', published: { versionLabel: '1.0' } });
    const after = await loadDocument(priya, docId);
    expect(after.state).toMatchObject({ status: 'Published', publishedVersion: '1.0' });
    expect(roundToComplete(after)).toBe(false);
    const approvals = (await h.listFields('Document Approvals')).filter((a) => String(a.Title).startsWith(`${docId} `));
    expect(approvals).toHaveLength(1);
    const approval = approvals[0]!;
    expect(approval).toMatchObject({ Decision: 'Approved' });
    expect((await getTask(h.clientAs(people.raj), String(approval.PlannerTaskId))).percentComplete).toBe(100);
    const audit = (await h.listFields('SMS Audit Trail', '$top=999')).filter((e) => String(e.EntityRef).startsWith(`${docId} `) || e.EntityRef === docId);
    expect(audit.filter((e) => e.ListKey === 'documentApprovals' && e.ToStatus === 'Approved')).toHaveLength(1);
    expect(audit.filter((e) => e.ToStatus === 'Published')).toHaveLength(1);
  });

  it('refuses while a decision is still pending, and changes nothing', async () => {
    const { priya, raj } = bed;
    const docId = await createDraft(priya, { title: 'Pending Round Instruction' });
    await submitForReview(priya, docId);
    const before = await loadDocument(raj, docId);
    expect(roundToComplete(before)).toBe(false);

    const err = await completeRound(raj, docId).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DocumentRuleError);
    expect((err as DocumentRuleError).refusal.reason).toBe('approvalsIncomplete');
    const after = await loadDocument(raj, docId);
    expect(after.eTag).toBe(before.eTag);
    expect(after.approvals).toEqual(before.approvals);
  });
});
