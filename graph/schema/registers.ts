/**
 * Context, services, suppliers, risks, objectives, nonconformities and improvements (domain §5.4).
 * Every register list starts with the common columns of §5.3 (`registerColumns`).
 */
import {
  HIGH_MEDIUM_LOW,
  choice,
  currency,
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
  registerColumns,
  text,
  titleColumn,
  yesNo,
} from './columns.js';
import { chain, tr } from './lifecycle.js';
import type { SmsListSchema } from './types.js';

// ---------- Context Issues (4.1) ----------

export const CONTEXT_ISSUE_STATUSES = ['Active', 'Monitoring', 'Closed'] as const;

export const contextIssues: SmsListSchema = {
  key: 'contextIssues',
  displayName: 'Context Issues',
  template: 'genericList',
  kind: 'register',
  entity: 'ContextIssue',
  clauses: ['4.1'],
  description: 'Internal and external issues relevant to the SMS, including the climate-change decision (Amd 1:2024).',
  large: false,
  refPrefix: 'CTX',
  refFormat: { yearly: false, digits: 2 },
  statuses: CONTEXT_ISSUE_STATUSES,
  transitions: [
    ...tr('Active', 'Monitoring', 'Owner', 'Reviewed at least before each management review'),
    ...tr('Monitoring', 'Active', 'Owner'),
    ...tr('Monitoring', 'Closed', 'Owner'),
  ],
  columns: [
    ...registerColumns({ statuses: CONTEXT_ISSUE_STATUSES }),
    choice('IssueType', ['Internal', 'External'], { required: true }),
    choice('Category', ['Political', 'Economic', 'Social', 'Technological', 'Legal/Regulatory', 'Environmental/Climate', 'Organizational', 'Market']),
    note('Description'),
    note('EffectOnSMS', { displayName: 'Effect on SMS' }),
    yesNo('ClimateRelevant', { default: false, description: 'Decision whether climate change is a relevant issue (Amd 1:2024).' }),
    choice('Significance', HIGH_MEDIUM_LOW),
    text('LinkedRiskRefs', { displayName: 'Linked risk refs' }),
    dateOnly('LastReviewed'),
    dateOnly('NextReview', { indexed: true }),
  ],
};

// ---------- Interested Parties (4.2, 8.3.2) ----------

export const PARTY_TYPES = [
  'Customer',
  'User group',
  'External supplier',
  'Internal supplier',
  'Customer acting as supplier',
  'Regulator',
  'Employees',
  'Owner/Parent',
  'Partner',
  'Certification body',
] as const;

export const interestedParties: SmsListSchema = {
  key: 'interestedParties',
  displayName: 'Interested Parties',
  template: 'genericList',
  kind: 'register',
  entity: 'InterestedParty',
  clauses: ['4.2', '8.3.2'],
  description: 'Relevant interested parties and their requirements (including climate-related requirements).',
  large: false,
  refPrefix: 'IP',
  refFormat: { yearly: false, digits: 2 },
  statuses: ['Active', 'Inactive'],
  columns: [
    ...registerColumns({ statuses: ['Active', 'Inactive'] }),
    choice('PartyType', PARTY_TYPES, { indexed: true, required: true }),
    note('Requirements'),
    choice('RequirementSource', ['Contract', 'Law/Regulation', 'Standard', 'Voluntary']),
    note('HowAddressed', { description: 'How the requirements are addressed, with links.' }),
    person('RelationshipOwner', { indexed: true }),
    choice('Influence', HIGH_MEDIUM_LOW),
    choice('Interest', HIGH_MEDIUM_LOW),
    note('ClimateRequirements'),
    dateOnly('LastReviewed'),
  ],
};

// ---------- Processes (4.4, 8.1, 8.2.3) ----------

export const PROCESS_STATUSES = ['Draft', 'Operating', 'Under review', 'Retired'] as const;

