/** Internal audit (domain §5.4, clause 9.2): Audit Programmes, Audits and Audit Findings. */
import { clauseNumbers } from './clauses.js';
import {
  choice,
  dateOnly,
  hyperlink,
  lookup,
  lookupMulti,
  multiChoice,
  note,
  number,
  people,
  person,
  registerColumns,
  yesNo,
} from './columns.js';
import { chain, tr } from './lifecycle.js';
import type { SmsListSchema } from './types.js';

export const AUDIT_PROGRAMME_STATUSES = ['Draft', 'Approved', 'Active', 'Completed', 'Superseded', 'Cancelled'] as const;
export const AUDIT_METHODS = ['Document review', 'Interview', 'Observation', 'Record sampling', 'Remote', 'Technical test'] as const;

export const auditProgrammes: SmsListSchema = {
  key: 'auditProgrammes',
  displayName: 'Audit Programmes',
  template: 'genericList',
  kind: 'register',
  entity: 'AuditProgramme',
  clauses: ['9.2'],
  description: 'Internal audit programmes (coverage, criteria, methods, risk basis); the approved programme PDF is kept in SMS Records.',
  large: false,
  refPrefix: 'AP',
  refFormat: { yearly: true, digits: 2 },
  statuses: AUDIT_PROGRAMME_STATUSES,
  transitions: [
    ...tr('Draft', 'Approved', 'Top management'),
    ...chain(['Approved', 'Active', 'Completed'], 'Programme manager'),
    ...tr('Active', 'Superseded', 'Programme manager', 'A revised programme has been approved'),
    ...tr('Draft', 'Cancelled', 'Programme manager'),
  ],
  columns: [
    ...registerColumns({ statuses: AUDIT_PROGRAMME_STATUSES }),
    dateOnly('PeriodStart'),
    dateOnly('PeriodEnd'),
    note('Objectives'),
    note('Coverage', { description: 'The app also derives a clause × process coverage matrix from Audits.' }),
    note('Criteria'),
    multiChoice('Methods', AUDIT_METHODS),
    note('RiskBasis', { description: 'Process importance and previous results.' }),
    person('ProgrammeManager', { indexed: true }),
    note('ReportingArrangements'),
    person('ApprovedBy'),
    dateOnly('ApprovedOn'),
    hyperlink('ProgrammeDoc', { displayName: 'Programme document' }),
  ],
};

export const AUDIT_STATUSES = ['Planned', 'Scheduled', 'In progress', 'Reporting', 'Report issued', 'Follow-up', 'Closed', 'Postponed', 'Cancelled'] as const;
export const AUDIT_TYPES = ['Internal SMS audit', 'Supplier audit', 'Certification/surveillance audit', 'Customer audit'] as const;

export const audits: SmsListSchema = {
  key: 'audits',
  displayName: 'Audits',
  template: 'genericList',
  kind: 'register',
  entity: 'Audit',
  clauses: ['9.2'],
  description: 'Individual audits of a programme, with Outlook events for opening, fieldwork and closing.',
  large: false,
  refPrefix: 'IA',
  refFormat: { yearly: true, digits: 2 },
  statuses: AUDIT_STATUSES,
  transitions: [
    ...tr('Planned', 'Scheduled', 'Lead auditor', 'IndependenceConfirmed; sends Outlook invites'),
    ...chain(['Scheduled', 'In progress', 'Reporting'], 'Lead auditor'),
    ...tr('Reporting', 'Report issued', 'Lead auditor', 'Every finding Confirmed or Withdrawn; NCs and OFIs created'),
    ...tr('Report issued', 'Follow-up', 'Lead auditor'),
    ...tr('Follow-up', 'Closed', 'Lead auditor or SMS manager', 'Every finding Transferred or Closed'),
    ...tr(['Planned', 'Scheduled'], 'Postponed', 'Lead auditor'),
    ...tr('Postponed', 'Scheduled', 'Lead auditor', 'IndependenceConfirmed'),
    ...tr('Planned', 'Cancelled', 'Programme manager', 'Reason required; the programme is re-planned'),
  ],
  columns: [
    ...registerColumns({ statuses: AUDIT_STATUSES }),
    lookup('Programme', 'auditProgrammes', { indexed: true }),
    choice('AuditType', AUDIT_TYPES, { indexed: true, required: true }),
    note('Scope'),
    lookupMulti('Processes', 'processes'),
    multiChoice('ClausesCovered', clauseNumbers),
    lookupMulti('Services', 'services'),
    note('Criteria'),
    person('LeadAuditor', { indexed: true }),
    people('AuditTeam'),
    people('Auditees'),
    yesNo('IndependenceConfirmed', { default: false, description: 'App-checked: no auditor audits their own process or documents.' }),
    dateOnly('PlannedStart', { indexed: true }),
    dateOnly('PlannedEnd'),
    note('CalendarEventIds', { displayName: 'Calendar event IDs' }),
    dateOnly('ActualStart'),
    dateOnly('ActualEnd'),
    hyperlink('AuditPlanDoc', { displayName: 'Audit plan' }),
    hyperlink('ReportDoc', { displayName: 'Audit report' }),
    choice('Conclusion', ['Conforming', 'Conforming with findings', 'Significant nonconformities']),
    dateOnly('ReportIssuedOn'),
    people('ReportedTo'),
    number('OpenFindings', { min: 0, description: 'App-maintained.' }),
  ],
};

export const FINDING_STATUSES = ['Draft', 'Confirmed', 'Transferred', 'Closed', 'Withdrawn'] as const;
export const FINDING_TYPES = ['Major NC', 'Minor NC', 'Observation', 'Opportunity for improvement', 'Good practice'] as const;

export const auditFindings: SmsListSchema = {
  key: 'auditFindings',
  displayName: 'Audit Findings',
  template: 'genericList',
  kind: 'register',
  entity: 'AuditFinding',
  clauses: ['9.2'],
  description: 'Findings of an audit; NC types become Nonconformities, OFIs become Improvements.',
  large: false,
  refPrefix: 'F',
  refFormat: { yearly: false, digits: 2 },
  statuses: FINDING_STATUSES,
  transitions: [
    ...tr('Draft', 'Confirmed', 'Auditor', 'Auditee agrees, or the auditor records the disagreement'),
    ...tr('Confirmed', 'Transferred', 'System', 'Creates a Nonconformity for NC types and an Improvement for an OFI'),
    ...tr('Transferred', 'Closed', 'System', 'Linked item closed'),
    ...tr('Confirmed', 'Closed', 'Auditor', 'Observations and Good practice close directly'),
    ...tr('Draft', 'Withdrawn', 'Lead auditor'),
  ],
  columns: [
    ...registerColumns({ statuses: FINDING_STATUSES, process: true }),
    lookup('Audit', 'audits', { indexed: true, required: true }),
    choice('FindingType', FINDING_TYPES, { indexed: true, required: true }),
    note('Statement', { description: 'Requirement / evidence / gap, in the auditor’s words.' }),
    note('Evidence'),
    person('RaisedBy'),
    dateOnly('RaisedOn'),
    person('Auditee'),
    yesNo('AgreedByAuditee'),
    lookup('LinkedNC', 'nonconformities', { displayName: 'Linked NC', lookupColumn: 'Ref' }),
    lookup('LinkedImprovement', 'improvements', { lookupColumn: 'Ref' }),
  ],
};
