import { describe, expect, it } from 'vitest';
// The clause tree lives beside the list schema; the rules take it as a function.
// eslint-disable-next-line no-restricted-imports
import { clauseByNumber } from '../../../graph/schema/clauses.js';
import { decideApproval, type ApprovalRecord } from './approvals.js';
import { DOC_STATUSES, type DocStatus } from './constants.js';
import { reviewState } from './dates.js';
import { deepFreeze, people, policy, procedure, userById, type PersonKey } from './fixtures.js';
import {
  documentTransition,
  draftNewDocument,
  isReadOnly,
  type DocumentAction,
  type DocumentActionType,
  type DocumentEffect,
  type TransitionContext,
  type TransitionResult,
} from './lifecycle.js';
import type { RefusalCode } from './results.js';
import { SYSTEM_ACTOR, type DocumentActor, type DocumentState } from './types.js';

const NOW = '2025-03-01T09:30:00Z';
const TODAY = '2025-03-01';
const isValidClause = (c: string) => clauseByNumber(c) !== undefined;

/** The current round on SMS-PRC-010: Raj approved, Fiona reviewed. */
const approvedRound: ApprovalRecord[] = [
  { step: 'Approval', assigneeId: people.raj.id, decision: 'Approved' },
  { step: 'Review', assigneeId: people.fiona.id, decision: 'Approved' },
];

const ctx = (over: Partial<TransitionContext> = {}): TransitionContext => ({ now: NOW, today: TODAY, isValidClause, userById, approvals: approvedRound, ...over });

const ACTIONS: Record<DocumentActionType, DocumentAction> = {
  submit: { type: 'submit' },
  requestChanges: { type: 'requestChanges', comment: 'Please clarify step 4.' },
  approve: { type: 'approve' },
  publish: { type: 'publish' },
  startRevision: { type: 'startRevision' },
  reviewNoChange: { type: 'reviewNoChange' },
  withdraw: { type: 'withdraw', reason: 'Replaced by SMS-PRC-011.' },
  archive: { type: 'archive' },
};

type ActorKey = PersonKey | 'system';
const ACTORS: ActorKey[] = ['eleanor', 'raj', 'tom', 'priya', 'marcus', 'david', 'omar', 'fiona', 'jack', 'system'];
const actorOf = (k: ActorKey): DocumentActor => (k === 'system' ? SYSTEM_ACTOR : people[k]);

/**
 * The allowed steps on SMS-PRC-010 (owner/author Marcus of process PRC-13, approver Raj,
 * reviewer Fiona), written out by hand from §5.4 and §6.2.
 */
const ALLOWED: Partial<Record<`${DocStatus}|${DocumentActionType}`, { to: DocStatus; ok: ActorKey[]; otherwise: RefusalCode; except?: Partial<Record<ActorKey, RefusalCode>> }>> = {
  'Draft|submit': { to: 'In review', ok: ['tom', 'priya', 'marcus'], otherwise: 'notPermitted' },
  'Under revision|submit': { to: 'In review', ok: ['tom', 'priya', 'marcus'], otherwise: 'notPermitted' },
  'In review|requestChanges': { to: 'Draft', ok: ['raj', 'fiona'], otherwise: 'notPermitted' },
  'In review|approve': { to: 'Approved', ok: ['system'], otherwise: 'systemOnly' },
  'Approved|publish': { to: 'Published', ok: ['tom', 'priya'], otherwise: 'notPermitted', except: { system: 'notYetEffective' } },
  'Published|startRevision': { to: 'Under revision', ok: ['tom', 'priya', 'marcus'], otherwise: 'notPermitted' },
  'Published|reviewNoChange': { to: 'Published', ok: ['tom', 'priya', 'marcus'], otherwise: 'notPermitted' },
  'Published|withdraw': { to: 'Withdrawn', ok: ['raj', 'tom', 'priya'], otherwise: 'notPermitted' },
  'Withdrawn|archive': { to: 'Archived', ok: ['system'], otherwise: 'systemOnly' },
};

