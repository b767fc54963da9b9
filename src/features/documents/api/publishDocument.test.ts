import { describe, expect, it } from 'vitest';
import { groupIdOf } from '../../../../emulator/seed/tenant.js';
import { createDraft, markdownFile, nodeSha256, people, submitAndApprove, useDocumentsHarness, type Fields } from '../../../../tests/support/documentsHarness.js';
import { loadDocument, DocumentRuleError, type AfterPublishHandler, type DocumentServices, type PublishedRelease } from '../services/index.js';
import { decideApproval, type DecisionOutcome } from './decideApproval.js';
import { publishDocument } from './publishDocument.js';
import { startRevision } from './startRevision.js';
import { submitForReview } from './submitForReview.js';

/**
 * The publication service against the emulator (msw, in process): the SHA-256 stored with the
 * release is the hash of the bytes a reader downloads, the previous release becomes Superseded,
 * and a publication retried after a failure never writes a second release record.
 */
const bed = useDocumentsHarness();

/** Release records of a document as Graph lists them (read raw, not through the code under test). */
const releasesOf = (docId: string): Promise<Fields[]> => bed.h.listFields('Document Releases', `$filter=fields/DocId eq '${docId}'&$top=100`);

/** The bytes `upn` downloads for the file of `docId` (following Graph's 302, no code under test). */
async function downloadAs(upn: string, docId: string): Promise<Uint8Array> {
  const { h } = bed;
  const items = await h.raw(upn, `/sites/${h.siteId}/lists/SMS Documents/items?$expand=fields&$filter=fields/DocId eq '${docId}'`);
  const item = ((await items.json()) as { value: { id: string }[] }).value[0]!;
  const drive = (await (await h.raw(upn, `/sites/${h.siteId}/lists/SMS Documents/items/${item.id}/driveItem`)).json()) as { id: string; parentReference: { driveId: string } };
  const res = await h.raw(upn, `/drives/${drive.parentReference.driveId}/items/${drive.id}/content`);
  expect(res.status).toBe(200);
  return new Uint8Array(await res.arrayBuffer());
}

async function newApprovedThenPublished(title: string, text: string): Promise<string> {
  const docId = await createDraft(bed.priya, { title }, markdownFile('procedure.md', text));
  const outcome = await submitAndApprove(bed.priya, bed.raj, docId);
  expect(outcome.published?.versionLabel).toBe('1.0');
  return docId;
}

/** A draft of `author` with a later planned effective date, submitted and approved by Raj: Approved, not yet published. */
async function approvedForLater(author: DocumentServices, title: string, text: string): Promise<{ docId: string; decided: DecisionOutcome; plannedStatus: number }> {
  const { h, raj } = bed;
  const docId = await createDraft(author, { title }, markdownFile('procedure.md', text));
  // A later planned effective date keeps the approved document from being published at once.
  const item = await loadDocument(author, docId);
  const planned = await h.raw(people.priya, `/sites/${h.siteId}/lists/SMS Documents/items/${item.listItemId}/fields`, {
    method: 'PATCH',
    headers: { 'if-match': item.eTag },
    body: JSON.stringify({ EffectiveDate: '2099-01-01' }),
  });
  await submitForReview(author, docId);
  const snap = await loadDocument(raj, docId);
  const decided = await decideApproval(raj, docId, snap.approvals[0]!.itemId, 'Approved', null);
  return { docId, decided, plannedStatus: planned.status };
}

