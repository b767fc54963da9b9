import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo, startTestEmulator, type TestEmulator } from '../../tests/support/emulator.js';
import { groupIdOf } from '../seed/tenant.js';
import { refuseMissingSegment } from './nationalCloud.js';

const SMS = groupIdOf('Kestrel SMS');

describe('the emulator answering as Microsoft Graph China operated by 21Vianet', () => {
  let china: TestEmulator;
  let global: TestEmulator;
  beforeAll(async () => {
    [china, global] = await Promise.all([startTestEmulator({ cloud: 'china' }), startTestEmulator()]);
  });
  afterAll(async () => {
    await Promise.all([china.close(), global.close()]);
  });

  it('has no Planner: 400 BadRequest "Resource not found for the segment", as Graph in China answers', async () => {
    for (const path of [`/groups/${SMS}/planner/plans`, '/planner/tasks', '/me/planner/tasks']) {
      const res = await china.graph(demo.priya, path);
      expect(res.status, path).toBe(400);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('BadRequest');
      expect(body.error.message).toBe("Resource not found for the segment 'planner'.");
    }
    // The same request inside a $batch is refused the same way.
    const batch = await china.graph(demo.priya, '/$batch', { method: 'POST', body: JSON.stringify({ requests: [{ id: '1', method: 'GET', url: `/groups/${SMS}/planner/plans` }] }) });
    const inner = ((await batch.json()) as { responses: { status: number }[] }).responses[0];
    expect(inner?.status).toBe(400);
  });

  it('serves users, groups, SharePoint sites and group calendars as the global service does', async () => {
    expect((await china.graph(demo.priya, '/me')).status).toBe(200);
    expect((await china.graph(demo.priya, `/groups/${SMS}/members`)).status).toBe(200);
    expect((await china.graph(demo.priya, '/sites/kestrelms.sharepoint.com:/sites/KestrelSMS')).status).toBe(200);
  });

  it('keeps Planner in the global cloud', async () => {
    expect((await global.graph(demo.priya, `/groups/${SMS}/planner/plans`)).status).toBe(200);
  });
});

describe('refuseMissingSegment', () => {
  it('looks at resource segments only, not at names inside a path-addressed drive item', () => {
    expect(() => refuseMissingSegment('china', '/drives/b!x/root:/planner/notes.docx:/content')).not.toThrow();
    expect(() => refuseMissingSegment('china', '/drives/b!x/root%3A%2Fplanner%2Fnotes.docx%3A/content')).not.toThrow();
    expect(() => refuseMissingSegment('china', '/groups/g/Planner/plans')).toThrow(/segment 'Planner'/);
    expect(() => refuseMissingSegment('global', '/planner/tasks')).not.toThrow();
  });
});
