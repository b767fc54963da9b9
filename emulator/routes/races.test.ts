import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startTestEmulator, demo, type TestEmulator } from '../../tests/support/emulator.js';
import { findSiteByPath } from '../services/siteStore.js';

/**
 * Writes whose request body arrives late. A handler that loads the resource and checks If-Match,
 * then waits for the body, then writes, lets two such requests both pass the check and the second
 * one write over the first (a lost update). These requests go through `emulator.handle()` with a
 * body stream the test releases only after both requests are waiting for it.
 */
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let emu: TestEmulator;
let siteId: string;
let driveId: string;

beforeAll(async () => {
  emu = await startTestEmulator();
  siteId = findSiteByPath(emu.emulator.emu.db, '/sites/KestrelSMS')!.id;
  driveId = ((await (await emu.graph(demo.tom, `/sites/${siteId}/drive`)).json()) as Json).id as string;
});
afterAll(() => emu.close());

interface LateRequest {
  /** The response, once the handler has the body and has answered. */
  response: Promise<Response>;
  /** Resolves when the handler starts reading the body. */
  reading: Promise<void>;
  send(body: unknown): void;
}

/** A Graph request through `emulator.handle()` whose JSON body is held back until `send`. */
async function late(upn: string, method: string, path: string, headers: Record<string, string> = {}): Promise<LateRequest> {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let pulled!: () => void;
  const reading = new Promise<void>((resolve) => (pulled = resolve));
  const body = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c), pull: () => pulled() }, { highWaterMark: 0 });
  const init = {
    method,
    body,
    duplex: 'half',
    headers: { authorization: `Bearer ${await emu.token(upn)}`, 'content-type': 'application/json', ...headers },
  } as RequestInit;
  const response = emu.emulator.handle(new Request(`${emu.graphBaseUrl}${path}`, init));
  return {
    response,
    reading,
    send(value) {
      controller.enqueue(new TextEncoder().encode(JSON.stringify(value)));
      controller.close();
    },
  };
}

/** Starts both requests, waits until both wait for their bodies, then releases both. */
async function race(a: LateRequest, b: LateRequest, bodyA: unknown, bodyB: unknown): Promise<number[]> {
  await Promise.all([a.reading, b.reading]);
  a.send(bodyA);
  b.send(bodyB);
  const responses = await Promise.all([a.response, b.response]);
  return responses.map((r) => r.status).sort();
}

const json = async (res: Response): Promise<Json> => (await res.json()) as Json;

async function upload(name: string): Promise<Json> {
  const res = await emu.graph(demo.tom, `/drives/${driveId}/root:/${name}:/content`, { method: 'PUT', body: 'hello', headers: { 'content-type': 'text/plain' } });
  expect(res.status).toBe(201);
  return json(res);
}

describe('drive writes read the body before loading the item', () => {
  it('PATCH …/listItem/fields: two updates with the same If-Match give one 200 and one 412', async () => {
    const file = await upload('race-fields.txt');
    const listItem = await json(await emu.graph(demo.tom, `/drives/${driveId}/items/${file.id}/listItem`));
    const etag = listItem.eTag as string;
    expect(etag).toBeTruthy();
    const path = `/drives/${driveId}/items/${file.id}/listItem/fields`;
    const a = await late(demo.tom, 'PATCH', path, { 'if-match': etag });
    const b = await late(demo.priya, 'PATCH', path, { 'if-match': etag });
    expect(await race(a, b, { Title: 'From Tom' }, { Title: 'From Priya' })).toEqual([200, 412]);
  });

  it('PATCH driveItem: two renames with the same If-Match give one 200 and one 412', async () => {
    const file = await upload('race-rename.txt');
    const path = `/drives/${driveId}/items/${file.id}`;
    const a = await late(demo.tom, 'PATCH', path, { 'if-match': file.eTag as string });
    const b = await late(demo.priya, 'PATCH', path, { 'if-match': file.eTag as string });
    expect(await race(a, b, { name: 'race-renamed-a.txt' }, { name: 'race-renamed-b.txt' })).toEqual([200, 412]);
    const children = await json(await emu.graph(demo.tom, `/drives/${driveId}/root/children?$top=1000`));
    expect(children.value.filter((c: Json) => String(c.name).startsWith('race-renamed-'))).toHaveLength(1);
  });

  it('POST …/children into a folder deleted while the body was on its way: 404, and no orphan', async () => {
    const folder = await json(
      await emu.graph(demo.tom, `/drives/${driveId}/root/children`, { method: 'POST', body: JSON.stringify({ name: 'Race parent', folder: {} }) }),
    );
    const post = await late(demo.tom, 'POST', `/drives/${driveId}/items/${folder.id}/children`);
    await post.reading;
    expect((await emu.graph(demo.tom, `/drives/${driveId}/items/${folder.id}`, { method: 'DELETE' })).status).toBe(204);
    post.send({ name: 'Orphan', folder: {} });
    expect((await post.response).status).toBe(404);
    const items = await json(await emu.graph(demo.tom, `/sites/${siteId}/drive/root:/Race parent`));
    expect(items.error.code).toBe('itemNotFound');
  });

  it('POST …/checkin twice at once: one 204, and the second finds the file already checked in (400)', async () => {
    const file = await upload('race-checkin.txt');
    expect((await emu.graph(demo.tom, `/drives/${driveId}/items/${file.id}/checkout`, { method: 'POST' })).status).toBe(204);
    const path = `/drives/${driveId}/items/${file.id}/checkin`;
    const a = await late(demo.tom, 'POST', path);
    const b = await late(demo.tom, 'POST', path);
    expect(await race(a, b, { comment: 'first' }, { comment: 'second' })).toEqual([204, 400]);
  });
});

