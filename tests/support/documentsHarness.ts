/**
 * Test support for the document lifecycle (not a test file): an in-process emulator behind msw
 * (`startHarness`), the SMS site provisioned by `graph/provisioning` as Tom (the SMS manager), and
 * the lifecycle services for any demo user. Everything goes over (mocked) HTTP, as the app does.
 * `useDocumentsHarness` gives a test file its harness; `createDraft`, `submitAndApprove` and
 * `publishedDocument` bring a document to the state a test starts from.
 */
import { createHash } from 'node:crypto';
import { http } from 'msw';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { getSiteByUrl } from '../../graph/sites/sites.js';
import { provision } from '../../graph/provisioning/engine.js';
import { signInToEmulator } from '../../src/app/auth/devSignIn.js';
import type { AuthSession } from '../../src/app/auth/session.js';
import { APP_SCOPES } from '../../src/app/auth/scopes.js';
import { DEMO_SMS_SITE_URL } from '../../src/app/config.js';
import { createDocument, decideApproval, submitForReview, type DecisionOutcome } from '../../src/features/documents/api/index.js';
import { loadDocument, loadDocumentServices, type AfterPublishHandler, type Clock, type DocumentMetadata, type DocumentServices, type FileInput } from '../../src/features/documents/services/index.js';
import { ORIGIN, startHarness, type Harness } from './appHarness.js';
import { buildDemoUser, buildDocumentMetadata, people } from './factories.js';
import { installLayoutShims } from './jsdom.js';

export { people };

/** A list item's fields as Graph returns them. */
export type Fields = Record<string, unknown>;

export interface DocumentsHarness extends Harness {
  siteId: string;
  siteWebUrl: string;
  servicesFor(upn: string, opts?: { afterPublish?: readonly AfterPublishHandler[]; clock?: Clock; planner?: boolean }): Promise<DocumentServices>;
  /** Raw Graph call as `upn` through the mocked network (independent of graph/). */
  raw(upn: string, path: string, init?: RequestInit): Promise<Response>;
  /** The fields of a list's items as Tom reads them raw (`query`: e.g. `$filter=fields/DocId eq 'SMS-PRC-001'`). */
  listFields(list: string, query?: string): Promise<Fields[]>;
  /**
   * Hands every request to the emulator until an answer satisfies `armed`; from then on, the first
   * request `fails` accepts is answered with a 500 instead (once). `failed` tells whether that
   * happened. Undone by `server.resetHandlers()`.
   */
  failOnceAfter(armed: (request: Request, response: Response) => boolean, fails?: (request: Request) => boolean): { readonly failed: boolean };
}

/** Signs `displayName` (`upn`) in to the emulator with the app's scopes, as the app's dev sign-in does. */
export function sessionFor(displayName: string, upn: string): Promise<AuthSession> {
  return signInToEmulator(ORIGIN, buildDemoUser(displayName, upn), APP_SCOPES);
}

/** Starts the emulator behind msw and provisions the SMS site (and installs the jsdom layout shims dialogs need). */
export async function startDocumentsHarness(): Promise<DocumentsHarness> {
  installLayoutShims();
  const harness = await startHarness();
  const tom = harness.clientAs(people.tom);
  const site = await getSiteByUrl(tom, DEMO_SMS_SITE_URL);
  await provision({ client: tom, siteId: site.id!, groupName: 'Kestrel SMS', target: 'emulator', emulatorOrigin: ORIGIN, log: () => undefined });
  async function raw(upn: string, path: string, init: RequestInit = {}): Promise<Response> {
    const token = (await harness.emulator.emu.tokens.issue(upn, ['Sites.ReadWrite.All', 'Files.ReadWrite.All'])).access_token;
    const headers = new Headers(init.headers);
    headers.set('authorization', `Bearer ${token}`);
    if (typeof init.body === 'string' && !headers.has('content-type')) headers.set('content-type', 'application/json');
    return fetch(path.startsWith('http') ? path : `${ORIGIN}/v1.0${path}`, { ...init, headers });
  }
  return {
    ...harness,
    siteId: site.id!,
    siteWebUrl: site.webUrl ?? DEMO_SMS_SITE_URL,
    servicesFor: (upn, opts = {}) =>
      loadDocumentServices(harness.clientAs(upn), site.id!, site.webUrl ?? DEMO_SMS_SITE_URL, upn, { afterPublish: opts.afterPublish ?? [], ...(opts.clock ? { clock: opts.clock } : {}), ...(opts.planner === false ? { planner: false } : {}) }),
    raw,
    async listFields(list, query) {
      const res = await raw(people.tom, `/sites/${site.id!}/lists/${list}/items?$expand=fields${query ? `&${query}` : ''}`);
      if (!res.ok) throw new Error(`Reading ${list} failed: ${res.status}`);
      return ((await res.json()) as { value: { fields: Fields }[] }).value.map((i) => i.fields);
    },
    failOnceAfter(armed, fails = () => true) {
      const state = { armed: false, failed: false };
      harness.server.use(
        http.all(`${ORIGIN}/*`, async ({ request }) => {
          if (state.armed && !state.failed && fails(request)) {
            state.failed = true;
            return new Response(JSON.stringify({ error: { code: 'generalException', message: 'Injected failure' } }), { status: 500, headers: { 'content-type': 'application/json' } });
          }
          const res = await harness.emulator.handle(request);
          if (!state.armed && armed(request, res)) state.armed = true;
          return res;
        }),
      );
      return {
        get failed() {
          return state.failed;
        },
      };
    },
  };
}