export const processes: SmsListSchema = {
  key: 'processes',
  displayName: 'Processes',
  template: 'genericList',
  kind: 'register',
  entity: 'Process',
  clauses: ['4.4', '8.1', '8.2.3'],
  description: 'SMS processes, their owners, interfaces, KPIs and any operation by other parties.',
  large: false,
  refPrefix: 'PRC',
  refFormat: { yearly: false, digits: 2 },
  statuses: PROCESS_STATUSES,
  columns: [
    ...registerColumns({ statuses: PROCESS_STATUSES }),
    person('ProcessOwner', { indexed: true }),
    person('ProcessManager'),
    lookup('ProcessDoc', 'smsDocuments', { displayName: 'Process document', lookupColumn: 'DocId' }),
    lookupMulti('Interfaces', 'processes'),
    yesNo('OperatedByOtherParty', { default: false }),
    lookupMulti('OtherParties', 'suppliers'),
    note('PerformanceCriteria'),
    lookupMulti('KPIs', 'metrics', { displayName: 'KPIs' }),
  ],
};

// ---------- Services (4.3, 8.2.x) ----------

export const SERVICE_STATUSES = ['Proposed', 'Approved', 'In design', 'In transition', 'Live', 'Retiring', 'Retired', 'Rejected'] as const;
export const CRITICALITY = ['Critical', 'High', 'Medium', 'Low'] as const;

export const services: SmsListSchema = {
  key: 'services',
  displayName: 'Services',
  template: 'genericList',
  kind: 'register',
  entity: 'Service',
  clauses: ['4.3', '8.2'],
  description: 'The service catalogue and portfolio: owners, customers, dependencies, continuity targets.',
  large: false,
  refPrefix: 'SVC',
  refFormat: { yearly: false, digits: 2 },
  statusColumn: 'LifecycleStatus',
  statuses: SERVICE_STATUSES,
  transitions: [
    ...tr('Proposed', 'Approved', 'Top management / portfolio board'),
    ...tr('Proposed', 'Rejected', 'Top management / portfolio board'),
    ...chain(['Approved', 'In design', 'In transition', 'Live', 'Retiring', 'Retired'], 'Service owner').map((t) => ({
      ...t,
      guard: 'Backed by an RFC reference (8.5.1.2)',
    })),
  ],
  columns: [
    ...registerColumns({ statuses: SERVICE_STATUSES, statusColumn: 'LifecycleStatus' }),
    person('ServiceOwner', { indexed: true }),
    note('Description'),
    lookupMulti('Customers', 'interestedParties'),
    choice('Criticality', CRITICALITY, { indexed: true }),
    yesNo('InScope', { displayName: 'In SMS scope', indexed: true, default: false }),
    yesNo('InCatalogue', { default: false }),
    lookupMulti('DependsOn', 'services'),
    lookupMulti('OtherParties', 'suppliers'),
    text('SupportHours'),
    number('AvailabilityTarget', { displayName: 'Availability target (%)', min: 0, max: 100 }),
    number('RTOHours', { min: 0 }),
    number('RPOHours', { min: 0 }),
    hyperlink('ContinuityPlan'),
    text('ItsmServiceId', { displayName: 'ITSM service ID', description: 'CMDB / ITSM key.' }),
    text('ChangeRef', { description: 'RFC reference of the latest lifecycle change (8.5.1.2).' }),
  ],
};

// ---------- Service Agreements (8.3.3, 8.3.4.2) ----------

export const AGREEMENT_STATUSES = ['Draft', 'In negotiation', 'Active', 'Under review', 'Expired', 'Terminated'] as const;

