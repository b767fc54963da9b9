/**
 * SMS role appointments (domain §7.3), role competence requirements and competence records
 * (§7.5 "Competence records"), plus the app settings the demo relies on.
 */
import type { SeedDates } from '../dates.js';
import { link, type PersonKey, type SeedItem, type SeedList } from '../types.js';

/** Display names of the demo people (§7.3), used in titles only. */
export const PERSON_NAMES: Readonly<Record<PersonKey, string>> = {
  eleanor: 'Eleanor Marsh',
  raj: 'Raj Patel',
  hannah: 'Hannah Okafor',
  tom: 'Tom Whitaker',
  priya: 'Priya Nair',
  marcus: 'Marcus Chen',
  david: 'David Kowalski',
  aisha: 'Aisha Rahman',
  gareth: 'Gareth Lloyd',
  chloe: 'Chloe Dubois',
  ben: 'Ben Adeyemi',
  laura: 'Laura Jensen',
  sofia: 'Sofia Almeida',
  omar: 'Omar Haddad',
  fiona: 'Fiona McAllister',
  jack: 'Jack Turner',
};

type Appointment = readonly [PersonKey, string, { process?: string; service?: string }?];

const APPOINTMENTS: readonly Appointment[] = [
  ['eleanor', 'Top management'],
  ['raj', 'Top management'],
  ['raj', 'Process owner', { process: 'PRC-05' }],
  ['raj', 'Process owner', { process: 'PRC-11' }],
  ['raj', 'Process owner', { process: 'PRC-22' }],
  ['hannah', 'Top management'],
  ['hannah', 'Process owner', { process: 'PRC-21' }],
  ['tom', 'SMS manager'],
  ['tom', 'Audit programme manager'],
  ['tom', 'Process owner', { process: 'PRC-01' }],
  ['priya', 'Document controller'],
  ['priya', 'Internal auditor'],
  ['priya', 'Process owner', { process: 'PRC-02' }],
  ['marcus', 'Process owner', { process: 'PRC-13' }],
  ['marcus', 'Process owner', { process: 'PRC-14' }],
  ['marcus', 'Process owner', { process: 'PRC-04' }],
  ['marcus', 'Service owner', { service: 'SVC-01' }],
  ['david', 'Process owner', { process: 'PRC-10' }],
  ['david', 'Process owner', { process: 'PRC-12' }],
  ['david', 'Process owner', { process: 'PRC-23' }],
  ['david', 'Process owner', { process: 'PRC-24' }],
  ['david', 'Service owner', { service: 'SVC-03' }],
  ['david', 'Service owner', { service: 'SVC-05' }],
  ['aisha', 'Process owner', { process: 'PRC-17' }],
  ['aisha', 'Process owner', { process: 'PRC-18' }],
  ['aisha', 'Process owner', { process: 'PRC-19' }],
  ['gareth', 'Process owner', { process: 'PRC-16' }],
  ['gareth', 'Process owner', { process: 'PRC-15' }],
  ['gareth', 'Service owner', { service: 'SVC-04' }],
  ['gareth', 'Service owner', { service: 'SVC-06' }],
  ['chloe', 'Process owner', { process: 'PRC-09' }],
  ['chloe', 'Process owner', { process: 'PRC-08' }],
  ['chloe', 'Process owner', { process: 'PRC-06' }],
  ['chloe', 'Process owner', { process: 'PRC-25' }],
  ['chloe', 'Service owner', { service: 'SVC-02' }],
  ['ben', 'Process owner', { process: 'PRC-20' }],
  ['ben', 'Process owner', { process: 'PRC-07' }],
  ['laura', 'Process owner', { process: 'PRC-03' }],
  ['sofia', 'Line manager'],
  ['sofia', 'Employee'],
  ['omar', 'Internal auditor'],
  ['omar', 'Employee'],
  ['fiona', 'Internal auditor'],
  ['fiona', 'Employee'],
  ['jack', 'Employee'],
];

export function smsRoles(d: SeedDates): SeedList {
  return {
    list: 'smsRoles',
    items: APPOINTMENTS.map(([person, role, scope]): SeedItem => {
      const suffix = scope?.process ?? scope?.service;
      const key = `${PERSON_NAMES[person]} – ${role}${suffix ? ` (${suffix})` : ''}`;
      return {
        key,
        fields: {
          Title: key,
          Role: role,
          ValidFrom: d.date(person === 'jack' ? -10 : -610),
          AppointmentRef: role === 'Employee' ? 'Contract of employment' : 'MR-2024-H2 minutes',
        },
        people: { Person: person, AppointedBy: role === 'Top management' ? 'eleanor' : 'tom' },
        links: {
          ...(scope?.process ? { ScopeProcess: link('processes', scope.process) } : {}),
          ...(scope?.service ? { ScopeService: link('services', scope.service) } : {}),
        },
      };
    }),
  };
}

