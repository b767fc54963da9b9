/**
 * Audit programme, audits and findings, nonconformities, actions, improvements, complaints,
 * supplier reviews and continuity tests (domain reference §7.5). Fictional.
 */
import type { SeedDates } from '../dates.js';
import { link, type PersonKey, type SeedItem, type SeedList, type SeedStep } from '../types.js';

const service = (key: string) => link('services', key);
const process = (key: string) => link('processes', key);

export function auditProgrammes(d: SeedDates): SeedList {
  return {
    list: 'auditProgrammes',
    items: [
      {
        key: 'AP-2025-27',
        fields: {
          Title: 'Internal audit programme FY2025–FY2027', Ref: 'AP-2025-27', Status: 'Active', PrimaryClause: '9.2', ClauseRefs: ['9.2'],
          PeriodStart: d.date(-300), PeriodEnd: d.date(795),
          Objectives: 'Cover every clause of the standard and every SMS process at least once in three years, with high-risk processes every year.',
          Coverage: 'Year 1: governance and change; year 2: resolution, relationship and supplier processes; year 3: assurance processes.',
          Criteria: 'ISO/IEC 20000-1:2018, the SMS documents of Kestrel, customer SLAs and supplier contracts.',
          Methods: ['Document review', 'Interview', 'Record sampling', 'Remote'],
          RiskBasis: 'Processes with open nonconformities, customer complaints or major changes are audited earlier.',
          ReportingArrangements: 'Reports go to the SMS manager and the process owner; a summary goes to management review (MRI-C3).',
          ApprovedOn: d.date(-300),
        },
        people: { Owner: 'tom', ProgrammeManager: 'tom', ApprovedBy: 'eleanor' },
      },
    ],
  };
}