export const serviceAgreements: SmsListSchema = {
  key: 'serviceAgreements',
  displayName: 'Service Agreements',
  template: 'genericList',
  kind: 'register',
  entity: 'SLA',
  clauses: ['8.3.3', '8.3.4.2'],
  description: 'SLAs with customers and agreements with internal suppliers or customers acting as suppliers (OLAs).',
  large: false,
  refPrefix: 'SLA',
  refFormat: { yearly: false, digits: 3 },
  statuses: AGREEMENT_STATUSES,
  transitions: [
    ...chain(['Draft', 'In negotiation', 'Active', 'Under review', 'Active'], 'Owner'),
    ...tr('Active', 'Expired', 'System', 'At EndDate'),
    ...tr('Active', 'Terminated', 'Owner', 'Reason required'),
  ].map((t) => (t.from === 'Under review' ? { ...t, guard: 'Renewed or changed via change control' } : t)),
  columns: [
    ...registerColumns({ statuses: AGREEMENT_STATUSES, service: true }),
    choice('AgreementType', ['SLA', 'OLA / internal supplier agreement', 'Customer-as-supplier agreement'], { indexed: true, required: true }),
    lookup('Counterparty', 'interestedParties'),
    hyperlink('AgreementDoc', { displayName: 'Agreement document' }),
    dateOnly('StartDate'),
    dateOnly('EndDate', { indexed: true }),
    note('WorkloadLimits'),
    note('Exceptions'),
    note('ReportingTerms', { description: 'Content, frequency and recipients of service reports (9.4).' }),
    number('ReviewFrequencyMonths', { min: 1 }),
    dateOnly('NextReviewDate', { indexed: true }),
  ],
};

// ---------- Service Level Targets ----------

export const serviceLevelTargets: SmsListSchema = {
  key: 'serviceLevelTargets',
  displayName: 'Service Level Targets',
  template: 'genericList',
  kind: 'detail',
  entity: 'SLATarget',
  clauses: ['8.3.3'],
  description: 'Measurable targets of an agreement, each measured by a metric.',
  large: false,
  columns: [
    titleColumn(),
    lookup('Agreement', 'serviceAgreements', { indexed: true, required: true }),
    lookup('Metric', 'metrics', { indexed: true, required: true }),
    choice('Comparator', ['≥', '≤'], { required: true }),
    number('TargetValue', { required: true }),
    text('Unit'),
    choice('MeasurementWindow', ['Monthly', 'Quarterly']),
    note('Notes'),
  ],
};

// ---------- Metrics (6.2, 8.x, 9.1) and Metric Readings ----------

export const DIRECTIONS = ['Higher is better', 'Lower is better'] as const;
export const FREQUENCIES = ['Monthly', 'Quarterly', 'Half-yearly', 'Yearly'] as const;
export const DATA_SOURCES = ['ITSM report', 'Monitoring', 'Survey', 'Manual', 'Finance'] as const;

export const metrics: SmsListSchema = {
  key: 'metrics',
  displayName: 'Metrics',
  template: 'genericList',
  kind: 'register',
  entity: 'Metric',
  clauses: ['6.2', '9.1'],
  description: 'KPI definitions: formula, unit, direction, frequency, source and thresholds.',
  large: false,
  refPrefix: 'KPI',
  refFormat: { yearly: false, digits: 2 },
  statuses: ['Active', 'Retired'],
  columns: [
    ...registerColumns({ statuses: ['Active', 'Retired'], service: true, process: true }),
    note('Definition'),
    note('Formula'),
    text('Unit'),
    choice('Direction', DIRECTIONS),
    choice('Frequency', FREQUENCIES),
    choice('DataSource', DATA_SOURCES),
    lookup('Objective', 'objectives'),
    number('AmberThreshold'),
    number('RedThreshold'),
  ],
};

export const metricReadings: SmsListSchema = {
  key: 'metricReadings',
  displayName: 'Metric Readings',
  template: 'genericList',
  kind: 'detail',
  entity: 'MetricReading',
  clauses: ['9.1', '8.3.3'],
  description: 'Period values imported from ITSM and monitoring. Immutable after import; a correction is a new reading that supersedes the old one.',
  large: true,
  compoundIndexes: [['MetricRef', 'PeriodStart']],
  columns: [
    titleColumn(),
    lookup('Metric', 'metrics', { indexed: true, required: true }),
    text('MetricRef', { indexed: true, required: true }),
    lookup('Service', 'services', { indexed: true }),
    dateOnly('PeriodStart', { indexed: true, required: true }),
    dateOnly('PeriodEnd'),
    number('Value', { required: true }),
    number('Target', { description: 'Target copied at import.' }),
    yesNo('Met', { indexed: true, description: 'Written by the app so that it is indexable.' }),
    note('Comment'),
    choice('Source', DATA_SOURCES),
    dateTime('ImportedAt'),
    text('ImportBatch'),
    number('Supersedes', { description: 'Item id of the reading this one corrects.' }),
  ],
};

