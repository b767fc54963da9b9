/**
 * Document control (domain §5.4, clauses 7.5.2 / 7.5.3): the `SMS Documents` and `SMS Records`
 * libraries, `Document Releases`, `Document Approvals` and `Acknowledgements`.
 */
import { clauseNumbers } from './clauses.js';
import {
  choice,
  dateOnly,
  dateTime,
  hyperlink,
  lookup,
  lookupMulti,
  multiChoice,
  note,
  number,
  people,
  person,
  text,
  titleColumn,
  yesNo,
} from './columns.js';
import type { SmsListSchema } from './types.js';

/** DocType choices of a controlled document. */
export const DOC_TYPES = [
  'Policy',
  'Plan',
  'Process description',
  'Procedure',
  'Work instruction',
  'Form/Template',
  'Catalogue',
  'Agreement',
  'Contract',
  'Register',
  'External document',
] as const;

/** Lifecycle of a controlled document. */
export const DOC_STATUSES = ['Draft', 'In review', 'Approved', 'Published', 'Under revision', 'Withdrawn', 'Archived'] as const;

/** `MandatoryItem`: None or one of the mandatory documents D1…D24 of §3.1. */
export const MANDATORY_ITEMS = ['None', ...Array.from({ length: 24 }, (_, i) => `D${i + 1}`)] as const;

export const CLASSIFICATIONS = ['Public', 'Internal', 'Confidential', 'Restricted'] as const;

export const smsDocuments: SmsListSchema = {
  key: 'smsDocuments',
  displayName: 'SMS Documents',
  template: 'documentLibrary',
  kind: 'library',
  entity: 'ControlledDocument',
  clauses: ['7.5'],
  description:
    'Controlled SMS documents (content type "SMS Controlled Document"). Minor versions are drafts, major versions are published. Draft item security: only editors and approvers see drafts.',
  large: false,
  versioning: { major: true, minor: true },
  statusColumn: 'DocStatus',
  statuses: DOC_STATUSES,
  transitions: [
    { from: 'Draft', to: 'In review', by: 'Owner or document controller', guard: 'Metadata complete, at least one approver set, approver is not the author' },
    { from: 'In review', to: 'Draft', by: 'Any reviewer or approver', guard: 'Changes requested' },
    { from: 'In review', to: 'Approved', by: 'App', guard: 'All required approvals recorded; policy-level DocTypes need a top-management approver' },
    { from: 'Approved', to: 'Published', by: 'Document controller, or automatic on EffectiveDate', guard: 'Creates a major version and a Document Release, supersedes the previous version, creates Acknowledgements if AckRequired, writes the PDF rendition to SMS Records' },
    { from: 'Published', to: 'Under revision', by: 'Owner or document controller', guard: 'Starts a new minor draft; readers keep seeing the last major version' },
    { from: 'Under revision', to: 'In review', by: 'Owner or document controller', guard: 'Metadata complete, at least one approver set, approver is not the author' },
    { from: 'Published', to: 'Published', by: 'Owner or document controller', guard: 'Periodic review with no change: release with ChangeType "Reviewed – no change"; NextReviewDate moves forward' },
    { from: 'Published', to: 'Withdrawn', by: 'Approver', guard: 'Reason required; acknowledgements cancelled; item becomes read-only' },
    { from: 'Withdrawn', to: 'Archived', by: 'System', guard: 'Retention starts / disposal review' },
  ],
  compoundIndexes: [],
  columns: [
    titleColumn(),
    text('DocId', { displayName: 'Document ID', unique: true, indexed: true, description: 'e.g. SMS-POL-001' }),
    choice('DocType', DOC_TYPES, { displayName: 'Document type', indexed: true, required: true }),
    choice('DocStatus', DOC_STATUSES, { displayName: 'Document status', indexed: true, required: true, default: 'Draft' }),
    person('Owner', { indexed: true }),
    person('Approver'),
    people('Reviewers'),
    // The people a document names, by UPN: the record of who they are (ADR 0005). The person columns above are
    // filled as well when the person is already a site user; Graph cannot add anyone to the site's users.
    text('OwnerUPN', { displayName: 'Owner UPN', indexed: true, description: 'UPN of Owner: set even when Owner cannot be (the person has never opened the site).' }),
    text('ApproverUPN', { displayName: 'Approver UPN', description: 'UPN of Approver: set even when Approver cannot be.' }),
    note('ReviewersUPN', { displayName: 'Reviewers UPN', description: 'UPNs of Reviewers, one per line: set even when Reviewers cannot be.' }),
    lookup('Process', 'processes', { indexed: true }),
    lookupMulti('Services', 'services'),
    text('PrimaryClause', { indexed: true }),
    multiChoice('ClauseRefs', clauseNumbers, { displayName: 'Clause refs' }),
    choice('MandatoryItem', MANDATORY_ITEMS, { default: 'None', description: 'Mandatory document D1…D24 this file fulfils (drives the "mandatory set complete" dashboard).' }),
    choice('Classification', CLASSIFICATIONS, { default: 'Internal' }),
    text('PublishedVersion'),
    dateOnly('EffectiveDate'),
    number('ReviewCycleMonths', { default: 12, min: 1 }),
    dateOnly('NextReviewDate', { indexed: true }),
    yesNo('AckRequired', { displayName: 'Acknowledgement required', default: false }),
    people('AckAudience', { displayName: 'Acknowledgement audience', peopleAndGroups: true, description: 'Entra groups (or people) who must acknowledge.' }),
    number('AckDueDays', { displayName: 'Acknowledgement due (days)', default: 14, min: 0 }),
    note('AckAudienceGroups', {
      displayName: 'Acknowledgement audience groups',
      description: 'Ids of the Entra groups who must acknowledge, one per line: the text twin of AckAudience (stored with each release at publication).',
    }),
    yesNo('ExternalOrigin', { default: false }),
    text('Issuer', { description: 'Issuer of an external-origin document.' }),
    note('ChangeSummary', { description: 'Change summary of the current draft.' }),
    text('CreateKey', {
      displayName: 'Creation key',
      indexed: true,
      description: 'Idempotency key of the request that created the document: a create repeated after a lost answer finds the document by it and finishes it.',
    }),
  ],
};

