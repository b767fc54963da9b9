import type { ReactNode } from 'react';

/** One column of a `DataTable`, described as data. */
export interface DataTableColumn<Row> {
  /** Stable id of the column (React key; the value `onSort` receives). */
  key: string;
  /** The header text (also the column's name for screen readers). */
  header: string;
  /** The cell of one row. */
  render(row: Row): ReactNode;
  /** The header is a button that asks for this column's order (`onSort`). */
  sortable?: boolean;
  /** A CSS width for the column, e.g. `'12rem'` or `'20%'` (default: as wide as its content). */
  width?: string;
  /** Class name of the column's cells, or of one row's cell. */
  cellClassName?: string | ((row: Row) => string | undefined);
}

export type SortDirection = 'ascending' | 'descending';

/** The order the rows are in (the caller sorts them, on the server or in memory). */
export interface DataTableSort {
  column: string;
  direction: SortDirection;
}

export interface DataTableProps<Row> {
  /** The table's accessible name. */
  label: string;
  columns: readonly DataTableColumn<Row>[];
  rows: readonly Row[];
  /** A stable key per row. */
  rowKey(row: Row): string;
  /** Shown instead of the table when there are no rows; a string becomes a paragraph. Default: an empty table. */
  empty?: ReactNode;
  /** The current order; its column's header shows the direction (`aria-sort`). */
  sort?: DataTableSort | null;
  /** A sortable column's header was activated (click, Enter or Space). */
  onSort?(column: string): void;
  /** Class name of a row (e.g. to mark overdue rows). */
  rowClassName?(row: Row): string | undefined;
  /** Class name of the table element (e.g. a minimum width). */
  className?: string;
  size?: 'extra-small' | 'small' | 'medium';
}
