import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo, startTestEmulator, type TestEmulator } from '../../tests/support/emulator.js';
import { ensureDemoContent, type EnsureDemoResult } from './firstStart.js';

/**
 * `npm start -- --cloud china` on a fresh data folder: the emulator answers as Microsoft Graph China
 * operated by 21Vianet (no Planner: /planner is 400), and the first start still provisions and seeds
 * the demo, with the actions in the Actions list and no Planner plan or task.
 */
let emu: TestEmulator;
let first: EnsureDemoResult;
const lines: string[] = [];

beforeAll(async () => {
  emu = await startTestEmulator({ cloud: 'china' });
  first = await ensureDemoContent({ origin: emu.origin, graphBaseUrl: emu.graphBaseUrl, planner: false, log: (l) => lines.push(l) });
}, 120_000);
afterAll(() => emu.close());

describe('first start in China (21Vianet)', () => {
  it('provisions and seeds without Planner, saying so', async () => {
    expect(first.seed?.seeded).toBe(true);
    expect(first.seed?.created.plannerTasks ?? 0).toBe(0);
    expect(lines.some((l) => /Planner is not available in this cloud/.test(l))).toBe(true);
    expect(lines.some((l) => /Planner: not in this cloud.*without Planner tasks/.test(l))).toBe(true);

    const site = (await (await emu.graph(demo.tom, '/sites/kestrelms.sharepoint.com:/sites/KestrelSMS')).json()) as { id: string };
    const lists = (await (await emu.graph(demo.tom, `/sites/${site.id}/lists?$select=id,displayName`)).json()) as { value: { id: string; displayName: string }[] };
    const actions = lists.value.find((l) => l.displayName === 'Actions');
    expect(actions).toBeDefined();
    const items = (await (await emu.graph(demo.tom, `/sites/${site.id}/lists/${actions!.id}/items?$expand=fields&$top=200`)).json()) as { value: { fields: Record<string, unknown> }[] };
    expect(items.value.length).toBeGreaterThan(0);
    expect(items.value.every((i) => !i.fields.PlannerTaskId)).toBe(true);
  });

  it('fails where it did before, when told the cloud has Planner', async () => {
    const fresh = await startTestEmulator({ cloud: 'china' });
    try {
      await expect(ensureDemoContent({ origin: fresh.origin, graphBaseUrl: fresh.graphBaseUrl, log: () => undefined })).rejects.toThrow();
    } finally {
      await fresh.close();
    }
  });
});
