import { describe, expect, it } from 'vitest';
import { http } from 'msw';
import { GraphConflictError } from '../../../../graph/core/errors.js';
import { ORIGIN } from '../../../../tests/support/appHarness.js';
import { people, publishedDocument, useDocumentsHarness, type Fields } from '../../../../tests/support/documentsHarness.js';
import { loadDocument } from '../services/index.js';
import { withdrawDocument } from './withdrawDocument.js';

/**
 * `withdrawDocument` against the emulator (msw, in process): someone else's change between loading
 * and checking out stops it with nothing written, and a failure while the file is checked out
 * gives the check-out back.
 */
const bed = useDocumentsHarness();

describe('someone else changes the document between loading it and checking it out', () => {
  it('a withdrawal stops with a conflict and neither overwrites nor publishes the other edit', async () => {
    const { h, priya, tom, raj } = bed;
    const docId = await publishedDocument(priya, raj, { title: 'Printer Setup Instruction' });
    const published = await loadDocument(priya, docId);
    expect(published.state.status).toBe('Published');

    // Tom renames the document just before Priya's check-out reaches the library.
    let tomsEdit: Fields | null = null;
    let labelAfterTomsEdit = '';
    h.server.use(
      http.all(`${ORIGIN}/*`, async ({ request }) => {
        if (tomsEdit === null && request.method === 'POST' && request.url.endsWith(`/items/${published.file.driveItemId}/checkout`)) {
          const res = await h.raw(people.tom, `/sites/${h.siteId}/lists/${tom.site.documentsListId}/items/${published.listItemId}/fields`, {
            method: 'PATCH',
            body: JSON.stringify({ Title: 'Printer Setup Instruction (renamed by Tom)' }),
          });
          tomsEdit = (await res.json()) as Fields;
          const seen = await h.raw(people.tom, `/sites/${h.siteId}/lists/${tom.site.documentsListId}/items/${published.listItemId}?$expand=fields`);
          labelAfterTomsEdit = String(((await seen.json()) as { fields: Fields }).fields._UIVersionString);
        }
        return h.emulator.handle(request);
      }),
    );
    const err = await withdrawDocument(priya, docId, 'Printers replaced').catch((e: unknown) => e);
    h.server.resetHandlers();
    expect(tomsEdit).toMatchObject({ Title: 'Printer Setup Instruction (renamed by Tom)' });
    expect(err).toBeInstanceOf(GraphConflictError);
    expect((err as GraphConflictError).status).toBe(412);

    // Still Published, Tom's title kept, no version beyond the one Tom's edit made, the file not left checked out.
    const after = await loadDocument(priya, docId);
    expect(after.state).toMatchObject({ status: 'Published', title: 'Printer Setup Instruction (renamed by Tom)' });
    expect(labelAfterTomsEdit).toMatch(/^1\.\d+$/);
    expect(after.file.versionLabel).toBe(labelAfterTomsEdit);
    const item = (await (await h.raw(people.priya, `/drives/${priya.site.driveId}/items/${published.file.driveItemId}?$select=id,publication`)).json()) as Fields;
    expect(item.publication).toMatchObject({ level: 'published' });
    expect(after.releases.map((r) => r.versionStatus)).toEqual(published.releases.map((r) => r.versionStatus));

    // Reloaded, the withdrawal goes through.
    const withdrawn = await withdrawDocument(priya, docId, 'Printers replaced');
    expect(withdrawn.state).toMatchObject({ status: 'Withdrawn', title: 'Printer Setup Instruction (renamed by Tom)' });
  });
});

describe('a step that fails while the file is checked out', () => {
  it('gives the check-out back, so the file is not left locked, and the retry goes through', async () => {
    const { h, priya, raj } = bed;
    const docId = await publishedDocument(priya, raj, { title: 'Badge Access Instruction' });
    const published = await loadDocument(priya, docId);

    // Fail the first write to another list once the file is checked out.
    const fault = h.failOnceAfter(
      (request, res) => request.method === 'POST' && request.url.endsWith(`/items/${published.file.driveItemId}/checkout`) && res.status === 204,
      (request) => request.method !== 'GET' && request.url.includes('/lists/') && !request.url.includes(published.file.driveItemId),
    );
    const err = await withdrawDocument(priya, docId, 'Badges replaced').catch((e: unknown) => e);
    h.server.resetHandlers();
    expect(fault.failed).toBe(true);
    expect(err).toMatchObject({ status: 500 });

    // Not locked to Priya: Tom can check the file out (and give it back).
    const tomCheckout = await h.raw(people.tom, `/drives/${priya.site.driveId}/items/${published.file.driveItemId}/checkout`, { method: 'POST' });
    expect(tomCheckout.status).toBe(204);
    expect((await h.raw(people.tom, `/drives/${priya.site.driveId}/items/${published.file.driveItemId}/discardCheckout`, { method: 'POST' })).status).toBe(204);

    const withdrawn = await withdrawDocument(priya, docId, 'Badges replaced');
    expect(withdrawn.state.status).toBe('Withdrawn');
  });
});
