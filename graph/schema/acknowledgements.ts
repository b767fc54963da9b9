/**
 * Policy acknowledgement (domain §5.4 "Acknowledgement", §6.3 rule 7; clauses 5.2.2, 7.3), as three lists so
 * that every item is written by the person the evidence is about (ADR 0007):
 *
 * - `Acknowledgement Campaigns`: who must acknowledge which release by when (audience, due date, figures).
 *   Written by document controllers and the SMS manager (publication, on demand, the daily job).
 * - `Acknowledgement Requests`: one item per person and release, with its status. Written by the same people and
 *   the job; all staff read them and never write them.
 * - `Acknowledgements`: the evidence. One item per person and release, created by that person with their own
 *   token, so SharePoint stamps `createdBy` with them. Staff may add items and never edit or delete them (a custom
 *   "Add only" permission level); `AckKey` (`<release item id>:<Entra user id>`) is unique, so a second create
 *   of the same acknowledgement answers 409 and counts as done.
 *
 * A request is acknowledged when a trusted acknowledgement with its key exists; its own `RequestStatus` catches
 * up when the job or a controller next reconciles the campaign.
 */
import { choice, dateOnly, dateTime, note, number, text, titleColumn, yesNo } from './columns.js';
import type { SmsListSchema } from './types.js';

export const CAMPAIGN_STATUSES = ['Open', 'Closed', 'Superseded', 'Cancelled'] as const;
export const CAMPAIGN_TRIGGERS = ['Publication', 'On demand'] as const;

export const ackCampaigns: SmsListSchema = {
  key: 'ackCampaigns',
  displayName: 'Acknowledgement Campaigns',
  template: 'genericList',
  kind: 'detail',
  entity: 'AcknowledgementCampaign',
  clauses: ['5.2.2', '7.3'],
  description: 'One item per request to acknowledge a document release: its audience, due date and latest figures.',
  large: false,
  statusColumn: 'CampaignStatus',
  statuses: CAMPAIGN_STATUSES,
  transitions: [
    { from: 'Open', to: 'Closed', by: 'Document controller or SMS manager', guard: 'No request is still open, or the controller closes it' },
    { from: 'Open', to: 'Superseded', by: 'System', guard: 'A new major version of the document is published' },
    { from: 'Open', to: 'Cancelled', by: 'System', guard: 'The document is withdrawn' },
  ],
  compoundIndexes: [],
  columns: [
    titleColumn(),
    number('DocumentVersionId', { displayName: 'Document version ID', indexed: true, required: true, description: 'Item id in Document Releases.' }),
    text('DocId', { displayName: 'Document ID', indexed: true, required: true }),
    text('DocTitle', { displayName: 'Document title' }),
    text('VersionLabel', { required: true }),
    text('FileHash', { description: 'SHA-256 of the published file people are asked to read.' }),
    choice('CampaignStatus', CAMPAIGN_STATUSES, { displayName: 'Campaign status', indexed: true, required: true, default: 'Open' }),
    choice('Trigger', CAMPAIGN_TRIGGERS, { required: true, default: 'Publication' }),
    note('AudienceGroups', { displayName: 'Audience groups', description: 'Ids of the Entra groups who must acknowledge (nested groups included), one per line.' }),
    note('AudiencePeople', { displayName: 'Audience people', description: 'UPNs of people named individually, one per line.' }),
    dateOnly('DueDate', { required: true }),
    dateTime('StartedOn'),
    text('StartKey', { displayName: 'Start key', indexed: true, unique: true, description: 'Idempotency key of the start: a repeated start finds the campaign by it.' }),
    number('Targeted', { min: 0, description: 'People asked (figures as of FiguresAsOf).' }),
    number('Acknowledged', { min: 0 }),
    number('Pending', { min: 0 }),
    number('Overdue', { min: 0 }),
    number('Late', { min: 0 }),
    number('Waived', { min: 0 }),
    dateTime('FiguresAsOf', { displayName: 'Figures as of', description: 'Server time of the newest acknowledgement counted in the figures.' }),
    dateTime('LastRunOn', { displayName: 'Last reconciled' }),
  ],
};

export const REQUEST_STATUSES = ['Pending', 'Acknowledged', 'Overdue', 'Superseded', 'Waived', 'Cancelled'] as const;

