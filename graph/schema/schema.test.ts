/**
 * Rules a provisioning run (SharePoint would refuse or degrade) or an auditor (the domain model of
 * §5 would not be what was built) would notice. Expected names are copied from
 * shared/domain/iso20000-domain.md §5.2–§5.6, not read from the schema.
 */
import { describe, expect, it } from 'vitest';
import {
  SMS_LISTS,
  columnOf,
  indexedColumns,
  isIndexable,
  listByDisplayName,
  listByKey,
  statusColumnOf,
  type SmsListSchema,
} from './index.js';

function list(displayName: string): SmsListSchema {
  const found = listByDisplayName(displayName);
  if (!found) throw new Error(`no list named ${displayName}`);
  return found;
}

function indexedNames(l: SmsListSchema): string[] {
  return indexedColumns(l).map((c) => c.name);
}

/** Every column marked `[IX]` in §5.4 (plus the §5.6 table), per list display name. */
const IX_FROM_DOMAIN: Record<string, string[]> = {
  'SMS Documents': ['DocId', 'DocType', 'DocStatus', 'Owner', 'Process', 'NextReviewDate', 'PrimaryClause'],
  'Document Releases': ['Document', 'DocId', 'VersionStatus'],
  'Document Approvals': ['DocumentVersion', 'Assignee', 'Decision'],
  // Issue 11 splits the domain's Acknowledgement into campaigns, requests and the evidence (ADR 0007).
  'Acknowledgement Campaigns': ['DocumentVersionId', 'DocId', 'CampaignStatus', 'StartKey'],
  'Acknowledgement Requests': ['RequestKey', 'CampaignId', 'DocumentVersionId', 'DocId', 'UserUPN', 'RequestStatus', 'DueDate'],
  Acknowledgements: ['AckKey', 'UserUPN', 'DocId', 'DocumentVersionId', 'AcknowledgedOn'],
  'SMS Records': ['RecordType', 'Ref', 'PrimaryClause', 'Service', 'PeriodYear'],
  'Context Issues': ['NextReview'],
  'Interested Parties': ['PartyType', 'RelationshipOwner'],
  Processes: ['PrimaryClause', 'ProcessOwner'],
  'SMS Roles': ['Person', 'PersonUPN', 'Role'],
  Services: ['ServiceOwner', 'Criticality', 'LifecycleStatus', 'InScope'],
  'Service Agreements': ['AgreementType', 'Service', 'EndDate', 'NextReviewDate', 'Status'],
  'Service Level Targets': ['Agreement', 'Metric'],
  Metrics: ['Service', 'Process'],
  'Metric Readings': ['MetricRef', 'Metric', 'Service', 'PeriodStart', 'Met'],
  Suppliers: ['SupplierType', 'ContractEnd', 'RelationshipManager', 'NextReviewDate', 'Status'],
  'Supplier Reviews': ['Supplier', 'ReviewDate'],
  'Complaints & Disputes': ['CaseType', 'Service', 'ReceivedOn', 'Status'],
  'Risk Register': ['RiskKind', 'Category', 'Process', 'ResidualScore', 'ReviewDate', 'Status'],
  Objectives: ['Owner', 'DueDate', 'RAG', 'Period', 'Status'],
  Nonconformities: ['Source', 'SourceRef', 'Grade', 'PrimaryClause', 'Process', 'RaisedOn', 'Owner', 'DueDate', 'EffectivenessCheckDate', 'Status'],
  Actions: ['AssignedToUPN', 'AssignedTo', 'Status', 'DueDate', 'ActionType', 'SourceType', 'SourceItemId', 'SourceRef', 'PlannerTaskId', 'Ref', 'Owner'],
  'Improvement Register': ['Source', 'PriorityScore', 'Decision', 'Owner', 'DueDate', 'Status'],
  'Audit Programmes': ['ProgrammeManager', 'Status'],
  Audits: ['Programme', 'AuditType', 'LeadAuditor', 'PlannedStart', 'Status'],
  'Audit Findings': ['Audit', 'FindingType', 'PrimaryClause', 'Process', 'Status'],
  'Management Reviews': ['MeetingDate', 'Status'],
  'Review Inputs': ['Review', 'InputCategory', 'Preparer', 'Status'],
  'Review Outputs': ['Review', 'OutputType', 'Owner', 'DueDate', 'Status'],
  'Role Competence Requirements': ['Role'],
  'Competence Records': ['PersonUPN', 'Person', 'Requirement', 'ExpiresOn', 'Status'],
  'Continuity Tests': ['Service', 'PlannedDate', 'Status'],
  'SMS Audit Trail': ['EntityType', 'EntityRef', 'Timestamp', 'ActorUPN'],
};

