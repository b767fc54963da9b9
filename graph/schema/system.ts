/** App plumbing lists: SMS Settings, SMS Sequences and the SMS Audit Trail. */
import { choice, dateTime, note, number, person, text, titleColumn } from './columns.js';
import type { SmsListSchema } from './types.js';

export const smsSettings: SmsListSchema = {
  key: 'smsSettings',
  displayName: 'SMS Settings',
  template: 'genericList',
  kind: 'system',
  entity: 'Settings',
  description: 'App configuration as key/value pairs (e.g. risk acceptance thresholds, improvement cost threshold).',
  large: false,
  columns: [
    titleColumn('Title', false),
    text('Key', { required: true, unique: true, indexed: true }),
    note('Value'),
    note('Description'),
  ],
};

export const smsSequences: SmsListSchema = {
  key: 'smsSequences',
  displayName: 'SMS Sequences',
  template: 'genericList',
  kind: 'system',
  entity: 'Sequences',
  description:
    'Counters that hand out DocIds and Refs. The app reads an item, PATCHes NextNumber with If-Match set to the eTag it read, and retries on 412, so two users never get the same number.',
  large: false,
  columns: [
    titleColumn('Title', false),
    text('SequenceName', { required: true, unique: true, indexed: true, description: 'e.g. NC-2025 or SMS-POL' }),
    text('Prefix', { required: true, description: 'Text before the number, e.g. NC-2025-' }),
    number('NextNumber', { required: true, min: 1, default: 1 }),
    number('Padding', { min: 1, max: 10, default: 3, description: 'Zero-padded width of the number.' }),
    text('LastRequestKey', {
      displayName: 'Last request key',
      description: 'Idempotency key of the request that took the last number: the same request repeated after a lost answer gets that number again.',
    }),
  ],
};

export const AUDIT_EVENT_TYPES = ['Created', 'Transition', 'Updated', 'Due date changed', 'Reassigned', 'Waived', 'Deleted', 'Sync'] as const;

export const auditTrail: SmsListSchema = {
  key: 'auditTrail',
  displayName: 'SMS Audit Trail',
  template: 'genericList',
  kind: 'system',
  entity: 'Audit trail (app events)',
  clauses: ['7.5.3'],
  description:
    'Append-only log of every workflow transition and sensitive change (actor, time, from, to, comment), written by the app identity. One list for now; a yearly rollover (SMS Audit Trail YYYY) is future work.',
  large: true,
  compoundIndexes: [['EntityRef', 'Timestamp']],
  columns: [
    titleColumn('Title', false),
    text('EntityType', { indexed: true, required: true, description: 'Entity name, e.g. Nonconformity.' }),
    text('EntityRef', { indexed: true, description: 'Ref of the item, e.g. NC-2025-003.' }),
    number('EntityItemId', { displayName: 'Entity item ID' }),
    text('ListKey', { description: 'Schema key of the list the item lives in.' }),
    dateTime('Timestamp', { indexed: true, required: true }),
    text('ActorUPN', { indexed: true, required: true }),
    person('Actor'),
    choice('EventType', AUDIT_EVENT_TYPES, { required: true }),
    text('FromStatus'),
    text('ToStatus'),
    note('Comment', { description: 'Reason or comment (required for waivers, cancellations, due-date changes and rejections).' }),
    note('Details', { description: 'Changed fields as JSON.' }),
  ],
};