export const ackRequests: SmsListSchema = {
  key: 'ackRequests',
  displayName: 'Acknowledgement Requests',
  template: 'genericList',
  kind: 'detail',
  entity: 'AcknowledgementRequest',
  clauses: ['5.2.2', '7.3'],
  description: 'One item per person asked to acknowledge a release. Large: 2,000 people × 30 releases is 60,000 items.',
  large: true,
  statusColumn: 'RequestStatus',
  statuses: REQUEST_STATUSES,
  transitions: [
    { from: 'Pending', to: 'Acknowledged', by: 'The user themself only', guard: 'Their acknowledgement exists (the request catches up when reconciled)' },
    { from: 'Pending', to: 'Overdue', by: 'Scheduled job', guard: 'DueDate has passed' },
    { from: 'Overdue', to: 'Acknowledged', by: 'The user themself only', guard: 'Late (derived from dates)' },
    { from: 'Pending', to: 'Superseded', by: 'System', guard: 'A new major version needing acknowledgement is published' },
    { from: 'Overdue', to: 'Superseded', by: 'System', guard: 'A new major version needing acknowledgement is published' },
    { from: 'Pending', to: 'Waived', by: 'SMS manager', guard: 'Reason required' },
    { from: 'Overdue', to: 'Waived', by: 'SMS manager', guard: 'Reason required' },
    { from: 'Pending', to: 'Cancelled', by: 'System', guard: 'User left the audience, or the document was withdrawn' },
    { from: 'Overdue', to: 'Cancelled', by: 'System', guard: 'User left the audience, or the document was withdrawn' },
  ],
  compoundIndexes: [
    ['UserUPN', 'RequestStatus'],
    ['DocumentVersionId', 'RequestStatus'],
  ],
  columns: [
    titleColumn(),
    text('RequestKey', { displayName: 'Request key', indexed: true, unique: true, required: true, description: '<release item id>:<Entra user id>: one request per person and release.' }),
    number('CampaignId', { displayName: 'Campaign ID', indexed: true, required: true, description: 'Item id in Acknowledgement Campaigns.' }),
    number('DocumentVersionId', { displayName: 'Document version ID', indexed: true, required: true, description: 'Item id in Document Releases.' }),
    text('DocId', { displayName: 'Document ID', indexed: true, required: true }),
    text('DocTitle', { displayName: 'Document title' }),
    text('VersionLabel', { required: true }),
    text('UserId', { displayName: 'User ID', required: true, description: 'Entra object id of the person asked.' }),
    text('UserUPN', { displayName: 'User UPN', indexed: true, required: true }),
    text('UserName', { displayName: 'User name' }),
    text('Department'),
    choice('RequestStatus', REQUEST_STATUSES, { displayName: 'Request status', indexed: true, required: true, default: 'Pending' }),
    dateTime('RequestedOn', { required: true }),
    dateOnly('DueDate', { indexed: true, required: true }),
    dateTime('AcknowledgedOn'),
    yesNo('Late', { default: false }),
    note('StatusReason', { displayName: 'Reason', description: 'Why the request was waived, cancelled or superseded.' }),
    dateOnly('LastNotifiedOn', { displayName: 'Last notified on', description: 'Site date of the last activity notification about this request (at most one a day).' }),
    text('LastNotice', { displayName: 'Last notice', description: 'requested, beforeDue or afterDue: the last notification sent.' }),
  ],
};

export const ACK_CHANNELS = ['App', 'Teams card', 'Email link'] as const;

export const acknowledgements: SmsListSchema = {
  key: 'acknowledgements',
  displayName: 'Acknowledgements',
  template: 'genericList',
  kind: 'detail',
  entity: 'Acknowledgement',
  clauses: ['5.2.2', '7.3'],
  description: 'The evidence: one item per person and release, created by that person. Never edited or deleted.',
  large: true,
  compoundIndexes: [['UserUPN', 'DocumentVersionId']],
  columns: [
    titleColumn(),
    text('AckKey', { displayName: 'Acknowledgement key', indexed: true, unique: true, required: true, description: '<release item id>:<Entra user id>: exactly one per person and release.' }),
    number('DocumentVersionId', { displayName: 'Document version ID', indexed: true, required: true, description: 'Item id in Document Releases.' }),
    text('DocId', { displayName: 'Document ID', indexed: true, required: true }),
    text('VersionLabel', { required: true }),
    text('UserId', { displayName: 'User ID', required: true, description: 'Entra object id of the person: must be the one createdBy names.' }),
    text('UserUPN', { displayName: 'User UPN', indexed: true, required: true }),
    dateTime('AcknowledgedOn', { indexed: true, required: true }),
    choice('Channel', ACK_CHANNELS, { default: 'App' }),
    note('AttestationText', { displayName: 'Attestation', description: 'The statement the person accepted, as shown to them.' }),
    text('FileHash', { description: 'SHA-256 of the file version the person was shown.' }),
  ],
};
