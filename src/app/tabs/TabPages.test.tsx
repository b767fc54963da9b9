import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { app, pages } from '@microsoft/teams-js';
import { upnOf } from '../../../emulator/seed/tenant.js';
import { signInToEmulator } from '../auth/devSignIn.js';
import { APP_SCOPES } from '../auth/scopes.js';
import type { Host } from '../host/host.js';
import { CONFIG, ORIGIN, renderApp, startHarness, type Harness } from '../../../tests/support/appHarness.js';
import { simulateHost } from './simulation.js';

/**
 * The tab pages inside the whole App (emulator behind msw). teams-js is replaced at its module
 * boundary only: `app` answers with a Teams context and `pages.config` records what the
 * configuration page asks of Teams. A "real" Teams host is one whose connection is not the
 * query-parameter simulation.
 */
const teams = vi.hoisted(() => ({
  context: null as unknown,
  saveHandler: null as ((event: pages.config.SaveEvent) => void) | null,
  setConfig: vi.fn(async (_config: pages.InstanceConfig) => undefined),
  setValidityState: vi.fn((_valid: boolean) => undefined),
}));

vi.mock('@microsoft/teams-js', () => ({
  app: {
    isInitialized: () => true,
    getContext: async () => teams.context,
  },
  pages: {
    isSupported: () => true,
    config: {
      registerOnSaveHandler: (handler: (event: pages.config.SaveEvent) => void) => {
        teams.saveHandler = handler;
      },
      setConfig: teams.setConfig,
      setValidityState: teams.setValidityState,
    },
  },
}));

const priya = { displayName: 'Priya Nair', userPrincipalName: upnOf({ given: 'Priya', surname: 'Nair' }) };
const sessionFor = (user: typeof priya) => signInToEmulator(ORIGIN, user, APP_SCOPES);

/** Teams as teams-js reports it (the connection object only says "not simulated"). */
const REAL_TEAMS: Host = {
  kind: 'teams',
  embedded: true,
  teams: { theme: 'default', locale: 'en-gb', loginHint: priya.userPrincipalName, hostName: 'Teams', onThemeChange: () => () => undefined },
};

function teamsContext(page: { id: string; subPageId?: string }, extra: { channel?: boolean } = {}): app.Context {
  return {
    app: { locale: 'en-gb', theme: 'default', sessionId: 's1', host: { name: 'Teams', clientType: 'web', sessionId: 'h1' } },
    page: { frameContext: 'content', ...page },
    user: { id: 'u1', displayName: priya.displayName, userPrincipalName: priya.userPrincipalName },
    ...(extra.channel ? { team: { internalId: 't1', displayName: 'Kestrel SMS' }, channel: { id: '19:general@thread.tacv2', displayName: 'General' } } : {}),
    dialogParameters: {},
  } as unknown as app.Context;
}

/** Plays Teams pressing Save on the configuration page; resolves with what the page told Teams. */
function pressTeamsSave(): Promise<{ ok: true } | { ok: false; reason?: string }> {
  const handler = teams.saveHandler;
  if (!handler) throw new Error('the page registered no save handler');
  return new Promise((resolve) => handler({ result: {}, notifySuccess: () => resolve({ ok: true }), notifyFailure: (reason) => resolve({ ok: false, reason }) }));
}

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
beforeEach(() => {
  teams.context = null;
  teams.saveHandler = null;
  teams.setConfig.mockClear();
  teams.setValidityState.mockClear();
});
afterEach(() => cleanup());
afterAll(() => harness.close());

