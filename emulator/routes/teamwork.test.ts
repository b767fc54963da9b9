import { describe, it, expect, beforeAll, afterAll, beforeEach } from 'vitest';
import { startTestEmulator, demo, ALL_SCOPES, type TestEmulator } from '../../tests/support/emulator.js';
import { sms365App } from '../services/teamworkApps.js';
import type { SentNotification } from '../services/teamworkStore.js';
import { registerJobsApp, JOBS_APP_ID, JOBS_APP_CERTIFICATE, JOBS_APP_PEM } from '../../tests/support/appOnly.js';
import { acquireAppOnlyToken } from '../../scripts/auth/appOnly.js';
import { TENANT } from '../seed/tenant.js';

type Json = Record<string, unknown>;
interface ErrorBody { error: { code: string; message: string } }

const SEND = [...ALL_SCOPES, 'TeamsActivity.Send'];
const INSTALL = ['TeamsAppInstallation.ReadWriteSelfForUser'];
const app = sms365App();

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(() => emu.close());
beforeEach(async () => {
  await fetch(`${emu.origin}/_dev/notifications`, { method: 'DELETE' });
});

const post = (upn: string, path: string, body: unknown, scopes = SEND) => emu.graph(upn, path, { method: 'POST', body: JSON.stringify(body), scopes });
const sent = async (query = ''): Promise<SentNotification[]> => (await (await fetch(`${emu.origin}/_dev/notifications${query}`)).json()) as SentNotification[];
async function expectError(res: Response, status: number, code: string): Promise<string> {
  expect(res.status, await res.clone().text()).toBe(status);
  const body = (await res.json()) as ErrorBody;
  expect(body.error.code).toBe(code);
  return body.error.message;
}

const notification = (activityType = 'approvalRequested', extra: Json = {}) => ({
  topic: { source: 'text', value: 'SMS-POL-001 Information security policy', webUrl: 'https://teams.microsoft.com/l/entity/app/home?context=%7B%22subEntityId%22%3A%22doc%3ASMS-POL-001%22%7D' },
  activityType,
  previewText: { content: 'Please approve version 2.0' },
  templateParameters: [{ name: 'itemTitle', value: 'SMS-POL-001 <b>Information</b> security policy' }],
  ...extra,
});

describe('POST /users/{id}/teamwork/sendActivityNotification', () => {
  it('answers 204 and records the notification with the manifest template filled in', async () => {
    const res = await post(demo.tom, `/users/${demo.priya}/teamwork/sendActivityNotification`, notification());
    expect(res.status).toBe(204);
    expect(await res.text()).toBe('');
    const [n] = await sent();
    expect(n).toMatchObject({
      api: 'sendActivityNotification',
      activityType: 'approvalRequested',
      recipient: { userPrincipalName: demo.priya, displayName: 'Priya Nair' },
      sender: { kind: 'user', displayName: 'Tom Whitaker' },
      text: 'Tom Whitaker asked you to approve SMS-POL-001 <b>Information</b> security policy',
      previewText: { content: 'Please approve version 2.0' },
      delivered: true,
      teamsAppId: app.id,
    });
    expect(n!.topic.source).toBe('text');
  });

  it('needs TeamsActivity.Send', async () => {
    const res = await post(demo.tom, `/users/${demo.priya}/teamwork/sendActivityNotification`, notification(), ALL_SCOPES.filter((s) => s !== 'TeamsActivity.Send'));
    await expectError(res, 403, 'Forbidden');
    expect(await sent()).toEqual([]);
  });

  it('refuses an activity type the manifest does not declare, and accepts the reserved systemDefault', async () => {
    const msg = await expectError(await post(demo.tom, `/users/${demo.priya}/teamwork/sendActivityNotification`, notification('somethingUndeclared')), 400, 'BadRequest');
    expect(msg).toContain("'somethingUndeclared'");
    const free = notification('systemDefault', { templateParameters: [{ name: 'systemDefaultText', value: 'Take a short break' }] });
    expect((await post(demo.tom, `/users/${demo.priya}/teamwork/sendActivityNotification`, free)).status).toBe(204);
    expect((await sent()).map((n) => n.text)).toEqual(['Take a short break']);
  });

  it('answers 403 as the service does when the app is not installed for the recipient (a new joiner)', async () => {
    const msg = await expectError(await post(demo.tom, `/users/${demo.jack}/teamwork/sendActivityNotification`, notification()), 403, 'Forbidden');
    expect(msg).toContain(`Application with AAD App Id '${app.azureADAppId}' is not authorized to generate custom text notifications`);
    expect(msg).toContain('Ensure that the expected Teams app is installed in the target scope (user, team, or chat).');
    expect(await sent()).toEqual([]);
  });

  it('requires webUrl for a text topic, and a known recipient', async () => {
    const noUrl = notification('approvalRequested', { topic: { source: 'text', value: 'x' } });
    await expectError(await post(demo.tom, `/users/${demo.priya}/teamwork/sendActivityNotification`, noUrl), 400, 'BadRequest');
    await expectError(await post(demo.tom, '/users/nobody@kestrelms.onmicrosoft.com/teamwork/sendActivityNotification', notification()), 404, 'Request_ResourceNotFound');
  });

  it("records a user's notification to themselves as not delivered (Learn: a user can't notify themselves)", async () => {
    expect((await post(demo.tom, `/users/${demo.tom}/teamwork/sendActivityNotification`, notification())).status).toBe(204);
    const [n] = await sent();
    expect(n!.delivered).toBe(false);
    expect(n!.reason).toMatch(/themselves/);
  });
});