export function audits(d: SeedDates): SeedList {
  const programme = link('auditProgrammes', 'AP-2025-27');
  const audit = (ref: string, title: string, fields: SeedItem['fields'], people: SeedItem['people'], links: SeedItem['links'] = {}): SeedItem => ({
    key: ref,
    fields: { Title: title, Ref: ref, PrimaryClause: '9.2', ClauseRefs: ['9.2'], AuditType: 'Internal SMS audit', ...fields },
    people: { Owner: 'tom', ...people },
    links: { Programme: programme, ...links },
  });
  return {
    list: 'audits',
    items: [
      audit('IA-2025-01', 'SMS governance (clauses 4–7, 9–10)', {
        Status: 'Closed', Scope: 'Context, leadership, planning, support, performance evaluation and improvement.', ClausesCovered: ['4.1', '4.2', '4.3', '5.2', '6.1', '6.2', '7.2', '7.5', '9.1', '9.3', '10.1'],
        Criteria: 'ISO/IEC 20000-1:2018 clauses 4–7 and 9–10; SMS-POL-001; SMS-PLN-001.', IndependenceConfirmed: true,
        PlannedStart: d.date(-240), PlannedEnd: d.date(-238), ActualStart: d.date(-240), ActualEnd: d.date(-238), Conclusion: 'Conforming with findings', ReportIssuedOn: d.date(-232), OpenFindings: 0,
      }, { LeadAuditor: 'omar', AuditTeam: ['omar'], Auditees: ['tom', 'laura', 'priya'], ReportedTo: ['tom', 'eleanor'] }, { Processes: [process('PRC-01'), process('PRC-03')] }),
      audit('IA-2025-02', 'Change, release and configuration', {
        Status: 'Follow-up', Scope: 'Change management, release and deployment, configuration management for SVC-03 and SVC-05.', ClausesCovered: ['8.5.1', '8.5.1.3', '8.5.3', '8.2.6', '9.4'],
        Criteria: 'ISO/IEC 20000-1:2018 8.5.1, 8.5.3, 8.2.6; SMS-POL-003.', IndependenceConfirmed: true,
        PlannedStart: d.date(-35), PlannedEnd: d.date(-34), ActualStart: d.date(-35), ActualEnd: d.date(-34), Conclusion: 'Conforming with findings', ReportIssuedOn: d.date(-30), OpenFindings: 2,
      }, { LeadAuditor: 'fiona', AuditTeam: ['fiona', 'omar'], Auditees: ['david', 'aisha'], ReportedTo: ['tom', 'david'] }, {
        Processes: [process('PRC-10'), process('PRC-12'), process('PRC-18')], Services: [service('SVC-03'), service('SVC-05')],
      }),
      audit('IA-2025-03', 'Resolution and fulfilment, knowledge', {
        Status: 'Scheduled', Scope: 'Incident, service request and problem management; knowledge management; Manchester and Lisbon desks.', ClausesCovered: ['8.6.1', '8.6.2', '8.6.3', '7.6'],
        Criteria: 'ISO/IEC 20000-1:2018 8.6 and 7.6; SMS-PRC-010; SLA SMS-AGR-004.', IndependenceConfirmed: true,
        PlannedStart: d.date(21), PlannedEnd: d.date(22),
      }, { LeadAuditor: 'priya', AuditTeam: ['priya', 'fiona'], Auditees: ['marcus', 'sofia', 'aisha'] }, {
        Processes: [process('PRC-13'), process('PRC-14'), process('PRC-17'), process('PRC-04')], Services: [service('SVC-01')],
      }),
      audit('IA-2026-01', 'Relationship, supplier, supply and demand', {
        Status: 'Planned', Scope: 'Business relationship, service level and supplier management; budgeting, demand and capacity.', ClausesCovered: ['8.3.2', '8.3.3', '8.3.4', '8.4.1', '8.4.2', '8.4.3'],
        Criteria: 'ISO/IEC 20000-1:2018 8.3 and 8.4; supplier contracts.', IndependenceConfirmed: false,
        PlannedStart: d.date(110), PlannedEnd: d.date(112),
      }, { LeadAuditor: 'omar' }, { Processes: [process('PRC-08'), process('PRC-09'), process('PRC-20'), process('PRC-21'), process('PRC-22'), process('PRC-23')] }),
      audit('CB-2026-S2', 'Certification body surveillance audit', {
        Status: 'Planned', AuditType: 'Certification/surveillance audit', Scope: 'Second surveillance audit by Northgate Certification Ltd.', ClausesCovered: ['4.3', '5.2', '8.5.1', '8.7.2', '9.2', '9.3', '10.1'],
        Criteria: 'ISO/IEC 20000-1:2018.', PlannedStart: d.date(160), PlannedEnd: d.date(161),
      }, {}),
    ],
  };
}

