import { useCallback, useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { isTrusted, type Acknowledgement, type RequestView } from '../../../../domain/acknowledgements/index.js';
import { ACK_RELEASE_PARAM } from '../../../../platform/paths.js';
import { myAcknowledgementsQuery } from '../../queries.js';
import type { MyAckContext } from '../../useMyAckContext.js';

/** One line of the person's history: what they acknowledged, which version, when, and whether late. */
export interface HistoryEntry {
  readonly key: string;
  readonly releaseId: number;
  readonly docId: string;
  /** From the request; an acknowledgement whose request is gone has none. */
  readonly docTitle: string | null;
  readonly versionLabel: string;
  /** When the server stored the acknowledgement. */
  readonly acknowledgedAt: string;
  /** Acknowledged after the due date (known from the request). */
  readonly late: boolean;
  readonly dueDate: string | null;
}

const isOpen = (v: RequestView) => v.status === 'Pending' || v.status === 'Overdue';

/** Open requests: the earliest due first (overdue ones come first by their date), then by DocId. */
const byDue = (a: RequestView, b: RequestView) => a.request.dueDate.localeCompare(b.request.dueDate) || a.request.docId.localeCompare(b.request.docId);

/**
 * The history from the trusted acknowledgements: those of the person's requests (with their due date
 * and whether late), and any trusted acknowledgement whose request is no longer there. Newest first.
 */
export function historyOf(views: readonly RequestView[], acks: readonly Acknowledgement[]): HistoryEntry[] {
  const out: HistoryEntry[] = [];
  const seen = new Set<string>();
  for (const v of views) {
    if (v.status !== 'Acknowledged' || !v.ack) continue;
    seen.add(v.ack.key);
    const r = v.request;
    out.push({ key: r.key, releaseId: r.releaseId, docId: r.docId, docTitle: r.docTitle || null, versionLabel: r.versionLabel, acknowledgedAt: v.ack.stamp.createdAt, late: v.late, dueDate: r.dueDate || null });
  }
  const requested = new Set(views.map((v) => v.request.key));
  for (const a of acks) {
    if (!isTrusted(a) || seen.has(a.key) || requested.has(a.key)) continue;
    seen.add(a.key);
    out.push({ key: a.key, releaseId: a.releaseId, docId: a.docId, docTitle: null, versionLabel: a.versionLabel, acknowledgedAt: a.stamp.createdAt, late: false, dueDate: null });
  }
  return out.sort((a, b) => b.acknowledgedAt.localeCompare(a.acknowledgedAt) || a.docId.localeCompare(b.docId));
}

/**
 * State of "My acknowledgements": the person's records (one `$batch`), their open requests and their
 * history, and which request is open for reading (`?release=<release id>`, which deep links from
 * Teams activity notifications carry).
 */
export function useMyAcknowledgements(ctx: MyAckContext) {
  const records = useQuery(myAcknowledgementsQuery(ctx.client, ctx.site, ctx.person.upn, { today: ctx.today, timeZone: ctx.timeZone }));
  const [params, setParams] = useSearchParams();
  const raw = params.get(ACK_RELEASE_PARAM);
  const selectedRelease = raw !== null && /^[1-9]\d*$/.test(raw) ? Number(raw) : null;
  /** The request just acknowledged on this screen (its confirmation is shown until another is opened). */
  const [acknowledged, setAcknowledged] = useState<RequestView | null>(null);

  const views = records.data?.views;
  const open = useMemo(() => (views ?? []).filter(isOpen).sort(byDue), [views]);
  const history = useMemo(() => (records.data ? historyOf(records.data.views, records.data.acks) : []), [records.data]);
  const selected = selectedRelease === null ? null : (open.find((v) => v.request.releaseId === selectedRelease) ?? null);
  /** A release named in the address that has no open request of the person's (acknowledged, superseded, not theirs). */
  const selectedClosed = selectedRelease !== null && records.data !== undefined && selected === null && acknowledged?.request.releaseId !== selectedRelease;
  const selectedDone = selectedClosed ? (history.find((h) => h.releaseId === selectedRelease) ?? null) : null;

  const select = useCallback(
    (releaseId: number | null) => {
      if (releaseId !== null) setAcknowledged(null);
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (releaseId === null) next.delete(ACK_RELEASE_PARAM);
          else next.set(ACK_RELEASE_PARAM, String(releaseId));
          return next;
        },
        { replace: releaseId === null },
      );
    },
    [setParams],
  );

  const done = useCallback(
    (view: RequestView) => {
      setAcknowledged(view);
      select(null);
    },
    [select],
  );

  return { records, open, history, selected, selectedRelease, selectedClosed, selectedDone, acknowledged, select, done };
}
