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
import { getSiteByUrl } from '../graph/sites/sites.js';
import { DEMO_SMS_SITE_URL } from '../src/app/config.js';
import { loadCampaigns } from '../src/platform/acknowledgements/read.js';
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

  it('My acknowledgements renders the Acknowledgements area’s own screen content under the web part’s title', async () => {
    renderWebPart('/webparts/my-acknowledgements?host=sharepoint');
    await screen.findByRole('heading', { level: 1, name: 'My acknowledgements' });
    // Priya acknowledged both demo policies: nothing to do, both in her history.
    const pending = await screen.findByRole('region', { name: 'To acknowledge (0)' }, { timeout: 10_000 });
    expect(within(pending).getByText('Nothing to acknowledge')).toBeTruthy();
    const history = screen.getByRole('region', { name: 'Acknowledged' });
    expect(within(history).getByText('SMS-POL-001 Service Management Policy')).toBeTruthy();
    expect(within(history).getByText('SMS-POL-002 Information Security Policy')).toBeTruthy();
    expect(screen.queryByRole('navigation', { name: 'Main' })).toBeNull();
  });

  it('Acknowledgement status shows the live figure of the document’s release, linking to its compliance report', async () => {
    renderWebPart('/webparts/acknowledgement-status?host=sharepoint&doc=SMS-POL-001');
    await screen.findByRole('heading', { level: 1, name: 'Acknowledgement status' });
    // The area asks for its permissions first; its body appears once they are granted.
    expect(await screen.findByText('Document: SMS-POL-001', undefined, { timeout: 5000 })).toBeTruthy();
    // The demo: 16 staff asked to acknowledge SMS-POL-001 3.0, 14 did, Sofia is overdue.
    const figure = await screen.findByRole('link', { name: 'SMS-POL-001 3.0: 14 of 16 acknowledged (87%)' }, { timeout: 10_000 });
    expect(figure.getAttribute('href')).toMatch(/^\/acknowledgements\/releases\/\d+$/);
    // The web part's host has no route of the app's own: the report opens in the app, in a new tab.
    expect(figure.getAttribute('target')).toBe('_blank');
    expect(screen.getByText('1 overdue')).toBeTruthy();
  });

  it('Acknowledgement status shows one campaign’s figure when given `campaign`', async () => {
    const client = harness.clientAs(priya.userPrincipalName);
    const siteId = (await getSiteByUrl(client, DEMO_SMS_SITE_URL)).id!;
    const campaign = (await loadCampaigns(client, { siteId, listIds: {} }, { docId: 'SMS-POL-002' }))[0]!;
    renderWebPart(`/webparts/acknowledgement-status?host=sharepoint&campaign=${campaign.id}`, 'zh-CN');
    expect(await screen.findByText(`活动：${campaign.id}`, undefined, { timeout: 5000 })).toBeTruthy();
    const figure = await screen.findByRole('link', { name: 'SMS-POL-002 4.0：16 人中 12 人已确认（75%）' }, { timeout: 10_000 });
    expect(figure.getAttribute('href')).toBe(`/acknowledgements/campaigns/${campaign.id}`);
    expect(figure.getAttribute('target')).toBe('_blank');
  });

  it('Register view renders the Registers area’s list of its register, each reference opening the record in the app', async () => {
    renderWebPart('/webparts/register-view?host=sharepoint&register=nonconformities');
    await screen.findByRole('heading', { level: 1, name: 'Register view' });
    expect(await screen.findByText('Register: Nonconformities', undefined, { timeout: 5000 })).toBeTruthy();
    const table = await screen.findByRole('table', { name: 'Nonconformities' }, { timeout: 10_000 });
    const link = within(table).getByRole('link', { name: 'NC-2025-003 (Nonconformities), opens in the app in a new tab' });
    expect(link.getAttribute('href')).toMatch(/^\/registers\/nonconformities\/\d+$/);
    expect(link.getAttribute('target')).toBe('_blank');
    expect(screen.getByRole('combobox', { name: 'Status' })).toBeTruthy();
    expect(screen.queryByRole('navigation', { name: 'Main' })).toBeNull();
  });

  it('My actions renders the Actions area’s own "My actions" under the web part’s title, synced with Planner', async () => {
    renderWebPart('/webparts/my-actions?host=sharepoint', 'zh-CN');
    await screen.findByRole('heading', { level: 1, name: '我的措施' });
    // Priya has no action assigned: the area says so, and the sync with Planner ran when the web part opened.
    const mine = await screen.findByRole('region', { name: '分配给我（0）' }, { timeout: 10_000 });
    expect(within(mine).getByText('没有未完成的措施')).toBeTruthy();
    expect(await screen.findByText(/^已与 Planner 同步：检查了 \d+ 项措施$/, undefined, { timeout: 10_000 })).toBeTruthy();
    expect(screen.queryByRole('navigation', { name: 'Main' })).toBeNull();
  });

  it('tells the page author which property is missing or wrong', async () => {
    renderWebPart('/webparts/acknowledgement-status?host=sharepoint');
    await screen.findByText('This web part is not set up');
    expect(screen.getByText(/doc=<document ID>, for example doc=SMS-POL-001.*campaign=<campaign number>, for example campaign=4/)).toBeTruthy();
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