const rows = DOC_STATUSES.flatMap((status) =>
  (Object.keys(ACTIONS) as DocumentActionType[]).flatMap((action) =>
    ACTORS.map((actor) => {
      const rule = ALLOWED[`${status}|${action}`];
      const expected: 'ok' | RefusalCode = rule
        ? rule.ok.includes(actor)
          ? 'ok'
          : (rule.except?.[actor] ?? rule.otherwise)
        : status === 'Withdrawn' || status === 'Archived'
          ? 'readOnly'
          : 'notAllowedFromStatus';
      return { status, action, actor, expected, to: rule?.to };
    }),
  ),
);

const auditOf = (r: TransitionResult) => (r.ok ? r.effects.find((e) => e.type === 'audit') : undefined);
const effectsOf = <T extends DocumentEffect['type']>(r: TransitionResult, type: T) =>
  r.ok ? (r.effects.filter((e) => e.type === type) as Extract<DocumentEffect, { type: T }>[]) : [];
const must = (r: TransitionResult) => {
  if (!r.ok) throw new Error(`refused: ${r.reason} ${r.message}`);
  return r;
};

describe('documentTransition: every status × action × role', () => {
  it('covers 7 statuses × 8 actions × 10 actors', () => {
    expect(rows).toHaveLength(560);
    expect(rows.filter((r) => r.expected === 'ok')).toHaveLength(21);
  });

  it.each(rows)('$status + $action by $actor → $expected', ({ status, action, actor, expected, to }) => {
    const doc = deepFreeze(procedure(status));
    const r = documentTransition(doc, ACTIONS[action], actorOf(actor), ctx());
    if (expected === 'ok') {
      expect(r.ok, r.ok ? '' : `${r.reason}: ${r.message}`).toBe(true);
      const ok = must(r);
      expect(ok.next.status).toBe(to);
      expect(auditOf(r)).toMatchObject({ entry: { entityRef: 'SMS-PRC-010', fromStatus: status, toStatus: to, actorId: actorOf(actor).id, at: NOW } });
    } else {
      expect(r).toEqual({ ok: false, reason: expected, message: expect.any(String) });
      expect(r.ok === false && r.message.length).toBeGreaterThan(15);
    }
  });
});

describe('Draft → In review (submit)', () => {
  it('opens the draft release for review and asks approvers to approve and reviewers to review', () => {
    const r = must(documentTransition(procedure('Draft'), ACTIONS.submit, people.marcus, ctx()));
    expect(r.effects).toEqual([
      {
        type: 'updateRelease',
        versionLabel: '0.1',
        fromStatuses: ['Draft'],
        changes: { versionStatus: 'In review', submittedOn: NOW, changeSummary: null, authorId: people.marcus.id },
      },
      {
        type: 'requestApprovals',
        versionLabel: '0.1',
        approvals: [
          { step: 'Approval', assigneeId: people.raj.id },
          { step: 'Review', assigneeId: people.fiona.id },
        ],
      },
      expect.objectContaining({ type: 'audit' }),
    ]);
  });

  it('does not ask the author to review their own draft', () => {
    const doc = procedure('Draft', { reviewerIds: [people.marcus.id, people.fiona.id] });
    const r = must(documentTransition(doc, ACTIONS.submit, people.priya, ctx()));
    expect(effectsOf(r, 'requestApprovals')[0]?.approvals.map((a) => a.assigneeId)).toEqual([people.raj.id, people.fiona.id]);
  });

  it('needs at least one approver', () => {
    const r = documentTransition(procedure('Draft', { approverIds: [] }), ACTIONS.submit, people.marcus, ctx());
    expect(r).toMatchObject({ ok: false, reason: 'metadataIncomplete', errors: [{ code: 'approver.required' }] });
  });

  it('refuses an approver who is the author, even a top manager submitted by a document controller', () => {
    const doc = policy('Draft', { authorId: people.eleanor.id });
    const r = documentTransition(doc, ACTIONS.submit, people.priya, ctx());
    expect(r).toMatchObject({ ok: false, reason: 'segregationOfDuties', errors: [{ code: 'approver.isAuthor', value: people.eleanor.id }] });
  });

  it('needs complete, valid metadata', () => {
    const doc = procedure('Draft', { clauseRefs: ['8.6.1', '12.1'], reviewCycleMonths: 72, ownerId: null });
    const r = documentTransition(doc, ACTIONS.submit, people.tom, ctx());
    expect(r.ok === false && r.reason).toBe('metadataIncomplete');
    expect(r.ok === false && r.errors?.map((e) => e.code)).toEqual(['owner.required', 'reviewCycle.outOfRange', 'clauseRefs.invalid']);
  });

  it('needs a top-management approver for a policy-level document', () => {
    expect(documentTransition(policy('Draft'), ACTIONS.submit, people.gareth, ctx()).ok).toBe(true);
    const r = documentTransition(policy('Draft', { approverIds: [people.tom.id] }), ACTIONS.submit, people.gareth, ctx());
    expect(r).toMatchObject({ ok: false, reason: 'topManagementApproverRequired', errors: [{ code: 'approver.notTopManagement', value: people.tom.id }] });
  });

  it('needs an approver with authority over the content of other documents', () => {
    for (const approver of [people.priya, people.david, people.omar, people.jack]) {
      const r = documentTransition(procedure('Draft', { approverIds: [approver.id] }), ACTIONS.submit, people.marcus, ctx());
      expect(r, approver.id).toMatchObject({ ok: false, reason: 'approverLacksAuthority' });
    }
    const unknown = documentTransition(procedure('Draft', { approverIds: ['someone@else.example'] }), ACTIONS.submit, people.marcus, ctx());
    expect(unknown).toMatchObject({ ok: false, reason: 'approverLacksAuthority' });
    expect(documentTransition(procedure('Draft', { approverIds: [people.tom.id] }), ACTIONS.submit, people.marcus, ctx()).ok).toBe(true);
  });

  it('needs a change summary to submit a revision', () => {
    const r = documentTransition(procedure('Under revision', { changeSummary: null }), ACTIONS.submit, people.marcus, ctx());
    expect(r).toMatchObject({ ok: false, reason: 'metadataIncomplete', errors: [{ code: 'changeSummary.required' }] });
  });

  it('refuses a process owner submitting a document of another process', () => {
    const r = documentTransition(procedure('Draft'), ACTIONS.submit, people.david, ctx());
    expect(r).toMatchObject({ ok: false, reason: 'notPermitted' });
  });
});

