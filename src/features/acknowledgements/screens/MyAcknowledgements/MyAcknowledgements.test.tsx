import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { getHomeCounts } from '../../../../../graph/home/homeCounts.js';
import { f } from '../../../../../graph/core/filter.js';
import { createItem, listAllItems, type ListItem } from '../../../../../graph/lists/items.js';
import { getMe } from '../../../../../graph/directory/me.js';
import { getSiteByUrl } from '../../../../../graph/sites/sites.js';
import { ensureDemoContent } from '../../../../../scripts/demo/firstStart.js';
import { CONFIG, ORIGIN, demoPerson, renderApp, startHarness, type Harness } from '../../../../../tests/support/appHarness.js';
import { installLayoutShims } from '../../../../../tests/support/jsdom.js';
import { signInToEmulator } from '../../../../app/auth/devSignIn.js';
import { APP_SCOPES } from '../../../../app/auth/scopes.js';
import { DEMO_SMS_SITE_URL } from '../../../../app/config.js';
import { localCalendarDate } from '../../../../platform/clock.js';

/**
 * "My acknowledgements" in the whole App against the emulator with the demo tenant (scripts/demo): Jack
 * (employee, a new joiner) has SMS-POL-001 3.0 and SMS-POL-002 4.0 to acknowledge, Sofia both overdue,
 * Aisha SMS-POL-002 pending, Ben SMS-POL-002 overdue; everyone else acknowledged both.
 */
const jack = demoPerson('Jack', 'Turner');
const sofia = demoPerson('Sofia', 'Almeida');
const aisha = demoPerson('Aisha', 'Rahman');
const ben = demoPerson('Ben', 'Adeyemi');
const tom = demoPerson('Tom', 'Whitaker');

let harness: Harness;
let siteId: string;

beforeAll(async () => {
  installLayoutShims();
  harness = await startHarness();
  await ensureDemoContent({ origin: ORIGIN, graphBaseUrl: CONFIG.graphBaseUrl, log: () => undefined });
  siteId = (await getSiteByUrl(harness.clientAs(tom.userPrincipalName), DEMO_SMS_SITE_URL)).id!;
}, 180_000);
afterEach(() => {
  cleanup();
  harness.server.resetHandlers();
});
afterAll(() => harness.close());

const open = async (user: typeof jack, path = '/acknowledgements', language: 'en' | 'zh-CN' = 'en') => {
  renderApp({ path, language, session: await signInToEmulator(ORIGIN, user, APP_SCOPES) });
};

/** Items of a list as Tom (the SMS manager) reads them, with their server stamps (`filter`: one indexed column). */
async function itemsOf(list: string, column: string, value: string): Promise<ListItem[]> {
  return listAllItems(harness.clientAs(tom.userPrincipalName), siteId, list, { filter: f.eq(`fields/${column}`, value), top: 500 });
}

const pendingRegion = (name: RegExp | string = /^To acknowledge/) => screen.findByRole('region', { name }, { timeout: 10_000 });
const historyRegion = () => screen.getByRole('region', { name: 'Acknowledged' });
const cardOf = (region: HTMLElement, docId: string) => within(region).getByRole('article', { name: new RegExp(`^${docId} `) });
const acknowledgeButton = () => screen.findByRole('button', { name: 'Acknowledge' }, { timeout: 10_000 });
const jacksPendingCount = async () => (await getHomeCounts(harness.clientAs(jack.userPrincipalName), { siteId, upn: jack.userPrincipalName, today: localCalendarDate() })).pendingAcknowledgements;

