import { z } from 'zod/mini';

/**
 * The "Start a campaign" form and its validation (zod): a published release, an audience (all staff, Entra groups
 * or named people) and a due date on the site's calendar, today or later. Each problem is a code the dialog puts
 * into words next to its field.
 */
export const AUDIENCE_KINDS = ['allStaff', 'groups', 'people'] as const;
export type AudienceKind = (typeof AUDIENCE_KINDS)[number];

export type StartField = 'release' | 'groups' | 'people' | 'dueDate';
export type StartProblemCode = 'releaseRequired' | 'groupsRequired' | 'peopleRequired' | 'peopleInvalid' | 'dueDateInvalid' | 'dueDatePast';

export interface StartForm {
  /** Item id of the release in `Document Releases` (as the select's value), or '' when none is chosen. */
  readonly releaseId: string;
  readonly audience: AudienceKind;
  /** Chosen Entra group ids (audience `groups`). */
  readonly groupIds: readonly string[];
  /** UPNs, one per line or separated by commas or semicolons (audience `people`). */
  readonly people: string;
  /** YYYY-MM-DD (a date input's value). */
  readonly dueDate: string;
}

export interface StartFormValues {
  readonly releaseId: number;
  readonly audience: AudienceKind;
  readonly groupIds: readonly string[];
  readonly people: readonly string[];
  readonly dueDate: string;
}

export interface StartProblem {
  readonly field: StartField;
  readonly code: StartProblemCode;
  /** The entries a problem is about (e.g. the UPNs that are not addresses). */
  readonly values?: readonly string[];
}

/** UPNs typed in a box: split on new lines, commas and semicolons, trimmed, lower-case, each once. */
export const peopleOf = (text: string): string[] => [
  ...new Set(
    text
      .split(/[\n,;]+/)
      .map((s) => s.trim().toLowerCase())
      .filter((s) => s !== ''),
  ),
];

const UPN = z.email();
const calendarDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

/** The form's schema for a site whose date today is `today`. */
export function startFormSchema(today: string) {
  return z
    .object({
      releaseId: z.string().check(z.regex(/^[1-9]\d*$/, 'releaseRequired')),
      audience: z.enum(AUDIENCE_KINDS),
      groupIds: z.array(z.string()),
      people: z.string(),
      dueDate: z.string().check(z.refine(calendarDate, 'dueDateInvalid'), z.refine((s) => !calendarDate(s) || s >= today, 'dueDatePast')),
    })
    .check(
      z.refine((f) => f.audience !== 'groups' || f.groupIds.length > 0, { message: 'groupsRequired', path: ['groupIds'] }),
      z.refine((f) => f.audience !== 'people' || peopleOf(f.people).length > 0, { message: 'peopleRequired', path: ['people'] }),
      z.refine((f) => f.audience !== 'people' || peopleOf(f.people).every((p) => UPN.safeParse(p).success), { message: 'peopleInvalid', path: ['people'] }),
    );
}

const FIELD_OF: Readonly<Record<string, StartField>> = { releaseId: 'release', groupIds: 'groups', people: 'people', dueDate: 'dueDate' };

/** The form's values, or its problems (one per field, the first found). */
export function validateStartForm(form: StartForm, today: string): { ok: true; values: StartFormValues } | { ok: false; problems: StartProblem[] } {
  const parsed = startFormSchema(today).safeParse(form);
  if (parsed.success) {
    return { ok: true, values: { releaseId: Number(form.releaseId), audience: form.audience, groupIds: form.groupIds, people: peopleOf(form.people), dueDate: form.dueDate } };
  }
  const problems: StartProblem[] = [];
  for (const issue of parsed.error.issues) {
    const field = FIELD_OF[String(issue.path[0] ?? '')];
    if (!field || problems.some((p) => p.field === field)) continue;
    const code = issue.message as StartProblemCode;
    problems.push(code === 'peopleInvalid' ? { field, code, values: peopleOf(form.people).filter((p) => !UPN.safeParse(p).success) } : { field, code });
  }
  return { ok: false, problems };
}

/**
 * The start key of a dialog's attempt: the dialog's own key plus a digest of what it asks, so "Try again" after a
 * failure (same inputs) finds the campaign a lost answer created, and changed inputs start a campaign of their own.
 */
export function startKeyOf(dialogKey: string, values: StartFormValues): string {
  const text = JSON.stringify([values.releaseId, values.audience, [...values.groupIds].sort(), [...values.people].sort(), values.dueDate]);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return `ondemand:${dialogKey}:${h.toString(16).padStart(8, '0')}`;
}