export function auditFindings(d: SeedDates): SeedList {
  const audit = link('audits', 'IA-2025-02');
  const finding = (ref: string, title: string, fields: SeedItem['fields'], links: SeedItem['links'] = {}): SeedItem => ({
    key: ref,
    fields: { Title: title, Ref: ref, RaisedOn: d.date(-34), AgreedByAuditee: true, ...fields },
    people: { Owner: 'fiona', RaisedBy: 'fiona', Auditee: fields.PrimaryClause === '8.2.6' ? 'aisha' : 'david' },
    links: { Audit: audit, ...links },
  });
  return {
    list: 'auditFindings',
    items: [
      finding('F01', 'Changes implemented before approval was recorded', {
        Status: 'Transferred', FindingType: 'Minor NC', PrimaryClause: '8.5.1.3', ClauseRefs: ['8.5.1.3'],
        Statement: 'Two of 25 sampled normal changes moved to "Implement" before the CAB approval was recorded in the ITSM tool.',
        Evidence: 'RFC-23871 and RFC-23904: implementation started 1 and 3 days before the CAB approval was logged.',
      }, { Process: process('PRC-10'), LinkedNC: link('nonconformities', 'NC-2025-003') }),
      finding('F02', 'Monthly service reports built by hand', {
        Status: 'Transferred', FindingType: 'Opportunity for improvement', PrimaryClause: '9.4', ClauseRefs: ['9.4'],
        Statement: 'Monthly service reports are assembled by hand from ITSM exports, which takes about three days a month and risks copy errors.',
        Evidence: 'Interview with the service delivery team; report workbooks for three months.',
      }, { Process: process('PRC-25'), LinkedImprovement: link('improvements', 'IMP-015') }),
      finding('F03', 'Relationships missing for SD-WAN edge CIs', {
        Status: 'Confirmed', FindingType: 'Observation', PrimaryClause: '8.2.6', ClauseRefs: ['8.2.6'],
        Statement: 'Some SD-WAN edge devices in the CMDB have no relationship to the customer site or service they support.',
        Evidence: '7 of 30 sampled edge CIs had no "supports" relationship.',
      }, { Process: process('PRC-18') }),
      finding('F04', 'Automated release notes linked to RFCs', {
        Status: 'Closed', FindingType: 'Good practice', PrimaryClause: '8.5.3', ClauseRefs: ['8.5.3'],
        Statement: 'Release notes are generated from the deployment pipeline and linked to their RFCs, which makes releases easy to trace.',
        Evidence: 'Release notes of the last 10 SVC-03 releases.',
      }, { Process: process('PRC-12') }),
    ],
  };
}

export function nonconformities(d: SeedDates): SeedList {
  return {
    list: 'nonconformities',
    items: [
      {
        key: 'NC-2025-001',
        fields: {
          Title: 'No competence evidence for three DeskForce contract agents', Ref: 'NC-2025-001', Status: 'Closed', PrimaryClause: '7.2', ClauseRefs: ['7.2', '8.2.3'],
          Source: 'Internal audit', SourceRef: 'IA-2025-01', Grade: 'Minor',
          RequirementText: 'People doing work under the SMS must be competent and we keep evidence of it, including contract staff.',
          Evidence: 'Three DeskForce agents working on the Manchester desk had no induction or training record.', RaisedOn: d.date(-238),
          Correction: 'The three agents completed the Kestrel service desk induction within two weeks.', CorrectionDoneOn: d.date(-224),
          RootCauseMethod: '5 Whys', RootCause: 'The supplier onboarding checklist did not include our induction.', ExtentOfCondition: 'None found',
          PlanApprovedOn: d.date(-228), DueDate: d.date(-170), EffectivenessCriteria: 'Every new contract agent has an induction record before their first shift, for three months.',
          EffectivenessCheckDate: d.date(-150), EffectivenessResult: 'Effective', VerifiedOn: d.date(-150), SMSChangeNeeded: false, ClosedOn: d.date(-150),
        },
        people: { Owner: 'laura', RaisedBy: 'omar', PlanApprovedBy: 'tom', VerifiedBy: 'tom' },
        links: { Process: process('PRC-03'), Services: [service('SVC-01')] },
      },
      {
        key: 'NC-2025-003',
        fields: {
          Title: 'Changes implemented before recorded approval', Ref: 'NC-2025-003', Status: 'Actions in progress', PrimaryClause: '8.5.1.3', ClauseRefs: ['8.5.1.3', '8.5.1.1'],
          Source: 'Internal audit', SourceRef: 'IA-2025-02 / F01', Grade: 'Minor',
          RequirementText: 'Changes are approved by the defined authority before they are implemented, and the approval is recorded.',
          Evidence: 'RFC-23871 and RFC-23904 (sample of 25) moved to "Implement" before the CAB approval was recorded.', RaisedOn: d.date(-33),
          Correction: 'Retrospective CAB review of both changes (ACT-0141).', CorrectionDoneOn: d.date(-28),
          Consequences: 'No customer impact found; both changes were low risk.',
          RootCauseMethod: '5 Whys', RootCause: 'The ITSM workflow allows the "Implement" state without a recorded approval, and implementers were not aware of the rule in SMS-POL-003 1.3.',
          ExtentOfCondition: 'Could occur – scope widened', PlanApprovedOn: d.date(-25), DueDate: d.date(60),
          EffectivenessCriteria: 'No change implemented before its recorded approval in a sample of 20 changes over two months (ACT-0144).',
          EffectivenessCheckDate: d.date(60), SMSChangeNeeded: true, ChangeRef: 'RFC-24102',
        },
        people: { Owner: 'david', RaisedBy: 'fiona', PlanApprovedBy: 'tom' },
        links: { Process: process('PRC-10'), Services: [service('SVC-03'), service('SVC-05')] },
      },
      {
        key: 'NC-2025-004',
        fields: {
          Title: 'FibreLink performance review missed its planned interval', Ref: 'NC-2025-004', Status: 'Root cause analysis', PrimaryClause: '8.3.4.1', ClauseRefs: ['8.3.4.1'],
          Source: 'Supplier review', SourceRef: 'SR-2025-10', Grade: 'Minor',
          RequirementText: 'Supplier performance is reviewed at the planned intervals.',
          Evidence: 'The six-monthly review of FibreLink was due 40 days ago and had not been held.', RaisedOn: d.date(-12),
          Correction: 'Review rescheduled for next week (SR-2025-10).', CorrectionDoneOn: d.date(-10), DueDate: d.date(45),
        },
        people: { Owner: 'ben', RaisedBy: 'tom' },
        links: { Process: process('PRC-20'), Services: [service('SVC-05')] },
      },
    ],
  };
}

