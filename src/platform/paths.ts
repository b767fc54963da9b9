/**
 * The one builder of page paths and links of the app: what a screen navigates to, what a Planner
 * task or a notification links back to, and the sub-page id a Teams deep link carries
 * (`src/app/tabs/subPageId.ts` parses those). Pure: no React, no I/O.
 *
 * | Target          | Path                                  | Sub-page id             |
 * |-----------------|---------------------------------------|-------------------------|
 * | document        | `/documents/<DocId>`                  | `doc:<DocId>`           |
 * | record          | `/registers/<register>/<item>`        | `rec:<register>:<item>` |
 * | action          | `/actions/<ref>`                      | `act:<ref>`             |
 * | acknowledgement | `/acknowledgements?release=<release>` | `ack:<release>`         |
 */

/** What a link opens: a controlled document, a register record (schema key + item id), an action, or the request to acknowledge a release. */
export type PageTarget =
  | { readonly kind: 'document'; readonly docId: string }
  | { readonly kind: 'record'; readonly register: string; readonly itemId: number }
  | { readonly kind: 'action'; readonly actionRef: string }
  /** The signed-in person's request to acknowledge a release (item id in `Document Releases`): "My acknowledgements" with it open. */
  | { readonly kind: 'acknowledgement'; readonly releaseId: number };

/** The route of each area a target lives in. */
export const TARGET_AREA_PATHS = { document: '/documents', record: '/registers', action: '/actions', acknowledgement: '/acknowledgements' } as const;

/** The query parameter of "My acknowledgements" that names the release whose request to open. */
export const ACK_RELEASE_PARAM = 'release';

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

/** `/acknowledgements?release=12`: "My acknowledgements" with the request for release 12 open. */
export const acknowledgementPath = (releaseId: number): string => pathFor({ kind: 'acknowledgement', releaseId });

/** `/acknowledgements/campaigns`: the acknowledgement campaigns (document controllers and SMS managers). */
export const ackCampaignsPath = (): string => `${TARGET_AREA_PATHS.acknowledgement}/campaigns`;

/** The query parameter of a compliance report that filters its table by a request status (e.g. `overdue`). */
export const ACK_STATUS_PARAM = 'status';

const withStatus = (path: string, status?: string): string => (status ? `${path}?${ACK_STATUS_PARAM}=${encodeURIComponent(status)}` : path);

/** `/acknowledgements/campaigns/4?status=overdue`: a campaign's compliance report, optionally filtered by status. */
export const campaignReportPath = (campaignId: string | number, status?: string): string => withStatus(`${ackCampaignsPath()}/${encodeURIComponent(String(campaignId))}`, status);

/** `/acknowledgements/releases/12?status=pending`: a release's compliance report (all its campaigns), optionally filtered. */
export const releaseReportPath = (releaseId: number, status?: string): string => withStatus(`${TARGET_AREA_PATHS.acknowledgement}/releases/${encodeURIComponent(String(releaseId))}`, status);

/** The app's route of a target. */
export function pathFor(target: PageTarget): string {
  switch (target.kind) {
    case 'document':
      return `${TARGET_AREA_PATHS.document}/${encodeURIComponent(target.docId)}`;
    case 'record':
      return `${TARGET_AREA_PATHS.record}/${encodeURIComponent(target.register)}/${target.itemId}`;
    case 'action':
      return `${TARGET_AREA_PATHS.action}/${encodeURIComponent(target.actionRef)}`;
    case 'acknowledgement':
      return `${TARGET_AREA_PATHS.acknowledgement}?${ACK_RELEASE_PARAM}=${encodeURIComponent(String(target.releaseId))}`;
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

/** `https://sms.example/acknowledgements?release=12`. */
export const acknowledgementLink = (origin: string, releaseId: number): string => linkFor(origin, { kind: 'acknowledgement', releaseId });

/** The sub-page id of a target (`doc:SMS-POL-001`, `rec:nonconformities:12`, `act:ACT-0142`, `ack:12`), unchecked. */
export function subPageIdOf(target: PageTarget): string {
  switch (target.kind) {
    case 'document':
      return `doc:${target.docId}`;
    case 'record':
      return `rec:${target.register}:${target.itemId}`;
    case 'action':
      return `act:${target.actionRef}`;
    case 'acknowledgement':
      return `ack:${target.releaseId}`;
  }
}
