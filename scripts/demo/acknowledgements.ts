/**
 * The demo's policy acknowledgements (domain reference §7.4, issue 11): for each all-staff policy campaign of
 * data/acknowledgements.ts, the `Acknowledgement Campaigns` item, one `Acknowledgement Requests` item per person
 * (written by the SMS manager, as the app does at publication), and the `Acknowledgements` of those who have
 * acknowledged, each written AS that person so that SharePoint stamps them as its creator (the evidence counts only
 * then; `npm run verify` checks it). Built after the releases are seeded: a request's key holds the release's item id.
 */
import { batch, batchBody } from '../../graph/core/batch.js';
import { f } from '../../graph/core/filter.js';
import { updateItemFieldsRequest } from '../../graph/lists/batchRequests.js';
import { listAllItems } from '../../graph/lists/items.js';
import { acknowledgements } from '../../graph/schema/acknowledgements.js';
import { ackKey } from '../../src/domain/acknowledgements/index.js';
import { DEMO_DOCUMENTS } from './data/documents.js';
import { ACK_CAMPAIGNS, ATTESTATION, type AckCampaign } from './data/acknowledgements.js';
import { PERSON_NAMES } from './data/people.js';
import { listIdOf, recall, type SeedContext } from './context.js';
import { releaseKey } from './library.js';
import type { PersonKey, SeedItem, SeedList } from './types.js';

const campaignTitle = (c: AckCampaign) => `${c.docId} v${c.versionLabel}`;
const requestTitle = (c: AckCampaign, person: PersonKey) => `${c.docId} ${c.versionLabel}: ${PERSON_NAMES[person]}`;

function releaseIdOf(ctx: SeedContext, c: AckCampaign): number {
  const ref = recall(ctx, 'documentReleases', releaseKey(c.docId, c.versionLabel));
  if (!ref) throw new Error(`${releaseKey(c.docId, c.versionLabel)}: the release must be seeded before its acknowledgements.`);
  return Number(ref.id);
}

const docTitleOf = (docId: string): string => DEMO_DOCUMENTS.find((d) => d.docId === docId)?.title ?? docId;

/** The person's status in a campaign: acknowledged unless an exception says otherwise. */
const statusOf = (c: AckCampaign, person: PersonKey) => c.exceptions[person]?.status ?? 'Acknowledged';

/** `Acknowledgement Campaigns`: one per campaign, audience SMS-AllStaff, with its figures. */
export function ackCampaignList(ctx: SeedContext, hashes: ReadonlyMap<string, string>): SeedList {
  const d = ctx.dates;
  const allStaff = ctx.ackGroupIds?.get('SMS-AllStaff');
  const items: SeedItem[] = ACK_CAMPAIGNS.map((c) => {
    const releaseId = releaseIdOf(ctx, c);
    const statuses = c.audience.map((p) => statusOf(c, p));
    return {
      key: campaignTitle(c),
      fields: {
        Title: campaignTitle(c),
        DocumentVersionId: releaseId,
        DocId: c.docId,
        DocTitle: docTitleOf(c.docId),
        VersionLabel: c.versionLabel,
        FileHash: hashes.get(releaseKey(c.docId, c.versionLabel)) ?? '',
        CampaignStatus: 'Open',
        Trigger: 'Publication',
        AudienceGroups: allStaff ?? '',
        DueDate: d.date(c.requestedOn + c.dueDays),
        StartedOn: d.at(c.requestedOn, '08:00'),
        StartKey: `publication:${releaseId}`,
        Targeted: statuses.length,
        Acknowledged: statuses.filter((s) => s === 'Acknowledged').length,
        Pending: statuses.filter((s) => s === 'Pending').length,
        Overdue: statuses.filter((s) => s === 'Overdue').length,
        Late: 0,
        Waived: 0,
        LastRunOn: d.at(0, '06:00'),
      },
    };
  });
  return { list: 'ackCampaigns', items };
}

