import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import { getSiteByUrl } from '../../../../graph/sites/sites.js';
import { ensureDemoContent } from '../../../../scripts/demo/firstStart.js';
import { CONFIG, ORIGIN, demoPerson, startHarness, type Harness } from '../../../../tests/support/appHarness.js';
import { DEMO_SMS_SITE_URL } from '../../../app/config.js';
import { createI18n } from '../../../app/i18n/i18n.js';
import { systemClock } from '../../../platform/clock.js';
import { loadPeopleDirectory, type PeopleDirectory } from '../../../platform/people.js';
import { platformWriteDeps } from '../../../platform/registers/write.defaults.js';
import { loadListIds } from '../../../platform/site.js';
import { readAll } from '../../../platform/registers/index.js';
import { toCsv } from '../../../ui/export/index.js';
import { registerExportTable } from '../components/ExportMenu.js';
import { columnLabel } from '../i18n/labels.js';
import { lookupOptionsQuery } from '../queries.js';
import { REGISTERS, type RegisterConfig } from './catalog.js';
import { lookupIndexOf, newImportJob, planImport, runImport, validRows } from './importCsv.js';
import { definitionOf } from './records.js';

/**
 * "Every register works end to end, including import" (issue 12), on the demo tenant: for each register, one of its
 * records is exported as the app exports it (every column, people as UPNs, lookups as `Ref – Title`), its `Ref` and
 * status left out, and the file is imported back as Tom: the preview finds no error and the import writes one new
 * record with a fresh reference, in the register's first status.
 */
const tom = demoPerson('Tom', 'Whitaker');
const { t } = createI18n('en');
let harness: Harness;
let siteId: string;
let people: PeopleDirectory;
let listIds: Readonly<Record<string, string>>;

beforeAll(async () => {
  harness = await startHarness();
  await ensureDemoContent({ origin: ORIGIN, graphBaseUrl: CONFIG.graphBaseUrl, log: () => undefined });
  const client = harness.clientAs(tom.userPrincipalName);
  siteId = (await getSiteByUrl(client, DEMO_SMS_SITE_URL)).id!;
  people = await loadPeopleDirectory(client, siteId);
  listIds = await loadListIds(client, siteId);
}, 120_000);
afterAll(() => harness.close());

async function lookupOptions(config: RegisterConfig, queryClient: QueryClient) {
  const client = harness.clientAs(tom.userPrincipalName);
  const options = new Map<string, { id: string; label: string }[]>();
  for (const column of config.schema.columns) {
    if ((column.type === 'lookup' || column.type === 'lookupMulti') && column.lookupList) options.set(column.name, await queryClient.fetchQuery(lookupOptionsQuery(client, siteId, column.lookupList)));
  }
  return options;
}

describe('export, then import back, of every register', () => {
  it.each(REGISTERS.map((r) => [r.key, r] as const))('%s', async (_key, config) => {
    const client = harness.clientAs(tom.userPrincipalName);
    const before = await readAll(client, siteId, definitionOf(config), { filters: [], sort: null });
    expect(before.length, `the demo has ${config.key} records`).toBeGreaterThan(0);

    const queryClient = new QueryClient();
    const options = await lookupOptions(config, queryClient);
    const labels = new Map([...options].map(([column, list]) => [column, new Map(list.map((o) => [o.id, o.label]))]));
    const statusColumn = config.statusColumn;
    const columns = config.schema.columns.map((c) => c.name).filter((name) => name !== 'Ref' && name !== statusColumn);
    const csv = toCsv(registerExportTable(config, columns, [before[0]!], t, people, labels));

    const plan = planImport({ register: config, text: csv, people, lookups: lookupIndexOf(options), labelOf: (c) => columnLabel(t, c), existingRefs: new Set() });
    expect(plan.missingRequired).toEqual([]);
    expect(plan.rows.flatMap((r) => r.issues.map((i) => `${i.column}:${i.code}`))).toEqual([]);
    const rows = validRows(plan);
    expect(rows).toHaveLength(1);

    const deps = platformWriteDeps({ client, site: { siteId, listIds }, actor: { upn: tom.userPrincipalName.toLowerCase(), lookupId: people.byId(tom.userPrincipalName.toLowerCase())?.lookupId ?? null }, clock: systemClock });
    const job = newImportJob(rows);
    const result = await runImport({ client, siteId, schema: config.schema, deps, comment: () => 'round trip' }, job);
    expect(job.states.map((s) => (s.error instanceof Error ? s.error.message : s.error))).toEqual([null]);
    expect(result).toMatchObject({ written: 1, failed: null });

    const after = await readAll(client, siteId, definitionOf(config), { filters: [], sort: null });
    expect(after).toHaveLength(before.length + 1);
    const added = after.find((r) => !before.some((b) => b.id === r.id))!;
    expect(added.values.Title).toBe(before[0]!.values.Title);
    if (statusColumn) expect(added.values[statusColumn]).toBe(config.schema.statuses?.[0]);
    if (config.schema.refPrefix && config.schema.columns.some((c) => c.name === 'Ref')) {
      expect(added.values.Ref).toMatch(new RegExp(`^${config.schema.refPrefix}-`));
      expect(before.some((b) => b.values.Ref === added.values.Ref)).toBe(false);
    }
  });
});
