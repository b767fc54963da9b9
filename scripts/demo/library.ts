/**
 * Seeds `SMS Documents`: each demo document is uploaded as a Word file and taken through its
 * release history with check-out, upload and check-in (publishing each issued version as a major
 * version), its metadata set before each check-in so readers see the metadata of the last
 * published version. Then the `Document Releases`, `Document Approvals` and `Acknowledgements`
 * records are built from the same data.
 *
 * Acting user: Priya Nair, the document controller.
 */
import type { DriveItem } from '@microsoft/microsoft-graph-types';
import {
  checkin,
  checkout,
  getItemListItem,
  getListDrive,
  listChildren,
  replaceContent,
  updateListItemFields,
  uploadSmall,
} from '../../graph/drive/index.js';
import type { GraphClient } from '../../graph/core/client.js';
import { requireList } from '../../graph/schema/index.js';
import { ackGroupName, count, listIdOf, recall, remember, type SeedContext } from './context.js';
import { ACK_CAMPAIGNS } from './data/acknowledgements.js';
import { DEMO_DOCUMENTS, fileNameOf, type DemoDocument, type DemoRelease } from './data/documents.js';
import { PERSON_NAMES } from './data/people.js';
import { buildDocx, sha256Hex } from './docx.js';
import { peopleFields } from './items.js';
import { mapLimit } from './pool.js';
import { link, type SeedItem, type SeedList } from './types.js';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const DAYS_PER_MONTH = 365 / 12;

/** Key of a release in `Document Releases` (its Title). */
export const releaseKey = (docId: string, label: string): string => `${docId} v${label}`;

/** SHA-256 of the bytes published for each release, by release key (only releases published in this run). */
export type PublishedHashes = Map<string, string>;

const isPublished = (r: DemoRelease) => r.publishedOn !== undefined;

/** The last published release at or before stage `i`. */
function publishedAt(doc: DemoDocument, i: number): DemoRelease {
  const r = doc.releases.slice(0, i + 1).filter(isPublished).pop();
  if (!r) throw new Error(`${doc.docId}: stage ${i} has no published release before it`);
  return r;
}

/** The library item's metadata after stage `i` of the release history. */
export function documentFields(ctx: SeedContext, doc: DemoDocument, i: number): Record<string, unknown> {
  const stage = doc.releases[i]!;
  const current = publishedAt(doc, i);
  const last = i >= doc.releases.filter(isPublished).length - 1;
  const nextReview = last ? doc.nextReview : current.publishedOn! + Math.round(doc.reviewCycleMonths * DAYS_PER_MONTH);
  const schema = requireList('smsDocuments');
  const fields: Record<string, unknown> = {
    Title: doc.title,
    DocId: doc.docId,
    DocType: doc.docType,
    DocStatus: isPublished(stage) ? 'Published' : 'In review',
    PrimaryClause: doc.primaryClause,
    ClauseRefs: [...doc.clauseRefs],
    MandatoryItem: doc.mandatoryItem,
    Classification: doc.classification,
    PublishedVersion: current.label,
    EffectiveDate: ctx.dates.date(current.publishedOn!),
    ReviewCycleMonths: doc.reviewCycleMonths,
    NextReviewDate: ctx.dates.date(nextReview),
    AckRequired: doc.ack !== undefined,
    AckDueDays: doc.ack?.dueDays ?? 14,
    AckAudienceGroups: ackAudienceGroups(ctx, doc),
    ExternalOrigin: false,
    ChangeSummary: stage.changeSummary,
    ...peopleFields(ctx, schema, { Owner: doc.owner, Approver: doc.approver, ...(doc.reviewers ? { Reviewers: doc.reviewers } : {}) }),
  };
  const process = doc.process ? recall(ctx, 'processes', doc.process)?.id : undefined;
  if (process) fields.ProcessLookupId = process;
  const services = (doc.services ?? []).map((s) => recall(ctx, 'services', s)?.id).filter((id): id is string => id !== undefined);
  if (services.length) {
    fields['ServicesLookupId@odata.type'] = 'Collection(Edm.String)';
    fields.ServicesLookupId = services;
  }
  return fields;
}

interface LibraryItem {
  driveItemId: string;
  listItemId: string;
  eTag: string;
  fields: Record<string, unknown>;
}

async function readItem(client: GraphClient, driveId: string, driveItemId: string): Promise<LibraryItem> {
  const li = await getItemListItem(client, driveId, driveItemId);
  return { driveItemId, listItemId: String(li.id), eTag: li['@odata.etag'] ?? '', fields: li.fields as Record<string, unknown> };
}

