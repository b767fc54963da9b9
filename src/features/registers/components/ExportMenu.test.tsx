import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import ExcelJS from 'exceljs';
import { ensureDemoContent } from '../../../../scripts/demo/firstStart.js';
import { CONFIG, ORIGIN, demoPerson, startHarness, type Harness } from '../../../../tests/support/appHarness.js';
import { parseCsv } from '../../../../tests/support/csv.js';
import { installLayoutShims } from '../../../../tests/support/jsdom.js';
import { App } from '../../../app/App.js';
import { signInToEmulator } from '../../../app/auth/devSignIn.js';
import { APP_SCOPES } from '../../../app/auth/scopes.js';
import { createI18n } from '../../../app/i18n/i18n.js';
import type { RegisterRecord } from '../../../platform/registers/index.js';
import type { SavedFile } from '../../../ui/export/index.js';
import { registerConfig } from '../services/catalog.js';
import { ExportMenu } from './ExportMenu.js';

/** Export of the demo Risk Register (six risks) as Tom, against the emulator. */
const tom = demoPerson('Tom', 'Whitaker');
const marcus = demoPerson('Marcus', 'Chen');
let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
  await ensureDemoContent({ origin: ORIGIN, graphBaseUrl: CONFIG.graphBaseUrl, log: () => undefined });
}, 120_000);
afterEach(() => cleanup());
afterAll(() => harness.close());

async function open(rows: readonly RegisterRecord[], saved: SavedFile[]) {
  installLayoutShims();
  const session = await signInToEmulator(ORIGIN, tom, APP_SCOPES);
  render(
    <MemoryRouter initialEntries={['/registers']}>
      <App
        config={CONFIG}
        host={{ kind: 'browser', embedded: false }}
        i18n={createI18n('en')}
        testing={{ queryRetry: false, graphRetry: { maxRetries: 0 }, session }}
        content={<ExportMenu register={registerConfig('risks')!} rows={rows} saveFile={(f) => saved.push(f)} />}
      />
    </MemoryRouter>,
  );
  const user = userEvent.setup();
  const button = await screen.findByRole('button', { name: 'Export' }, { timeout: 15_000 });
  await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(false), { timeout: 15_000 });
  return { user, button };
}

describe('Exporting a register', () => {
  it('writes the whole register with every column as CSV (people as user names, lookups as Ref – Title) and as Excel', async () => {
    const saved: SavedFile[] = [];
    const { user, button } = await open([], saved);
    await user.click(button);
    // Nothing is shown in the list: only the whole register can be exported.
    expect((screen.getAllByRole('menuitem', { name: 'CSV file' })[0] as HTMLElement).getAttribute('aria-disabled')).toBe('true');
    await user.click(screen.getAllByRole('menuitem', { name: 'CSV file' })[1]!);
    await waitFor(() => expect(saved).toHaveLength(1), { timeout: 15_000 });
    expect(saved[0]!.name).toMatch(/^risks-all-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(await screen.findByText(/^Exported 6 records to risks-all-/)).toBeTruthy();
    const [header, ...rows] = parseCsv(new TextDecoder().decode(saved[0]!.bytes).replace(/^\uFEFF/, ''));
    expect(header!.slice(0, 4)).toEqual(['Title', 'Ref', 'Status', 'Owner']);
    expect(rows).toHaveLength(6);
    const at = (name: string) => header!.indexOf(name);
    const rsk003 = rows.find((r) => r[at('Ref')] === 'RSK-003')!;
    expect(rsk003[at('Owner')]!.toLowerCase()).toBe(marcus.userPrincipalName.toLowerCase());
    expect(rsk003[at('Status')]).toBe('Treatment planned');
    expect(rsk003[header!.findIndex((h) => /^residual score$/i.test(h))]).toBe('12');
    const process = rsk003[header!.findIndex((h) => /^process$/i.test(h))]!;
    expect(process).toMatch(/^PRC-13 – /);

    await user.click(button);
    await user.click(screen.getAllByRole('menuitem', { name: 'Excel workbook' })[1]!);
    await waitFor(() => expect(saved).toHaveLength(2), { timeout: 15_000 });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(saved[1]!.bytes.buffer as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(7);
    // Review dates are real dates in Excel.
    const reviewColumn = header!.findIndex((h) => /review date/i.test(h)) + 1;
    expect(sheet.getRow(2).getCell(reviewColumn).value).toBeInstanceOf(Date);
  }, 60_000);
});
