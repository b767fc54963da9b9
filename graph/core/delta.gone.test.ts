import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { createGraphClient } from './client.js';
import { runDelta } from './delta.js';
import { GraphError } from './errors.js';

const BASE = 'https://graph.test/v1.0';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const client = () => createGraphClient({ baseUrl: BASE, getToken: async () => 'token' });
const ITEMS = `${BASE}/sites/s1/lists/l1/items`;
const SAVED = `${ITEMS}/delta?$expand=fields($select=Title,Status)&token=stale`;

/** GET …/items/delta answers 410 for the stale token (without a Location) and a full page otherwise. */
function deltaEndpoint() {
  const seen: string[] = [];
  server.use(
    http.get(`${ITEMS}/delta`, ({ request }) => {
      const url = new URL(request.url);
      seen.push(url.search);
      if (url.searchParams.get('token') === 'stale') {
        return HttpResponse.json({ error: { code: 'resyncChangesApplyDifferences', message: 'Resync required.' } }, { status: 410 });
      }
      return HttpResponse.json({ value: [{ id: '1', fields: { Title: 'One' } }], '@odata.deltaLink': `${ITEMS}/delta?token=fresh` });
    }),
  );
  return seen;
}

describe('runDelta on 410 Gone without a Location header', () => {
  it('throws a GraphError instead of restarting from a link rebuilt without its $expand', async () => {
    const seen = deltaEndpoint();
    const err = await runDelta(client(), SAVED).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GraphError);
    expect(err).toMatchObject({ status: 410, code: 'deltaRestartUnknown' });
    expect((err as GraphError).message).toMatch(/startPath/);
    // Only the stale link went out; nothing was sent to a rebuilt URL.
    expect(seen).toHaveLength(1);
  });

  it('restarts from startPath, keeping its query options, when the caller gives one', async () => {
    const seen = deltaEndpoint();
    const start = '/sites/s1/lists/l1/items/delta?$expand=fields($select=Title,Status)';
    const res = await runDelta<{ id: string }>(client(), SAVED, { startPath: start });
    expect(res.resync).toBe('resyncChangesApplyDifferences');
    expect(res.items.map((i) => i.id)).toEqual(['1']);
    expect(new URLSearchParams(seen[1]).get('$expand')).toBe('fields($select=Title,Status)');
  });
});
