import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import ExcelJS from 'exceljs';
import { upnOf } from '../../../../../emulator/seed/tenant.js';
import { updateItemFields } from '../../../../../graph/lists/items.js';
import { getSiteByUrl } from '../../../../../graph/sites/sites.js';
import { ensureDemoContent } from '../../../../../scripts/demo/firstStart.js';
import { CONFIG, ORIGIN, demoPerson, startHarness, type Harness } from '../../../../../tests/support/appHarness.js';
import { installLayoutShims } from '../../../../../tests/support/jsdom.js';
import { App } from '../../../../app/App.js';
import { signInToEmulator } from '../../../../app/auth/devSignIn.js';
import { APP_SCOPES } from '../../../../app/auth/scopes.js';
import { DEMO_SMS_SITE_URL } from '../../../../app/config.js';
import { createI18n } from '../../../../app/i18n/i18n.js';
import { findRequest, loadCampaigns, loadReleaseAcknowledgements } from '../../../../platform/acknowledgements/read.js';
import { ackKey, type AckCampaign } from '../../../../domain/acknowledgements/index.js';
import type { SavedFile } from '../../../../ui/export/index.js';
import { Report } from './Report.js';
import { parseCsv } from '../../../../../tests/support/csv.js';

/**
 * The compliance report of SMS-POL-001 3.0 on the demo tenant (16 staff asked; Jack pending as a new joiner,
 * Sofia overdue), as Tom (SMS manager) and Priya (document controller) see it, against the emulator.
 */
const tom = demoPerson('Tom', 'Whitaker');
const priya = demoPerson('Priya', 'Nair');

let harness: Harness;
let siteId: string;
let campaign: AckCampaign;

beforeAll(async () => {
  harness = await startHarness();
  await ensureDemoContent({ origin: ORIGIN, graphBaseUrl: CONFIG.graphBaseUrl, log: () => undefined });
  const client = harness.clientAs(tom.userPrincipalName);
  siteId = (await getSiteByUrl(client, DEMO_SMS_SITE_URL)).id!;
  campaign = (await loadCampaigns(client, { siteId, listIds: {} }, { docId: 'SMS-POL-001' })).find((c) => c.versionLabel === '3.0')!;
}, 120_000);
afterEach(() => cleanup());
afterAll(() => harness.close());

async function openReport(user: typeof tom, saved: SavedFile[] = []) {
  installLayoutShims();
  const session = await signInToEmulator(ORIGIN, user, APP_SCOPES);
  render(
    <MemoryRouter initialEntries={[`/acknowledgements/campaigns/${campaign.id}`]}>
      <App
        config={CONFIG}
        host={{ kind: 'browser', embedded: false }}
        i18n={createI18n('en')}
        testing={{ queryRetry: false, graphRetry: { maxRetries: 0 }, session }}
        content={<Report target={{ campaignId: campaign.id }} saveFile={(f) => saved.push(f)} />}
      />
    </MemoryRouter>,
  );
  await screen.findByRole('heading', { level: 2, name: 'Figures' }, { timeout: 15_000 });
  return saved;
}

const figureLink = (label: string, count: number) => screen.getByRole('link', { name: `${label}: ${count}. Show these people` });
const peopleTable = () => screen.getByRole('table', { name: /^People: / });
const namesInTable = () =>
  within(peopleTable())
    .getAllByRole('row')
    .slice(1)
    .map((r) => within(r).getAllByRole('cell')[0]!.textContent);