// ---------- Suppliers (8.2.3, 8.3.4) and Supplier Reviews ----------

export const SUPPLIER_STATUSES = ['Prospective', 'Under evaluation', 'Approved', 'Rejected', 'On watch', 'Exiting', 'Terminated'] as const;
export const SUPPLIER_RATINGS = ['Good', 'Satisfactory', 'Needs improvement', 'Unacceptable'] as const;

export const suppliers: SmsListSchema = {
  key: 'suppliers',
  displayName: 'Suppliers',
  template: 'genericList',
  kind: 'register',
  entity: 'Supplier',
  clauses: ['8.2.3', '8.3.4'],
  description: 'External suppliers, internal suppliers and customers acting as suppliers.',
  large: false,
  refPrefix: 'SUP',
  refFormat: { yearly: false, digits: 2 },
  statuses: SUPPLIER_STATUSES,
  transitions: [
    ...tr('Prospective', 'Under evaluation', 'Relationship manager'),
    ...tr('Under evaluation', ['Approved', 'Rejected'], 'Relationship manager', 'Evaluated against selection criteria'),
    ...tr('Approved', 'On watch', 'Relationship manager'),
    ...tr('On watch', 'Approved', 'Relationship manager'),
    ...tr(['Approved', 'On watch'], 'Exiting', 'Relationship manager'),
    ...tr('Exiting', 'Terminated', 'Relationship manager'),
  ],
  columns: [
    ...registerColumns({ statuses: SUPPLIER_STATUSES }),
    choice('SupplierType', ['External supplier', 'Internal supplier', 'Customer acting as supplier'], { indexed: true, required: true }),
    lookupMulti('ServicesSupported', 'services'),
    lookupMulti('ProcessesOperated', 'processes'),
    hyperlink('ContractDoc', { displayName: 'Contract document' }),
    dateOnly('ContractStart'),
    dateOnly('ContractEnd', { indexed: true }),
    person('RelationshipManager', { indexed: true }),
    choice('Criticality', HIGH_MEDIUM_LOW),
    hyperlink('SelectionEvidence', { description: 'Evaluation against the selection criteria.' }),
    number('ReviewFrequencyMonths', { min: 1 }),
    dateOnly('NextReviewDate', { indexed: true }),
    choice('LastRating', SUPPLIER_RATINGS),
  ],
};

export const supplierReviews: SmsListSchema = {
  key: 'supplierReviews',
  displayName: 'Supplier Reviews',
  template: 'genericList',
  kind: 'register',
  entity: 'SupplierReview',
  clauses: ['8.3.4'],
  description: 'Supplier performance reviews (with an Outlook event); actions go to Actions with SourceType SupplierReview.',
  large: false,
  refPrefix: 'SR',
  refFormat: { yearly: true, digits: 2 },
  statuses: ['Planned', 'Held', 'Closed'],
  columns: [
    ...registerColumns({ statuses: ['Planned', 'Held', 'Closed'] }),
    lookup('Supplier', 'suppliers', { indexed: true, required: true }),
    dateOnly('ReviewDate', { indexed: true }),
    text('PeriodCovered'),
    note('PerformanceSummary'),
    choice('Rating', SUPPLIER_RATINGS),
    note('IssuesRaised'),
    hyperlink('MinutesDoc', { displayName: 'Minutes' }),
    text('CalendarEventId'),
  ],
};

// ---------- Complaints & Disputes (8.3.2, 8.3.4.1) ----------

export const COMPLAINT_STATUSES = ['Received', 'Acknowledged', 'Under investigation', 'Escalated', 'Action taken', 'Closed'] as const;

