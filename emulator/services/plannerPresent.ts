import type { Ctx } from '../core/router.js';
import { badRequest } from '../core/errors.js';
import { applySelect, parseSelect, q } from '../core/odata.js';
import type { Kind, PlanDetailsBody, Stored } from './plannerStore.js';

/**
 * Planner objects as Graph returns them (`@odata.context`, `@odata.etag`, `@odata.nextLink`):
 * https://learn.microsoft.com/graph/api/resources/planner-overview
 */

/** Planner pages collections itself (about 400 items a page, not client-controllable; `$top` is ignored). */
export const PLANNER_PAGE_SIZE = 400;

/** Plan details as Planner returns them: all 25 category descriptions are present (null when unset). */
export function planDetailsView(body: PlanDetailsBody): PlanDetailsBody {
  const categoryDescriptions: Record<string, string | null> = {};
  for (let i = 1; i <= 25; i++) categoryDescriptions[`category${i}`] = body.categoryDescriptions[`category${i}`] ?? null;
  return { ...body, categoryDescriptions };
}

/** The object as Graph returns it: its ETag first, then its properties. */
export function presentObject<K extends Kind>(obj: Stored<K>, select: string[] | null = null): Record<string, unknown> {
  const body = obj.kind === 'planDetails' ? planDetailsView(obj.body as Stored<'planDetails'>['body']) : obj.body;
  return applySelect({ '@odata.etag': obj.etag, ...(body as object) }, select);
}

/** One object with its `@odata.context`, honouring `$select`. */
export function presentEntity<K extends Kind>(ctx: Ctx, obj: Stored<K>, context: string): Record<string, unknown> {
  return { '@odata.context': `${ctx.baseUrl}/$metadata#${context}`, ...presentObject(obj, parseSelect(q(ctx.query, 'select'))) };
}

/** A page of a collection with an opaque `$skiptoken` next link. */
export function presentPage<K extends Kind>(ctx: Ctx, items: Stored<K>[], context: string): Record<string, unknown> {
  const token = ctx.query.get('$skiptoken');
  let offset = 0;
  if (token !== null) {
    const parsed = Number.parseInt(Buffer.from(token, 'base64url').toString('utf8').replace(/^o:/, ''), 10);
    if (!Number.isInteger(parsed) || parsed < 0) throw badRequest('The $skiptoken is not valid.', 'BadRequest');
    offset = parsed;
  }
  const select = parseSelect(q(ctx.query, 'select'));
  const page = items.slice(offset, offset + PLANNER_PAGE_SIZE);
  const body: Record<string, unknown> = { '@odata.context': `${ctx.baseUrl}/$metadata#${context}`, value: page.map((i) => presentObject(i, select)) };
  if (offset + PLANNER_PAGE_SIZE < items.length) {
    const next = new URLSearchParams(ctx.query);
    next.set('$skiptoken', Buffer.from(`o:${offset + PLANNER_PAGE_SIZE}`).toString('base64url'));
    body['@odata.nextLink'] = `${ctx.baseUrl}${ctx.path}?${next.toString()}`;
  }
  return body;
}