describe('app-only callers', () => {
  it('an Entra app that no Teams app declares in webApplicationInfo is refused, naming its app id', async () => {
    const creds = await registerJobsApp(emu.origin, ['TeamsActivity.Send'], TENANT.tenantId);
    const { token } = await acquireAppOnlyToken(creds);
    const res = await fetch(`${emu.graphBaseUrl}/users/${demo.priya}/teamwork/sendActivityNotification`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(notification()),
    });
    const msg = await expectError(res, 403, 'Forbidden');
    expect(msg).toContain(`Application with AAD App Id '${JOBS_APP_ID}' is not authorized`);
    expect(await sent()).toEqual([]);
  });

  it("the Teams app's own Entra app sends with TeamsActivity.Send; the actor is the Teams app", async () => {
    const reg = await fetch(`${emu.origin}/_dev/apps`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ appId: app.azureADAppId, displayName: 'sms365', roles: ['TeamsActivity.Send'], certificates: [JOBS_APP_CERTIFICATE] }),
    });
    expect(reg.ok, await reg.clone().text()).toBe(true);
    const { token } = await acquireAppOnlyToken({ tenantId: TENANT.tenantId, clientId: app.azureADAppId, certificatePem: JOBS_APP_PEM, authorityHost: emu.origin });
    const res = await fetch(`${emu.graphBaseUrl}/users/${demo.priya}/teamwork/sendActivityNotification`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(notification()),
    });
    expect(res.status, await res.clone().text()).toBe(204);
    const [n] = await sent();
    expect(n).toMatchObject({ sender: { kind: 'app', displayName: 'sms365' }, text: 'sms365 asked you to approve SMS-POL-001 <b>Information</b> security policy', delivered: true });
  });
});