/** `Acknowledgement Requests`: one per person and campaign, written by the SMS manager. */
export function ackRequestList(ctx: SeedContext): SeedList {
  const d = ctx.dates;
  const items: SeedItem[] = [];
  for (const c of ACK_CAMPAIGNS) {
    const releaseId = releaseIdOf(ctx, c);
    const campaign = recall(ctx, 'ackCampaigns', campaignTitle(c));
    if (!campaign) throw new Error(`${campaignTitle(c)}: seed the campaign before its requests.`);
    for (const person of c.audience) {
      const who = ctx.people[person];
      const exception = c.exceptions[person];
      const requestedOn = exception?.requestedOn ?? c.requestedOn;
      const status = statusOf(c, person);
      const acknowledgedOn = acknowledgedDay(c, person);
      items.push({
        key: requestTitle(c, person),
        fields: {
          Title: requestTitle(c, person),
          RequestKey: ackKey(releaseId, who.userId),
          CampaignId: Number(campaign.id),
          DocumentVersionId: releaseId,
          DocId: c.docId,
          DocTitle: docTitleOf(c.docId),
          VersionLabel: c.versionLabel,
          UserId: who.userId.toLowerCase(),
          UserUPN: who.upn.toLowerCase(),
          UserName: who.displayName,
          ...(who.department ? { Department: who.department } : {}),
          RequestStatus: status,
          RequestedOn: d.at(requestedOn, '08:00'),
          DueDate: d.date(requestedOn + c.dueDays),
          // Acknowledged requests were announced long ago; open ones get their first notice from the daily job.
          ...(status === 'Acknowledged' ? { AcknowledgedOn: d.at(acknowledgedOn, '10:30'), Late: false, LastNotifiedOn: d.date(requestedOn), LastNotice: 'requested' } : {}),
        },
      });
    }
  }
  return { list: 'ackRequests', items };
}

/** The day offset a person acknowledged on (within the due period). */
function acknowledgedDay(c: AckCampaign, person: PersonKey): number {
  const i = c.audience.indexOf(person);
  return (c.exceptions[person]?.requestedOn ?? c.requestedOn) + 1 + ((i * 5) % 12);
}

/** `Acknowledgements` of the people who have acknowledged, by person (each list is written as that person). */
export function ackEvidenceLists(ctx: SeedContext, hashes: ReadonlyMap<string, string>): Map<PersonKey, SeedList> {
  const d = ctx.dates;
  const out = new Map<PersonKey, SeedItem[]>();
  for (const c of ACK_CAMPAIGNS) {
    const releaseId = releaseIdOf(ctx, c);
    c.audience.forEach((person, i) => {
      if (statusOf(c, person) !== 'Acknowledged') return;
      const who = ctx.people[person];
      const title = `${c.docId} ${c.versionLabel}: ${who.upn.toLowerCase()}`;
      const item: SeedItem = {
        key: title,
        fields: {
          Title: title,
          AckKey: ackKey(releaseId, who.userId),
          DocumentVersionId: releaseId,
          DocId: c.docId,
          VersionLabel: c.versionLabel,
          UserId: who.userId.toLowerCase(),
          UserUPN: who.upn.toLowerCase(),
          AcknowledgedOn: d.at(acknowledgedDay(c, person), '10:30'),
          Channel: i % 2 === 0 ? 'Teams card' : 'App',
          AttestationText: `${ATTESTATION} ${c.docId} ${docTitleOf(c.docId)}, version ${c.versionLabel}.`,
          FileHash: hashes.get(releaseKey(c.docId, c.versionLabel)) ?? '',
        },
      };
      out.set(person, [...(out.get(person) ?? []), item]);
    });
  }
  return new Map([...out.entries()].map(([p, items]) => [p, { list: 'acknowledgements', items }]));
}

/**
 * Stamps each campaign's figures with `FiguresAsOf`: the server time of the newest acknowledgement they count, read
 * back after the acknowledgements were written (Home adds only acknowledgements created after it).
 */
export async function stampCampaignFigures(ctx: SeedContext, client: Parameters<typeof listAllItems>[0]): Promise<void> {
  const requests = [];
  for (const [i, c] of ACK_CAMPAIGNS.entries()) {
    const campaign = recall(ctx, 'ackCampaigns', campaignTitle(c));
    if (!campaign) continue;
    const acks = await listAllItems(client, ctx.siteId, listIdOf(ctx, acknowledgements.key), {
      schema: acknowledgements,
      filter: f.eq('fields/DocumentVersionId', releaseIdOf(ctx, c)),
      select: ['AckKey'],
      properties: ['id', 'createdDateTime'],
      top: 5000,
    });
    const newest = acks.map((a) => a.createdDateTime ?? '').sort().pop();
    if (!newest) continue;
    requests.push(updateItemFieldsRequest(String(i + 1), ctx.siteId, listIdOf(ctx, 'ackCampaigns'), campaign.id, { FiguresAsOf: newest }, campaign.eTag));
  }
  if (requests.length === 0) return;
  const responses = await batch(client, requests);
  for (const r of requests) batchBody(responses.get(r.id), r);
}