describe('In review → Draft (requestChanges)', () => {
  it('requires a comment', () => {
    const r = documentTransition(procedure('In review'), { type: 'requestChanges', comment: '  ' }, people.raj, ctx());
    expect(r).toMatchObject({ ok: false, reason: 'commentRequired' });
  });

  it('returns the release to Draft, closes open approvals and logs the comment', () => {
    const r = must(documentTransition(procedure('In review'), ACTIONS.requestChanges, people.fiona, ctx()));
    expect(r.effects).toEqual([
      { type: 'updateRelease', versionLabel: '0.1', fromStatuses: ['In review'], changes: { versionStatus: 'Draft' } },
      { type: 'cancelPendingApprovals', versionLabel: '0.1' },
      expect.objectContaining({ type: 'audit', entry: expect.objectContaining({ comment: 'Please clarify step 4.' }) }),
    ]);
  });

  it('on rejection marks the release Rejected and opens a fresh draft release for the rework', () => {
    const doc = procedure('In review', { publishedVersion: '2.0', draftVersion: '2.1', changeSummary: 'New criteria.' });
    const r = must(documentTransition(doc, { type: 'requestChanges', comment: 'Out of scope.', outcome: 'Rejected' }, people.raj, ctx()));
    expect(r.next.status).toBe('Draft');
    expect(r.next.publishedVersion).toBe('2.0');
    expect(effectsOf(r, 'updateRelease')).toEqual([{ type: 'updateRelease', versionLabel: '2.1', fromStatuses: ['In review'], changes: { versionStatus: 'Rejected' } }]);
    expect(effectsOf(r, 'createRelease')[0]?.release).toEqual({
      versionLabel: '2.1',
      versionStatus: 'Draft',
      changeType: 'Minor revision',
      changeSummary: 'New criteria.',
      authorId: people.marcus.id,
    });
  });

  it('accepts an assignee of the current round who is not listed on the document', () => {
    const round: ApprovalRecord[] = [...approvedRound, { step: 'Review', assigneeId: people.omar.id, decision: 'Pending' }];
    expect(documentTransition(procedure('In review'), ACTIONS.requestChanges, people.omar, ctx({ approvals: round })).ok).toBe(true);
  });
});