/** Actions of §7.5, each projected to a Planner task in the bucket named in brackets there. */
export interface DemoAction {
  ref: string;
  title: string;
  actionType: string;
  sourceType: string;
  source: { list: string; key: string };
  sourceRef: string;
  assignee: PersonKey;
  status: 'Not started' | 'In progress' | 'Completed' | 'Verified';
  due: number;
  priority: 'Urgent' | 'Important' | 'Medium' | 'Low';
  description: string;
  completedOn?: number;
  verifiedBy?: PersonKey;
  verifiedOn?: number;
  needsVerification: boolean;
  primaryClause: string;
}

export const DEMO_ACTIONS: readonly DemoAction[] = [
  { ref: 'ACT-0141', title: 'Retrospective CAB review of the two changes', actionType: 'Correction', sourceType: 'Nonconformity', source: { list: 'nonconformities', key: 'NC-2025-003' }, sourceRef: 'NC-2025-003', assignee: 'david', status: 'Verified', due: -25, completedOn: -28, verifiedBy: 'tom', verifiedOn: -20, priority: 'Important', needsVerification: true, primaryClause: '8.5.1.3', description: 'Review RFC-23871 and RFC-23904 at the CAB, record the approval decision and any impact found.' },
  { ref: 'ACT-0142', title: 'Block "Implement" in the ITSM workflow without a recorded CAB approval', actionType: 'Corrective action', sourceType: 'Nonconformity', source: { list: 'nonconformities', key: 'NC-2025-003' }, sourceRef: 'NC-2025-003', assignee: 'david', status: 'In progress', due: 10, priority: 'Important', needsVerification: true, primaryClause: '8.5.1.3', description: 'Add a workflow condition so a normal change cannot move to "Implement" until a CAB approval is recorded (RFC-24102).' },
  { ref: 'ACT-0143', title: 'Briefing for all change implementers', actionType: 'Corrective action', sourceType: 'Nonconformity', source: { list: 'nonconformities', key: 'NC-2025-003' }, sourceRef: 'NC-2025-003', assignee: 'david', status: 'Completed', due: -3, completedOn: -5, priority: 'Medium', needsVerification: true, primaryClause: '8.5.1.3', description: 'Brief every engineer who implements changes on the approval rule of SMS-POL-003 and keep the attendance list.' },
  { ref: 'ACT-0144', title: 'Effectiveness check: re-sample 20 changes', actionType: 'Corrective action', sourceType: 'Nonconformity', source: { list: 'nonconformities', key: 'NC-2025-003' }, sourceRef: 'NC-2025-003', assignee: 'tom', status: 'Not started', due: 60, priority: 'Medium', needsVerification: false, primaryClause: '10.1', description: 'Sample 20 normal changes closed in the two months after ACT-0142 and confirm each had a recorded approval before implementation.' },
  { ref: 'ACT-0150', title: 'Cross-train 4 Manchester analysts for Lisbon cover', actionType: 'Risk treatment', sourceType: 'Risk', source: { list: 'risks', key: 'RSK-003' }, sourceRef: 'RSK-003', assignee: 'marcus', status: 'In progress', due: 45, priority: 'Important', needsVerification: false, primaryClause: '6.1', description: 'Train four Manchester analysts on the Lisbon customer queues so they can cover evening gaps.' },
  { ref: 'ACT-0155', title: 'Recruit 2 service desk analysts', actionType: 'Management review output', sourceType: 'ReviewOutput', source: { list: 'reviewOutputs', key: 'RO-2025-001' }, sourceRef: 'RO-2025-001', assignee: 'laura', status: 'Verified', due: -60, completedOn: -70, verifiedBy: 'tom', verifiedOn: -65, priority: 'Important', needsVerification: true, primaryClause: '9.3', description: 'Decision of MR-2025-H1: hire two more analysts for the Lisbon hub.' },
  { ref: 'ACT-0156', title: 'Extend the SMS scope to SVC-06', actionType: 'Management review output', sourceType: 'ReviewOutput', source: { list: 'reviewOutputs', key: 'RO-2025-002' }, sourceRef: 'RO-2025-002', assignee: 'tom', status: 'In progress', due: 60, priority: 'Medium', needsVerification: false, primaryClause: '4.3', description: 'Decision of MR-2025-H1: draft version 3.0 of the scope (SMS-SCP-001) adding Managed Detection & Response once its transition completes.' },
  { ref: 'ACT-0160', title: 'Periodic review of SMS-PRC-010', actionType: 'Document review', sourceType: 'ControlledDocument', source: { list: 'smsDocuments', key: 'SMS-PRC-010' }, sourceRef: 'SMS-PRC-010', assignee: 'marcus', status: 'Not started', due: -15, priority: 'Important', needsVerification: false, primaryClause: '7.5.3', description: 'The yearly review of the Incident and Major Incident Procedure is overdue: confirm it is still right or start a revision.' },
  { ref: 'ACT-0162', title: 'SSPR pilot with Brightwater Dental', actionType: 'Improvement task', sourceType: 'Improvement', source: { list: 'improvements', key: 'IMP-014' }, sourceRef: 'IMP-014', assignee: 'marcus', status: 'In progress', due: 40, priority: 'Medium', needsVerification: false, primaryClause: '10.2', description: 'Run a self-service password reset pilot for Brightwater Dental’s clinics and measure the drop in password requests.' },
  { ref: 'ACT-0170', title: 'Complete CI relationships for SD-WAN edge devices', actionType: 'Audit follow-up', sourceType: 'AuditFinding', source: { list: 'auditFindings', key: 'F03' }, sourceRef: 'F03', assignee: 'aisha', status: 'Not started', due: 30, priority: 'Low', needsVerification: false, primaryClause: '8.2.6', description: 'Add the missing "supports" relationships between SD-WAN edge CIs and customer sites (IA-2025-02 F03).' },
];

