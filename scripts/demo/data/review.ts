/**
 * Management reviews MR-2025-H1 (held, closed) and MR-2025-H2 (inputs requested), the twelve
 * review inputs of H2 and the three outputs of H1 (domain reference §7.5).
 */
import type { SeedDates } from '../dates.js';
import { link, type PersonKey, type SeedItem, type SeedList } from '../types.js';

const ATTENDEES: readonly PersonKey[] = ['eleanor', 'raj', 'hannah', 'tom', 'marcus', 'david', 'gareth', 'chloe'];

export function managementReviews(d: SeedDates): SeedList {
  return {
    list: 'managementReviews',
    items: [
      {
        key: 'MR-2025-H1',
        fields: {
          Title: 'Management review H1', Ref: 'MR-2025-H1', Status: 'Closed', PrimaryClause: '9.3', ClauseRefs: ['9.3'],
          PeriodFrom: d.date(-320), PeriodTo: d.date(-145), MeetingDate: d.date(-140), InputCoverage: 100,
          ConclusionSuitable: true, ConclusionAdequate: true, ConclusionEffective: true,
          ConclusionComment: 'The SMS is suitable, adequate and effective; service desk staffing needs attention.', MinutesApprovedOn: d.date(-130),
        },
        people: { Owner: 'tom', Chair: 'eleanor', Secretary: 'tom', Attendees: ATTENDEES, MinutesApprovedBy: 'eleanor' },
      },
      {
        key: 'MR-2025-H2',
        fields: {
          Title: 'Management review H2', Ref: 'MR-2025-H2', Status: 'Inputs requested', PrimaryClause: '9.3', ClauseRefs: ['9.3'],
          PeriodFrom: d.date(-139), PeriodTo: d.date(10), MeetingDate: d.date(14), InputCoverage: 75,
        },
        people: { Owner: 'tom', Chair: 'eleanor', Secretary: 'tom', Attendees: ATTENDEES },
      },
    ],
  };
}

interface InputSpec {
  category: string;
  title: string;
  preparer: PersonKey;
  status: 'Submitted' | 'Requested' | 'Not applicable';
  summary?: string;
  trend?: 'Improving' | 'Stable' | 'Deteriorating' | 'n/a';
  autoCompiledFrom?: string;
  notApplicableReason?: string;
}

/**
 * Twelve inputs, one per input area A–L of domain §4.1 with C represented by its C1 and C3 parts
 * (C2, measurement results, is reported under G and H this time; F is covered by the policy
 * acknowledgement figures under G). 8 submitted, 3 requested, 1 not applicable: 75% coverage.
 */
const INPUTS: readonly InputSpec[] = [
  { category: 'MRI-A', title: 'Status of actions from earlier reviews', preparer: 'tom', status: 'Submitted', trend: 'Stable', summary: 'RO-2025-001 and RO-2025-003 done; RO-2025-002 (scope extension to SVC-06) carried forward, scope v3.0 in draft.', autoCompiledFrom: 'Review Outputs of MR-2025-H1' },
  { category: 'MRI-B', title: 'Changes in internal and external issues', preparer: 'tom', status: 'Submitted', trend: 'Stable', summary: 'No new issues; CTX-04 (heatwaves) moved to monitoring; climate change remains a relevant issue.', autoCompiledFrom: 'Context Issues changed since MR-2025-H1' },
  { category: 'MRI-C1', title: 'Nonconformities and corrective actions', preparer: 'tom', status: 'Submitted', trend: 'Stable', summary: 'NC-2025-001 closed as effective; NC-2025-003 actions in progress; NC-2025-004 raised from the supplier review.', autoCompiledFrom: 'Nonconformities register snapshot' },
  { category: 'MRI-C3', title: 'Audit results', preparer: 'omar', status: 'Submitted', trend: 'Improving', summary: 'IA-2025-02: one minor NC, one OFI, one observation and one good practice. IA-2025-03 scheduled.' },
  { category: 'MRI-D', title: 'Opportunities for improvement', preparer: 'tom', status: 'Submitted', trend: 'Improving', summary: 'IMP-015 measured (target achieved); IMP-014 in progress; IMP-016 deferred; IMP-017 under evaluation.', autoCompiledFrom: 'Improvement Register snapshot' },
  { category: 'MRI-E', title: 'Customer and interested party feedback', preparer: 'chloe', status: 'Submitted', trend: 'Improving', summary: 'CSAT 4.35 (target 4.4); complaint CMP-2025-011 closed; Pennine quarterly review due.' },
  { category: 'MRI-G', title: 'Achievement of objectives', preparer: 'tom', status: 'Submitted', trend: 'Stable', summary: 'OBJ-2026-01 at risk (92.8%), OBJ-2026-04 off track (88% acknowledgement), others on track.', autoCompiledFrom: 'Objectives register snapshot' },
  { category: 'MRI-H', title: 'Performance of the services', preparer: 'chloe', status: 'Submitted', trend: 'Stable', summary: 'All availability targets met; Pennine KPI-01 missed twice in twelve months.' },
  { category: 'MRI-I', title: 'Performance of other parties', preparer: 'ben', status: 'Requested' },
  { category: 'MRI-J', title: 'Resources now and forecast', preparer: 'hannah', status: 'Requested' },
  { category: 'MRI-K', title: 'Risk assessment results and effectiveness of risk actions', preparer: 'gareth', status: 'Requested' },
  { category: 'MRI-L', title: 'Changes that could affect the SMS and the services', preparer: 'tom', status: 'Not applicable', trend: 'n/a', notApplicableReason: 'The only planned change is the SVC-06 transition, already reported under MRI-A (carried-forward scope decision).' },
];

