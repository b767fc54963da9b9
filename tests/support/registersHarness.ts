/**
 * Test support for the Registers area (not a test file): an in-process emulator behind msw with the
 * demo site provisioned and seeded (every register has its demo records; SMS Settings hold the risk
 * acceptance limits), the register context of any demo user as the app builds it, and raw item writes
 * for a test's starting state.
 */
import { afterAll, afterEach, beforeAll } from 'vitest';
import { cleanup } from '@testing-library/react';
import { createItem } from '../../graph/lists/items.js';
import { getSiteByUrl } from '../../graph/sites/sites.js';
import { requireList } from '../../graph/schema/index.js';
import { ensureDemoContent } from '../../scripts/demo/firstStart.js';
import { DEMO_SMS_SITE_URL } from '../../src/app/config.js';
import { systemClock } from '../../src/platform/clock.js';
import { loadPeopleDirectory, type PeopleDirectory } from '../../src/platform/people.js';
import { encodeFields, type CellValue } from '../../src/platform/registers/index.js';
import { loadListIds } from '../../src/platform/site.js';
import { actorOf, type RegisterContext } from '../../src/features/registers/services/context.js';
import { loadRegisterSettings } from '../../src/platform/registers/settings.js';
import { CONFIG, ORIGIN, startHarness, type Harness } from './appHarness.js';
import { demo } from './emulator.js';
import { installLayoutShims } from './jsdom.js';

export { demo };

export interface RegistersBed {
  h: Harness;
  siteId: string;
  people: PeopleDirectory;
  /** The register context of a demo user (lower-case UPN), as `useRegisterContext` builds it in the app. */
  ctxFor(upn: string): Promise<RegisterContext>;
  /** The site lookup id of a demo user (what a person column holds). */
  lookupIdOf(upn: string): string;
  /** Creates an item as Tom (the SMS manager) with these values (as the engine writes them), bypassing the app: a test's starting state. */
  seedItem(listKey: string, values: Record<string, CellValue>): Promise<string>;
}

/** Starts the harness once per test file (provisioned and seeded demo site), cleans the DOM after each test. */
export function useRegistersHarness(): RegistersBed {
  const bed = {} as RegistersBed;
  beforeAll(async () => {
    installLayoutShims();
    const h = await startHarness();
    await ensureDemoContent({ origin: ORIGIN, graphBaseUrl: CONFIG.graphBaseUrl, log: () => undefined });
    const tom = h.clientAs(demo.tom);
    const site = await getSiteByUrl(tom, DEMO_SMS_SITE_URL);
    const siteId = site.id!;
    const people = await loadPeopleDirectory(tom, siteId);
    const listIds = await loadListIds(tom, siteId);
    const settings = await loadRegisterSettings(tom, siteId);
    bed.h = h;
    bed.siteId = siteId;
    bed.people = people;
    bed.lookupIdOf = (upn) => {
      const id = people.byId(upn)?.lookupId;
      if (!id) throw new Error(`${upn} is not a user of the SMS site`);
      return id;
    };
    bed.ctxFor = async (upn) => {
      const client = h.clientAs(upn);
      const me = people.byId(upn);
      return {
        client,
        site: { siteId, webUrl: site.webUrl ?? DEMO_SMS_SITE_URL, listIds, groupId: null },
        timeZone: 'UTC',
        today: new Date().toISOString().slice(0, 10),
        people,
        me: { upn, lookupId: me?.lookupId ?? null },
        actor: actorOf(people, upn),
        settings,
        clock: systemClock,
        appOrigin: ORIGIN,
      };
    };
    bed.seedItem = async (listKey, values) => {
      const schema = requireList(listKey);
      const item = await createItem(tom, siteId, schema.displayName, encodeFields(schema, values));
      return String(item.id);
    };
  }, 180_000);
  afterEach(() => cleanup());
  afterAll(() => bed.h?.close());
  return bed;
}
