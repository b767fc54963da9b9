import { describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClientProvider } from '@tanstack/react-query';
import { AppProviders } from '../../../../app/App.js';
import { signInToEmulator } from '../../../../app/auth/devSignIn.js';
import { APP_SCOPES } from '../../../../app/auth/scopes.js';
import { createI18n, type Language } from '../../../../app/i18n/i18n.js';
import { createQueryClient } from '../../../../app/query/queryClient.js';
import { ORIGIN, demoPerson, renderApp } from '../../../../../tests/support/appHarness.js';
import { demo, useRegistersHarness } from '../../../../../tests/support/registersHarness.js';
import { RouterLink } from '../../../../app/shell/RouterLink.js';
import { MemoryRouter } from 'react-router';
import { registerConfig } from '../../services/catalog.js';
import { refOf } from '../../services/records.js';
import { RegisterList } from './RegisterList.js';

/**
 * The register index and a register's list against the emulator with the demo site: every register
 * linked with its clauses; the list's filters (status, owner, from the address), search, and "Load
 * more" through the engine, each load one request of a page's size.
 */
const bed = useRegistersHarness();
const marcus = demoPerson('Marcus', 'Chen');

async function openAsApp(path: string, user = marcus) {
  await import('../../index.js');
  renderApp({ path, session: await signInToEmulator(ORIGIN, user, APP_SCOPES) });
}

const tableRows = (name: string) => within(screen.getByRole('table', { name })).getAllByRole('row').slice(1);
const firstCells = (name: string) => tableRows(name).map((r) => within(r).getAllByRole('cell')[0]!.textContent);

/** GET requests for the items of a list, with their query. */
function itemRequests(list: string) {
  return bed.h.emulator.emu.requests
    .list()
    .filter((e) => e.method === 'GET' && e.path.includes(`/lists/${encodeURIComponent(list)}/items?`))
    .map((e) => new URLSearchParams(e.path.split('?')[1] ?? ''));
}

function renderList(register: string, opts: { pageSize?: number; language?: Language } = {}) {
  const config = registerConfig(register)!;
  render(
    <QueryClientProvider client={createQueryClient({ retry: false })}>
      <AppProviders host={null} i18n={createI18n(opts.language ?? 'en')}>
        <MemoryRouter>
          <RegisterList
            config={config}
            client={bed.h.clientAs(demo.marcus)}
            siteId={bed.siteId}
            timeZone="UTC"
            pageSize={opts.pageSize}
            renderRecordLink={(record, children) => <RouterLink to={`/registers/${register}/${record.id}`}>{children ?? refOf(record)}</RouterLink>}
          />
        </MemoryRouter>
      </AppProviders>
    </QueryClientProvider>,
  );
}

describe('register index', () => {
  it('lists every register with its clauses, each name a link to its list, and the competence view', async () => {
    await openAsApp('/registers');
    expect(await screen.findByRole('heading', { level: 1, name: 'Registers' }, { timeout: 10_000 })).toBeTruthy();
    const link = screen.getByRole('link', { name: 'Nonconformities' });
    expect(link.getAttribute('href')).toBe('/registers/nonconformities');
    expect(screen.getByRole('link', { name: 'Risk register' }).getAttribute('href')).toBe('/registers/risks');
    expect(screen.getByRole('link', { name: 'Competence' }).getAttribute('href')).toBe('/registers/competence');
    expect(screen.getByText('Clauses 10.1')).toBeTruthy();

    await userEvent.click(link);
    expect(await screen.findByRole('heading', { level: 1, name: 'Nonconformities' })).toBeTruthy();
    await screen.findByRole('table', { name: 'Nonconformities' }, { timeout: 10_000 });
    expect(firstCells('Nonconformities')).toEqual(['NC-2025-001', 'NC-2025-003', 'NC-2025-004']);
  });
});

