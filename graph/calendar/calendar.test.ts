import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Event } from '@microsoft/microsoft-graph-types';
import { startTestEmulator, demo, type TestEmulator } from '../../tests/support/emulator.js';
import { groupIdOf } from '../../emulator/seed/tenant.js';
import { createGraphClient } from '../core/client.js';
import { GraphConflictError, GraphError } from '../core/errors.js';
import { cancelEvent, calendarView, createGroupEvent, createMyEvent, getEvent, getGroupCalendarView, updateEvent } from './index.js';

let emu: TestEmulator;
const clientFor = (upn: string) => createGraphClient({ baseUrl: emu.graphBaseUrl, getToken: () => emu.token(upn) });
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(async () => {
  await emu.close();
});

const at = (iso: string) => ({ dateTime: iso, timeZone: 'UTC' });
const meeting = (subject: string, start: string, end: string): Event => ({ subject, start: at(start), end: at(end) });

describe('group calendar', () => {
  it('creates a Teams meeting in the group calendar that the calendar view shows only inside its window', async () => {
    const created = await createGroupEvent(clientFor(demo.tom), groupIdOf('Kestrel SMS'), {
      ...meeting('Management review Q3', '2031-09-15T09:00:00', '2031-09-15T11:00:00'),
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
    });
    expect(created.id).toBeTruthy();
    const inside = await getGroupCalendarView(clientFor(demo.priya), groupIdOf('Kestrel SMS'), new Date('2031-09-15T00:00:00Z'), new Date('2031-09-16T00:00:00Z'));
    expect(inside.map((e) => e.subject)).toContain('Management review Q3');
    const outside = await getGroupCalendarView(clientFor(demo.priya), groupIdOf('Kestrel SMS'), new Date('2031-09-16T00:00:00Z'), new Date('2031-09-17T00:00:00Z'));
    expect(outside.map((e) => e.subject)).not.toContain('Management review Q3');
  });
});

describe('my calendar', () => {
  it('creates, updates with the eTag it read, and a stale eTag is a GraphConflictError', async () => {
    const ev = await createMyEvent(clientFor(demo.priya), meeting('Audit prep', '2031-10-01T13:00:00', '2031-10-01T14:00:00'));
    const first = ev['@odata.etag']!;
    const moved = await updateEvent(clientFor(demo.priya), 'me', ev.id!, { subject: 'Audit prep (moved)' }, first);
    expect(moved.subject).toBe('Audit prep (moved)');
    const err = await updateEvent(clientFor(demo.priya), 'me', ev.id!, { subject: 'lost update' }, first).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GraphConflictError);
    expect((await getEvent(clientFor(demo.priya), 'me', ev.id!)).subject).toBe('Audit prep (moved)');
    await expect(updateEvent(clientFor(demo.priya), 'me', ev.id!, { subject: 'x' }, '*')).rejects.toThrow(/never "\*"/);
  });

  it('times come back in the asked time zone', async () => {
    await createMyEvent(clientFor(demo.jack), meeting('Shift handover', '2031-11-03T12:00:00', '2031-11-03T12:30:00'));
    const [ev] = await calendarView(clientFor(demo.jack), 'me', new Date('2031-11-03T00:00:00Z'), new Date('2031-11-04T00:00:00Z'), { timeZone: 'Pacific Standard Time' });
    expect(ev?.start?.timeZone).toBe('Pacific Standard Time');
    expect(ev?.start?.dateTime).toMatch(/^2031-11-03T04:00:00/);
  });

  it('the organizer cancels a meeting; it leaves the calendar view', async () => {
    const ev = await createMyEvent(clientFor(demo.tom), {
      ...meeting('Supplier review', '2031-12-01T10:00:00', '2031-12-01T11:00:00'),
      attendees: [{ emailAddress: { address: demo.ben }, type: 'required' }],
    });
    await cancelEvent(clientFor(demo.tom), 'me', ev.id!, 'Supplier unavailable');
    const view = await calendarView(clientFor(demo.tom), 'me', new Date('2031-12-01T00:00:00Z'), new Date('2031-12-02T00:00:00Z'));
    expect(view.map((e) => e.id)).not.toContain(ev.id);
    const gone = await getEvent(clientFor(demo.tom), 'me', ev.id!).catch((e: unknown) => e);
    expect((gone as GraphError).status).toBe(404);
  });
});

describe('event locations and hideAttendees', () => {
  it('sends several locations and hideAttendees, and reads them back as Outlook keeps them', async () => {
    const ev = await createMyEvent(clientFor(demo.priya), {
      ...meeting('Internal audit opening meeting', '2031-11-03T09:00:00', '2031-11-03T10:00:00'),
      locations: [{ displayName: 'Boardroom, Manchester' }, { displayName: 'Lisbon office' }],
      hideAttendees: true,
      attendees: [{ emailAddress: { address: demo.omar }, type: 'required' }],
    });
    const got = await getEvent(clientFor(demo.priya), 'me', ev.id!);
    expect(got.location?.displayName).toBe('Boardroom, Manchester; Lisbon office');
    expect(got.locations?.map((l) => l.displayName)).toEqual(['Boardroom, Manchester', 'Lisbon office']);
    expect(got.hideAttendees).toBe(true);
  });
});
