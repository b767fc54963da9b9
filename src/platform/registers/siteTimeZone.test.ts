// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraphClient, type GraphClient } from '../../../graph/core/client.js';
import { createItem, createList } from '../../../graph/lists/index.js';
import { dateOnly, text, toGraphColumnDefinition } from '../../../graph/schema/columns.js';
import type { SmsListSchema } from '../../../graph/schema/types.js';
import { getSiteByUrl } from '../../../graph/sites/sites.js';
import { setSiteTimeZone } from '../../../emulator/services/siteStore.js';
import { demo, startTestEmulator, type TestEmulator } from '../../../tests/support/emulator.js';
import { createRecord, encodeFields, readAll, updateRecord, type RegisterDefinition } from './index.js';

/**
 * Date-only columns on sites in different time zones: SharePoint keeps a date as midnight of that
 * date in the site's zone, in UTC. The engine writes the bare date, filters with the site's
 * midnight and reads the date back, on a site east of UTC (Shanghai, UTC+8) and one west of it
 * (New York, UTC-5 in winter, UTC-4 in summer).
 */

const SITES = {
  east: { url: 'https://kestrelms.sharepoint.com/sites/KestrelSMS', timeZone: 'Asia/Shanghai' },
  west: { url: 'https://kestrelms.sharepoint.com', timeZone: 'America/New_York' },
} as const;
type Side = keyof typeof SITES;

const schema: SmsListSchema = {
  key: 'zoneThings',
  displayName: 'Zone things',
  template: 'genericList',
  kind: 'register',
  entity: 'Thing',
  description: 'Date-only values and the site time zone',
  large: true,
  columns: [text('Title'), dateOnly('Due', { indexed: true })],
};

interface Row {
  title: string;
  due: string | null;
}
const definition: RegisterDefinition<Row> = { schema, columns: ['Title', 'Due'], toRow: (r) => ({ title: String(r.values.Title), due: r.values.Due as string | null }) };
const DATES = ['2026-01-14', '2026-01-15', '2026-01-16', '2026-07-14', '2026-07-15'];

let emu: TestEmulator;
let tom: GraphClient;
const siteIds = {} as Record<Side, string>;
const listIds = {} as Record<Side, string>;

beforeAll(async () => {
  emu = await startTestEmulator();
  tom = createGraphClient({ baseUrl: emu.graphBaseUrl, getToken: () => emu.token(demo.tom) });
  for (const side of Object.keys(SITES) as Side[]) {
    siteIds[side] = (await getSiteByUrl(tom, SITES[side].url)).id!;
    setSiteTimeZone(emu.emulator.emu.db, siteIds[side], SITES[side].timeZone);
    const columns = schema.columns.filter((c) => c.name !== 'Title').map((c) => toGraphColumnDefinition(c, () => 'unused'));
    listIds[side] = (await createList(tom, siteIds[side], { displayName: schema.displayName, list: { template: 'genericList' }, columns })).id!;
    for (const due of DATES) await createItem(tom, siteIds[side], listIds[side], encodeFields(schema, { Title: due, Due: due }));
  }
});
afterAll(async () => {
  await emu.close();
});

const read = (side: Side, filters: Parameters<typeof readAll<Row>>[3]['filters']) =>
  readAll(tom, siteIds[side], { ...definition, list: listIds[side] }, { filters, sort: null, timeZone: SITES[side].timeZone });

describe('date-only columns and the site time zone', () => {
  it('stores a date as midnight of the site, in UTC', async () => {
    const stored = async (side: Side) => {
      const res = await emu.graph(demo.tom, `/sites/${siteIds[side]}/lists/${listIds[side]}/items?$expand=fields`);
      const body = (await res.json()) as { value: { fields: { Title: string; Due: string } }[] };
      return Object.fromEntries(body.value.map((i) => [i.fields.Title, i.fields.Due]));
    };
    expect(await stored('east')).toMatchObject({ '2026-01-15': '2026-01-14T16:00:00Z', '2026-07-15': '2026-07-14T16:00:00Z' });
    // New York: UTC-5 in January, UTC-4 (daylight saving) in July.
    expect(await stored('west')).toMatchObject({ '2026-01-15': '2026-01-15T05:00:00Z', '2026-07-15': '2026-07-15T04:00:00Z' });
  });

  it.each(['east', 'west'] as const)('reads every date back as it was written (%s of UTC)', async (side) => {
    const rows = await read(side, []);
    expect(rows.map((r) => r.due).sort()).toEqual(DATES);
    expect(rows.every((r) => r.due === r.title)).toBe(true);
  });

  it.each(['east', 'west'] as const)('filters on the calendar date: ge, le, lt and eq include exactly the right days (%s of UTC)', async (side) => {
    const titles = async (op: 'ge' | 'le' | 'lt' | 'eq', value: string) => (await read(side, [{ column: 'Due', op, value }])).map((r) => r.title).sort();
    expect(await titles('ge', '2026-01-15')).toEqual(['2026-01-15', '2026-01-16', '2026-07-14', '2026-07-15']);
    expect(await titles('le', '2026-01-15')).toEqual(['2026-01-14', '2026-01-15']);
    expect(await titles('lt', '2026-07-15')).toEqual(['2026-01-14', '2026-01-15', '2026-01-16', '2026-07-14']);
    expect(await titles('eq', '2026-07-15')).toEqual(['2026-07-15']);
  });

  it('sends the site midnight of the date as the server-side bound', async () => {
    await emu.clearRequestLog();
    await read('east', [{ column: 'Due', op: 'ge', value: '2026-01-15' }]);
    await read('west', [{ column: 'Due', op: 'ge', value: '2026-07-14' }]);
    const filters = (await emu.requestLog()).map((e) => new URLSearchParams(e.path.split('?')[1] ?? '').get('$filter')).filter(Boolean);
    expect(filters).toEqual(["fields/Due ge '2026-01-14T16:00:00.000Z'", "fields/Due ge '2026-07-14T04:00:00.000Z'"]);
  });
});

describe('a record written on a site beyond UTC+12', () => {
  it('reads its date-only value back as written, on create and on update (Pacific/Auckland, UTC+13 in December)', async () => {
    const site = (await getSiteByUrl(tom, 'https://kestrelms.sharepoint.com/sites/KestrelSMS')).id!;
    const timeZone = 'Pacific/Auckland';
    setSiteTimeZone(emu.emulator.emu.db, site, timeZone);
    try {
      const columns = schema.columns.filter((c) => c.name !== 'Title').map((c) => toGraphColumnDefinition(c, () => 'unused'));
      const list = (await createList(tom, site, { displayName: 'Zone writes', list: { template: 'genericList' }, columns })).id!;
      const audit = async () => undefined;
      const created = await createRecord(tom, site, schema, { Title: 'Christmas', Due: '2026-12-25' }, { audit }, { list, timeZone });
      expect(created.values.Due).toBe('2026-12-25');
      const updated = await updateRecord(tom, site, schema, created, { Due: '2026-12-31' }, { audit }, { list, timeZone });
      expect(updated.values.Due).toBe('2026-12-31');
    } finally {
      setSiteTimeZone(emu.emulator.emu.db, site, SITES.east.timeZone);
    }
  });
});
