import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter, Route, Routes } from 'react-router';
import type { app, pages } from '@microsoft/teams-js';
import type { Host } from '../host/host.js';
import { createI18n } from '../i18n/i18n.js';
import { createQueryClient } from '../query/queryClient.js';
import { CopyLinkButton } from './CopyLinkButton.js';
import { HostContext } from './HostContext.js';
import type { SubPageTarget } from './subPageId.js';
import { useTargetLink } from './useTargetLink.js';

/** teams-js at its module boundary: a context with the app id, and pages.navigateToApp recorded. */
const teams = vi.hoisted(() => ({
  context: null as unknown,
  navigateToApp: vi.fn(async (_params: pages.AppNavigationParameters) => undefined),
}));
vi.mock('@microsoft/teams-js', () => ({
  app: { isInitialized: () => true, getContext: async () => teams.context, openLink: vi.fn() },
  pages: { isSupported: () => true, navigateToApp: teams.navigateToApp },
  AppId: class {
    constructor(private readonly id: string) {}
    toString() {
      return this.id;
    }
  },
}));

const APP_ID = '5d1f7c2a-3b64-4e0f-9a8d-6c2b1e4f7a90';
const BROWSER: Host = { kind: 'browser', embedded: false };
const TEAMS: Host = { kind: 'teams', embedded: true, teams: { theme: 'default', locale: 'en-gb', loginHint: null, hostName: 'Teams', onThemeChange: () => () => undefined } };
const POLICY: SubPageTarget = { kind: 'document', docId: 'SMS-POL-001' };

function teamsContext(): app.Context {
  return {
    app: { locale: 'en-gb', theme: 'default', sessionId: 's', host: { name: 'Teams', clientType: 'web', sessionId: 'h' }, appId: { toString: () => APP_ID } },
    page: { id: 'home', frameContext: 'content' },
    user: { id: 'u', tenant: { id: 'tenant-1' } },
    dialogParameters: {},
  } as unknown as app.Context;
}

function renderWith(host: Host, ui: React.ReactNode) {
  return render(
    <I18nextProvider i18n={createI18n('en')}>
      <FluentProvider theme={webLightTheme}>
        <QueryClientProvider client={createQueryClient({ retry: false })}>
          <HostContext.Provider value={host}>
            <MemoryRouter initialEntries={['/somewhere']}>
              <Routes>
                <Route path="/somewhere" element={ui} />
                <Route path="/documents/:docId" element={<p>Document page</p>} />
              </Routes>
            </MemoryRouter>
          </HostContext.Provider>
        </QueryClientProvider>
      </FluentProvider>
    </I18nextProvider>,
  );
}

beforeEach(() => {
  teams.context = teamsContext();
  teams.navigateToApp.mockClear();
});
afterEach(() => cleanup());

describe('CopyLinkButton', () => {
  it('copies the app’s own address outside Teams', async () => {
    const user = userEvent.setup();
    renderWith(BROWSER, <CopyLinkButton target={POLICY} />);
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(await navigator.clipboard.readText()).toBe(`${window.location.origin}/documents/SMS-POL-001`);
    expect(screen.getByRole('status').textContent).toBe('Link copied');
  });

  it('copies a Teams deep link to the SMS tab at the document inside Teams', async () => {
    const user = userEvent.setup();
    renderWith(TEAMS, <CopyLinkButton target={POLICY} label="Information security policy" />);
    const button = screen.getByRole('button', { name: 'Copy link' });
    await vi.waitFor(() => expect(button.getAttribute('aria-disabled')).toBeNull());
    await user.click(button);
    const link = new URL(await navigator.clipboard.readText());
    expect(`${link.origin}${link.pathname}`).toBe(`https://teams.microsoft.com/l/entity/${APP_ID}/home`);
    expect(JSON.parse(link.searchParams.get('context') ?? 'null')).toEqual({ subEntityId: 'doc:SMS-POL-001' });
    expect(link.searchParams.get('webUrl')).toBe(`${window.location.origin}/documents/SMS-POL-001`);
    expect(link.searchParams.get('tenantId')).toBe('tenant-1');
    expect(link.searchParams.get('label')).toBe('Information security policy');
  });

  it('shows the link to copy by hand where the clipboard is blocked', async () => {
    const user = userEvent.setup();
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValueOnce(new DOMException('Write permission denied.', 'NotAllowedError'));
    renderWith(BROWSER, <CopyLinkButton target={POLICY} />);
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    const field = await screen.findByRole('textbox', { name: 'Copying is blocked here. Copy this link yourself:' });
    expect((field as HTMLInputElement).value).toBe(`${window.location.origin}/documents/SMS-POL-001`);
    expect(screen.getByRole('status').textContent).toBe('');
  });
});

function OpenButton({ target }: { target: SubPageTarget }) {
  const { open, ready } = useTargetLink(target);
  return (
    <button disabled={!ready} onClick={() => void open()}>
      Open
    </button>
  );
}

describe('useTargetLink().open', () => {
  it('navigates inside the app outside Teams', async () => {
    const user = userEvent.setup();
    renderWith(BROWSER, <OpenButton target={POLICY} />);
    const open = screen.getByRole('button', { name: 'Open' });
    await vi.waitFor(() => expect((open as HTMLButtonElement).disabled).toBe(false));
    await user.click(open);
    await screen.findByText('Document page');
    expect(teams.navigateToApp).not.toHaveBeenCalled();
  });

  it('asks Teams to open the SMS tab at the target with pages.navigateToApp', async () => {
    const user = userEvent.setup();
    renderWith(TEAMS, <OpenButton target={{ kind: 'action', actionRef: 'ACT-0142' }} />);
    const open = screen.getByRole('button', { name: 'Open' });
    // Ready once the Teams context (with the app id) has been read.
    await vi.waitFor(() => expect((open as HTMLButtonElement).disabled).toBe(false));
    await user.click(open);
    await vi.waitFor(() => expect(teams.navigateToApp).toHaveBeenCalledTimes(1));
    const params = teams.navigateToApp.mock.calls[0]![0];
    expect(String(params.appId)).toBe(APP_ID);
    expect(params.pageId).toBe('home');
    expect(params.subPageId).toBe('act:ACT-0142');
    expect(String(params.webUrl)).toBe(`${window.location.origin}/actions/ACT-0142`);
  });
});