export const complaints: SmsListSchema = {
  key: 'complaints',
  displayName: 'Complaints & Disputes',
  template: 'genericList',
  kind: 'register',
  entity: 'Complaint',
  clauses: ['8.3.2', '8.3.4.1'],
  description: 'Service complaints (recorded to closed) and disputes with suppliers. Supplier disputes use the DSP prefix.',
  large: false,
  refPrefix: 'CMP',
  refFormat: { yearly: true, digits: 3 },
  statuses: COMPLAINT_STATUSES,
  transitions: [
    ...chain(['Received', 'Acknowledged', 'Under investigation', 'Action taken'], 'Owner'),
    ...tr('Action taken', 'Closed', 'Owner', 'ClosedOn and a resolution summary recorded'),
    ...tr('Under investigation', 'Escalated', 'Owner'),
    ...tr('Escalated', 'Under investigation', 'Owner'),
  ],
  columns: [
    ...registerColumns({ statuses: COMPLAINT_STATUSES, service: true }),
    choice('CaseType', ['Service complaint', 'Supplier dispute'], { indexed: true, required: true }),
    lookup('Counterparty', 'interestedParties'),
    dateOnly('ReceivedOn', { indexed: true }),
    choice('Channel', ['Email', 'Phone', 'Service desk', 'Service review', 'Survey', 'Letter', 'Other']),
    note('Description'),
    choice('Severity', HIGH_MEDIUM_LOW),
    note('Investigation'),
    note('ActionsTaken'),
    note('ResolutionSummary', { description: 'Needed to close the case.' }),
    text('LinkedNCRef'),
    text('LinkedImprovementRef'),
    dateOnly('CustomerInformedOn'),
    dateOnly('ClosedOn'),
  ],
};

// ---------- Risk Register (6.1, 8.7.1, 8.7.2, 8.7.3.2) ----------

export const RISK_STATUSES = ['Identified', 'Assessed', 'Treatment planned', 'Treatment in progress', 'Monitoring', 'Accepted', 'Closed'] as const;
export const RISK_CATEGORIES = [
  'Organizational',
  'Not meeting service requirements',
  'Other-party involvement',
  'Availability',
  'Continuity',
  'Information security',
  'Climate/Environmental',
  'Compliance',
] as const;

export const risks: SmsListSchema = {
  key: 'risks',
  displayName: 'Risk Register',
  template: 'genericList',
  kind: 'register',
  entity: 'Risk',
  clauses: ['6.1', '8.7.1', '8.7.2', '8.7.3.2'],
  description: 'Risks and opportunities with impact on customers; acceptance criteria live in SMS Settings.',
  large: false,
  refPrefix: 'RSK',
  refFormat: { yearly: false, digits: 3 },
  statuses: RISK_STATUSES,
  transitions: [
    ...chain(['Identified', 'Assessed', 'Treatment planned', 'Treatment in progress', 'Monitoring'], 'Owner'),
    ...tr('Assessed', 'Accepted', 'Owner, SMS manager or top management per acceptance authority', 'Within acceptance criteria, or accepted by someone with enough authority'),
    ...tr(['Monitoring', 'Accepted'], 'Assessed', 'Owner', 'Periodic or triggered reassessment'),
    ...tr(
      RISK_STATUSES.filter((s) => s !== 'Closed'),
      'Closed',
      'Owner and SMS manager',
      'Reason required',
    ),
  ],
  columns: [
    ...registerColumns({ statuses: RISK_STATUSES, process: true }),
    choice('RiskKind', ['Threat', 'Opportunity'], { indexed: true, required: true }),
    choice('Category', RISK_CATEGORIES, { indexed: true }),
    lookupMulti('Services', 'services'),
    text('SourceRef', { description: 'Context issue or interested party the risk comes from.' }),
    note('Cause'),
    note('Consequence'),
    note('CustomerImpact', { description: 'Impact on customers (6.1).' }),
    number('Likelihood', { min: 1, max: 5 }),
    number('Impact', { min: 1, max: 5 }),
    number('InherentScore', { description: 'App-computed.' }),
    choice('TreatmentOption', ['Accept', 'Reduce', 'Avoid', 'Transfer/Share', 'Exploit', 'Enhance']),
    number('ResidualLikelihood', { min: 1, max: 5 }),
    number('ResidualImpact', { min: 1, max: 5 }),
    number('ResidualScore', { indexed: true }),
    yesNo('WithinAcceptance'),
    person('AcceptedBy'),
    dateOnly('AcceptedOn'),
    dateOnly('ReviewDate', { indexed: true }),
  ],
};