describe('configuration page in Teams', () => {
  it('enables Save once a register is chosen and saves it with pages.config.setConfig', async () => {
    teams.context = teamsContext({ id: 'config' }, { channel: true });
    renderApp({ path: '/tab/config?host=teams&locale=en-gb&theme=default', host: REAL_TEAMS, session: await sessionFor(priya) });
    const user = userEvent.setup();
    await screen.findByRole('heading', { level: 1, name: 'Set up the SMS tab' });
    expect(screen.getByText('For the channel General of Kestrel SMS.')).toBeTruthy();
    // Teams draws its own Save button; the page does not.
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
    expect(screen.getByText('Select Save to add the tab.')).toBeTruthy();
    expect(teams.setValidityState).toHaveBeenLastCalledWith(false);

    await user.click(screen.getByRole('radio', { name: 'One register' }));
    expect(teams.setValidityState).toHaveBeenLastCalledWith(false);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Register' }), 'Nonconformities');
    expect(teams.setValidityState).toHaveBeenLastCalledWith(true);
    expect(screen.getByText('The tab will be called “SMS register: Nonconformities”.')).toBeTruthy();

    expect(await pressTeamsSave()).toEqual({ ok: true });
    expect(teams.setConfig).toHaveBeenCalledTimes(1);
    expect(teams.setConfig).toHaveBeenCalledWith({
      contentUrl: `${window.location.origin}/tab/channel?host=teams&view=register&list=nonconformities&locale={app.locale}&theme={app.theme}`,
      websiteUrl: `${window.location.origin}/tab/channel?host=browser&view=register&list=nonconformities`,
      entityId: 'register-nonconformities',
      suggestedDisplayName: 'SMS register: Nonconformities',
    });
  });

  it('saves the dashboard, and the latest choice wins', async () => {
    teams.context = teamsContext({ id: 'config' }, { channel: true });
    renderApp({ path: '/tab/config?host=teams', host: REAL_TEAMS, session: await sessionFor(priya) });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('radio', { name: 'One register' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Register' }), 'Risk Register');
    await user.click(screen.getByRole('radio', { name: 'The SMS dashboard' }));
    expect(teams.setValidityState).toHaveBeenLastCalledWith(true);
    expect(await pressTeamsSave()).toEqual({ ok: true });
    expect(teams.setConfig).toHaveBeenCalledWith(expect.objectContaining({ entityId: 'dashboard', suggestedDisplayName: 'SMS dashboard' }));
  });

  it('refuses a save with nothing chosen, with a reason Teams shows', async () => {
    teams.context = teamsContext({ id: 'config' });
    renderApp({ path: '/tab/config?host=teams', host: REAL_TEAMS, session: await sessionFor(priya) });
    await screen.findByRole('heading', { level: 1, name: 'Set up the SMS tab' });
    expect(await pressTeamsSave()).toEqual({ ok: false, reason: 'Choose what the tab shows first.' });
    expect(teams.setConfig).not.toHaveBeenCalled();
  });

  it('tells Teams when saving failed', async () => {
    teams.context = teamsContext({ id: 'config' });
    teams.setConfig.mockRejectedValueOnce(new Error('host refused'));
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    renderApp({ path: '/tab/config?host=teams', host: REAL_TEAMS, session: await sessionFor(priya) });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('radio', { name: 'The SMS dashboard' }));
    expect(await pressTeamsSave()).toEqual({ ok: false, reason: 'The tab could not be saved. Try again.' });
    errors.mockRestore();
  });
});

describe('configuration page outside Teams (simulated)', () => {
  it('shows the Save Teams would show, and saving leads to the configured tab', async () => {
    const search = '?host=teams&theme=dark&team=Kestrel%20SMS&channel=Service%20desk';
    renderApp({ path: `/tab/config${search}`, host: simulateHost({ kind: 'browser', embedded: false }, CONFIG, search), session: await sessionFor(priya) });
    const user = userEvent.setup();
    await screen.findByRole('heading', { level: 1, name: 'Set up the SMS tab' });
    expect(screen.getByText('For the channel Service desk of Kestrel SMS.')).toBeTruthy();
    const save = screen.getByRole('button', { name: 'Save' });
    expect(save.getAttribute('aria-disabled')).toBe('true');

    await user.click(screen.getByRole('radio', { name: 'The SMS dashboard' }));
    expect(save.getAttribute('aria-disabled')).toBeNull();
    await user.click(save);
    await screen.findByText('Saved: the tab “SMS dashboard” is ready.');
    const open = screen.getByRole('link', { name: 'Open the tab' });
    expect(open.getAttribute('href')).toBe('/tab/channel?host=teams&view=dashboard&theme=dark');

    await user.click(open);
    await screen.findByRole('heading', { level: 1, name: 'Welcome, Priya Nair' });
    expect(screen.getByText(/^Simulated Teams/)).toBeTruthy();
    // The simulation never calls teams-js.
    expect(teams.setConfig).not.toHaveBeenCalled();
    expect(teams.setValidityState).not.toHaveBeenCalled();
  });
});

describe('static tabs and deep links', () => {
  it('opens the record a Teams deep link names (page.subPageId) instead of the tab', async () => {
    teams.context = teamsContext({ id: 'home', subPageId: 'rec:nonconformities:12' });
    // The address carries no sub-page: Teams' context is what names the record.
    renderApp({ path: '/tab/home?host=teams', host: REAL_TEAMS, session: await sessionFor(priya) });
    // The record's page, headed by its register while it loads.
    await screen.findByRole('heading', { level: 1, name: 'Nonconformities' }, { timeout: 10_000 });
    expect(screen.queryByRole('heading', { level: 1, name: 'Welcome, Priya Nair' })).toBeNull();
  });

  it('follows the sub parameter when Teams is simulated', async () => {
    renderApp({ path: '/tab/my?host=teams&sub=act%3AACT-0142', host: simulateHost({ kind: 'browser', embedded: false }, CONFIG, '?host=teams'), session: await sessionFor(priya) });
    await screen.findByRole('heading', { level: 1, name: 'Action ACT-0142' });
  });

  it('says so when the link is not one of ours, and shows the tab', async () => {
    renderApp({ path: '/tab/home?host=teams&sub=task%3A99', session: await sessionFor(priya) });
    await screen.findByRole('heading', { level: 1, name: 'Welcome, Priya Nair' });
    expect(screen.getByText("This link can't be opened")).toBeTruthy();
    expect(screen.getByText(/“task:99” is not a link to an SMS document, record or action/)).toBeTruthy();
  });

  it('ignores the placeholder Teams leaves when there is no sub-page', async () => {
    renderApp({ path: '/tab/home?host=teams&sub={page.subPageId}&locale={app.locale}&theme={app.theme}', session: await sessionFor(priya) });
    await screen.findByRole('heading', { level: 1, name: 'Welcome, Priya Nair' });
    expect(screen.queryByText("This link can't be opened")).toBeNull();
  });

  it('My SMS: my acknowledgements first, then my actions', async () => {
    teams.context = teamsContext({ id: 'my' });
    renderApp({ path: '/tab/my?host=teams', host: REAL_TEAMS, session: await sessionFor(priya) });
    await screen.findByRole('heading', { level: 1, name: 'My SMS' });
    const acks = screen.getByRole('region', { name: 'My acknowledgements' });
    // This emulator's SMS site is not provisioned: the area says so instead of failing.
    expect(await within(acks).findByText(/The acknowledgement lists are not on the SMS site yet/, {}, { timeout: 5000 })).toBeTruthy();
    const regions = screen.getAllByRole('region').map((r) => r.getAttribute('aria-labelledby'));
    expect(regions.indexOf(acks.getAttribute('aria-labelledby'))).toBeLessThan(regions.indexOf(screen.getByRole('region', { name: 'My actions' }).getAttribute('aria-labelledby')));
    const actions = screen.getByRole('region', { name: 'My actions' });
    // The Actions area itself, under its own consent: on this unprovisioned site it says the list is missing.
    expect(await within(actions).findByText(/The SMS site has no Actions list yet/, {}, { timeout: 8000 })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'See your counts on Home' }).getAttribute('href')).toBe('/');
    expect(screen.getByText('Shown in Teams')).toBeTruthy();
  });
});