describe('In review → Approved (approve, by the app)', () => {
  it('records who approved and when', () => {
    const r = must(documentTransition(procedure('In review'), ACTIONS.approve, SYSTEM_ACTOR, ctx()));
    expect(effectsOf(r, 'updateRelease')).toEqual([
      { type: 'updateRelease', versionLabel: '0.1', fromStatuses: ['In review'], changes: { versionStatus: 'Approved', approvedBy: [people.raj.id], approvedOn: NOW } },
    ]);
  });

  it('waits for every decision of the round and for every named approver', () => {
    const cases: ApprovalRecord[][] = [
      [],
      [{ step: 'Approval', assigneeId: people.raj.id, decision: 'Pending' }],
      [approvedRound[0]!, { step: 'Review', assigneeId: people.fiona.id, decision: 'Pending' }],
      [approvedRound[0]!, { step: 'Review', assigneeId: people.fiona.id, decision: 'Changes requested' }],
      [{ step: 'Approval', assigneeId: people.tom.id, decision: 'Approved' }],
      [{ step: 'Review', assigneeId: people.raj.id, decision: 'Approved' }],
    ];
    for (const approvals of cases) {
      const r = documentTransition(procedure('In review'), ACTIONS.approve, SYSTEM_ACTOR, ctx({ approvals }));
      expect(r, JSON.stringify(approvals)).toMatchObject({ ok: false, reason: 'approvalsIncomplete' });
    }
    const r = documentTransition(procedure('In review'), ACTIONS.approve, SYSTEM_ACTOR, ctx({ approvals: undefined }));
    expect(r).toMatchObject({ ok: false, reason: 'approvalsIncomplete' });
  });

  it('does not count an approval by the author of the version', () => {
    const doc = procedure('In review', { approverIds: [people.raj.id, people.marcus.id] });
    const approvals: ApprovalRecord[] = [...approvedRound, { step: 'Approval', assigneeId: people.marcus.id, decision: 'Approved' }];
    expect(documentTransition(doc, ACTIONS.approve, SYSTEM_ACTOR, ctx({ approvals }))).toMatchObject({ ok: false, reason: 'segregationOfDuties' });
  });

  it('refuses a policy-level document approved only by someone outside top management', () => {
    const doc = policy('In review', { approverIds: [people.tom.id] });
    const approvals: ApprovalRecord[] = [{ step: 'Approval', assigneeId: people.tom.id, decision: 'Approved' }];
    expect(documentTransition(doc, ACTIONS.approve, SYSTEM_ACTOR, ctx({ approvals }))).toMatchObject({ ok: false, reason: 'topManagementApproverRequired' });
    const byEleanor: ApprovalRecord[] = [{ step: 'Approval', assigneeId: people.eleanor.id, decision: 'Approved' }];
    expect(documentTransition(policy('In review'), ACTIONS.approve, SYSTEM_ACTOR, ctx({ approvals: byEleanor })).ok).toBe(true);
  });
});

