/**
 * Risks, objectives, metrics and twelve months of metric readings (domain reference §7.5).
 * Readings are generated from fixed series so every seed shows the same story: two months in
 * which Pennine Logistics' P1/P2 resolution target (KPI-01) was missed.
 */
import type { SeedDates } from '../dates.js';
import { link, type SeedItem, type SeedList } from '../types.js';

const service = (key: string) => link('services', key);
const process = (key: string) => link('processes', key);

export function risks(d: SeedDates): SeedList {
  const risk = (ref: string, title: string, owner: 'gareth' | 'david' | 'marcus', fields: SeedItem['fields'], links: SeedItem['links'], extra: SeedItem['people'] = {}): SeedItem => ({
    key: ref,
    fields: { Title: title, Ref: ref, PrimaryClause: '6.1', ...fields },
    people: { Owner: owner, ...extra },
    links,
  });
  return {
    list: 'risks',
    items: [
      risk('RSK-001', 'Single SOC partner: failure of Sentinel would stop SVC-06 monitoring', 'gareth', {
        Status: 'Treatment in progress', RiskKind: 'Threat', Category: 'Other-party involvement', ClauseRefs: ['6.1', '8.2.3', '8.7.3.2'], SourceRef: 'IP-12',
        Cause: 'All 24×7 security monitoring for SVC-06 runs through one SOC partner.', Consequence: 'Customers lose detection and response until another partner is onboarded.',
        CustomerImpact: 'Security events at customers go unanswered.', Likelihood: 4, Impact: 4, InherentScore: 16, TreatmentOption: 'Reduce',
        ResidualLikelihood: 3, ResidualImpact: 3, ResidualScore: 9, WithinAcceptance: false, ReviewDate: d.date(60),
      }, { Process: process('PRC-16'), Services: [service('SVC-06')] }),
      risk('RSK-002', 'Azure region outage breaches SVC-03 availability and RTO', 'david', {
        Status: 'Monitoring', RiskKind: 'Threat', Category: 'Continuity', ClauseRefs: ['6.1', '8.7.1', '8.7.2'], SourceRef: 'CTX-01',
        Cause: 'A regional outage of the primary Azure region.', Consequence: 'Hosted workloads are unavailable until failover completes.',
        CustomerImpact: 'Production systems of hosting customers are down for up to the RTO.', Likelihood: 3, Impact: 5, InherentScore: 15, TreatmentOption: 'Reduce',
        ResidualLikelihood: 2, ResidualImpact: 4, ResidualScore: 8, WithinAcceptance: true, ReviewDate: d.date(30),
      }, { Process: process('PRC-15'), Services: [service('SVC-03')] }),
      risk('RSK-003', 'Service desk attrition causes P2 response-time breaches', 'marcus', {
        Status: 'Treatment planned', RiskKind: 'Threat', Category: 'Not meeting service requirements', ClauseRefs: ['6.1', '7.2'], SourceRef: 'CTX-03',
        Cause: 'High attrition in the Lisbon hub leaves gaps in the evening and night rota.', Consequence: 'P2 incidents wait longer than their response target.',
        CustomerImpact: 'Slower response for customer users out of hours.', Likelihood: 4, Impact: 4, InherentScore: 16, TreatmentOption: 'Reduce',
        ResidualLikelihood: 3, ResidualImpact: 4, ResidualScore: 12, WithinAcceptance: false, ReviewDate: d.date(45),
      }, { Process: process('PRC-13'), Services: [service('SVC-01')] }),
      risk('RSK-004', 'Self-service password reset could cut 35% of service requests', 'marcus', {
        Status: 'Assessed', RiskKind: 'Opportunity', Category: 'Organizational', ClauseRefs: ['6.1', '10.2'],
        Cause: 'Password resets are the largest single request type.', Consequence: 'Analysts gain time for higher-value work.',
        CustomerImpact: 'Users reset passwords at any hour without waiting.', TreatmentOption: 'Exploit', ReviewDate: d.date(90),
      }, { Process: process('PRC-14'), Services: [service('SVC-01'), service('SVC-02')] }),
      risk('RSK-005', 'Ransomware reaching backup repositories', 'gareth', {
        Status: 'Monitoring', RiskKind: 'Threat', Category: 'Information security', ClauseRefs: ['6.1', '8.7.3.2'], SourceRef: 'CTX-02',
        Cause: 'Compromised administrator credentials used to delete or encrypt backups.', Consequence: 'Customers cannot recover from an attack.',
        CustomerImpact: 'Permanent data loss for backup customers.', Likelihood: 4, Impact: 5, InherentScore: 20, TreatmentOption: 'Reduce',
        ResidualLikelihood: 2, ResidualImpact: 3, ResidualScore: 6, WithinAcceptance: true, ReviewDate: d.date(75),
      }, { Process: process('PRC-16'), Services: [service('SVC-04')] }),
      {
        // Assessed by its owner, accepted by top management (Raj): residual 8 is above what an owner may accept (§6.3).
        ...risk('RSK-006', 'Heatwave cooling failure in the Manchester data hall', 'david', {
          Status: 'Assessed', RiskKind: 'Threat', Category: 'Climate/Environmental', ClauseRefs: ['4.1', '6.1', '8.7.1'], SourceRef: 'CTX-04',
          Cause: 'Cooling at the colocation data hall cannot keep up during long heatwaves.', Consequence: 'Network and hosting equipment throttles or shuts down.',
          CustomerImpact: 'Degraded network and hosting services during heatwaves.', Likelihood: 3, Impact: 4, InherentScore: 12, TreatmentOption: 'Accept',
          ResidualLikelihood: 2, ResidualImpact: 4, ResidualScore: 8, WithinAcceptance: true, ReviewDate: d.date(140),
        }, { Process: process('PRC-24'), Services: [service('SVC-03'), service('SVC-05')] }),
        steps: [{ by: 'raj', fields: { Status: 'Accepted', AcceptedOn: d.date(-40) }, people: { AcceptedBy: 'raj' } }],
      },
    ],
  };
}

