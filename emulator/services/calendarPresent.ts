import { createHash } from 'node:crypto';
import { formatCivil, formatUtcSeconds, utcToCivil } from './recurrence.js';
import type { Body, DateTimeTimeZone } from './calendarStore.js';
import type { Attendee } from './calendarStore.js';
import { NO_TIME, occurrenceId, organizerOf, type CalendarOwner, type Instance } from './calendarRules.js';

/**
 * Events and calendars as Graph returns them (https://learn.microsoft.com/graph/api/resources/event,
 * https://learn.microsoft.com/graph/api/resources/calendar), in the time zone and body type the caller prefers.
 */

export interface PresentOptions {
  /** Zone name to report (`Prefer: outlook.timezone`, default `UTC`) and its IANA zone. */
  tzName: string;
  tzIana: string;
  /** `Prefer: outlook.body-content-type`; default html. */
  bodyType: 'html' | 'text';
  /** Whose calendar the event is read from (decides what `hideAttendees` hides). */
  viewer?: CalendarOwner;
}

/**
 * The attendees one calendar shows. With `hideAttendees`, "each attendee only sees themselves in the meeting
 * request and meeting Tracking list" (resources/event); the organizer still sees everyone.
 */
function visibleAttendees(inst: Instance, o: PresentOptions): Attendee[] {
  const { rec } = inst;
  if (!rec.hideAttendees || inst.organizerView || o.viewer?.kind !== 'user') return rec.attendees;
  const me = new Set([o.viewer.user.userPrincipalName, o.viewer.user.mail].filter((a): a is string => !!a).map((a) => a.toLowerCase()));
  return rec.attendees.filter((a) => me.has(a.emailAddress.address.toLowerCase()));
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function htmlToText(html: string): string {
  return html
    .replace(/<(br|\/p|\/div)\s*\/?>/gi, '\r\n')
    .replace(/<head[\s\S]*?<\/head>/gi, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
}

function presentBody(b: Body, want: 'html' | 'text'): Body {
  if (want === 'text') return { contentType: 'text', content: b.contentType === 'text' ? b.content : htmlToText(b.content) };
  if (b.contentType === 'html') return b;
  return { contentType: 'html', content: `<html><head></head><body>${escapeHtml(b.content).replace(/\r?\n/g, '<br>')}</body></html>` };
}

function presentTime(utc: number, o: PresentOptions): DateTimeTimeZone {
  return { dateTime: formatCivil(utcToCivil(utc, o.tzIana)), timeZone: o.tzName };
}

/** Graph JSON of an event as seen from one calendar (without `@odata.context`). */
export function presentEvent(inst: Instance, o: PresentOptions): Record<string, unknown> {
  const { rec, occurrence } = inst;
  const id = occurrence ? occurrenceId(rec.id, occurrence.originalStart) : rec.id;
  const start = occurrence ? occurrence.start : rec.startUtc;
  const end = occurrence ? occurrence.end : rec.endUtc;
  const cancelled = rec.isCancelled || (occurrence !== undefined && rec.cancelledOccurrences.includes(occurrence.originalStart));
  const body = presentBody(rec.body, o.bodyType);
  const preview = htmlToText(rec.body.contentType === 'html' ? rec.body.content : escapeHtml(rec.body.content)).replace(/\s+/g, ' ').slice(0, 255);
  const type = occurrence ? 'occurrence' : rec.recurrence ? 'seriesMaster' : 'singleInstance';
  return {
    '@odata.etag': `W/"${rec.changeKey}"`,
    id,
    createdDateTime: rec.createdDateTime,
    lastModifiedDateTime: rec.lastModifiedDateTime,
    changeKey: rec.changeKey,
    categories: rec.categories,
    ...(rec.transactionId ? { transactionId: rec.transactionId } : {}),
    originalStartTimeZone: rec.start.timeZone,
    originalEndTimeZone: rec.end.timeZone,
    iCalUId: occurrence ? `${rec.iCalUId.slice(0, 32)}${formatUtcSeconds(occurrence.originalStart).replace(/\D/g, '').slice(0, 8)}${rec.iCalUId.slice(40)}` : rec.iCalUId,
    reminderMinutesBeforeStart: rec.reminderMinutesBeforeStart,
    isReminderOn: rec.isReminderOn,
    hasAttachments: false,
    subject: rec.subject,
    bodyPreview: preview,
    importance: rec.importance,
    sensitivity: rec.sensitivity,
    isAllDay: rec.isAllDay,
    isCancelled: cancelled,
    isOrganizer: inst.organizerView,
    responseRequested: rec.responseRequested,
    seriesMasterId: occurrence ? rec.id : null,
    showAs: rec.showAs,
    type,
    webLink: `https://outlook.office365.com/owa/?itemid=${encodeURIComponent(id)}&exvsurl=1&path=/calendar/item`,
    onlineMeetingUrl: null,
    isOnlineMeeting: rec.isOnlineMeeting,
    onlineMeetingProvider: rec.onlineMeetingProvider,
    allowNewTimeProposals: rec.allowNewTimeProposals,
    isDraft: false,
    hideAttendees: rec.hideAttendees,
    ...(occurrence ? { originalStart: formatUtcSeconds(occurrence.originalStart) } : {}),
    responseStatus: inst.organizerView ? { response: 'organizer', time: NO_TIME } : { response: 'notResponded', time: NO_TIME },
    body,
    start: presentTime(start, o),
    end: presentTime(end, o),
    location: rec.location,
    locations: rec.locations,
    recurrence: occurrence ? null : rec.recurrence,
    attendees: visibleAttendees(inst, o),
    organizer: { emailAddress: rec.organizer },
    onlineMeeting: rec.onlineMeeting,
  };
}

/** Instant of an instance's start/end (for `$filter`/`$orderby` on `start/dateTime`, compared in UTC). */
export function instanceTimes(inst: Instance): { start: number; end: number } {
  return inst.occurrence ? { start: inst.occurrence.start, end: inst.occurrence.end } : { start: inst.rec.startUtc, end: inst.rec.endUtc };
}

/** A stable id for a user's or group's default calendar. */
export function calendarIdOf(ownerId: string): string {
  return `AAMk${Buffer.from(`calendar\u0001${ownerId}`, 'utf8').toString('base64url')}`;
}

/** GET /me/calendar, /groups/{id}/calendar (resources/calendar). */
export function presentCalendar(owner: CalendarOwner, canEdit: boolean): Record<string, unknown> {
  const org = organizerOf(owner);
  const ownerId = owner.kind === 'user' ? owner.user.id : owner.group.id;
  return {
    id: calendarIdOf(ownerId),
    name: 'Calendar',
    color: 'auto',
    hexColor: '',
    isDefaultCalendar: true,
    changeKey: createHash('sha1').update(`calendar:${ownerId}`).digest('base64'),
    canShare: owner.kind === 'user',
    canViewPrivateItems: true,
    canEdit,
    allowedOnlineMeetingProviders: ['teamsForBusiness'],
    defaultOnlineMeetingProvider: 'teamsForBusiness',
    isTallyingResponses: owner.kind === 'user',
    isRemovable: false,
    owner: org.address,
  };
}
