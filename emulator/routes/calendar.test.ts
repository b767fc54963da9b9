import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestEmulator, demo, type TestEmulator } from '../../tests/support/emulator.js';
import { groupIdOf, userIdOf } from '../seed/tenant.js';

/**
 * Outlook calendar over real HTTP. Every expected time below was worked out by hand from the
 * UK and US daylight-saving rules, not with the emulator's conversion code.
 */

let emu: TestEmulator;
const SMS = groupIdOf('Kestrel SMS');

interface GraphEvent {
  id: string;
  '@odata.etag': string;
  subject: string;
  type: string;
  isOrganizer: boolean;
  isCancelled: boolean;
  seriesMasterId: string | null;
  start: { dateTime: string; timeZone: string };
  end: { dateTime: string; timeZone: string };
  organizer: { emailAddress: { name: string; address: string } };
  attendees: { type: string; status: { response: string }; emailAddress: { address: string } }[];
  isOnlineMeeting: boolean;
  onlineMeetingProvider: string;
  onlineMeeting: { joinUrl: string } | null;
  iCalUId: string;
  changeKey: string;
  [k: string]: unknown;
}
interface Page {
  value: GraphEvent[];
  '@odata.nextLink'?: string;
}
interface GraphErrorBody {
  error: { code: string; message: string };
}

beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(() => emu.close());

const json = (body: unknown) => ({ body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });

async function post(upn: string, path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return emu.graph(upn, path, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } });
}

async function createEvent(upn: string, path: string, body: Record<string, unknown>): Promise<GraphEvent> {
  const res = await post(upn, path, body);
  expect(res.status).toBe(201);
  return (await res.json()) as GraphEvent;
}

function simpleEvent(subject: string, start: string, end: string, timeZone = 'UTC'): Record<string, unknown> {
  return { subject, start: { dateTime: start, timeZone }, end: { dateTime: end, timeZone } };
}