export function objectives(d: SeedDates): SeedList {
  const obj = (ref: string, title: string, owner: 'marcus' | 'chloe' | 'david' | 'tom' | 'gareth', fields: SeedItem['fields'], links: SeedItem['links']): SeedItem => ({
    key: ref,
    fields: {
      Title: title, Ref: ref, Status: 'Active', PrimaryClause: '6.2.1', ClauseRefs: ['6.2.1', '6.2.2'], Level: 'SMS', Period: 'FY2026', Frequency: 'Monthly',
      StartDate: d.date(-240), DueDate: d.date(125), ApprovedOn: d.date(-245), CommunicatedTo: ['All staff', 'Top management'], ...fields,
    },
    people: { Owner: owner, ApprovedBy: 'eleanor' },
    links,
  });
  return {
    list: 'objectives',
    items: [
      obj('OBJ-2026-01', 'Resolve P1/P2 incidents within SLA', 'marcus', {
        PolicyCommitment: 'Fulfil service requirements', Baseline: 91, Target: 95, Unit: '%', Direction: 'Higher is better', CurrentValue: 92.8, RAG: 'At risk', Frequency: 'Quarterly',
        MeasurementMethod: 'KPI-01 from the ITSM report, per quarter across all customers.', Resources: 'Two extra analysts (ACT-0155); cross-training (ACT-0150).', EvaluationMethod: 'Quarterly review by the SMS manager; reported at management review.',
      }, { Metric: link('metrics', 'KPI-01'), Service: service('SVC-01'), Process: process('PRC-13') }),
      obj('OBJ-2026-02', 'Improve customer satisfaction', 'chloe', {
        PolicyCommitment: 'Continually improve the SMS and the services', Baseline: 4.2, Target: 4.4, Unit: 'score (1–5)', Direction: 'Higher is better', CurrentValue: 4.35, RAG: 'On track',
        MeasurementMethod: 'KPI-02: average of post-ticket surveys.', Resources: 'Automated service reports (IMP-015).', EvaluationMethod: 'Monthly trend; quarterly customer reviews.',
      }, { Metric: link('metrics', 'KPI-02'), Process: process('PRC-09') }),
      obj('OBJ-2026-03', 'Improve change success', 'david', {
        PolicyCommitment: 'Fulfil service requirements', Baseline: 95.5, Target: 97, Unit: '%', Direction: 'Higher is better', CurrentValue: 97.4, RAG: 'On track',
        MeasurementMethod: 'KPI-03 change success and KPI-04 emergency change share (target below 5%).', Resources: 'CAB tooling changes (ACT-0142).', EvaluationMethod: 'Monthly CAB report.',
      }, { Metric: link('metrics', 'KPI-03'), Process: process('PRC-10') }),
      obj('OBJ-2026-04', 'Policy awareness', 'tom', {
        PolicyCommitment: 'Meet legal and contractual obligations', Baseline: 80, Target: 100, Unit: '%', Direction: 'Higher is better', CurrentValue: 88, RAG: 'Off track',
        MeasurementMethod: 'KPI-06: share of staff who acknowledged the service management and information security policies within 30 days of publication.', Resources: 'Reminders through Teams; line manager follow-up.', EvaluationMethod: 'Acknowledgement dashboard.',
      }, { Metric: link('metrics', 'KPI-06'), Process: process('PRC-03') }),
      obj('OBJ-2026-05', 'Prove continuity', 'gareth', {
        PolicyCommitment: 'Fulfil service requirements', Baseline: 1, Target: 3, Unit: 'critical services tested', Direction: 'Higher is better', CurrentValue: 2, RAG: 'On track', Frequency: 'Yearly',
        MeasurementMethod: 'Count of critical services (SVC-01, SVC-03, SVC-04) that passed a continuity test this year.', Resources: 'Test windows agreed with customers.', EvaluationMethod: 'Continuity test reports.',
      }, { Process: process('PRC-15') }),
    ],
  };
}