export const VERSION_STATUSES = ['Draft', 'In review', 'Approved', 'Published', 'Superseded', 'Rejected', 'Withdrawn'] as const;
export const CHANGE_TYPES = ['New', 'Major revision', 'Minor revision', 'Reviewed – no change', 'Withdrawal'] as const;

export const documentReleases: SmsListSchema = {
  key: 'documentReleases',
  displayName: 'Document Releases',
  template: 'genericList',
  kind: 'detail',
  entity: 'DocumentVersion',
  clauses: ['7.5.3'],
  description: 'One item per issued version of a controlled document, next to the library’s native version history.',
  large: false,
  statusColumn: 'VersionStatus',
  statuses: VERSION_STATUSES,
  transitions: [
    { from: 'Draft', to: 'In review', by: 'Owner or document controller' },
    { from: 'In review', to: 'Approved', by: 'App', guard: 'All required approvals recorded' },
    { from: 'Approved', to: 'Published', by: 'Document controller or automatic on EffectiveDate' },
    { from: 'Published', to: 'Superseded', by: 'System', guard: 'A newer version is published' },
    { from: 'In review', to: 'Rejected', by: 'Approver' },
    { from: 'Published', to: 'Withdrawn', by: 'Approver', guard: 'Reason required' },
  ],
  columns: [
    titleColumn(),
    lookup('Document', 'smsDocuments', { indexed: true, lookupColumn: 'DocId', required: true }),
    text('DocId', { displayName: 'Document ID', indexed: true, required: true }),
    text('VersionLabel', { required: true, description: 'e.g. 3.0' }),
    choice('VersionStatus', VERSION_STATUSES, { indexed: true, required: true, default: 'Draft' }),
    choice('ChangeType', CHANGE_TYPES),
    note('ChangeSummary'),
    person('VersionAuthor', { displayName: 'Version author', description: 'Author of this version (named VersionAuthor: Author is a reserved SharePoint field).' }),
    dateTime('SubmittedOn'),
    person('ApprovedBy'),
    dateTime('ApprovedOn'),
    dateTime('PublishedOn'),
    dateTime('SupersededOn'),
    text('FileHash', { description: 'SHA-256 of the published file (integrity evidence).' }),
    hyperlink('RenditionUrl', { displayName: 'Rendition URL' }),
    yesNo('AckRequired', { displayName: 'Acknowledgement required', default: false }),
    note('AckAudienceGroups', { displayName: 'Acknowledgement audience groups', description: 'Ids of the Entra groups who must acknowledge this release, one per line.' }),
    number('AckDueDays', { displayName: 'Acknowledgement due (days)', min: 0 }),
    dateOnly('AckDueDate', { displayName: 'Acknowledgement due date' }),
    number('AckTarget', { displayName: 'Acknowledgements expected', min: 0 }),
    number('AckDone', { displayName: 'Acknowledgements done', min: 0 }),
  ],
};