describe('group calendar meetings', () => {
  it('creates a Teams meeting on the group calendar that attendees see on their own calendars', async () => {
    const res = await post(demo.tom, `/groups/${SMS}/calendar/events`, {
      subject: 'Management review Q3',
      body: { contentType: 'HTML', content: '<p>Agenda: <b>SMS performance</b></p>' },
      start: { dateTime: '2031-09-15T09:00:00', timeZone: 'GMT Standard Time' },
      end: { dateTime: '2031-09-15T11:00:00', timeZone: 'GMT Standard Time' },
      location: { displayName: 'Boardroom, Manchester' },
      attendees: [
        { emailAddress: { address: demo.priya, name: 'Priya Nair' }, type: 'required' },
        { emailAddress: { address: demo.raj }, type: 'Optional' },
      ],
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
    });
    expect(res.status).toBe(201);
    const created = (await res.json()) as GraphEvent;
    expect(created.onlineMeeting?.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\/\S+$/);
    expect(created.isOnlineMeeting).toBe(true);
    expect(created.onlineMeetingProvider).toBe('teamsForBusiness');
    expect(created.organizer.emailAddress.name).toBe('Kestrel SMS');
    expect(created.isOrganizer).toBe(true);
    expect(created.type).toBe('singleInstance');
    expect(created.bodyPreview).toBe('Agenda: SMS performance');
    // 09:00 BST on 15 Sep 2031 is 08:00 UTC; UTC is the default zone of responses.
    expect(created.start).toEqual({ dateTime: '2031-09-15T08:00:00.0000000', timeZone: 'UTC' });
    expect(created.originalStartTimeZone).toBe('GMT Standard Time');
    expect(created.attendees.map((a) => [a.emailAddress.address, a.type, a.status.response])).toEqual([
      [demo.priya, 'required', 'none'],
      [demo.raj, 'optional', 'none'],
    ]);
    expect(created['@odata.etag']).toBe(`W/"${created.changeKey}"`);

    const mine = (await (await emu.graph(demo.priya, '/me/events?$top=100')).json()) as Page;
    const seen = mine.value.find((e) => e.id === created.id);
    expect(seen?.isOrganizer).toBe(false);
    expect(seen?.onlineMeeting?.joinUrl).toBe(created.onlineMeeting?.joinUrl);
    expect(seen?.iCalUId).toBe(created.iCalUId);

    // The same event through /users/{upn}/events and through the group's /events alias.
    const viaUser = (await (await emu.graph(demo.priya, `/users/${demo.priya}/events?$top=100`)).json()) as Page;
    expect(viaUser.value.find((e) => e.id === created.id)?.isOrganizer).toBe(false);
    const viaGroup = await emu.graph(demo.marcus, `/groups/${SMS}/events/${created.id}`);
    expect(viaGroup.status).toBe(200);
    expect(((await viaGroup.json()) as GraphEvent).subject).toBe('Management review Q3');

    // Someone who wasn't invited doesn't get it on their own calendar.
    const other = (await (await emu.graph(demo.hannah, '/me/events?$top=100')).json()) as Page;
    expect(other.value.some((e) => e.id === created.id)).toBe(false);
  });

  it('refuses the group calendar to a user who is not a member of the group', async () => {
    emu.emulator.emu.db.prepare('DELETE FROM group_members WHERE group_id = ? AND user_id = ?').run(SMS, userIdOf(demo.jack));
    const list = await emu.graph(demo.jack, `/groups/${SMS}/calendar/events`);
    expect(list.status).toBe(403);
    expect(((await list.json()) as GraphErrorBody).error.code).toBe('ErrorAccessDenied');
    const create = await post(demo.jack, `/groups/${SMS}/events`, simpleEvent('Sneaky', '2031-01-01T10:00:00', '2031-01-01T11:00:00'));
    expect(create.status).toBe(403);
    const view = await emu.graph(demo.jack, `/groups/${SMS}/calendarView?startDateTime=2031-01-01T00:00:00Z&endDateTime=2031-02-01T00:00:00Z`);
    expect(view.status).toBe(403);
  });

  it('refuses a token without a group scope on the group calendar and without a calendar scope on /me/events', async () => {
    const group = await emu.graph(demo.tom, `/groups/${SMS}/events`, { scopes: ['User.Read', 'Calendars.ReadWrite'] });
    expect(group.status).toBe(403);
    expect(((await group.json()) as GraphErrorBody).error.code).toBe('ErrorAccessDenied');
    const me = await emu.graph(demo.tom, '/me/events', { scopes: ['User.Read'] });
    expect(me.status).toBe(403);
    const readOnly = await emu.graph(demo.tom, '/me/events', { scopes: ['Calendars.Read'], method: 'POST', ...json(simpleEvent('x', '2031-01-01T10:00:00', '2031-01-01T11:00:00')) });
    expect(readOnly.status).toBe(403);
  });
});

