/**
 * Shared UI of every SMS area (React + Fluent v9, no Graph): the action dialog, the data table
 * with a column configuration, and the refusal message.
 */
export { ActionDialog, focusScreenHeading, type ActionDialogContext, type ActionDialogProps } from './ActionDialog.js';
export { DataTable, type DataTableColumn, type DataTableProps, type DataTableSort, type SortDirection } from './DataTable.js';
export { problemsByField, RefusalMessage, type FieldProblem, type RefusalExplanation, type RefusalMessageProps } from './RefusalMessage.js';
export { ErrorView, ErrorViewProvider, type ErrorViewProps } from './ErrorView.js';
export { useSingleFlight, type SingleFlight } from './useSingleFlight.js';