const isMinor = (label: unknown) => typeof label === 'string' && !/\.0$/.test(label);

/**
 * The index of the last stage the item's metadata records as done, or -1. A published stage whose
 * check-in did not happen (the item is still on a minor version) is reported as `unfinished`.
 */
function progressOf(doc: DemoDocument, fields: Record<string, unknown>): { done: number; unfinished: boolean } {
  const draft = doc.releases[doc.releases.length - 1]!;
  if (fields.DocStatus === 'In review' && !isPublished(draft) && fields.ChangeSummary === draft.changeSummary) {
    return { done: doc.releases.length - 1, unfinished: false };
  }
  const done = doc.releases.findIndex((r) => isPublished(r) && r.label === fields.PublishedVersion);
  return { done, unfinished: done >= 0 && isMinor(fields._UIVersionString) };
}

/**
 * Runs the remaining stages of one document's history and returns its library item. Each stage:
 * check out, upload the release's bytes, set the metadata, check in (as published for issued
 * versions, as a draft for the version in review).
 */
async function publishDocument(ctx: SeedContext, client: GraphClient, driveId: string, doc: DemoDocument, existing: DriveItem | undefined, hashes: PublishedHashes): Promise<LibraryItem> {
  const statusOf = (r: DemoRelease) => (isPublished(r) ? 'Published' : 'In review');
  let item: LibraryItem;
  let start: number;
  if (existing?.id) {
    item = await readItem(client, driveId, existing.id);
    const progress = progressOf(doc, item.fields);
    if (progress.unfinished) {
      await checkout(client, driveId, item.driveItemId);
      await checkin(client, driveId, item.driveItemId, { comment: `Version ${doc.releases[progress.done]!.label} published`, publish: true });
    }
    start = progress.done + 1;
  } else {
    const first = doc.releases[0]!;
    const bytes = await buildDocx(doc, { release: first, status: statusOf(first) }, ctx.dates);
    const uploaded = await uploadSmall(client, driveId, 'root', fileNameOf(doc), bytes, DOCX_TYPE);
    if (!uploaded.id) throw new Error(`${doc.docId}: the upload returned no id`);
    item = await readItem(client, driveId, uploaded.id);
    await updateListItemFields(client, driveId, item.driveItemId, documentFields(ctx, doc, 0), item.eTag);
    await checkout(client, driveId, item.driveItemId);
    await checkin(client, driveId, item.driveItemId, { comment: `Version ${first.label}: ${first.changeSummary}`, publish: isPublished(first) });
    if (isPublished(first)) hashes.set(releaseKey(doc.docId, first.label), sha256Hex(bytes));
    start = 1;
  }
  for (let i = start; i < doc.releases.length; i++) {
    const r = doc.releases[i]!;
    const bytes = await buildDocx(doc, { release: r, status: statusOf(r) }, ctx.dates);
    await checkout(client, driveId, item.driveItemId);
    await replaceContent(client, driveId, item.driveItemId, bytes, { contentType: DOCX_TYPE });
    item = await readItem(client, driveId, item.driveItemId);
    await updateListItemFields(client, driveId, item.driveItemId, documentFields(ctx, doc, i), item.eTag);
    await checkin(client, driveId, item.driveItemId, { comment: `Version ${r.label}: ${r.changeSummary}`, publish: isPublished(r) });
    if (isPublished(r)) hashes.set(releaseKey(doc.docId, r.label), sha256Hex(bytes));
  }
  if (start < doc.releases.length) count(ctx, 'documentVersions', doc.releases.length - start);
  return item;
}

/**
 * Uploads and publishes the demo documents (those already complete are left alone) and registers
 * each library item under its DocId. Returns the hashes of the versions published in this run.
 */
export async function seedLibrary(ctx: SeedContext, docs: readonly DemoDocument[] = DEMO_DOCUMENTS): Promise<PublishedHashes> {
  const client = ctx.as('priya');
  const drive = await getListDrive(client, ctx.siteId, listIdOf(ctx, 'smsDocuments'));
  if (!drive.id) throw new Error('SMS Documents has no drive');
  const driveId = drive.id;
  const children: DriveItem[] = [];
  let page = await listChildren(client, driveId, 'root', { top: 200 });
  children.push(...page.items);
  while (page.nextLink) {
    page = await listChildren(client, driveId, 'root', { nextLink: page.nextLink });
    children.push(...page.items);
  }
  const hashes: PublishedHashes = new Map();
  let done = 0;
  await mapLimit(docs, 4, async (doc) => {
    const existing = children.find((c) => (c.name ?? '').toLowerCase() === fileNameOf(doc).toLowerCase());
    const item = await publishDocument(ctx, client, driveId, doc, existing, hashes);
    remember(ctx, 'smsDocuments', doc.docId, { id: item.listItemId, eTag: item.eTag });
    if (!existing) count(ctx, 'smsDocuments');
    done++;
    ctx.log(`    ${doc.docId} ${doc.title} (${done}/${docs.length})`);
  });
  return hashes;
}