describe('user calendars', () => {
  it("refuses another user's calendar", async () => {
    const res = await emu.graph(demo.priya, `/users/${demo.tom}/events`);
    expect(res.status).toBe(403);
    expect(((await res.json()) as GraphErrorBody).error.code).toBe('ErrorAccessDenied');
  });

  it('validates start, end and time zones as Outlook does', async () => {
    const backwards = await post(demo.aisha, '/me/events', simpleEvent('Backwards', '2031-03-03T10:00:00', '2031-03-03T09:00:00'));
    expect(backwards.status).toBe(400);
    expect(((await backwards.json()) as GraphErrorBody).error.code).toBe('ErrorPropertyValidationFailure');

    const noEnd = await post(demo.aisha, '/me/events', { subject: 'No end', start: { dateTime: '2031-03-03T10:00:00', timeZone: 'UTC' } });
    expect(noEnd.status).toBe(400);

    const badZone = await post(demo.aisha, '/me/events', simpleEvent('Bad zone', '2031-03-03T10:00:00', '2031-03-03T11:00:00', 'Greenwich Mean Time'));
    expect(badZone.status).toBe(400);
    const err = (await badZone.json()) as GraphErrorBody;
    expect(err.error.code).toBe('TimeZoneNotSupportedException');
    expect(err.error.message).toContain("'Greenwich Mean Time'");

    const badRecurrence = await post(demo.aisha, '/me/events', {
      ...simpleEvent('Weekly without days', '2031-03-03T10:00:00', '2031-03-03T11:00:00'),
      recurrence: { pattern: { type: 'weekly', interval: 1 }, range: { type: 'noEnd', startDate: '2031-03-03' } },
    });
    expect(badRecurrence.status).toBe(400);

    const zeroInterval = await post(demo.aisha, '/me/events', {
      ...simpleEvent('Every 0 days', '2031-03-03T10:00:00', '2031-03-03T11:00:00'),
      recurrence: { pattern: { type: 'daily', interval: 0 }, range: { type: 'numbered', startDate: '2031-03-03', numberOfOccurrences: 3 } },
    });
    expect(zeroInterval.status).toBe(400);

    const list = (await (await emu.graph(demo.aisha, '/me/events?$top=100')).json()) as Page;
    expect(list.value).toHaveLength(0);
  });

  it('updates the subject with PATCH, changes the ETag, and refuses a stale If-Match', async () => {
    const ev = await createEvent(demo.gareth, '/me/events', simpleEvent('ISMS risk review', '2031-04-01T13:00:00', '2031-04-01T14:00:00'));
    const res = await emu.graph(demo.gareth, `/me/events/${ev.id}`, {
      method: 'PATCH',
      headers: { 'if-match': ev['@odata.etag'], 'content-type': 'application/json' },
      body: JSON.stringify({ subject: 'ISMS risk review (moved agenda)' }),
    });
    expect(res.status).toBe(200);
    const updated = (await res.json()) as GraphEvent;
    expect(updated.subject).toBe('ISMS risk review (moved agenda)');
    expect(updated['@odata.etag']).not.toBe(ev['@odata.etag']);
    expect(updated.start).toEqual(ev.start);

    const got = (await (await emu.graph(demo.gareth, `/me/events/${ev.id}`)).json()) as GraphEvent;
    expect(got.subject).toBe('ISMS risk review (moved agenda)');

    const stale = await emu.graph(demo.gareth, `/me/events/${ev.id}`, {
      method: 'PATCH',
      headers: { 'if-match': ev['@odata.etag'], 'content-type': 'application/json' },
      body: JSON.stringify({ subject: 'lost update' }),
    });
    expect(stale.status).toBe(412);
    const after = (await (await emu.graph(demo.gareth, `/me/events/${ev.id}`)).json()) as GraphEvent;
    expect(after.subject).toBe('ISMS risk review (moved agenda)');
  });

  it('lets only the organizer cancel; the organizer loses the event and attendees see it cancelled', async () => {
    const ev = await createEvent(demo.david, '/me/events', {
      ...simpleEvent('Change advisory board', '2031-05-06T15:00:00', '2031-05-06T16:00:00'),
      attendees: [{ emailAddress: { address: demo.omar }, type: 'required' }],
    });

    const byAttendee = await post(demo.omar, `/me/events/${ev.id}/cancel`, { comment: 'I cannot make it' });
    expect(byAttendee.status).toBe(400);
    expect(((await byAttendee.json()) as GraphErrorBody).error.message).toContain('organizer');
    expect((await emu.graph(demo.david, `/me/events/${ev.id}`)).status).toBe(200);

    const byOrganizer = await post(demo.david, `/me/events/${ev.id}/cancel`, { comment: 'Moved to next week' });
    expect(byOrganizer.status).toBe(202);

    expect((await emu.graph(demo.david, `/me/events/${ev.id}`)).status).toBe(404);
    const forAttendee = await emu.graph(demo.omar, `/me/events/${ev.id}`);
    expect(forAttendee.status).toBe(200);
    expect(((await forAttendee.json()) as GraphEvent).isCancelled).toBe(true);
  });

  it('lets the group cancel a group-calendar meeting but not an invited member from their own calendar', async () => {
    const ev = await createEvent(demo.tom, `/groups/${SMS}/events`, {
      ...simpleEvent('Internal audit opening', '2031-06-02T09:00:00', '2031-06-02T09:30:00'),
      attendees: [{ emailAddress: { address: demo.fiona }, type: 'required' }],
    });
    expect((await post(demo.fiona, `/me/events/${ev.id}/cancel`, {})).status).toBe(400);
    expect((await post(demo.tom, `/groups/${SMS}/calendar/events/${ev.id}/cancel`, { comment: 'Postponed' })).status).toBe(202);
    expect((await emu.graph(demo.tom, `/groups/${SMS}/events/${ev.id}`)).status).toBe(404);
    expect(((await (await emu.graph(demo.fiona, `/me/events/${ev.id}`)).json()) as GraphEvent).isCancelled).toBe(true);
  });

  it('deletes an event: 204, then 404', async () => {
    const ev = await createEvent(demo.chloe, '/me/calendar/events', simpleEvent('Customer QBR prep', '2031-07-07T10:00:00', '2031-07-07T11:00:00'));
    const del = await emu.graph(demo.chloe, `/me/events/${ev.id}`, { method: 'DELETE' });
    expect(del.status).toBe(204);
    const again = await emu.graph(demo.chloe, `/me/events/${ev.id}`);
    expect(again.status).toBe(404);
    expect(((await again.json()) as GraphErrorBody).error.code).toBe('ErrorItemNotFound');
  });

  it('does not create a duplicate when a POST is retried with the same transactionId', async () => {
    const body = { ...simpleEvent('Supplier review', '2031-08-04T10:00:00', '2031-08-04T11:00:00'), transactionId: 'b7c1e2d4-retry-1' };
    const first = await createEvent(demo.ben, '/me/events', body);
    const second = await createEvent(demo.ben, '/me/events', body);
    expect(second.id).toBe(first.id);
    expect(first.transactionId).toBe('b7c1e2d4-retry-1');
    const list = (await (await emu.graph(demo.ben, '/me/events?$top=100')).json()) as Page;
    expect(list.value.filter((e) => e.subject === 'Supplier review')).toHaveLength(1);
  });

  it('supports $filter on start/dateTime and subject, $orderby, $select and $top paging', async () => {
    for (const [subject, day] of [
      ['People review C', '2031-10-03'],
      ['People review A', '2031-10-01'],
      ['Training plan', '2031-10-02'],
      ['People review B', '2031-10-20'],
    ] as const) {
      await createEvent(demo.laura, '/me/events', simpleEvent(subject, `${day}T09:00:00`, `${day}T10:00:00`));
    }
    const filtered = (await (
      await emu.graph(
        demo.laura,
        `/me/events?$filter=${encodeURIComponent("start/dateTime ge '2031-10-01T00:00:00' and start/dateTime lt '2031-10-10T00:00:00' and startswith(subject,'People')")}&$orderby=${encodeURIComponent('start/dateTime desc')}&$select=subject,start`,
      )
    ).json()) as Page & { '@odata.context': string };
    expect(filtered.value.map((e) => e.subject)).toEqual(['People review C', 'People review A']);
    expect(Object.keys(filtered.value[0]!).sort()).toEqual(['@odata.etag', 'id', 'start', 'subject']);
    expect(filtered['@odata.context']).toContain('events(subject,start)');

    const bySubject = (await (await emu.graph(demo.laura, `/me/events?$filter=${encodeURIComponent("subject eq 'Training plan'")}`)).json()) as Page;
    expect(bySubject.value).toHaveLength(1);

    const first = (await (await emu.graph(demo.laura, '/me/events?$top=3')).json()) as Page;
    expect(first.value).toHaveLength(3);
    expect(first['@odata.nextLink']).toBeTruthy();
    const second = (await (await emu.graph(demo.laura, first['@odata.nextLink']!)).json()) as Page;
    expect(second.value).toHaveLength(1);
    expect(second['@odata.nextLink']).toBeUndefined();
    const ids = new Set([...first.value, ...second.value].map((e) => e.id));
    expect(ids.size).toBe(4);
  });

  it('returns the default calendar', async () => {
    const res = await emu.graph(demo.tom, '/me/calendar');
    expect(res.status).toBe(200);
    const cal = (await res.json()) as { name: string; isDefaultCalendar: boolean; owner: { address: string }; allowedOnlineMeetingProviders: string[] };
    expect(cal.isDefaultCalendar).toBe(true);
    expect(cal.owner.address).toBe(demo.tom);
    expect(cal.allowedOnlineMeetingProviders).toContain('teamsForBusiness');
    const group = await emu.graph(demo.tom, `/groups/${SMS}/calendar`);
    expect(group.status).toBe(200);
  });
});

