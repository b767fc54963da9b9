/** Management review (domain §5.4, clause 9.3): Management Reviews, Review Inputs, Review Outputs. */
import {
  choice,
  dateOnly,
  hyperlink,
  lookup,
  note,
  number,
  people,
  person,
  registerColumns,
  text,
  yesNo,
} from './columns.js';
import { chain, tr } from './lifecycle.js';
import type { SmsListSchema } from './types.js';

export const MANAGEMENT_REVIEW_STATUSES = [
  'Planned',
  'Inputs requested',
  'Ready for review',
  'Held',
  'Minutes draft',
  'Minutes approved',
  'Actions open',
  'Closed',
  'Rescheduled',
  'Cancelled',
] as const;

export const managementReviews: SmsListSchema = {
  key: 'managementReviews',
  displayName: 'Management Reviews',
  template: 'genericList',
  kind: 'register',
  entity: 'ManagementReview',
  clauses: ['9.3'],
  description: 'Management reviews (Teams meeting in the group calendar); minutes are kept in SMS Records.',
  large: false,
  refPrefix: 'MR',
  refFormat: { yearly: true, digits: 2 },
  statuses: MANAGEMENT_REVIEW_STATUSES,
  transitions: [
    ...tr('Planned', 'Inputs requested', 'System', 'Creates one Review Input per category with preparer and due date'),
    ...tr('Inputs requested', 'Ready for review', 'Secretary', 'Every category Submitted/Reviewed, or Not applicable with a reason'),
    ...chain(['Ready for review', 'Held', 'Minutes draft'], 'Secretary'),
    ...tr('Minutes draft', 'Minutes approved', 'Chair only'),
    ...tr('Minutes approved', 'Actions open', 'Secretary'),
    ...tr('Actions open', 'Closed', 'Chair or secretary', 'Every Review Output Done, Carried forward or Cancelled'),
    ...tr(['Planned', 'Inputs requested'], 'Rescheduled', 'Chair or secretary'),
    ...tr('Rescheduled', 'Inputs requested', 'Chair or secretary'),
    ...tr('Planned', 'Cancelled', 'Chair', 'Reason required'),
  ],
  columns: [
    ...registerColumns({ statuses: MANAGEMENT_REVIEW_STATUSES }),
    dateOnly('PeriodFrom'),
    dateOnly('PeriodTo'),
    dateOnly('MeetingDate', { indexed: true }),
    text('CalendarEventId'),
    hyperlink('TeamsMeetingUrl', { displayName: 'Teams meeting URL' }),
    person('Chair', { description: 'Top management.' }),
    people('Attendees'),
    person('Secretary', { description: 'SMS manager.' }),
    number('InputCoverage', { displayName: 'Input coverage (%)', min: 0, max: 100, description: 'App-computed over MRI-A…MRI-L.' }),
    yesNo('ConclusionSuitable'),
    yesNo('ConclusionAdequate'),
    yesNo('ConclusionEffective'),
    note('ConclusionComment'),
    hyperlink('MinutesDoc', { displayName: 'Minutes', description: 'Link to the minutes in SMS Records.' }),
    person('MinutesApprovedBy'),
    dateOnly('MinutesApprovedOn'),
  ],
};

/** Management review input categories of §4.1 (MRI-C is split into C1–C3). */
export const REVIEW_INPUT_CATEGORIES = [
  'MRI-A',
  'MRI-B',
  'MRI-C',
  'MRI-C1',
  'MRI-C2',
  'MRI-C3',
  'MRI-D',
  'MRI-E',
  'MRI-F',
  'MRI-G',
  'MRI-H',
  'MRI-I',
  'MRI-J',
  'MRI-K',
  'MRI-L',
] as const;

export const REVIEW_INPUT_STATUSES = ['Requested', 'Submitted', 'Reviewed', 'Not applicable'] as const;

export const reviewInputs: SmsListSchema = {
  key: 'reviewInputs',
  displayName: 'Review Inputs',
  template: 'genericList',
  kind: 'register',
  entity: 'ReviewInput',
  clauses: ['9.3'],
  description: 'One item per input category of a management review.',
  large: false,
  refPrefix: 'RI',
  refFormat: { yearly: true, digits: 3 },
  statuses: REVIEW_INPUT_STATUSES,
  transitions: [
    ...tr('Requested', 'Submitted', 'Preparer'),
    ...tr('Submitted', 'Reviewed', 'Chair or secretary', 'During the meeting'),
    ...tr('Submitted', 'Requested', 'Chair or secretary', 'Returned to the preparer'),
    ...tr('Requested', 'Not applicable', 'SMS manager', 'Reason required'),
  ],
  columns: [
    ...registerColumns({ statuses: REVIEW_INPUT_STATUSES }),
    lookup('Review', 'managementReviews', { indexed: true, required: true, lookupColumn: 'Ref' }),
    choice('InputCategory', REVIEW_INPUT_CATEGORIES, { indexed: true, required: true }),
    note('Summary'),
    note('KeyData', { description: 'Key data with links to dashboards and exports.' }),
    choice('Trend', ['Improving', 'Stable', 'Deteriorating', 'n/a']),
    person('Preparer', { indexed: true }),
    dateOnly('DueDate'),
    text('AutoCompiledFrom', { description: 'e.g. "NC register snapshot 2025-12-31"' }),
    note('NotApplicableReason'),
  ],
};

export const REVIEW_OUTPUT_STATUSES = ['Open', 'In progress', 'Done', 'Carried forward', 'Cancelled'] as const;

export const reviewOutputs: SmsListSchema = {
  key: 'reviewOutputs',
  displayName: 'Review Outputs',
  template: 'genericList',
  kind: 'register',
  entity: 'ReviewOutput',
  clauses: ['9.3'],
  description: 'Decisions of a management review, each with owner and due date.',
  large: false,
  refPrefix: 'RO',
  refFormat: { yearly: true, digits: 3 },
  statuses: REVIEW_OUTPUT_STATUSES,
  transitions: [
    ...chain(['Open', 'In progress', 'Done'], 'Owner'),
    ...tr(['Open', 'In progress'], 'Carried forward', 'Chair or secretary', 'Becomes MRI-A of the next review'),
    ...tr('Open', 'Cancelled', 'Chair'),
  ],
  columns: [
    ...registerColumns({ statuses: REVIEW_OUTPUT_STATUSES }),
    lookup('Review', 'managementReviews', { indexed: true, required: true, lookupColumn: 'Ref' }),
    choice(
      'OutputType',
      ['Improvement decision', 'Change to SMS', 'Change to services', 'Resource decision', 'Objective change', 'Risk acceptance', 'Other decision'],
      { indexed: true, required: true },
    ),
    note('Decision'),
    dateOnly('DueDate', { indexed: true }),
    text('LinkedActionRef'),
    text('LinkedImprovementRef'),
  ],
};