describe('calendar writes read the body before loading the event', () => {
  const event = (subject: string, attendee?: string) => ({
    subject,
    start: { dateTime: '2032-03-01T10:00:00', timeZone: 'UTC' },
    end: { dateTime: '2032-03-01T11:00:00', timeZone: 'UTC' },
    ...(attendee ? { attendees: [{ emailAddress: { address: attendee }, type: 'required' }] } : {}),
  });

  it('PATCH event: two updates with the same If-Match give one 200 and one 412', async () => {
    const created = await json(await emu.graph(demo.david, '/me/events', { method: 'POST', body: JSON.stringify(event('Race review')) }));
    const path = `/me/events/${created.id}`;
    const a = await late(demo.david, 'PATCH', path, { 'if-match': created['@odata.etag'] as string });
    const b = await late(demo.david, 'PATCH', path, { 'if-match': created['@odata.etag'] as string });
    expect(await race(a, b, { subject: 'Race review A' }, { subject: 'Race review B' })).toEqual([200, 412]);
  });

  it('cancel keeps an update that landed while its body was on its way', async () => {
    const created = await json(await emu.graph(demo.david, '/me/events', { method: 'POST', body: JSON.stringify(event('Race CAB', demo.omar)) }));
    const cancel = await late(demo.david, 'POST', `/me/events/${created.id}/cancel`);
    await cancel.reading;
    const patched = await emu.graph(demo.david, `/me/events/${created.id}`, { method: 'PATCH', body: JSON.stringify({ subject: 'Race CAB (new room)' }) });
    expect(patched.status).toBe(200);
    cancel.send({ comment: 'Cancelled' });
    expect((await cancel.response).status).toBe(202);
    const seen = await json(await emu.graph(demo.omar, `/me/events/${created.id}`));
    expect(seen.isCancelled).toBe(true);
    expect(seen.subject).toBe('Race CAB (new room)');
  });
});

describe('column updates read the body before loading the column', () => {
  it('two PATCHes of one column at once both take effect', async () => {
    const list = await json(
      await emu.graph(demo.tom, `/sites/${siteId}/lists`, {
        method: 'POST',
        body: JSON.stringify({ displayName: 'Race columns', columns: [{ name: 'Code', text: {} }], list: { template: 'genericList' } }),
      }),
    );
    const path = `/sites/${siteId}/lists/${list.id}/columns/Code`;
    const a = await late(demo.tom, 'PATCH', path);
    const b = await late(demo.tom, 'PATCH', path);
    expect(await race(a, b, { description: 'The document code' }, { displayName: 'Document code' })).toEqual([200, 200]);
    const col = await json(await emu.graph(demo.tom, path));
    expect(col.description).toBe('The document code');
    expect(col.displayName).toBe('Document code');
  });
});