// ---------- Objectives (6.2) ----------

export const OBJECTIVE_STATUSES = ['Draft', 'Approved', 'Active', 'Achieved', 'Not achieved', 'Revised', 'Closed', 'Withdrawn'] as const;

export const objectives: SmsListSchema = {
  key: 'objectives',
  displayName: 'Objectives',
  template: 'genericList',
  kind: 'register',
  entity: 'Objective',
  clauses: ['6.2'],
  description: 'Service management objectives with target, measurement, resources, owner and due date.',
  large: false,
  refPrefix: 'OBJ',
  refFormat: { yearly: true, digits: 2 },
  statuses: OBJECTIVE_STATUSES,
  transitions: [
    ...tr('Draft', 'Approved', 'Top management'),
    ...tr('Approved', 'Active', 'Owner'),
    ...tr('Active', ['Achieved', 'Not achieved'], 'Owner proposes, SMS manager confirms', 'At period end, with evaluation'),
    ...tr(['Achieved', 'Not achieved'], 'Closed', 'SMS manager'),
    ...tr('Active', 'Revised', 'Owner', 'Creates a new version that needs re-approval'),
    ...tr(['Draft', 'Active'], 'Withdrawn', 'Top management'),
  ],
  columns: [
    ...registerColumns({ statuses: OBJECTIVE_STATUSES, service: true, process: true }),
    choice('Level', ['SMS', 'Service', 'Process', 'Team']),
    choice(
      'PolicyCommitment',
      ['Fulfil service requirements', 'Continually improve the SMS and the services', 'Meet legal and contractual obligations', 'Other'],
      { fillIn: true, description: 'Which commitment of the service management policy the objective supports.' },
    ),
    lookup('Metric', 'metrics'),
    number('Baseline'),
    number('Target'),
    text('Unit'),
    choice('Direction', DIRECTIONS),
    note('MeasurementMethod'),
    choice('Frequency', FREQUENCIES),
    note('Resources', { description: 'Resources needed (6.2.2).' }),
    dateOnly('StartDate'),
    dateOnly('DueDate', { indexed: true }),
    note('EvaluationMethod', { description: 'How results will be evaluated (6.2.2).' }),
    multiChoice('CommunicatedTo', ['All staff', 'Top management', 'Process owners', 'Service owners', 'Customers', 'Suppliers']),
    number('CurrentValue'),
    choice('RAG', ['On track', 'At risk', 'Off track'], { indexed: true }),
    text('Period', { indexed: true, description: 'e.g. FY2026' }),
    person('ApprovedBy'),
    dateOnly('ApprovedOn'),
  ],
};

// ---------- Nonconformities (10.1) ----------

export const NC_STATUSES = [
  'Reported',
  'Under review',
  'Rejected',
  'Containment',
  'Root cause analysis',
  'Action planned',
  'Actions in progress',
  'Effectiveness check',
  'Closed',
] as const;

export const NC_SOURCES = [
  'Internal audit',
  'Certification audit',
  'Customer complaint',
  'Major incident review',
  'KPI/SLA breach',
  'Management review',
  'Supplier review',
  'Self-identified',
] as const;

