import { describe, expect, it } from 'vitest';
import { publishedDocument, useDocumentsHarness } from '../../../../tests/support/documentsHarness.js';
import { DocumentRuleError, loadDocument } from '../services/index.js';
import { archiveDocument } from './archiveDocument.js';
import { withdrawDocument } from './withdrawDocument.js';

/** `archiveDocument` against the emulator (msw, in process): a withdrawn document archived on a controller's request, and refusals that change nothing. */
const bed = useDocumentsHarness();

async function withdrawn(title: string): Promise<string> {
  const docId = await publishedDocument(bed.priya, bed.raj, { title });
  await withdrawDocument(bed.priya, docId, 'Replaced by the new procedure.');
  return docId;
}

describe('archiveDocument', () => {
  it('archives a withdrawn document with the reason in the audit trail', async () => {
    const { h, priya } = bed;
    const docId = await withdrawn('Legacy Release Procedure');

    const archived = await archiveDocument(priya, docId, 'Retention period started.');
    expect(archived.state.status).toBe('Archived');
    const [doc] = await h.listFields('SMS Documents', `$filter=fields/DocId eq '${docId}'`);
    expect(doc).toMatchObject({ DocStatus: 'Archived' });
    const audit = await h.listFields('SMS Audit Trail', `$filter=fields/EntityRef eq '${docId}'`);
    expect(audit.filter((e) => e.ToStatus === 'Archived')).toEqual([expect.objectContaining({ FromStatus: 'Withdrawn', Comment: 'Retention period started.' })]);
  });

  it('refuses someone who is not a document controller or SMS manager, a missing reason and a published document, changing nothing', async () => {
    const { priya, raj } = bed;
    const docId = await withdrawn('Legacy Change Procedure');
    const before = await loadDocument(priya, docId);

    const byRaj = await archiveDocument(raj, docId, 'Tidy up.').catch((e: unknown) => e);
    expect(byRaj).toBeInstanceOf(DocumentRuleError);
    expect((byRaj as DocumentRuleError).refusal.reason).toBe('notPermitted');
    const noReason = await archiveDocument(priya, docId, '   ').catch((e: unknown) => e);
    expect((noReason as DocumentRuleError).refusal.reason).toBe('reasonRequired');
    const after = await loadDocument(priya, docId);
    expect(after.eTag).toBe(before.eTag);
    expect(after.state.status).toBe('Withdrawn');

    const published = await publishedDocument(priya, raj, { title: 'Current Change Procedure' });
    const notWithdrawn = await archiveDocument(priya, published, 'Too early.').catch((e: unknown) => e);
    expect((notWithdrawn as DocumentRuleError).refusal.reason).toBe('notAllowedFromStatus');
    expect((await loadDocument(priya, published)).state.status).toBe('Published');
  });
});
