import { describe, expect, it } from 'vitest';
import { clockShiftedBy, people, publishedDocument, useDocumentsHarness } from '../../../../tests/support/documentsHarness.js';
import { DocumentRuleError, loadDocument } from '../services/index.js';
import { recordReviewNoChange } from './recordReviewNoChange.js';

/**
 * `recordReviewNoChange` against the emulator (msw, in process): a document published 400 days
 * ago, overdue for review, gets its next review date moved where readers see it.
 */
const bed = useDocumentsHarness();

async function publishedLongAgo(title: string): Promise<string> {
  const past = clockShiftedBy(-400);
  const [priya, raj] = await Promise.all([bed.h.servicesFor(people.priya, { clock: past }), bed.h.servicesFor(people.raj, { clock: past })]);
  return publishedDocument(priya, raj, { title, reviewCycleMonths: 12 });
}

describe('recordReviewNoChange', () => {
  it('moves the next review date a cycle on from today, for readers too, and records the review as a release entry', async () => {
    const { h, priya, jack } = bed;
    const docId = await publishedLongAgo('Information Security Procedure');
    const overdue = await loadDocument(priya, docId);
    const today = priya.clock.today();
    expect(overdue.state.nextReviewDate! < today).toBe(true);

    const reviewed = await recordReviewNoChange(priya, docId, 'Still accurate.');
    expect(reviewed.state).toMatchObject({ status: 'Published', publishedVersion: '1.0' });
    expect(reviewed.state.nextReviewDate! > today).toBe(true);
    expect(reviewed.state.nextReviewDate!.slice(0, 4)).toBe(String(Number(today.slice(0, 4)) + 1));
    // Readers see the new date: it was checked in as a major version.
    expect((await loadDocument(jack, docId)).state.nextReviewDate).toBe(reviewed.state.nextReviewDate);
    const releases = await h.listFields('Document Releases', `$filter=fields/DocId eq '${docId}'`);
    expect(releases.filter((r) => r.ChangeType === 'Reviewed – no change')).toEqual([expect.objectContaining({ VersionLabel: '1.0', VersionStatus: 'Published', ChangeSummary: 'Still accurate.' })]);
  });

  it('refuses someone who is not an editor of the document, and changes nothing', async () => {
    const { priya, raj } = bed;
    const docId = await publishedLongAgo('Supplier Management Procedure');
    const before = await loadDocument(priya, docId);

    const err = await recordReviewNoChange(raj, docId, 'Looks fine.').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DocumentRuleError);
    expect((err as DocumentRuleError).refusal.reason).toBe('notPermitted');
    const after = await loadDocument(priya, docId);
    expect(after.eTag).toBe(before.eTag);
    expect(after.releases).toEqual(before.releases);
  });
});
