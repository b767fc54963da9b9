import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { onlineManager } from '@tanstack/react-query';
import { getSiteByUrl } from '../../../../../graph/sites/sites.js';
import { addHomeItem, createHomeLists, homeAckRequest } from '../../../../../tests/support/homeFixtures.js';
import { getMe } from '../../../../../graph/directory/me.js';
import { upnOf } from '../../../../../emulator/seed/tenant.js';
import { signInToEmulator } from '../../../../app/auth/devSignIn.js';
import { APP_SCOPES } from '../../../../app/auth/scopes.js';
import type { AuthSession } from '../../../../app/auth/session.js';
import { DEMO_SMS_SITE_URL } from '../../../../app/config.js';
import { ORIGIN, renderApp, startHarness, type Harness } from '../../../../../tests/support/appHarness.js';

const priya = { displayName: 'Priya Nair', userPrincipalName: upnOf({ given: 'Priya', surname: 'Nair' }) };
const jack = { displayName: 'Jack Turner', userPrincipalName: upnOf({ given: 'Jack', surname: 'Turner' }) };

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterEach(() => {
  cleanup();
  onlineManager.setOnline(true);
  harness.emulator.emu.faults.update({ force429Count: 0 });
});
afterAll(() => harness.close());

const sessionFor = (user: typeof priya, scopes: readonly string[] = APP_SCOPES) => signInToEmulator(ORIGIN, user, scopes);