/** SharePoint's own field names a custom column must not take. */
const RESERVED = ['ID', 'Created', 'Modified', 'Author', 'Editor', 'ContentType', 'ContentTypeId', 'Attachments', 'FileLeafRef', 'FileRef', 'FileDirRef', 'GUID', 'Order', 'LinkTitle', 'LinkFilename', 'DocIcon'];

describe('lists of the SMS site', () => {
  it('has every list and library of the §5.2 catalogue plus settings, sequences and the audit trail', () => {
    const names = SMS_LISTS.map((l) => l.displayName);
    for (const expected of [
      'SMS Documents',
      'Document Releases',
      'Document Approvals',
      'Acknowledgements',
      'SMS Records',
      'Context Issues',
      'Interested Parties',
      'Processes',
      'SMS Roles',
      'Services',
      'Service Agreements',
      'Service Level Targets',
      'Metrics',
      'Metric Readings',
      'Suppliers',
      'Supplier Reviews',
      'Complaints & Disputes',
      'Risk Register',
      'Objectives',
      'Nonconformities',
      'Actions',
      'Improvement Register',
      'Audit Programmes',
      'Audits',
      'Audit Findings',
      'Management Reviews',
      'Review Inputs',
      'Review Outputs',
      'Role Competence Requirements',
      'Competence Records',
      'Continuity Tests',
      'SMS Audit Trail',
      'SMS Settings',
      'SMS Sequences',
    ]) {
      expect(names, expected).toContain(expected);
    }
  });

  it('uses unique keys and unique display names (SharePoint list titles compare case-insensitively)', () => {
    expect(new Set(SMS_LISTS.map((l) => l.key)).size).toBe(SMS_LISTS.length);
    expect(new Set(SMS_LISTS.map((l) => l.displayName.toLowerCase())).size).toBe(SMS_LISTS.length);
    for (const l of SMS_LISTS) {
      expect(listByKey(l.key)).toBe(l);
      expect(l.key).toMatch(/^[a-z][A-Za-z0-9]*$/);
    }
    expect(listByKey('nonconformities')?.displayName).toBe('Nonconformities');
    expect(listByKey('no-such-list')).toBeUndefined();
  });

  it('marks exactly the large lists of §5.2/§5.6 as large', () => {
    const large = SMS_LISTS.filter((l) => l.large).map((l) => l.displayName).sort();
    expect(large).toEqual(['Acknowledgement Requests', 'Acknowledgements', 'Actions', 'Competence Records', 'Document Approvals', 'Metric Readings', 'SMS Audit Trail']);
  });

  it('makes SMS Documents and SMS Records document libraries, SMS Documents with major and minor versions', () => {
    expect(list('SMS Documents').template).toBe('documentLibrary');
    expect(list('SMS Documents').versioning).toEqual({ major: true, minor: true });
    expect(list('SMS Records').template).toBe('documentLibrary');
    expect(list('SMS Records').versioning?.major).toBe(true);
    for (const l of SMS_LISTS) {
      if (l.template === 'documentLibrary') expect(l.versioning, l.displayName).toBeDefined();
      else expect(l.versioning, l.displayName).toBeUndefined();
    }
  });
});

