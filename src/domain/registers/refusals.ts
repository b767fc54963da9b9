/**
 * The refusal codes of the register rules, in one list: every rule builds its refusal with `refuse`,
 * so a code that is not listed here does not compile, and the catalogs hold a text for each listed
 * code (`registers.refusal.<code>`, checked by lifecycle.test.ts). Meanings: lifecycle.ts.
 */
import type { Refusal } from './types.js';

/** Every refusal code the register rules return (the table at the top of lifecycle.ts). */
export const REFUSAL_CODES = [
  'transitionNotAllowed',
  'reportToSmsTeam',
  'systemOnly',
  'notSystemTransition',
  'notOwner',
  'notSmsManager',
  'notTopManagement',
  'topManagementForMajor',
  'notServiceOwner',
  'notRelationshipManager',
  'notLineManager',
  'notPersonOrLineManager',
  'notVerifier',
  'notDecider',
  'notAssignee',
  'notManagerOrSourceOwner',
  'cannotRaiseAction',
  'ownerCannotVerify',
  'assigneeCannotVerify',
  'personCannotVerifyOwn',
  'acceptanceNeedsSmsManager',
  'acceptanceNeedsTopManagement',
  'decisionNeedsTopManagement',
  'reasonRequired',
  'fieldRequired',
  'correctiveActionRequired',
  'actionsOpen',
  'closeNeedsEffective',
  'reopenNeedsNotEffective',
  'notYetDue',
  'targetNotMet',
  'targetMet',
  'targetAlreadyAchieved',
  'agreementEnded',
  'verificationNotNeeded',
  'recordClosed',
  'notEditor',
  'cannotCreate',
  'columnNotEditable',
  'useTransition',
  'assigneeNotInGroup',
] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];

/** A refusal with this code (and params for its text). */
export function refuse(code: RefusalCode, params?: Readonly<Record<string, string | number>>): Refusal {
  return params ? { code, params } : { code };
}
