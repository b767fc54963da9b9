import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { http } from 'msw';
import { ORIGIN } from '../../../app/testing/appHarness.js';
import { groupIdOf } from '../../../../emulator/seed/tenant.js';
import { markdownFile, nodeSha256, people, startDocumentsHarness, type DocumentsHarness } from '../testing/documentsHarness.js';
import { createDocument, decideApproval, loadDocument, publishDocument, startRevision, submitForReview, DocumentRuleError, type AfterPublishHandler, type DocumentServices, type PublishedRelease } from './index.js';
import type { DocumentMetadata } from './mapping.js';

/**
 * The publication service against the emulator (msw, in process): the SHA-256 stored with the
 * release is the hash of the bytes a reader downloads, the previous release becomes Superseded,
 * and a publication retried after a failure never writes a second release record.
 */
type Json = Record<string, unknown>;

let h: DocumentsHarness;
let priya: DocumentServices;
let raj: DocumentServices;

beforeAll(async () => {
  h = await startDocumentsHarness();
  priya = await h.servicesFor(people.priya);
  raj = await h.servicesFor(people.raj);
}, 60_000);
afterEach(() => h.server.resetHandlers());
afterAll(() => h.close());

const procedure = (title: string): DocumentMetadata => ({
  title,
  docType: 'Procedure',
  ownerId: people.priya,
  approverIds: [people.raj],
  reviewerIds: [],
  processId: null,
  primaryClause: '8.6.1',
  clauseRefs: ['8.6.1'],
  mandatoryItem: 'None',
  classification: 'Internal',
  reviewCycleMonths: 12,
  ackRequired: false,
  ackAudience: [],
  ackDueDays: 14,
  externalOrigin: false,
  issuer: null,
  changeSummary: 'First issue.',
});

/** Release records of a document as Graph lists them (read raw, not through the code under test). */
async function releasesOf(docId: string): Promise<Json[]> {
  const res = await h.raw(people.tom, `/sites/${h.siteId}/lists/Document Releases/items?$expand=fields&$filter=fields/DocId eq '${docId}'&$top=100`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { value: { fields: Json }[] }).value.map((i) => i.fields);
}

/** The bytes `upn` downloads for the file of `docId` (following Graph's 302, no code under test). */
async function downloadAs(upn: string, docId: string): Promise<Uint8Array> {
  const items = await h.raw(upn, `/sites/${h.siteId}/lists/SMS Documents/items?$expand=fields&$filter=fields/DocId eq '${docId}'`);
  const item = ((await items.json()) as { value: { id: string }[] }).value[0]!;
  const drive = (await (await h.raw(upn, `/sites/${h.siteId}/lists/SMS Documents/items/${item.id}/driveItem`)).json()) as { id: string; parentReference: { driveId: string } };
  const res = await h.raw(upn, `/drives/${drive.parentReference.driveId}/items/${drive.id}/content`);
  expect(res.status).toBe(200);
  return new Uint8Array(await res.arrayBuffer());
}

async function newApprovedThenPublished(title: string, text: string): Promise<string> {
  const { docId } = await createDocument(priya, { metadata: procedure(title), file: markdownFile('procedure.md', text) });
  await submitForReview(priya, docId);
  const snap = await loadDocument(raj, docId);
  const mine = snap.approvals.find((a) => a.assigneeId === people.raj)!;
  const outcome = await decideApproval(raj, docId, mine.itemId, 'Approved', null);
  expect(outcome.published?.versionLabel).toBe('1.0');
  return docId;
}