describe('Approved → Published (publish)', () => {
  it('releases a first version as 1.0 with a major library version, rendition and acknowledgements', () => {
    const r = must(documentTransition(procedure('Approved'), ACTIONS.publish, people.priya, ctx()));
    expect(r.next).toMatchObject({
      status: 'Published',
      publishedVersion: '1.0',
      draftVersion: null,
      authorId: null,
      changeSummary: null,
      effectiveDate: '2025-03-01',
      nextReviewDate: '2026-03-01',
    });
    expect(r.effects).toEqual([
      { type: 'publishMajorVersion', versionLabel: '1.0' },
      {
        type: 'updateRelease',
        versionLabel: '0.1',
        fromStatuses: ['Approved'],
        changes: {
          versionLabel: '1.0',
          versionStatus: 'Published',
          publishedOn: NOW,
          ackRequired: true,
          ackAudience: ['Kestrel-ServiceDesk'],
          ackDueDays: 14,
          ackDueDate: '2025-03-15',
        },
      },
      { type: 'requestAcknowledgements', versionLabel: '1.0', audience: ['Kestrel-ServiceDesk'], dueDate: '2025-03-15' },
      { type: 'writeRendition', versionLabel: '1.0' },
      expect.objectContaining({ type: 'audit' }),
    ]);
  });

  it('supersedes the previous release and its open acknowledgements when a revision is published', () => {
    const doc = procedure('Approved', { publishedVersion: '2.0', draftVersion: '2.1', changeSummary: 'New criteria.' });
    const r = must(documentTransition(doc, ACTIONS.publish, people.tom, ctx()));
    expect(r.next.publishedVersion).toBe('2.1');
    expect(effectsOf(r, 'supersedeRelease')).toEqual([{ type: 'supersedeRelease', versionLabel: '2.0', supersededOn: NOW }]);
    expect(effectsOf(r, 'supersedeAcknowledgements')).toEqual([{ type: 'supersedeAcknowledgements', versionLabel: '2.0' }]);
    expect(effectsOf(r, 'updateRelease')[0]?.changes.versionLabel).toBeUndefined();
  });

  it('requests no acknowledgements (and keeps the old ones) when none are required', () => {
    const doc = procedure('Approved', { publishedVersion: '2.0', draftVersion: '3.0', ackRequired: false });
    const r = must(documentTransition(doc, ACTIONS.publish, people.tom, ctx()));
    expect(effectsOf(r, 'requestAcknowledgements')).toEqual([]);
    expect(effectsOf(r, 'supersedeAcknowledgements')).toEqual([]);
    expect(effectsOf(r, 'updateRelease')[0]?.changes).toMatchObject({ ackRequired: false });
  });

  it('moves the next review from the effective date, month end and leap day included', () => {
    const r = must(documentTransition(procedure('Approved', { reviewCycleMonths: 12 }), ACTIONS.publish, people.tom, ctx({ today: '2024-02-29' })));
    expect(r.next.nextReviewDate).toBe('2025-02-28');
  });

  it('lets the app publish on the planned effective date, not before', () => {
    const early = documentTransition(procedure('Approved'), { type: 'publish', effectiveDate: '2025-03-02' }, SYSTEM_ACTOR, ctx());
    expect(early).toMatchObject({ ok: false, reason: 'notYetEffective' });
    const r = must(documentTransition(procedure('Approved'), { type: 'publish', effectiveDate: '2025-02-27' }, SYSTEM_ACTOR, ctx()));
    expect(r.next).toMatchObject({ effectiveDate: '2025-02-27', nextReviewDate: '2026-02-27' });
  });

  it('publishes a person’s publication with effect from today only', () => {
    const r = documentTransition(procedure('Approved'), { type: 'publish', effectiveDate: '2025-04-01' }, people.priya, ctx());
    expect(r).toMatchObject({ ok: false, reason: 'notYetEffective' });
    expect(documentTransition(procedure('Approved'), { type: 'publish', effectiveDate: TODAY }, people.priya, ctx()).ok).toBe(true);
  });

  it('refuses an approved draft whose label does not follow the published one', () => {
    const doc = procedure('Approved', { publishedVersion: '2.0', draftVersion: '1.5' });
    expect(documentTransition(doc, ACTIONS.publish, people.tom, ctx())).toMatchObject({ ok: false, reason: 'invalidVersion' });
  });
});

describe('Published → Under revision (startRevision)', () => {
  it('starts a minor draft after the published version; readers keep the release', () => {
    const r = must(documentTransition(procedure('Published'), { type: 'startRevision', revision: 'minor', changeSummary: 'Add SVC-06.' }, people.marcus, ctx()));
    expect(r.next).toMatchObject({ status: 'Under revision', publishedVersion: '2.0', draftVersion: '2.1', authorId: people.marcus.id, changeSummary: 'Add SVC-06.' });
    expect(r.effects.slice(0, 2)).toEqual([
      { type: 'startMinorVersion' },
      { type: 'createRelease', release: { versionLabel: '2.1', versionStatus: 'Draft', changeType: 'Minor revision', changeSummary: 'Add SVC-06.', authorId: people.marcus.id } },
    ]);
  });

  it('refuses an unknown revision kind and a missing draft label', () => {
    const bogus = { type: 'startRevision', revision: 'patch' } as unknown as DocumentAction;
    expect(documentTransition(procedure('Published'), bogus, people.tom, ctx())).toMatchObject({ ok: false, reason: 'invalidVersion' });
    expect(documentTransition(procedure('In review', { draftVersion: null }), ACTIONS.approve, SYSTEM_ACTOR, ctx())).toMatchObject({ ok: false, reason: 'invalidVersion' });
    expect(documentTransition(procedure('Draft', { draftVersion: 'x' }), ACTIONS.submit, people.tom, ctx())).toMatchObject({ ok: false, reason: 'invalidVersion' });
  });

  it('aims a major revision at the next whole version and can name another author', () => {
    const r = must(documentTransition(procedure('Published'), { type: 'startRevision', revision: 'major', authorId: people.jack.id }, people.priya, ctx()));
    expect(r.next).toMatchObject({ draftVersion: '3.0', authorId: people.jack.id });
    expect(effectsOf(r, 'createRelease')[0]?.release.changeType).toBe('Major revision');
  });
});

