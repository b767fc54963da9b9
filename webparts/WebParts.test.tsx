import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { upnOf } from '../emulator/seed/tenant.js';
import { ensureDemoContent } from '../scripts/demo/firstStart.js';
import { App } from '../src/app/App.js';
import { signInToEmulator } from '../src/app/auth/devSignIn.js';
import { APP_SCOPES } from '../src/app/auth/scopes.js';
import type { AuthSession } from '../src/app/auth/session.js';
import { createI18n, type Language } from '../src/app/i18n/i18n.js';
import { CONFIG, ORIGIN, startHarness, type Harness } from '../tests/support/appHarness.js';
import { WebPartRoutes } from './WebPartRoutes.js';

/**
 * Each web part as SharePoint would show it (`?host=sharepoint`), inside the app's own start-up
 * (providers, session, Graph client) against the emulator with the demo content.
 */
const priya = { displayName: 'Priya Nair', userPrincipalName: upnOf({ given: 'Priya', surname: 'Nair' }) };

let harness: Harness;
let session: AuthSession;
beforeAll(async () => {
  harness = await startHarness();
  await ensureDemoContent({ origin: ORIGIN, graphBaseUrl: CONFIG.graphBaseUrl, log: () => undefined });
  session = await signInToEmulator(ORIGIN, priya, APP_SCOPES);
}, 120_000);
afterEach(() => cleanup());
afterAll(() => harness.close());

function renderWebPart(path: string, language: Language = 'en') {
  return render(
    <MemoryRouter initialEntries={[path]}>
      <App
        config={CONFIG}
        host={{ kind: 'sharepoint', embedded: true }}
        i18n={createI18n(language)}
        testing={{ queryRetry: false, graphRetry: { maxRetries: 0 }, session }}
        content={<WebPartRoutes />}
      />
    </MemoryRouter>,
  );
}

describe('web parts', () => {
  it('Document register renders the Documents feature’s register with the SMS site’s documents, without the app shell', async () => {
    renderWebPart('/webparts/document-register?host=sharepoint');
    await screen.findByRole('heading', { level: 1, name: 'Document register' });
    const table = await screen.findByRole('table', { name: 'Document register' }, { timeout: 5000 });
    expect(within(table).getByText('SMS-POL-001')).toBeTruthy();
    expect(screen.queryByRole('navigation', { name: 'Main' })).toBeNull();
    expect(screen.getAllByRole('main')).toHaveLength(1);
  });

  it('Acknowledgement status names its document and says the feature is not built', async () => {
    renderWebPart('/webparts/acknowledgement-status?host=sharepoint&doc=SMS-POL-001');
    await screen.findByRole('heading', { level: 1, name: 'Acknowledgement status' });
    // The area asks for its permissions first; its body appears once they are granted.
    expect(await screen.findByText('Document: SMS-POL-001', undefined, { timeout: 5000 })).toBeTruthy();
    expect(screen.getByText('Acknowledgements: not built yet')).toBeTruthy();
  });

  it('Register view names its register and says the feature is not built', async () => {
    renderWebPart('/webparts/register-view?host=sharepoint&register=nonconformities');
    await screen.findByRole('heading', { level: 1, name: 'Register view' });
    expect(await screen.findByText('Register: Nonconformities', undefined, { timeout: 5000 })).toBeTruthy();
    expect(screen.getByText('Registers: not built yet')).toBeTruthy();
  });

  it('My actions says the feature is not built', async () => {
    renderWebPart('/webparts/my-actions?host=sharepoint', 'zh-CN');
    await screen.findByRole('heading', { level: 1, name: '我的措施' });
    expect(await screen.findByText('措施：尚未构建', undefined, { timeout: 5000 })).toBeTruthy();
  });

  it('tells the page author which property is missing or wrong', async () => {
    renderWebPart('/webparts/acknowledgement-status?host=sharepoint');
    await screen.findByText('This web part is not set up');
    expect(screen.getByText(/doc=<document ID>, for example doc=SMS-POL-001/)).toBeTruthy();
    cleanup();
    renderWebPart('/webparts/register-view?host=sharepoint&register=Nonconformities%20list');
    await screen.findByText('This web part is not set up');
    expect(screen.getByText(/register=<register>, for example register=nonconformities/)).toBeTruthy();
  });

  it('lists the web parts there are for an unknown address', async () => {
    renderWebPart('/webparts/calendar?host=sharepoint');
    await screen.findByRole('heading', { level: 1, name: 'No such web part' });
    expect(screen.getByText(/Document register \(\/webparts\/document-register\).*My actions \(\/webparts\/my-actions\)/)).toBeTruthy();
  });
});