describe('indexes (§5.6)', () => {
  it('keeps every list at or under SharePoint’s 20 indexes, counting compound indexes', () => {
    for (const l of SMS_LISTS) {
      const count = indexedColumns(l).length + (l.compoundIndexes?.length ?? 0);
      expect(count, l.displayName).toBeLessThanOrEqual(20);
    }
  });

  it('indexes only columns of an indexable type', () => {
    for (const l of SMS_LISTS) {
      for (const c of indexedColumns(l)) expect(isIndexable(c.type), `${l.displayName}.${c.name} (${c.type})`).toBe(true);
    }
  });

  it('indexes every column that enforces unique values', () => {
    for (const l of SMS_LISTS) {
      for (const c of l.columns.filter((x) => x.unique)) expect(c.indexed, `${l.displayName}.${c.name}`).toBe(true);
    }
  });

  it('indexes every column the domain marks [IX]', () => {
    for (const [displayName, expected] of Object.entries(IX_FROM_DOMAIN)) {
      const have = indexedNames(list(displayName));
      for (const name of expected) expect(have, `${displayName}.${name}`).toContain(name);
    }
  });

  it('has the compound indexes of the §5.6 table on indexed columns', () => {
    expect(list('Acknowledgement Requests').compoundIndexes).toEqual([
      ['UserUPN', 'RequestStatus'],
      ['DocumentVersionId', 'RequestStatus'],
    ]);
    expect(list('Acknowledgements').compoundIndexes).toEqual([['UserUPN', 'DocumentVersionId']]);
    expect(list('Actions').compoundIndexes).toEqual([
      ['AssignedToUPN', 'Status'],
      ['SourceType', 'SourceItemId'],
    ]);
    expect(list('Metric Readings').compoundIndexes).toEqual([['MetricRef', 'PeriodStart']]);
    expect(list('Competence Records').compoundIndexes).toEqual([['PersonUPN', 'Status']]);
    expect(list('Document Approvals').compoundIndexes).toEqual([['AssigneeUPN', 'Decision']]);
    expect(list('SMS Records').compoundIndexes).toEqual([['RecordType', 'PeriodYear']]);
    expect(list('SMS Audit Trail').compoundIndexes).toEqual([['EntityRef', 'Timestamp']]);
    for (const l of SMS_LISTS) {
      for (const pair of l.compoundIndexes ?? []) {
        for (const name of pair) expect(indexedNames(l), `${l.displayName} (${pair.join(', ')})`).toContain(name);
      }
    }
  });

  it('gives the large lists the parallel UPN text columns, indexed, next to their person columns', () => {
    // Acknowledgement lists name people by UPN and Entra id only: nobody writes a person column there (ADR 0007).
    const pairs: [string, string, string][] = [
      ['Actions', 'AssignedTo', 'AssignedToUPN'],
      ['Competence Records', 'Person', 'PersonUPN'],
      ['SMS Audit Trail', 'Actor', 'ActorUPN'],
    ];
    for (const [displayName, personName, upnName] of pairs) {
      const l = list(displayName);
      expect(columnOf(l, personName)?.type, `${displayName}.${personName}`).toBe('person');
      const upn = columnOf(l, upnName);
      expect(upn?.type, `${displayName}.${upnName}`).toBe('text');
      expect(upn?.indexed, `${displayName}.${upnName}`).toBe(true);
    }
  });

  it('starts every large list with indexed columns a first filter can use', () => {
    for (const l of SMS_LISTS.filter((x) => x.large)) expect(indexedColumns(l).length, l.displayName).toBeGreaterThanOrEqual(3);
  });
});

