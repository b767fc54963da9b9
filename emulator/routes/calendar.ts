import type { Emu } from '../emu.js';
import { ok, created, noContent, type Ctx, type RouteResult } from '../core/router.js';
import { GraphHttpError, badRequest } from '../core/errors.js';
import { SCOPES } from '../core/scopes.js';
import { applySelect, evalFilter, parseFilter, parseOrderBy, parseSelect, parseTop, q, sortBy, type FilterExpr, type Operand } from '../core/odata.js';
import { findGroup, findUser, isMember } from '../services/directory.js';
import { calendarViewInstances, cancelEvent, createEvent, deleteEvent, getInstance, listInstances, updateEvent } from '../services/calendar.js';
import { ensureCalendarSchema } from '../services/calendarStore.js';
import { checkIfMatch, outlookAccessDenied, timeZoneNotSupported, viewOf, type CalendarOwner, type Instance } from '../services/calendarRules.js';
import { instanceTimes, presentCalendar, presentEvent, type PresentOptions } from '../services/calendarPresent.js';
import { parseDateTime, resolveTimeZone } from '../services/recurrence.js';

/**
 * Outlook calendar routes: events of a user's calendar and of a Microsoft 365 group's
 * calendar, calendarView with expanded recurrences, cancel, and the default calendar.
 * The Learn page of each route is in its `doc` option.
 */
const LEARN = 'https://learn.microsoft.com/graph/api/';
const OUTLOOK = { scopeErrorCode: 'ErrorAccessDenied' } as const;

/** Outlook's default page size for events, and the largest `$top` it honours. */
const DEFAULT_PAGE = 10;
const MAX_PAGE = 1000;

const USER_PARENTS = ['/me', '/me/calendar', '/users/{userId}', '/users/{userId}/calendar'];
const GROUP_PARENTS = ['/groups/{groupId}', '/groups/{groupId}/calendar'];

// ---------------------------------------------------------------------------------------------
// Whose calendar, and may the caller use it

/**
 * Resolves the calendar a request addresses. A user reads and writes only their own calendar
 * (no delegation or sharing is emulated); a group calendar is open to the group's members.
 */
function resolveOwner(ctx: Ctx): CalendarOwner {
  const { db } = ctx.emu;
  const groupId = ctx.params.groupId;
  if (groupId !== undefined) {
    const group = findGroup(db, groupId);
    if (!group || !(group.groupTypes ?? []).includes('Unified')) {
      throw new GraphHttpError(404, 'Request_ResourceNotFound', `Resource '${groupId}' does not exist or one of its queried reference-property objects are not present.`);
    }
    if (!isMember(db, group.id, ctx.principal.userId)) throw outlookAccessDenied();
    return { kind: 'group', group };
  }
  const userRef = ctx.params.userId ?? ctx.principal.userId;
  const user = findUser(db, userRef);
  if (!user) throw new GraphHttpError(404, 'ErrorInvalidUser', `The requested user '${userRef}' is invalid.`);
  if (user.id !== ctx.principal.userId) throw outlookAccessDenied();
  return { kind: 'user', user };
}

// ---------------------------------------------------------------------------------------------
// Prefer: outlook.timezone / outlook.body-content-type

interface Prefs extends PresentOptions {
  applied: string[];
}

function preferValue(prefer: string, name: string): string | null {
  const re = new RegExp(`${name.replace('.', '\\.')}\\s*=\\s*(?:"([^"]*)"|([^,;\\s]+))`, 'i');
  const m = re.exec(prefer);
  return m ? (m[1] ?? m[2] ?? '') : null;
}

/** Reads `Prefer: outlook.timezone="…"` (default UTC) and `outlook.body-content-type`. */
function preferences(ctx: Ctx): Prefs {
  const prefer = ctx.headers.get('prefer') ?? '';
  const applied: string[] = [];
  let tzName = 'UTC';
  let tzIana = 'Etc/UTC';
  const tz = preferValue(prefer, 'outlook.timezone');
  if (tz !== null) {
    const iana = resolveTimeZone(tz);
    if (!iana) throw timeZoneNotSupported(tz);
    tzName = tz;
    tzIana = iana;
    applied.push(`outlook.timezone="${tz}"`);
  }
  let bodyType: 'html' | 'text' = 'html';
  const bt = preferValue(prefer, 'outlook.body-content-type');
  if (bt !== null && /^(text|html)$/i.test(bt)) {
    bodyType = bt.toLowerCase() as 'html' | 'text';
    applied.push(`outlook.body-content-type="${bodyType}"`);
  }
  return { tzName, tzIana, bodyType, applied };
}

