import { createHash } from 'node:crypto';
import type { Db } from '../store/db.js';
import { outlookId } from '../core/ids.js';
import { GraphHttpError } from '../core/errors.js';
import {
  attendance,
  attendedEvents,
  countAttendees,
  eventByTransactionId,
  loadEvent,
  ownEvents,
  removeAttendance,
  removeEvent,
  saveEvent,
  setAttendees,
  setHiddenOccurrences,
  type StoredEvent,
} from './calendarStore.js';
import {
  applyWritable,
  attendeeUserIds,
  emptyLocation,
  expandSeries,
  initOnlineMeeting,
  isOrganizerView,
  isoNow,
  itemNotFound,
  newChangeKey,
  organizerOf,
  outlookAccessDenied,
  overlaps,
  parseOccurrenceId,
  type CalendarOwner,
  type CalendarView,
  type Instance,
} from './calendarRules.js';

/**
 * Outlook calendars of users and Microsoft 365 groups: the operations behind the calendar routes. The tables
 * are in calendarStore.ts, the shared rules (body reading, series expansion, If-Match) in calendarRules.ts and
 * the Graph JSON in calendarPresent.ts.
 *
 * One stored event per meeting: it lives in its organizer's calendar (a user's, or a group's
 * for group-calendar events) and is visible in each attendee's calendar through
 * `cal_attendance`, where the attendee's copy is shown with `isOrganizer: false`. Real Exchange
 * keeps a separate copy per mailbox (with its own id); the emulator shares one id.
 *
 * Sources: https://learn.microsoft.com/graph/api/resources/event ,
 * https://learn.microsoft.com/graph/api/user-post-events , https://learn.microsoft.com/graph/api/event-cancel
 */

/** Keeps attendance in step with the attendee list: attendees who are tenant users see the event. */
function syncAttendance(db: Db, rec: StoredEvent): void {
  setAttendees(db, rec.id, attendeeUserIds(db, rec));
}

interface Visible { rec: StoredEvent; organizerView: boolean; hidden: number[] }

/** Events in a calendar: those it organizes (not deleted) plus, for a user, meetings they attend. */
export function visibleEvents(db: Db, view: CalendarView): Visible[] {
  const ownerId = view.kind === 'user' ? view.userId : view.groupId;
  const out: Visible[] = ownEvents(db, view.kind, ownerId).map((rec) => ({ rec, organizerView: true, hidden: [] }));
  if (view.kind === 'user') {
    for (const a of attendedEvents(db, view.userId)) out.push({ rec: a.rec, organizerView: false, hidden: a.hidden });
  }
  return out;
}

function findVisible(db: Db, view: CalendarView, id: string): Visible | undefined {
  const hit = loadEvent(db, id);
  if (!hit) return undefined;
  if (isOrganizerView(hit.rec, view)) return hit.organizerRemoved ? undefined : { rec: hit.rec, organizerView: true, hidden: [] };
  if (view.kind !== 'user') return undefined;
  const mine = attendance(db, id, view.userId);
  return mine ? { rec: hit.rec, organizerView: false, hidden: mine.hidden } : undefined;
}

export interface CreateContext {
  db: Db;
  now: Date;
  tenantId: string;
  owner: CalendarOwner;
}

/**
 * Creates an event in a user's or group's calendar (POST .../events). With a `transactionId`
 * already used in that calendar, the existing event comes back instead of a duplicate
 * (resources/event, "transactionId").
 */
export function createEvent(c: CreateContext, body: Record<string, unknown>): { rec: StoredEvent; duplicate: boolean } {
  const ownerId = c.owner.kind === 'user' ? c.owner.user.id : c.owner.group.id;
  const transactionId = typeof body.transactionId === 'string' && body.transactionId ? body.transactionId : null;
  if (transactionId) {
    const existing = eventByTransactionId(c.db, c.owner.kind, ownerId, transactionId);
    if (existing) return { rec: existing, duplicate: true };
  }
  const organizer = organizerOf(c.owner);
  const now = isoNow(c.now);
  const id = outlookId();
  const rec: StoredEvent = {
    id,
    iCalUId: `040000008200E00074C5B7101A82E00800000000${createHash('sha256').update(id).digest('hex').slice(0, 72).toUpperCase()}`,
    ownerKind: c.owner.kind,
    ownerId,
    organizer: organizer.address,
    organizerUserId: organizer.userId,
    subject: '',
    body: { contentType: 'html', content: '' },
    start: { dateTime: '', timeZone: 'UTC' },
    end: { dateTime: '', timeZone: 'UTC' },
    startUtc: 0,
    endUtc: 0,
    isAllDay: false,
    location: emptyLocation(),
    locations: [],
    attendees: [],
    recurrence: null,
    isOnlineMeeting: false,
    onlineMeetingProvider: 'unknown',
    onlineMeeting: null,
    showAs: 'busy',
    importance: 'normal',
    sensitivity: 'normal',
    categories: [],
    // Outlook doesn't support reminders for group events (resources/event).
    isReminderOn: c.owner.kind === 'user',
    reminderMinutesBeforeStart: 15,
    responseRequested: true,
    allowNewTimeProposals: true,
    hideAttendees: false,
    transactionId,
    createdDateTime: now,
    lastModifiedDateTime: now,
    changeKey: newChangeKey(),
    isCancelled: false,
    cancelledOccurrences: [],
  };
  applyWritable(c.db, rec, body, true);
  initOnlineMeeting(rec, c.tenantId);
  c.db.transaction(() => {
    saveEvent(c.db, rec, false);
    syncAttendance(c.db, rec);
  })();
  return { rec, duplicate: false };
}

