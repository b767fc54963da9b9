/**
 * Kestrel's context, interested parties, processes, services, suppliers and agreements
 * (domain reference §7.1–7.5). Fictional; written for this project.
 */
import type { SeedDates } from '../dates.js';
import { link, type SeedItem, type SeedList } from '../types.js';

const party = (key: string) => link('interestedParties', key);
const service = (key: string) => link('services', key);
const supplier = (key: string) => link('suppliers', key);
const process = (key: string) => link('processes', key);
const doc = (docId: string) => link('smsDocuments', docId);

export function contextIssues(d: SeedDates): SeedList {
  const common = (ref: string, title: string, owner: SeedItem['people'], fields: SeedItem['fields']): SeedItem => ({
    key: ref,
    fields: { Title: title, Ref: ref, PrimaryClause: '4.1', ClauseRefs: ['4.1'], LastReviewed: d.date(-145), NextReview: d.date(14), ...fields },
    people: owner,
  });
  return {
    list: 'contextIssues',
    items: [
      common('CTX-01', 'Customers moving workloads to PaaS and SaaS', { Owner: 'raj' }, {
        Status: 'Active',
        IssueType: 'External',
        Category: 'Technological',
        Description: 'Several hosting customers are moving line-of-business applications from virtual machines to platform and SaaS offerings.',
        EffectOnSMS: 'Changes the demand mix for SVC-03: fewer VM operations, more platform monitoring and cost management. Capacity and skills plans need updating.',
        Significance: 'High',
        LinkedRiskRefs: 'RSK-002',
      }),
      common('CTX-02', 'Supply-chain security obligations from public-sector customers', { Owner: 'gareth' }, {
        Status: 'Active',
        IssueType: 'External',
        Category: 'Legal/Regulatory',
        Description: 'Public-sector customers pass NIS2-style supply-chain security clauses down to their managed service providers.',
        EffectOnSMS: 'Security schedules must flow down to our own suppliers; evidence is requested at contract renewal.',
        Significance: 'High',
        LinkedRiskRefs: 'RSK-001, RSK-005',
      }),
      common('CTX-03', 'Attrition in the Lisbon service desk', { Owner: 'marcus' }, {
        Status: 'Active',
        IssueType: 'Internal',
        Category: 'Organizational',
        Description: 'Annual attrition in the Lisbon service desk hub runs at about 25%.',
        EffectOnSMS: 'Knowledge loss and rota gaps put P2 response targets at risk; induction and cross-training take more effort.',
        Significance: 'High',
        LinkedRiskRefs: 'RSK-003',
      }),
      common('CTX-04', 'Heatwaves affecting the Manchester data hall', { Owner: 'david' }, {
        Status: 'Monitoring',
        IssueType: 'External',
        Category: 'Environmental/Climate',
        Description: 'Summer heatwaves are more frequent and push the colocation cooling at the Manchester data hall close to its limits.',
        EffectOnSMS: 'Climate change is a relevant issue for the SMS: it can affect the availability of hosted and network services.',
        ClimateRelevant: true,
        Significance: 'Medium',
        LinkedRiskRefs: 'RSK-006',
      }),
      common('CTX-05', 'ITSM platform contract renewal', { Owner: 'raj' }, {
        Status: 'Active',
        IssueType: 'Internal',
        Category: 'Technological',
        Description: `The contract for the ITSM platform ends on ${d.day(200)}; a renewal or a move to another platform must be decided.`,
        EffectOnSMS: 'A platform change would touch every resolution and change process and the metric imports.',
        Significance: 'Medium',
      }),
    ],
  };
}

interface PartySpec {
  ref: string;
  title: string;
  type: string;
  owner: 'chloe' | 'ben' | 'laura' | 'gareth' | 'tom' | 'marcus';
  requirements: string;
  source: string;
  how: string;
  influence: 'High' | 'Medium' | 'Low';
  interest: 'High' | 'Medium' | 'Low';
  climate?: string;
}

