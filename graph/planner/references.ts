/**
 * Planner's wire format for links on a task: `plannerTaskDetails.references` is an open type whose
 * property names are the encoded URLs and whose values are `plannerExternalReference` objects.
 * Microsoft Learn: https://learn.microsoft.com/graph/api/resources/plannerexternalreferences
 */

/** The `type` of an external reference (what the link points to). */
export type PlannerReferenceType = 'PowerPoint' | 'Excel' | 'Word' | 'OneNote' | 'Project' | 'Visio' | 'Pdf' | 'Other';

/** One link to add to a task: its URL and the text Planner shows. */
export interface PlannerLink {
  readonly url: string;
  readonly alias: string;
  readonly type?: PlannerReferenceType;
}

/**
 * A key of `plannerTaskDetails.references`: the URL with `%`, `.`, `:`, `@` and `#` percent-encoded
 * (`%` first, so an already-encoded URL is encoded once more, as Planner expects).
 */
export function referenceKey(url: string): string {
  return url.replace(/%/g, '%25').replace(/\./g, '%2E').replace(/:/g, '%3A').replace(/@/g, '%40').replace(/#/g, '%23');
}

/** The URL a reference key stands for (the inverse of `referenceKey`). */
export function referenceUrl(key: string): string {
  return key.replace(/%2E/gi, '.').replace(/%3A/gi, ':').replace(/%40/g, '@').replace(/%23/g, '#').replace(/%25/g, '%');
}

/** A `plannerExternalReference` object (the value under a reference key). */
export function plannerExternalReference(alias: string, type: PlannerReferenceType = 'Other') {
  return { '@odata.type': '#microsoft.graph.plannerExternalReference', alias, type } as const;
}

/** The `references` patch of `plannerTaskDetails` that adds these links. */
export function plannerReferences(links: readonly PlannerLink[]): Record<string, ReturnType<typeof plannerExternalReference>> {
  return Object.fromEntries(links.map((l) => [referenceKey(l.url), plannerExternalReference(l.alias, l.type)]));
}