describe('publishDocument', () => {
  it('stores the SHA-256 of the bytes a reader downloads, with the version label, approver and dates', async () => {
    const { raj, jack } = bed;
    const text = '# Change procedure\n\nEvery change is recorded and approved.\n';
    const docId = await newApprovedThenPublished('Change Procedure', text);

    const jackBytes = await downloadAs(people.jack, docId);
    expect(new TextDecoder().decode(jackBytes)).toBe(text);
    const releases = await releasesOf(docId);
    expect(releases).toHaveLength(1);
    expect(releases[0]).toMatchObject({ VersionLabel: '1.0', VersionStatus: 'Published', ChangeType: 'New', FileHash: nodeSha256(jackBytes) });
    expect(releases[0]!.PublishedOn).toBeTruthy();
    expect(releases[0]!.ApprovedOn).toBeTruthy();
    expect(releases[0]!.ApprovedByLookupId).toBe(raj.mePerson.lookupId);

    const asJack = await loadDocument(jack, docId);
    expect(asJack.state).toMatchObject({ status: 'Published', publishedVersion: '1.0' });
    expect(asJack.file.versionLabel).toBe('1.0');
  });

  it('supersedes the previous release when the revision is published', async () => {
    const { priya, raj } = bed;
    const docId = await newApprovedThenPublished('Release Procedure', '# Release procedure\n\nVersion one.\n');
    const v2 = '# Release procedure\n\nVersion one point one: adds the rollback check.\n';
    await startRevision(priya, docId, 'minor', { changeSummary: 'Adds the rollback check.', file: markdownFile('procedure.md', v2) });
    await submitForReview(priya, docId);
    const snap = await loadDocument(raj, docId);
    const outcome = await decideApproval(raj, docId, snap.approvals.find((a) => a.step === 'Approval')!.itemId, 'Approved', 'Fine.');
    expect(outcome.published?.versionLabel).toBe('1.1');
    expect(outcome.published?.previousLabel).toBe('1.0');

    const releases = await releasesOf(docId);
    const byLabel = (l: string) => releases.filter((r) => r.VersionLabel === l);
    expect(byLabel('1.0')).toHaveLength(1);
    expect(byLabel('1.0')[0]).toMatchObject({ VersionStatus: 'Superseded' });
    expect(byLabel('1.0')[0]!.SupersededOn).toBeTruthy();
    expect(byLabel('1.1')).toHaveLength(1);
    expect(byLabel('1.1')[0]).toMatchObject({ VersionStatus: 'Published', ChangeType: 'Minor revision', FileHash: nodeSha256(await downloadAs(people.jack, docId)) });
    expect(new TextDecoder().decode(await downloadAs(people.jack, docId))).toBe(v2);
  });

  it('retried after a failure right after the release write, publishes once with one release record', async () => {
    const { h, priya } = bed;
    const { docId, decided, plannedStatus } = await approvedForLater(priya, 'Backup Procedure', '# Backup\n\nNightly.\n');
    expect(plannedStatus).toBe(200);
    expect(decided).toMatchObject({ status: 'Approved', published: null });

    // Fail the request that follows the first write to a release record.
    const fault = h.failOnceAfter((request, res) => request.method === 'PATCH' && request.url.includes(`/lists/${priya.site.releasesListId}/items/`) && res.status < 300);
    await expect(publishDocument(priya, docId)).rejects.toMatchObject({ status: 500 });
    expect(fault.failed).toBe(true);
    h.server.resetHandlers();
    const afterFailure = await releasesOf(docId);
    expect(afterFailure.filter((r) => r.VersionStatus === 'Published')).toHaveLength(1);

    const published = await publishDocument(priya, docId);
    expect(published.versionLabel).toBe('1.0');
    const releases = await releasesOf(docId);
    expect(releases.filter((r) => r.VersionLabel === '1.0')).toHaveLength(1);
    expect(releases).toHaveLength(1);
    expect(releases[0]).toMatchObject({ VersionStatus: 'Published', FileHash: nodeSha256(await downloadAs(people.jack, docId)) });

    // And once more: a document published long ago is not published again.
    const again = await loadDocument(priya, docId);
    expect(again.state.status).toBe('Published');
  });

  it('stores the acknowledgement settings with the release and hands the publication to every afterPublish handler', async () => {
    const { h, priya } = bed;
    const seen: PublishedRelease[] = [];
    const handler: AfterPublishHandler = async (_s, published) => {
      seen.push(published);
    };
    const withHandler = await h.servicesFor(people.raj, { afterPublish: [handler] });
    const groupId = groupIdOf('SMS-AllStaff');
    const docId = await createDraft(priya, { title: 'Acceptable Use Procedure', ackRequired: true, ackAudience: [groupId], ackDueDays: 10 }, markdownFile('aup.md', '# Acceptable use\n'));
    await submitAndApprove(priya, withHandler, docId);

    const [release] = await releasesOf(docId);
    expect(release).toMatchObject({ VersionStatus: 'Published', AckRequired: true, AckAudienceGroups: groupId, AckDueDays: 10 });
    expect(String(release!.AckDueDate)).toMatch(/^\d{4}-\d{2}-\d{2}/);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ docId, versionLabel: '1.0', previousLabel: null, resumed: false, ack: { required: true, audience: [groupId], dueDays: 10 } });
    expect(seen[0]!.effects.some((e) => e.type === 'requestAcknowledgements')).toBe(true);
  });

  it('retried after an afterPublish handler failed, finishes the publication without a second record or audit entry', async () => {
    const { h, priya } = bed;
    let calls = 0;
    const flaky: AfterPublishHandler = async () => {
      calls++;
      if (calls === 1) throw new Error('Teams was unreachable');
    };
    const controller = await h.servicesFor(people.priya, { afterPublish: [flaky] });
    const { docId } = await approvedForLater(priya, 'Monitoring Procedure', '# Monitoring\n');

    await expect(publishDocument(controller, docId)).rejects.toThrow('Teams was unreachable');
    expect((await loadDocument(priya, docId)).state.status).toBe('Published');
    const retried = await publishDocument(controller, docId);
    expect(retried).toMatchObject({ versionLabel: '1.0', resumed: true });
    expect(calls).toBe(2);
    expect((await releasesOf(docId)).filter((r) => r.VersionLabel === '1.0')).toHaveLength(1);
    const entries = await h.listFields('SMS Audit Trail', `$filter=fields/EntityRef eq '${docId}'`);
    expect(entries.filter((e) => e.ToStatus === 'Published')).toHaveLength(1);
  });

  it('refuses a publication the rules do not allow, and changes nothing', async () => {
    const { priya } = bed;
    const docId = await createDraft(priya, { title: 'Draft Only Procedure' }, markdownFile('draft.md', '# Draft\n'));
    const before = await releasesOf(docId);
    const err = await publishDocument(priya, docId).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DocumentRuleError);
    expect((err as DocumentRuleError).refusal.reason).toBe('notAllowedFromStatus');
    expect(await releasesOf(docId)).toEqual(before);
    expect((await loadDocument(priya, docId)).state.status).toBe('Draft');
  });
});
