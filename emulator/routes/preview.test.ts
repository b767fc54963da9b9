import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createRequire } from 'node:module';
import { Document as WordDocument, Packer, Paragraph, TextRun, HeadingLevel, ExternalHyperlink } from 'docx';
import { startTestEmulator, demo, type TestEmulator } from '../../tests/support/emulator.js';
import { findSiteByPath, type SiteRow } from '../services/siteStore.js';
import { createListIn } from '../services/listFactory.js';
import { groupIdOf, SMS_GROUP } from '../seed/tenant.js';

/**
 * POST …/items/{id}/preview (driveitem-preview): a short-lived, pre-authenticated URL that renders
 * the file as a script-free page, showing each caller the version they may see.
 */
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const json = async (res: Response): Promise<Json> => (await res.json()) as Json;

let emu: TestEmulator;
let site: SiteRow;
let docs: string; // default "Documents" library (no minor versions)
let sms: string; // "SMS Documents" (minor versions: drafts hidden from readers)
let clockOffset = 0;

beforeAll(async () => {
  emu = await startTestEmulator({ now: () => new Date(Date.now() + clockOffset) });
  site = findSiteByPath(emu.emulator.emu.db, '/sites/KestrelSMS')!;
  const lib = createListIn(emu.emulator.emu, site, { displayName: 'SMS Documents', template: 'documentLibrary', settings: { enableMinorVersions: true } });
  docs = (await json(await emu.graph(demo.priya, `/sites/${site.id}/drive`))).id;
  sms = (await json(await emu.graph(demo.priya, `/sites/${site.id}/lists/${lib.id}/drive`))).id;
});
afterAll(() => emu.close());

const put = async (drive: string, name: string, body: string | Uint8Array): Promise<Json> => {
  const res = await emu.graph(demo.priya, `/drives/${drive}/root:/${encodeURIComponent(name)}:/content`, {
    method: 'PUT',
    body: typeof body === 'string' ? body : new Uint8Array(body),
    headers: { 'content-type': 'application/octet-stream' },
  });
  expect(res.status).toBeLessThan(300);
  return json(res);
};
const post = (upn: string, path: string, body?: unknown, scopes?: string[]) =>
  emu.graph(upn, path, { method: 'POST', body: body === undefined ? undefined : JSON.stringify(body), scopes });
const previewOf = async (upn: string, drive: string, id: string, body: unknown = {}): Promise<Json> => {
  const res = await post(upn, `/drives/${drive}/items/${id}/preview`, body);
  expect(res.status).toBe(200);
  return json(res);
};
/** Opens a preview URL as a browser frame would: no bearer token. */
const open = (url: string) => fetch(url);
// jsdom ships no type declarations; the test only needs its parser.
const { JSDOM } = createRequire(import.meta.url)('jsdom') as { JSDOM: new (html: string) => { window: { document: Document } } };
/** Parses a preview page as a browser would. */
const dom = (html: string) => new JSDOM(html).window.document;

