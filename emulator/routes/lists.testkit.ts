import { expect } from 'vitest';
import { startTestEmulator, demo, type TestEmulator } from '../../tests/support/emulator.js';
import { findSiteByPath } from '../services/siteStore.js';
import { findUser } from '../services/directory.js';
import { createItem, findListById } from '../services/lists.js';

/** Shared setup of the list route tests (not a test file itself). */
export { demo };
export type { TestEmulator };

export interface ListsHarness {
  emu: TestEmulator;
  siteId: string;
}

export async function startListsHarness(): Promise<ListsHarness> {
  const emu = await startTestEmulator();
  // Prefer the Graph route once the sites module serves it; fall back to the store.
  const res = await emu.graph(demo.tom, `/sites/${emu.emulator.emu.hostname}:/sites/KestrelSMS`);
  let siteId: string | undefined;
  if (res.ok) siteId = ((await res.json()) as { id?: string }).id;
  siteId ??= findSiteByPath(emu.emulator.emu.db, '/sites/KestrelSMS')?.id;
  if (!siteId) throw new Error('SMS site not found');
  return { emu, siteId };
}

export type Json = Record<string, unknown> & { value?: Json[]; error?: { code: string; message: string } };

export async function body(res: Response): Promise<Json> {
  const text = await res.text();
  return text ? (JSON.parse(text) as Json) : {};
}

export async function call(h: ListsHarness, upn: string, path: string, init: RequestInit & { scopes?: string[] } = {}): Promise<{ status: number; json: Json; res: Response }> {
  const res = await h.emu.graph(upn, path, init);
  return { status: res.status, json: await body(res), res };
}

let counter = 0;
/** Creates a list as Tom (full control on the SMS site) and returns its id. */
export async function createList(h: ListsHarness, columns: unknown[] = [], extra: Record<string, unknown> = {}): Promise<string> {
  counter += 1;
  const r = await call(h, demo.tom, `/sites/${h.siteId}/lists`, {
    method: 'POST',
    body: JSON.stringify({ displayName: `Test list ${counter} ${Math.random().toString(36).slice(2, 8)}`, columns, list: { template: 'genericList' }, ...extra }),
  });
  expect(r.status, JSON.stringify(r.json)).toBe(201);
  return r.json.id as string;
}

/** Inserts many items directly through the service in one transaction (fast seeding for big lists). */
export function seedItems(h: ListsHarness, listId: string, count: number, make: (i: number) => Record<string, unknown>, upn = demo.tom): void {
  const { db } = h.emu.emulator.emu;
  const list = findListById(db, listId);
  const user = findUser(db, upn);
  if (!list || !user) throw new Error('seed: list or user missing');
  const at = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  db.transaction(() => {
    for (let i = 0; i < count; i++) createItem(db, list, { fields: make(i), user, at });
  })();
}

/** Follows `@odata.nextLink` to the end; `between` runs after each page (to change the list mid-walk). */
export async function walk(
  h: ListsHarness,
  upn: string,
  first: string,
  headers: Record<string, string> = {},
  between?: (page: number, pagesSoFar: Json[][]) => Promise<void>,
): Promise<{ pages: Json[][]; last: Json }> {
  const pages: Json[][] = [];
  let url: string | undefined = first;
  let last: Json = {};
  while (url) {
    const r = await call(h, upn, url, { headers });
    expect(r.status, JSON.stringify(r.json).slice(0, 400)).toBe(200);
    pages.push(r.json.value ?? []);
    last = r.json;
    url = r.json['@odata.nextLink'] as string | undefined;
    if (url && between) await between(pages.length, pages);
  }
  return { pages, last };
}

export const ids = (items: Json[]): string[] => items.map((i) => i.id as string);
