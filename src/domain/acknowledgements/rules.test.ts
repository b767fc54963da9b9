import { describe, expect, it } from 'vitest';
import {
  ackKey,
  ackTrustProblem,
  asksAgain,
  compliancePercent,
  figuresBy,
  figuresOf,
  LEFT_AUDIENCE,
  noticeDue,
  planCampaignRun,
  requestTransition,
  viewRequest,
  viewRequests,
  type AckRequest,
  type Acknowledgement,
  type RequestStatus,
} from './index.js';

const utcDate = (instant: string) => instant.slice(0, 10);

function request(over: Partial<AckRequest> = {}): AckRequest {
  const userId = over.userId ?? 'u-jack';
  return {
    id: '1',
    key: ackKey(over.releaseId ?? 7, userId),
    campaignId: 3,
    releaseId: 7,
    docId: 'SMS-POL-001',
    docTitle: 'Service Management Policy',
    versionLabel: '3.0',
    userId,
    userUpn: 'jack@kestrel.example',
    userName: 'Jack Turner',
    department: 'Service Desk',
    status: 'Pending',
    requestedOn: '2026-12-01T08:00:00Z',
    dueDate: '2026-12-15',
    acknowledgedOn: null,
    late: false,
    reason: null,
    lastNotifiedOn: null,
    lastNotice: null,
    ...over,
  };
}

function ack(over: Partial<Acknowledgement> & { by?: string | null; edited?: boolean; createdAt?: string } = {}): Acknowledgement {
  const userId = over.userId ?? 'u-jack';
  return {
    id: '9',
    key: over.key ?? ackKey(over.releaseId ?? 7, userId),
    releaseId: 7,
    docId: 'SMS-POL-001',
    versionLabel: '3.0',
    userId,
    userUpn: 'jack@kestrel.example',
    acknowledgedOn: over.acknowledgedOn ?? '2026-12-10T09:00:00Z',
    attestation: 'I have read and understood version 3.0 of SMS-POL-001.',
    fileHash: 'a'.repeat(64),
    channel: 'App',
    stamp: { createdById: over.by === undefined ? userId : over.by, createdByEmail: null, createdAt: over.createdAt ?? '2026-12-10T09:00:01Z', edited: over.edited ?? false },
  };
}

describe('ackKey', () => {
  it('is the release item id and the Entra id, lower-case, so request and acknowledgement meet', () => {
    expect(ackKey(12, 'ABC-Def')).toBe('12:abc-def');
    expect(ackKey('12', ' abc-def ')).toBe('12:abc-def');
  });
});

describe('trust', () => {
  it('counts an acknowledgement its person created and nobody changed', () => {
    expect(ackTrustProblem(ack())).toBeNull();
  });
  it('refuses one created by someone else, one changed since, and one under another key', () => {
    expect(ackTrustProblem(ack({ by: 'u-tom' }))).toBe('notByPerson');
    expect(ackTrustProblem(ack({ by: null }))).toBe('notByPerson');
    expect(ackTrustProblem(ack({ edited: true }))).toBe('edited');
    expect(ackTrustProblem(ack({ key: ackKey(8, 'u-jack') }))).toBe('keyMismatch');
  });
  it('accepts the e-mail stamp when the server named no id', () => {
    const byMail: Acknowledgement = { ...ack(), stamp: { ...ack().stamp, createdById: null, createdByEmail: 'JACK@kestrel.example' } };
    expect(ackTrustProblem(byMail)).toBeNull();
  });
});

describe('what a request is now (viewRequest)', () => {
  it('Pending before the due date, Overdue after it', () => {
    expect(viewRequest(request(), null, '2026-12-15', utcDate).status).toBe('Pending');
    expect(viewRequest(request(), null, '2026-12-16', utcDate).status).toBe('Overdue');
  });
  it('Acknowledged once a trusted acknowledgement exists, late when given after the due date', () => {
    const onTime = viewRequest(request(), ack(), '2026-12-20', utcDate);
    expect([onTime.status, onTime.late]).toEqual(['Acknowledged', false]);
    const late = viewRequest(request({ status: 'Overdue' }), ack({ acknowledgedOn: '2026-12-16T09:00:00Z' }), '2026-12-20', utcDate);
    expect([late.status, late.late]).toEqual(['Acknowledged', true]);
  });
  it('ignores an acknowledgement that does not count: the request stays open', () => {
    expect(viewRequest(request(), ack({ by: 'u-tom' }), '2026-12-10', utcDate).status).toBe('Pending');
    expect(viewRequest(request({ status: 'Acknowledged' }), null, '2026-12-20', utcDate).status).toBe('Overdue');
  });
  it('keeps superseded, waived and cancelled requests as they are', () => {
    for (const status of ['Superseded', 'Waived', 'Cancelled'] as const) expect(viewRequest(request({ status }), ack(), '2026-12-20', utcDate).status).toBe(status);
  });
  it('pairs by key and takes the first trusted acknowledgement', () => {
    const views = viewRequests([request(), request({ id: '2', userId: 'u-sofia', userUpn: 'sofia@kestrel.example' })], [ack(), ack({ userId: 'u-sofia', by: 'u-jack' })], '2026-12-20', utcDate);
    expect(views.map((v) => v.status)).toEqual(['Acknowledged', 'Overdue']);
  });
});

