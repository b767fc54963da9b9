import { describe, expect, it } from 'vitest';
import { getTask } from '../../../../graph/planner/planner.js';
import { createDraft, people, publishedDocument, useDocumentsHarness } from '../../../../tests/support/documentsHarness.js';
import { DocumentRuleError, loadDocument } from '../services/index.js';
import { submitForReview } from './submitForReview.js';

/** `submitForReview` against the emulator (msw, in process): the records a submission writes, and a refusal that changes nothing. */
const bed = useDocumentsHarness();

describe('submitForReview', () => {
  it('puts a draft in review with a pending approval for its approver and an open Planner task', async () => {
    const { h, priya, raj } = bed;
    const docId = await createDraft(priya, { title: 'Service Catalogue Procedure' });

    const snap = await submitForReview(priya, docId);
    expect(snap.state.status).toBe('In review');
    const [doc] = await h.listFields('SMS Documents', `$filter=fields/DocId eq '${docId}'`);
    expect(doc).toMatchObject({ DocStatus: 'In review' });
    const [release] = await h.listFields('Document Releases', `$filter=fields/DocId eq '${docId}'`);
    expect(release).toMatchObject({ VersionLabel: '0.1', VersionStatus: 'In review' });
    const approvals = (await h.listFields('Document Approvals')).filter((a) => String(a.Title).startsWith(`${docId} `));
    expect(approvals).toHaveLength(1);
    // The approval names its assignee by UPN (ADR 0005); the Assignee person column is set only when Priya's
    // directory already knew Raj as a site user.
    expect(approvals[0]).toMatchObject({ Step: 'Approval', Decision: 'Pending', AssigneeUPN: raj.mePerson.upn });
    const task = await getTask(h.clientAs(people.raj), String(approvals[0]!.PlannerTaskId));
    expect(task.percentComplete ?? 0).toBe(0);
    expect(task.title).toContain(docId);
  });

  it('refuses to submit a published document, and changes nothing', async () => {
    const { priya, raj } = bed;
    const docId = await publishedDocument(priya, raj, { title: 'Backup Restore Instruction' });
    const published = await loadDocument(priya, docId);

    const again = await submitForReview(priya, docId).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(DocumentRuleError);
    expect((again as DocumentRuleError).refusal.reason).toBe('notAllowedFromStatus');

    const after = await loadDocument(priya, docId);
    expect(after.eTag).toBe(published.eTag);
    expect(after.releases).toEqual(published.releases);
  });
});