/** A test file's harness and the services of the people the document tests act as. */
export interface DocumentsTestbed {
  readonly h: DocumentsHarness;
  /** Document controller: author and owner of the test documents. */
  readonly priya: DocumentServices;
  /** SMS manager. */
  readonly tom: DocumentServices;
  /** Top management: the approver of `buildDocumentMetadata`. */
  readonly raj: DocumentServices;
  /** Service desk analyst: a reader. */
  readonly jack: DocumentServices;
}

/**
 * Gives the calling test file its own harness: started before its tests, msw handlers reset after
 * each one, closed after all. Read the fields inside tests and hooks (they are set by `beforeAll`).
 */
export function useDocumentsHarness(): DocumentsTestbed {
  const bed = {} as { -readonly [K in keyof DocumentsTestbed]: DocumentsTestbed[K] };
  beforeAll(async () => {
    bed.h = await startDocumentsHarness();
    [bed.priya, bed.tom, bed.raj, bed.jack] = await Promise.all([bed.h.servicesFor(people.priya), bed.h.servicesFor(people.tom), bed.h.servicesFor(people.raj), bed.h.servicesFor(people.jack)]);
  }, 60_000);
  afterEach(() => bed.h.server.resetHandlers());
  afterAll(() => bed.h.close());
  return bed;
}

/** Creates a document as `author` (metadata from `buildDocumentMetadata`, a small Markdown file unless given); returns its DocId. */
export async function createDraft(author: DocumentServices, metadata: Partial<DocumentMetadata> = {}, file?: FileInput): Promise<string> {
  const meta = buildDocumentMetadata(metadata);
  const { docId } = await createDocument(author, { metadata: meta, file: file ?? markdownFile('document.md', `# ${meta.title}\n`) });
  return docId;
}

/** Submits `docId` as `author`, then `approver` approves their approval of it; returns that decision's outcome. */
export async function submitAndApprove(author: DocumentServices, approver: DocumentServices, docId: string): Promise<DecisionOutcome> {
  await submitForReview(author, docId);
  const mine = (await loadDocument(approver, docId)).approvals.find((a) => a.assigneeId.toLowerCase() === approver.me.id.toLowerCase());
  if (!mine) throw new Error(`${approver.me.id} has no approval of ${docId}.`);
  return decideApproval(approver, docId, mine.itemId, 'Approved', null);
}

/** A document created as `author`, submitted, approved by `approver` and so published as 1.0; returns its DocId. */
export async function publishedDocument(author: DocumentServices, approver: DocumentServices, metadata: Partial<DocumentMetadata> = {}, file?: FileInput): Promise<string> {
  const docId = await createDraft(author, metadata, file);
  const outcome = await submitAndApprove(author, approver, docId);
  if (outcome.status !== 'Published') throw new Error(`${docId} was not published on approval (${outcome.status}).`);
  return docId;
}

/**
 * A document Priya submitted and Raj approved while the step after writing his approval failed
 * (a 500 on the next request, Planner aside): every decision is in, the document still In review.
 * `error` is what `decideApproval` threw, `failed` whether the injected failure happened.
 */
export async function interruptedApproval(bed: DocumentsTestbed, title: string): Promise<{ docId: string; approvalId: string; error: unknown; failed: boolean }> {
  const { h, priya, raj } = bed;
  const docId = await createDraft(priya, { title });
  await submitForReview(priya, docId);
  const approvalId = (await loadDocument(raj, docId)).approvals[0]!.itemId;
  const fault = h.failOnceAfter(
    (request, res) => request.method === 'PATCH' && request.url.includes(`/lists/${raj.site.approvalsListId}/items/${approvalId}`) && res.status < 300,
    (request) => !request.url.includes('/planner/'),
  );
  const error = await decideApproval(raj, docId, approvalId, 'Approved', null).then(
    () => null,
    (e: unknown) => e,
  );
  h.server.resetHandlers();
  return { docId, approvalId, error, failed: fault.failed };
}

/** SHA-256 hex with Node's crypto (independent of the Web Crypto code under test). */
export const nodeSha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** A small Markdown document. */
export function markdownFile(name: string, text: string): { name: string; bytes: Uint8Array } {
  return { name, bytes: new TextEncoder().encode(text) };
}

/** A clock fixed `days` before (negative) or after today, for documents with a history. */
export function clockShiftedBy(days: number): Clock {
  const at = () => new Date(Date.now() + days * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    now: () => at().toISOString(),
    today: () => {
      const d = at();
      return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
    },
  };
}
