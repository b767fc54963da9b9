import { describe, expect, it } from 'vitest';
import { ackKey, viewRequests, type AckRequest, type Acknowledgement } from '../../../../domain/acknowledgements/index.js';
import { historyOf } from './useMyAcknowledgements.js';

/** The history a person sees: their trusted acknowledgements, late ones marked, newest first. */
const JACK = 'aaaaaaaa-0000-0000-0000-00000000000a';
const request = (releaseId: number, docId: string, dueDate: string, status: AckRequest['status'] = 'Pending'): AckRequest => ({
  id: String(releaseId),
  key: ackKey(releaseId, JACK),
  campaignId: 1,
  releaseId,
  docId,
  docTitle: `${docId} title`,
  versionLabel: '1.0',
  userId: JACK,
  userUpn: 'jack@example.com',
  userName: 'Jack',
  department: null,
  status,
  requestedOn: '2026-11-01T09:00:00Z',
  dueDate,
  acknowledgedOn: null,
  late: false,
  reason: null,
  lastNotifiedOn: null,
  lastNotice: null,
});
const ack = (releaseId: number, docId: string, createdAt: string, by: string = JACK): Acknowledgement => ({
  id: `a${releaseId}`,
  key: ackKey(releaseId, JACK),
  releaseId,
  docId,
  versionLabel: '1.0',
  userId: JACK,
  userUpn: 'jack@example.com',
  acknowledgedOn: createdAt,
  attestation: 'I have read and understood it.',
  fileHash: 'a'.repeat(64),
  channel: 'App',
  stamp: { createdById: by, createdByEmail: null, createdAt, edited: false },
});

describe('historyOf', () => {
  it('lists acknowledged requests newest first, marks the late one, and leaves out what is not the person’s own', () => {
    const requests = [request(1, 'SMS-POL-001', '2026-11-10'), request(2, 'SMS-POL-002', '2026-11-30'), request(3, 'SMS-PRC-004', '2026-12-20')];
    const acks = [
      ack(1, 'SMS-POL-001', '2026-11-15T10:00:00Z'), // after its due date: late
      ack(2, 'SMS-POL-002', '2026-11-20T10:00:00Z'),
      ack(3, 'SMS-PRC-004', '2026-12-01T10:00:00Z', 'someone-else'), // not written by Jack: not evidence
      ack(9, 'SMS-POL-009', '2026-10-01T10:00:00Z'), // its request is gone: still his acknowledgement
    ];
    const views = viewRequests(requests, acks, '2026-12-07', (i) => i.slice(0, 10));
    const history = historyOf(views, acks);
    expect(history.map((h) => [h.docId, h.late, h.docTitle])).toEqual([
      ['SMS-POL-002', false, 'SMS-POL-002 title'],
      ['SMS-POL-001', true, 'SMS-POL-001 title'],
      ['SMS-POL-009', false, null],
    ]);
  });
});
