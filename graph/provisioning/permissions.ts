/**
 * The SharePoint settings and per-list permissions of the SMS site (domain §5.4 "Library settings",
 * §6.2 permission matrix, §6.3 rule 7, §6.4), as data. Microsoft Graph v1.0 can set none of this:
 * no versioning or draft-visibility property exists on `list`, and list permissions ("stop inheriting")
 * are outside Graph's v1.0 list API. Provisioning applies it through the emulator's dev endpoints for
 * `--target emulator`, and prints it as manual steps for an admin on a real tenant.
 */
import { SMS_GROUPS, smsDocuments, competenceEvidence, ackCampaigns, ackRequests, acknowledgements, auditTrail, documentReleases, documentApprovals, type SmsGroupName } from '../schema/index.js';

/**
 * SharePoint permission levels, lowest first (Read < Add only < Contribute < Edit < Full Control). `add` is a custom
 * level (`ADD_ONLY_LEVEL`): SharePoint lets a site owner create a permission level from the list permissions
 * "View Items" and "Add Items" without "Edit Items" and "Delete Items" (Site settings → Site permissions →
 * Permission Levels → Add a Permission Level).
 */
export type PermissionLevel = 'read' | 'add' | 'contribute' | 'edit' | 'fullControl';

/** The custom permission level behind `add`, as an admin creates it once per site. */
export const ADD_ONLY_LEVEL = {
  name: 'SMS Add only',
  description: 'Can view and add items, never edit or delete them (append-only evidence).',
  listPermissions: ['Add Items', 'View Items', 'Open Items', 'View Versions'],
  sitePermissions: ['View Pages', 'Browse User Information', 'Use Remote Interfaces', 'Open'],
} as const;

/** One grant of a permission level to an Entra group. */
export interface GroupGrant {
  readonly group: SmsGroupName;
  readonly level: PermissionLevel;
}

/**
 * List settings an admin sets in SharePoint's List settings pages (names as the emulator's
 * `PATCH /_dev/lists/{id}/settings` takes them).
 */
export interface ListSettingsPlan {
  /** "Advanced settings → Item-level permissions → Create and Edit access": all items, or only their own. */
  readonly writeSecurity?: 'all' | 'own';
  /** "Versioning settings → Create major and minor (draft) versions". */
  readonly enableMinorVersions?: boolean;
  /** "Versioning settings → Draft item security": who sees drafts ('approver' = only editors and approvers). */
  readonly draftVisibility?: 'reader' | 'author' | 'approver';
}

/** What provisioning wants for one list beyond its columns. */
export interface ListAccessPlan {
  /** Schema key of the list. */
  readonly listKey: string;
  readonly settings?: ListSettingsPlan;
  /** Unique permissions (the list stops inheriting from the site). Absent = inherit the site's. */
  readonly grants?: readonly GroupGrant[];
  /** Why, in one sentence (printed with the manual step for a real tenant). */
  readonly reason: string;
}

/**
 * The site's own grants (set when the site is created, mirrored by the emulator seed): SMS-Managers
 * Full Control; DocumentControllers, ProcessOwners, TopManagement and InternalAuditors Contribute;
 * AllStaff Read. Registers inherit these, so "registers are Read for all staff" holds without a
 * per-list step.
 */
export const SITE_GRANTS: readonly GroupGrant[] = [
  { group: SMS_GROUPS.managers, level: 'fullControl' },
  { group: SMS_GROUPS.documentControllers, level: 'contribute' },
  { group: SMS_GROUPS.processOwners, level: 'contribute' },
  { group: SMS_GROUPS.topManagement, level: 'contribute' },
  { group: SMS_GROUPS.internalAuditors, level: 'contribute' },
  { group: SMS_GROUPS.allStaff, level: 'read' },
];

/**
 * Who may read and write `Document Releases` and `Document Approvals`: everyone who takes part in
 * document control (authors and owners are process owners or document controllers; approvers are top
 * management or process owners; reviewers and auditors are internal auditors), and not all staff.
 */
const DOCUMENT_RECORD_GRANTS: readonly GroupGrant[] = [
  { group: SMS_GROUPS.managers, level: 'fullControl' },
  { group: SMS_GROUPS.documentControllers, level: 'contribute' },
  { group: SMS_GROUPS.processOwners, level: 'contribute' },
  { group: SMS_GROUPS.topManagement, level: 'contribute' },
  { group: SMS_GROUPS.internalAuditors, level: 'contribute' },
];

/**
 * Who writes acknowledgement campaigns and requests: whoever may publish a document (document controllers, the SMS
 * manager, and approvers: top management and process owners, whose final approval publishes) writes its campaign at
 * publication; all staff read. Waivers are the SMS manager's alone: `npm run verify` reports one written by anyone
 * else, and a request marked acknowledged with no acknowledgement behind it.
 */
const ACK_MANAGEMENT_GRANTS: readonly GroupGrant[] = [
  { group: SMS_GROUPS.managers, level: 'fullControl' },
  { group: SMS_GROUPS.documentControllers, level: 'contribute' },
  { group: SMS_GROUPS.topManagement, level: 'contribute' },
  { group: SMS_GROUPS.processOwners, level: 'contribute' },
  { group: SMS_GROUPS.allStaff, level: 'read' },
];

