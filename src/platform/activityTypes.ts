/**
 * The Teams activity feed notifications the app sends with
 * `POST /users/{id}/teamwork/sendActivityNotification` (delegated `TeamsActivity.Send`):
 * https://learn.microsoft.com/graph/api/userteamwork-sendactivitynotification
 *
 * Graph only accepts an `activityType` that the Teams app manifest declares in
 * `activities.activityTypes`, and fills the `{name}` placeholders of that declaration's
 * `templateText` from the request's `templateParameters` (`{actor}` is special: Teams puts the
 * caller's name there). See https://learn.microsoft.com/graph/teams-send-activityfeednotifications.
 *
 * This module is the single list both sides use: the code that sends notifications imports it (src/app
 * re-exports it from src/app/activityTypes.ts),
 * and `npm run package` (scripts/package.ts) fails when the manifest and this list disagree in
 * either direction, or when a template's placeholders differ from the parameters named here.
 */
export const ACTIVITY_TYPES = {
  /** A controlled document was published and the recipient must read and acknowledge it. */
  acknowledgementRequested: { templateParameters: ['documentTitle'] },
  /** An acknowledgement is still outstanding close to (or after) its due date. */
  acknowledgementReminder: { templateParameters: ['documentTitle', 'dueDate'] },
  /** A document, change or record waits for the recipient's approval. */
  approvalRequested: { templateParameters: ['itemTitle'] },
  /** A corrective or improvement action assigned to the recipient is past its due date. */
  actionOverdue: { templateParameters: ['actionTitle', 'dueDate'] },
  /** A corrective or improvement action was assigned to the recipient. */
  actionAssigned: { templateParameters: ['actionTitle', 'dueDate'] },
  /** A management review the recipient takes part in was scheduled. */
  reviewScheduled: { templateParameters: ['reviewTitle', 'reviewDate'] },
  /** An internal audit the recipient takes part in (auditor or auditee) was scheduled. */
  auditScheduled: { templateParameters: ['auditTitle', 'auditDate'] },
} as const satisfies Record<string, { templateParameters: readonly string[] }>;

export type ActivityType = keyof typeof ACTIVITY_TYPES;

/** The parameter names one activity type's template expects. */
export type ActivityTemplateParameter<T extends ActivityType> = (typeof ACTIVITY_TYPES)[T]['templateParameters'][number];

/** Every activity type the app sends, in declaration order. */
export const ACTIVITY_TYPE_NAMES = Object.keys(ACTIVITY_TYPES) as ActivityType[];

/**
 * The `templateParameters` array of a sendActivityNotification request body
 * (a keyValuePair collection: `[{ name, value }]`), in the order the type declares them.
 */
export function activityTemplateParameters<T extends ActivityType>(
  type: T,
  values: Record<ActivityTemplateParameter<T>, string>,
): { name: string; value: string }[] {
  const names: readonly string[] = ACTIVITY_TYPES[type].templateParameters;
  return names.map((name) => ({ name, value: (values as Record<string, string>)[name] ?? '' }));
}
