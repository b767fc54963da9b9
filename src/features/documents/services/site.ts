/**
 * The document-control view of the SMS site (`src/platform/site.ts`): the ids of `SMS Documents`,
 * `Document Releases`, `Document Approvals`, `SMS Sequences` and `SMS Audit Trail`, the library's
 * drive and the group behind the site (for Planner).
 */
import type { GraphClient } from '../../../../graph/core/client.js';
import { auditTrail, documentApprovals, documentReleases, smsDocuments, smsSequences } from '../../../../graph/schema/index.js';
import { listIdOf, listRefOf, loadSmsSite, type SmsSite } from '../../../platform/site.js';
import type { DocumentsSite } from './types.js';

/** The document lists of an SMS site; `ListNotProvisionedError` when one is missing. */
export function documentsSiteOf(site: SmsSite): DocumentsSite {
  return {
    siteId: site.siteId,
    siteWebUrl: site.webUrl,
    documentsListId: listIdOf(site, smsDocuments.key),
    // Readable only by those who take part in document control (drafts stay private): for staff
    // these requests get the service's 403, which the readers turn into "no release records".
    releasesListId: listRefOf(site, documentReleases.key),
    approvalsListId: listRefOf(site, documentApprovals.key),
    sequencesListId: listIdOf(site, smsSequences.key),
    auditListId: listIdOf(site, auditTrail.key),
    driveId: site.documentsDriveId,
    groupId: site.groupId,
    sms: site,
  };
}

/** Reads the SMS site and returns its document-control view (cache it for the session). */
export async function loadDocumentsSite(client: GraphClient, siteId: string, siteWebUrl: string, signal?: AbortSignal): Promise<DocumentsSite> {
  return documentsSiteOf(await loadSmsSite(client, siteId, siteWebUrl, signal));
}