export function reviewInputs(d: SeedDates): SeedList {
  return {
    list: 'reviewInputs',
    items: INPUTS.map((input, i): SeedItem => {
      const ref = `RI-2025-${String(i + 1).padStart(3, '0')}`;
      return {
        key: ref,
        fields: {
          Title: `MR-2025-H2 · ${input.category} ${input.title}`,
          Ref: ref,
          Status: input.status,
          PrimaryClause: '9.3',
          ClauseRefs: ['9.3'],
          InputCategory: input.category,
          DueDate: d.date(7),
          ...(input.summary ? { Summary: input.summary } : {}),
          ...(input.trend ? { Trend: input.trend } : {}),
          ...(input.autoCompiledFrom ? { AutoCompiledFrom: input.autoCompiledFrom } : {}),
          ...(input.notApplicableReason ? { NotApplicableReason: input.notApplicableReason } : {}),
        },
        people: { Owner: input.preparer, Preparer: input.preparer },
        links: { Review: link('managementReviews', 'MR-2025-H2') },
      };
    }),
  };
}

export function reviewOutputs(d: SeedDates): SeedList {
  const review = link('managementReviews', 'MR-2025-H1');
  return {
    list: 'reviewOutputs',
    items: [
      {
        key: 'RO-2025-001',
        fields: { Title: 'Recruit two more service desk analysts', Ref: 'RO-2025-001', Status: 'Done', PrimaryClause: '9.3', ClauseRefs: ['9.3', '7.1'], OutputType: 'Resource decision', Decision: 'Approve two additional analyst posts for the Lisbon hub.', DueDate: d.date(-60), LinkedActionRef: 'ACT-0155' },
        people: { Owner: 'laura' },
        links: { Review: review },
      },
      {
        key: 'RO-2025-002',
        fields: { Title: 'Add SVC-06 to the SMS scope once in transition', Ref: 'RO-2025-002', Status: 'Carried forward', PrimaryClause: '9.3', ClauseRefs: ['9.3', '4.3'], OutputType: 'Change to SMS', Decision: 'Extend the scope to Managed Detection & Response when its transition is complete.', DueDate: d.date(60), LinkedActionRef: 'ACT-0156' },
        people: { Owner: 'tom' },
        links: { Review: review },
      },
      {
        key: 'RO-2025-003',
        fields: { Title: 'Approve the self-service password reset improvement', Ref: 'RO-2025-003', Status: 'Done', PrimaryClause: '9.3', ClauseRefs: ['9.3', '10.2'], OutputType: 'Improvement decision', Decision: 'Approve IMP-014 with a pilot at Brightwater Dental.', DueDate: d.date(-130), LinkedImprovementRef: 'IMP-014' },
        people: { Owner: 'raj' },
        links: { Review: review },
      },
    ],
  };
}