describe('figures', () => {
  const views = viewRequests(
    [
      request({ id: '1', userId: 'a', department: 'Desk' }),
      request({ id: '2', userId: 'b', department: 'Desk' }),
      request({ id: '3', userId: 'c', department: 'Ops' }),
      request({ id: '4', userId: 'd', department: 'Ops', status: 'Waived' }),
      request({ id: '5', userId: 'e', department: 'Ops', status: 'Cancelled' }),
      request({ id: '6', userId: 'f', department: null, status: 'Superseded' }),
      request({ id: '7', userId: 'g', department: 'Ops' }),
    ],
    [ack({ userId: 'a' }), ack({ userId: 'b', acknowledgedOn: '2026-12-18T10:00:00Z' })],
    '2026-12-20',
    utcDate,
  );
  it('counts targeted, acknowledged (late included), pending, overdue, late, waived; cancelled and superseded apart', () => {
    expect(figuresOf(views)).toEqual({ targeted: 5, acknowledged: 2, pending: 0, overdue: 2, late: 1, waived: 1, cancelled: 1, superseded: 1 });
    expect(compliancePercent(figuresOf(views))).toBe(60);
    expect(compliancePercent(figuresOf([]))).toBeNull();
  });
  it('by department', () => {
    const by = figuresBy(views, (v) => [v.request.department ?? '—']);
    expect(by.map((g) => [g.group, g.figures.targeted, g.figures.acknowledged])).toEqual([
      ['—', 0, 0],
      ['Desk', 2, 2],
      ['Ops', 3, 0],
    ]);
  });
});

describe('transitions (requestTransition)', () => {
  const open: RequestStatus[] = ['Pending', 'Overdue'];
  const closed: RequestStatus[] = ['Acknowledged', 'Superseded', 'Waived', 'Cancelled'];
  it('the person themself acknowledges an open request; nobody else can', () => {
    for (const status of open) expect(requestTransition(request({ status }), { type: 'acknowledge', byUserId: 'U-JACK' })).toEqual({ ok: true, to: 'Acknowledged', reason: null });
    expect(requestTransition(request(), { type: 'acknowledge', byUserId: 'u-tom' })).toMatchObject({ ok: false, code: 'notOwnRequest' });
  });
  it('the job marks a pending request overdue only after its due date', () => {
    expect(requestTransition(request(), { type: 'markOverdue', today: '2026-12-16' })).toMatchObject({ ok: true, to: 'Overdue' });
    expect(requestTransition(request(), { type: 'markOverdue', today: '2026-12-15' })).toMatchObject({ ok: false, code: 'notYetDue' });
    expect(requestTransition(request({ status: 'Overdue' }), { type: 'markOverdue', today: '2026-12-16' })).toMatchObject({ ok: false, code: 'notAllowedFromStatus' });
  });
  it('supersede and cancel close an open request, cancel with a reason', () => {
    for (const status of open) {
      expect(requestTransition(request({ status }), { type: 'supersede', byVersion: '4.0' })).toMatchObject({ ok: true, to: 'Superseded' });
      expect(requestTransition(request({ status }), { type: 'cancel', reason: LEFT_AUDIENCE })).toMatchObject({ ok: true, to: 'Cancelled', reason: LEFT_AUDIENCE });
    }
    expect(requestTransition(request(), { type: 'cancel', reason: ' ' })).toMatchObject({ ok: false, code: 'reasonRequired' });
  });
  it('only the SMS manager waives, and only with a reason', () => {
    for (const status of open) expect(requestTransition(request({ status }), { type: 'waive', reason: 'Long-term leave', actorRoles: ['smsManager'] })).toMatchObject({ ok: true, to: 'Waived', reason: 'Long-term leave' });
    expect(requestTransition(request(), { type: 'waive', reason: 'Leave', actorRoles: ['documentController'] })).toMatchObject({ ok: false, code: 'notPermitted' });
    expect(requestTransition(request(), { type: 'waive', reason: '  ', actorRoles: ['smsManager'] })).toMatchObject({ ok: false, code: 'reasonRequired' });
  });
  it('nothing changes a closed request', () => {
    for (const status of closed) {
      for (const event of [
        { type: 'acknowledge', byUserId: 'u-jack' },
        { type: 'markOverdue', today: '2027-01-01' },
        { type: 'supersede', byVersion: '4.0' },
        { type: 'waive', reason: 'x', actorRoles: ['smsManager'] },
        { type: 'cancel', reason: 'x' },
      ] as const) {
        expect(requestTransition(request({ status }), event)).toMatchObject({ ok: false, code: 'notAllowedFromStatus' });
      }
    }
  });
});