const prefHeaders = (p: Prefs): Record<string, string> | undefined => (p.applied.length ? { 'Preference-Applied': p.applied.join(', ') } : undefined);

// ---------------------------------------------------------------------------------------------
// OData on event collections

function contextBase(ctx: Ctx, owner: CalendarOwner): string {
  const root = owner.kind === 'user' ? `users('${owner.user.id}')` : `groups('${owner.group.id}')`;
  return `${ctx.baseUrl}/$metadata#${root}`;
}

/** Navigation segment as the request named it: `events`, `calendar/events`, `calendarView`, … */
function navOf(ctx: Ctx, leaf: 'events' | 'calendarView'): string {
  return /\/calendar\/[^/]+$/i.test(ctx.path) || /\/calendar\/events\//i.test(ctx.path) ? `calendar/${leaf}` : leaf;
}

const ISO_NO_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

/** Outlook compares date-time literals without an offset as UTC; make that explicit for the evaluator. */
function utcLiterals(e: FilterExpr): FilterExpr {
  const op = (o: Operand): Operand => {
    if (o.kind === 'lit' && typeof o.value === 'string' && ISO_NO_ZONE.test(o.value)) return { kind: 'lit', value: `${o.value}Z` };
    if (o.kind === 'call') return { ...o, args: o.args.map(op) };
    return o;
  };
  switch (e.kind) {
    case 'and':
    case 'or':
      return { ...e, left: utcLiterals(e.left), right: utcLiterals(e.right) };
    case 'not':
      return { ...e, expr: utcLiterals(e.expr) };
    case 'cmp':
      return { ...e, left: op(e.left), right: op(e.right) };
    case 'call':
      return { ...e, args: e.args.map(op) };
    default:
      return e;
  }
}

interface Row {
  inst: Instance;
  json: Record<string, unknown>;
}

/** Resolves `start/dateTime`, `subject`, … on a presented event; start/end compare in UTC. */
function resolvePath(row: Row, path: string): unknown {
  const lower = path.toLowerCase();
  if (lower === 'start/datetime' || lower === 'end/datetime') {
    const t = instanceTimes(row.inst);
    return new Date(lower.startsWith('start') ? t.start : t.end).toISOString();
  }
  let cur: unknown = row.json;
  for (const seg of path.split('/')) {
    if (typeof cur !== 'object' || cur === null) return undefined;
    const key = Object.keys(cur).find((k) => k.toLowerCase() === seg.toLowerCase());
    cur = key === undefined ? undefined : (cur as Record<string, unknown>)[key];
  }
  return cur;
}

function readSkip(ctx: Ctx): number {
  const raw = q(ctx.query, 'skip');
  if (raw === null) return 0;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw badRequest(`Invalid value '${raw}' for $skip.`, 'BadRequest');
  return n;
}

/** Filters, orders, pages (`$skip` nextLink, as Outlook pages events) and selects a collection. */
function listResponse(ctx: Ctx, owner: CalendarOwner, instances: Instance[], leaf: 'events' | 'calendarView', prefs: Prefs): RouteResult {
  let rows: Row[] = instances.map((inst) => ({ inst, json: presentEvent(inst, { ...prefs, viewer: owner }) }));
  const filter = q(ctx.query, 'filter');
  if (filter) {
    const expr = utcLiterals(parseFilter(filter));
    rows = rows.filter((r) => evalFilter(expr, (p) => resolvePath(r, p)));
  }
  const order = parseOrderBy(q(ctx.query, 'orderby'));
  if (order.length) rows = sortBy(rows, order, resolvePath);
  else if (leaf === 'calendarView') rows = sortBy(rows, [{ path: 'start/dateTime', desc: false }], resolvePath);

  const top = parseTop(ctx.query, MAX_PAGE) ?? DEFAULT_PAGE;
  const skip = readSkip(ctx);
  const page = rows.slice(skip, skip + top);
  const select = parseSelect(q(ctx.query, 'select'));
  const nav = navOf(ctx, leaf);
  const body: Record<string, unknown> = {
    '@odata.context': `${contextBase(ctx, owner)}/${nav}${select ? `(${select.join(',')})` : ''}`,
    value: page.map((r) => applySelect(r.json, select)),
  };
  if (skip + top < rows.length) {
    const next = new URL(`${ctx.baseUrl}${ctx.path}`);
    for (const [k, v] of ctx.query) if (k !== '$skip' && k !== 'skip') next.searchParams.append(k, v);
    next.searchParams.set('$skip', String(skip + top));
    body['@odata.nextLink'] = next.toString();
  }
  return ok(body, 200, prefHeaders(prefs));
}

