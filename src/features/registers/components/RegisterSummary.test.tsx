import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { ensureDemoContent } from '../../../../scripts/demo/firstStart.js';
import { CONFIG, ORIGIN, demoPerson, startHarness, type Harness } from '../../../../tests/support/appHarness.js';
import { installLayoutShims, installSvgTextShims } from '../../../../tests/support/jsdom.js';
import { App } from '../../../app/App.js';
import { signInToEmulator } from '../../../app/auth/devSignIn.js';
import { APP_SCOPES } from '../../../app/auth/scopes.js';
import { createI18n } from '../../../app/i18n/i18n.js';
import { RegisterSummary } from './RegisterSummary.js';

/**
 * The pictures above the demo Risk Register and Objectives (demo data: RSK-001 residual 3 × 3, RSK-002 and
 * RSK-006 2 × 4, RSK-003 3 × 4, RSK-005 2 × 3, RSK-004 not rated; five active objectives), as Tom sees them.
 */
const tom = demoPerson('Tom', 'Whitaker');
let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
  await ensureDemoContent({ origin: ORIGIN, graphBaseUrl: CONFIG.graphBaseUrl, log: () => undefined });
}, 120_000);
afterEach(() => cleanup());
afterAll(() => harness.close());

async function show(register: string) {
  installLayoutShims();
  installSvgTextShims();
  const session = await signInToEmulator(ORIGIN, tom, APP_SCOPES);
  render(
    <MemoryRouter initialEntries={[`/registers/${register}`]}>
      <App
        config={CONFIG}
        host={{ kind: 'browser', embedded: false }}
        i18n={createI18n('en')}
        testing={{ queryRetry: false, graphRetry: { maxRetries: 0 }, session }}
        content={
          <>
            <RegisterSummary register={register} />
            <p>End of the page</p>
          </>
        }
      />
    </MemoryRouter>,
  );
}

/** The table row of one likelihood, as [header, …cells] text. */
const rowOf = (table: HTMLElement, likelihood: number) => {
  const header = within(table).getByRole('rowheader', { name: `Likelihood ${likelihood}` });
  return header.closest('tr')!;
};

describe('Register summary', () => {
  it('draws the risks by residual likelihood and impact, with a table whose counts link to the filtered list', async () => {
    await show('risks');
    expect(await screen.findByRole('heading', { level: 2, name: 'Risk heat map (residual rating)' }, { timeout: 15_000 })).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Risks by likelihood and impact. Select a count to list those risks.' });
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Likelihood \\ impact', 'Impact 1', 'Impact 2', 'Impact 3', 'Impact 4', 'Impact 5']);
    expect(within(table).getAllByRole('rowheader').map((h) => h.textContent)).toEqual(['Likelihood 5', 'Likelihood 4', 'Likelihood 3', 'Likelihood 2', 'Likelihood 1']);

    const twoByFour = within(rowOf(table, 2)).getByRole('link', { name: 'Likelihood 2, impact 4 (Medium): 2 risks' });
    expect(twoByFour.textContent).toBe('2');
    expect(twoByFour.getAttribute('href')).toBe('/registers/risks?ResidualLikelihood=2&ResidualImpact=4');
    // Each risk in a cell links to its record.
    const cell24 = twoByFour.closest('td')!;
    expect(within(cell24).getAllByRole('link').slice(1).map((a) => a.textContent)).toEqual(['RSK-002', 'RSK-006']);
    expect(within(cell24).getByRole('link', { name: 'RSK-002' }).getAttribute('href')).toMatch(/^\/registers\/risks\/\d+$/);
    expect(within(rowOf(table, 3)).getByRole('link', { name: 'Likelihood 3, impact 4 (High): 1 risks' }).getAttribute('href')).toBe('/registers/risks?ResidualLikelihood=3&ResidualImpact=4');
    expect(within(rowOf(table, 3)).getByRole('link', { name: 'Likelihood 3, impact 3 (Medium): 1 risks' })).toBeTruthy();
    expect(within(rowOf(table, 2)).getByRole('link', { name: 'Likelihood 2, impact 3 (Medium): 1 risks' })).toBeTruthy();
    // Empty cells are a plain 0, not a link; five links in all (one per occupied cell) besides the risks' own.
    expect(within(rowOf(table, 5)).queryAllByRole('link')).toHaveLength(0);
    expect(within(table).getAllByRole('link', { name: /^Likelihood \d, impact \d/ })).toHaveLength(4);
    expect(screen.getByText('Not rated yet (1): RSK-004')).toBeTruthy();
    expect(screen.getByText('Low: 0')).toBeTruthy();
    expect(screen.getByText('Medium: 4')).toBeTruthy();
    expect(screen.getByText('High: 1')).toBeTruthy();
    // The chart itself: one focusable cell per likelihood × impact, named as the table names it.
    expect(screen.getByRole('listbox', { name: '25 cells' })).toBeTruthy();
    expect(screen.getByRole('option', { name: 'Likelihood 2, impact 4 (Medium): 2 risks' })).toBeTruthy();
  }, 60_000);

  it("shows each objective's progress towards its target, with the counts by RAG linking to the filtered list", async () => {
    await show('objectives');
    expect(await screen.findByRole('heading', { level: 2, name: 'Objectives: progress towards target' }, { timeout: 15_000 })).toBeTruthy();
    const table = screen.getByRole('table', { name: "Each objective's baseline, target, current value and progress." });
    const progress = Object.fromEntries(
      within(table)
        .getAllByRole('row')
        .slice(1)
        .map((r) => [within(r).getByRole('rowheader').querySelector('a')!.textContent, [...r.querySelectorAll('td')].map((c) => c.textContent)]),
    );
    expect(progress['OBJ-2026-01']).toEqual(['91 %', '95 %', '92.8 %', '45%', 'Not yet']);
    expect(progress['OBJ-2026-03']).toEqual(['95.5 %', '97 %', '97.4 %', '100%', 'Met']);
    expect(progress['OBJ-2026-04']?.slice(3)).toEqual(['40%', 'Not yet']);
    expect(screen.getByRole('link', { name: 'On track: 3. Show these objectives' }).getAttribute('href')).toBe('/registers/objectives?RAG=On+track');
    expect(screen.getByRole('link', { name: 'Off track: 1. Show these objectives' }).getAttribute('href')).toBe('/registers/objectives?RAG=Off+track');
  }, 60_000);

  it('shows nothing for a register without a picture', async () => {
    await show('suppliers');
    await screen.findByText('End of the page', undefined, { timeout: 15_000 });
    expect(screen.queryByRole('heading', { level: 2 })).toBeNull();
    expect(screen.queryByRole('table')).toBeNull();
  }, 60_000);
});