/** Finds an event (or one occurrence of a series) in a calendar; 404 `ErrorItemNotFound` otherwise. */
export function getInstance(db: Db, view: CalendarView, id: string): Instance & { hidden: number[] } {
  const direct = findVisible(db, view, id);
  if (direct) return direct;
  const occ = parseOccurrenceId(id);
  if (!occ) throw itemNotFound();
  const master = findVisible(db, view, occ.masterId);
  if (!master || !master.rec.recurrence) throw itemNotFound();
  const hit = expandSeries(master.rec, occ.originalStart, occ.originalStart + 1).find((o) => o.originalStart === occ.originalStart);
  if (!hit || master.hidden.includes(hit.originalStart)) throw itemNotFound();
  if (master.organizerView && master.rec.cancelledOccurrences.includes(hit.originalStart)) throw itemNotFound();
  return { ...master, occurrence: hit };
}

/** PATCH .../events/{id}: updates the organizer's event; attendees can't change the shared meeting. */
export function updateEvent(db: Db, now: Date, tenantId: string, inst: Instance, body: Record<string, unknown>): StoredEvent {
  if (inst.occurrence) {
    throw new GraphHttpError(400, 'ErrorInvalidRequest', 'Updating a single occurrence of a series is not supported by the emulator; update the series master.');
  }
  if (!inst.organizerView) throw outlookAccessDenied();
  const rec: StoredEvent = structuredClone(inst.rec);
  applyWritable(db, rec, body, false);
  initOnlineMeeting(rec, tenantId);
  rec.changeKey = newChangeKey();
  rec.lastModifiedDateTime = isoNow(now);
  db.transaction(() => {
    saveEvent(db, rec);
    syncAttendance(db, rec);
  })();
  return rec;
}

/**
 * Takes an event (or occurrence) out of the organizer's calendar and marks it cancelled for
 * the attendees, who keep it with `isCancelled: true` until they delete it.
 */
function cancelForAttendees(db: Db, inst: Instance, now: Date, comment?: string): void {
  const rec: StoredEvent = structuredClone(inst.rec);
  rec.changeKey = newChangeKey();
  rec.lastModifiedDateTime = isoNow(now);
  if (comment !== undefined) rec.cancellationComment = comment;
  if (inst.occurrence) {
    rec.cancelledOccurrences = [...new Set([...rec.cancelledOccurrences, inst.occurrence.originalStart])];
    saveEvent(db, rec);
    return;
  }
  rec.isCancelled = true;
  if (countAttendees(db, rec.id) === 0) {
    removeEvent(db, rec.id);
    return;
  }
  saveEvent(db, rec, true);
}

/** POST .../events/{id}/cancel: organizer only (400 for an attendee, per event-cancel). */
export function cancelEvent(db: Db, now: Date, inst: Instance, comment: string | undefined): void {
  if (!inst.organizerView) {
    throw new GraphHttpError(400, 'ErrorInvalidRequest', "Your request can't be completed. You need to be an organizer to cancel a meeting.");
  }
  cancelForAttendees(db, inst, now, comment);
}

/**
 * DELETE .../events/{id}. The organizer's delete removes the meeting and cancels it for the
 * attendees; an attendee's delete only removes it from their own calendar.
 */
export function deleteEvent(db: Db, now: Date, view: CalendarView, inst: Instance & { hidden: number[] }): void {
  if (inst.organizerView) {
    cancelForAttendees(db, inst, now);
    return;
  }
  if (view.kind !== 'user') throw itemNotFound();
  if (inst.occurrence) {
    const hidden = [...new Set([...inst.hidden, inst.occurrence.originalStart])];
    setHiddenOccurrences(db, inst.rec.id, view.userId, hidden);
  } else {
    removeAttendance(db, inst.rec.id, view.userId);
  }
}

/** Events of a calendar as `GET .../events` lists them: single instances and series masters. */
export function listInstances(db: Db, view: CalendarView): Instance[] {
  return visibleEvents(db, view).map((v) => ({ rec: v.rec, organizerView: v.organizerView }));
}

/** calendarView: single events and expanded occurrences overlapping [from, to). */
export function calendarViewInstances(db: Db, view: CalendarView, from: number, to: number): Instance[] {
  const out: Instance[] = [];
  for (const v of visibleEvents(db, view)) {
    if (!v.rec.recurrence) {
      if (overlaps(v.rec.startUtc, v.rec.endUtc, from, to)) out.push({ rec: v.rec, organizerView: v.organizerView });
      continue;
    }
    for (const o of expandSeries(v.rec, from, to)) {
      if (v.hidden.includes(o.originalStart)) continue;
      if (v.organizerView && v.rec.cancelledOccurrences.includes(o.originalStart)) continue;
      out.push({ rec: v.rec, organizerView: v.organizerView, occurrence: o });
    }
  }
  return out;
}