interface MetricSpec {
  ref: string;
  title: string;
  unit: string;
  direction: 'Higher is better' | 'Lower is better';
  source: 'ITSM report' | 'Monitoring' | 'Survey' | 'Manual';
  owner: 'marcus' | 'chloe' | 'david' | 'tom';
  amber: number;
  red: number;
  /** Target copied onto each reading. */
  target: number;
  objective?: string;
  service?: string;
  process: string;
  definition: string;
  formula: string;
}

const METRICS: readonly MetricSpec[] = [
  { ref: 'KPI-01', title: 'P1/P2 incidents resolved within SLA', unit: '%', direction: 'Higher is better', source: 'ITSM report', owner: 'marcus', amber: 92, red: 90, target: 90, objective: 'OBJ-2026-01', process: 'PRC-13', definition: 'Share of priority 1 and 2 incidents resolved within the resolution time of the customer’s SLA.', formula: 'P1/P2 resolved in target ÷ P1/P2 resolved × 100' },
  { ref: 'KPI-02', title: 'Customer satisfaction (CSAT)', unit: 'score (1–5)', direction: 'Higher is better', source: 'Survey', owner: 'chloe', amber: 4.2, red: 4.0, target: 4.2, objective: 'OBJ-2026-02', process: 'PRC-09', definition: 'Average score of the survey sent when a ticket is closed.', formula: 'Sum of scores ÷ number of responses' },
  { ref: 'KPI-03', title: 'Change success rate', unit: '%', direction: 'Higher is better', source: 'ITSM report', owner: 'david', amber: 97, red: 95, target: 97, objective: 'OBJ-2026-03', process: 'PRC-10', definition: 'Share of closed changes that met their objective without an incident or a back-out.', formula: 'Successful changes ÷ closed changes × 100' },
  { ref: 'KPI-04', title: 'Emergency changes', unit: '%', direction: 'Lower is better', source: 'ITSM report', owner: 'david', amber: 5, red: 8, target: 5, process: 'PRC-10', definition: 'Share of changes raised as emergency changes.', formula: 'Emergency changes ÷ all changes × 100' },
  { ref: 'KPI-05', title: 'SVC-03 availability', unit: '%', direction: 'Higher is better', source: 'Monitoring', owner: 'david', amber: 99.9, red: 99.5, target: 99.9, service: 'SVC-03', process: 'PRC-24', definition: 'Availability of hosted production workloads in the service hours.', formula: '(Minutes in month − unplanned downtime) ÷ minutes in month × 100' },
  { ref: 'KPI-06', title: 'Policy acknowledgement', unit: '%', direction: 'Higher is better', source: 'Manual', owner: 'tom', amber: 95, red: 90, target: 100, objective: 'OBJ-2026-04', process: 'PRC-03', definition: 'Share of staff who acknowledged the current service management and information security policies within 30 days.', formula: 'Acknowledged in time ÷ staff in audience × 100' },
];