const PARTIES: readonly PartySpec[] = [
  { ref: 'IP-01', title: 'Pennine Logistics plc', type: 'Customer', owner: 'chloe', requirements: 'P1/P2 resolution ≥ 95%, CSAT ≥ 4.4, quarterly service reviews, 24×7 desk for 38 depots.', source: 'Contract', how: 'SLA SMS-AGR-004; monthly service report; quarterly review.', influence: 'High', interest: 'High', climate: 'Asks for an annual statement of the carbon footprint of the services it buys.' },
  { ref: 'IP-02', title: 'Harbourside Housing Association', type: 'Customer', owner: 'chloe', requirements: 'Tenant-facing service desk in business hours; data kept in the UK.', source: 'Contract', how: 'Service desk and workplace SLAs; UK-only hosting.', influence: 'Medium', interest: 'High' },
  { ref: 'IP-03', title: 'Brightwater Dental Group', type: 'Customer', owner: 'chloe', requirements: 'Fast password resets for clinic staff; backup of the practice systems.', source: 'Contract', how: 'SVC-02 and SVC-04 agreements; SSPR pilot (IMP-014).', influence: 'Medium', interest: 'High' },
  { ref: 'IP-04', title: 'Aldermoor County Council', type: 'Customer', owner: 'chloe', requirements: 'Supply-chain security clauses, accessibility of the portal, public-sector audit rights.', source: 'Contract', how: 'Security schedule; SVC-01 and SVC-05 agreements.', influence: 'High', interest: 'Medium', climate: 'Requires suppliers to report on their climate adaptation plans.' },
  { ref: 'IP-05', title: 'Vale Mutual Insurance', type: 'Customer', owner: 'chloe', requirements: 'Regulated-sector resilience: tested continuity plans and incident notification within 4 hours.', source: 'Contract', how: 'Continuity tests CT-2025-03/04; incident procedure SMS-PRC-010.', influence: 'High', interest: 'High' },
  { ref: 'IP-06', title: 'End users of customer organisations', type: 'User group', owner: 'marcus', requirements: 'Easy ways to get help, clear updates, quick fixes.', source: 'Voluntary', how: 'Service desk channels; CSAT survey after each ticket.', influence: 'Low', interest: 'High' },
  { ref: 'IP-07', title: 'Kestrel staff', type: 'Employees', owner: 'laura', requirements: 'Training, safe working hours on the 24×7 rota, clear roles.', source: 'Law/Regulation', how: 'Competence records; rota rules; SMS roles register.', influence: 'Medium', interest: 'High' },
  { ref: 'IP-08', title: 'DeskForce Staffing', type: 'External supplier', owner: 'ben', requirements: 'Forecast of agent demand one month ahead.', source: 'Contract', how: 'Monthly demand forecast; supplier reviews.', influence: 'Medium', interest: 'Medium' },
  { ref: 'IP-09', title: 'Stratus Distribution', type: 'External supplier', owner: 'ben', requirements: 'Licence orders through the distributor portal; payment in 30 days.', source: 'Contract', how: 'Supplier contract; SR-2025-09.', influence: 'Medium', interest: 'Low' },
  { ref: 'IP-10', title: 'VaultSafe Backup', type: 'External supplier', owner: 'ben', requirements: 'Capacity forecasts; named security contacts.', source: 'Contract', how: 'Supplier contract; quarterly capacity review.', influence: 'High', interest: 'Medium' },
  { ref: 'IP-11', title: 'FibreLink Telecom', type: 'External supplier', owner: 'ben', requirements: 'Site access for engineers; fault reports through their portal.', source: 'Contract', how: 'Supplier contract; supplier review SR-2025-10.', influence: 'High', interest: 'Medium' },
  { ref: 'IP-12', title: 'Sentinel SOC Partners', type: 'External supplier', owner: 'gareth', requirements: 'Log sources onboarded before go-live; escalation contacts 24×7.', source: 'Contract', how: 'SVC-06 transition plan; exit plan (RSK-001).', influence: 'High', interest: 'High' },
  { ref: 'IP-13', title: 'Kestrel Group Shared Services', type: 'Internal supplier', owner: 'ben', requirements: 'Month-end cost data; payroll changes by the 15th.', source: 'Contract', how: 'Operational level agreement SLA-002.', influence: 'Medium', interest: 'Low' },
  { ref: 'IP-14', title: 'Aldermoor County Council (site access)', type: 'Customer acting as supplier', owner: 'ben', requirements: 'Escorted access to council sites for network engineers.', source: 'Contract', how: 'Site access agreement SLA-003.', influence: 'Medium', interest: 'Medium' },
  { ref: 'IP-15', title: "Information Commissioner's Office", type: 'Regulator', owner: 'gareth', requirements: 'Personal data breaches reported within 72 hours; lawful processing.', source: 'Law/Regulation', how: 'Incident procedure; information security policy SMS-POL-002.', influence: 'High', interest: 'Low' },
  { ref: 'IP-16', title: 'Northgate Certification Ltd (certification body)', type: 'Certification body', owner: 'tom', requirements: 'Yearly surveillance audits; access to records and people.', source: 'Standard', how: 'Audit programme AP-2025-27; surveillance audit CB-2026-S2.', influence: 'High', interest: 'Medium' },
];

