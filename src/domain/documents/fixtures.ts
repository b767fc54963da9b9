/**
 * Test fixtures for the document-control rules (used by the *.test.ts files of this folder only):
 * people modelled on the demo tenant (§7.3) and documents in every status.
 */
import type { DocStatus } from './constants.js';
import type { DocumentState, DocumentUser } from './types.js';

const employee = 'employee' as const;

/** People of the demo organisation, with the roles of their groups and the processes they own. */
export const people = {
  eleanor: { id: 'eleanor.marsh@kestrelms.example', roles: ['topManagement', employee], ownedProcessIds: [] },
  raj: { id: 'raj.patel@kestrelms.example', roles: ['topManagement', 'processOwner', employee], ownedProcessIds: ['PRC-02'] },
  tom: { id: 'tom.whitaker@kestrelms.example', roles: ['smsManager', 'processOwner', employee], ownedProcessIds: ['PRC-01'] },
  priya: { id: 'priya.nair@kestrelms.example', roles: ['documentController', 'processOwner', 'internalAuditor', employee], ownedProcessIds: ['PRC-07'] },
  marcus: { id: 'marcus.chen@kestrelms.example', roles: ['processOwner', employee], ownedProcessIds: ['PRC-13'] },
  david: { id: 'david.kowalski@kestrelms.example', roles: ['processOwner', employee], ownedProcessIds: ['PRC-10'] },
  gareth: { id: 'gareth.lloyd@kestrelms.example', roles: ['processOwner', employee], ownedProcessIds: ['PRC-16'] },
  omar: { id: 'omar.haddad@kestrelms.example', roles: ['internalAuditor', employee], ownedProcessIds: [] },
  fiona: { id: 'fiona.mcallister@kestrelms.example', roles: ['internalAuditor', employee], ownedProcessIds: [] },
  jack: { id: 'jack.turner@kestrelms.example', roles: [employee], ownedProcessIds: [] },
} satisfies Record<string, DocumentUser>;

export type PersonKey = keyof typeof people;

export function userById(id: string): DocumentUser | undefined {
  return Object.values(people).find((p) => p.id.toLowerCase() === id.toLowerCase());
}

/**
 * SMS-PRC-010, the incident procedure of process PRC-13: owner and author Marcus, approver Raj
 * (top management), reviewer Fiona. Published 2.0 where the status implies a release; a draft
 * 0.1 (new) or 2.1 (revision) where it implies a draft.
 */
export function procedure(status: DocStatus, overrides: Partial<DocumentState> = {}): DocumentState {
  const published = status === 'Published' || status === 'Under revision' || status === 'Withdrawn' || status === 'Archived';
  const draft = status === 'Draft' || status === 'In review' || status === 'Approved' || status === 'Under revision';
  return {
    docId: 'SMS-PRC-010',
    title: 'Incident & Major Incident Procedure',
    docType: 'Procedure',
    status,
    ownerId: people.marcus.id,
    approverIds: [people.raj.id],
    reviewerIds: [people.fiona.id],
    processId: 'PRC-13',
    primaryClause: '8.6.1',
    clauseRefs: ['8.6.1'],
    mandatoryItem: 'D15',
    classification: 'Internal',
    publishedVersion: published ? '2.0' : null,
    draftVersion: draft ? (status === 'Under revision' ? '2.1' : '0.1') : null,
    authorId: draft ? people.marcus.id : null,
    changeSummary: status === 'Under revision' ? 'Adds the major incident criteria for SVC-06.' : null,
    effectiveDate: published ? '2024-02-10' : null,
    reviewCycleMonths: 12,
    nextReviewDate: published ? '2025-02-10' : null,
    ackRequired: true,
    ackAudience: ['Kestrel-ServiceDesk'],
    ackDueDays: 14,
    externalOrigin: false,
    issuer: null,
    ...overrides,
  };
}

/**
 * SMS-POL-002, the information security policy (policy-level): owner and author Gareth,
 * approver Eleanor. Same status conventions as `procedure`.
 */
export function policy(status: DocStatus, overrides: Partial<DocumentState> = {}): DocumentState {
  return procedure(status, {
    docId: 'SMS-POL-002',
    title: 'Information Security Policy',
    docType: 'Policy',
    ownerId: people.gareth.id,
    approverIds: [people.eleanor.id],
    reviewerIds: [],
    processId: 'PRC-16',
    primaryClause: '8.7.3.1',
    clauseRefs: ['8.7.3.1'],
    mandatoryItem: 'D7',
    ackAudience: ['SMS-AllStaff'],
    ...(procedure(status).authorId ? { authorId: people.gareth.id } : {}),
    ...overrides,
  });
}

/** Freezes a value and everything in it, so a test fails if the code under test mutates it. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