function entityResponse(ctx: Ctx, owner: CalendarOwner, inst: Instance, prefs: Prefs, status = 200): RouteResult {
  const select = parseSelect(q(ctx.query, 'select'));
  const nav = navOf(ctx, 'events');
  const json = {
    '@odata.context': `${contextBase(ctx, owner)}/${nav}${select ? `(${select.join(',')})` : ''}/$entity`,
    ...applySelect(presentEvent(inst, { ...prefs, viewer: owner }), select),
  };
  return ok(json, status, prefHeaders(prefs));
}

async function readObject(ctx: Ctx): Promise<Record<string, unknown>> {
  const body = await ctx.json<unknown>();
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new GraphHttpError(400, 'UnableToDeserializePostBody', 'were unable to deserialize the request body as an event');
  }
  return body as Record<string, unknown>;
}

/** Reads `startDateTime`/`endDateTime` (required; no offset means UTC, per user-list-calendarview). */
function readWindow(ctx: Ctx): { from: number; to: number } {
  const get = (name: string): string | null => {
    for (const [k, v] of ctx.query) if (k.toLowerCase() === name) return v;
    return null;
  };
  const start = get('startdatetime');
  const end = get('enddatetime');
  if (!start || !end) {
    throw new GraphHttpError(400, 'ErrorInvalidParameter', 'This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.');
  }
  const toMs = (text: string, name: string) => {
    const p = parseDateTime(text);
    if (!p) throw new GraphHttpError(400, 'ErrorInvalidParameter', `The value '${text}' of parameter '${name}' is invalid.`);
    return p.kind === 'instant' ? p.ms : Date.UTC(p.civil.y, p.civil.m - 1, p.civil.d, p.civil.hh, p.civil.mi, p.civil.ss, p.civil.ms);
  };
  return { from: toMs(start, 'StartDateTime'), to: toMs(end, 'EndDateTime') };
}

// ---------------------------------------------------------------------------------------------
// Handlers

function listEventsHandler(ctx: Ctx): RouteResult {
  const owner = resolveOwner(ctx);
  const prefs = preferences(ctx);
  return listResponse(ctx, owner, listInstances(ctx.emu.db, viewOf(owner)), 'events', prefs);
}

async function createEventHandler(ctx: Ctx): Promise<RouteResult> {
  const owner = resolveOwner(ctx);
  const prefs = preferences(ctx);
  const body = await readObject(ctx);
  const { rec } = createEvent({ db: ctx.emu.db, now: ctx.emu.now(), tenantId: ctx.emu.tenantId, owner }, body);
  const res = entityResponse(ctx, owner, { rec, organizerView: true }, prefs, 201);
  return created(res.body, res.headers);
}

function getEventHandler(ctx: Ctx): RouteResult {
  const owner = resolveOwner(ctx);
  const prefs = preferences(ctx);
  return entityResponse(ctx, owner, getInstance(ctx.emu.db, viewOf(owner), ctx.params.eventId!), prefs);
}

async function patchEventHandler(ctx: Ctx): Promise<RouteResult> {
  const owner = resolveOwner(ctx);
  const prefs = preferences(ctx);
  // The body is read first: nothing awaits between loading the event, checking If-Match and writing.
  const body = await readObject(ctx);
  const { db } = ctx.emu;
  const { inst, rec } = db.transaction(() => {
    const inst = getInstance(db, viewOf(owner), ctx.params.eventId!);
    checkIfMatch(inst.rec, ctx.headers.get('if-match'));
    return { inst, rec: updateEvent(db, ctx.emu.now(), ctx.emu.tenantId, inst, body) };
  })();
  return entityResponse(ctx, owner, { rec, organizerView: inst.organizerView }, prefs);
}

