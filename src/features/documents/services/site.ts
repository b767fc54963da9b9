/**
 * Resolves the SMS site's document-control lists and library once per session: the list ids of
 * `SMS Documents`, `Document Releases`, `Document Approvals`, `SMS Sequences` and `SMS Audit Trail`,
 * the library's drive, and the Microsoft 365 group behind the site (for Planner).
 */
import type { GraphClient } from '../../../../graph/core/client.js';
import { findGroupByName } from '../../../../graph/directory/groups.js';
import { getListDrive } from '../../../../graph/drive/drive.js';
import { getList } from '../../../../graph/lists/lists.js';
import { auditTrail, documentApprovals, documentReleases, smsDocuments, smsSequences } from '../../../../graph/schema/index.js';
import { getGroupSite, getSite } from '../../../../graph/sites/sites.js';
import type { DocumentsSite } from './types.js';

/**
 * The group whose site this is. Graph v1.0 has no site → group link, so the group is looked up by
 * the site's display name (a group-connected site is named after its group) and confirmed by
 * reading the group's site back. Null when that does not lead back to this site.
 */
async function groupOfSite(client: GraphClient, siteId: string, signal?: AbortSignal): Promise<string | null> {
  const site = await getSite(client, siteId, signal);
  if (!site.displayName) return null;
  const group = await findGroupByName(client, site.displayName, signal);
  if (!group?.id) return null;
  try {
    const groupSite = await getGroupSite(client, group.id, signal);
    return groupSite.id === siteId ? group.id : null;
  } catch {
    return null;
  }
}

/** Reads the ids the lifecycle services need (a handful of requests, cache for the session). */
export async function loadDocumentsSite(client: GraphClient, siteId: string, siteWebUrl: string, signal?: AbortSignal): Promise<DocumentsSite> {
  const [documents, releases, approvals, sequences, audit, groupId] = await Promise.all([
    getList(client, siteId, smsDocuments.displayName, signal),
    getList(client, siteId, documentReleases.displayName, signal),
    getList(client, siteId, documentApprovals.displayName, signal),
    getList(client, siteId, smsSequences.displayName, signal),
    getList(client, siteId, auditTrail.displayName, signal),
    groupOfSite(client, siteId, signal),
  ]);
  const drive = await getListDrive(client, siteId, documents.id!, signal);
  if (!drive.id) throw new Error('SMS Documents has no drive.');
  return {
    siteId,
    siteWebUrl,
    documentsListId: documents.id!,
    releasesListId: releases.id!,
    approvalsListId: approvals.id!,
    sequencesListId: sequences.id!,
    auditListId: audit.id!,
    driveId: drive.id,
    groupId,
  };
}
