import { describe, expect, it } from 'vitest';
import { buildDocumentMetadata } from '../../../../tests/support/factories.js';
import { markdownFile, people, useDocumentsHarness } from '../../../../tests/support/documentsHarness.js';
import { loadDocument } from '../services/index.js';
import { createDocument } from './createDocument.js';

/**
 * A new document in SMS Documents, a library with required columns (issue 10, item 4): the upload
 * leaves the file checked out to the uploader and invisible to everyone else until the columns are
 * filled and it is checked in, and setting the columns right after the upload may be answered 409
 * `resourceModified`. Against the emulator (msw, in process), checked by others over Graph.
 */
const bed = useDocumentsHarness();

type Json = Record<string, unknown>;

async function graphAs(upn: string, path: string): Promise<{ status: number; body: Json }> {
  const res = await bed.h.raw(upn, path);
  return { status: res.status, body: (await res.json()) as Json };
}

describe('createDocument and the file it uploads', () => {
  it('leaves the new file checked in, so that other editors see the draft over Graph (readers never see drafts)', async () => {
    const { priya, raj } = bed;
    const metadata = buildDocumentMetadata({ title: 'Capacity Planning Procedure' });
    const { docId, listItemId } = await createDocument(priya, { metadata, file: markdownFile('capacity.md', '# Capacity\n') });

    const snap = await loadDocument(priya, docId);
    const item = `/drives/${priya.site.driveId}/items/${snap.file.driveItemId}`;
    const asPriya = await graphAs(people.priya, `${item}?$select=id,publication`);
    expect(asPriya.body.publication).toMatchObject({ level: 'published' });

    // Raj (top management, an editor of the library) sees the draft over Graph, by drive and by list.
    const asRaj = await graphAs(people.raj, `${item}?$select=id,name,publication`);
    expect(asRaj.status).toBe(200);
    expect(asRaj.body).toMatchObject({ id: snap.file.driveItemId, publication: { level: 'published' } });
    const listItem = await graphAs(people.raj, `${item}/listItem?$expand=fields`);
    expect(listItem.status).toBe(200);
    expect(listItem.body.id).toBe(listItemId);
    expect((listItem.body.fields as Json).DocId).toBe(docId);
    expect((await loadDocument(raj, docId)).state.title).toBe(metadata.title);

    // Jack (a reader) sees no draft under draft item security; the file is there, not hidden by a check-out.
    const asJack = await graphAs(people.jack, `${item}?$select=id`);
    expect(asJack.status).toBe(404);
    const children = await graphAs(people.tom, `/drives/${priya.site.driveId}/root/children?$select=id,name`);
    expect((children.body.value as Json[]).some((c) => c.id === snap.file.driveItemId)).toBe(true);
  });

  it('re-reads the item and writes the columns again when SharePoint answers 409 resourceModified right after the upload', async () => {
    const { priya, raj } = bed;
    bed.h.emulator.emu.faults.update({ resourceModifiedAfterUpload: 1 });
    const metadata = buildDocumentMetadata({ title: 'Supplier Review Procedure' });
    const { docId } = await createDocument(priya, { metadata, file: markdownFile('supplier.md', '# Supplier review\n') });
    expect(bed.h.emulator.emu.faults.config.resourceModifiedAfterUpload).toBe(0);

    const asRaj = await loadDocument(raj, docId);
    expect(asRaj.state).toMatchObject({ docId, title: metadata.title, docType: metadata.docType, status: 'Draft' });
  });
});
