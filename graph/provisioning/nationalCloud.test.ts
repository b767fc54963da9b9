import { afterEach, describe, expect, it } from 'vitest';
import { startTestEmulator, type TestEmulator } from '../../tests/support/emulator.js';
import { SMS_LISTS } from '../schema/index.js';
import { NO_PLANNER_NOTE, provision } from './engine.js';
import { clearRequestLog, getAllValues, optionsFor, requestLog, smsSiteId, writes } from '../../tests/support/provisionTestkit.js';

let emu: TestEmulator | undefined;
afterEach(async () => {
  await emu?.close();
  emu = undefined;
});

describe('provision() in Microsoft Graph China operated by 21Vianet (no Planner)', () => {
  it('creates the lists and libraries, calls no Planner endpoint, and says approvals and actions go without Planner', async () => {
    // The emulator answers /planner with 400 "Resource not found for the segment" as Graph China does.
    emu = await startTestEmulator({ cloud: 'china' });
    await clearRequestLog(emu);
    const lines: string[] = [];
    const result = await provision(optionsFor(emu, lines, { planner: false }));

    expect(result.planId).toBeUndefined();
    expect(result.created.some((step) => /Planner|bucket/.test(step))).toBe(false);
    expect(lines).toContain(NO_PLANNER_NOTE);
    expect(NO_PLANNER_NOTE).toMatch(/approvals and actions are tracked .* without Planner tasks/);
    const log = await requestLog(emu);
    expect(log.filter((r) => /planner/i.test(r.path))).toEqual([]);
    const lists = await getAllValues(emu, `/sites/${await smsSiteId(emu)}/lists`);
    for (const l of SMS_LISTS) expect(lists.map((x) => x.displayName), l.displayName).toContain(l.displayName);

    // A second run finds nothing to do there either.
    await clearRequestLog(emu);
    const again: string[] = [];
    const second = await provision(optionsFor(emu, again, { planner: false }));
    expect(second.created).toEqual([]);
    expect(again.some((l) => l.startsWith('no changes'))).toBe(true);
    expect(writes(await requestLog(emu))).toEqual([]);
  });

  it('fails at the Planner step when told the cloud has Planner (what happened before the option)', async () => {
    emu = await startTestEmulator({ cloud: 'china' });
    await expect(provision(optionsFor(emu, []))).rejects.toThrow(/Resource not found for the segment|400/);
  });
});
