/**
 * Catalog keys of the Actions area (strings in src/app/i18n/<lang>.json, under `actions.*`) and the
 * words for what the rules answer: a refusal's code is put into words with the register rules'
 * catalog (`registers.refusal.<code>`, src/domain/registers), never shown as the rules' English.
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionPriority, ActionStatus, ActionType } from '../../../../graph/schema/actions.js';
import type { Refusal } from '../../../domain/registers/types.js';

export const STATUS_KEYS = {
  'Not started': 'actions.status.notStarted',
  'In progress': 'actions.status.inProgress',
  Blocked: 'actions.status.blocked',
  Completed: 'actions.status.completed',
  Verified: 'actions.status.verified',
  Cancelled: 'actions.status.cancelled',
} as const satisfies Record<ActionStatus, string>;

export const TYPE_KEYS = {
  Correction: 'actions.type.correction',
  'Corrective action': 'actions.type.correctiveAction',
  'Risk treatment': 'actions.type.riskTreatment',
  'Improvement task': 'actions.type.improvementTask',
  'Audit follow-up': 'actions.type.auditFollowUp',
  'Management review output': 'actions.type.managementReviewOutput',
  'Objective plan step': 'actions.type.objectivePlanStep',
  'Document review': 'actions.type.documentReview',
  'Supplier follow-up': 'actions.type.supplierFollowUp',
  'Continuity follow-up': 'actions.type.continuityFollowUp',
  Other: 'actions.type.other',
} as const satisfies Record<ActionType, string>;

export const PRIORITY_KEYS = {
  Urgent: 'actions.priority.urgent',
  Important: 'actions.priority.important',
  Medium: 'actions.priority.medium',
  Low: 'actions.priority.low',
} as const satisfies Record<ActionPriority, string>;

/** A loosely typed `t` for keys built at run time (another area's catalog, e.g. `registers.refusal.<code>`). */
type DynamicT = (key: string, options?: Record<string, unknown>) => string;

/** Whether `value` is a rules' refusal (`{ code, params? }`). */
export function isRefusal(value: unknown): value is Refusal {
  return typeof value === 'object' && value !== null && typeof (value as { code?: unknown }).code === 'string';
}

/**
 * The refusal a failed step carries: the actions engine re-checks the rules against the record it has just
 * read and refuses with the rules' answer (an error with a `refusal`, or a refusal error with a `code`).
 * Null for any other failure (a failed write, a conflict), which is shown with "Try again".
 */
export function refusalOfError(error: unknown): Refusal | null {
  if (typeof error !== 'object' || error === null) return null;
  const carried = (error as { refusal?: unknown }).refusal;
  if (isRefusal(carried)) return carried;
  const name = (error as { name?: unknown }).name;
  if (typeof name === 'string' && /Refus/.test(name) && isRefusal(error)) {
    const params = (error as { params?: unknown }).params;
    return { code: (error as { code: string }).code, ...(params && typeof params === 'object' ? { params: params as Refusal['params'] } : {}) };
  }
  return null;
}

/**
 * A refusal in the user's language: the register rules' sentence for its code (`registers.refusal.<code>`)
 * with its parameters, or this area's own (`actions.refusal.<code>`); for a code the catalog does not know, a sentence that still says the rules refused
 * (with the code, for support).
 */
export function useRefusalText(): (refusal: Refusal) => string {
  const { t, i18n } = useTranslation();
  return useCallback(
    (refusal: Refusal) => {
      for (const key of [`registers.refusal.${refusal.code}`, `actions.refusal.${refusal.code}`]) {
        if (i18n.exists(key)) return (t as unknown as DynamicT)(key, { ...(refusal.params ?? {}) });
      }
      return t('actions.refusal.other', { code: refusal.code });
    },
    [t, i18n],
  );
}
