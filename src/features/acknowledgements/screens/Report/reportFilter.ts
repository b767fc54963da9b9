import type { RequestView } from '../../../../domain/acknowledgements/index.js';

/**
 * The drill-down filters of a compliance report: each figure of the report is a link to the table filtered to
 * the people it counts. `outstanding` (pending or overdue: who still has to acknowledge) is what the report shows
 * first.
 */
export const REPORT_FILTERS = ['outstanding', 'targeted', 'acknowledged', 'pending', 'overdue', 'late', 'waived'] as const;
export type ReportFilter = (typeof REPORT_FILTERS)[number];

/** The filter a `status` query parameter names, or `outstanding`. */
export function reportFilterOf(raw: string | null): ReportFilter {
  return REPORT_FILTERS.find((f) => f === raw) ?? 'outstanding';
}

/** Whether a viewed request is among the people a filter shows (the same people its figure counts). */
export function inFilter(view: RequestView, filter: ReportFilter): boolean {
  switch (filter) {
    case 'outstanding':
      return view.status === 'Pending' || view.status === 'Overdue';
    case 'targeted':
      return view.status !== 'Cancelled' && view.status !== 'Superseded';
    case 'acknowledged':
      return view.status === 'Acknowledged';
    case 'pending':
      return view.status === 'Pending';
    case 'overdue':
      return view.status === 'Overdue';
    case 'late':
      return view.status === 'Acknowledged' && view.late;
    case 'waived':
      return view.status === 'Waived';
  }
}

/** The department a report groups a person under (`none` when the directory gives none). */
export const departmentOf = (view: RequestView, none: string): string => view.request.department?.trim() || none;

/** The rows of the drill-down table: the filter's people (of one department, when given), by name. */
export function reportRows(views: readonly RequestView[], filter: ReportFilter, department: string | null, none: string): RequestView[] {
  return views
    .filter((v) => inFilter(v, filter) && (department === null || departmentOf(v, none) === department))
    .sort((a, b) => a.request.userName.localeCompare(b.request.userName) || a.request.userUpn.localeCompare(b.request.userUpn));
}
