/**
 * Group calendar events of domain reference §7.5 ("Calendar"), each created by the person who
 * organises it, and the SharePoint item that keeps its id.
 */
import type { PersonKey } from '../types.js';

export interface DemoEvent {
  /** The event subject; also the idempotency key (an event with this subject is not created twice). */
  readonly subject: string;
  readonly organizer: PersonKey;
  /** Day offset from D and UTC start time `HH:MM`. */
  readonly day: number;
  readonly start: string;
  readonly minutes: number;
  readonly attendees: readonly PersonKey[];
  /** People outside the tenant (customers, suppliers). */
  readonly guests?: readonly { readonly name: string; readonly address: string }[];
  readonly location: string;
  readonly body: string;
  /** A Teams meeting. */
  readonly online?: boolean;
  /** The SharePoint item that stores the event id, and in which column. */
  readonly item?: { readonly list: string; readonly key: string; readonly column: 'CalendarEventId' | 'CalendarEventIds' };
}

export const DEMO_EVENTS: readonly DemoEvent[] = [
  {
    subject: 'MR-2025-H2 Management review',
    organizer: 'tom',
    day: 14,
    start: '09:30',
    minutes: 150,
    attendees: ['eleanor', 'raj', 'hannah', 'marcus', 'david', 'gareth', 'chloe', 'ben', 'priya'],
    location: 'Microsoft Teams meeting',
    body: 'Half-yearly management review of the Kestrel SMS. Inputs are compiled in the SMS app under MR-2025-H2; please submit yours by the due date.',
    online: true,
    item: { list: 'managementReviews', key: 'MR-2025-H2', column: 'CalendarEventId' },
  },
  {
    subject: 'IA-2025-03 Opening meeting – resolution and fulfilment audit',
    organizer: 'priya',
    day: 21,
    start: '09:00',
    minutes: 30,
    attendees: ['fiona', 'marcus', 'sofia', 'aisha', 'tom'],
    location: 'Manchester – Pennine meeting room / Teams',
    body: 'Opening meeting of internal audit IA-2025-03 (8.6 incident, request and problem management; 7.6 knowledge). The audit plan is attached to the audit in the SMS app.',
    online: true,
    item: { list: 'audits', key: 'IA-2025-03', column: 'CalendarEventIds' },
  },
  {
    subject: 'IA-2025-03 Closing meeting – resolution and fulfilment audit',
    organizer: 'priya',
    day: 22,
    start: '15:00',
    minutes: 60,
    attendees: ['fiona', 'marcus', 'sofia', 'aisha', 'tom'],
    location: 'Manchester – Pennine meeting room / Teams',
    body: 'Closing meeting of internal audit IA-2025-03: findings and next steps.',
    online: true,
    item: { list: 'audits', key: 'IA-2025-03', column: 'CalendarEventIds' },
  },
  {
    subject: 'CT-2025-04 SVC-03 region failover simulation',
    organizer: 'gareth',
    day: 30,
    start: '07:00',
    minutes: 240,
    attendees: ['david', 'fiona', 'omar'],
    location: 'Operations bridge (Teams)',
    body: 'Continuity test of Managed Cloud Hosting: simulated loss of the primary Azure region for two pilot customers. Success criteria are in CT-2025-04.',
    online: true,
    item: { list: 'continuityTests', key: 'CT-2025-04', column: 'CalendarEventId' },
  },
  {
    subject: 'SR-2025-10 FibreLink Telecom supplier review',
    organizer: 'ben',
    day: 7,
    start: '13:00',
    minutes: 60,
    attendees: ['david', 'omar'],
    guests: [{ name: 'FibreLink account manager', address: 'account.manager@fibrelink.example' }],
    location: 'Manchester – Aire meeting room',
    body: 'Six-monthly performance review of FibreLink Telecom (rescheduled: see NC-2025-004). Agenda: circuit availability, fault response, the credit dispute DSP-2025-002, contract renewal.',
    item: { list: 'supplierReviews', key: 'SR-2025-10', column: 'CalendarEventId' },
  },
  {
    subject: 'Pennine Logistics quarterly service review',
    organizer: 'chloe',
    day: 18,
    start: '10:00',
    minutes: 90,
    attendees: ['marcus'],
    guests: [{ name: 'Pennine Logistics IT service manager', address: 'it.service.manager@penninelogistics.example' }],
    location: 'Pennine Logistics head office, Leeds',
    body: 'Quarterly review of the Managed Service Desk under SLA SMS-AGR-004: KPI-01 and CSAT trends, complaint CMP-2025-011 follow-up and improvement IMP-017.',
  },
];
