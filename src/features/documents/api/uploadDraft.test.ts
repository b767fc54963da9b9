import { describe, expect, it } from 'vitest';
import { createDraft, markdownFile, useDocumentsHarness } from '../../../../tests/support/documentsHarness.js';
import { DocumentRuleError, loadDocument, loadVersionHistory, versionBytes } from '../services/index.js';
import { uploadDraft } from './uploadDraft.js';

/** `uploadDraft` against the emulator (msw, in process): a new draft version with its change summary, and a refusal that changes nothing. */
const bed = useDocumentsHarness();

describe('uploadDraft', () => {
  it('puts the new file in a new draft version with the change summary, keeping the document a Draft', async () => {
    const { priya } = bed;
    const docId = await createDraft(priya, { title: 'Event Handling Procedure' }, markdownFile('events.md', '# Events\n\nFirst draft.\n'));
    const before = await loadDocument(priya, docId);
    const versionsBefore = await loadVersionHistory(priya, before);

    const after = await uploadDraft(priya, docId, { file: markdownFile('events.md', '# Events\n\nSecond draft.\n'), changeSummary: '  Adds severity levels.  ' });
    expect(after.state).toMatchObject({ status: 'Draft', changeSummary: 'Adds severity levels.' });
    expect(new TextDecoder().decode(await versionBytes(priya, after, null))).toBe('# Events\n\nSecond draft.\n');
    const versionsAfter = await loadVersionHistory(priya, after);
    expect(versionsAfter.length).toBeGreaterThan(versionsBefore.length);
    expect(versionsAfter.every((v) => !v.major)).toBe(true);
    expect(after.file.versionLabel).toMatch(/^0\.\d+$/);
  });

  it('refuses someone who may not edit the draft, and changes nothing', async () => {
    const { priya, raj } = bed;
    const docId = await createDraft(priya, { title: 'Access Review Procedure' }, markdownFile('access.md', '# Access\n'));
    const before = await loadDocument(priya, docId);

    const err = await uploadDraft(raj, docId, { file: markdownFile('access.md', '# Access, by Raj\n'), changeSummary: 'Raj edits' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DocumentRuleError);
    expect((err as DocumentRuleError).refusal.reason).toBe('notPermitted');
    const after = await loadDocument(priya, docId);
    expect(after.eTag).toBe(before.eTag);
    expect(new TextDecoder().decode(await versionBytes(priya, after, null))).toBe('# Access\n');
  });
});
