/**
 * People (domain §5.4, clause 7.2 and §6): SMS Roles, Role Competence Requirements, Competence
 * Records, and the Microsoft 365 role groups of §6.4.
 */
import {
  choice,
  dateOnly,
  hyperlink,
  lookup,
  number,
  person,
  registerColumns,
  text,
  titleColumn,
  yesNo,
} from './columns.js';
import { chain, tr } from './lifecycle.js';
import type { SmsListSchema } from './types.js';

/** SMS roles an appointment (RoleAssignment) can hold. */
export const SMS_ROLES = [
  'Top management',
  'SMS manager',
  'Document controller',
  'Audit programme manager',
  'Process owner',
  'Service owner',
  'Internal auditor',
  'Line manager',
  'Employee',
] as const;

/**
 * The Entra security groups of §6.4: they feed the app's role checks and the SharePoint
 * permissions. `SMS-AllStaff` is also the default acknowledgement audience.
 */
export const SMS_GROUPS = {
  topManagement: 'SMS-TopManagement',
  managers: 'SMS-Managers',
  documentControllers: 'SMS-DocumentControllers',
  processOwners: 'SMS-ProcessOwners',
  internalAuditors: 'SMS-InternalAuditors',
  allStaff: 'SMS-AllStaff',
} as const;
export type SmsGroupName = (typeof SMS_GROUPS)[keyof typeof SMS_GROUPS];

/** The role groups in §6.4 order. */
export const SMS_GROUP_NAMES: readonly SmsGroupName[] = Object.values(SMS_GROUPS);

/** The group that backs each role of §6.1 (site owners = SMS-Managers; all staff read). */
export const GROUP_BY_ROLE: Readonly<Partial<Record<(typeof SMS_ROLES)[number], SmsGroupName>>> = {
  'Top management': SMS_GROUPS.topManagement,
  'SMS manager': SMS_GROUPS.managers,
  'Document controller': SMS_GROUPS.documentControllers,
  'Process owner': SMS_GROUPS.processOwners,
  'Service owner': SMS_GROUPS.processOwners,
  'Internal auditor': SMS_GROUPS.internalAuditors,
  Employee: SMS_GROUPS.allStaff,
};

export const smsRoles: SmsListSchema = {
  key: 'smsRoles',
  displayName: 'SMS Roles',
  template: 'genericList',
  kind: 'detail',
  entity: 'RoleAssignment',
  clauses: ['5.3', '7.2'],
  description: 'The auditable record of SMS role appointments; source for app authorisation, reconciled with the SMS-* groups by a sync job.',
  large: false,
  columns: [
    titleColumn(),
    person('Person', { indexed: true, required: true }),
    text('PersonUPN', { indexed: true, required: true }),
    choice('Role', SMS_ROLES, { indexed: true, required: true }),
    lookup('ScopeProcess', 'processes'),
    lookup('ScopeService', 'services'),
    dateOnly('ValidFrom'),
    dateOnly('ValidTo'),
    person('AppointedBy'),
    text('AppointmentRef'),
  ],
};

export const roleCompetenceRequirements: SmsListSchema = {
  key: 'roleCompetenceRequirements',
  displayName: 'Role Competence Requirements',
  template: 'genericList',
  kind: 'detail',
  entity: 'CompetenceRequirement',
  clauses: ['7.2'],
  description: 'Competences each role needs, the level and the evidence expected.',
  large: false,
  columns: [
    titleColumn(),
    choice('Role', SMS_ROLES, { indexed: true, required: true }),
    text('Competence', { required: true }),
    choice('RequiredLevel', ['Awareness', 'Practitioner', 'Expert']),
    choice('EvidenceExpected', ['Certificate', 'Training', 'Experience', 'Assessment']),
    number('RenewalMonths', { min: 0 }),
    yesNo('Mandatory', { default: false }),
  ],
};

export const COMPETENCE_RECORD_STATUSES = ['Planned', 'In progress', 'Valid', 'Expired', 'Not achieved', 'Superseded'] as const;

export const competenceRecords: SmsListSchema = {
  key: 'competenceRecords',
  displayName: 'Competence Records',
  template: 'genericList',
  kind: 'register',
  entity: 'CompetenceRecord',
  clauses: ['7.2'],
  description:
    'Evidence of competence per person and requirement; files live in the restricted Competence Evidence library. A gap (mandatory requirement of the person’s role with no Valid record) is computed.',
  large: true,
  refPrefix: 'CR',
  refFormat: { yearly: true, digits: 4 },
  statuses: COMPETENCE_RECORD_STATUSES,
  transitions: [
    ...chain(['Planned', 'In progress'], 'Person or line manager'),
    ...tr('In progress', 'Valid', 'Line manager', 'Evidence verified'),
    ...tr('In progress', 'Not achieved', 'Line manager'),
    ...tr('Valid', 'Expired', 'System', 'At ExpiresOn'),
    ...tr('Valid', 'Superseded', 'System', 'Renewal recorded'),
  ],
  compoundIndexes: [['PersonUPN', 'Status']],
  columns: [
    ...registerColumns({ statuses: COMPETENCE_RECORD_STATUSES }),
    person('Person', { indexed: true, required: true }),
    text('PersonUPN', { indexed: true, required: true, description: 'UPN of Person: filterable without the site-specific LookupId.' }),
    lookup('Requirement', 'roleCompetenceRequirements', { indexed: true }),
    choice('EvidenceType', ['Qualification', 'Certification', 'Training', 'Experience', 'Assessment', 'Mentoring']),
    text('Provider'),
    dateOnly('CompletedOn'),
    dateOnly('ExpiresOn', { indexed: true }),
    hyperlink('EvidenceDoc', { displayName: 'Evidence', description: 'Link into the restricted Competence Evidence library.' }),
    yesNo('EffectivenessChecked', { default: false }),
    text('EffectivenessMethod'),
    person('VerifiedBy', { description: 'Line manager.' }),
  ],
};