/**
 * The Actions list items (the Planner fields are added once the tasks exist). A completed action is created In
 * progress and completed by its assignee; a verified one is then verified by its verifier (never the assignee), so
 * the item versions carry the stamps `npm run verify` looks for (§6.3).
 */
export function actions(d: SeedDates): SeedList {
  return {
    list: 'actions',
    items: DEMO_ACTIONS.map((a) => {
      const done = a.status === 'Completed' || a.status === 'Verified';
      const steps: SeedStep[] = [];
      if (done) steps.push({ by: a.assignee, fields: { Status: 'Completed', CompletedOn: d.date(a.completedOn ?? 0) } });
      if (a.status === 'Verified') {
        if (!a.verifiedBy || a.verifiedBy === a.assignee) throw new Error(`${a.ref}: a verified action names a verifier other than its assignee`);
        steps.push({ by: a.verifiedBy, fields: { Status: 'Verified', VerifiedOn: d.date(a.verifiedOn ?? 0) }, people: { VerifiedBy: a.verifiedBy } });
      }
      return {
        key: a.ref,
        fields: {
          Title: a.title, Ref: a.ref, Status: done ? 'In progress' : a.status, PrimaryClause: a.primaryClause, ClauseRefs: [a.primaryClause],
          ActionType: a.actionType, SourceType: a.sourceType, SourceRef: a.sourceRef, Description: a.description,
          DueDate: d.date(a.due), Priority: a.priority, NeedsVerification: a.needsVerification,
        },
        people: { Owner: a.assignee, AssignedTo: a.assignee },
        ids: { SourceItemId: a.source },
        steps,
      };
    }),
  };
}

