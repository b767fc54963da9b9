/**
 * Test-data factories (`buildX(overrides)`): one place for the values a test does not care
 * about, so each test states only what it is about.
 */
import { DEFAULT_REVIEW_CYCLE_MONTHS } from '../../src/domain/documents/constants.js';
import type { DocumentMetadata } from '../../src/features/documents/services/index.js';
import { demo } from './emulator.js';

/** UPNs of the demo-tenant people the tests act as (`people.priya`): the same as `demo`. */
export const people = demo;

/**
 * The metadata of a controlled document that passes the rules: a procedure owned by Priya (a
 * document controller), approved by Raj (top management), no reviewers or process, clause 8.7.1,
 * internal, the default review cycle, no acknowledgement, first issue.
 */
export function buildDocumentMetadata(overrides: Partial<DocumentMetadata> = {}): DocumentMetadata {
  return {
    title: 'Test Procedure',
    docType: 'Procedure',
    ownerId: people.priya,
    approverIds: [people.raj],
    reviewerIds: [],
    processId: null,
    primaryClause: '8.7.1',
    clauseRefs: ['8.7.1'],
    mandatoryItem: 'None',
    classification: 'Internal',
    reviewCycleMonths: DEFAULT_REVIEW_CYCLE_MONTHS,
    ackRequired: false,
    ackAudience: [],
    ackDueDays: 14,
    externalOrigin: false,
    issuer: null,
    changeSummary: 'First issue.',
    ...overrides,
  };
}

/** A demo user as the emulator's dev sign-in takes it. */
export function buildDemoUser(displayName: string, userPrincipalName: string): { displayName: string; userPrincipalName: string } {
  return { displayName, userPrincipalName };
}