describe('asksAgain', () => {
  it('a first publication and a new major version ask; a minor one does not', () => {
    expect(asksAgain('1.0', null)).toBe(true);
    expect(asksAgain('4.0', '3.0')).toBe(true);
    expect(asksAgain('4.0', '3.2')).toBe(true);
    expect(asksAgain('3.1', '3.0')).toBe(false);
    expect(asksAgain('3.0', '3.0')).toBe(false);
  });
});

describe('planCampaignRun', () => {
  const member = (userId: string, department: string | null = 'Desk') => ({ userId, upn: `${userId}@kestrel.example`, name: userId, department });
  it('asks joiners, cancels leavers (not counted overdue), marks overdue, and catches up acknowledged ones', () => {
    const requests = [
      request({ id: '1', userId: 'stays' }),
      request({ id: '2', userId: 'left' }),
      request({ id: '3', userId: 'acked' }),
      request({ id: '4', userId: 'left-done', status: 'Acknowledged', acknowledgedOn: '2026-12-02T00:00:00Z' }),
    ];
    const acks = [ack({ userId: 'acked', acknowledgedOn: '2026-12-17T09:00:00Z' }), ack({ userId: 'left-done', acknowledgedOn: '2026-12-02T09:00:00Z' })];
    const plan = planCampaignRun([member('stays'), member('acked'), member('joiner')], requests, acks, 7, '2026-12-20', utcDate);
    expect(plan.create.map((m) => m.userId)).toEqual(['joiner']);
    expect(plan.cancel.map((r) => r.userId)).toEqual(['left']);
    expect(plan.markOverdue.map((r) => r.userId)).toEqual(['stays']);
    expect(plan.markAcknowledged.map((v) => [v.request.userId, v.late])).toEqual([['acked', true]]);
    expect(plan.figures).toEqual({ targeted: 4, acknowledged: 2, pending: 1, overdue: 1, late: 1, waived: 0, cancelled: 1, superseded: 0 });
  });
  it('asks someone who left and came back again, with the same request', () => {
    const left = request({ userId: 'back', status: 'Cancelled', reason: LEFT_AUDIENCE });
    const otherwise = request({ id: '2', userId: 'withdrawn', status: 'Cancelled', reason: 'SMS-POL-001 was withdrawn.' });
    const plan = planCampaignRun([member('back'), member('withdrawn')], [left, otherwise], [], 7, '2026-12-10', utcDate);
    expect(plan.reinstate.map((r) => r.userId)).toEqual(['back']);
    expect(plan.create).toEqual([]);
    expect(plan.figures).toMatchObject({ targeted: 1, pending: 1, cancelled: 1 });
    expect(requestTransition(left, { type: 'reinstate' })).toEqual({ ok: true, to: 'Pending', reason: null });
    expect(requestTransition(otherwise, { type: 'reinstate' })).toMatchObject({ ok: false, code: 'notAllowedFromStatus' });
    expect(requestTransition(request(), { type: 'reinstate' })).toMatchObject({ ok: false, code: 'notAllowedFromStatus' });
  });

  it('asks nothing again when everything is in place (a second run writes nothing)', () => {
    const plan = planCampaignRun([member('a')], [request({ userId: 'a' })], [], 7, '2026-12-10', utcDate);
    expect([plan.create, plan.cancel, plan.reinstate, plan.markOverdue, plan.markAcknowledged]).toEqual([[], [], [], [], []]);
  });
});

describe('noticeDue', () => {
  const view = (r: Partial<AckRequest>, today: string) => viewRequest(request(r), null, today, utcDate);
  it('sends "requested" once, "beforeDue" once within three days of the due date, "afterDue" the day after and weekly', () => {
    expect(noticeDue(view({}, '2026-12-01'), '2026-12-01')).toBe('requested');
    expect(noticeDue(view({ lastNotice: 'requested', lastNotifiedOn: '2026-12-01' }, '2026-12-05'), '2026-12-05')).toBeNull();
    expect(noticeDue(view({ lastNotice: 'requested', lastNotifiedOn: '2026-12-01' }, '2026-12-12'), '2026-12-12')).toBe('beforeDue');
    expect(noticeDue(view({ lastNotice: 'beforeDue', lastNotifiedOn: '2026-12-12' }, '2026-12-14'), '2026-12-14')).toBeNull();
    expect(noticeDue(view({ lastNotice: 'beforeDue', lastNotifiedOn: '2026-12-12' }, '2026-12-16'), '2026-12-16')).toBe('afterDue');
    expect(noticeDue(view({ lastNotice: 'afterDue', lastNotifiedOn: '2026-12-16' }, '2026-12-22'), '2026-12-22')).toBeNull();
    expect(noticeDue(view({ lastNotice: 'afterDue', lastNotifiedOn: '2026-12-16' }, '2026-12-23'), '2026-12-23')).toBe('afterDue');
  });
  it('never twice on one day, and never for a closed request', () => {
    expect(noticeDue(view({ lastNotice: 'requested', lastNotifiedOn: '2026-12-16' }, '2026-12-16'), '2026-12-16')).toBeNull();
    expect(noticeDue(view({ status: 'Waived' }, '2026-12-16'), '2026-12-16')).toBeNull();
  });
});
