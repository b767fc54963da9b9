import { describe, expect, it } from 'vitest';
import { markdownFile, publishedDocument, useDocumentsHarness } from '../../../../tests/support/documentsHarness.js';
import { loadDocument, loadVersionHistory, versionBytes } from '../services/index.js';
import { restoreAsDraft } from './restoreAsDraft.js';
import { startRevision } from './startRevision.js';

/** `restoreAsDraft` against the emulator (msw, in process): an old version becomes a new draft without touching history. */
const bed = useDocumentsHarness();

describe('restore as a new draft', () => {
  it('makes the old content a new draft version and keeps every earlier version as it was', async () => {
    const { priya, raj, jack } = bed;
    const docId = await publishedDocument(priya, raj, { title: 'Patch Instruction' }, markdownFile('patch.md', '# Patch\n\nMonthly.\n'));
    await startRevision(priya, docId, 'minor', { changeSummary: 'Weekly patching.', file: markdownFile('patch.md', '# Patch\n\nWeekly.\n') });

    const before = await loadDocument(priya, docId);
    const history = await loadVersionHistory(priya, before);
    const published = history.find((v) => v.major && v.releaseLabel === '1.0')!;
    const idsBefore = history.map((v) => v.id);
    await restoreAsDraft(priya, docId, published.id, published.releaseLabel!);

    const after = await loadDocument(priya, docId);
    const historyAfter = await loadVersionHistory(priya, after);
    // Nothing was rewritten: every earlier version is still there, and new ones came on top.
    expect(historyAfter.map((v) => v.id).slice(historyAfter.length - idsBefore.length)).toEqual(idsBefore);
    expect(historyAfter.length).toBeGreaterThan(idsBefore.length);
    expect(new TextDecoder().decode(await versionBytes(priya, after, null))).toBe('# Patch\n\nMonthly.\n');
    // The restored draft keeps the document's current lifecycle state and says what happened.
    expect(after.state).toMatchObject({ status: 'Under revision', publishedVersion: '1.0', changeSummary: 'Restored the content of version 1.0.' });
    // Readers still get the published 1.0.
    const asJack = await loadDocument(jack, docId);
    expect(new TextDecoder().decode(await versionBytes(jack, asJack, null))).toBe('# Patch\n\nMonthly.\n');
    expect((await loadVersionHistory(jack, asJack)).map((v) => v.id)).toEqual(['1.0']);
  });
});