export function metrics(): SeedList {
  return {
    list: 'metrics',
    items: METRICS.map((m) => ({
      key: m.ref,
      fields: {
        Title: m.title, Ref: m.ref, Status: 'Active', PrimaryClause: '9.1', ClauseRefs: ['9.1', '6.2.1'], Definition: m.definition, Formula: m.formula,
        Unit: m.unit, Direction: m.direction, Frequency: 'Monthly', DataSource: m.source, AmberThreshold: m.amber, RedThreshold: m.red,
      },
      people: { Owner: m.owner },
      links: {
        Process: process(m.process),
        ...(m.service ? { Service: service(m.service) } : {}),
        ...(m.objective ? { Objective: link('objectives', m.objective) } : {}),
      },
    })),
  };
}

/** One series of monthly values, oldest month first (12 values). */
interface Series {
  metric: string;
  service?: string;
  /** Label for a customer-specific series (SLA reporting), e.g. Pennine Logistics. */
  customer?: string;
  target: number;
  values: readonly number[];
}

/**
 * The readings: KPI-01 and KPI-02 for SVC-01…05 plus Pennine Logistics' SLA series, KPI-03 and
 * KPI-04 for SVC-01…05, KPI-05 for SVC-03 and KPI-06 for the whole SMS (24 series × 12 months).
 * Pennine's KPI-01 misses its 95% target in months 5 and 9 (counting from the oldest).
 */
export const SERIES: readonly Series[] = [
  { metric: 'KPI-01', service: 'SVC-01', target: 90, values: [91.2, 90.8, 91.5, 92.0, 90.4, 91.9, 92.6, 93.1, 90.9, 92.4, 93.0, 92.8] },
  { metric: 'KPI-01', service: 'SVC-01', customer: 'Pennine Logistics', target: 95, values: [96.1, 95.8, 96.4, 95.2, 92.7, 95.9, 96.3, 95.5, 93.4, 96.0, 96.8, 95.6] },
  { metric: 'KPI-01', service: 'SVC-02', target: 90, values: [94.0, 95.1, 94.6, 95.8, 96.2, 95.0, 94.9, 96.5, 95.7, 96.1, 95.4, 96.0] },
  { metric: 'KPI-01', service: 'SVC-03', target: 90, values: [97.2, 96.8, 98.0, 97.5, 96.9, 98.1, 97.7, 98.4, 97.9, 98.2, 97.6, 98.3] },
  { metric: 'KPI-01', service: 'SVC-04', target: 90, values: [98.5, 99.0, 98.7, 99.2, 98.9, 99.1, 98.8, 99.4, 99.0, 99.3, 99.1, 99.5] },
  { metric: 'KPI-01', service: 'SVC-05', target: 90, values: [93.1, 92.4, 94.0, 93.6, 91.8, 93.9, 94.4, 92.9, 93.7, 94.1, 94.8, 94.3] },
  { metric: 'KPI-02', service: 'SVC-01', target: 4.2, values: [4.15, 4.18, 4.21, 4.2, 4.12, 4.24, 4.27, 4.3, 4.22, 4.31, 4.34, 4.35] },
  { metric: 'KPI-02', service: 'SVC-01', customer: 'Pennine Logistics', target: 4.4, values: [4.3, 4.35, 4.28, 4.32, 4.05, 4.25, 4.38, 4.41, 4.12, 4.36, 4.42, 4.45] },
  { metric: 'KPI-02', service: 'SVC-02', target: 4.2, values: [4.3, 4.32, 4.35, 4.31, 4.36, 4.38, 4.4, 4.37, 4.41, 4.43, 4.42, 4.45] },
  { metric: 'KPI-02', service: 'SVC-03', target: 4.2, values: [4.4, 4.42, 4.38, 4.45, 4.44, 4.47, 4.43, 4.48, 4.46, 4.5, 4.49, 4.51] },
  { metric: 'KPI-02', service: 'SVC-04', target: 4.2, values: [4.5, 4.48, 4.52, 4.55, 4.51, 4.53, 4.56, 4.54, 4.57, 4.55, 4.58, 4.6] },
  { metric: 'KPI-02', service: 'SVC-05', target: 4.2, values: [4.1, 4.12, 4.15, 4.08, 4.14, 4.18, 4.2, 4.16, 4.21, 4.19, 4.23, 4.25] },
  { metric: 'KPI-03', service: 'SVC-01', target: 97, values: [98.0, 97.5, 98.2, 97.9, 98.4, 97.8, 98.1, 98.6, 98.0, 98.3, 98.5, 98.7] },
  { metric: 'KPI-03', service: 'SVC-02', target: 97, values: [96.5, 97.1, 97.4, 96.8, 97.6, 97.9, 97.2, 97.8, 98.1, 97.7, 98.0, 98.2] },
  { metric: 'KPI-03', service: 'SVC-03', target: 97, values: [95.8, 96.4, 96.9, 97.2, 96.6, 97.5, 97.0, 97.8, 97.3, 97.6, 97.9, 97.4] },
  { metric: 'KPI-03', service: 'SVC-04', target: 97, values: [99.0, 98.7, 99.2, 98.9, 99.4, 99.1, 98.8, 99.3, 99.0, 99.5, 99.2, 99.4] },
  { metric: 'KPI-03', service: 'SVC-05', target: 97, values: [95.2, 95.9, 96.3, 96.0, 96.8, 96.5, 97.1, 96.7, 97.3, 97.0, 97.5, 97.2] },
  { metric: 'KPI-04', service: 'SVC-01', target: 5, values: [2.1, 1.8, 2.5, 2.0, 1.6, 2.2, 1.9, 2.4, 1.7, 2.0, 1.5, 1.8] },
  { metric: 'KPI-04', service: 'SVC-02', target: 5, values: [4.2, 3.9, 4.5, 4.1, 3.6, 4.0, 3.8, 3.5, 3.9, 3.4, 3.6, 3.2] },
  { metric: 'KPI-04', service: 'SVC-03', target: 5, values: [5.4, 5.1, 4.8, 5.2, 4.6, 4.9, 4.4, 4.7, 4.3, 4.5, 4.1, 4.2] },
  { metric: 'KPI-04', service: 'SVC-04', target: 5, values: [1.2, 1.0, 1.4, 0.9, 1.1, 1.3, 0.8, 1.0, 1.2, 0.9, 1.1, 0.7] },
  { metric: 'KPI-04', service: 'SVC-05', target: 5, values: [6.1, 5.8, 5.5, 5.9, 5.2, 5.0, 4.9, 5.3, 4.7, 4.8, 4.5, 4.6] },
  { metric: 'KPI-05', service: 'SVC-03', target: 99.9, values: [99.95, 99.97, 99.92, 99.98, 99.88, 99.96, 99.99, 99.94, 99.97, 99.93, 99.98, 99.96] },
  { metric: 'KPI-06', target: 95, values: [93, 95, 96, 94, 97, 96, 91, 90, 95, 96, 89, 88] },
];

