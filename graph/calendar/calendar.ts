import type { Event } from '@microsoft/microsoft-graph-types';
import type { GraphClient } from '../core/client.js';
import { getAll } from '../core/paging.js';
import { graphRequest, seg } from '../core/request.js';

/** Whose calendar: the signed-in user's (`'me'`), a Microsoft 365 group's, or another user's. */
export type EventParent = 'me' | { groupId: string } | { userId: string };

export type EventWithETag = Event & { '@odata.etag'?: string };

function parentPath(parent: EventParent): string {
  if (parent === 'me') return '/me';
  if ('groupId' in parent) return `/groups/${seg(parent.groupId)}`;
  return `/users/${seg(parent.userId)}`;
}

const timeZoneHeader = (timeZone?: string): Record<string, string> => (timeZone ? { Prefer: `outlook.timezone="${timeZone.replace(/"/g, '')}"` } : {});

/**
 * Creates an event in a group calendar (`POST /groups/{group-id}/events` → 201), e.g. an audit or
 * management review. `isOnlineMeeting: true` with `onlineMeetingProvider: 'teamsForBusiness'`
 * makes it a Teams meeting.
 *
 * Minimum delegated scope: `Group.ReadWrite.All`.
 * Microsoft Learn: https://learn.microsoft.com/graph/api/group-post-events
 */
export async function createGroupEvent(client: GraphClient, groupId: string, event: Event, signal?: AbortSignal): Promise<EventWithETag> {
  return (await graphRequest<EventWithETag>(client, { method: 'POST', path: `/groups/${seg(groupId)}/events`, body: event, signal })).body;
}

/**
 * The events of a group calendar between two instants, recurrences expanded
 * (`GET /groups/{group-id}/calendarView?startDateTime=…&endDateTime=…`, all pages). Times come back
 * in UTC unless `timeZone` is given (`Prefer: outlook.timezone`).
 *
 * Minimum delegated scope: `Group.Read.All`.
 * Microsoft Learn: https://learn.microsoft.com/graph/api/group-list-calendarview
 */
export async function getGroupCalendarView(
  client: GraphClient,
  groupId: string,
  start: Date,
  end: Date,
  opts: { timeZone?: string; signal?: AbortSignal } = {},
): Promise<EventWithETag[]> {
  return calendarView(client, { groupId }, start, end, opts);
}

/**
 * The events of a calendar between two instants (`GET {parent}/calendarView`, all pages).
 *
 * Minimum delegated scope: `Calendars.ReadBasic` (own or another user's), `Group.Read.All` (group).
 * Microsoft Learn: https://learn.microsoft.com/graph/api/user-list-calendarview
 */
export async function calendarView(
  client: GraphClient,
  parent: EventParent,
  start: Date,
  end: Date,
  opts: { timeZone?: string; signal?: AbortSignal } = {},
): Promise<EventWithETag[]> {
  return getAll<EventWithETag>(client, `${parentPath(parent)}/calendarView`, {
    query: { startDateTime: start.toISOString(), endDateTime: end.toISOString() },
    headers: timeZoneHeader(opts.timeZone),
    signal: opts.signal,
  });
}

/**
 * Creates an event in the signed-in user's calendar (`POST /me/events` → 201).
 *
 * Minimum delegated scope: `Calendars.ReadWrite`.
 * Microsoft Learn: https://learn.microsoft.com/graph/api/user-post-events
 */
export async function createMyEvent(client: GraphClient, event: Event, signal?: AbortSignal): Promise<EventWithETag> {
  return (await graphRequest<EventWithETag>(client, { method: 'POST', path: '/me/events', body: event, signal })).body;
}

/**
 * Updates an event (`PATCH {parent}/events/{event-id}`), returning the updated event. With `eTag`
 * (the `@odata.etag` read) it is sent as `If-Match`, so a change made meanwhile throws
 * `GraphConflictError` (412) instead of being overwritten.
 *
 * Minimum delegated scope: `Calendars.ReadWrite` (own), `Group.ReadWrite.All` (group).
 * Microsoft Learn: https://learn.microsoft.com/graph/api/event-update
 */
export async function updateEvent(client: GraphClient, parent: EventParent, eventId: string, patch: Event, eTag?: string, signal?: AbortSignal): Promise<EventWithETag> {
  if (eTag !== undefined && (!eTag || eTag.trim() === '*')) throw new Error('An event update needs the eTag that was read (never "*").');
  const headers: Record<string, string> = eTag ? { 'If-Match': eTag } : {};
  return (await graphRequest<EventWithETag>(client, { method: 'PATCH', path: `${parentPath(parent)}/events/${seg(eventId)}`, body: patch, headers, signal })).body;
}

/**
 * Cancels a meeting as its organizer and tells the attendees (`POST {parent}/events/{event-id}/cancel` → 202).
 *
 * Minimum delegated scope: `Calendars.ReadWrite` (own), `Group.ReadWrite.All` (group).
 * Microsoft Learn: https://learn.microsoft.com/graph/api/event-cancel
 */
export async function cancelEvent(client: GraphClient, parent: EventParent, eventId: string, comment?: string, signal?: AbortSignal): Promise<void> {
  await graphRequest(client, {
    method: 'POST',
    path: `${parentPath(parent)}/events/${seg(eventId)}/cancel`,
    body: comment === undefined ? {} : { comment },
    responseType: 'none',
    signal,
  });
}

/**
 * Gets one event (`GET {parent}/events/{event-id}`).
 *
 * Minimum delegated scope: `Calendars.ReadBasic` (own), `Group.Read.All` (group).
 * Microsoft Learn: https://learn.microsoft.com/graph/api/event-get
 */
export async function getEvent(client: GraphClient, parent: EventParent, eventId: string, opts: { timeZone?: string; signal?: AbortSignal } = {}): Promise<EventWithETag> {
  return (await graphRequest<EventWithETag>(client, { path: `${parentPath(parent)}/events/${seg(eventId)}`, headers: timeZoneHeader(opts.timeZone), signal: opts.signal })).body;
}