describe('columns', () => {
  it('uses valid, unique internal names that do not clash with SharePoint’s own fields', () => {
    for (const l of SMS_LISTS) {
      const names = l.columns.map((c) => c.name);
      expect(new Set(names.map((n) => n.toLowerCase())).size, l.displayName).toBe(names.length);
      for (const c of l.columns) {
        expect(c.name, `${l.displayName}.${c.name}`).toMatch(/^[A-Za-z][A-Za-z0-9]*$/);
        expect(c.name.length, `${l.displayName}.${c.name}`).toBeLessThanOrEqual(32);
        expect(RESERVED.map((r) => r.toLowerCase()), `${l.displayName}.${c.name}`).not.toContain(c.name.toLowerCase());
        expect(c.displayName.trim().length, `${l.displayName}.${c.name}`).toBeGreaterThan(0);
      }
      expect(new Set(l.columns.map((c) => c.displayName.toLowerCase())).size, `${l.displayName} display names`).toBe(l.columns.length);
    }
  });

  it('starts every list with the built-in Title column and creates no other built-in', () => {
    for (const l of SMS_LISTS) {
      expect(l.columns[0]?.name, l.displayName).toBe('Title');
      expect(l.columns.filter((c) => c.builtIn).map((c) => c.name), l.displayName).toEqual(['Title']);
    }
  });

  it('points every lookup at a list that exists, showing a single-value column of it', () => {
    let lookups = 0;
    for (const l of SMS_LISTS) {
      for (const c of l.columns.filter((x) => x.type === 'lookup' || x.type === 'lookupMulti')) {
        lookups++;
        const target = listByKey(c.lookupList ?? '');
        expect(target, `${l.displayName}.${c.name} → ${c.lookupList}`).toBeDefined();
        const shown = columnOf(target!, c.lookupColumn ?? 'Title');
        expect(shown, `${l.displayName}.${c.name} shows ${c.lookupColumn ?? 'Title'}`).toBeDefined();
        expect(['text', 'number', 'dateOnly', 'dateTime'], `${l.displayName}.${c.name}`).toContain(shown!.type);
      }
      for (const c of l.columns.filter((x) => x.type !== 'lookup' && x.type !== 'lookupMulti')) {
        expect(c.lookupList, `${l.displayName}.${c.name}`).toBeUndefined();
      }
    }
    expect(lookups).toBeGreaterThan(30);
  });

  it('stays under the lookup-column threshold of 12 per query, counting Created By and Modified By', () => {
    for (const l of SMS_LISTS) {
      const lookupLike = l.columns.filter((c) => ['lookup', 'lookupMulti', 'person', 'personMulti'].includes(c.type)).length;
      expect(lookupLike + 2, l.displayName).toBeLessThanOrEqual(12);
    }
  });

  it('gives choice columns distinct non-empty choices and defaults that are among them', () => {
    for (const l of SMS_LISTS) {
      for (const c of l.columns) {
        if (c.type === 'choice' || c.type === 'multiChoice') {
          expect(c.choices?.length, `${l.displayName}.${c.name}`).toBeGreaterThan(0);
          expect(new Set(c.choices).size, `${l.displayName}.${c.name}`).toBe(c.choices!.length);
          if (c.default !== undefined) expect(c.choices, `${l.displayName}.${c.name}`).toContain(c.default);
        } else {
          expect(c.choices, `${l.displayName}.${c.name}`).toBeUndefined();
        }
      }
    }
  });

  it('puts the §5.3 common columns on every register list', () => {
    const registers = SMS_LISTS.filter((l) => l.kind === 'register');
    expect(registers.map((l) => l.displayName)).toEqual(expect.arrayContaining(['Nonconformities', 'Actions', 'Risk Register', 'Audits', 'Objectives']));
    for (const l of registers) {
      const ref = columnOf(l, 'Ref');
      expect(ref?.type, l.displayName).toBe('text');
      expect(ref?.unique && ref.indexed, `${l.displayName}.Ref`).toBe(true);
      const status = columnOf(l, statusColumnOf(l) ?? '');
      expect(status?.type, `${l.displayName} status`).toBe('choice');
      expect(status?.indexed, `${l.displayName} status`).toBe(true);
      const owner = columnOf(l, 'Owner');
      expect(owner?.type, `${l.displayName}.Owner`).toBe('person');
      expect(owner?.indexed, `${l.displayName}.Owner`).toBe(true);
      const primary = columnOf(l, 'PrimaryClause');
      expect(primary?.type, `${l.displayName}.PrimaryClause`).toBe('text');
      expect(primary?.indexed, `${l.displayName}.PrimaryClause`).toBe(true);
      const clauseRefs = columnOf(l, 'ClauseRefs');
      expect(clauseRefs?.type, `${l.displayName}.ClauseRefs`).toBe('multiChoice');
      expect(clauseRefs?.choices, `${l.displayName}.ClauseRefs`).toHaveLength(77);
      expect(clauseRefs?.choices).toEqual(expect.arrayContaining(['4.1', '8.5.1.3', '10.2']));
      expect(l.refPrefix, l.displayName).toMatch(/^[A-Z]+$/);
    }
  });

  it('keeps the single Service / Process lookups indexed and multi-service links as multi lookups', () => {
    for (const l of SMS_LISTS) {
      const service = columnOf(l, 'Service');
      if (service) {
        expect(service.type, `${l.displayName}.Service`).toBe('lookup');
        expect(service.lookupList).toBe('services');
        expect(service.indexed, `${l.displayName}.Service`).toBe(true);
      }
      const process = columnOf(l, 'Process');
      if (process) {
        expect(process.lookupList).toBe('processes');
        expect(process.indexed, `${l.displayName}.Process`).toBe(true);
      }
      const servicesMulti = columnOf(l, 'Services');
      if (servicesMulti) expect(servicesMulti.type, `${l.displayName}.Services`).toBe('lookupMulti');
    }
  });

  it('uses distinct Ref prefixes, so a Ref names its list', () => {
    const prefixes = SMS_LISTS.flatMap((l) => (l.refPrefix ? [l.refPrefix] : []));
    expect(new Set(prefixes).size).toBe(prefixes.length);
    expect(list('Nonconformities').refPrefix).toBe('NC');
    expect(list('Nonconformities').refFormat).toEqual({ yearly: true, digits: 3 });
    expect(list('Actions').refPrefix).toBe('ACT');
  });

  it('has the settings and sequences columns the app relies on', () => {
    const settings = list('SMS Settings');
    expect(columnOf(settings, 'Key')).toMatchObject({ type: 'text', unique: true, indexed: true });
    expect(columnOf(settings, 'Value')?.type).toBeDefined();
    expect(columnOf(settings, 'Description')?.type).toBeDefined();
    const sequences = list('SMS Sequences');
    expect(columnOf(sequences, 'SequenceName')).toMatchObject({ type: 'text', unique: true, indexed: true });
    expect(columnOf(sequences, 'Prefix')?.type).toBe('text');
    expect(columnOf(sequences, 'NextNumber')?.type).toBe('number');
  });
});