describe('My acknowledgements', () => {
  it('leads document controllers and the SMS manager to the campaigns, and nobody else', async () => {
    await open(tom);
    await pendingRegion(/^(To acknowledge|Nothing to acknowledge)/).catch(() => undefined);
    const link = await screen.findByRole('link', { name: 'All campaigns' }, { timeout: 10_000 });
    expect(link.getAttribute('href')).toBe('/acknowledgements/campaigns');
    cleanup();
    await open(jack);
    await pendingRegion('To acknowledge (2)');
    expect(screen.queryByRole('link', { name: 'All campaigns' })).toBeNull();
  });

  it('shows Jack his two pending policies with their due dates, nothing overdue, and an empty history, read in one $batch', async () => {
    harness.emulator.emu.requests.clear();
    await open(jack);
    const pending = await pendingRegion('To acknowledge (2)');
    // His requests and acknowledgements: one request each (UserUPN, indexed), both inside one $batch.
    const reads = harness.emulator.emu.requests.list().filter((e) => /\/lists\/(Acknowledgement Requests|Acknowledgements)\/items/.test(decodeURIComponent(e.path)));
    expect(reads.map((e) => [decodeURIComponent(e.path).includes('Requests'), e.inBatch])).toEqual(expect.arrayContaining([[true, true], [false, true]]));
    expect(reads).toHaveLength(2);
    const cards = within(pending).getAllByRole('article');
    expect(cards.map((c) => within(c).getByRole('heading').textContent)).toEqual(['SMS-POL-001 Service Management Policy', 'SMS-POL-002 Information Security Policy']);
    for (const [card, version] of [[cards[0]!, '3.0'], [cards[1]!, '4.0']] as const) {
      expect(within(card).getByText(`Version ${version}`)).toBeTruthy();
      expect(within(card).getByText(/^Due [A-Z][a-z]{2} \d{1,2}, \d{4}$/)).toBeTruthy();
      expect(within(card).queryByText('Overdue')).toBeNull();
    }
    expect(within(historyRegion()).getByText('You have not acknowledged anything yet.')).toBeTruthy();
  });

  it('says in words, not only in colour, that Sofia is overdue; in Chinese too', async () => {
    await open(sofia);
    const pending = await pendingRegion('To acknowledge (2)');
    for (const docId of ['SMS-POL-001', 'SMS-POL-002']) {
      const card = cardOf(pending, docId);
      expect(within(card).getByText('Overdue')).toBeTruthy();
      expect(within(card).getByText(/^Was due [A-Z][a-z]{2} \d{1,2}, \d{4}$/)).toBeTruthy();
    }
    cleanup();
    await open(sofia, '/acknowledgements', 'zh-CN');
    const zh = await pendingRegion('待确认（2）');
    expect(within(zh).getAllByText('已逾期')).toHaveLength(2);
  });

  it('opens the exact published version; one click acknowledges it, with the statement shown and the hash of the file; it moves to history and Home counts one less', async () => {
    expect(await jacksPendingCount()).toEqual({ state: 'counted', count: 2, more: false });
    await open(jack);
    const pending = await pendingRegion();
    await userEvent.setup().click(within(cardOf(pending, 'SMS-POL-001')).getByRole('button', { name: 'Read and acknowledge SMS-POL-001 version 3.0' }));
    // The Word file is previewed in a frame named after the version.
    expect(await screen.findByTitle('SMS-POL-001 version 3.0', {}, { timeout: 10_000 })).toBeTruthy();
    const statement = 'I have read and understood version 3.0 of SMS-POL-001 Service Management Policy.';
    expect(screen.getByText(statement)).toBeTruthy();
    const button = await acknowledgeButton();
    await waitFor(() => expect(button).toHaveProperty('disabled', false), { timeout: 10_000 });
    await userEvent.setup().click(button);

    expect((await screen.findByRole('status', {}, { timeout: 10_000 })).textContent).toContain('You acknowledged SMS-POL-001 version 3.0.');
    const after = await pendingRegion('To acknowledge (1)');
    expect(within(after).queryByRole('article', { name: /^SMS-POL-001 / })).toBeNull();
    expect(within(historyRegion()).getByText('SMS-POL-001 Service Management Policy')).toBeTruthy();

    // The evidence: one acknowledgement, written by Jack, with the statement shown and the hash of the published file.
    const acks = (await itemsOf('Acknowledgements', 'UserUPN', jack.userPrincipalName)).filter((a) => a.fields?.DocId === 'SMS-POL-001');
    expect(acks).toHaveLength(1);
    expect((acks[0]!.createdBy?.user as { email?: string } | undefined)?.email?.toLowerCase()).toBe(jack.userPrincipalName.toLowerCase());
    expect(acks[0]!.fields!).toMatchObject({ VersionLabel: '3.0', AttestationText: statement, Channel: 'App' });
    const release = (await itemsOf('Document Releases', 'DocId', 'SMS-POL-001')).find((r) => r.fields?.VersionLabel === '3.0')!;
    expect(acks[0]!.fields!.FileHash).toBe(String(release.fields!.FileHash).toLowerCase());

    // Home: one pending acknowledgement less, at once.
    expect(await jacksPendingCount()).toEqual({ state: 'counted', count: 1, more: false });
    cleanup();
    await open(jack, '/');
    const home = await screen.findByRole('region', { name: 'My pending acknowledgements' }, { timeout: 10_000 });
    expect(within(home).getByText('1')).toBeTruthy();
  });

  it('writes one acknowledgement for a double click', async () => {
    await open(jack, '/acknowledgements?release=' + (await releaseIdOf('SMS-POL-002', '4.0')));
    const button = await acknowledgeButton();
    await waitFor(() => expect(button).toHaveProperty('disabled', false), { timeout: 10_000 });
    harness.emulator.emu.requests.clear();
    await userEvent.setup().dblClick(button);
    expect((await screen.findByRole('status', {}, { timeout: 10_000 })).textContent).toContain('You acknowledged SMS-POL-002 version 4.0.');
    const creates = harness.emulator.emu.requests.list().filter((e) => e.method === 'POST' && decodeURIComponent(e.path).includes('/lists/Acknowledgements/items'));
    expect(creates).toHaveLength(1);
    const acks = (await itemsOf('Acknowledgements', 'UserUPN', jack.userPrincipalName)).filter((a) => a.fields?.DocId === 'SMS-POL-002');
    expect(acks).toHaveLength(1);
    await pendingRegion('To acknowledge (0)');
    expect(screen.getByText('Nothing to acknowledge')).toBeTruthy();
    expect(within(historyRegion()).getAllByRole('listitem')).toHaveLength(2);
  });

  it('keeps the request and what was shown when the write fails, and "Try again" records it once', async () => {
    await open(aisha);
    const pending = await pendingRegion('To acknowledge (1)');
    await userEvent.setup().click(within(cardOf(pending, 'SMS-POL-002')).getByRole('button', { name: /^Read and acknowledge/ }));
    const button = await acknowledgeButton();
    await waitFor(() => expect(button).toHaveProperty('disabled', false), { timeout: 10_000 });
    let failed = 0;
    harness.server.use(
      http.post(`${ORIGIN}/v1.0/sites/:site/lists/:list/items`, ({ params }) => {
        if (decodeURIComponent(String(params.list)) !== 'Acknowledgements' || failed > 0) return undefined;
        failed++;
        return HttpResponse.json({ error: { code: 'generalException', message: 'Something went wrong.' } }, { status: 500 });
      }),
    );
    await userEvent.setup().click(button);
    expect(await screen.findByText(/Your acknowledgement of SMS-POL-002 version 4\.0 was not recorded\./, {}, { timeout: 10_000 })).toBeTruthy();
    expect(failed).toBe(1);
    // Still open, with the statement and the file.
    expect(within(await pendingRegion('To acknowledge (1)')).getByRole('article', { name: /^SMS-POL-002 / })).toBeTruthy();
    expect(screen.getByText(/^I have read and understood version 4\.0 of SMS-POL-002/)).toBeTruthy();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Try again' }));
    expect((await screen.findByRole('status', {}, { timeout: 10_000 })).textContent).toContain('You acknowledged SMS-POL-002 version 4.0.');
    expect((await itemsOf('Acknowledgements', 'UserUPN', aisha.userPrincipalName)).filter((a) => a.fields?.DocId === 'SMS-POL-002')).toHaveLength(1);
  });

  it('opens the request a Teams deep link names (sub-page id ack:<release>) from the personal tab', async () => {
    const release = await releaseIdOf('SMS-POL-002', '4.0');
    await open(sofia, `/tab/my?host=teams&sub=ack:${release}`);
    expect(await screen.findByText('I have read and understood version 4.0 of SMS-POL-002 Information Security Policy.', {}, { timeout: 10_000 })).toBeTruthy();
    const card = cardOf(await pendingRegion('To acknowledge (2)'), 'SMS-POL-002');
    expect(within(card).getByRole('button', { name: 'Close' }).getAttribute('aria-expanded')).toBe('true');
    expect(within(card).getByRole('button', { name: 'Acknowledge' })).toBeTruthy();
  });

  it('a deep link to a release already acknowledged says so', async () => {
    await open(tom, '/acknowledgements?release=' + (await releaseIdOf('SMS-POL-001', '3.0')));
    expect(await screen.findByText(/^You acknowledged SMS-POL-001 version 3\.0 on /, {}, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByText('Nothing to acknowledge')).toBeTruthy();
  });
});

describe('a refusal', () => {
  it('explains why when an acknowledgement under the person’s key was written by someone else, and records nothing', async () => {
    const release = await releaseIdOf('SMS-POL-001', '3.0');
    const sofiaId = (await getMe(harness.clientAs(sofia.userPrincipalName))).id!.toLowerCase();
    // The SMS manager writes an "acknowledgement" in Sofia's name: it is not evidence, so her request stays open.
    await createItem(harness.clientAs(tom.userPrincipalName), siteId, 'Acknowledgements', {
      Title: 'forged',
      AckKey: `${release}:${sofiaId}`,
      DocumentVersionId: release,
      DocId: 'SMS-POL-001',
      VersionLabel: '3.0',
      UserId: sofiaId,
      UserUPN: sofia.userPrincipalName.toLowerCase(),
      AcknowledgedOn: new Date().toISOString(),
    });
    await open(sofia, `/acknowledgements?release=${release}`);
    const button = await acknowledgeButton();
    await waitFor(() => expect(button).toHaveProperty('disabled', false), { timeout: 10_000 });
    await userEvent.setup().click(button);
    expect(await screen.findByText('Cannot acknowledge', {}, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByText(/under your name exists but was not written by you, or was changed\. Ask the SMS manager to look into it\./)).toBeTruthy();
    expect(within(await pendingRegion('To acknowledge (2)')).getByRole('article', { name: /^SMS-POL-001 / })).toBeTruthy();
    expect((await itemsOf('Acknowledgements', 'UserUPN', sofia.userPrincipalName)).filter((a) => a.fields?.DocId === 'SMS-POL-001')).toHaveLength(1);
  });
});

describe('the document page', () => {
  it('offers Ben the same action for his overdue SMS-POL-002, and nothing to someone who has acknowledged it', async () => {
    await open(ben, '/documents/SMS-POL-002');
    const part = await screen.findByRole('region', { name: 'Acknowledgement' }, { timeout: 15_000 });
    expect(within(part).getByText(/^Overdue: you were asked to read and acknowledge version 4\.0 by /)).toBeTruthy();
    const button = await within(part).findByRole('button', { name: 'Acknowledge' });
    await waitFor(() => expect(button).toHaveProperty('disabled', false), { timeout: 10_000 });
    await userEvent.setup().click(button);
    expect((await within(part).findByRole('status', {}, { timeout: 10_000 })).textContent).toContain('You acknowledged SMS-POL-002 version 4.0.');
    expect((await itemsOf('Acknowledgements', 'UserUPN', ben.userPrincipalName)).filter((a) => a.fields?.DocId === 'SMS-POL-002')).toHaveLength(1);

    cleanup();
    await open(tom, '/documents/SMS-POL-002');
    await screen.findByRole('heading', { level: 1, name: /^SMS-POL-002 / }, { timeout: 15_000 });
    await screen.findByRole('region', { name: 'Details' }, { timeout: 10_000 });
    expect(screen.queryByRole('region', { name: 'Acknowledgement' })).toBeNull();
  });
});

/** The item id of a release in `Document Releases`. */
async function releaseIdOf(docId: string, version: string): Promise<number> {
  const releases = await itemsOf('Document Releases', 'DocId', docId);
  const r = releases.find((x) => x.fields?.VersionLabel === version);
  if (!r?.id) throw new Error(`No release ${docId} ${version}`);
  return Number(r.id);
}
