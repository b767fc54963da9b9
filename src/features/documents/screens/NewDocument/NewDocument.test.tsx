import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { ORIGIN, renderApp } from '../../../../../tests/support/appHarness.js';
import { people, sessionFor, startDocumentsHarness, type DocumentsHarness, type Fields } from '../../../../../tests/support/documentsHarness.js';

/**
 * The new-document form against the emulator (msw, in process, provisioned SMS site): the rules'
 * messages next to the fields, the next DocId of the type, an employee refused, and a failed upload
 * that keeps everything typed and retries with the DocId already reserved.
 */
let h: DocumentsHarness;
beforeAll(async () => {
  h = await startDocumentsHarness();
}, 60_000);
afterEach(() => {
  cleanup();
  h.server.resetHandlers();
});
afterAll(() => h.close());

const priya = ['Priya Nair', people.priya] as const;
const jack = ['Jack Turner', people.jack] as const;

const items = (list: string): Promise<Fields[]> => h.listFields(list, '$top=200');

async function openForm(user: readonly [string, string] = priya) {
  renderApp({ path: '/documents/new', session: await sessionFor(...user) });
  await screen.findByRole('heading', { level: 1, name: 'New document' });
}

const markdown = (name: string, text: string) => new File([text], name, { type: 'text/markdown' });

async function fillValid(u: ReturnType<typeof userEvent.setup>, title: string) {
  await u.upload(await screen.findByLabelText(/^File \(Word, PDF or Markdown\)/), markdown('incident.md', `# ${title}\n\nLog every incident.\n`));
  await u.type(screen.getByRole('textbox', { name: /^Title/ }), title);
  await u.selectOptions(screen.getByRole('combobox', { name: /^Document type/ }), 'Procedure');
  await u.selectOptions(screen.getByRole('combobox', { name: /^Approver/ }), 'Raj Patel');
}

