import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestEmulator, demo, ALL_SCOPES, type TestEmulator } from '../../tests/support/emulator.js';
import { sms365App } from '../../emulator/services/teamworkApps.js';
import { GraphError } from '../core/errors.js';
import {
  findCatalogApp,
  installAppForUser,
  listInstalledApps,
  sendActivityNotification,
  sendActivityNotificationToRecipients,
  type ActivityNotification,
} from './index.js';

interface Sent { recipient: { userPrincipalName: string }; activityType: string; text: string; delivered: boolean }

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(async () => {
  await emu.close();
});
beforeEach(async () => {
  await fetch(`${emu.origin}/_dev/notifications`, { method: 'DELETE' });
});

const sender = (upn: string) => emu.client(upn, [...ALL_SCOPES, 'TeamsActivity.Send']);
const installer = (upn: string) => emu.client(upn, ['TeamsAppInstallation.ReadWriteSelfForUser', 'AppCatalog.Read.All']);
const sent = async () => (await (await fetch(`${emu.origin}/_dev/notifications`)).json()) as Sent[];
const approval: ActivityNotification = {
  topic: { source: 'text', value: 'CHG-0042', webUrl: 'https://teams.microsoft.com/l/entity/app/home' },
  activityType: 'approvalRequested',
  previewText: { content: 'A change waits for your approval' },
  templateParameters: [{ name: 'itemTitle', value: 'CHG-0042 Firewall rule change' }],
};

describe('sendActivityNotification', () => {
  it('delivers a declared activity type to a user who has the app', async () => {
    await sendActivityNotification(sender(demo.tom), demo.priya, approval);
    expect(await sent()).toEqual([expect.objectContaining({ activityType: 'approvalRequested', text: 'Tom Whitaker asked you to approve CHG-0042 Firewall rule change', delivered: true })]);
  });

  it('surfaces 403 as a GraphError when the recipient lacks the app, and without TeamsActivity.Send', async () => {
    const notInstalled = await sendActivityNotification(sender(demo.tom), demo.jack, approval).catch((e: unknown) => e);
    expect(notInstalled).toBeInstanceOf(GraphError);
    expect((notInstalled as GraphError).status).toBe(403);
    const noScope = await sendActivityNotification(emu.client(demo.tom, ALL_SCOPES), demo.priya, approval).catch((e: unknown) => e);
    expect((noScope as GraphError).status).toBe(403);
    expect(await sent()).toEqual([]);
  });
});

describe('sendActivityNotificationToRecipients', () => {
  it('sends each recipient once, in requests of at most 100 recipients', async () => {
    await emu.clearRequestLog();
    const unknown = Array.from({ length: 100 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    await sendActivityNotificationToRecipients(sender(demo.tom), [demo.priya, demo.marcus, demo.priya, ...unknown], approval);
    const posts = (await emu.requestLog()).filter((r) => r.path.endsWith('/teamwork/sendActivityNotificationToRecipients'));
    expect(posts.map((p) => p.status)).toEqual([202, 202]);
    const all = await sent();
    expect(all).toHaveLength(102);
    expect(all.filter((n) => n.delivered).map((n) => n.recipient.userPrincipalName)).toEqual([demo.priya, demo.marcus]);
  });
});

describe('installed apps', () => {
  it('finds sms365 in the catalog, installs it for a user who lacks it, and lists it', async () => {
    const app = sms365App();
    const catalog = await findCatalogApp(installer(demo.jack), app.externalId);
    expect(catalog?.id).toBe(app.id);
    expect(await listInstalledApps(installer(demo.jack), demo.jack, { externalId: app.externalId })).toEqual([]);
    await installAppForUser(installer(demo.jack), demo.jack, catalog!.id!);
    const mine = await listInstalledApps(installer(demo.jack), demo.jack, { externalId: app.externalId });
    expect(mine.map((i) => i.teamsApp?.externalId)).toEqual([app.externalId]);
    expect(mine[0]!.teamsAppDefinition?.azureADAppId).toBe(app.azureADAppId);
    const again = await installAppForUser(installer(demo.jack), demo.jack, catalog!.id!).catch((e: unknown) => e);
    expect((again as GraphError).status).toBe(409);
  });
});