describe('POST /teamwork/sendActivityNotificationToRecipients', () => {
  const recipients = (...upns: string[]) => upns.map((userId) => ({ '@odata.type': 'microsoft.graph.aadUserNotificationRecipient', userId }));

  it('answers 202 and records one notification per recipient; one without the app gets nothing', async () => {
    const res = await post(demo.tom, '/teamwork/sendActivityNotificationToRecipients', { ...notification(), recipients: recipients(demo.priya, demo.marcus, demo.jack) });
    expect(res.status).toBe(202);
    const all = await sent();
    expect(all.map((n) => [n.recipient.userPrincipalName, n.delivered])).toEqual([
      [demo.priya, true],
      [demo.marcus, true],
      [demo.jack, false],
    ]);
    expect(all.every((n) => n.api === 'sendActivityNotificationToRecipients')).toBe(true);
    expect((await sent(`?recipient=${encodeURIComponent(demo.marcus)}`)).map((n) => n.recipient.userPrincipalName)).toEqual([demo.marcus]);
  });

  it('accepts at most 100 recipients, of type aadUserNotificationRecipient only', async () => {
    const many = Array.from({ length: 101 }, () => recipients(demo.priya)[0]);
    await expectError(await post(demo.tom, '/teamwork/sendActivityNotificationToRecipients', { ...notification(), recipients: many }), 400, 'BadRequest');
    const team = [{ '@odata.type': 'microsoft.graph.teamMembersNotificationRecipient', teamId: 'x' }];
    await expectError(await post(demo.tom, '/teamwork/sendActivityNotificationToRecipients', { ...notification(), recipients: team }), 400, 'BadRequest');
    expect(await sent()).toEqual([]);
  });

  it('answers 412 when the token expires within 45 minutes (Learn), and 202 with more time left', async () => {
    const tokenFor = async (expiresIn: number) => {
      const res = await fetch(`${emu.origin}/_dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ upn: demo.tom, scopes: SEND, expiresIn }) });
      return ((await res.json()) as { access_token: string }).access_token;
    };
    const send = async (token: string) =>
      fetch(`${emu.graphBaseUrl}/teamwork/sendActivityNotificationToRecipients`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ ...notification(), recipients: recipients(demo.priya) }),
      });
    expect((await send(await tokenFor(40 * 60))).status).toBe(412);
    expect((await send(await tokenFor(50 * 60))).status).toBe(202);
    expect(await sent()).toHaveLength(1);
  });

  it('checks the activity type against the manifest before sending anything', async () => {
    await expectError(await post(demo.tom, '/teamwork/sendActivityNotificationToRecipients', { ...notification('nope'), recipients: recipients(demo.priya) }), 400, 'BadRequest');
  });
});

describe('apps installed for a user', () => {
  it('lists the sms365 installation, with $expand and $filter on teamsApp/externalId', async () => {
    const res = await emu.graph(demo.priya, `/users/${demo.priya}/teamwork/installedApps?$expand=teamsApp,teamsAppDefinition&$filter=${encodeURIComponent(`teamsApp/externalId eq '${app.externalId}'`)}`, { scopes: ['TeamsAppInstallation.ReadForUser'] });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { value: Json[] };
    expect(body.value).toHaveLength(1);
    expect(body.value[0]).toMatchObject({
      teamsApp: { id: app.id, externalId: app.externalId, displayName: 'sms365', distributionMethod: 'organization' },
      teamsAppDefinition: { teamsAppId: app.id, azureADAppId: app.azureADAppId, displayName: 'sms365' },
    });
    const plain = (await (await emu.graph(demo.priya, `/users/${demo.priya}/teamwork/installedApps`, { scopes: ['TeamsAppInstallation.ReadForUser'] })).json()) as { value: Json[] };
    expect(Object.keys(plain.value[0]!)).toEqual(['id']);
  });

  it('installs sms365 for a user who lacks it (201, no body); a second install is 409; then notifications reach them', async () => {
    const catalog = (await (await emu.graph(demo.fiona, `/appCatalogs/teamsApps?$filter=${encodeURIComponent(`externalId eq '${app.externalId}'`)}`, { scopes: ['AppCatalog.Read.All'] })).json()) as { value: Json[] };
    expect(catalog.value.map((a) => a.id)).toEqual([app.id]);

    const upn = demo.jack;
    const before = (await (await emu.graph(upn, `/users/${upn}/teamwork/installedApps`, { scopes: INSTALL })).json()) as { value: Json[] };
    expect(before.value).toEqual([]);

    const bind = { 'teamsApp@odata.bind': `https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/${app.id}` };
    const res = await post(upn, `/users/${upn}/teamwork/installedApps`, bind, INSTALL);
    expect(res.status).toBe(201);
    expect(await res.text()).toBe('');
    await expectError(await post(upn, `/users/${upn}/teamwork/installedApps`, bind, INSTALL), 409, 'Conflict');

    const after = (await (await emu.graph(upn, `/users/${upn}/teamwork/installedApps?$expand=teamsApp`, { scopes: INSTALL })).json()) as { value: Json[] };
    expect(after.value.map((i) => (i.teamsApp as Json).externalId)).toEqual([app.externalId]);
    const one = await emu.graph(upn, `/users/${upn}/teamwork/installedApps/${encodeURIComponent(after.value[0]!.id as string)}`, { scopes: INSTALL });
    expect(one.status).toBe(200);

    expect((await post(demo.tom, `/users/${upn}/teamwork/sendActivityNotification`, notification())).status).toBe(204);
  });

  it("a delegated caller reads and installs only for themselves; an unknown app is 404", async () => {
    await expectError(await emu.graph(demo.priya, `/users/${demo.tom}/teamwork/installedApps`, { scopes: INSTALL }), 403, 'Forbidden');
    const unknown = { 'teamsApp@odata.bind': 'https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/00000000-0000-0000-0000-000000000000' };
    await expectError(await post(demo.priya, `/users/${demo.priya}/teamwork/installedApps`, unknown, INSTALL), 404, 'NotFound');
    await expectError(await emu.graph(demo.priya, `/users/${demo.priya}/teamwork/installedApps`, { scopes: ['User.Read'] }), 403, 'Forbidden');
  });
});

describe('the dev view of notifications', () => {
  it('lists what was sent, newest first, with every value HTML-escaped', async () => {
    await post(demo.tom, `/users/${demo.priya}/teamwork/sendActivityNotification`, notification());
    const res = await fetch(`${emu.origin}/_dev/notifications.html`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain('SMS-POL-001 &lt;b&gt;Information&lt;/b&gt; security policy');
    expect(html).not.toContain('<b>Information</b>');
    expect(html).toContain('Priya Nair');
    expect(html).toContain('href="https://teams.microsoft.com/l/entity/app/home?context=%7B%22subEntityId%22%3A%22doc%3ASMS-POL-001%22%7D"');
  });

  it('never links a topic URL that is not http(s)', async () => {
    await post(demo.tom, `/users/${demo.priya}/teamwork/sendActivityNotification`, notification('approvalRequested', { topic: { source: 'text', value: 'x', webUrl: 'javascript:alert(1)' } }));
    const html = await (await fetch(`${emu.origin}/_dev/notifications.html`)).text();
    expect(html).not.toContain('javascript:alert');
    expect(html).not.toContain('href="javascript');
  });
});
