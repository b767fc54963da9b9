import type { GraphClient } from '../../graph/core/client.js';
import { createList } from '../../graph/lists/lists.js';
import { createItem } from '../../graph/lists/items.js';
import { ackRequests, acknowledgements } from '../../graph/schema/acknowledgements.js';
import { actions } from '../../graph/schema/actions.js';
import { audits } from '../../graph/schema/audit.js';
import { managementReviews } from '../../graph/schema/review.js';
import { competenceRecords } from '../../graph/schema/people.js';
import { columnOf, toGraphColumnDefinition } from '../../graph/schema/index.js';
import type { SmsListSchema } from '../../graph/schema/types.js';

/**
 * Test and benchmark fixture, never used by the app: creates the lists Home reads, with just
 * the columns (and indexes) its queries touch, and adds items to them. Full provisioning of the
 * SMS site is `graph/provisioning`'s job; this keeps Home's tests independent of it.
 *
 * Minimum delegated scope: `Sites.Manage.All` (create lists), `Sites.ReadWrite.All` (create items).
 * Microsoft Learn: https://learn.microsoft.com/graph/api/list-create , https://learn.microsoft.com/graph/api/listitem-create
 */

export const HOME_LISTS = { ackRequests, acknowledgements, actions, managementReviews, audits, competenceRecords } as const;
export type HomeListKey = keyof typeof HOME_LISTS;

const HOME_COLUMNS: Record<HomeListKey, readonly string[]> = {
  ackRequests: ['RequestKey', 'DocumentVersionId', 'UserId', 'UserUPN', 'RequestStatus'],
  // AcknowledgedOn: the compliance card in the same Home batch filters on it.
  acknowledgements: ['AckKey', 'DocumentVersionId', 'UserId', 'UserUPN', 'AcknowledgedOn'],
  actions: ['AssignedToUPN', 'Status'],
  managementReviews: ['MeetingDate', 'Status'],
  audits: ['PlannedStart', 'Status'],
  competenceRecords: ['PersonUPN', 'ExpiresOn', 'Status'],
};

function columnsFor(list: SmsListSchema, names: readonly string[]) {
  return names.map((name) => {
    const col = columnOf(list, name);
    if (!col) throw new Error(`${list.displayName} has no column ${name} in the schema`);
    return toGraphColumnDefinition(col, () => {
      throw new Error('Home fixture columns have no lookups');
    });
  });
}

/** Creates the given Home lists (default: all of them) on the site, with their queried columns indexed as the schema says. */
export async function createHomeLists(client: GraphClient, siteId: string, keys: readonly HomeListKey[] = Object.keys(HOME_LISTS) as HomeListKey[]): Promise<void> {
  for (const key of keys) {
    const list = HOME_LISTS[key];
    await createList(client, siteId, { displayName: list.displayName, list: { template: list.template }, columns: columnsFor(list, HOME_COLUMNS[key]) });
  }
}

/** Adds one item with these fields to a Home list. */
export async function addHomeItem(client: GraphClient, siteId: string, key: HomeListKey, fields: Record<string, unknown>): Promise<void> {
  await createItem(client, siteId, HOME_LISTS[key].displayName, fields);
}

/** The fields of a request to acknowledge release `releaseId` for the person (`RequestKey` = `<release>:<user id>`). */
export function homeAckRequest(person: { userId: string; upn: string }, releaseId: number, status = 'Pending'): Record<string, unknown> {
  return { Title: `Release ${releaseId}: ${person.upn}`, RequestKey: `${releaseId}:${person.userId.toLowerCase()}`, DocumentVersionId: releaseId, UserId: person.userId.toLowerCase(), UserUPN: person.upn.toLowerCase(), RequestStatus: status };
}

/** The fields of the person's acknowledgement of release `releaseId` (to be created with the person's own client). */
export function homeAck(person: { userId: string; upn: string }, releaseId: number): Record<string, unknown> {
  return {
    Title: `Release ${releaseId}: ${person.upn}`,
    AckKey: `${releaseId}:${person.userId.toLowerCase()}`,
    DocumentVersionId: releaseId,
    UserId: person.userId.toLowerCase(),
    UserUPN: person.upn.toLowerCase(),
    AcknowledgedOn: new Date().toISOString(),
  };
}