export const APPROVAL_DECISIONS = ['Pending', 'Approved', 'Changes requested', 'Rejected'] as const;

export const documentApprovals: SmsListSchema = {
  key: 'documentApprovals',
  displayName: 'Document Approvals',
  template: 'genericList',
  kind: 'detail',
  entity: 'DocumentApproval',
  clauses: ['7.5.3'],
  description: 'One item per reviewer or approver decision on a document release.',
  large: true,
  statusColumn: 'Decision',
  statuses: APPROVAL_DECISIONS,
  transitions: [
    { from: 'Pending', to: 'Approved', by: 'Assignee only', guard: 'Assignee is not the author when Step = Approval' },
    { from: 'Pending', to: 'Changes requested', by: 'Assignee only', guard: 'Assignee is not the author when Step = Approval' },
    { from: 'Pending', to: 'Rejected', by: 'Assignee only', guard: 'Assignee is not the author when Step = Approval' },
  ],
  compoundIndexes: [['AssigneeUPN', 'Decision']],
  columns: [
    titleColumn(),
    lookup('DocumentVersion', 'documentReleases', { indexed: true, required: true, lookupColumn: 'VersionLabel' }),
    choice('Step', ['Review', 'Approval'], { required: true }),
    person('Assignee', { indexed: true, description: 'Set when the assignee is a site user already; AssigneeUPN always is (ADR 0005).' }),
    text('AssigneeUPN', { displayName: 'Assignee UPN', indexed: true, required: true, description: 'UPN of Assignee: the person the approval is for.' }),
    choice('Decision', APPROVAL_DECISIONS, { indexed: true, required: true, default: 'Pending' }),
    note('Comment'),
    dateTime('DecidedOn'),
    text('PlannerTaskId'),
    text('ApprovalId', { description: 'Teams Approvals id, when used.' }),
  ],
};

export const RECORD_TYPES = [
  'Audit programme',
  'Audit plan',
  'Audit report',
  'MR pack',
  'MR minutes',
  'Service report',
  'Continuity test report',
  'Major incident review',
  'Supplier review minutes',
  'Satisfaction survey results',
  'Metric export',
  'Document PDF rendition',
] as const;

export const smsRecords: SmsListSchema = {
  key: 'smsRecords',
  displayName: 'SMS Records',
  template: 'documentLibrary',
  kind: 'library',
  entity: 'SMS record files',
  clauses: ['7.5.3'],
  description:
    'Retained evidence files in year folders. A retention label declares each file a record; records are never edited, a correction is a new file that references the old one.',
  large: false,
  versioning: { major: true, minor: false },
  compoundIndexes: [['RecordType', 'PeriodYear']],
  columns: [
    titleColumn('Title', false),
    choice('RecordType', RECORD_TYPES, { indexed: true, required: true }),
    text('Ref', { indexed: true, description: 'Ref of the register item the record belongs to (not unique).' }),
    text('PrimaryClause', { indexed: true }),
    lookup('Service', 'services', { indexed: true }),
    number('PeriodYear', { indexed: true, min: 2000, max: 2100 }),
    person('Owner', { indexed: true }),
    text('Supersedes', { description: 'Name or URL of the record file this one corrects.' }),
  ],
};

/** Restricted library for competence evidence files (§5.2 CompetenceRecord, §6.4). */
export const competenceEvidence: SmsListSchema = {
  key: 'competenceEvidence',
  displayName: 'Competence Evidence',
  template: 'documentLibrary',
  kind: 'library',
  entity: 'CompetenceRecord evidence',
  clauses: ['7.2'],
  description: 'Certificates and other competence evidence. Restricted to HR, line managers and the app; employees see their own evidence through the app.',
  large: false,
  versioning: { major: true, minor: false },
  columns: [
    titleColumn('Title', false),
    person('Person', { indexed: true }),
    text('PersonUPN', { indexed: true }),
    text('RecordRef', { displayName: 'Competence record ref', indexed: true }),
  ],
};
