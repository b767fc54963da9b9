import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo, startTestEmulator, type TestEmulator } from '../../tests/support/emulator.js';
import { groupIdOf, userIdOf } from '../seed/tenant.js';

/**
 * Planner inside JSON batching, as the actions sync uses it: task reads and `If-Match` PATCHes travel in one
 * `$batch` (https://learn.microsoft.com/graph/json-batching), each answered on its own: the current ETag
 * applies (200 with `Prefer: return=representation`), an ETag that is not a version of the task answers 412,
 * an older version touching a property changed since answers 409
 * (https://learn.microsoft.com/graph/api/resources/planner-overview, "Planner resource versioning" and
 * "412 Precondition Failed"), and a deleted task answers 404, while the batch itself answers 200.
 */
type Json = Record<string, unknown> & { id: string; '@odata.etag': string };
let emu: TestEmulator;
let planId: string;

async function call<T = Json>(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: T }> {
  const res = await emu.graph(demo.tom, url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
}
const newTask = async (title: string) => (await call('POST', '/planner/tasks', { planId, title, assignments: { [userIdOf(demo.david)]: { '@odata.type': '#microsoft.graph.plannerAssignment', orderHint: ' !' } } })).body;
const patchReq = (id: string, taskId: string, body: unknown, eTag: string) => ({
  id,
  method: 'PATCH',
  url: `/planner/tasks/${taskId}`,
  headers: { 'Content-Type': 'application/json', 'If-Match': eTag, Prefer: 'return=representation' },
  body,
});

beforeAll(async () => {
  emu = await startTestEmulator();
  planId = (await call('POST', '/planner/plans', { container: { url: `https://graph.microsoft.com/v1.0/groups/${groupIdOf('Kestrel SMS')}` }, title: 'Batch plan' })).body.id;
});
afterAll(() => emu.close());

describe('Planner in $batch', () => {
  it('answers each task request on its own: 200 for the current ETag, 412 for an unknown one, 409 for a conflicting older one, 404 for a deleted task', async () => {
    const a = await newTask('A');
    const b = await newTask('B');
    const c = await newTask('C');
    const gone = await newTask('D');
    // B changes its title after it was read: B's old ETag conflicts with a title change (409).
    const bNow = await call('PATCH', `/planner/tasks/${b.id}`, { title: 'B renamed' }, { 'If-Match': b['@odata.etag'], Prefer: 'return=representation' });
    expect(bNow.status).toBe(200);
    expect((await call('DELETE', `/planner/tasks/${gone.id}`, undefined, { 'If-Match': gone['@odata.etag'] })).status).toBe(204);

    const res = await call<{ responses: { id: string; status: number; body?: Json }[] }>('POST', '/$batch', {
      requests: [
        patchReq('1', a.id, { percentComplete: 100 }, a['@odata.etag']),
        patchReq('2', b.id, { title: 'B from the app' }, b['@odata.etag']),
        patchReq('3', c.id, { title: 'C' }, a['@odata.etag']),
        { id: '4', method: 'GET', url: `/planner/tasks/${gone.id}` },
        { id: '5', method: 'GET', url: `/planner/plans/${planId}/tasks` },
      ],
    });
    expect(res.status).toBe(200);
    const byId = Object.fromEntries(res.body.responses.map((r) => [r.id, r]));
    expect(byId['1']!.status).toBe(200);
    expect(byId['1']!.body).toMatchObject({ id: a.id, percentComplete: 100 });
    expect(byId['1']!.body!['@odata.etag']).not.toBe(a['@odata.etag']);
    expect(byId['2']!.status).toBe(409);
    expect(byId['3']!.status).toBe(412);
    expect(byId['4']!.status).toBe(404);
    expect(byId['5']!.status).toBe(200);
    expect(((byId['5']!.body as unknown as { value: Json[] }).value).map((t) => t.title).sort()).toEqual(['A', 'B renamed', 'C']);
    // Nothing the refused requests asked for was applied.
    expect((await call('GET', `/planner/tasks/${b.id}`)).body.title).toBe('B renamed');
    expect((await call('GET', `/planner/tasks/${c.id}`)).body.title).toBe('C');
  });
});
