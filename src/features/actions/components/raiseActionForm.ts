import { z } from 'zod/mini';
import { ACTION_PRIORITIES, ACTION_TYPES, type ActionPriority, type ActionSourceType, type ActionType } from '../../../../graph/schema/actions.js';

/**
 * The "Raise action" form and its validation (zod): a title, an action type, an assignee from the directory, a
 * due date on the site's calendar (today or later), a priority and an optional description. Each problem is a
 * code the dialog puts into words next to its field.
 */
export type RaiseField = 'title' | 'actionType' | 'assignee' | 'dueDate' | 'priority' | 'description';
export type RaiseProblemCode = 'titleRequired' | 'titleTooLong' | 'typeRequired' | 'assigneeRequired' | 'dueDateInvalid' | 'dueDatePast' | 'descriptionTooLong';

export interface RaiseForm {
  readonly title: string;
  /** An `ActionType`, or '' when none is chosen. */
  readonly actionType: string;
  /** Lower-case UPN of a person in the directory, or ''. */
  readonly assigneeId: string;
  /** YYYY-MM-DD (a date input's value). */
  readonly dueDate: string;
  readonly priority: ActionPriority;
  readonly description: string;
}

export interface RaiseValues {
  readonly title: string;
  readonly actionType: ActionType;
  readonly assigneeId: string;
  readonly dueDate: string;
  readonly priority: ActionPriority;
  readonly description: string | null;
}

export interface RaiseProblem {
  readonly field: RaiseField;
  readonly code: RaiseProblemCode;
}

/** A Planner task title holds 255 characters; the task's title is `[ACT-0000] ` plus the action's. */
export const TITLE_MAX = 240;
export const DESCRIPTION_MAX = 4000;

/** The action type a register's records raise by default (a nonconformity: a corrective action, …). */
export const DEFAULT_TYPE_BY_SOURCE: Readonly<Partial<Record<ActionSourceType, ActionType>>> = {
  Nonconformity: 'Corrective action',
  Complaint: 'Corrective action',
  Risk: 'Risk treatment',
  ContinuityTest: 'Continuity follow-up',
  Objective: 'Objective plan step',
  Improvement: 'Improvement task',
  Audit: 'Audit follow-up',
  AuditFinding: 'Audit follow-up',
  ManagementReview: 'Management review output',
  ReviewOutput: 'Management review output',
  ControlledDocument: 'Document review',
  SupplierReview: 'Supplier follow-up',
};

export const emptyRaiseForm = (sourceType: ActionSourceType): RaiseForm => ({
  title: '',
  actionType: DEFAULT_TYPE_BY_SOURCE[sourceType] ?? '',
  assigneeId: '',
  dueDate: '',
  priority: 'Medium',
  description: '',
});

const calendarDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

/** The form's schema for a site whose date today is `today`, with the people the directory knows (lower-case UPNs). */
export function raiseFormSchema(today: string, known: (id: string) => boolean) {
  return z.object({
    title: z.string().check(
      z.refine((s) => s.trim() !== '', 'titleRequired'),
      z.refine((s) => s.trim().length <= TITLE_MAX, 'titleTooLong'),
    ),
    actionType: z.string().check(z.refine((s) => (ACTION_TYPES as readonly string[]).includes(s), 'typeRequired')),
    assigneeId: z.string().check(z.refine((s) => s !== '' && known(s), 'assigneeRequired')),
    dueDate: z.string().check(
      z.refine(calendarDate, 'dueDateInvalid'),
      z.refine((s) => !calendarDate(s) || s >= today, 'dueDatePast'),
    ),
    priority: z.enum(ACTION_PRIORITIES),
    description: z.string().check(z.refine((s) => s.length <= DESCRIPTION_MAX, 'descriptionTooLong')),
  });
}

const FIELD_OF: Readonly<Record<string, RaiseField>> = { title: 'title', actionType: 'actionType', assigneeId: 'assignee', dueDate: 'dueDate', priority: 'priority', description: 'description' };

/** The form's values (trimmed), or its problems (one per field, the first found). */
export function validateRaiseForm(form: RaiseForm, today: string, known: (id: string) => boolean): { ok: true; values: RaiseValues } | { ok: false; problems: RaiseProblem[] } {
  const parsed = raiseFormSchema(today, known).safeParse(form);
  if (parsed.success) {
    const description = form.description.trim();
    return { ok: true, values: { title: form.title.trim(), actionType: form.actionType as ActionType, assigneeId: form.assigneeId, dueDate: form.dueDate, priority: form.priority, description: description === '' ? null : description } };
  }
  const problems: RaiseProblem[] = [];
  for (const issue of parsed.error.issues) {
    const field = FIELD_OF[String(issue.path[0] ?? '')];
    if (!field || problems.some((p) => p.field === field)) continue;
    problems.push({ field, code: issue.message as RaiseProblemCode });
  }
  return { ok: false, problems };
}
