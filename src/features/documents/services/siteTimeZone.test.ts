// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provision } from '../../../../graph/provisioning/engine.js';
import { getSiteByUrl } from '../../../../graph/sites/sites.js';
import { setSiteTimeZone } from '../../../../emulator/services/siteStore.js';
import { demo, startTestEmulator, type TestEmulator } from '../../../../tests/support/emulator.js';
import { buildDocumentMetadata } from '../../../../tests/support/factories.js';
import { DEMO_SMS_SITE_URL } from '../../../app/config.js';
import { createDocument, loadDocument, loadDocumentServices } from './index.js';
import { DEFAULT_SORT, NO_FILTERS, fetchAllRegisterRows } from './registerQuery.js';

/**
 * Date-only columns of documents on a site whose time zone is far from UTC. SharePoint keeps a date
 * as midnight of that date in the site's zone, in UTC: on a site in Pacific/Auckland (UTC+13 in
 * December) 2026-12-25 is stored as 2026-12-24T11:00:00Z, which is nearer UTC midnight of the 24th
 * than of the 25th; in America/Los_Angeles (UTC-8) it is 2026-12-25T08:00:00Z. The register rows
 * and the document snapshot must still show 2026-12-25, reading through the site's zone.
 */

const ZONES = [
  { timeZone: 'Pacific/Auckland', stored: '2026-12-24T11:00:00Z' },
  { timeZone: 'America/Los_Angeles', stored: '2026-12-25T08:00:00Z' },
] as const;
const CHRISTMAS = '2026-12-25';

let emu: TestEmulator;
let siteId: string;
let siteWebUrl: string;

beforeAll(async () => {
  emu = await startTestEmulator();
  const site = await getSiteByUrl(emu.client(demo.tom), DEMO_SMS_SITE_URL);
  siteId = site.id!;
  siteWebUrl = site.webUrl ?? DEMO_SMS_SITE_URL;
  await provision({ client: emu.client(demo.tom), siteId, groupName: 'Kestrel SMS', target: 'emulator', emulatorOrigin: emu.origin, log: () => undefined });
}, 60_000);
afterAll(async () => {
  await emu.close();
});

/** PATCHes list item fields over Graph as Priya, as an edit elsewhere in Microsoft 365 would. */
async function patchFields(list: string, itemId: string, fields: Record<string, unknown>): Promise<Record<string, unknown>> {
  const res = await emu.graph(demo.priya, `/sites/${siteId}/lists/${encodeURIComponent(list)}/items/${itemId}/fields`, { method: 'PATCH', body: JSON.stringify(fields) });
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, unknown>;
}

describe.each(ZONES)('date-only values on a site in $timeZone', ({ timeZone, stored }) => {
  it('a date written as 2026-12-25 reads back as 2026-12-25 in the register rows and in the document snapshot', async () => {
    setSiteTimeZone(emu.emulator.emu.db, siteId, timeZone);
    const priya = await loadDocumentServices(emu.client(demo.priya), siteId, siteWebUrl, demo.priya, { afterPublish: [], timeZone });
    const { docId, listItemId } = await createDocument(priya, {
      metadata: buildDocumentMetadata({ title: `Christmas cover (${timeZone})` }),
      file: { name: `christmas-${timeZone.replace('/', '-')}.md`, bytes: new TextEncoder().encode('# Christmas cover\n') },
    });
    const written = await patchFields('SMS Documents', listItemId, { EffectiveDate: CHRISTMAS, NextReviewDate: CHRISTMAS });
    // The site's midnight, in UTC, as SharePoint keeps it.
    expect(written).toMatchObject({ EffectiveDate: stored, NextReviewDate: stored });
    const release = (await loadDocument(priya, docId)).releases[0]!;
    await patchFields('Document Releases', release.itemId, { AckDueDate: CHRISTMAS });

    const rows = await fetchAllRegisterRows(priya.client, siteId, { view: 'all', filters: NO_FILTERS, sort: DEFAULT_SORT, docIdPrefix: docId, today: '2026-12-07', timeZone });
    expect(rows.map((r) => ({ docId: r.docId, effectiveDate: r.effectiveDate, nextReviewDate: r.nextReviewDate }))).toEqual([{ docId, effectiveDate: CHRISTMAS, nextReviewDate: CHRISTMAS }]);

    const snapshot = await loadDocument(priya, docId);
    expect(snapshot.state).toMatchObject({ effectiveDate: CHRISTMAS, nextReviewDate: CHRISTMAS });
    expect(snapshot.releases.map((r) => r.ackDueDate)).toEqual([CHRISTMAS]);
  });
});