export const nonconformities: SmsListSchema = {
  key: 'nonconformities',
  displayName: 'Nonconformities',
  template: 'genericList',
  kind: 'register',
  entity: 'Nonconformity',
  clauses: ['10.1'],
  description: 'Nonconformities, their correction, root cause, corrective actions and effectiveness check.',
  large: false,
  refPrefix: 'NC',
  refFormat: { yearly: true, digits: 3 },
  statuses: NC_STATUSES,
  transitions: [
    { from: 'Reported', to: 'Under review', by: 'SMS manager' },
    { from: 'Under review', to: 'Rejected', by: 'SMS manager', guard: 'Reason required (not an NC)' },
    { from: 'Under review', to: 'Containment', by: 'SMS manager', guard: 'Grade and Owner set' },
    { from: 'Containment', to: 'Root cause analysis', by: 'Owner', guard: 'Correction recorded, or "not applicable" justified' },
    { from: 'Root cause analysis', to: 'Action planned', by: 'Owner', guard: 'RootCause, ExtentOfCondition, at least one corrective Action and EffectivenessCriteria recorded' },
    { from: 'Action planned', to: 'Actions in progress', by: 'SMS manager (Major: top management)', guard: 'Plan approved' },
    { from: 'Actions in progress', to: 'Effectiveness check', by: 'System', guard: 'All linked Actions Completed or Verified' },
    { from: 'Effectiveness check', to: 'Closed', by: 'Verifier', guard: 'Verifier is neither the Owner nor an action assignee; EffectivenessResult = Effective' },
    { from: 'Effectiveness check', to: 'Root cause analysis', by: 'Verifier', guard: 'EffectivenessResult = Not effective (reopen)' },
  ],
  columns: [
    ...registerColumns({ statuses: NC_STATUSES, process: true }),
    choice('Source', NC_SOURCES, { indexed: true, required: true }),
    text('SourceRef', { indexed: true }),
    choice('Grade', ['Major', 'Minor'], { indexed: true }),
    note('RequirementText', { description: 'The requirement not met, in our own words.' }),
    note('Evidence'),
    lookupMulti('Services', 'services'),
    person('RaisedBy'),
    dateOnly('RaisedOn', { indexed: true }),
    note('Correction'),
    dateOnly('CorrectionDoneOn'),
    note('Consequences'),
    choice('RootCauseMethod', ['5 Whys', 'Fishbone', 'Fault tree', 'Pareto', 'Other']),
    note('RootCause'),
    choice('ExtentOfCondition', ['None found', 'Exists elsewhere – linked', 'Could occur – scope widened']),
    person('PlanApprovedBy'),
    dateOnly('PlanApprovedOn'),
    dateOnly('DueDate', { indexed: true }),
    note('EffectivenessCriteria'),
    dateOnly('EffectivenessCheckDate', { indexed: true }),
    choice('EffectivenessResult', ['Effective', 'Not effective']),
    person('VerifiedBy'),
    dateOnly('VerifiedOn'),
    yesNo('SMSChangeNeeded', { default: false }),
    text('ChangeRef'),
    dateOnly('ClosedOn'),
  ],
};

// ---------- Improvement Register (10.2) ----------

export const IMPROVEMENT_STATUSES = ['Logged', 'Under evaluation', 'Approved', 'Rejected', 'Deferred', 'In progress', 'Implemented', 'Measured', 'Closed'] as const;