export function interestedParties(d: SeedDates): SeedList {
  return {
    list: 'interestedParties',
    items: PARTIES.map((p) => ({
      key: p.ref,
      fields: {
        Title: p.title,
        Ref: p.ref,
        Status: 'Active',
        PrimaryClause: '4.2',
        ClauseRefs: p.type === 'Customer' ? ['4.2', '8.3.2'] : ['4.2'],
        PartyType: p.type,
        Requirements: p.requirements,
        RequirementSource: p.source,
        HowAddressed: p.how,
        Influence: p.influence,
        Interest: p.interest,
        ...(p.climate ? { ClimateRequirements: p.climate } : {}),
        LastReviewed: d.date(-145),
      },
      people: { Owner: p.owner, RelationshipOwner: p.owner },
    })),
  };
}

interface ProcessSpec {
  ref: string;
  title: string;
  owner: 'tom' | 'priya' | 'laura' | 'marcus' | 'raj' | 'chloe' | 'ben' | 'david' | 'gareth' | 'aisha' | 'hannah';
  clause: string;
  clauses?: readonly string[];
  doc?: string;
  otherParties?: readonly string[];
  criteria: string;
}

const PROCESSES: readonly ProcessSpec[] = [
  { ref: 'PRC-01', title: 'SMS governance', owner: 'tom', clause: '4.4', clauses: ['4.4', '5.1', '6.1', '6.3', '9.1', '9.2', '9.3', '10.1', '10.2'], doc: 'SMS-PLN-001', criteria: 'Management review twice a year; audit programme on plan.' },
  { ref: 'PRC-02', title: 'Documented information', owner: 'priya', clause: '7.5', clauses: ['7.5.2', '7.5.3'], criteria: 'No document past its review date; acknowledgements ≥ 95% within 30 days.' },
  { ref: 'PRC-03', title: 'Competence, awareness and communication', owner: 'laura', clause: '7.2', clauses: ['7.2', '7.3', '7.4'], criteria: 'Every role holder meets the mandatory competences.' },
  { ref: 'PRC-04', title: 'Knowledge management', owner: 'marcus', clause: '7.6', criteria: 'Knowledge articles reviewed within 12 months.' },
  { ref: 'PRC-05', title: 'Service portfolio and planning', owner: 'raj', clause: '8.2.2', clauses: ['8.2.1', '8.2.2'], criteria: 'Service requirements documented for every live service.' },
  { ref: 'PRC-06', title: 'Service catalogue management', owner: 'chloe', clause: '8.2.4', doc: 'SMS-CAT-001', criteria: 'Catalogue reviewed every six months.' },
  { ref: 'PRC-07', title: 'Control of other parties', owner: 'ben', clause: '8.2.3', criteria: 'Every other party listed with the services and processes it supports.' },
  { ref: 'PRC-08', title: 'Service level management', owner: 'chloe', clause: '8.3.3', doc: 'SMS-AGR-004', criteria: 'Service reports sent by the fifth working day.' },
  { ref: 'PRC-09', title: 'Business relationship management', owner: 'chloe', clause: '8.3.2', criteria: 'Service review with each customer at least every quarter.' },
  { ref: 'PRC-10', title: 'Change management', owner: 'david', clause: '8.5.1', clauses: ['8.5.1.1', '8.5.1.2', '8.5.1.3'], doc: 'SMS-POL-003', criteria: 'Change success ≥ 97%; emergency changes < 5%.' },
  { ref: 'PRC-11', title: 'Service design and transition', owner: 'raj', clause: '8.5.2', criteria: 'Acceptance criteria met before go-live.' },
  { ref: 'PRC-12', title: 'Release and deployment management', owner: 'david', clause: '8.5.3', criteria: 'Releases deployed in their planned window.' },
  { ref: 'PRC-13', title: 'Incident management', owner: 'marcus', clause: '8.6.1', doc: 'SMS-PRC-010', otherParties: ['SUP-05'], criteria: 'P1/P2 resolved within SLA ≥ 95%.' },
  { ref: 'PRC-14', title: 'Service request management', owner: 'marcus', clause: '8.6.2', otherParties: ['SUP-05'], criteria: 'Requests fulfilled within target ≥ 92%.' },
  { ref: 'PRC-15', title: 'Service continuity management', owner: 'gareth', clause: '8.7.2', doc: 'SMS-PLN-002', criteria: 'Every critical service passes a continuity test each year.' },
  { ref: 'PRC-16', title: 'Information security management', owner: 'gareth', clause: '8.7.3', clauses: ['8.7.3.1', '8.7.3.2', '8.7.3.3'], doc: 'SMS-POL-002', otherParties: ['SUP-02'], criteria: 'Security incidents closed within target; risk assessment yearly.' },
  { ref: 'PRC-17', title: 'Problem management', owner: 'aisha', clause: '8.6.3', criteria: 'Problems with a root cause within 30 days ≥ 80%.' },
  { ref: 'PRC-18', title: 'Configuration management', owner: 'aisha', clause: '8.2.6', criteria: 'CMDB audit accuracy ≥ 98%.' },
  { ref: 'PRC-19', title: 'Asset management', owner: 'aisha', clause: '8.2.5', criteria: 'Licence and hardware assets reconciled every quarter.' },
  { ref: 'PRC-20', title: 'Supplier management', owner: 'ben', clause: '8.3.4', clauses: ['8.3.4.1', '8.3.4.2'], criteria: 'Every supplier reviewed at its planned interval.' },
  { ref: 'PRC-21', title: 'Budgeting and accounting for services', owner: 'hannah', clause: '8.4.1', otherParties: ['SUP-06'], criteria: 'Service cost reports monthly; variance explained above 10%.' },
  { ref: 'PRC-22', title: 'Demand management', owner: 'raj', clause: '8.4.2', criteria: 'Demand forecast reviewed every quarter.' },
  { ref: 'PRC-23', title: 'Capacity management', owner: 'david', clause: '8.4.3', criteria: 'No capacity-related P1 incidents.' },
  { ref: 'PRC-24', title: 'Service availability management', owner: 'david', clause: '8.7.1', criteria: 'Availability targets met for every service.' },
  { ref: 'PRC-25', title: 'Service reporting', owner: 'chloe', clause: '9.4', criteria: 'Reports built from ITSM data, with trends.' },
];

