import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { ensureDemoContent } from '../../../../../scripts/demo/firstStart.js';
import { CONFIG, ORIGIN, demoPerson, startHarness, type Harness } from '../../../../../tests/support/appHarness.js';
import { installLayoutShims } from '../../../../../tests/support/jsdom.js';
import { App } from '../../../../app/App.js';
import { signInToEmulator } from '../../../../app/auth/devSignIn.js';
import { APP_SCOPES } from '../../../../app/auth/scopes.js';
import { createI18n } from '../../../../app/i18n/i18n.js';
import { Competence } from './Competence.js';

/**
 * The competence view on the demo tenant: role requirements (the service desk induction is mandatory for every
 * employee), competence records (Jack's induction in progress, Fiona's Azure certificate expiring in 25 days) and
 * the SMS Roles appointments, as Tom (SMS manager: everyone) and Jack (employee: himself) see it.
 */
const tom = demoPerson('Tom', 'Whitaker');
const jack = demoPerson('Jack', 'Turner');
const omar = demoPerson('Omar', 'Haddad');
let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
  await ensureDemoContent({ origin: ORIGIN, graphBaseUrl: CONFIG.graphBaseUrl, log: () => undefined });
}, 120_000);
afterEach(() => cleanup());
afterAll(() => harness.close());

async function open(user: typeof tom, path = '/registers/competence') {
  installLayoutShims();
  const session = await signInToEmulator(ORIGIN, user, APP_SCOPES);
  render(
    <MemoryRouter initialEntries={[path]}>
      <App config={CONFIG} host={{ kind: 'browser', embedded: false }} i18n={createI18n('en')} testing={{ queryRetry: false, graphRetry: { maxRetries: 0 }, session }} content={<Competence />} />
    </MemoryRouter>,
  );
  await screen.findByRole('heading', { level: 2, name: 'Records expiring within 60 days' }, { timeout: 20_000 });
}

/** The gaps of one person in the gaps table. */
const gapsOf = (name: string) => {
  const table = screen.getByRole('table', { name: 'Gaps against SMS roles' });
  const row = within(table).getByRole('link', { name: `Details for ${name}` }).closest('tr')!;
  return [...row.querySelectorAll('td')[2]!.querySelectorAll('li')].map((li) => li.textContent);
};

describe('Competence and awareness', () => {
  it("shows the SMS manager everyone's gaps against their roles, the records expiring within 60 days and the requirements", async () => {
    await open(tom, '/registers/competence?show=expiring');
    expect(screen.getByText(/^What each SMS role needs \(7\.2\)/)).toBeTruthy();
    // Home's link opens the page at the records expiring soon.
    expect(document.activeElement?.textContent).toBe('Records expiring within 60 days');
    const expiring = screen.getByRole('table', { name: 'Records expiring within 60 days' });
    const rows = within(expiring).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(1);
    expect([...rows[0]!.querySelectorAll('td')].slice(0, 3).map((c) => c.textContent)).toEqual(['CR-2025-0007', 'Fiona McAllister', 'Azure Administrator Associate']);
    expect(within(rows[0]!).getByRole('link', { name: 'CR-2025-0007' }).getAttribute('href')).toMatch(/^\/registers\/competenceRecords\/\d+$/);

    // Jack's mandatory induction is in progress; Omar (internal auditor and employee) has his auditor certificate but no induction record.
    expect(gapsOf('Jack Turner')).toEqual(['Kestrel service desk induction: in progress']);
    expect(gapsOf('Omar Haddad')).toEqual(['Kestrel service desk induction: no record']);
    // Priya's mandatory internal auditor certificate is valid: no gap.
    const priyaRow = within(screen.getByRole('table', { name: 'Gaps against SMS roles' })).getByRole('link', { name: 'Details for Priya Nair' }).closest('tr')!;
    expect(priyaRow.querySelectorAll('td')[2]!.textContent).toBe('None');
    expect(priyaRow.querySelectorAll('td')[1]!.textContent).toContain('Internal auditor');

    const requirements = screen.getByRole('table', { name: 'Requirements per role' });
    expect(within(requirements).getAllByRole('row')).toHaveLength(6);
    expect(within(screen.getByRole('table', { name: 'Competence records' })).getAllByRole('row')).toHaveLength(8);
  }, 60_000);

  it("shows one person's records, gaps and policy acknowledgements as awareness evidence", async () => {
    await open(tom, `/registers/competence?person=${encodeURIComponent(omar.userPrincipalName)}`);
    const panel = screen.getByRole('region', { name: 'Omar Haddad: competence and awareness' });
    expect(within(panel).getByText(/^SMS roles: /).textContent).toMatch(/Internal auditor/);
    expect(within(panel).getByText('Kestrel service desk induction: no record')).toBeTruthy();
    expect(within(within(panel).getByRole('table', { name: 'Competence records: Omar Haddad' })).getByRole('link', { name: 'CR-2025-0001' })).toBeTruthy();
    const awareness = await within(panel).findByRole('table', { name: 'Awareness evidence: policy acknowledgements' }, { timeout: 15_000 });
    expect(within(awareness).getAllByRole('link').some((a) => a.textContent?.startsWith('SMS-POL-001 '))).toBe(true);
  }, 60_000);

  it('shows an employee only their own records, gaps and acknowledgements', async () => {
    await open(jack);
    expect(screen.getByText(/^Your competence records, your gaps/)).toBeTruthy();
    expect(screen.queryByRole('table', { name: 'Gaps against SMS roles' })).toBeNull();
    expect(screen.getByText('No valid record expires within 60 days.')).toBeTruthy();
    const panel = screen.getByRole('region', { name: 'Jack Turner: competence and awareness' });
    expect(within(panel).getByText('Kestrel service desk induction: in progress')).toBeTruthy();
    const records = within(within(panel).getByRole('table', { name: 'Competence records: Jack Turner' })).getAllByRole('row').slice(1);
    expect(records.map((r) => r.querySelector('td')!.textContent)).toEqual(['CR-2025-0006']);
    // A new joiner: his acknowledgement of the policy is still to come.
    expect(await within(panel).findByText(/^Still to acknowledge: \d+\.$/, undefined, { timeout: 15_000 })).toBeTruthy();
  }, 60_000);
});