describe('register list', () => {
  it('filters by status and by owner (one indexed predicate sent), and clears the filters', async () => {
    await openAsApp('/registers/nonconformities');
    await screen.findByRole('table', { name: 'Nonconformities' }, { timeout: 10_000 });
    const user = userEvent.setup();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'Closed');
    await waitFor(() => expect(firstCells('Nonconformities')).toEqual(['NC-2025-001']));
    expect(screen.getByText('Showing 1 record.')).toBeTruthy();
    const sent = itemRequests('Nonconformities').at(-1)!;
    expect(sent.get('$filter')).toBe("fields/Status eq 'Closed'");

    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), '');
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Owner' }), screen.getByRole('option', { name: 'David Kowalski' }));
    await waitFor(() => expect(firstCells('Nonconformities')).toEqual(['NC-2025-003']));
    expect(screen.getByRole('link', { name: 'NC-2025-003' }).getAttribute('href')).toMatch(/^\/registers\/nonconformities\/\d+$/);

    await user.selectOptions(screen.getByRole('combobox', { name: 'Grade' }), 'Major');
    await screen.findByText('No record matches these filters.');
    await user.click(screen.getAllByRole('button', { name: 'Clear filters' })[0]!);
    await waitFor(() => expect(firstCells('Nonconformities')).toHaveLength(3));
  });

  it('opens with the filters of its address (a count elsewhere links here) as dropdowns and removable chips', async () => {
    await openAsApp('/registers/nonconformities?Source=Internal%20audit&EffectivenessResult=Effective');
    await screen.findByRole('table', { name: 'Nonconformities' }, { timeout: 10_000 });
    expect((screen.getByRole('combobox', { name: 'Source' }) as HTMLSelectElement).value).toBe('Internal audit');
    expect(firstCells('Nonconformities')).toEqual(['NC-2025-001']);
    await userEvent.click(screen.getByRole('button', { name: 'Remove the filter Effectiveness result: Effective' }));
    await waitFor(() => expect(firstCells('Nonconformities')).toEqual(['NC-2025-001', 'NC-2025-003']));
    expect(screen.queryByRole('button', { name: /Remove the filter/ })).toBeNull();
  });

  it('searches by reference prefix on the server and by title in the loaded rows', async () => {
    await openAsApp('/registers/nonconformities');
    await screen.findByRole('table', { name: 'Nonconformities' }, { timeout: 10_000 });
    const user = userEvent.setup();
    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'nc-2025-00');
    await waitFor(() => expect(itemRequests('Nonconformities').at(-1)!.get('$filter')).toBe("startswith(fields/Ref,'NC-2025-00')"), { timeout: 3000 });
    await user.clear(screen.getByRole('searchbox', { name: 'Search' }));
    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'fibrelink');
    await waitFor(() => expect(firstCells('Nonconformities')).toEqual(['NC-2025-004']));
    expect(screen.getByText('The search covers the 3 records loaded; load more to search further.')).toBeTruthy();
  });

  it('speaks Chinese: register, columns, statuses and filters', async () => {
    renderList('nonconformities', { language: 'zh-CN' });
    const table = await screen.findByRole('table', { name: '不符合项' }, { timeout: 10_000 });
    expect(within(table).getByRole('columnheader', { name: '状态' })).toBeTruthy();
    expect(within(table).getByText('已关闭')).toBeTruthy();
    expect(within(table).getByText('措施实施中')).toBeTruthy();
    const status = screen.getByRole('combobox', { name: '状态' });
    expect(within(status).getByRole('option', { name: '有效性检查' })).toBeTruthy();
    expect(screen.getByText('显示 3 条记录。')).toBeTruthy();
  });

  it('loads more through the engine: each load is one request of the page size, never the whole list', async () => {
    const before = itemRequests('Interested Parties').length;
    renderList('interestedParties', { pageSize: 5 });
    await screen.findByRole('table', { name: 'Interested parties' }, { timeout: 10_000 });
    expect(firstCells('Interested parties')).toEqual(['IP-01', 'IP-02', 'IP-03', 'IP-04', 'IP-05']);
    expect(screen.getByText('Showing the first 5 records; more can be loaded.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(tableRows('Interested parties')).toHaveLength(10));
    const sent = itemRequests('Interested Parties').slice(before);
    expect(sent).toHaveLength(2);
    expect(sent[0]!.get('$top')).toBe('5');
    // The second load continues from the first one's @odata.nextLink instead of reading from the start.
    expect(sent[1]!.toString()).not.toBe(sent[0]!.toString());
  });
});