describe('publishDocument', () => {
  it('stores the SHA-256 of the bytes a reader downloads, with the version label, approver and dates', async () => {
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

    const asJack = await loadDocument(await h.servicesFor(people.jack), docId);
    expect(asJack.state).toMatchObject({ status: 'Published', publishedVersion: '1.0' });
    expect(asJack.file.versionLabel).toBe('1.0');
  });

  it('supersedes the previous release when the revision is published', async () => {
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
    const { docId } = await createDocument(priya, { metadata: procedure('Backup Procedure'), file: markdownFile('backup.md', '# Backup\n\nNightly.\n') });
    // A later planned effective date keeps the approved document from being published at once.
    const item = await loadDocument(priya, docId);
    const planned = await h.raw(people.priya, `/sites/${h.siteId}/lists/SMS Documents/items/${item.listItemId}/fields`, {
      method: 'PATCH',
      headers: { 'if-match': item.eTag },
      body: JSON.stringify({ EffectiveDate: '2099-01-01' }),
    });
    expect(planned.status).toBe(200);
    await submitForReview(priya, docId);
    const snap = await loadDocument(raj, docId);
    const outcome = await decideApproval(raj, docId, snap.approvals[0]!.itemId, 'Approved', null);
    expect(outcome).toMatchObject({ status: 'Approved', published: null });

    // Fail the request that follows the first write to a release record.
    let releaseWritten = false;
    let failed = false;
    h.server.use(
      http.all(`${ORIGIN}/*`, async ({ request }) => {
        if (releaseWritten && !failed) {
          failed = true;
          return new Response(JSON.stringify({ error: { code: 'generalException', message: 'Injected failure' } }), { status: 500, headers: { 'content-type': 'application/json' } });
        }
        const res = await h.emulator.handle(request);
        if (request.method === 'PATCH' && request.url.includes(`/lists/${priya.site.releasesListId}/items/`)) releaseWritten = res.status < 300;
        return res;
      }),
    );
    await expect(publishDocument(priya, docId)).rejects.toMatchObject({ status: 500 });
    expect(failed).toBe(true);
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
    const seen: PublishedRelease[] = [];
    const handler: AfterPublishHandler = async (_s, published) => {
      seen.push(published);
    };
    const withHandler = await h.servicesFor(people.raj, { afterPublish: [handler] });
    const groupId = groupIdOf('SMS-AllStaff');
    const { docId } = await createDocument(priya, {
      metadata: { ...procedure('Acceptable Use Procedure'), ackRequired: true, ackAudience: [groupId], ackDueDays: 10 },
      file: markdownFile('aup.md', '# Acceptable use\n'),
    });
    await submitForReview(priya, docId);
    const snap = await loadDocument(withHandler, docId);
    await decideApproval(withHandler, docId, snap.approvals[0]!.itemId, 'Approved', null);

    const [release] = await releasesOf(docId);
    expect(release).toMatchObject({ VersionStatus: 'Published', AckRequired: true, AckAudienceGroups: groupId, AckDueDays: 10 });
    expect(String(release!.AckDueDate)).toMatch(/^\d{4}-\d{2}-\d{2}/);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ docId, versionLabel: '1.0', previousLabel: null, resumed: false, ack: { required: true, audience: [groupId], dueDays: 10 } });
    expect(seen[0]!.effects.some((e) => e.type === 'requestAcknowledgements')).toBe(true);
  });

  it('retried after an afterPublish handler failed, finishes the publication without a second record or audit entry', async () => {
    let calls = 0;
    const flaky: AfterPublishHandler = async () => {
      calls++;
      if (calls === 1) throw new Error('Teams was unreachable');
    };
    const controller = await h.servicesFor(people.priya, { afterPublish: [flaky] });
    const { docId } = await createDocument(priya, { metadata: procedure('Monitoring Procedure'), file: markdownFile('mon.md', '# Monitoring\n') });
    const item = await loadDocument(priya, docId);
    await h.raw(people.priya, `/sites/${h.siteId}/lists/SMS Documents/items/${item.listItemId}/fields`, {
      method: 'PATCH',
      headers: { 'if-match': item.eTag },
      body: JSON.stringify({ EffectiveDate: '2099-01-01' }),
    });
    await submitForReview(priya, docId);
    const snap = await loadDocument(raj, docId);
    await decideApproval(raj, docId, snap.approvals[0]!.itemId, 'Approved', null);

    await expect(publishDocument(controller, docId)).rejects.toThrow('Teams was unreachable');
    expect((await loadDocument(priya, docId)).state.status).toBe('Published');
    const retried = await publishDocument(controller, docId);
    expect(retried).toMatchObject({ versionLabel: '1.0', resumed: true });
    expect(calls).toBe(2);
    expect((await releasesOf(docId)).filter((r) => r.VersionLabel === '1.0')).toHaveLength(1);
    const audit = await h.raw(people.tom, `/sites/${h.siteId}/lists/SMS Audit Trail/items?$expand=fields&$filter=fields/EntityRef eq '${docId}'`);
    const entries = ((await audit.json()) as { value: { fields: Json }[] }).value.map((i) => i.fields);
    expect(entries.filter((e) => e.ToStatus === 'Published')).toHaveLength(1);
  });

  it('refuses a publication the rules do not allow, and changes nothing', async () => {
    const { docId } = await createDocument(priya, { metadata: procedure('Draft Only Procedure'), file: markdownFile('draft.md', '# Draft\n') });
    const before = await releasesOf(docId);
    const err = await publishDocument(priya, docId).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DocumentRuleError);
    expect((err as DocumentRuleError).refusal.reason).toBe('notAllowedFromStatus');
    expect(await releasesOf(docId)).toEqual(before);
    expect((await loadDocument(priya, docId)).state.status).toBe('Draft');
  });
});