export function processes(): SeedList {
  return {
    list: 'processes',
    items: PROCESSES.map((p) => ({
      key: p.ref,
      fields: {
        Title: p.title,
        Ref: p.ref,
        Status: 'Operating',
        PrimaryClause: p.clause,
        ClauseRefs: [...(p.clauses ?? [p.clause])],
        OperatedByOtherParty: false,
        PerformanceCriteria: p.criteria,
      },
      people: { Owner: p.owner, ProcessOwner: p.owner },
      links: {
        ...(p.doc ? { ProcessDoc: doc(p.doc) } : {}),
        ...(p.otherParties ? { OtherParties: p.otherParties.map(supplier) } : {}),
      },
    })),
  };
}

export function services(): SeedList {
  const svc = (
    ref: string,
    title: string,
    owner: 'marcus' | 'chloe' | 'david' | 'gareth',
    fields: SeedItem['fields'],
    links: SeedItem['links'],
  ): SeedItem => ({
    key: ref,
    fields: { Title: title, Ref: ref, PrimaryClause: '8.2.4', ClauseRefs: ['4.3', '8.2.2', '8.2.4'], ItsmServiceId: `BS-${ref.slice(4)}`, ...fields },
    people: { Owner: owner, ServiceOwner: owner },
    links,
  });
  return {
    list: 'services',
    items: [
      svc('SVC-01', 'Managed Service Desk (24×7 L1/L2)', 'marcus', {
        LifecycleStatus: 'Live', Criticality: 'Critical', InScope: true, InCatalogue: true, SupportHours: '24×7', AvailabilityTarget: 99.5, RTOHours: 2, RPOHours: 1,
        Description: 'First- and second-line support for customer users by phone, chat, e-mail and portal, from Manchester and Lisbon.',
      }, { Customers: ['IP-01', 'IP-02', 'IP-04', 'IP-05'].map(party), OtherParties: [supplier('SUP-05')] }),
      svc('SVC-02', 'Managed Modern Workplace (Microsoft 365 & Intune administration)', 'chloe', {
        LifecycleStatus: 'Live', Criticality: 'High', InScope: true, InCatalogue: true, SupportHours: '07:00–20:00 UK, working days', AvailabilityTarget: 99.5, RTOHours: 8, RPOHours: 24,
        Description: 'Administration of customer Microsoft 365 tenants and Intune-managed devices.',
      }, { Customers: ['IP-02', 'IP-03', 'IP-05'].map(party), DependsOn: [service('SVC-01')], OtherParties: [supplier('SUP-01')] }),
      svc('SVC-03', 'Managed Cloud Hosting (Azure IaaS/PaaS operations)', 'david', {
        LifecycleStatus: 'Live', Criticality: 'Critical', InScope: true, InCatalogue: true, SupportHours: '24×7', AvailabilityTarget: 99.9, RTOHours: 4, RPOHours: 0.25,
        Description: 'Operation of customer workloads on Azure: monitoring, patching, capacity and cost management.',
      }, { Customers: ['IP-01', 'IP-03', 'IP-05'].map(party), DependsOn: [service('SVC-04')], OtherParties: [supplier('SUP-01'), supplier('SUP-04')] }),
      svc('SVC-04', 'Backup & Disaster Recovery as a Service', 'gareth', {
        LifecycleStatus: 'Live', Criticality: 'Critical', InScope: true, InCatalogue: true, SupportHours: '24×7', AvailabilityTarget: 99.9, RTOHours: 8, RPOHours: 24,
        Description: 'Immutable off-site backups, restore tests and an optional recovery environment.',
      }, { Customers: ['IP-01', 'IP-02', 'IP-03', 'IP-05'].map(party), OtherParties: [supplier('SUP-04')] }),
      svc('SVC-05', 'Managed Network & SD-WAN', 'david', {
        LifecycleStatus: 'Live', Criticality: 'High', InScope: true, InCatalogue: true, SupportHours: '24×7 monitoring; on-site 08:00–18:00', AvailabilityTarget: 99.8, RTOHours: 8, RPOHours: 24,
        Description: 'Branch networks and SD-WAN over FibreLink circuits, with 24×7 monitoring.',
      }, { Customers: ['IP-01', 'IP-04'].map(party), OtherParties: [supplier('SUP-03'), supplier('SUP-07')] }),
      svc('SVC-06', 'Managed Detection & Response (security monitoring)', 'gareth', {
        LifecycleStatus: 'In transition', Criticality: 'High', InScope: false, InCatalogue: false, SupportHours: '24×7', AvailabilityTarget: 99.5, RTOHours: 4, RPOHours: 1,
        Description: 'Security monitoring of customer estates with a 24×7 SOC partner. Planned to join the SMS scope after transition.',
        ChangeRef: 'RFC-24117',
      }, { Customers: [party('IP-05')], DependsOn: [service('SVC-03')], OtherParties: [supplier('SUP-02')] }),
    ],
  };
}