describe('calendarView', () => {
  it('requires both startDateTime and endDateTime', async () => {
    for (const query of ['', '?startDateTime=2031-01-01T00:00:00Z', '?endDateTime=2031-02-01T00:00:00Z']) {
      const res = await emu.graph(demo.sofia, `/me/calendarView${query}`);
      expect(res.status).toBe(400);
      const err = (await res.json()) as GraphErrorBody;
      expect(err.error.code).toBe('ErrorInvalidParameter');
      expect(err.error.message).toContain('StartDateTime and EndDateTime');
    }
    const group = await emu.graph(demo.sofia, `/groups/${SMS}/calendar/calendarView?startDateTime=2031-01-01T00:00:00Z`);
    expect(group.status).toBe(400);
  });

  it('expands a weekly series into the occurrences inside the window', async () => {
    // 6 Jan 2031 is a Monday. Mondays and Thursdays at 10:00 UTC until 31 Mar 2031.
    const master = await createEvent(demo.marcus, '/me/events', {
      ...simpleEvent('Service desk stand-up', '2031-01-06T10:00:00', '2031-01-06T10:15:00'),
      recurrence: {
        pattern: { type: 'weekly', interval: 1, daysOfWeek: ['thursday', 'monday'], firstDayOfWeek: 'monday' },
        range: { type: 'endDate', startDate: '2031-01-06', endDate: '2031-03-31' },
      },
    });
    expect(master.type).toBe('seriesMaster');

    // 13 Jan (Mon) 00:00 to 3 Feb (Mon) 00:00: Mondays 13, 20, 27 and Thursdays 16, 23, 30 Jan.
    const res = await emu.graph(demo.marcus, '/me/calendarView?startDateTime=2031-01-13T00:00:00Z&endDateTime=2031-02-03T00:00:00Z&$orderby=start/dateTime');
    expect(res.status).toBe(200);
    const page = (await res.json()) as Page;
    expect(page.value.map((e) => e.start.dateTime)).toEqual([
      '2031-01-13T10:00:00.0000000',
      '2031-01-16T10:00:00.0000000',
      '2031-01-20T10:00:00.0000000',
      '2031-01-23T10:00:00.0000000',
      '2031-01-27T10:00:00.0000000',
      '2031-01-30T10:00:00.0000000',
    ]);
    for (const occ of page.value) {
      expect(occ.type).toBe('occurrence');
      expect(occ.seriesMasterId).toBe(master.id);
      expect(occ.end.dateTime.slice(11, 16)).toBe('10:15');
    }
    expect(new Set(page.value.map((e) => e.id)).size).toBe(6);

    // An occurrence id can be read back.
    const one = await emu.graph(demo.marcus, `/me/events/${page.value[0]!.id}`);
    expect(one.status).toBe(200);
    expect(((await one.json()) as GraphEvent).seriesMasterId).toBe(master.id);

    // /me/events lists the master only.
    const events = (await (await emu.graph(demo.marcus, '/me/events')).json()) as Page;
    expect(events.value.map((e) => e.type)).toEqual(['seriesMaster']);

    // Past the range's end date nothing is left.
    const after = (await (await emu.graph(demo.marcus, '/me/calendarView?startDateTime=2031-04-01T00:00:00Z&endDateTime=2031-05-01T00:00:00Z')).json()) as Page;
    expect(after.value).toHaveLength(0);
  });

  it('keeps a series at the same local time across the clocks changing', async () => {
    // Daily at 09:00 London time from Fri 28 Mar 2031; UK clocks go forward on Sun 30 Mar 2031.
    await createEvent(demo.sofia, '/me/events', {
      ...simpleEvent('Shift handover', '2031-03-28T09:00:00', '2031-03-28T09:30:00', 'GMT Standard Time'),
      recurrence: { pattern: { type: 'daily', interval: 1 }, range: { type: 'numbered', startDate: '2031-03-28', numberOfOccurrences: 4 } },
    });
    const page = (await (await emu.graph(demo.sofia, '/me/calendarView?startDateTime=2031-03-27T00:00:00Z&endDateTime=2031-04-10T00:00:00Z')).json()) as Page;
    expect(page.value.map((e) => e.start.dateTime)).toEqual([
      '2031-03-28T09:00:00.0000000', // GMT = UTC
      '2031-03-29T09:00:00.0000000',
      '2031-03-30T08:00:00.0000000', // BST = UTC+1
      '2031-03-31T08:00:00.0000000',
    ]);
  });

  it('pages calendarView 10 at a time by default and honours $top', async () => {
    await createEvent(demo.omar, '/me/events', {
      ...simpleEvent('NOC rota', '2032-02-01T07:00:00', '2032-02-01T08:00:00'),
      recurrence: { pattern: { type: 'daily', interval: 1 }, range: { type: 'numbered', startDate: '2032-02-01', numberOfOccurrences: 15 } },
    });
    const window = 'startDateTime=2032-01-01T00:00:00Z&endDateTime=2032-03-01T00:00:00Z';
    const first = (await (await emu.graph(demo.omar, `/me/calendarView?${window}`)).json()) as Page;
    expect(first.value).toHaveLength(10);
    expect(first['@odata.nextLink']).toBeTruthy();
    const second = (await (await emu.graph(demo.omar, first['@odata.nextLink']!)).json()) as Page;
    expect(second.value).toHaveLength(5);
    expect(second['@odata.nextLink']).toBeUndefined();
    expect(second.value[4]!.start.dateTime).toBe('2032-02-15T07:00:00.0000000');

    const small = (await (await emu.graph(demo.omar, `/me/calendarView?${window}&$top=6`)).json()) as Page;
    expect(small.value).toHaveLength(6);
  });
});