async function docxBytes(): Promise<Uint8Array> {
  const doc = new WordDocument({
    sections: [{
      children: [
        new Paragraph({ text: 'Incident Reporting Procedure', heading: HeadingLevel.HEADING_1 }),
        new Paragraph({ children: [new TextRun('Report every incident to the duty manager within 24 hours.')] }),
        new Paragraph({ children: [new ExternalHyperlink({ link: 'javascript:alert(1)', children: [new TextRun('unsafe link')] })] }),
      ],
    }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

describe('POST /drives/{d}/items/{i}/preview', () => {
  it('returns embeddable URLs whose page renders a Word document as HTML without a bearer token', async () => {
    const item = await put(docs, 'SMS-PRC-001 Incident Reporting.docx', await docxBytes());
    const info = await previewOf(demo.priya, docs, item.id, { page: 1, zoom: 1 });
    expect(info['@odata.context']).toMatch(/\$metadata#microsoft\.graph\.itemPreviewInfo$/);
    expect(info.getUrl.startsWith(emu.origin)).toBe(true);

    const res = await open(info.getUrl);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const doc = dom(await res.text());
    expect(doc.querySelector('h1')?.textContent).toBe('Incident Reporting Procedure');
    expect([...doc.querySelectorAll('p')].map((p) => p.textContent)).toContain('Report every incident to the duty manager within 24 hours.');
    // A javascript: hyperlink inside the document keeps its text but loses its URL.
    const link = [...doc.querySelectorAll('a')].find((a) => a.textContent === 'unsafe link');
    expect(link).toBeDefined();
    expect(link!.getAttribute('href') ?? '').not.toMatch(/javascript:/i);

    // The form-post variant renders the same page.
    const form = await fetch(info.postUrl, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: info.postParameters });
    expect(form.status).toBe(200);
    expect(dom(await form.text()).querySelector('h1')?.textContent).toBe('Incident Reporting Procedure');
  });

  it('renders Markdown without scripts, event handlers or javascript: URLs, under a no-script CSP, and may be framed', async () => {
    const md = [
      '# Audit checklist',
      '',
      '<script>alert(1)</script>',
      '',
      '[x](javascript:alert(1)) [y](JaVaScRiPt&#58;alert(3)) <img src=x onerror="alert(2)"> [policy](https://kestrelms.sharepoint.com/sites/KestrelSMS)',
    ].join('\n');
    const item = await put(docs, 'Audit checklist.md', md);
    const res = await open((await previewOf(demo.priya, docs, item.id)).getUrl);
    expect(res.status).toBe(200);

    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toMatch(/script-src/);
    expect(csp).toContain('frame-ancestors *');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBeNull();

    const html = await res.text();
    expect(html).not.toMatch(/<script/i);
    const doc = dom(html);
    expect(doc.querySelector('h1')?.textContent).toBe('Audit checklist');
    expect(doc.querySelectorAll('script')).toHaveLength(0);
    for (const el of doc.querySelectorAll('*')) {
      for (const attr of el.getAttributeNames()) expect(attr.startsWith('on')).toBe(false);
      for (const attr of ['href', 'src']) expect(el.getAttribute(attr) ?? '').not.toMatch(/^\s*javascript:/i);
    }
    // Raw HTML shows as text; safe links survive.
    expect(doc.body.textContent).toContain('<script>alert(1)</script>');
    expect(doc.querySelector('a[href="https://kestrelms.sharepoint.com/sites/KestrelSMS"]')?.textContent).toBe('policy');
  });

  it('shows text in a <pre>, serves PDF bytes inline, and says when a type has no preview', async () => {
    const txt = await put(docs, 'notes.txt', 'line 1 <b>not bold</b>\nline 2');
    const txtDoc = dom(await (await open((await previewOf(demo.priya, docs, txt.id)).getUrl)).text());
    expect(txtDoc.querySelector('pre')?.textContent).toBe('line 1 <b>not bold</b>\nline 2');

    const pdfBytes = new TextEncoder().encode('%PDF-1.4\n% emulator test\n%%EOF\n');
    const pdf = await put(docs, 'SMS Manual.pdf', pdfBytes);
    const pdfInfo = await previewOf(demo.priya, docs, pdf.id, { page: '2' });
    expect(new URL(pdfInfo.getUrl).hash).toBe('#page=2');
    const pdfRes = await open(pdfInfo.getUrl);
    expect(pdfRes.headers.get('content-type')).toBe('application/pdf');
    expect(pdfRes.headers.get('content-disposition')).toMatch(/^inline/);
    expect(new Uint8Array(await pdfRes.arrayBuffer())).toEqual(pdfBytes);

    const bin = await put(docs, 'Risk register.xlsx', 'PK not really a workbook');
    const binRes = await open((await previewOf(demo.priya, docs, bin.id)).getUrl);
    expect(binRes.status).toBe(200);
    expect(dom(await binRes.text()).body.textContent).toMatch(/preview is not available/i);
  });

  it('answers on the site and group drive forms too', async () => {
    const item = await put(docs, 'site form.txt', 'via the site drive');
    const bySite = await post(demo.priya, `/sites/${site.id}/drive/items/${item.id}/preview`, {});
    expect(bySite.status).toBe(200);
    expect(dom(await (await open((await json(bySite)).getUrl)).text()).querySelector('pre')?.textContent).toBe('via the site drive');
    const byGroup = await post(demo.priya, `/groups/${groupIdOf(SMS_GROUP)}/drive/items/${item.id}/preview`, {});
    expect(byGroup.status).toBe(200);
    expect(dom(await (await open((await json(byGroup)).getUrl)).text()).querySelector('pre')?.textContent).toBe('via the site drive');
  });

  it('needs a files or sites read scope', async () => {
    const item = await put(docs, 'scoped.txt', 'scoped');
    expect((await post(demo.jack, `/drives/${docs}/items/${item.id}/preview`, {}, ['User.Read'])).status).toBe(403);
    expect((await post(demo.jack, `/drives/${docs}/items/${item.id}/preview`, {}, ['Files.Read'])).status).toBe(200);
  });

  it('rejects a zoom that is not a number', async () => {
    const item = await put(docs, 'zoom.txt', 'zoom');
    expect((await post(demo.priya, `/drives/${docs}/items/${item.id}/preview`, { zoom: 'large' })).status).toBe(400);
  });
});

describe('preview and draft item security', () => {
  it('shows a reader (Jack) the published 1.0 and a contributor (Priya) the 1.1 draft', async () => {
    const item = await put(sms, 'SMS-PRC-002 Hazard Reporting.md', '# Hazard reporting\n\nPublished wording.');
    const path = `/drives/${sms}/items/${item.id}`;
    expect((await post(demo.priya, `${path}/checkout`)).status).toBe(204);
    expect((await post(demo.priya, `${path}/checkin`, { comment: 'issue 1', checkInAs: 'published' })).status).toBe(204);
    await put(sms, 'SMS-PRC-002 Hazard Reporting.md', '# Hazard reporting\n\nDraft wording under review.');

    const jack = dom(await (await open((await previewOf(demo.jack, sms, item.id)).getUrl)).text()).body.textContent ?? '';
    const priya = dom(await (await open((await previewOf(demo.priya, sms, item.id)).getUrl)).text()).body.textContent ?? '';
    expect(jack).toContain('Published wording.');
    expect(jack).not.toContain('Draft wording');
    expect(priya).toContain('Draft wording under review.');
  });

  it('is 404 for a reader when the file was never published', async () => {
    const item = await put(sms, 'SMS-PRC-003 Unpublished.md', '# Not yet');
    expect((await post(demo.jack, `/drives/${sms}/items/${item.id}/preview`, {})).status).toBe(404);
    expect((await post(demo.priya, `/drives/${sms}/items/${item.id}/preview`, {})).status).toBe(200);
  });
});

describe('preview URLs', () => {
  it('are 401 when forged, when a download token is passed off as one, and the other way round', async () => {
    const item = await put(docs, 'forgery.txt', 'secret');
    const { getUrl } = await previewOf(demo.priya, docs, item.id);
    const token = new URL(getUrl).pathname.split('/').pop()!;
    const [body, mac] = token.split('.') as [string, string];
    const flipped = `${body}.${mac.slice(0, -2)}${mac.endsWith('AA') ? 'BB' : 'AA'}`;
    expect((await open(`${emu.origin}/_preview/${flipped}`)).status).toBe(401);
    expect((await open(`${emu.origin}/_preview/not-a-token`)).status).toBe(401);

    const downloadUrl: string = (await json(await emu.graph(demo.priya, `/drives/${docs}/items/${item.id}`)))['@microsoft.graph.downloadUrl'];
    const downloadToken = new URL(downloadUrl).pathname.split('/').pop()!;
    expect((await open(`${emu.origin}/_preview/${downloadToken}`)).status).toBe(401);
    expect((await open(`${emu.origin}/_download/${token}`)).status).toBe(401);
  });

  it('expire', async () => {
    const item = await put(docs, 'short-lived.txt', 'soon gone');
    const { getUrl } = await previewOf(demo.priya, docs, item.id);
    expect((await open(getUrl)).status).toBe(200);
    clockOffset = 2 * 60 * 60 * 1000;
    try {
      expect((await open(getUrl)).status).toBe(401);
    } finally {
      clockOffset = 0;
    }
  });
});
