import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startTestEmulator, demo, type TestEmulator } from '../../tests/support/emulator.js';

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(() => emu.close());

describe('emulator core', () => {
  it('lists the demo users on the dev sign-in endpoint', async () => {
    const res = await fetch(`${emu.origin}/_dev/users`);
    const users = (await res.json()) as { userPrincipalName: string; groups: string[] }[];
    expect(users).toHaveLength(16);
    const priya = users.find((u) => u.userPrincipalName === demo.priya);
    expect(priya?.groups).toContain('SMS-DocumentControllers');
  });

  it('answers an unknown Graph segment with a Graph-shaped 400 and a request-id', async () => {
    const res = await emu.graph(demo.jack, '/nothingHere');
    expect(res.status).toBe(400);
    expect(res.headers.get('request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const body = (await res.json()) as { error: { code: string; innerError: Record<string, string> } };
    expect(body.error.code).toBe('BadRequest');
    expect(body.error.innerError['request-id']).toBe(res.headers.get('request-id'));
    expect(body.error.innerError.date).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });
});