export function improvements(d: SeedDates): SeedList {
  const objective = (key: string) => link('objectives', key);
  return {
    list: 'improvements',
    items: [
      {
        key: 'IMP-014',
        fields: {
          Title: 'Self-service password reset', Ref: 'IMP-014', PrimaryClause: '10.2', ClauseRefs: ['10.2', '6.1'], Source: 'Risk opportunity', SourceRef: 'RSK-004',
          LoggedOn: d.date(-160), AlignmentRationale: 'Fewer password requests frees analyst time for P1/P2 incidents.', BenefitScore: 4, RiskReductionScore: 2, CustomerImpactScore: 4, EffortScore: 3,
          CostEstimate: 12000, PriorityScore: 14, Status: 'Under evaluation', Decision: 'Pending',
          TargetDimensions: ['Productivity', 'Quality'], Baseline: '1,150 password requests a month', TargetValue: '−35% password requests', DueDate: d.date(90), ChangeRef: 'RFC-24055',
        },
        people: { Owner: 'marcus', SubmittedBy: 'marcus' },
        // Above the cost threshold: top management decides (Raj, at the management review); then the owner starts it.
        steps: [
          { by: 'raj', fields: { Status: 'Approved', Decision: 'Approved', DecisionOn: d.date(-140), DecisionRationale: 'Approved at MR-2025-H1 (RO-2025-003).' }, people: { DecisionBy: 'raj' } },
          { by: 'marcus', fields: { Status: 'In progress' } },
        ],
        links: { Process: process('PRC-14'), Services: [service('SVC-01'), service('SVC-02')], AlignedObjective: objective('OBJ-2026-01'), ReportedInReview: link('managementReviews', 'MR-2025-H1') },
      },
      {
        key: 'IMP-015',
        fields: {
          Title: 'Automated monthly service reports', Ref: 'IMP-015', Status: 'Measured', PrimaryClause: '9.4', ClauseRefs: ['9.4', '10.2'], Source: 'Audit OFI', SourceRef: 'IA-2025-02 F02',
          LoggedOn: d.date(-30), AlignmentRationale: 'Faster, consistent reports support customer satisfaction.', BenefitScore: 3, RiskReductionScore: 2, CustomerImpactScore: 3, EffortScore: 2,
          CostEstimate: 2500, PriorityScore: 11, Decision: 'Approved', DecisionOn: d.date(-28), DecisionRationale: 'Within the SMS manager’s cost threshold.',
          TargetDimensions: ['Productivity', 'Quality'], Baseline: '3 days of effort a month', TargetValue: 'Under half a day a month', ResultValue: '3 hours a month', TargetAchieved: 'Yes', DueDate: d.date(-5),
        },
        people: { Owner: 'chloe', SubmittedBy: 'fiona', DecisionBy: 'tom' },
        links: { Process: process('PRC-25'), AlignedObjective: objective('OBJ-2026-02') },
      },
      {
        key: 'IMP-016',
        fields: {
          Title: 'Consolidate backup alerting', Ref: 'IMP-016', PrimaryClause: '10.2', ClauseRefs: ['10.2'], Source: 'Staff suggestion',
          LoggedOn: d.date(-75), AlignmentRationale: 'One alert console would shorten the reaction to failed backups.', BenefitScore: 3, RiskReductionScore: 3, CustomerImpactScore: 2, EffortScore: 4,
          CostEstimate: 18000, PriorityScore: 9, Status: 'Under evaluation', Decision: 'Pending', TargetDimensions: ['Resource use', 'Risk reduction'],
        },
        people: { Owner: 'gareth', SubmittedBy: 'fiona' },
        steps: [{ by: 'raj', fields: { Status: 'Deferred', Decision: 'Deferred', DecisionOn: d.date(-60), DecisionRationale: 'Deferred to the FY2027 budget.' }, people: { DecisionBy: 'raj' } }],
        links: { Services: [service('SVC-04')], AlignedObjective: objective('OBJ-2026-01') },
      },
      {
        key: 'IMP-017',
        fields: {
          Title: 'Proactive communication during P1s for Pennine', Ref: 'IMP-017', Status: 'Under evaluation', PrimaryClause: '8.3.3', ClauseRefs: ['8.3.3', '10.2'], Source: 'SLA miss', SourceRef: 'KPI-01 (Pennine Logistics)',
          LoggedOn: d.date(-68), AlignmentRationale: 'Pennine’s complaint CMP-2025-011 was about slow updates during P2s; better updates support satisfaction.', BenefitScore: 3, CustomerImpactScore: 5, EffortScore: 2,
          Decision: 'Pending', TargetDimensions: ['Quality'],
        },
        people: { Owner: 'chloe', SubmittedBy: 'chloe' },
        links: { Process: process('PRC-13'), Services: [service('SVC-01')], AlignedObjective: objective('OBJ-2026-02') },
      },
    ],
  };
}