/**
 * Per-list settings and unique permissions. Every unique grant set keeps SMS-Managers at Full
 * Control, so the SMS manager who provisions never locks themself out.
 */
export const LIST_ACCESS: readonly ListAccessPlan[] = [
  {
    listKey: smsDocuments.key,
    settings: { enableMinorVersions: true, draftVisibility: 'author' },
    grants: [
      { group: SMS_GROUPS.managers, level: 'fullControl' },
      { group: SMS_GROUPS.documentControllers, level: 'contribute' },
      { group: SMS_GROUPS.processOwners, level: 'contribute' },
      { group: SMS_GROUPS.topManagement, level: 'contribute' },
      { group: SMS_GROUPS.allStaff, level: 'read' },
    ],
    reason:
      'Major and minor versions (minor = draft, major = published). Draft item security "Only users who can edit items": owners (process owners), approvers (top management), SMS managers and document controllers can edit, so they see drafts; all staff read, so employees see only published versions (§5.4). Unique grants, so membership of the site\'s Microsoft 365 group gives no edit right here.',
  },
  {
    listKey: documentReleases.key,
    grants: DOCUMENT_RECORD_GRANTS,
    reason:
      'Release records hold drafts\' change summaries and status while a version is worked on: only the people who may see drafts (owners, approvers, reviewers, document controllers, SMS managers) and the internal auditors read them. All staff read the published document itself in SMS Documents (issue 9, "Drafts stay private").',
  },
  {
    listKey: documentApprovals.key,
    grants: DOCUMENT_RECORD_GRANTS,
    reason:
      'Review and approval records (reviewers\' comments on drafts) are read only by the people who take part in document control and by the internal auditors, never by all staff. Decisions count only when the server stamped the designated approver as their writer; the app and `npm run verify` check that.',
  },
  {
    listKey: ackCampaigns.key,
    grants: ACK_MANAGEMENT_GRANTS,
    reason: 'Campaigns say who must acknowledge which release by when: whoever publishes a document writes its campaign, document controllers and the SMS manager start and run them on demand; all staff may read them and never write them (issue 11).',
  },
  {
    listKey: ackRequests.key,
    grants: ACK_MANAGEMENT_GRANTS,
    reason: 'Requests are written at publication (by whoever publishes) and by campaigns (document controllers, the SMS manager, the daily job); all staff read their own and never write any (issue 11).',
  },
  {
    listKey: acknowledgements.key,
    grants: [
      { group: SMS_GROUPS.managers, level: 'fullControl' },
      { group: SMS_GROUPS.documentControllers, level: 'read' },
      { group: SMS_GROUPS.internalAuditors, level: 'read' },
      { group: SMS_GROUPS.allStaff, level: 'add' },
    ],
    reason:
      'The evidence of awareness (5.2.2, 7.3): every member of staff adds their own acknowledgement with their own sign-in, so SharePoint stamps them as its creator (§6.3 rule 7), and can never edit or delete one (custom level "SMS Add only"). Document controllers and auditors read them. `npm run verify` reports any acknowledgement that was changed or whose creator is not the person it names.',
  },
  {
    listKey: auditTrail.key,
    settings: { writeSecurity: 'own' },
    grants: [
      { group: SMS_GROUPS.managers, level: 'fullControl' },
      { group: SMS_GROUPS.allStaff, level: 'contribute' },
    ],
    reason: 'Anyone whose action changes a register appends an audit entry; nobody but the SMS manager may change someone else’s entry (7.5.3).',
  },
  {
    listKey: competenceEvidence.key,
    grants: [
      { group: SMS_GROUPS.managers, level: 'fullControl' },
      { group: SMS_GROUPS.topManagement, level: 'read' },
    ],
    reason: 'Competence evidence is restricted; employees see their own evidence through the app (§6.4).',
  },
];

/** The access plan of a list, if it has one. */
export function accessPlanOf(listKey: string): ListAccessPlan | undefined {
  return LIST_ACCESS.find((a) => a.listKey === listKey);
}

/** Human wording of a settings plan, as an admin finds it in SharePoint's List settings. */
export function describeSettings(s: ListSettingsPlan): string[] {
  const out: string[] = [];
  if (s.enableMinorVersions !== undefined) {
    out.push(`Versioning settings → "Create major and minor (draft) versions" ${s.enableMinorVersions ? 'on' : 'off'}`);
  }
  if (s.draftVisibility !== undefined) {
    const who = { reader: 'Any user who can read items', author: 'Only users who can edit items', approver: 'Only users who can approve items (and the author of the item)' }[s.draftVisibility];
    out.push(`Versioning settings → Draft item security: "${who}"`);
  }
  if (s.writeSecurity !== undefined) {
    out.push(`Advanced settings → Item-level permissions → Create and Edit access: "${s.writeSecurity === 'own' ? 'Create items and edit items that were created by the user' : 'Create and edit all items'}"`);
  }
  return out;
}

/** SharePoint's display name of a permission level. */
export function levelName(level: PermissionLevel): string {
  return { read: 'Read', add: ADD_ONLY_LEVEL.name, contribute: 'Contribute', edit: 'Edit', fullControl: 'Full Control' }[level];
}
