/**
 * The acknowledgement checks of `npm run verify` (issue 11): evidence counts only as SharePoint stamped it.
 * - an acknowledgement whose creator (`createdBy`) is not the person it names: someone acknowledged on their behalf
 *   (§6.3 rule 7), e.g. a site owner, the only people the list's permissions let write for others;
 * - an acknowledgement changed after it was written (a version past 1.0, or another writer or time), or whose key is
 *   not its person's key for its release;
 * - a request stored as Acknowledged with no acknowledgement that counts behind it;
 * - a request waived by someone who is not an SMS manager (§6.3 rule 6; the list lets document controllers write).
 * Reads both lists whole (a batch job's cost, not a screen's).
 */
import type { GraphClient } from '../../../graph/core/client.js';
import { listAllItems } from '../../../graph/lists/items.js';
import { ackRequests, acknowledgements } from '../../../graph/schema/acknowledgements.js';
import { ackTrustProblem, isTrusted } from '../../domain/acknowledgements/index.js';
import type { PeopleDirectory } from '../people.js';
import { listRefOf } from '../site.js';
import { stampedActor, stampedName, type StampedIdentity } from '../stamps.js';
import { ACK_SELECT, acknowledgementOf, REQUEST_SELECT, requestOf } from './mapping.js';
import { RELEASE_PAGE_SIZE, type AckSite } from './read.js';

export type AckFinding =
  | { readonly kind: 'ackNotByPerson'; readonly docId: string; readonly versionLabel: string; readonly person: string; readonly createdBy: string }
  | { readonly kind: 'ackEdited'; readonly docId: string; readonly versionLabel: string; readonly person: string; readonly editedBy: string }
  | { readonly kind: 'ackKeyMismatch'; readonly docId: string; readonly versionLabel: string; readonly person: string; readonly key: string }
  | { readonly kind: 'ackStatusWithoutEvidence'; readonly docId: string; readonly versionLabel: string; readonly person: string }
  | { readonly kind: 'waiverNotByManager'; readonly docId: string; readonly versionLabel: string; readonly person: string; readonly waivedBy: string };

const nameOf = stampedName;

/** The findings of every acknowledgement and request of the site. */
export async function verifyAcknowledgements(client: GraphClient, site: AckSite, people: Pick<PeopleDirectory, 'people'>, signal?: AbortSignal): Promise<AckFinding[]> {
  const stamps = ['id', 'createdBy', 'lastModifiedBy', 'createdDateTime', 'lastModifiedDateTime'];
  const [ackItems, requestItems] = await Promise.all([
    listAllItems(client, site.siteId, listRefOf(site, acknowledgements.key), { select: [...ACK_SELECT], properties: stamps, top: RELEASE_PAGE_SIZE, signal }),
    listAllItems(client, site.siteId, listRefOf(site, ackRequests.key), { select: [...REQUEST_SELECT], properties: stamps, top: RELEASE_PAGE_SIZE, signal }),
  ]);
  const out: AckFinding[] = [];
  const trustedKeys = new Set<string>();
  for (const item of ackItems) {
    const ack = acknowledgementOf(item);
    const where = { docId: ack.docId, versionLabel: ack.versionLabel, person: ack.userUpn };
    switch (ackTrustProblem(ack)) {
      case 'notByPerson':
        out.push({ kind: 'ackNotByPerson', ...where, createdBy: nameOf(item.createdBy as StampedIdentity, people) });
        break;
      case 'edited':
        out.push({ kind: 'ackEdited', ...where, editedBy: nameOf(item.lastModifiedBy as StampedIdentity, people) });
        break;
      case 'keyMismatch':
        out.push({ kind: 'ackKeyMismatch', ...where, key: ack.key });
        break;
      case null:
        if (isTrusted(ack)) trustedKeys.add(ack.key);
    }
  }
  for (const item of requestItems) {
    const r = requestOf(item);
    const where = { docId: r.docId, versionLabel: r.versionLabel, person: r.userUpn };
    if (r.status === 'Acknowledged' && !trustedKeys.has(r.key)) out.push({ kind: 'ackStatusWithoutEvidence', ...where });
    if (r.status === 'Waived') {
      const by = stampedActor(item.lastModifiedBy as StampedIdentity, people);
      if (by.kind !== 'person' || !by.person.roles.includes('smsManager')) out.push({ kind: 'waiverNotByManager', ...where, waivedBy: nameOf(item.lastModifiedBy as StampedIdentity, people) });
    }
  }
  return out;
}

/** One line of `npm run verify` output for a finding. */
export function describeAckFinding(f: AckFinding): string {
  const what = `${f.docId} ${f.versionLabel} (${f.person})`;
  switch (f.kind) {
    case 'ackNotByPerson':
      return `${what}: acknowledgement was created by ${f.createdBy}, not by the person it names`;
    case 'ackEdited':
      return `${what}: acknowledgement was changed after it was written (by ${f.editedBy})`;
    case 'ackKeyMismatch':
      return `${what}: acknowledgement key ${f.key} is not this person's key for this release`;
    case 'ackStatusWithoutEvidence':
      return `${what}: request is marked Acknowledged but no acknowledgement by the person backs it`;
    case 'waiverNotByManager':
      return `${what}: request was waived by ${f.waivedBy}, who is not an SMS manager`;
  }
}