export function complaints(d: SeedDates): SeedList {
  return {
    list: 'complaints',
    items: [
      {
        key: 'CMP-2025-011',
        fields: {
          Title: 'Slow updates on P2 incidents', Ref: 'CMP-2025-011', Status: 'Closed', PrimaryClause: '8.3.2', ClauseRefs: ['8.3.2'], CaseType: 'Service complaint',
          ReceivedOn: d.date(-95), Channel: 'Service review', Severity: 'Medium', Description: 'Pennine Logistics complained that depot managers were not told what was happening during two P2 incidents.',
          Investigation: 'Both incidents waited on a third-party carrier system; updates were only sent on status changes.', ActionsTaken: 'Desk briefed to send hourly updates on P2s; improvement IMP-017 logged.',
          ResolutionSummary: 'Customer accepted the explanation and the update rule.', LinkedImprovementRef: 'IMP-017', CustomerInformedOn: d.date(-70), ClosedOn: d.date(-68),
        },
        people: { Owner: 'chloe' },
        links: { Service: service('SVC-01'), Counterparty: link('interestedParties', 'IP-01') },
      },
      {
        key: 'DSP-2025-002',
        fields: {
          Title: 'FibreLink credit dispute over a circuit outage', Ref: 'DSP-2025-002', Status: 'Under investigation', PrimaryClause: '8.3.4.1', ClauseRefs: ['8.3.4.1'], CaseType: 'Supplier dispute',
          ReceivedOn: d.date(-25), Channel: 'Email', Severity: 'Medium', Description: 'FibreLink refuses service credits for an 11-hour outage of the Aldermoor depot circuit, saying the fault was on customer premises.',
          Investigation: 'Collecting monitoring data and the engineer’s site report.', LinkedNCRef: 'NC-2025-004',
        },
        people: { Owner: 'ben' },
        links: { Service: service('SVC-05'), Counterparty: link('interestedParties', 'IP-11') },
      },
    ],
  };
}

