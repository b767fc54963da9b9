/**
 * Creates the demo's group calendar events (domain §7.5), each by its organiser, and returns
 * their ids by subject so the SharePoint items can keep them (CalendarEventId).
 */
import type { Event } from '@microsoft/microsoft-graph-types';
import { createGroupEvent, getGroupCalendarView } from '../../graph/calendar/index.js';
import { count, type SeedContext } from './context.js';
import type { DemoEvent } from './data/calendar.js';
import { mapLimit } from './pool.js';

const DAY_MS = 86_400_000;

/** The Graph event body of a demo event. */
export function eventBody(ctx: Pick<SeedContext, 'people' | 'dates'>, e: DemoEvent): Event {
  const start = new Date(ctx.dates.at(e.day, e.start));
  const end = new Date(start.getTime() + e.minutes * 60_000);
  const local = (d: Date) => d.toISOString().slice(0, 19);
  return {
    subject: e.subject,
    body: { contentType: 'text', content: e.body },
    start: { dateTime: local(start), timeZone: 'UTC' },
    end: { dateTime: local(end), timeZone: 'UTC' },
    location: { displayName: e.location },
    attendees: [
      ...e.attendees.map((p) => ({ type: 'required' as const, emailAddress: { address: ctx.people[p].mail, name: ctx.people[p].displayName } })),
      ...(e.guests ?? []).map((g) => ({ type: 'required' as const, emailAddress: { address: g.address, name: g.name } })),
    ],
    ...(e.online ? { isOnlineMeeting: true, onlineMeetingProvider: 'teamsForBusiness' as const } : {}),
  };
}

/** Creates the events not in the group calendar yet (matched by subject) and returns every event id by subject. */
export async function seedEvents(ctx: SeedContext, events: readonly DemoEvent[]): Promise<Map<string, string>> {
  const from = new Date(ctx.dates.D.getTime() - 2 * DAY_MS);
  const to = new Date(ctx.dates.D.getTime() + (Math.max(...events.map((e) => e.day)) + 2) * DAY_MS);
  const ids = new Map<string, string>();
  for (const e of await getGroupCalendarView(ctx.as('tom'), ctx.groupId, from, to)) {
    if (e.subject && e.id && !ids.has(e.subject)) ids.set(e.subject, e.id);
  }
  const missing = events.filter((e) => !ids.has(e.subject));
  await mapLimit(missing, 3, async (e) => {
    const created = await createGroupEvent(ctx.as(e.organizer), ctx.groupId, eventBody(ctx, e));
    if (!created.id) throw new Error(`The event '${e.subject}' was created without an id`);
    ids.set(e.subject, created.id);
  });
  count(ctx, 'events', missing.length);
  return ids;
}
