/**
 * The "final approval that publishes a document" scenario of issue 8 (bench/publish.ts and the
 * request-count test): a procedure published as 1.0, revised, submitted to two approvers (the
 * approver Raj and the reviewer Tom), Tom has approved; what is left is Raj's last approval, which
 * publishes 2.0 and supersedes 1.0. Also: counting Graph requests and their sequential waves from
 * the emulator's request log. Not a test file itself.
 */
import type { RequestLogEntry } from '../../emulator/core/requestLog.js';
import { createDocument, decideApproval, loadDocument, loadDocumentServices, startRevision, submitForReview, type DocumentServices } from '../../src/features/documents/services/index.js';
import { buildDocumentMetadata } from './factories.js';
import { demo } from './emulator.js';
import type { SmsEmulator } from './smsEmulator.js';

export interface FinalApproval {
  docId: string;
  raj: DocumentServices;
  /** Raj's pending approval (the last one of the round). */
  approvalItemId: string;
}

const bytes = (text: string) => new TextEncoder().encode(text);

/** Sets up the document up to the last approval (nothing of it is counted). */
export async function finalApprovalScenario(sms: SmsEmulator, title = 'Change Enablement Procedure'): Promise<FinalApproval> {
  const servicesOf = (upn: string) => loadDocumentServices(sms.clientAs(upn), sms.siteId, sms.siteWebUrl, upn, { afterPublish: [] });
  const [priya, tom, raj] = await Promise.all([servicesOf(demo.priya), servicesOf(demo.tom), servicesOf(demo.raj)]);
  const { docId } = await createDocument(priya, {
    metadata: buildDocumentMetadata({ title, reviewerIds: [demo.tom], primaryClause: '8.5.1', clauseRefs: ['8.5.1'] }),
    file: { name: 'procedure.md', bytes: bytes('# Change enablement\n\nEvery change is assessed.\n') },
  });
  const approveAll = async () => {
    await submitForReview(priya, docId);
    const snap = await loadDocument(tom, docId);
    const toms = snap.approvals.find((a) => a.assigneeId === demo.tom)!;
    await decideApproval(tom, docId, toms.itemId, 'Approved', null);
    return (await loadDocument(raj, docId)).approvals.find((a) => a.assigneeId === demo.raj)!;
  };
  const first = await approveAll();
  await decideApproval(raj, docId, first.itemId, 'Approved', null);
  await startRevision(priya, docId, 'major', { changeSummary: 'Adds emergency changes.', file: { name: 'procedure.md', bytes: bytes('# Change enablement\n\nEvery change is assessed; emergency changes too.\n') } });
  const last = await approveAll();
  return { docId, raj, approvalItemId: last.itemId };
}

/** The Graph requests (a `$batch` counts once; its inner requests are not round trips). */
export function graphRequests(log: readonly RequestLogEntry[]): RequestLogEntry[] {
  return log.filter((e) => e.path.startsWith('/v1.0/') && !e.inBatch);
}

/**
 * The length of the longest chain of requests each of which started after the previous one had
 * ended: the number of sequential round trips. A request's span is [end − duration, end] from the
 * emulator's log; with added latency, requests in flight together overlap and count once.
 * `toleranceMs` absorbs the log's millisecond rounding.
 */
export function sequentialRoundTrips(log: readonly RequestLogEntry[], toleranceMs = 5): number {
  const spans = graphRequests(log)
    .map((e) => {
      const end = Date.parse(e.time);
      return { start: end - e.durationMs, end };
    })
    .sort((a, b) => a.end - b.end);
  const chain: number[] = [];
  spans.forEach((r, i) => {
    let best = 0;
    for (let j = 0; j < i; j++) if (spans[j]!.end <= r.start + toleranceMs) best = Math.max(best, chain[j]!);
    chain.push(best + 1);
  });
  return Math.max(0, ...chain);
}
