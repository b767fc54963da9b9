/**
 * The SMS site as every area sees it: the site id and web address, the Microsoft 365 group behind
 * it (Planner plan "SMS Actions"), the id of each provisioned list by its schema key
 * (`graph/schema`: `smsDocuments`, `auditTrail`, `processes`, …) and the drive of the
 * `SMS Documents` library. Read once per session in at most three sequential round trips (the
 * lists, the site and the library's drive together; then the group and its site to confirm it).
 */
import type { GraphClient } from '../../graph/core/client.js';
import { findGroupByName } from '../../graph/directory/groups.js';
import { getListDrive } from '../../graph/drive/drive.js';
import { getLists } from '../../graph/lists/lists.js';
import { listByDisplayName, requireList, smsDocuments } from '../../graph/schema/index.js';
import { getGroupSite, getSite } from '../../graph/sites/sites.js';

export interface SmsSite {
  readonly siteId: string;
  readonly webUrl: string;
  /** Id of the Microsoft 365 group behind the site (Planner); null when it cannot be confirmed. */
  readonly groupId: string | null;
  /** List ids by schema key, for the SMS lists the site has. */
  readonly listIds: Readonly<Record<string, string>>;
  /** The drive of the `SMS Documents` library. */
  readonly documentsDriveId: string;
}

/** The list is in the schema but not on the site (run provisioning). */
export class ListNotProvisionedError extends Error {
  override readonly name: string = 'ListNotProvisionedError';
  constructor(readonly listKey: string) {
    super(`The SMS site has no list '${requireList(listKey).displayName}' (schema key ${listKey}). Run provisioning.`);
  }
}

/** The id of the list with this schema key; `ListNotProvisionedError` when the site lacks it. */
export function listIdOf(site: Pick<SmsSite, 'listIds'>, key: string): string {
  const id = site.listIds[key];
  if (!id) throw new ListNotProvisionedError(key);
  return id;
}

/**
 * The list's id, or, when the caller's view of the site's lists lacks it, its display name. Graph
 * lists a site's lists the caller may read only, and accepts a list's title in place of its id
 * (list-get: `/sites/{site-id}/lists/{list-title}`), so a request for a list the caller may not read
 * gets the service's own answer (403) rather than failing in the app before it is sent. For lists
 * with unique permissions (graph/provisioning/permissions.ts), e.g. `Document Releases` for staff.
 */
export function listRefOf(site: Pick<SmsSite, 'listIds'>, key: string): string {
  return site.listIds[key] ?? requireList(key).displayName;
}

/**
 * The group whose site this is. Graph v1.0 has no site → group link, so the group is looked up by
 * the site's display name (a group-connected site is named after its group) and confirmed by
 * reading the group's site back. Null when that does not lead back to this site.
 */
async function groupOfSite(client: GraphClient, siteId: string, displayName: string | null | undefined, signal?: AbortSignal): Promise<string | null> {
  if (!displayName) return null;
  const group = await findGroupByName(client, displayName, signal);
  if (!group?.id) return null;
  try {
    const groupSite = await getGroupSite(client, group.id, signal);
    return groupSite.id === siteId ? group.id : null;
  } catch {
    return null;
  }
}

/** The ids of the SMS lists among a site's lists (those the caller may read), by schema key. */
function listIdsOf(lists: readonly { id?: string | null; displayName?: string | null }[]): Record<string, string> {
  const listIds: Record<string, string> = {};
  for (const l of lists) {
    const schema = l.displayName ? listByDisplayName(l.displayName) : undefined;
    if (schema && l.id) listIds[schema.key] = l.id;
  }
  return listIds;
}

/** Only the SMS site's list ids (one request, `GET /sites/{site-id}/lists`), for steps that write through `listIdOf`. */
export async function loadListIds(client: GraphClient, siteId: string, signal?: AbortSignal): Promise<Readonly<Record<string, string>>> {
  return listIdsOf(await getLists(client, siteId, signal));
}

/** Reads the SMS site (see the file comment): five requests, three of them at once. */
export async function loadSmsSite(client: GraphClient, siteId: string, webUrl: string, signal?: AbortSignal): Promise<SmsSite> {
  const [lists, site, drive] = await Promise.all([
    getLists(client, siteId, signal),
    getSite(client, siteId, signal),
    // A list can be addressed by its display name, so the drive does not wait for the list ids.
    getListDrive(client, siteId, smsDocuments.displayName, signal),
  ]);
  if (!drive.id) throw new Error(`${smsDocuments.displayName} has no drive.`);
  const listIds = listIdsOf(lists);
  const groupId = await groupOfSite(client, siteId, site.displayName, signal);
  return { siteId, webUrl, groupId, listIds, documentsDriveId: drive.id };
}
