import { describe, expect, it } from 'vitest';
import { GraphConflictError } from '../../../../graph/core/errors.js';
import { createDraft, people, useDocumentsHarness } from '../../../../tests/support/documentsHarness.js';
import { DocumentRuleError, loadDocument, metadataOf } from '../services/index.js';
import { metadataProblems, updateMetadata } from './updateMetadata.js';

/**
 * `updateMetadata` against the emulator (msw, in process): a save with the form's eTag, a save over
 * someone else's that Graph refuses (412), and metadata the rules refuse, neither writing anything.
 */
const bed = useDocumentsHarness();

describe('updateMetadata', () => {
  it('saves the edited metadata with the eTag the form was loaded with', async () => {
    const { h, priya } = bed;
    const docId = await createDraft(priya, { title: 'Known Error Procedure' });
    const snap = await loadDocument(priya, docId);

    await updateMetadata(priya, snap, { title: 'Known Error Database Procedure', classification: 'Confidential', reviewCycleMonths: 6 }, snap.eTag);
    const [doc] = await h.listFields('SMS Documents', `$filter=fields/DocId eq '${docId}'`);
    expect(doc).toMatchObject({ Title: 'Known Error Database Procedure', Classification: 'Confidential', ReviewCycleMonths: 6, DocStatus: 'Draft' });
  });

  it('stops with a conflict when someone saved in between, and keeps their change', async () => {
    const { priya, tom } = bed;
    const docId = await createDraft(priya, { title: 'Major Incident Procedure' });
    const loaded = await loadDocument(priya, docId);
    await updateMetadata(tom, await loadDocument(tom, docId), { title: 'Major Incident Procedure (Tom)' }, loaded.eTag);

    const err = await updateMetadata(priya, loaded, { title: 'Major Incident Procedure (Priya)' }, loaded.eTag).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GraphConflictError);
    expect((err as GraphConflictError).status).toBe(412);
    expect((await loadDocument(priya, docId)).state.title).toBe('Major Incident Procedure (Tom)');
  });

  it('refuses the author as approver (segregation of duties) and writes nothing; a missing approver waits for submission', async () => {
    const { priya } = bed;
    const docId = await createDraft(priya, { title: 'Service Continuity Procedure' });
    const snap = await loadDocument(priya, docId);
    expect(metadataProblems(snap, { ...metadataOf(snap.state), approverIds: [] })).toEqual([]);
    expect(metadataProblems(snap, { ...metadataOf(snap.state), approverIds: [people.priya] }).map((p) => p.code)).toEqual(['approver.isAuthor']);

    const err = await updateMetadata(priya, snap, { approverIds: [people.priya] }, snap.eTag).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DocumentRuleError);
    expect((err as DocumentRuleError).refusal.reason).toBe('segregationOfDuties');
    const after = await loadDocument(priya, docId);
    expect(after.eTag).toBe(snap.eTag);
    expect(after.state.approverIds).toEqual([people.raj]);
  });
});