describe('Prefer: outlook.timezone', () => {
  it('converts start and end into the preferred zone and says so in Preference-Applied', async () => {
    const summer = await createEvent(demo.hannah, '/me/events', simpleEvent('Budget call (summer)', '2031-07-01T09:00:00', '2031-07-01T10:00:00'));
    const winter = await createEvent(demo.hannah, '/me/events', simpleEvent('Budget call (winter)', '2031-01-15T09:00:00', '2031-01-15T10:00:00'));

    const cases: [string, string, string, string][] = [
      // zone, summer start (09:00 UTC on 1 Jul 2031), winter start (09:00 UTC on 15 Jan 2031), summer end
      ['GMT Standard Time', '2031-07-01T10:00:00.0000000', '2031-01-15T09:00:00.0000000', '2031-07-01T11:00:00.0000000'],
      ['Europe/London', '2031-07-01T10:00:00.0000000', '2031-01-15T09:00:00.0000000', '2031-07-01T11:00:00.0000000'],
      ['Europe/Lisbon', '2031-07-01T10:00:00.0000000', '2031-01-15T09:00:00.0000000', '2031-07-01T11:00:00.0000000'],
      ['Pacific Standard Time', '2031-07-01T02:00:00.0000000', '2031-01-15T01:00:00.0000000', '2031-07-01T03:00:00.0000000'],
      ['Eastern Standard Time', '2031-07-01T05:00:00.0000000', '2031-01-15T04:00:00.0000000', '2031-07-01T06:00:00.0000000'],
      ['W. Europe Standard Time', '2031-07-01T11:00:00.0000000', '2031-01-15T10:00:00.0000000', '2031-07-01T12:00:00.0000000'],
      ['China Standard Time', '2031-07-01T17:00:00.0000000', '2031-01-15T17:00:00.0000000', '2031-07-01T18:00:00.0000000'],
      ['UTC', '2031-07-01T09:00:00.0000000', '2031-01-15T09:00:00.0000000', '2031-07-01T10:00:00.0000000'],
    ];
    for (const [zone, summerStart, winterStart, summerEnd] of cases) {
      const prefer = { headers: { Prefer: `outlook.timezone="${zone}"` } };
      const s = await emu.graph(demo.hannah, `/me/events/${summer.id}`, prefer);
      expect(s.headers.get('preference-applied')).toBe(`outlook.timezone="${zone}"`);
      const sj = (await s.json()) as GraphEvent;
      expect(sj.start).toEqual({ dateTime: summerStart, timeZone: zone });
      expect(sj.end).toEqual({ dateTime: summerEnd, timeZone: zone });
      const w = (await (await emu.graph(demo.hannah, `/me/events/${winter.id}`, prefer)).json()) as GraphEvent;
      expect(w.start.dateTime).toBe(winterStart);
    }

    const view = await emu.graph(demo.hannah, '/me/calendarView?startDateTime=2031-06-30T00:00:00Z&endDateTime=2031-07-02T00:00:00Z', {
      headers: { Prefer: 'outlook.timezone="Pacific Standard Time"' },
    });
    expect(view.headers.get('preference-applied')).toBe('outlook.timezone="Pacific Standard Time"');
    expect(((await view.json()) as Page).value.map((e) => e.start.dateTime)).toEqual(['2031-07-01T02:00:00.0000000']);

    const none = await emu.graph(demo.hannah, `/me/events/${summer.id}`);
    expect(none.headers.get('preference-applied')).toBeNull();
    expect(((await none.json()) as GraphEvent).start.timeZone).toBe('UTC');
  });

  it('reads a start given in a named zone and answers 400 for an unknown preferred zone', async () => {
    // 09:00 Pacific Daylight Time (UTC-7) on 1 Jul 2031 is 16:00 UTC.
    const ev = await createEvent(demo.eleanor, '/me/events', simpleEvent('West coast partner call', '2031-07-01T09:00:00', '2031-07-01T09:45:00', 'Pacific Standard Time'));
    expect(ev.start).toEqual({ dateTime: '2031-07-01T16:00:00.0000000', timeZone: 'UTC' });
    const bad = await emu.graph(demo.eleanor, `/me/events/${ev.id}`, { headers: { Prefer: 'outlook.timezone="Mars/Olympus_Mons"' } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as GraphErrorBody).error.code).toBe('TimeZoneNotSupportedException');
  });
});

