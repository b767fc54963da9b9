import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { smsSequences } from '../../../../graph/schema/index.js';
import { ORIGIN } from '../../../../tests/support/appHarness.js';
import { buildDocumentMetadata } from '../../../../tests/support/factories.js';
import { markdownFile, people, useDocumentsHarness } from '../../../../tests/support/documentsHarness.js';
import { listIdOf } from '../../../platform/site.js';
import { loadDocument } from '../services/index.js';
import { createDocument, newCreateKey, type NewDocumentRequest } from './createDocument.js';

/**
 * A create carries an idempotency key (issue 9, §4): repeated with the same key — a double submit,
 * or "Try again" after an ambiguous failure — it never makes a second document. Against the
 * emulator (msw, in process); what the site holds afterwards is read over Graph as Tom (documents
 * also as Priya, who alone sees a new file still checked out to her).
 */
const bed = useDocumentsHarness();

type Json = Record<string, unknown>;

function request(title: string, requestKey: string): NewDocumentRequest {
  return { metadata: buildDocumentMetadata({ title }), file: markdownFile('procedure.md', `# ${title}\n`), requestKey };
}

/** What the site holds of the documents titled `title`: their DocIds, release records and "Created" audit entries. */
async function held(title: string): Promise<{ docIds: string[]; files: string[]; releases: string[]; created: string[] }> {
  const res = await bed.h.raw(people.priya, `/drives/${bed.priya.site.driveId}/root/children?$select=name`);
  const files = ((await res.json()) as { value: Json[] }).value.map((c) => String(c.name)).filter((n) => n.includes(title));
  const docIds = [...new Set(files.map((n) => n.split(' ')[0]!))];
  const releases: string[] = [];
  const created: string[] = [];
  for (const docId of docIds) {
    releases.push(...(await bed.h.listFields('Document Releases', `$filter=fields/DocId eq '${docId}'`)).map((r) => `${String(r.DocId)} ${String(r.VersionLabel)} ${String(r.VersionStatus)}`));
    created.push(...(await bed.h.listFields('SMS Audit Trail', `$filter=fields/EntityRef eq '${docId}'`)).filter((a) => a.EventType === 'Created').map((a) => String(a.EntityRef)));
  }
  return { docIds, files, releases, created };
}

/** NextNumber of the procedures' counter. */
async function nextProcedureNumber(): Promise<number> {
  const [counter] = await bed.h.listFields(listIdOf(bed.priya.site.sms, smsSequences.key), `$filter=fields/SequenceName eq 'SMS-PRC'`);
  return Number(counter?.NextNumber ?? 1);
}

/**
 * Answers the first request `matches` accepts with a 504 after the emulator carried it out (the
 * gateway timed out, the service did the work): the caller cannot tell whether it happened.
 */
function gatewayTimeoutAfterCommit(matches: (request: Request) => boolean): { readonly hit: boolean } {
  const state = { hit: false };
  bed.h.server.use(
    http.all(`${ORIGIN}/*`, async ({ request }) => {
      const fire = !state.hit && matches(request);
      const res = await bed.h.emulator.handle(request);
      if (!fire) return res;
      state.hit = true;
      return new Response(JSON.stringify({ error: { code: 'UnknownError', message: 'The gateway did not receive a timely response.' } }), { status: 504, headers: { 'content-type': 'application/json' } });
    }),
  );
  return state;
}

const listPath = (key: string) => `/lists/${listIdOf(bed.priya.site.sms, key)}/items`;

