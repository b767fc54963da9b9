import { describe, expect, it } from 'vitest';
import { markdownFile, publishedDocument, useDocumentsHarness } from '../../../../tests/support/documentsHarness.js';
import { DocumentRuleError, loadDocument, versionBytes } from '../services/index.js';
import { startRevision } from './startRevision.js';

/** `startRevision` against the emulator (msw, in process): a new draft readers do not see, and a refusal that changes nothing. */
const bed = useDocumentsHarness();

describe('startRevision', () => {
  it('puts a published document under revision with the new draft, while readers keep the published version', async () => {
    const { h, priya, raj, jack } = bed;
    const docId = await publishedDocument(priya, raj, { title: 'Capacity Procedure' }, markdownFile('capacity.md', '# Capacity\n\nYearly plan.\n'));

    const revised = await startRevision(priya, docId, 'major', { changeSummary: 'Quarterly plans.', file: markdownFile('capacity.md', '# Capacity\n\nQuarterly plan.\n') });
    expect(revised.state).toMatchObject({ status: 'Under revision', publishedVersion: '1.0', changeSummary: 'Quarterly plans.' });
    expect(new TextDecoder().decode(await versionBytes(priya, revised, null))).toBe('# Capacity\n\nQuarterly plan.\n');
    const releases = await h.listFields('Document Releases', `$filter=fields/DocId eq '${docId}'`);
    expect(releases.map((r) => `${String(r.VersionLabel)} ${String(r.VersionStatus)}`).sort()).toEqual(['1.0 Published', '2.0 Draft']);
    expect(releases.find((r) => r.VersionLabel === '2.0')).toMatchObject({ ChangeType: 'Major revision', ChangeSummary: 'Quarterly plans.' });

    const asJack = await loadDocument(jack, docId);
    expect(asJack.state.status).toBe('Published');
    expect(new TextDecoder().decode(await versionBytes(jack, asJack, null))).toBe('# Capacity\n\nYearly plan.\n');
  });

  it('refuses to let a top manager start a revision, and changes nothing', async () => {
    const { priya, raj } = bed;
    const docId = await publishedDocument(priya, raj, { title: 'Restore Test Instruction' });
    const published = await loadDocument(priya, docId);

    const revision = await startRevision(raj, docId, 'minor', { changeSummary: 'Raj edits' }).catch((e: unknown) => e);
    expect((revision as DocumentRuleError).refusal.reason).toBe('notPermitted');

    const after = await loadDocument(priya, docId);
    expect(after.eTag).toBe(published.eTag);
    expect(after.releases).toEqual(published.releases);
  });
});