const METRIC_BY_REF = new Map(METRICS.map((m) => [m.ref, m]));

/** Whether a value meets its target for the metric's direction. */
export function meetsTarget(metric: string, value: number, target: number): boolean {
  const spec = METRIC_BY_REF.get(metric);
  if (!spec) throw new Error(`unknown metric ${metric}`);
  return spec.direction === 'Higher is better' ? value >= target : value <= target;
}

/** Twelve monthly readings per series: the twelve full months before D's month. */
export function metricReadings(d: SeedDates): SeedList {
  const items: SeedItem[] = [];
  for (const s of SERIES) {
    s.values.forEach((value, i) => {
      const back = s.values.length - i;
      const start = d.monthStart(back);
      const scope = [s.service, s.customer].filter(Boolean).join(' · ') || 'SMS';
      const key = `${s.metric} · ${scope} · ${start.slice(0, 7)}`;
      const met = meetsTarget(s.metric, value, s.target);
      items.push({
        key,
        fields: {
          Title: key,
          MetricRef: s.metric,
          PeriodStart: `${start}T00:00:00Z`,
          PeriodEnd: `${d.monthEnd(back)}T00:00:00Z`,
          Value: value,
          Target: s.target,
          Met: met,
          Source: METRIC_BY_REF.get(s.metric)!.source,
          ImportedAt: `${d.monthEnd(back - 1).slice(0, 8)}03T06:00:00Z`,
          ImportBatch: `IMPORT-${start.slice(0, 7)}`,
          ...(s.customer ? { Comment: met ? `${s.customer} SLA series.` : `${s.customer} SLA target missed: see CMP-2025-011 and IMP-017.` } : {}),
        },
        links: { Metric: link('metrics', s.metric), ...(s.service ? { Service: service(s.service) } : {}) },
      });
    });
  }
  return { list: 'metricReadings', items };
}
