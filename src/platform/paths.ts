/**
 * The one builder of page paths and links of the app: what a screen navigates to, what a Planner
 * task or a notification links back to, and the sub-page id a Teams deep link carries
 * (`src/app/tabs/subPageId.ts` parses those). Pure: no React, no I/O.
 *
 * | Target   | Path                           | Sub-page id                 |
 * |----------|--------------------------------|-----------------------------|
 * | document | `/documents/<DocId>`           | `doc:<DocId>`               |
 * | record   | `/registers/<register>/<item>` | `rec:<register>:<item>`     |
 * | action   | `/actions/<ref>`               | `act:<ref>`                 |
 */

/** What a link opens: a controlled document, a register record (schema key + item id) or an action. */
export type PageTarget =
  | { readonly kind: 'document'; readonly docId: string }
  | { readonly kind: 'record'; readonly register: string; readonly itemId: number }
  | { readonly kind: 'action'; readonly actionRef: string };

/** The route of each area a target lives in. */
export const TARGET_AREA_PATHS = { document: '/documents', record: '/registers', action: '/actions' } as const;

/** `/documents/SMS-POL-001` (the DocId URI-encoded). */
export const documentPath = (docId: string): string => pathFor({ kind: 'document', docId });

/** The query parameter and value that open the document register filtered to "Awaiting my decision". */
export const REGISTER_FILTER_PARAM = 'filter';
export const AWAITING_MY_DECISION = 'awaitingMyDecision';

/** `/documents?filter=awaitingMyDecision`: the register with the documents awaiting the signed-in user's decision (Home's inbox links here). */
export const awaitingMyDecisionPath = (): string => `${TARGET_AREA_PATHS.document}?${REGISTER_FILTER_PARAM}=${AWAITING_MY_DECISION}`;

/** `/registers/nonconformities/12`. */
export const recordPath = (register: string, itemId: number): string => pathFor({ kind: 'record', register, itemId });

/** `/actions/ACT-0142`. */
export const actionPath = (actionRef: string): string => pathFor({ kind: 'action', actionRef });

/** The app's route of a target. */
export function pathFor(target: PageTarget): string {
  switch (target.kind) {
    case 'document':
      return `${TARGET_AREA_PATHS.document}/${encodeURIComponent(target.docId)}`;
    case 'record':
      return `${TARGET_AREA_PATHS.record}/${encodeURIComponent(target.register)}/${target.itemId}`;
    case 'action':
      return `${TARGET_AREA_PATHS.action}/${encodeURIComponent(target.actionRef)}`;
  }
}

/** The absolute address of a target in the app served at `origin` (any URL of the app; only its origin counts). */
export function linkFor(origin: string, target: PageTarget): string {
  return `${new URL(origin).origin}${pathFor(target)}`;
}

/** `https://sms.example/documents/SMS-POL-001`. */
export const documentLink = (origin: string, docId: string): string => linkFor(origin, { kind: 'document', docId });

/** `https://sms.example/registers/nonconformities/12`. */
export const recordLink = (origin: string, register: string, itemId: number): string => linkFor(origin, { kind: 'record', register, itemId });

/** `https://sms.example/actions/ACT-0142`. */
export const actionLink = (origin: string, actionRef: string): string => linkFor(origin, { kind: 'action', actionRef });

/** The sub-page id of a target (`doc:SMS-POL-001`, `rec:nonconformities:12`, `act:ACT-0142`), unchecked. */
export function subPageIdOf(target: PageTarget): string {
  switch (target.kind) {
    case 'document':
      return `doc:${target.docId}`;
    case 'record':
      return `rec:${target.register}:${target.itemId}`;
    case 'action':
      return `act:${target.actionRef}`;
  }
}