export function suppliers(d: SeedDates): SeedList {
  const sup = (
    ref: string,
    title: string,
    type: string,
    status: string,
    fields: SeedItem['fields'],
    links: SeedItem['links'],
  ): SeedItem => ({
    key: ref,
    fields: { Title: title, Ref: ref, Status: status, SupplierType: type, PrimaryClause: type === 'External supplier' ? '8.3.4.1' : '8.3.4.2', ClauseRefs: ['8.2.3', '8.3.4'], ReviewFrequencyMonths: 6, ...fields },
    people: { Owner: 'ben', RelationshipManager: 'ben' },
    links,
  });
  return {
    list: 'suppliers',
    items: [
      sup('SUP-01', 'Stratus Distribution', 'External supplier', 'Approved', { ContractStart: d.date(-430), ContractEnd: d.date(300), Criticality: 'Medium', LastRating: 'Good', NextReviewDate: d.date(130) }, { ServicesSupported: [service('SVC-02'), service('SVC-03')] }),
      sup('SUP-02', 'Sentinel SOC Partners', 'External supplier', 'Approved', { ContractStart: d.date(-20), ContractEnd: d.date(700), Criticality: 'High', NextReviewDate: d.date(70) }, { ServicesSupported: [service('SVC-06')], ProcessesOperated: [process('PRC-16')] }),
      sup('SUP-03', 'FibreLink Telecom', 'External supplier', 'On watch', { ContractStart: d.date(-685), ContractEnd: d.date(45), Criticality: 'High', LastRating: 'Needs improvement', NextReviewDate: d.date(7) }, { ServicesSupported: [service('SVC-05')] }),
      sup('SUP-04', 'VaultSafe Backup', 'External supplier', 'Approved', { ContractStart: d.date(-330), ContractEnd: d.date(400), Criticality: 'High', LastRating: 'Satisfactory', NextReviewDate: d.date(60) }, { ServicesSupported: [service('SVC-03'), service('SVC-04')] }),
      sup('SUP-05', 'DeskForce Staffing', 'External supplier', 'Approved', { ContractStart: d.date(-580), ContractEnd: d.date(150), Criticality: 'Medium', LastRating: 'Satisfactory', NextReviewDate: d.date(40) }, { ServicesSupported: [service('SVC-01')], ProcessesOperated: [process('PRC-13'), process('PRC-14')] }),
      sup('SUP-06', 'Kestrel Group Shared Services', 'Internal supplier', 'Approved', { ContractStart: d.date(-200), ContractEnd: d.date(165), Criticality: 'Medium', LastRating: 'Good', ReviewFrequencyMonths: 12, NextReviewDate: d.date(150) }, { ServicesSupported: ['SVC-01', 'SVC-02', 'SVC-03', 'SVC-04', 'SVC-05'].map(service), ProcessesOperated: [process('PRC-21')] }),
      sup('SUP-07', 'Aldermoor County Council', 'Customer acting as supplier', 'Approved', { ContractStart: d.date(-250), ContractEnd: d.date(115), Criticality: 'Low', LastRating: 'Satisfactory', ReviewFrequencyMonths: 12, NextReviewDate: d.date(100) }, { ServicesSupported: [service('SVC-05')] }),
    ],
  };
}