/** A date `days` from today, as a SharePoint date-only value. */
function inDays(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const card = (name: string) => screen.getByRole('region', { name });
const countIn = (name: string) => within(card(name)).getByText(/^\d+\+?$/).textContent;

describe('Home before the SMS lists are provisioned', () => {
  it('shows zero for every count with an honest note, not an error screen', async () => {
    renderApp({ session: await sessionFor(jack) });
    expect(await screen.findByRole('heading', { level: 1, name: 'Welcome, Jack Turner' })).toBeTruthy();
    await screen.findByRole('region', { name: 'My pending acknowledgements' });
    for (const name of ['My pending acknowledgements', 'My open actions', 'Upcoming management reviews', 'Upcoming audits']) {
      expect(countIn(name)).toBe('0');
      expect(within(card(name)).getByText(/^Not set up yet: the SMS site has no “.+” list, so this shows 0\.$/)).toBeTruthy();
    }
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('Home with the SMS lists', () => {
  beforeAll(async () => {
    const tom = harness.clientAs(upnOf({ given: 'Tom', surname: 'Whitaker' }));
    const siteId = (await getSiteByUrl(tom, DEMO_SMS_SITE_URL)).id!;
    await createHomeLists(tom, siteId);
    const priyaId = (await getMe(harness.clientAs(priya.userPrincipalName))).id!;
    for (const [release, status] of [[1, 'Pending'], [2, 'Pending'], [3, 'Overdue'], [4, 'Cancelled']] as const) {
      await addHomeItem(tom, siteId, 'ackRequests', homeAckRequest({ userId: priyaId, upn: priya.userPrincipalName }, release, status));
    }
    for (const status of ['In progress', 'Completed']) {
      await addHomeItem(tom, siteId, 'actions', { Title: 'Update the change procedure', AssignedToUPN: priya.userPrincipalName, Status: status });
    }
    await addHomeItem(tom, siteId, 'managementReviews', { Title: 'MR Q3', MeetingDate: inDays(30), Status: 'Planned' });
    await addHomeItem(tom, siteId, 'managementReviews', { Title: 'MR Q1', MeetingDate: inDays(-60), Status: 'Closed' });
    await addHomeItem(tom, siteId, 'audits', { Title: 'Change management audit', PlannedStart: inDays(10), Status: 'Planned' });
    const record = (upn: string, days: number) => addHomeItem(tom, siteId, 'competenceRecords', { Title: `${upn} ${days}`, PersonUPN: upn.toLowerCase(), ExpiresOn: inDays(days), Status: 'Valid' });
    await record(priya.userPrincipalName, 20);
    await record(jack.userPrincipalName, 59);
    await record(jack.userPrincipalName, 90);
  });

  it("shows the signed-in user's real counts, with links to areas their role may use", async () => {
    renderApp({ session: await sessionFor(priya) });
    await screen.findByRole('region', { name: 'My pending acknowledgements' });
    expect(countIn('My pending acknowledgements')).toBe('3');
    expect(countIn('My open actions')).toBe('1');
    expect(countIn('Upcoming management reviews')).toBe('1');
    expect(countIn('Upcoming audits')).toBe('1');
    expect(within(card('Upcoming audits')).getByRole('link', { name: 'Go to Audits' })).toBeTruthy();
    // An internal auditor reads everyone's competence records: both that expire within 60 days.
    expect(countIn('Competence records expiring within 60 days')).toBe('2');
    expect(within(card('Competence records expiring within 60 days')).getByRole('link', { name: 'See them on the competence page' }).getAttribute('href')).toBe('/registers/competence?show=expiring');
  });

  it('reaches its counts in two Graph round trips after sign-in: one $batch for who and where, one for the counts', async () => {
    const session = await sessionFor(priya);
    harness.emulator.emu.requests.clear();
    renderApp({ session });
    await screen.findByRole('region', { name: 'My pending acknowledgements' });
    // The navigation's roles come from the same first batch.
    expect(await within(screen.getByRole('navigation', { name: 'Main' })).findByRole('link', { name: 'Audits' })).toBeTruthy();
    const graph = harness.emulator.emu.requests.list().filter((e) => e.path.startsWith('/v1.0/'));
    expect(graph.filter((e) => !e.inBatch).map((e) => `${e.method} ${e.path}`)).toEqual(['POST /v1.0/$batch', 'POST /v1.0/$batch']);
    const inner = graph.filter((e) => e.inBatch).map((e) => decodeURIComponent(e.path.split('?')[0]!));
    expect(inner.slice(0, 3).sort()).toEqual(['/v1.0/me', '/v1.0/me/memberOf', '/v1.0/sites/kestrelms.sharepoint.com:/sites/KestrelSMS']);
    expect(inner.slice(3).every((p) => /^\/v1\.0\/sites\/[^/]+\/lists\/[^/]+\/items$/.test(p))).toBe(true);
  });

  it('does not offer an employee a link to areas their role may not use', async () => {
    renderApp({ session: await sessionFor(jack) });
    await screen.findByRole('region', { name: 'Upcoming audits' });
    expect(countIn('My pending acknowledgements')).toBe('0');
    expect(countIn('Upcoming audits')).toBe('1');
    expect(within(card('Upcoming audits')).queryByRole('link')).toBeNull();
    expect(within(card('My open actions')).getByRole('link', { name: 'Go to Actions' })).toBeTruthy();
    // An employee counts only their own records: one expires within 60 days, the other later.
    expect(countIn('Competence records expiring within 60 days')).toBe('1');
  });
});

describe('Home when Graph fails', () => {
  it('says Graph is busy on 429 and recovers with "Try again", keeping the rest of the screen', async () => {
    harness.emulator.emu.faults.update({ force429Count: 50, retryAfterSeconds: 0 });
    renderApp({ session: await sessionFor(priya) });
    expect(await screen.findByText('Microsoft 365 is busy')).toBeTruthy();
    // The shell stays usable around the message.
    expect(screen.getByRole('heading', { level: 1, name: 'Welcome, Priya Nair' })).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeTruthy();
    // The roles could not be read either: the navigation falls back to what every employee may use.
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByText(/Could not read your role groups/)).toBeTruthy();
    expect(within(nav).queryByRole('link', { name: 'Audits' })).toBeNull();

    harness.emulator.emu.faults.update({ force429Count: 0 });
    const user = userEvent.setup();
    await user.click(within(screen.getByRole('main')).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('region', { name: 'My pending acknowledgements' })).toBeTruthy();
    // Home's cards read the roles again as they appear, so the navigation recovers too.
    expect(await within(nav).findByRole('link', { name: 'Audits' })).toBeTruthy();
  });

  it('says "no permission" on 403 (no consent to read SharePoint sites)', async () => {
    renderApp({ session: await sessionFor(priya, ['User.Read', 'GroupMember.Read.All']) });
    expect(await screen.findByText("You don't have permission")).toBeTruthy();
    expect(screen.getByText(/Ask the SMS manager if you need access/)).toBeTruthy();
  });

  it('asks to sign in again on 401 and carries on in place once the token is renewed', async () => {
    const real = await sessionFor(priya);
    let renewed = false;
    const expiring: AuthSession = {
      ...real,
      getToken: async () => (renewed ? real.getToken() : 'expired-token'),
      reauthenticate: async () => {
        renewed = true;
      },
    };
    renderApp({ session: expiring });
    expect(await screen.findByText('Your sign-in has expired')).toBeTruthy();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Sign in again' }));
    expect(await screen.findByRole('region', { name: 'My pending acknowledgements' })).toBeTruthy();
    expect(screen.queryByText('Your sign-in has expired')).toBeNull();
  });

  it('says so while offline instead of spinning, and loads once back online', async () => {
    onlineManager.setOnline(false);
    renderApp({ session: await sessionFor(priya) });
    expect(await screen.findByText("You're offline")).toBeTruthy();
    expect(screen.getByText(/What you see may be out of date/)).toBeTruthy();
    onlineManager.setOnline(true);
    expect(await screen.findByRole('region', { name: 'My pending acknowledgements' })).toBeTruthy();
    expect(screen.queryByText("You're offline")).toBeNull();
  });
});