export function supplierReviews(d: SeedDates): SeedList {
  return {
    list: 'supplierReviews',
    items: [
      {
        key: 'SR-2025-09',
        fields: {
          Title: 'Six-monthly review – Stratus Distribution', Ref: 'SR-2025-09', Status: 'Held', PrimaryClause: '8.3.4.1', ClauseRefs: ['8.3.4.1'], ReviewDate: d.date(-50),
          PeriodCovered: 'Last six months', PerformanceSummary: 'Licence orders fulfilled within one working day; one invoicing error corrected quickly.', Rating: 'Good', IssuesRaised: 'None.',
        },
        people: { Owner: 'ben' },
        links: { Supplier: link('suppliers', 'SUP-01') },
      },
      {
        key: 'SR-2025-10',
        fields: {
          Title: 'Six-monthly review – FibreLink Telecom', Ref: 'SR-2025-10', Status: 'Planned', PrimaryClause: '8.3.4.1', ClauseRefs: ['8.3.4.1'], ReviewDate: d.date(7),
          PeriodCovered: 'Last eight months', IssuesRaised: 'The review missed its planned interval (NC-2025-004); circuit outage credit dispute DSP-2025-002.',
        },
        people: { Owner: 'ben' },
        links: { Supplier: link('suppliers', 'SUP-03') },
      },
    ],
  };
}

export function continuityTests(d: SeedDates): SeedList {
  return {
    list: 'continuityTests',
    items: [
      {
        key: 'CT-2025-03',
        fields: {
          Title: 'SVC-04 restore test', Ref: 'CT-2025-03', Status: 'Closed', PrimaryClause: '8.7.2', ClauseRefs: ['8.7.2'], TestType: 'Partial failover', Trigger: 'Planned interval',
          PlannedDate: d.date(-70), SuccessCriteria: 'Restore a 2 TB customer file share and a SQL database within the RTO of 8 hours.', Result: 'Passed', AchievedRTOHours: 5.5, AchievedRPOHours: 24,
          LessonsLearned: 'Restore throughput was limited by one gateway; a second gateway has been added.',
        },
        people: { Owner: 'gareth', Participants: ['gareth', 'fiona', 'omar'] },
        links: { Service: service('SVC-04') },
      },
      {
        key: 'CT-2025-04',
        fields: {
          Title: 'SVC-03 region failover simulation', Ref: 'CT-2025-04', Status: 'Scheduled', PrimaryClause: '8.7.2', ClauseRefs: ['8.7.2', '8.7.1'], TestType: 'Simulation', Trigger: 'Planned interval',
          PlannedDate: d.date(30), SuccessCriteria: 'Production workloads of two pilot customers run in the secondary region within 4 hours with no more than 15 minutes of data loss.',
        },
        people: { Owner: 'gareth', Participants: ['gareth', 'david', 'fiona', 'omar'] },
        links: { Service: service('SVC-03') },
      },
      {
        key: 'CT-2025-05',
        fields: {
          Title: 'SVC-01 tabletop exercise', Ref: 'CT-2025-05', Status: 'Planned', PrimaryClause: '8.7.2', ClauseRefs: ['8.7.2'], TestType: 'Tabletop', Trigger: 'Planned interval',
          PlannedDate: d.date(90), SuccessCriteria: 'The desk can move all calls to Lisbon within 30 minutes of losing the Manchester office.',
        },
        people: { Owner: 'marcus', Participants: ['marcus', 'sofia', 'gareth'] },
        links: { Service: service('SVC-01') },
      },
    ],
  };
}