describe('Compliance report of a campaign', () => {
  it('shows Tom the live figures after checking the campaign, drills down by status, and exports the table as CSV and Excel', async () => {
    const user = userEvent.setup();
    // Sofia's stored status lags behind (the daily job has not marked her overdue yet).
    const client = harness.clientAs(tom.userPrincipalName);
    const site = { siteId, listIds: {} };
    const sofia = (await loadReleaseAcknowledgements(client, site, campaign.releaseId, { today: '2000-01-01' })).requests.find((r) => r.userName === 'Sofia Almeida')!;
    await updateItemFields(client, siteId, 'Acknowledgement Requests', sofia.id, { RequestStatus: 'Pending' }, sofia.etag!);

    const saved = await openReport(tom);
    expect(screen.getByRole('heading', { level: 1, name: 'Compliance report: SMS-POL-001 3.0' })).toBeTruthy();
    // The SMS manager's opening ran the campaign's reconciliation first ("the same check runs when a controller
    // opens the campaign"): Sofia's request is stored as overdue again.
    expect((await findRequest(client, site, sofia.key))?.status).toBe('Overdue');

    expect(figureLink('Targeted', 16)).toBeTruthy();
    expect(figureLink('Acknowledged', 14)).toBeTruthy();
    expect(figureLink('Pending', 1)).toBeTruthy();
    expect(figureLink('Overdue', 1)).toBeTruthy();
    expect(figureLink('Waived', 0)).toBeTruthy();
    expect(screen.getByText('14 of 16 acknowledged (87% including waived).')).toBeTruthy();
    // Who is outstanding: the drill-down shows them first.
    expect(namesInTable()).toEqual(['Jack Turner', 'Sofia Almeida']);
    // Every department's counts too, in a table with headers; a count there filters the people to that department.
    const departments = screen.getByRole('table', { name: 'By department' });
    expect(within(departments).getByRole('columnheader', { name: 'Department' })).toBeTruthy();
    const sofiaDepartment = within(peopleTable()).getByText('Sofia Almeida').closest('tr')!.querySelectorAll('td')[2]!.textContent!;
    await user.click(within(departments).getByRole('link', { name: `Overdue in ${sofiaDepartment}: 1. Show these people` }));
    await waitFor(() => expect(screen.getByRole('heading', { level: 2, name: `People: Overdue, ${sofiaDepartment}` })).toBeTruthy());
    expect(namesInTable()).toEqual(['Sofia Almeida']);
    await user.click(screen.getByRole('button', { name: 'All departments' }));
    // By audience group: the campaign asked SMS-AllStaff (nested groups resolved through Graph).
    const groups = await screen.findByRole('table', { name: 'By audience group' }, { timeout: 10_000 });
    const allStaff = within(groups).getByRole('cell', { name: 'SMS-AllStaff' }).closest('tr')!;
    expect([...allStaff.querySelectorAll('td')].map((c) => c.textContent)).toEqual(['SMS-AllStaff', '16', '14', '1', '1', '0', '0']);

    await user.click(figureLink('Overdue', 1));
    await waitFor(() => expect(namesInTable()).toEqual(['Sofia Almeida']));
    expect(screen.getByRole('heading', { level: 2, name: 'People: Overdue' })).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    const csv = saved[0]!;
    expect(csv.name).toMatch(/^SMS-POL-001-3\.0-overdue-\d{4}-\d{2}-\d{2}\.csv$/);
    const records = parseCsv(new TextDecoder().decode(csv.bytes).replace(/^\uFEFF/, ''));
    expect(records[0]).toEqual(['Name', 'User name', 'Department', 'Status', 'Due', 'Acknowledged on', 'Late', 'Reason']);
    expect(records.slice(1).map((r) => [r[0], r[1], r[3], r[4]])).toEqual([['Sofia Almeida', upnOf({ given: 'Sofia', surname: 'Almeida' }).toLowerCase(), 'Overdue', campaign.dueDate]]);

    await user.click(figureLink('Acknowledged', 14));
    await waitFor(() => expect(namesInTable()).toHaveLength(14));
    await user.click(screen.getByRole('button', { name: 'Export Excel' }));
    await waitFor(() => expect(saved).toHaveLength(2));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(saved[1]!.bytes.buffer as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('Acknowledgements');
    expect(sheet.rowCount).toBe(15);
    const statuses = new Set<string>();
    sheet.eachRow((row, n) => {
      if (n > 1) statuses.add(String(row.getCell(4).value));
    });
    expect([...statuses]).toEqual(['Acknowledged']);
    // Acknowledged on is a real date cell.
    expect(sheet.getRow(2).getCell(6).value).toBeInstanceOf(Date);
  }, 60_000);

  it('Priya (document controller) sees the report but no Waive action', async () => {
    await openReport(priya);
    expect(figureLink('Overdue', 1)).toBeTruthy();
    expect(namesInTable()).toEqual(['Jack Turner', 'Sofia Almeida']);
    expect(screen.queryByRole('button', { name: /^Waive/ })).toBeNull();
    expect(within(peopleTable()).queryByRole('columnheader', { name: 'Actions' })).toBeNull();
  }, 60_000);

  it('is not for employees', async () => {
    installLayoutShims();
    const session = await signInToEmulator(ORIGIN, demoPerson('Jack', 'Turner'), APP_SCOPES);
    render(
      <MemoryRouter initialEntries={[`/acknowledgements/campaigns/${campaign.id}`]}>
        <App config={CONFIG} host={{ kind: 'browser', embedded: false }} i18n={createI18n('en')} testing={{ queryRetry: false, graphRetry: { maxRetries: 0 }, session }} content={<Report target={{ campaignId: campaign.id }} />} />
      </MemoryRouter>,
    );
    expect(await screen.findByText(/^Compliance reports are for top management, the SMS manager/, undefined, { timeout: 15_000 })).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  }, 60_000);

  it('lets Tom waive Sofia only with a reason, and counts her as waived', async () => {
    const user = userEvent.setup();
    await openReport(tom);
    await user.click(screen.getByRole('button', { name: 'Waive the request to Sofia Almeida' }));
    const dialog = await screen.findByRole('dialog', { name: "Waive Sofia Almeida's acknowledgement?" });
    await user.click(within(dialog).getByRole('button', { name: 'Waive' }));
    expect(await within(dialog).findByText('Give the reason for waiving: it is kept as evidence of the decision.')).toBeTruthy();
    const client = harness.clientAs(tom.userPrincipalName);
    const records = await loadReleaseAcknowledgements(client, { siteId, listIds: {} }, campaign.releaseId, { today: '2000-01-01' });
    const sofia = records.requests.find((r) => r.userName === 'Sofia Almeida')!;
    expect((await findRequest(client, { siteId, listIds: {} }, sofia.key))?.status).not.toBe('Waived');

    await user.type(within(dialog).getByRole('textbox', { name: /Reason/ }), 'On long-term leave until March.');
    await user.click(within(dialog).getByRole('button', { name: 'Waive' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull(), { timeout: 10_000 });
    await waitFor(() => expect(figureLink('Waived', 1)).toBeTruthy(), { timeout: 10_000 });
    expect(figureLink('Overdue', 0)).toBeTruthy();
    expect(namesInTable()).toEqual(['Jack Turner']);
    const stored = await findRequest(client, { siteId, listIds: {} }, ackKey(campaign.releaseId, sofia.userId));
    expect(stored?.status).toBe('Waived');
    expect(stored?.reason).toBe('On long-term leave until March.');
  }, 60_000);
});