/** The id of the group a document's acknowledgement audience names (the text twin of AckAudience), or null. */
function ackAudienceGroups(ctx: SeedContext, doc: DemoDocument): string | null {
  const name = doc.ack ? ackGroupName(doc.ack.audience) : null;
  return (name && ctx.ackGroupIds?.get(name)) || null;
}

/**
 * `Document Releases`: one record per issued or in-review version. `FileHash` is the SHA-256 of the
 * bytes published in this run; a release whose file was published by an earlier, interrupted run
 * (rare) gets no hash rather than a wrong one.
 */
export function documentReleases(ctx: SeedContext, hashes: PublishedHashes, docs: readonly DemoDocument[] = DEMO_DOCUMENTS): SeedList {
  const d = ctx.dates;
  const items: SeedItem[] = [];
  for (const doc of docs) {
    const published = doc.releases.filter(isPublished);
    for (const r of doc.releases) {
      const key = releaseKey(doc.docId, r.label);
      const next = published[published.indexOf(r) + 1];
      const status = !isPublished(r) ? 'In review' : next ? 'Superseded' : 'Published';
      const campaign = ACK_CAMPAIGNS.find((c) => c.docId === doc.docId && c.versionLabel === r.label);
      const hash = hashes.get(key);
      items.push({
        key,
        fields: {
          Title: key,
          DocId: doc.docId,
          VersionLabel: r.label,
          VersionStatus: status,
          ChangeType: r.changeType,
          ChangeSummary: r.changeSummary,
          SubmittedOn: d.at(r.submittedOn, '09:00'),
          ...(r.approval.decision === 'Approved' && r.approval.on !== undefined ? { ApprovedOn: d.at(r.approval.on, '14:00') } : {}),
          ...(isPublished(r) ? { PublishedOn: d.at(r.publishedOn!, '08:00') } : {}),
          ...(next ? { SupersededOn: d.at(next.publishedOn!, '08:00') } : {}),
          ...(hash ? { FileHash: hash } : {}),
          AckRequired: doc.ack !== undefined && isPublished(r),
          ...(doc.ack !== undefined && isPublished(r) && ackAudienceGroups(ctx, doc) ? { AckAudienceGroups: ackAudienceGroups(ctx, doc)! } : {}),
          ...(campaign ? { AckTarget: campaign.audience.length, AckDone: campaign.audience.length - Object.keys(campaign.exceptions).length } : {}),
        },
        people: { VersionAuthor: doc.owner, ...(r.approval.decision === 'Approved' ? { ApprovedBy: doc.approver } : {}) },
        links: { Document: link('smsDocuments', doc.docId) },
      });
    }
  }
  return { list: 'documentReleases', items };
}

/** `Document Approvals`: the reviewer and approver decisions of every release. */
export function documentApprovals(ctx: SeedContext, docs: readonly DemoDocument[] = DEMO_DOCUMENTS): SeedList {
  const d = ctx.dates;
  const items: SeedItem[] = [];
  for (const doc of docs) {
    for (const r of doc.releases) {
      const version = link('documentReleases', releaseKey(doc.docId, r.label));
      for (const review of r.reviews ?? []) {
        const key = `${releaseKey(doc.docId, r.label)} · Review · ${PERSON_NAMES[review.by]}`;
        items.push({
          key,
          fields: {
            Title: key,
            Step: 'Review',
            Decision: review.decision,
            ...(review.on !== undefined ? { DecidedOn: d.at(review.on, '11:00') } : {}),
            ...(review.comment ? { Comment: review.comment } : {}),
          },
          people: { Assignee: review.by },
          links: { DocumentVersion: version },
        });
      }
      const key = `${releaseKey(doc.docId, r.label)} · Approval · ${PERSON_NAMES[doc.approver]}`;
      items.push({
        key,
        fields: {
          Title: key,
          Step: 'Approval',
          Decision: r.approval.decision,
          ...(r.approval.on !== undefined ? { DecidedOn: d.at(r.approval.on, '14:00') } : {}),
          ...(r.approval.comment ? { Comment: r.approval.comment } : {}),
        },
        people: { Assignee: doc.approver },
        links: { DocumentVersion: version },
      });
    }
  }
  return { list: 'documentApprovals', items };
}