describe('new document form', () => {
  it('shows the rules’ problems next to their fields and writes nothing', async () => {
    const u = userEvent.setup();
    await openForm();
    await u.click(await screen.findByRole('button', { name: 'Create document' }));
    expect(await screen.findByText('Choose the file to upload.')).toBeTruthy();
    expect(screen.getByText('Enter a title.')).toBeTruthy();
    expect(screen.getByText('Choose a document type.')).toBeTruthy();
    // The file input is found by its label and described by its problem (what a screen reader announces).
    const fileInput = screen.getByLabelText(/^File \(Word, PDF or Markdown\)/);
    const described = (fileInput.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean).map((id) => document.getElementById(id)?.textContent ?? '');
    expect(described.join(' ')).toContain('Choose the file to upload.');
    expect(fileInput.getAttribute('aria-invalid')).toBe('true');

    // The author (Priya) cannot be the approver; a review cycle of 0 and an unknown clause are refused.
    await u.type(screen.getByRole('textbox', { name: /^Title/ }), 'Incident Procedure');
    await u.selectOptions(screen.getByRole('combobox', { name: /^Document type/ }), 'Procedure');
    await u.selectOptions(screen.getByRole('combobox', { name: /^Approver/ }), 'Priya Nair');
    const cycle = screen.getByRole('spinbutton', { name: /^Review cycle/ });
    await u.clear(cycle);
    await u.type(cycle, '0');
    await u.type(screen.getByRole('combobox', { name: /^Primary clause/ }), '99.9');
    await u.click(screen.getByRole('button', { name: 'Create document' }));

    expect(await screen.findByText('Priya Nair is the author of this version and cannot approve it; choose another approver.')).toBeTruthy();
    expect(screen.getByText('The review cycle must be a whole number of months from 1 to 60.')).toBeTruthy();
    expect(screen.getByText('"99.9" is not a clause of ISO/IEC 20000-1.')).toBeTruthy();
    expect(screen.queryByText('Enter a title.')).toBeNull();
    // What was typed is still there.
    expect((screen.getByRole('textbox', { name: /^Title/ }) as HTMLInputElement).value).toBe('Incident Procedure');

    expect(await items('SMS Documents')).toEqual([]);
    expect(await items('SMS Sequences')).toEqual([]);
  });

  it('creates the document with the next DocId of its type and opens its page', async () => {
    const u = userEvent.setup();
    await openForm();
    await fillValid(u, 'Incident Logging Procedure');
    await u.click(screen.getByRole('button', { name: 'Create document' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'SMS-PRC-001 Incident Logging Procedure' }, { timeout: 5000 })).toBeTruthy();
    const docs = await items('SMS Documents');
    expect(docs).toHaveLength(1);
    expect(docs[0]).toMatchObject({ DocId: 'SMS-PRC-001', DocType: 'Procedure', DocStatus: 'Draft', Title: 'Incident Logging Procedure' });
    const seq = (await items('SMS Sequences')).find((s) => s.SequenceName === 'SMS-PRC');
    expect(seq).toMatchObject({ NextNumber: 2 });
    const releases = await items('Document Releases');
    expect(releases.filter((r) => r.DocId === 'SMS-PRC-001')).toEqual([expect.objectContaining({ VersionLabel: '0.1', VersionStatus: 'Draft', ChangeType: 'New' })]);
    // The Markdown draft is rendered in the app.
    expect(await screen.findByRole('heading', { level: 1, name: 'Incident Logging Procedure', hidden: false })).toBeTruthy();
  });

  it('keeps everything typed when the upload fails, and the retry reuses the reserved DocId', async () => {
    const u = userEvent.setup();
    let failures = 0;
    h.server.use(
      http.put(`${ORIGIN}/v1.0/drives/*`, async ({ request }) => {
        if (failures === 0 && new URL(request.url).pathname.endsWith('/content')) {
          failures++;
          return new Response(JSON.stringify({ error: { code: 'serviceNotAvailable', message: 'Injected upload failure' } }), { status: 500, headers: { 'content-type': 'application/json' } });
        }
        return h.emulator.handle(request);
      }),
    );
    await openForm();
    await fillValid(u, 'Problem Management Procedure');
    await u.click(screen.getByRole('button', { name: 'Create document' }));

    expect(await screen.findByText(/The document was not created completely/)).toBeTruthy();
    expect(failures).toBe(1);
    expect(screen.getByText('Document ID reserved: SMS-PRC-002')).toBeTruthy();
    expect((screen.getByRole('textbox', { name: /^Title/ }) as HTMLInputElement).value).toBe('Problem Management Procedure');

    await u.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'SMS-PRC-002 Problem Management Procedure' }, { timeout: 5000 })).toBeTruthy();
    expect((await items('SMS Sequences')).find((s) => s.SequenceName === 'SMS-PRC')).toMatchObject({ NextNumber: 3 });
    expect((await items('SMS Documents')).filter((d) => d.Title === 'Problem Management Procedure').map((d) => d.DocId)).toEqual(['SMS-PRC-002']);
  });

  it('retries under the first attempt’s file name after the title was edited, and drops the reserved DocId when the type changes', async () => {
    const u = userEvent.setup();
    // The file is uploaded, then writing its metadata fails once.
    let failures = 0;
    h.server.use(
      http.patch(`${ORIGIN}/v1.0/drives/*`, async ({ request }) => {
        if (failures === 0 && new URL(request.url).pathname.endsWith('/listItem/fields')) {
          failures++;
          return new Response(JSON.stringify({ error: { code: 'serviceNotAvailable', message: 'Injected failure' } }), { status: 503, headers: { 'content-type': 'application/json' } });
        }
        return h.emulator.handle(request);
      }),
    );
    await openForm();
    await fillValid(u, 'Release Procedure');
    await u.click(screen.getByRole('button', { name: 'Create document' }));
    expect(await screen.findByText(/The document was not created completely/)).toBeTruthy();
    expect(failures).toBe(1);
    const reserved = /Document ID reserved: (SMS-PRC-\d+)/.exec(screen.getByText(/Document ID reserved:/).textContent ?? '')?.[1];
    expect(reserved).toBeDefined();

    // A new title, then "Try again": the first attempt's file is completed, not a second one added.
    const title = screen.getByRole('textbox', { name: /^Title/ });
    await u.clear(title);
    await u.type(title, 'Release and Deployment Procedure');
    await u.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { level: 1, name: `${reserved} Release and Deployment Procedure` }, { timeout: 5000 })).toBeTruthy();
    const drive = (await (await h.raw(people.tom, `/sites/${h.siteId}/lists/SMS Documents/drive`)).json()) as { id: string };
    const files = ((await (await h.raw(people.tom, `/drives/${drive.id}/root/children`)).json()) as { value: { name: string }[] }).value.map((f) => f.name);
    expect(files.filter((n) => n.startsWith(`${reserved!} `))).toEqual([`${reserved!} Release Procedure.md`]);
    expect((await items('SMS Documents')).filter((d) => d.DocId === reserved).map((d) => d.Title)).toEqual(['Release and Deployment Procedure']);
    cleanup();

    // Another form: a failed attempt reserves a Procedure number; switching to a Work instruction drops it.
    let uploadFailures = 0;
    h.server.use(
      http.put(`${ORIGIN}/v1.0/drives/*`, async ({ request }) => {
        if (uploadFailures === 0 && new URL(request.url).pathname.endsWith('/content')) {
          uploadFailures++;
          return new Response(JSON.stringify({ error: { code: 'serviceNotAvailable', message: 'Injected upload failure' } }), { status: 500, headers: { 'content-type': 'application/json' } });
        }
        return h.emulator.handle(request);
      }),
    );
    await openForm();
    await fillValid(u, 'Capacity Instruction');
    await u.click(screen.getByRole('button', { name: 'Create document' }));
    expect(await screen.findByText(/The document was not created completely/)).toBeTruthy();
    expect(screen.getByText(/Document ID reserved: SMS-PRC-/)).toBeTruthy();
    await u.selectOptions(screen.getByRole('combobox', { name: /^Document type/ }), 'Work instruction');
    expect(screen.queryByText(/Document ID reserved:/)).toBeNull();
    await u.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { level: 1, name: /^SMS-WI-\d+ Capacity Instruction$/ }, { timeout: 5000 })).toBeTruthy();
    expect((await items('SMS Documents')).filter((d) => d.Title === 'Capacity Instruction').map((d) => [d.DocType, String(d.DocId).slice(0, 7)])).toEqual([['Work instruction', 'SMS-WI-']]);
  });

  it('a double click on "Create document" makes one document: the button is disabled while the file is read', async () => {
    const u = userEvent.setup();
    const counter = Number((await items('SMS Sequences')).find((s) => s.SequenceName === 'SMS-PRC')?.NextNumber ?? 1);
    await openForm();
    await fillValid(u, 'Event Monitoring Procedure');
    await u.dblClick(screen.getByRole('button', { name: 'Create document' }));

    expect(await screen.findByRole('heading', { level: 1, name: /^SMS-PRC-\d+ Event Monitoring Procedure$/ }, { timeout: 5000 })).toBeTruthy();
    // One number taken; a second create started by the click would have reserved its number long before the first one ended.
    expect((await items('SMS Sequences')).find((s) => s.SequenceName === 'SMS-PRC')).toMatchObject({ NextNumber: counter + 1 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const docs = (await items('SMS Documents')).filter((d) => d.Title === 'Event Monitoring Procedure');
    expect(docs.map((d) => d.DocId)).toEqual([`SMS-PRC-${String(counter).padStart(3, '0')}`]);
    expect((await items('Document Releases')).filter((r) => r.DocId === docs[0]!.DocId)).toHaveLength(1);
  });

  it('refuses an employee in the UI, and Microsoft 365 refuses the same writes made directly (403)', async () => {
    await openForm(jack);
    expect(await screen.findByText('You cannot create controlled documents')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Create document' })).toBeNull();

    const drive = (await (await h.raw(people.jack, `/sites/${h.siteId}/lists/SMS Documents/drive`)).json()) as { id: string };
    const upload = await h.raw(people.jack, `/drives/${drive.id}/root:/sneaky.md:/content`, { method: 'PUT', body: '# not allowed', headers: { 'content-type': 'text/markdown' } });
    expect(upload.status).toBe(403);
    const release = await h.raw(people.jack, `/sites/${h.siteId}/lists/Document Releases/items`, {
      method: 'POST',
      body: JSON.stringify({ fields: { Title: 'SMS-PRC-001 v9.0', DocId: 'SMS-PRC-001', VersionLabel: '9.0', VersionStatus: 'Published', DocumentLookupId: '1' } }),
    });
    expect(release.status).toBe(403);
    await waitFor(async () => expect((await items('Document Releases')).some((r) => r.VersionLabel === '9.0')).toBe(false));
  });
});