describe('channel tab', () => {
  it('shows the register it was set up with, and where it is shown', async () => {
    teams.context = teamsContext({ id: 'register-nonconformities' }, { channel: true });
    renderApp({ path: '/tab/channel?host=teams&view=register&list=nonconformities', host: REAL_TEAMS, session: await sessionFor(priya) });
    await screen.findByRole('heading', { level: 1, name: 'Nonconformities' }, { timeout: 10_000 });
    // The Registers area's register view: this unprovisioned site has no Nonconformities list, and it says so.
    expect(await screen.findByText('The register could not be loaded. It may have been deleted or moved, or the SMS site is not set up yet.', {}, { timeout: 8000 })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Status' })).toBeTruthy();
    expect(screen.getByText('Shown in Teams · Kestrel SMS › General')).toBeTruthy();
  });

  it('says it is not set up when its address has no view, or an unknown register', async () => {
    const session = await sessionFor(priya);
    renderApp({ path: '/tab/channel?host=teams', session });
    await screen.findByRole('heading', { level: 1, name: 'This tab is not set up' });
    expect(screen.getByText('It does not say what to show.')).toBeTruthy();
    cleanup();
    renderApp({ path: '/tab/channel?host=teams&view=register&list=smsSettings', session });
    await screen.findByText('The register it was set up with is not one of the SMS registers.');
  });

  it('shows the SMS home as the dashboard, in Chinese when asked', async () => {
    renderApp({ path: '/tab/channel?host=teams&view=dashboard&locale=zh-CN', language: 'zh-CN', session: await sessionFor(priya) });
    await screen.findByRole('heading', { level: 1, name: '欢迎，Priya Nair' });
    expect(screen.getByText('在网页浏览器中打开')).toBeTruthy();
  });
});