export function serviceAgreements(d: SeedDates): SeedList {
  return {
    list: 'serviceAgreements',
    items: [
      {
        key: 'SLA-001',
        fields: {
          Title: 'SLA – Pennine Logistics – Managed Service Desk', Ref: 'SLA-001', Status: 'Active', PrimaryClause: '8.3.3', ClauseRefs: ['8.3.3'], AgreementType: 'SLA',
          StartDate: d.date(-120), EndDate: d.date(610), WorkloadLimits: 'Up to 9,000 contacts a month.', Exceptions: 'Outages of Pennine warehouse systems; planned depot migrations.',
          ReportingTerms: 'Monthly service report by the fifth working day; quarterly service review.', ReviewFrequencyMonths: 3, NextReviewDate: d.date(18),
        },
        people: { Owner: 'chloe' },
        links: { Service: service('SVC-01'), Counterparty: party('IP-01') },
      },
      {
        key: 'SLA-002',
        fields: {
          Title: 'OLA – Kestrel Group Shared Services – finance and payroll', Ref: 'SLA-002', Status: 'Active', PrimaryClause: '8.3.4.2', ClauseRefs: ['8.3.4.2'], AgreementType: 'OLA / internal supplier agreement',
          StartDate: d.date(-200), EndDate: d.date(165), ReportingTerms: 'Month-end cost pack by working day 3.', ReviewFrequencyMonths: 12, NextReviewDate: d.date(150),
        },
        people: { Owner: 'ben' },
        links: { Counterparty: party('IP-13') },
      },
      {
        key: 'SLA-003',
        fields: {
          Title: 'Site access agreement – Aldermoor County Council', Ref: 'SLA-003', Status: 'Active', PrimaryClause: '8.3.4.2', ClauseRefs: ['8.3.4.2'], AgreementType: 'Customer-as-supplier agreement',
          StartDate: d.date(-250), EndDate: d.date(115), WorkloadLimits: 'Escorted access within 2 working days of a request.', ReviewFrequencyMonths: 12, NextReviewDate: d.date(100),
        },
        people: { Owner: 'ben' },
        links: { Service: service('SVC-05'), Counterparty: party('IP-14') },
      },
    ],
  };
}

export function serviceLevelTargets(): SeedList {
  const target = (key: string, metric: string, comparator: string, value: number, unit: string): SeedItem => ({
    key,
    fields: { Title: key, Comparator: comparator, TargetValue: value, Unit: unit, MeasurementWindow: 'Monthly' },
    links: { Agreement: link('serviceAgreements', 'SLA-001'), Metric: link('metrics', metric) },
  });
  return {
    list: 'serviceLevelTargets',
    items: [
      target('SLA-001 · P1/P2 resolved within target', 'KPI-01', '≥', 95, '%'),
      target('SLA-001 · Customer satisfaction', 'KPI-02', '≥', 4.4, 'score (1–5)'),
    ],
  };
}
