/**
 * Document lifecycle orchestration over graph/ (no React): the building blocks of this folder
 * (reading documents, the library, records, sequences, version history and content, the
 * `afterPublish` extension point) and, re-exported from ../api/, the lifecycle operations — new
 * documents, revisions, review and approval, publication, periodic review, withdrawal and archive.
 * Every rule comes from src/domain/documents; the operations read, ask the rules, then write.
 */
import type { GraphClient } from '../../../../graph/core/client.js';
import { loadPeopleDirectory, type PeopleDirectory } from '../../../platform/people.js';
import { systemClock } from '../../../platform/clock.js';
import { AFTER_PUBLISH_HANDLERS, type AfterPublishHandler } from './publish.js';
import { loadDocumentsSite } from './site.js';
import type { Clock, DocumentServices, DocumentsSite } from './types.js';

export * from './types.js';
export * from '../../../platform/people.js';
export * from './mapping.js';
export * from './load.js';
export * from './library.js';
export * from './sequences.js';
export * from './records.js';
export * from './rules.js';
export { canFinishPublication, isAmbiguousFailure, unfinishedPublicationOf, type UnfinishedPublication } from './resume.js';
export { AFTER_PUBLISH_HANDLERS, approveAndPublish, campaignContextOf, requestAcknowledgementsAfterPublish, planFinalApproval, type AfterPublishHandler, type FinalApproval, type PublishedRelease } from './publish.js';
export { historyFindings, reviewFindings, snapshotFindings } from './integrity.js';
export * from '../api/index.js';
export * from './versions.js';
export * from './versionStory.js';
export * from './reviewHistory.js';
export { sha256Hex } from './hash.js';
export { loadDocumentsSite } from './site.js';

export { localDate, systemClock } from '../../../platform/clock.js';

/** The services for one signed-in user from already-loaded site and directory. */
export function documentServices(opts: {
  client: GraphClient;
  site: DocumentsSite;
  people: PeopleDirectory;
  upn: string;
  clock?: Clock;
  /** The site's time zone (see `DocumentServices.timeZone`); absent: UTC. */
  timeZone?: string;
  documentLink?: (docId: string) => string;
  afterPublish?: readonly AfterPublishHandler[];
  /** False where the cloud has no Planner (see `DocumentServices.planner`). */
  planner?: boolean;
}): DocumentServices {
  const mePerson = opts.people.byId(opts.upn);
  if (!mePerson) throw new Error(`${opts.upn} is not in the directory.`);
  return {
    client: opts.client,
    site: opts.site,
    people: opts.people,
    me: { id: mePerson.id, roles: mePerson.roles, ownedProcessIds: mePerson.ownedProcessIds },
    mePerson,
    clock: opts.clock ?? systemClock,
    ...(opts.timeZone ? { timeZone: opts.timeZone } : {}),
    ...(opts.documentLink ? { documentLink: opts.documentLink } : {}),
    afterPublish: opts.afterPublish ?? AFTER_PUBLISH_HANDLERS,
    ...(opts.planner === false ? { planner: false } : {}),
  };
}

/** Reads the site and the directory, then builds the services (scripts and tests). */
export async function loadDocumentServices(client: GraphClient, siteId: string, siteWebUrl: string, upn: string, extra: { clock?: Clock; timeZone?: string; afterPublish?: readonly AfterPublishHandler[]; planner?: boolean } = {}): Promise<DocumentServices> {
  const [site, people] = await Promise.all([loadDocumentsSite(client, siteId, siteWebUrl), loadPeopleDirectory(client, siteId)]);
  return documentServices({ client, site, people, upn, ...extra });
}