function deleteEventHandler(ctx: Ctx): RouteResult {
  const owner = resolveOwner(ctx);
  const view = viewOf(owner);
  const inst = getInstance(ctx.emu.db, view, ctx.params.eventId!);
  checkIfMatch(inst.rec, ctx.headers.get('if-match'));
  deleteEvent(ctx.emu.db, ctx.emu.now(), view, inst);
  return noContent();
}

async function cancelHandler(ctx: Ctx): Promise<RouteResult> {
  const owner = resolveOwner(ctx);
  const raw = new TextDecoder().decode(await ctx.bytes()).trim();
  let comment: string | undefined;
  if (raw) {
    const body = await readObject(ctx);
    // The parameter is `comment`; Learn's own example sends `Comment` (parameter names are case-insensitive).
    const key = Object.keys(body).find((k) => k.toLowerCase() === 'comment');
    const value = key === undefined ? undefined : body[key];
    if (value !== undefined && value !== null && typeof value !== 'string') {
      throw new GraphHttpError(400, 'UnableToDeserializePostBody', 'were unable to deserialize comment');
    }
    comment = typeof value === 'string' ? value : undefined;
  }
  // Loaded after the body, so the cancel acts on the event as it is now.
  const { db } = ctx.emu;
  db.transaction(() => cancelEvent(db, ctx.emu.now(), getInstance(db, viewOf(owner), ctx.params.eventId!), comment))();
  return { status: 202 };
}

function calendarViewHandler(ctx: Ctx): RouteResult {
  const owner = resolveOwner(ctx);
  const prefs = preferences(ctx);
  const { from, to } = readWindow(ctx);
  return listResponse(ctx, owner, calendarViewInstances(ctx.emu.db, viewOf(owner), from, to), 'calendarView', prefs);
}

function getCalendarHandler(ctx: Ctx): RouteResult {
  const owner = resolveOwner(ctx);
  const select = parseSelect(q(ctx.query, 'select'));
  return ok({
    '@odata.context': `${contextBase(ctx, owner)}/calendar/$entity`,
    ...applySelect(presentCalendar(owner, true), select),
  });
}

// ---------------------------------------------------------------------------------------------

export function register(emu: Emu): void {
  ensureCalendarSchema(emu.db);
  const r = emu.router;

  const families = [
    {
      parents: USER_PARENTS,
      read: SCOPES.calendarsRead,
      write: SCOPES.calendarsWrite,
      docs: {
        list: 'user-list-events',
        create: 'user-post-events',
        view: 'user-list-calendarview',
        calendar: 'calendar-get',
      },
    },
    {
      parents: GROUP_PARENTS,
      read: SCOPES.groupCalendarRead,
      write: SCOPES.groupCalendarWrite,
      docs: {
        list: 'group-list-events',
        create: 'group-post-events',
        view: 'group-list-calendarview',
        calendar: 'calendar-get',
      },
    },
  ];

  for (const f of families) {
    const read = { scopes: f.read, ...OUTLOOK };
    const write = { scopes: f.write, ...OUTLOOK };
    for (const p of f.parents) {
      const viaCalendar = p.endsWith('/calendar');
      r.post(`${p}/events/{eventId}/cancel`, cancelHandler, { ...write, doc: `${LEARN}event-cancel` });
      r.get(`${p}/events/{eventId}`, getEventHandler, { ...read, doc: `${LEARN}event-get` });
      r.patch(`${p}/events/{eventId}`, patchEventHandler, { ...write, doc: `${LEARN}event-update` });
      r.delete(`${p}/events/{eventId}`, deleteEventHandler, { ...write, doc: `${LEARN}event-delete` });
      r.get(`${p}/events`, listEventsHandler, { ...read, doc: `${LEARN}${viaCalendar ? 'calendar-list-events' : f.docs.list}` });
      r.post(`${p}/events`, createEventHandler, { ...write, doc: `${LEARN}${viaCalendar ? 'calendar-post-events' : f.docs.create}` });
      r.get(`${p}/calendarView`, calendarViewHandler, { ...read, doc: `${LEARN}${viaCalendar ? 'calendar-list-calendarview' : f.docs.view}` });
      if (viaCalendar) r.get(p, getCalendarHandler, { ...read, doc: `${LEARN}${f.docs.calendar}` });
    }
  }
}
