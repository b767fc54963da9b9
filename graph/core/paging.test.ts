import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import type { User } from '@microsoft/microsoft-graph-types';
import { startTestEmulator, demo, type TestEmulator } from '../../tests/support/emulator.js';
import { createGraphClient } from './client.js';
import { getAll, getPage } from './paging.js';
import { graphRequest } from './request.js';

describe('paging against the emulator over http', () => {
  let emu: TestEmulator;
  beforeAll(async () => {
    emu = await startTestEmulator();
  });
  afterAll(async () => {
    await emu.close();
  });
  const client = () => createGraphClient({ baseUrl: emu.graphBaseUrl, getToken: () => emu.token(demo.priya) });

  it('getPage returns items and the http nextLink, which the next call follows as given', async () => {
    const first = await getPage<User>(client(), '/users', { query: { $top: 5, $select: 'id,displayName' } });
    expect(first.items).toHaveLength(5);
    expect(first.nextLink).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1\.0\/users\?/);
    const second = await getPage<User>(client(), first.nextLink!);
    expect(second.items).toHaveLength(5);
    expect(second.items.map((u) => u.id)).not.toContain(first.items[0]!.id);
  });

  it('getAll walks every page and returns every user exactly once', async () => {
    const all = await getAll<User>(client(), '/users', { query: { $top: 5, $select: 'id,userPrincipalName' } });
    const unpaged = await getAll<User>(client(), '/users', { query: { $select: 'id' } });
    const ids = all.map((u) => u.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(unpaged.map((u) => u.id).sort());
    expect(all.map((u) => u.userPrincipalName)).toContain(demo.jack);
  });
});

describe('paging with crafted links (msw)', () => {
  const BASE = 'https://graph.test/v1.0';
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
  const client = () => createGraphClient({ baseUrl: BASE, getToken: async () => 'token' });

  it('follows a nextLink byte for byte (never re-encoding its skiptoken) and re-sends ConsistencyLevel on every page', async () => {
    const next = `${BASE}/groups?$count=true&$skiptoken=RFNwdAIAAQAAAB%2bG%3d%3d&$filter=startswith(displayName,'SMS')`;
    const seen: { url: string; consistency: string | null }[] = [];
    server.use(
      http.get(`${BASE}/groups`, ({ request }) => {
        seen.push({ url: request.url, consistency: request.headers.get('consistencylevel') });
        return seen.length === 1
          ? HttpResponse.json({ value: [{ id: 'a' }, { id: 'b' }], '@odata.nextLink': next })
          : HttpResponse.json({ value: [{ id: 'c' }] });
      }),
    );
    const all = await getAll<{ id: string }>(client(), '/groups', {
      query: { $count: true, $filter: "startswith(displayName,'SMS')" },
      headers: { ConsistencyLevel: 'eventual' },
    });
    expect(all.map((g) => g.id)).toEqual(['a', 'b', 'c']);
    // fetch itself serialises the URL (WHATWG: `'` → %27); the skiptoken's own escapes are untouched.
    expect(seen[1]!.url).toBe(new URL(next).href);
    expect(seen[1]!.url).toContain('$skiptoken=RFNwdAIAAQAAAB%2bG%3d%3d&');
    expect(seen.map((s) => s.consistency)).toEqual(['eventual', 'eventual']);
  });

  it('encodes query values itself (quotes, spaces, unicode) and keeps the $ prefix', async () => {
    let url = '';
    server.use(
      http.get(`${BASE}/users`, ({ request }) => {
        url = request.url;
        return HttpResponse.json({ value: [] });
      }),
    );
    await getPage(client(), '/users', { query: { $filter: "displayName eq 'O''Brien 北京 é'", $top: 3 } });
    const parsed = new URL(url);
    expect(parsed.searchParams.get('$filter')).toBe("displayName eq 'O''Brien 北京 é'");
    expect(url).toContain('?$filter=');
    expect(url).not.toContain(' ');
  });

  it('refuses to send the bearer token to a link on another origin', async () => {
    const err = await graphRequest(client(), { path: 'https://evil.test/v1.0/users?$skiptoken=x' }).catch((e: unknown) => e);
    expect(String(err)).toMatch(/another origin/);
  });
});
