import { useMemo, useState } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import type { GraphClient } from '../../../../../graph/core/client.js';
import type { RegisterRecord, RegisterSortSpec } from '../../../../platform/registers/index.js';
import { PAGE_SIZE } from '../../../../platform/registers/index.js';
import { columnOf, hasRef, type RegisterConfig } from '../../services/catalog.js';
import type { ListParams } from '../../services/records.js';
import { registerListQuery } from '../../queries.js';
import { usePeople } from '../../useRegisterContext.js';
import { useDebounced } from '../../../../ui/useDebounced.js';

/** How long the search box waits for typing to stop before asking Graph for a reference prefix. */
export const SEARCH_DEBOUNCE_MS = 300;

/** A search that looks like a reference (`NC-`, `rsk-00`) is a prefix of the unique `Ref` column, sent to Graph. */
export function refPrefixOf(config: RegisterConfig, search: string): string {
  const s = search.trim();
  const prefix = config.schema.refPrefix;
  if (!prefix || !hasRef(config)) return '';
  return s.toUpperCase().startsWith(`${prefix.toUpperCase()}-`) ? s.toUpperCase() : '';
}

/** A loaded record matches a search on its title or reference (case-insensitive, anywhere in the text). */
export function matchesSearch(record: RegisterRecord, search: string): boolean {
  const s = search.trim().toLowerCase();
  if (s === '') return true;
  return [record.values.Title, record.values.Ref].some((v) => typeof v === 'string' && v.toLowerCase().includes(s));
}

/**
 * A column a filter from the address may use besides the dropdowns (e.g. a heat-map cell's
 * `ResidualLikelihood=3`): a single-value column, indexed when the list is large (the engine refuses
 * other filters there before sending anything).
 */
export function addressFilterable(config: RegisterConfig, name: string): boolean {
  const c = config.schema.columns.find((x) => x.name === name);
  if (!c || ['multiChoice', 'personMulti', 'lookupMulti', 'note'].includes(c.type)) return false;
  return !config.schema.large || c.indexed === true;
}

export interface RegisterListOptions {
  readonly config: RegisterConfig;
  readonly client: GraphClient;
  readonly siteId: string;
  readonly timeZone: string;
  /** Rows per load (default the engine's `PAGE_SIZE`). */
  readonly pageSize?: number;
  /** Filters to start with (`{ Status: 'Closed' }`), e.g. from the address or the web part's properties. */
  readonly initialFilters?: Readonly<Record<string, string | null>>;
  /** Hears the filters when the user changes them (e.g. to keep them in the address). */
  readonly onFiltersChange?: (filters: Readonly<Record<string, string | null>>) => void;
}

/**
 * State of a register's list: filters on indexed columns, the sort, the search, the pages (TanStack
 * `useInfiniteQuery`, "Load more" follows `@odata.nextLink`) and the people directory for names and
 * the person filters (it loads beside the first page and never delays it).
 */
export function useRegisterList(opts: RegisterListOptions) {
  const { config, client, siteId, timeZone } = opts;
  const pageSize = opts.pageSize ?? PAGE_SIZE;
  const noFilters = useMemo(() => Object.fromEntries(config.filterColumns.map((c) => [c, null])) as Record<string, string | null>, [config]);
  const [filters, setFilters] = useState<Record<string, string | null>>(() => {
    const start = { ...noFilters };
    for (const [k, v] of Object.entries(opts.initialFilters ?? {})) if (k in start || (v !== null && addressFilterable(config, k))) start[k] = v;
    return start;
  });
  const defaultSort: RegisterSortSpec | null = config.sortColumns.includes('Ref') ? { column: 'Ref', direction: 'ascending' } : null;
  const [sort, setSort] = useState<RegisterSortSpec | null>(defaultSort);
  const [search, setSearch] = useState('');
  const refPrefix = useDebounced(refPrefixOf(config, search), SEARCH_DEBOUNCE_MS);
  const params: ListParams = useMemo(() => ({ filters, sort, refPrefix, timeZone, pageSize }), [filters, sort, refPrefix, timeZone, pageSize]);
  const list = useInfiniteQuery(registerListQuery(client, siteId, config, params));
  const people = usePeople(client, siteId);
  const loaded = useMemo(() => list.data?.pages.flatMap((p) => p.rows) ?? [], [list.data]);
  const rows = useMemo(() => loaded.filter((r) => matchesSearch(r, search)), [loaded, search]);
  const personOptions = useMemo(
    () => (people.data?.people ?? []).filter((p) => p.lookupId !== null).map((p) => ({ value: p.lookupId!, label: p.displayName })),
    [people.data],
  );

  function setFilter(column: string, value: string | null) {
    const next = { ...filters, [column]: value === '' ? null : value };
    setFilters(next);
    opts.onFiltersChange?.(next);
  }

  function clearFilters() {
    setFilters(noFilters);
    setSearch('');
    opts.onFiltersChange?.(noFilters);
  }

  /** Sorts by a column; choosing the sorted column again reverses the direction. */
  function toggleSort(column: string) {
    if (!config.sortColumns.includes(column)) return;
    setSort((s) => (s?.column === column ? { column, direction: s.direction === 'ascending' ? 'descending' : 'ascending' } : { column, direction: 'ascending' }));
  }

  const filtered = Object.values(filters).some((v) => v !== null) || search.trim() !== '';
  /** Filters from the address on columns without a dropdown: shown as chips the user can remove. */
  const extraFilters = Object.entries(filters)
    .filter(([k, v]) => v !== null && !config.filterColumns.includes(k))
    .map(([column, value]) => ({ column: columnOf(config, column), value: value! }));
  return {
    config,
    filters,
    setFilter,
    clearFilters,
    filtered,
    extraFilters,
    sort,
    toggleSort,
    search,
    setSearch,
    /** The search runs over the loaded rows only (a title search, not a reference prefix). */
    searchingLoaded: search.trim() !== '' && refPrefixOf(config, search) === '',
    list,
    loaded,
    rows,
    people,
    personOptions,
    columns: config.listColumns.map((name) => columnOf(config, name)),
  };
}

export type RegisterListState = ReturnType<typeof useRegisterList>;
