import { afterEach, describe, expect, it } from 'vitest';
import { SMS_LISTS } from '../schema/index.js';
import { demo } from '../../tests/support/emulator.js';
import { provision } from './engine.js';
import { emulatorPool, optionsFor, clearRequestLog, getAllValues, requestLog, smsSiteId, type LoggedRequest } from '../../tests/support/provisionTestkit.js';

/**
 * Graph refuses a multi-choice column (`choice.displayAs: 'checkBoxes'`) in `POST .../columns`
 * (microsoftgraph/microsoft-graph-docs issue 21021); the emulator does too. Provisioning creates
 * multi-choice columns with their list, and leaves a missing one on an existing list to the admin.
 */
const { emulator, closeAll } = emulatorPool();
afterEach(closeAll);

const refusedColumn = (r: LoggedRequest): boolean => r.method === 'POST' && r.path.includes('/columns') && r.status >= 400;

const multiChoiceLists = SMS_LISTS.filter((l) => l.columns.some((c) => c.type === 'multiChoice'));

describe('multi-choice columns in provisioning', () => {
  it('sends them in the list create request even when columns are otherwise created one by one', async () => {
    expect(multiChoiceLists.length).toBeGreaterThan(0);
    const emu = await emulator();
    await clearRequestLog(emu);
    const result = await provision(optionsFor(emu, [], { inlineColumns: false }));
    expect(result.warnings).toEqual([]);
    const siteId = await smsSiteId(emu);
    const lists = await getAllValues(emu, `/sites/${siteId}/lists`);
    for (const schema of multiChoiceLists) {
      const list = lists.find((l) => l.displayName === schema.displayName)!;
      const columns = await getAllValues(emu, `/sites/${siteId}/lists/${list.id as string}/columns`);
      for (const col of schema.columns.filter((c) => c.type === 'multiChoice')) {
        const have = columns.find((c) => c.name === col.name) as { choice?: { displayAs?: string } } | undefined;
        expect(have?.choice?.displayAs, `${schema.displayName}.${col.name}`).toBe('checkBoxes');
      }
    }
    // No column request was refused on the way.
    expect((await requestLog(emu)).filter(refusedColumn)).toEqual([]);
  }, 30_000);

  it('reports a multi-choice column missing from an existing list as a manual step instead of failing', async () => {
    const emu = await emulator();
    const siteId = await smsSiteId(emu);
    // An earlier version of the schema made SMS Documents without ClauseRefs.
    const created = await emu.graph(demo.tom, `/sites/${siteId}/lists`, {
      method: 'POST',
      body: JSON.stringify({ displayName: 'SMS Documents', list: { template: 'documentLibrary' } }),
    });
    expect(created.status).toBe(201);
    await clearRequestLog(emu);
    const lines: string[] = [];
    const result = await provision(optionsFor(emu, lines));
    expect(result.warnings).toContain('list SMS Documents has no ClauseRefs column, and Graph cannot add a multi-choice column to an existing list — see the manual steps');
    expect(result.manualSteps.some((s) => s.startsWith('SMS Documents: Library settings → Create column → name ClauseRefs, type Choice'))).toBe(true);
    // The rest of the list was completed, and no refused POST .../columns was sent.
    expect((await requestLog(emu)).filter(refusedColumn)).toEqual([]);
    const docsId = ((await created.json()) as { id: string }).id;
    const names = (await getAllValues(emu, `/sites/${siteId}/lists/${docsId}/columns`)).map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['DocId', 'OwnerUPN', 'Owner']));
    expect(names).not.toContain('ClauseRefs');
  }, 30_000);
});