describe('createDocument with an idempotency key', () => {
  it('repeated with the same key (a double submit) answers with the one document the first call made', async () => {
    const title = 'Incident Escalation Procedure';
    const key = newCreateKey();
    const counter = await nextProcedureNumber();
    const first = await createDocument(bed.priya, request(title, key));
    const again = await createDocument(bed.priya, request(title, key));

    expect(again).toEqual(first);
    expect(await held(title)).toEqual({ docIds: [again.docId], files: [expect.stringMatching(new RegExp(`^${again.docId} `))], releases: [`${again.docId} 0.1 Draft`], created: [again.docId] });
    expect(await nextProcedureNumber()).toBe(counter + 1);
  });

  it('a repeat after a failure right after the upload finishes that document: one document, one release, one audit entry', async () => {
    const title = 'Problem Review Procedure';
    const key = newCreateKey();
    const counter = await nextProcedureNumber();
    // The upload goes through; the next request (reading the new file's item to write its columns) fails.
    const fault = bed.h.failOnceAfter((req, res) => req.method === 'PUT' && req.url.includes(':/content') && res.ok);
    await expect(createDocument(bed.priya, request(title, key))).rejects.toThrow();
    expect(fault.failed).toBe(true);
    bed.h.server.resetHandlers();

    // The caller lost the DocId with the failure and sends the same request again.
    const { docId } = await createDocument(bed.priya, request(title, key));
    expect(await held(title)).toEqual({ docIds: [docId], files: [`${docId} ${title}.md`], releases: [`${docId} 0.1 Draft`], created: [docId] });
    expect(await nextProcedureNumber()).toBe(counter + 1);
    // Finished: checked in (Raj, an editor, sees it) with its columns.
    expect((await loadDocument(bed.raj, docId)).state).toMatchObject({ docId, title, status: 'Draft' });
  });

  it('a repeat after a failure right after the columns were written checks the file in and writes the records once', async () => {
    const title = 'Access Review Procedure';
    const key = newCreateKey();
    // The columns (with the key) are written; the next request (is the file still checked out?) fails.
    const fault = bed.h.failOnceAfter((req, res) => req.method === 'PATCH' && req.url.includes('/listItem/fields') && res.ok);
    await expect(createDocument(bed.priya, request(title, key))).rejects.toThrow();
    expect(fault.failed).toBe(true);
    bed.h.server.resetHandlers();

    const { docId } = await createDocument(bed.priya, request(title, key));
    expect(await held(title)).toEqual({ docIds: [docId], files: [`${docId} ${title}.md`], releases: [`${docId} 0.1 Draft`], created: [docId] });
    expect((await loadDocument(bed.raj, docId)).state).toMatchObject({ docId, title, status: 'Draft' });
  });

  it('a repeat after a 504 on the number reservation that was applied gets the same DocId', async () => {
    const title = 'Service Request Fulfilment Procedure';
    const key = newCreateKey();
    const counter = await nextProcedureNumber();
    expect(counter).toBeGreaterThan(1);
    const fault = gatewayTimeoutAfterCommit((req) => req.method === 'PATCH' && req.url.includes(listPath(smsSequences.key)));
    await expect(createDocument(bed.priya, request(title, key))).rejects.toThrow();
    expect(fault.hit).toBe(true);
    bed.h.server.resetHandlers();
    expect(await nextProcedureNumber()).toBe(counter + 1);

    const { docId } = await createDocument(bed.priya, request(title, key));
    expect(docId).toBe(`SMS-PRC-${String(counter).padStart(3, '0')}`);
    expect(await held(title)).toEqual({ docIds: [docId], files: [`${docId} ${title}.md`], releases: [`${docId} 0.1 Draft`], created: [docId] });
    expect(await nextProcedureNumber()).toBe(counter + 1);
  });

  it('a 504 on the audit entry that was written: the create reads the trail, finds it and finishes; a repeat writes nothing more', async () => {
    const title = 'Release Deployment Procedure';
    const key = newCreateKey();
    const fault = gatewayTimeoutAfterCommit((req) => req.method === 'POST' && req.url.includes(listPath('auditTrail')));
    const first = await createDocument(bed.priya, request(title, key));
    expect(fault.hit).toBe(true);
    bed.h.server.resetHandlers();

    const { docId } = await createDocument(bed.priya, request(title, key));
    expect(docId).toBe(first.docId);
    expect(await held(title)).toEqual({ docIds: [docId], files: [`${docId} ${title}.md`], releases: [`${docId} 0.1 Draft`], created: [docId] });
  });

  it('different keys make different documents', async () => {
    const title = 'Capacity Review Procedure';
    const first = await createDocument(bed.priya, request(title, newCreateKey()));
    const second = await createDocument(bed.priya, request(title, newCreateKey()));
    expect(second.docId).not.toBe(first.docId);
    expect((await held(title)).docIds.sort()).toEqual([first.docId, second.docId].sort());
  });
});