export const improvements: SmsListSchema = {
  key: 'improvements',
  displayName: 'Improvement Register',
  template: 'genericList',
  kind: 'register',
  entity: 'Improvement',
  clauses: ['10.2'],
  description: 'Opportunities for improvement, evaluated against criteria including alignment with objectives.',
  large: false,
  refPrefix: 'IMP',
  refFormat: { yearly: false, digits: 3 },
  statuses: IMPROVEMENT_STATUSES,
  transitions: [
    ...tr('Logged', 'Under evaluation', 'SMS manager'),
    ...tr(
      'Under evaluation',
      ['Approved', 'Rejected', 'Deferred'],
      'SMS manager up to the cost threshold, top management above',
      'AlignedObjective set before the decision',
    ),
    ...tr('Deferred', 'Under evaluation', 'SMS manager'),
    ...chain(['Approved', 'In progress', 'Implemented', 'Measured', 'Closed'], 'Owner'),
    ...tr('Measured', 'In progress', 'Owner', 'Target missed: further action'),
  ],
  columns: [
    ...registerColumns({ statuses: IMPROVEMENT_STATUSES, process: true }),
    choice(
      'Source',
      ['Management review', 'Audit OFI', 'Customer feedback', 'Complaint', 'SLA miss', 'Major incident review', 'Problem trend', 'Supplier review', 'Staff suggestion', 'Risk opportunity'],
      { indexed: true, required: true },
    ),
    text('SourceRef'),
    lookupMulti('Services', 'services'),
    person('SubmittedBy'),
    dateOnly('LoggedOn'),
    lookup('AlignedObjective', 'objectives', { description: 'Mandatory before a decision.' }),
    note('AlignmentRationale'),
    number('BenefitScore', { min: 1, max: 5 }),
    number('RiskReductionScore', { min: 1, max: 5 }),
    number('CustomerImpactScore', { min: 1, max: 5 }),
    number('EffortScore', { min: 1, max: 5 }),
    currency('CostEstimate'),
    number('PriorityScore', { indexed: true, description: 'App-computed.' }),
    choice('Decision', ['Pending', 'Approved', 'Rejected', 'Deferred'], { indexed: true, default: 'Pending' }),
    person('DecisionBy'),
    dateOnly('DecisionOn'),
    note('DecisionRationale'),
    multiChoice('TargetDimensions', ['Quality', 'Value', 'Capability', 'Cost', 'Productivity', 'Resource use', 'Risk reduction']),
    text('Baseline'),
    text('TargetValue'),
    dateOnly('DueDate', { indexed: true }),
    text('ChangeRef', { description: 'ITSM RFC.' }),
    text('ResultValue'),
    choice('TargetAchieved', ['Yes', 'Partly', 'No']),
    lookup('ReportedInReview', 'managementReviews'),
  ],
};

// ---------- Continuity Tests (8.7.2) ----------

export const CONTINUITY_TEST_STATUSES = ['Planned', 'Scheduled', 'Executed', 'Reviewed', 'Closed', 'Postponed'] as const;

export const continuityTests: SmsListSchema = {
  key: 'continuityTests',
  displayName: 'Continuity Tests',
  template: 'genericList',
  kind: 'register',
  entity: 'ContinuityTest',
  clauses: ['8.7.2'],
  description: 'Service continuity tests (with an Outlook event), results and lessons.',
  large: false,
  refPrefix: 'CT',
  refFormat: { yearly: true, digits: 2 },
  statuses: CONTINUITY_TEST_STATUSES,
  transitions: [
    ...chain(['Planned', 'Scheduled', 'Executed'], 'Owner'),
    ...tr('Executed', 'Reviewed', 'Owner', 'Report and lessons recorded; Actions raised for issues'),
    ...tr('Reviewed', 'Closed', 'Owner'),
    ...tr(['Planned', 'Scheduled'], 'Postponed', 'Owner'),
    ...tr('Postponed', 'Scheduled', 'Owner'),
  ],
  columns: [
    ...registerColumns({ statuses: CONTINUITY_TEST_STATUSES, service: true }),
    hyperlink('Plan', { description: 'Continuity plan in SMS Documents.' }),
    choice('TestType', ['Tabletop', 'Walkthrough', 'Simulation', 'Partial failover', 'Full failover']),
    choice('Trigger', ['Planned interval', 'After major change', 'Post-invocation review']),
    dateOnly('PlannedDate', { indexed: true }),
    text('CalendarEventId'),
    people('Participants'),
    note('SuccessCriteria'),
    choice('Result', ['Passed', 'Passed with issues', 'Failed']),
    number('AchievedRTOHours', { min: 0 }),
    number('AchievedRPOHours', { min: 0 }),
    hyperlink('ReportDoc', { displayName: 'Report' }),
    note('LessonsLearned'),
  ],
};