describe('Published → Published (periodic review, no change)', () => {
  it('moves NextReviewDate on by the cycle from today and records "Reviewed – no change"', () => {
    const overdue = procedure('Published', { nextReviewDate: '2025-02-14', reviewCycleMonths: 24 });
    expect(reviewState(overdue, TODAY)).toBe('overdue');
    const r = must(documentTransition(overdue, { type: 'reviewNoChange', comment: 'Still accurate.' }, people.marcus, ctx()));
    expect(r.next).toEqual({ ...overdue, nextReviewDate: '2027-03-01' });
    expect(reviewState(r.next, TODAY)).toBe('ok');
    expect(effectsOf(r, 'createRelease')).toEqual([
      {
        type: 'createRelease',
        release: { versionLabel: '2.0', versionStatus: 'Published', changeType: 'Reviewed – no change', changeSummary: 'Still accurate.', authorId: people.marcus.id, ackRequired: false },
      },
    ]);
    expect(effectsOf(r, 'supersedeRelease')).toEqual([]);
    expect(effectsOf(r, 'requestAcknowledgements')).toEqual([]);
  });
});

describe('Published → Withdrawn → Archived', () => {
  it('requires a reason', () => {
    for (const reason of ['', '   ']) {
      expect(documentTransition(procedure('Published'), { type: 'withdraw', reason }, people.priya, ctx())).toMatchObject({ ok: false, reason: 'reasonRequired' });
    }
  });

  it('cancels acknowledgements, marks the release withdrawn and makes the document read-only', () => {
    const r = must(documentTransition(procedure('Published'), ACTIONS.withdraw, people.raj, ctx()));
    expect(r.effects).toEqual([
      { type: 'updateRelease', versionLabel: '2.0', fromStatuses: ['Published'], changes: { versionStatus: 'Withdrawn' } },
      { type: 'createRelease', release: { versionLabel: '2.0', versionStatus: 'Withdrawn', changeType: 'Withdrawal', changeSummary: 'Replaced by SMS-PRC-011.', authorId: people.raj.id } },
      { type: 'cancelAcknowledgements', versionLabel: '2.0', reason: 'Replaced by SMS-PRC-011.' },
      { type: 'makeReadOnly' },
      expect.objectContaining({ type: 'audit', entry: expect.objectContaining({ comment: 'Replaced by SMS-PRC-011.' }) }),
    ]);
    expect(isReadOnly(r.next)).toBe(true);
    expect(documentTransition(r.next, ACTIONS.startRevision, people.tom, ctx())).toMatchObject({ ok: false, reason: 'readOnly' });
  });

  it('lets a top manager withdraw only documents they approve', () => {
    expect(documentTransition(procedure('Published'), ACTIONS.withdraw, people.eleanor, ctx())).toMatchObject({ ok: false, reason: 'notPermitted' });
    expect(documentTransition(policy('Published'), ACTIONS.withdraw, people.eleanor, ctx()).ok).toBe(true);
  });

  it('archives by the app and starts retention', () => {
    const r = must(documentTransition(procedure('Withdrawn'), ACTIONS.archive, SYSTEM_ACTOR, ctx()));
    expect(r.effects[0]).toEqual({ type: 'startRetention' });
  });
});

