import { describe, expect, it } from 'vitest';
import type { BatchResponse } from '../../../graph/core/batch.js';
import { ackKey, EMPTY_FIGURES, type AckCampaign, type Acknowledgement } from '../../domain/acknowledgements/index.js';
import { figureNow, homeComplianceOf, HOME_COMPLIANCE_IDS } from './homeCompliance.js';

const RELEASE = 12;
const campaign: AckCampaign = {
  id: '4',
  releaseId: RELEASE,
  docId: 'SMS-POL-001',
  docTitle: 'Service Management Policy',
  versionLabel: '3.0',
  fileHash: null,
  status: 'Open',
  trigger: 'Publication',
  audienceGroups: [],
  audiencePeople: [],
  dueDate: '2026-12-10',
  startedOn: '2026-11-26T08:00:00Z',
  figures: { ...EMPTY_FIGURES, targeted: 16, acknowledged: 13, pending: 2, overdue: 1 },
  figuresAsOf: '2026-12-05T10:00:00Z',
  lastRunOn: '2026-12-06T06:00:00Z',
};

function ack(user: string, createdAt: string, opts: { by?: string; edited?: boolean; releaseId?: number } = {}): Acknowledgement {
  const releaseId = opts.releaseId ?? RELEASE;
  return {
    id: user,
    key: ackKey(releaseId, user),
    releaseId,
    docId: 'SMS-POL-001',
    versionLabel: '3.0',
    userId: user,
    userUpn: `${user}@kestrel.example`,
    acknowledgedOn: createdAt,
    attestation: 'I have read it.',
    fileHash: null,
    channel: 'App',
    stamp: { createdById: opts.by ?? user, createdByEmail: null, createdAt, edited: opts.edited ?? false },
  };
}

describe('figureNow', () => {
  it('adds trusted acknowledgements of the release created after the figures were stored, once each', () => {
    const f = figureNow(campaign, [ack('u1', '2026-12-06T09:00:00Z'), ack('u1', '2026-12-06T09:00:01Z'), ack('u2', '2026-12-05T09:00:00Z')]);
    // u2 was already counted (before FiguresAsOf); u1's second item is the same key.
    expect(f).toMatchObject({ targeted: 16, acknowledged: 14, pending: 1, overdue: 1, late: 0 });
  });

  it('takes an acknowledgement from the pending people first (a joiner is pending past the campaign due date), then the overdue', () => {
    expect(figureNow(campaign, [ack('u3', '2026-12-11T08:00:00Z')])).toMatchObject({ acknowledged: 14, pending: 1, overdue: 1, late: 0 });
    expect(figureNow(campaign, [ack('u3', '2026-12-11T08:00:00Z'), ack('u4', '2026-12-11T08:00:00Z'), ack('u5', '2026-12-11T09:00:00Z')])).toMatchObject({ acknowledged: 16, pending: 0, overdue: 0 });
  });

  it('ignores acknowledgements that are not evidence, or of another release', () => {
    const f = figureNow(campaign, [ack('u4', '2026-12-06T09:00:00Z', { by: 'someone-else' }), ack('u5', '2026-12-06T09:00:00Z', { edited: true }), ack('u6', '2026-12-06T09:00:00Z', { releaseId: 99 })]);
    expect(f).toEqual(campaign.figures);
  });

  it('never counts below zero, and has no figure before the first reconciliation', () => {
    const tight = { ...campaign, figures: { ...EMPTY_FIGURES, targeted: 1, acknowledged: 0, pending: 1 } };
    expect(figureNow(tight, [ack('a', '2026-12-06T09:00:00Z'), ack('b', '2026-12-06T09:00:00Z')])).toMatchObject({ acknowledged: 1, pending: 0, overdue: 0 });
    expect(figureNow({ ...campaign, figures: null }, [ack('a', '2026-12-06T09:00:00Z')])).toBeNull();
  });
});

describe('homeComplianceOf', () => {
  it('says the lists are missing (404) or not readable (403) instead of failing Home', () => {
    const answer = (status: number) =>
      new Map<string, BatchResponse>([
        [HOME_COMPLIANCE_IDS.campaigns, { status, headers: {}, body: {} }],
        [HOME_COMPLIANCE_IDS.acks, { status: 200, headers: {}, body: { value: [] } }],
      ]);
    expect(homeComplianceOf(answer(404))).toEqual({ state: 'missingList' });
    expect(homeComplianceOf(answer(403))).toEqual({ state: 'noAccess' });
  });
});
