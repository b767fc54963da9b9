import { Body1, mergeClasses, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { useDataTableStyles } from './DataTable.styles.js';
import type { DataTableColumn, DataTableProps } from './DataTable.types.js';

export type { DataTableColumn, DataTableProps, DataTableSort, SortDirection } from './DataTable.types.js';

function cellClass<Row>(column: DataTableColumn<Row>, row: Row): string | undefined {
  return typeof column.cellClassName === 'function' ? column.cellClassName(row) : column.cellClassName;
}

/**
 * A Fluent table from a column configuration: columns are data (key, header, cell renderer,
 * sortable, width), so a screen states what it shows and every table behaves alike. The table is
 * named for screen readers; a sortable header is a button (Tab, Enter, Space) and announces its
 * order with `aria-sort`; with no rows the `empty` message shows instead of an empty grid; a wide
 * table scrolls inside its own box.
 */
export function DataTable<Row>({ label, columns, rows, rowKey, empty, sort, onSort, rowClassName, className, size = 'small' }: DataTableProps<Row>) {
  const styles = useDataTableStyles();
  if (rows.length === 0 && empty !== undefined) return typeof empty === 'string' ? <Body1 as="p">{empty}</Body1> : <>{empty}</>;
  return (
    <div className={styles.wrap}>
      <Table aria-label={label} size={size} className={className}>
        <TableHeader>
          <TableRow>
            {columns.map((c) =>
              c.sortable ? (
                <TableHeaderCell
                  key={c.key}
                  sortable
                  sortDirection={sort?.column === c.key ? sort.direction : undefined}
                  onClick={() => onSort?.(c.key)}
                  style={c.width ? { width: c.width } : undefined}
                >
                  {c.header}
                </TableHeaderCell>
              ) : (
                <TableHeaderCell key={c.key} style={c.width ? { width: c.width } : undefined}>
                  {c.header}
                </TableHeaderCell>
              ),
            )}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={rowKey(row)} className={mergeClasses(styles.row, rowClassName?.(row))}>
              {columns.map((c) => (
                <TableCell key={c.key} className={cellClass(c, row)}>
                  {c.render(row)}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
