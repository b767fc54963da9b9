/**
 * The SMS information architecture (domain reference §5) as data: every SharePoint list and
 * library of the SMS site with its columns, indexes, statuses and lifecycles, plus the Planner
 * mapping and role groups. No I/O: provisioning, the UI and the OData filter builder read it.
 *
 * Provisioning note: lookups reference each other in cycles (Processes ↔ Suppliers, Services ↔
 * Services), so create every list first, then the columns.
 */
import { ackCampaigns, ackRequests, acknowledgements } from './acknowledgements.js';
import { competenceEvidence, documentApprovals, documentReleases, smsDocuments, smsRecords } from './documents.js';
import {
  complaints,
  contextIssues,
  continuityTests,
  improvements,
  interestedParties,
  metricReadings,
  metrics,
  nonconformities,
  objectives,
  processes,
  risks,
  serviceAgreements,
  serviceLevelTargets,
  services,
  supplierReviews,
  suppliers,
} from './registers.js';
import { actions } from './actions.js';
import { auditFindings, auditProgrammes, audits } from './audit.js';
import { managementReviews, reviewInputs, reviewOutputs } from './review.js';
import { competenceRecords, roleCompetenceRequirements, smsRoles } from './people.js';
import { auditTrail, smsSequences, smsSettings } from './system.js';
import type { SmsColumn, SmsListSchema } from './types.js';

export * from './types.js';
export * from './columns.js';
export * from './lifecycle.js';
export * from './documents.js';
export * from './acknowledgements.js';
export * from './registers.js';
export * from './actions.js';
export * from './audit.js';
export * from './review.js';
export * from './people.js';
export * from './system.js';

/** Every list and library of the SMS site, in the order of the §5.2 entity catalogue. */
export const SMS_LISTS: readonly SmsListSchema[] = Object.freeze([
  smsDocuments,
  documentReleases,
  documentApprovals,
  ackCampaigns,
  ackRequests,
  acknowledgements,
  smsRecords,
  contextIssues,
  interestedParties,
  processes,
  smsRoles,
  services,
  serviceAgreements,
  serviceLevelTargets,
  metrics,
  metricReadings,
  suppliers,
  supplierReviews,
  complaints,
  risks,
  objectives,
  nonconformities,
  actions,
  improvements,
  auditProgrammes,
  audits,
  auditFindings,
  managementReviews,
  reviewInputs,
  reviewOutputs,
  roleCompetenceRequirements,
  competenceRecords,
  competenceEvidence,
  continuityTests,
  auditTrail,
  smsSettings,
  smsSequences,
]);

const byKey: ReadonlyMap<string, SmsListSchema> = new Map(SMS_LISTS.map((l) => [l.key, l]));

/** The list with this schema key, or `undefined`. */
export function listByKey(key: string): SmsListSchema | undefined {
  return byKey.get(key);
}

/** The list with this schema key; throws for an unknown key (a programming error). */
export function requireList(key: string): SmsListSchema {
  const list = byKey.get(key);
  if (!list) throw new Error(`Unknown SMS list key: ${key}`);
  return list;
}

/** The list with this display name (case-insensitive, as SharePoint compares list titles). */
export function listByDisplayName(displayName: string): SmsListSchema | undefined {
  const wanted = displayName.toLowerCase();
  return SMS_LISTS.find((l) => l.displayName.toLowerCase() === wanted);
}

/** A column of a list by internal name, or `undefined`. */
export function columnOf(list: SmsListSchema, name: string): SmsColumn | undefined {
  return list.columns.find((c) => c.name === name);
}

/** The internal name of the list's status column (`Status` unless the entity names it otherwise). */
export function statusColumnOf(list: SmsListSchema): string | undefined {
  if (!list.statuses) return undefined;
  return list.statusColumn ?? 'Status';
}
