import { render, type RenderResult } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { setupServer } from 'msw/node';
import { createEmulator, type Emulator } from '../../emulator/app.js';
import type { EmulatedCloud } from '../../emulator/core/nationalCloud.js';
import { emulatorHandlers } from '../../emulator/msw.js';
import { upnOf } from '../../emulator/seed/tenant.js';
import { createGraphClient, type GraphClient } from '../../graph/core/client.js';
import { App } from '../../src/app/App.js';
import type { RuntimeConfig } from '../../src/app/config.js';
import { createI18n, type Language } from '../../src/app/i18n/i18n.js';
import type { AuthSession } from '../../src/app/auth/session.js';
import type { Host } from '../../src/app/host/host.js';

/**
 * Component-test harness: an in-process emulator behind msw (the same `handle()` the HTTP server
 * uses), and the whole App rendered in a MemoryRouter with a fresh i18n instance, a fresh
 * QueryClient per session with retries off, and graph/core retries off.
 */
export const ORIGIN = 'https://emulator.test';
export const CONFIG: RuntimeConfig = { mode: 'emulator', graphBaseUrl: `${ORIGIN}/v1.0`, devAuthUrl: ORIGIN };
const BROWSER: Host = { kind: 'browser', embedded: false };

export interface Harness {
  emulator: Emulator;
  server: ReturnType<typeof setupServer>;
  /** A Graph client acting as `upn` (e.g. to create lists and items as test setup). */
  clientAs(upn: string, scopes?: string[]): GraphClient;
  close(): void;
}

export const ALL_SCOPES = ['User.Read', 'User.ReadBasic.All', 'GroupMember.Read.All', 'Sites.ReadWrite.All', 'Sites.Manage.All', 'Files.ReadWrite.All', 'Tasks.ReadWrite', 'Group.ReadWrite.All', 'Calendars.ReadWrite'];

/**
 * The app downloads the signed-in shell and each area when first shown (src/app/shell/lazyScreen.tsx).
 * Importing them once here keeps module transformation out of the first test's `findBy` waits.
 */
async function loadLazyModules(): Promise<void> {
  await Promise.all([
    import('../../src/app/SignedInApp.js'),
    import('../../src/features/home/screens/HomeScreen/HomeScreen.js'),
    import('../../src/features/documents/index.js'),
    import('../../src/app/tabs/TabRoutes.js'),
  ]);
}

/** `cloud: 'china'`: the emulator answers as Microsoft Graph China operated by 21Vianet (no Planner). */
export async function startHarness(options: { cloud?: EmulatedCloud } = {}): Promise<Harness> {
  await loadLazyModules();
  const emulator = await createEmulator({ dataDir: null, cloud: options.cloud });
  const server = setupServer(...emulatorHandlers(emulator, ORIGIN));
  server.listen({ onUnhandledRequest: 'error' });
  return {
    emulator,
    server,
    clientAs(upn, scopes = ALL_SCOPES) {
      return createGraphClient({
        baseUrl: CONFIG.graphBaseUrl,
        getToken: async () => (await emulator.emu.tokens.issue(upn, scopes)).access_token,
        retry: { maxRetries: 0 },
      });
    },
    close() {
      server.close();
      emulator.close();
    },
  };
}

export interface RenderAppOptions {
  path?: string;
  language?: Language;
  session?: AuthSession;
  host?: Host;
  /** The runtime configuration (default CONFIG), e.g. `{ ...CONFIG, cloud: 'china' }`. */
  config?: RuntimeConfig;
}

/** Renders the App as the browser would show it at `path`. */
export function renderApp(options: RenderAppOptions = {}): RenderResult {
  return render(
    <MemoryRouter initialEntries={[options.path ?? '/']}>
      <App config={options.config ?? CONFIG} host={options.host ?? BROWSER} i18n={createI18n(options.language ?? 'en')} testing={{ queryRetry: false, graphRetry: { maxRetries: 0 }, session: options.session }} />
    </MemoryRouter>,
  );
}

/** A demo person as the dev sign-in knows them (display name and UPN), e.g. `demoPerson('Jack', 'Turner')`. */
export const demoPerson = (given: string, surname: string) => ({ displayName: `${given} ${surname}`, userPrincipalName: upnOf({ given, surname }) });