describe('statuses and transitions (§5.4)', () => {
  it('offers exactly the statuses as choices of the status column, first status as default', () => {
    for (const l of SMS_LISTS.filter((x) => x.statuses)) {
      const status = columnOf(l, statusColumnOf(l)!);
      expect(status?.choices, l.displayName).toEqual(l.statuses);
    }
    for (const l of SMS_LISTS.filter((x) => x.kind === 'register')) expect(l.statuses?.length, l.displayName).toBeGreaterThan(1);
  });

  it('only moves between known statuses, each transition once, with an actor', () => {
    for (const l of SMS_LISTS) {
      const seen = new Set<string>();
      for (const t of l.transitions ?? []) {
        expect(l.statuses, `${l.displayName}: ${t.from}`).toContain(t.from);
        expect(l.statuses, `${l.displayName}: ${t.to}`).toContain(t.to);
        expect(t.by.length, `${l.displayName}: ${t.from} → ${t.to}`).toBeGreaterThan(0);
        const key = `${t.from}→${t.to}`;
        expect(seen.has(key), `${l.displayName}: duplicate ${key}`).toBe(false);
        seen.add(key);
      }
    }
  });

  it('makes every status after the first reachable where the domain lists transitions', () => {
    for (const l of SMS_LISTS.filter((x) => x.transitions && x.transitions.length > 0)) {
      for (const s of l.statuses!.slice(1)) {
        expect(l.transitions!.some((t) => t.to === s), `${l.displayName}: nothing leads to ${s}`).toBe(true);
      }
    }
  });

  it('encodes the nonconformity lifecycle of 10.1 as written', () => {
    const nc = list('Nonconformities');
    expect(nc.statuses).toEqual([
      'Reported',
      'Under review',
      'Rejected',
      'Containment',
      'Root cause analysis',
      'Action planned',
      'Actions in progress',
      'Effectiveness check',
      'Closed',
    ]);
    const moves = nc.transitions!.map((t) => `${t.from} → ${t.to}`);
    expect(moves).toContain('Effectiveness check → Root cause analysis');
    expect(moves).toContain('Under review → Rejected');
    expect(moves).not.toContain('Reported → Closed');
  });

  it('lets only the user acknowledge, and moves Pending/Overdue to Superseded, Waived or Cancelled', () => {
    const ack = list('Acknowledgement Requests');
    const to = (target: string) => ack.transitions!.filter((t) => t.to === target).map((t) => t.from).sort();
    expect(to('Acknowledged')).toEqual(['Overdue', 'Pending']);
    expect(to('Superseded')).toEqual(['Overdue', 'Pending']);
    expect(to('Waived')).toEqual(['Overdue', 'Pending']);
    expect(to('Cancelled')).toEqual(['Overdue', 'Pending']);
    for (const t of ack.transitions!.filter((x) => x.to === 'Acknowledged')) expect(t.by.toLowerCase()).toContain('user');
  });
});
