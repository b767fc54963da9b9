import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderUi } from '../../tests/support/renderUi.js';
import { DataTable, type DataTableColumn } from './DataTable.js';

afterEach(() => cleanup());

interface Release {
  id: string;
  version: string;
  status: string;
}

const rows: Release[] = [
  { id: 'a', version: '2.0', status: 'Published' },
  { id: 'b', version: '1.0', status: 'Superseded' },
];

const columns: DataTableColumn<Release>[] = [
  { key: 'version', header: 'Version', render: (r) => r.version, sortable: true, width: '8rem' },
  { key: 'status', header: 'Status', render: (r) => <strong>{r.status}</strong>, cellClassName: (r) => (r.status === 'Superseded' ? 'old' : undefined) },
];

describe('DataTable', () => {
  it('renders a named table from the column configuration', () => {
    renderUi(<DataTable label="Releases of SMS-PRC-010" columns={columns} rows={rows} rowKey={(r) => r.id} rowClassName={(r) => `row-${r.id}`} />);
    const table = screen.getByRole('table', { name: 'Releases of SMS-PRC-010' });
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Version', 'Status']);
    const body = within(table).getAllByRole('row').slice(1);
    expect(body.map((r) => within(r).getAllByRole('cell').map((c) => c.textContent))).toEqual([
      ['2.0', 'Published'],
      ['1.0', 'Superseded'],
    ]);
    expect(body[1]!.className).toContain('row-b');
    expect(within(body[1]!).getAllByRole('cell')[1]!.className).toContain('old');
    expect(within(body[0]!).getAllByRole('cell')[1]!.className).not.toContain('old');
    expect(within(table).getByRole('columnheader', { name: 'Version' }).style.width).toBe('8rem');
  });

  it('makes sortable headers buttons that announce their order and ask for a new one by mouse or keyboard', async () => {
    const onSort = vi.fn();
    const u = userEvent.setup();
    const { rerender } = renderUi(<DataTable label="Releases" columns={columns} rows={rows} rowKey={(r) => r.id} sort={null} onSort={onSort} />);
    const version = screen.getByRole('columnheader', { name: 'Version' });
    expect(version.getAttribute('aria-sort')).toBe('none');
    // A column that is not sortable has no button and no order.
    const status = screen.getByRole('columnheader', { name: 'Status' });
    expect(status.getAttribute('aria-sort')).toBeNull();
    expect(within(status).queryByRole('button')).toBeNull();

    await u.click(within(version).getByRole('button', { name: 'Version' }));
    expect(onSort).toHaveBeenLastCalledWith('version');
    // Reached with Tab from the top of the page.
    (document.activeElement as HTMLElement).blur();
    await u.tab();
    expect(document.activeElement).toBe(within(version).getByRole('button'));
    await u.keyboard('{Enter}');
    expect(onSort).toHaveBeenCalledTimes(2);
    await u.keyboard(' ');
    expect(onSort).toHaveBeenCalledTimes(3);

    rerender(<DataTable label="Releases" columns={columns} rows={rows} rowKey={(r) => r.id} sort={{ column: 'version', direction: 'descending' }} onSort={onSort} />);
    expect(screen.getByRole('columnheader', { name: 'Version' }).getAttribute('aria-sort')).toBe('descending');
  });

  it('shows the empty state instead of an empty grid', () => {
    const { unmount } = renderUi(<DataTable label="Releases" columns={columns} rows={[]} rowKey={(r) => r.id} empty="No releases yet." />);
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByText('No releases yet.').tagName).toBe('P');
    unmount();

    renderUi(<DataTable label="Releases" columns={columns} rows={[]} rowKey={(r) => r.id} empty={<button type="button">Clear filters</button>} />);
    expect(screen.getByRole('button', { name: 'Clear filters' })).toBeTruthy();
    cleanup();

    // Without an empty state the headers still show (e.g. a table filled as the user types).
    renderUi(<DataTable label="Releases" columns={columns} rows={[]} rowKey={(r) => r.id} />);
    expect(within(screen.getByRole('table', { name: 'Releases' })).getAllByRole('row')).toHaveLength(1);
  });
});