export function roleCompetenceRequirements(): SeedList {
  const req = (key: string, role: string, competence: string, level: string, evidence: string, renewal: number, mandatory: boolean): SeedItem => ({
    key,
    fields: { Title: key, Role: role, Competence: competence, RequiredLevel: level, EvidenceExpected: evidence, RenewalMonths: renewal, Mandatory: mandatory },
  });
  return {
    list: 'roleCompetenceRequirements',
    items: [
      req('Internal auditor – ISO/IEC 20000-1 internal auditor', 'Internal auditor', 'ISO/IEC 20000-1 internal auditor', 'Practitioner', 'Certificate', 36, true),
      req('Process owner – ITIL 4 Foundation', 'Process owner', 'ITIL 4 Foundation', 'Awareness', 'Certificate', 0, false),
      req('Line manager – Major incident manager training', 'Line manager', 'Major incident manager training', 'Practitioner', 'Training', 24, true),
      req('Employee – Kestrel service desk induction', 'Employee', 'Kestrel service desk induction', 'Awareness', 'Training', 0, true),
      req('Employee – Azure Administrator Associate', 'Employee', 'Azure Administrator Associate', 'Practitioner', 'Certificate', 12, false),
    ],
  };
}

export function competenceRecords(d: SeedDates): SeedList {
  const record = (
    ref: string,
    person: PersonKey,
    competence: string,
    requirement: string,
    fields: SeedItem['fields'],
    verifiedBy: PersonKey,
  ): SeedItem => ({
    key: ref,
    fields: { Title: `${PERSON_NAMES[person]} – ${competence}`, Ref: ref, PrimaryClause: '7.2', ClauseRefs: ['7.2'], ...fields },
    people: { Owner: person, Person: person, VerifiedBy: verifiedBy },
    links: { Requirement: link('roleCompetenceRequirements', requirement) },
  });
  const auditor = 'Internal auditor – ISO/IEC 20000-1 internal auditor';
  return {
    list: 'competenceRecords',
    items: [
      record('CR-2025-0001', 'omar', 'ISO/IEC 20000-1 internal auditor', auditor, { Status: 'Valid', EvidenceType: 'Certification', Provider: 'Northern Quality Academy', CompletedOn: d.date(-395), ExpiresOn: d.date(700), EffectivenessChecked: true, EffectivenessMethod: 'Witnessed audit IA-2025-01' }, 'tom'),
      record('CR-2025-0002', 'fiona', 'ISO/IEC 20000-1 internal auditor', auditor, { Status: 'Valid', EvidenceType: 'Certification', Provider: 'Northern Quality Academy', CompletedOn: d.date(-395), ExpiresOn: d.date(700), EffectivenessChecked: true, EffectivenessMethod: 'Witnessed audit IA-2025-02' }, 'tom'),
      record('CR-2025-0003', 'priya', 'ISO/IEC 20000-1 internal auditor', auditor, { Status: 'Valid', EvidenceType: 'Certification', Provider: 'Northern Quality Academy', CompletedOn: d.date(-520), ExpiresOn: d.date(575), EffectivenessChecked: false }, 'tom'),
      record('CR-2025-0004', 'marcus', 'ITIL 4 Foundation', 'Process owner – ITIL 4 Foundation', { Status: 'Valid', EvidenceType: 'Certification', Provider: 'PeopleCert', CompletedOn: d.date(-900) }, 'raj'),
      record('CR-2025-0005', 'sofia', 'Major incident manager training', 'Line manager – Major incident manager training', { Status: 'Valid', EvidenceType: 'Training', Provider: 'Kestrel Academy', CompletedOn: d.date(-210), ExpiresOn: d.date(520), EffectivenessChecked: true, EffectivenessMethod: 'Ran the bridge of a P1 under observation' }, 'marcus'),
      record('CR-2025-0006', 'jack', 'Kestrel service desk induction', 'Employee – Kestrel service desk induction', { Status: 'In progress', EvidenceType: 'Training', Provider: 'Kestrel Academy' }, 'sofia'),
      record('CR-2025-0007', 'fiona', 'Azure Administrator Associate', 'Employee – Azure Administrator Associate', { Status: 'Valid', EvidenceType: 'Certification', Provider: 'Microsoft', CompletedOn: d.date(-340), ExpiresOn: d.date(25) }, 'david'),
    ],
  };
}

/** App settings the demo uses; `DemoSeeded` is written last by the seed itself. */
export function smsSettings(): SeedList {
  const setting = (key: string, value: string, description: string): SeedItem => ({ key, fields: { Title: key, Key: key, Value: value, Description: description } });
  return {
    list: 'smsSettings',
    items: [
      setting('RiskAcceptance.OwnerMaxScore', '6', 'Highest residual score a risk owner may accept.'),
      setting('RiskAcceptance.SmsManagerMaxScore', '9', 'Highest residual score the SMS manager may accept; above this, top management decides.'),
      setting('Improvement.CostThreshold', '5000', 'Improvements estimated above this cost (GBP) need a top-management decision.'),
      setting('Acknowledgement.DefaultDueDays', '14', 'Days a person has to acknowledge a newly published document.'),
    ],
  };
}