describe('draftNewDocument', () => {
  const input = {
    docId: 'SMS-WI-001',
    title: 'Password reset work instruction',
    docType: 'Work instruction' as const,
    ownerId: people.marcus.id,
    approverIds: [people.raj.id],
    processId: 'PRC-13',
    clauseRefs: ['8.6.2'],
  };

  it('creates a Draft 0.1 with the schema defaults, authored by the creator', () => {
    const r = must(draftNewDocument(input, people.marcus, { now: NOW, isValidClause }));
    expect(r.next).toMatchObject({
      status: 'Draft',
      draftVersion: '0.1',
      publishedVersion: null,
      authorId: people.marcus.id,
      classification: 'Internal',
      reviewCycleMonths: 12,
      ackDueDays: 14,
      mandatoryItem: 'None',
    });
    expect(r.effects[0]).toEqual({
      type: 'createRelease',
      release: { versionLabel: '0.1', versionStatus: 'Draft', changeType: 'New', changeSummary: null, authorId: people.marcus.id },
    });
    expect(r.effects[1]).toMatchObject({ type: 'audit', entry: { eventType: 'Created', fromStatus: null, toStatus: 'Draft' } });
  });

  it('allows the approver to be chosen later, but never the author as approver', () => {
    expect(draftNewDocument({ ...input, approverIds: [] }, people.marcus, { now: NOW, isValidClause }).ok).toBe(true);
    expect(draftNewDocument({ ...input, approverIds: [people.marcus.id] }, people.marcus, { now: NOW, isValidClause })).toMatchObject({
      ok: false,
      reason: 'segregationOfDuties',
    });
  });

  it('lets only editors create, and validates the metadata', () => {
    for (const who of [people.jack, people.omar, people.eleanor, people.david]) {
      expect(draftNewDocument(input, who, { now: NOW, isValidClause }), who.id).toMatchObject({ ok: false, reason: 'notPermitted' });
    }
    expect(draftNewDocument(input, SYSTEM_ACTOR, { now: NOW, isValidClause })).toMatchObject({ ok: false, reason: 'notPermitted' });
    const r = draftNewDocument({ ...input, clauseRefs: ['8.6.2', '99'], docId: 'WI-1' }, people.priya, { now: NOW, isValidClause });
    expect(r.ok === false && r.errors?.map((e) => e.code)).toEqual(['docId.invalid', 'clauseRefs.invalid']);
  });
});

describe('a document through its whole life', () => {
  it('goes 0.1 draft → 1.0 → revision 1.1 → periodic review → withdrawn → archived', () => {
    const c = ctx();
    let doc: DocumentState = must(
      draftNewDocument(
        { docId: 'SMS-PRC-031', title: 'Problem Procedure', docType: 'Procedure', ownerId: people.marcus.id, approverIds: [people.raj.id], processId: 'PRC-13' },
        people.marcus,
        c,
      ),
    ).next;
    const step = (action: DocumentAction, actor: DocumentActor, over: Partial<TransitionContext> = {}) => {
      doc = must(documentTransition(deepFreeze(doc), action, actor, { ...c, ...over })).next;
      return doc;
    };
    const approve = () => {
      const decided = decideApproval(
        { step: 'Approval', assigneeId: people.raj.id, decision: 'Pending', comment: null, decidedOn: null },
        { decision: 'Approved', decidedOn: NOW },
        people.raj,
        { docId: doc.docId, versionLabel: doc.draftVersion!, versionStatus: 'In review', authorId: doc.authorId, docType: doc.docType, mandatoryItem: doc.mandatoryItem, processId: doc.processId },
      );
      if (!decided.ok) throw new Error(decided.message);
      return step(ACTIONS.approve, SYSTEM_ACTOR, { approvals: [decided.next] });
    };

    step(ACTIONS.submit, people.marcus);
    expect(step(ACTIONS.requestChanges, people.raj).status).toBe('Draft');
    step(ACTIONS.submit, people.marcus);
    approve();
    expect(step(ACTIONS.publish, people.priya)).toMatchObject({ status: 'Published', publishedVersion: '1.0', draftVersion: null });
    expect(step({ type: 'startRevision', revision: 'minor', changeSummary: 'Adds known errors.' }, people.marcus)).toMatchObject({ draftVersion: '1.1' });
    step(ACTIONS.submit, people.marcus);
    approve();
    expect(step(ACTIONS.publish, people.tom)).toMatchObject({ publishedVersion: '1.1', draftVersion: null });
    expect(step(ACTIONS.reviewNoChange, people.marcus)).toMatchObject({ status: 'Published', publishedVersion: '1.1', nextReviewDate: '2026-03-01' });
    expect(step(ACTIONS.withdraw, people.raj).status).toBe('Withdrawn');
    expect(step(ACTIONS.archive, SYSTEM_ACTOR).status).toBe('Archived');
  });
});