describe('persistence', () => {
  it('keeps events, attendance and series across a restart of a file-backed emulator', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sms365-cal-'));
    try {
      const first = await startTestEmulator({ dataDir: dir });
      const res = await first.graph(demo.tom, '/me/events', {
        method: 'POST',
        ...json({
          ...simpleEvent('Monthly SMS review', '2031-11-03T10:00:00', '2031-11-03T11:00:00'),
          attendees: [{ emailAddress: { address: demo.priya } }],
          recurrence: { pattern: { type: 'absoluteMonthly', interval: 1, dayOfMonth: 3 }, range: { type: 'numbered', startDate: '2031-11-03', numberOfOccurrences: 3 } },
        }),
      });
      expect(res.status).toBe(201);
      const ev = (await res.json()) as GraphEvent;
      await first.close();

      const second = await startTestEmulator({ dataDir: dir });
      try {
        const got = await second.graph(demo.tom, `/me/events/${ev.id}`);
        expect(got.status).toBe(200);
        expect(((await got.json()) as GraphEvent).changeKey).toBe(ev.changeKey);
        const view = (await (await second.graph(demo.priya, '/me/calendarView?startDateTime=2031-11-01T00:00:00Z&endDateTime=2032-03-01T00:00:00Z')).json()) as Page;
        expect(view.value.map((e) => e.start.dateTime.slice(0, 10))).toEqual(['2031-11-03', '2031-12-03', '2032-01-03']);
      } finally {
        await second.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('event locations and hideAttendees (resources/event)', () => {
  const picnic = {
    ...simpleEvent('Supplier review visit', '2031-06-03T10:00:00', '2031-06-03T11:00:00'),
    location: { displayName: 'Conf Room 3; Fourth Coffee; Home Office', locationType: 'Default' },
    locations: [
      { displayName: 'Conf Room 3' },
      { displayName: 'Fourth Coffee', address: { street: '4567 Main St', city: 'Redmond', state: 'WA', countryOrRegion: 'US', postalCode: '32008' }, coordinates: { latitude: 47.672, longitude: -102.103 } },
      { displayName: 'Home Office' },
    ],
  };

  it('keeps location and locations as Outlook does on create (Learn: event with multiple locations)', async () => {
    const ev = await createEvent(demo.ben, '/me/events', picnic);
    expect(ev.location).toEqual({ displayName: 'Conf Room 3; Fourth Coffee; Home Office', locationType: 'default', uniqueId: 'Conf Room 3; Fourth Coffee; Home Office', uniqueIdType: 'private' });
    expect(ev.locations).toEqual([
      { displayName: 'Conf Room 3', locationType: 'default', uniqueIdType: 'unknown' },
      {
        displayName: 'Fourth Coffee',
        locationType: 'default',
        uniqueId: 'Fourth Coffee',
        uniqueIdType: 'private',
        address: { type: 'unknown', street: '4567 Main St', city: 'Redmond', state: 'WA', countryOrRegion: 'US', postalCode: '32008' },
        coordinates: { latitude: 47.672, longitude: -102.103 },
      },
      { displayName: 'Home Office', locationType: 'default', uniqueIdType: 'unknown' },
    ]);
    const read = (await (await emu.graph(demo.ben, `/me/events/${ev.id}?$select=location,locations`)).json()) as GraphEvent;
    expect(read.locations).toEqual(ev.locations);
  });

  it('derives location from locations alone, and replaces locations when location is updated', async () => {
    const { location: _l, ...onlyLocations } = picnic;
    const ev = await createEvent(demo.ben, '/me/events', onlyLocations);
    expect((ev.location as { displayName: string }).displayName).toBe('Conf Room 3; Fourth Coffee; Home Office');

    const res = await emu.graph(demo.ben, `/me/events/${ev.id}`, { method: 'PATCH', ...json({ location: { displayName: "Harry's Bar" } }) });
    expect(res.status).toBe(200);
    const updated = (await res.json()) as GraphEvent;
    expect(updated.location).toEqual({ displayName: "Harry's Bar", locationType: 'default', uniqueId: "Harry's Bar", uniqueIdType: 'private' });
    expect(updated.locations).toEqual([{ displayName: "Harry's Bar", locationType: 'default', uniqueIdType: 'unknown' }]);
  });

  it('hideAttendees: false by default; when true each attendee sees only themselves, the organizer sees all', async () => {
    const plain = await createEvent(demo.laura, '/me/events', simpleEvent('Induction', '2031-06-04T09:00:00', '2031-06-04T10:00:00'));
    expect(plain.hideAttendees).toBe(false);

    const ev = await createEvent(demo.laura, '/me/events', {
      ...simpleEvent('Appraisal feedback session', '2031-06-05T09:00:00', '2031-06-05T10:00:00'),
      hideAttendees: true,
      attendees: [{ emailAddress: { address: demo.jack } }, { emailAddress: { address: demo.sofia } }],
    });
    expect(ev.hideAttendees).toBe(true);
    expect(ev.attendees.map((a) => a.emailAddress.address)).toEqual([demo.jack, demo.sofia]);

    const jacks = (await (await emu.graph(demo.jack, `/me/events/${ev.id}`)).json()) as GraphEvent;
    expect(jacks.hideAttendees).toBe(true);
    expect(jacks.attendees.map((a) => a.emailAddress.address)).toEqual([demo.jack]);

    const res = await emu.graph(demo.laura, `/me/events/${ev.id}`, { method: 'PATCH', ...json({ hideAttendees: false }) });
    expect(((await res.json()) as GraphEvent).hideAttendees).toBe(false);
    const again = (await (await emu.graph(demo.jack, `/me/events/${ev.id}`)).json()) as GraphEvent;
    expect(again.attendees.map((a) => a.emailAddress.address)).toEqual([demo.jack, demo.sofia]);
  });
});
