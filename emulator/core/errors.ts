/**
 * Graph-shaped errors. Every failure the emulator returns goes through here so
 * the body always reads {"error":{"code","message","innerError":{date,request-id,client-request-id}}}.
 * Source: https://learn.microsoft.com/graph/errors
 */
export class GraphHttpError extends Error {
  override readonly name = 'GraphHttpError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
    /** Extra members placed inside `error` next to code/message (e.g. innerError.code for SharePoint). */
    readonly innerCode?: string,
  ) {
    super(message);
  }
}

export const badRequest = (message: string, code = 'invalidRequest') => new GraphHttpError(400, code, message);
export const notFound = (message = 'The resource could not be found.', code = 'itemNotFound') =>
  new GraphHttpError(404, code, message);
export const accessDenied = (message = 'Access denied', code = 'accessDenied') => new GraphHttpError(403, code, message);
export const preconditionFailed = (message = 'The resource has changed since the caller last read it; usually an eTag mismatch') =>
  new GraphHttpError(412, 'resourceModified', message);
export const conflict = (message: string, code = 'nameAlreadyExists') => new GraphHttpError(409, code, message);
export const methodNotAllowed = () =>
  new GraphHttpError(405, 'Request_BadRequest', 'The HTTP method is not allowed on this resource.');

export interface ErrorBodyContext {
  requestId: string;
  clientRequestId?: string;
  now: Date;
}

export function errorBody(err: GraphHttpError, ctx: ErrorBodyContext): Record<string, unknown> {
  const innerError: Record<string, unknown> = {
    date: ctx.now.toISOString().replace(/\.\d{3}Z$/, ''),
    'request-id': ctx.requestId,
    'client-request-id': ctx.clientRequestId ?? ctx.requestId,
  };
  if (err.innerCode) innerError.code = err.innerCode;
  return { error: { code: err.code, message: err.message, innerError } };
}
