import { useEffect, useMemo, useRef, useState } from 'react';
import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { PeopleDirectory } from '../../../../platform/people.js';
import { isAbortError } from '../../../../../graph/core/errors.js';
import { registerFile, type ExportFormat, type ExportNames } from '../../export/registerExport.js';
import { downloadFile } from '../../../../ui/export/saveFile.js';
import { peopleDirectoryQuery } from '../../queries.js';
import { awaitingDecisionQuery, documentRegisterQuery, registerIntegrityQuery } from '../../queries.js';
import type { DocumentRegisterProps } from './DocumentRegister.types.js';
import {
  DEFAULT_SORT,
  NO_FILTERS,
  docIdPrefixOf,
  fetchAllRegisterRows,
  localDate,
  matchesSearch,
  ownerOf,
  ownerOptions,
  processLabel,
  processOptions,
  registerViewFor,
  type RegisterFilters,
  type RegisterParams,
  type RegisterRow,
  type RegisterSort,
  type SortColumn,
} from '../../services/registerQuery.js';
import { useDebounced } from '../../../../ui/useDebounced.js';

/**
 * Owner and process names from the directory. An owner the directory lacks is named by their UPN, or, on an item
 * that has only the person column, as an unknown user; a process the directory lacks is named as such.
 */
function namesFrom(directory: PeopleDirectory | undefined, t: TFunction): ExportNames {
  const processNames = new Map(processOptions(directory).map((p) => [p.id, processLabel(p)]));
  return {
    ownerName: (row) => ownerOf(row, directory)?.displayName ?? row.ownerUpn ?? (row.ownerLookupId ? t('documents.register.unknownUser', { id: row.ownerLookupId }) : ''),
    processName: (id) => (id ? (processNames.get(id) ?? t('documents.register.unknownProcess', { id })) : ''),
  };
}

/** How long the search box waits for typing to stop before asking Graph for a DocId prefix. */
export const SEARCH_DEBOUNCE_MS = 300;

export type ExportState =
  | { readonly phase: 'idle' }
  | { readonly phase: 'running'; readonly format: ExportFormat; readonly itemsRead: number }
  | { readonly phase: 'done'; readonly count: number; readonly fileName: string }
  | { readonly phase: 'failed'; readonly error: unknown };

/**
 * State of the document register: filters, sort and search; the register pages (TanStack
 * `useInfiniteQuery`); owner and process names (the people directory); and exports of every
 * matching row.
 */
export function useDocumentRegister(props: DocumentRegisterProps) {
  const { client, siteId, roles } = props;
  const { t } = useTranslation();
  const today = props.today ?? localDate();
  const view = registerViewFor(roles);
  const upn = props.upn ?? null;
  const [filters, setFilters] = useState<RegisterFilters>(() => ({ ...NO_FILTERS, awaitingMyDecision: props.awaitingMyDecision && upn ? true : null }));
  const [sort, setSort] = useState<RegisterSort>(DEFAULT_SORT);
  const [search, setSearch] = useState('');
  const docIdPrefix = useDebounced(docIdPrefixOf(search), SEARCH_DEBOUNCE_MS);
  const timeZone = props.timeZone;
  // "Awaiting my decision": first the DocIds (the user's pending approvals on releases in review), then
  // the register reads just those documents. Someone who may not read the approval lists has none.
  const awaitingOn = filters.awaitingMyDecision === true && upn !== null;
  const awaiting = useQuery({ ...awaitingDecisionQuery(client, siteId, upn ?? '', props.userId), enabled: awaitingOn });
  const awaitingDocIds = useMemo(() => (awaiting.data?.state === 'found' ? awaiting.data.docIds : []), [awaiting.data]);
  const params: RegisterParams = useMemo(
    () => ({ view, filters, sort, docIdPrefix, today, timeZone, ...(awaitingOn ? { awaitingDocIds } : {}) }),
    [view, filters, sort, docIdPrefix, today, timeZone, awaitingOn, awaitingDocIds],
  );

  const register = useInfiniteQuery({ ...documentRegisterQuery(client, siteId, params), enabled: !awaitingOn || awaiting.data !== undefined });
  // Owner and process names come from the people directory the document pages share (same
  // query key): it loads beside the first page and never delays it.
  const people = useQuery(peopleDirectoryQuery(client, siteId));
  const owners = useMemo(() => ownerOptions(people.data), [people.data]);
  const processes = useMemo(() => processOptions(people.data), [people.data]);

  const loaded: RegisterRow[] = useMemo(() => register.data?.pages.flatMap((p) => p.rows) ?? [], [register.data]);
  const rows = useMemo(() => loaded.filter((r) => matchesSearch(r, search)), [loaded, search]);
  const titleSearch = search.trim() !== '' && docIdPrefixOf(search) === '';
  // Integrity: for those who oversee document control, the rows in review whose decisions do not count.
  const oversees = roles.some((r) => r === 'smsManager' || r === 'documentController' || r === 'internalAuditor');
  const inReview = useMemo(() => (oversees ? rows.filter((r) => r.status === 'In review' && r.docId).map((r) => r.docId) : []), [oversees, rows]);
  const integrity = useQuery(registerIntegrityQuery(client, siteId, people.data, inReview, timeZone));

  const names: ExportNames = useMemo(() => namesFrom(people.data, t), [people.data, t]);
  const queryClient = useQueryClient();

  const [exportState, setExportState] = useState<ExportState>({ phase: 'idle' });
  const exportAbort = useRef<AbortController | null>(null);
  useEffect(() => () => exportAbort.current?.abort(), []);

  /** Reads every remaining page (with progress), then writes the file of all rows that match. */
  async function exportAs(format: ExportFormat) {
    exportAbort.current?.abort();
    const abort = new AbortController();
    exportAbort.current = abort;
    setExportState({ phase: 'running', format, itemsRead: 0 });
    try {
      const all = register.hasNextPage
        ? await fetchAllRegisterRows(client, siteId, params, {
            signal: abort.signal,
            onProgress: (itemsRead) => setExportState({ phase: 'running', format, itemsRead }),
          })
        : loaded;
      const matching = all.filter((r) => matchesSearch(r, search));
      // A file carries names, never bare lookup ids: wait for the directory if it is still loading.
      const directory = people.data ?? (await queryClient.fetchQuery(peopleDirectoryQuery(client, siteId)));
      const file = await registerFile(format, matching, t, namesFrom(directory, t), today);
      if (abort.signal.aborted) return;
      (props.saveFile ?? downloadFile)(file);
      setExportState({ phase: 'done', count: matching.length, fileName: file.name });
    } catch (error) {
      if (abort.signal.aborted || isAbortError(error)) setExportState({ phase: 'idle' });
      else setExportState({ phase: 'failed', error });
    } finally {
      if (exportAbort.current === abort) exportAbort.current = null;
    }
  }

  function cancelExport() {
    exportAbort.current?.abort();
    setExportState({ phase: 'idle' });
  }

  /** Sorts by a column; choosing the sorted column again reverses the direction. */
  function toggleSort(column: SortColumn) {
    setSort((s) => (s.column === column ? { column, direction: s.direction === 'ascending' ? 'descending' : 'ascending' } : { column, direction: 'ascending' }));
  }

  const filtered = Object.values(filters).some((v) => v !== null) || search.trim() !== '';

  return {
    view,
    today,
    /** The "Awaiting my decision" filter is offered (the user is known). */
    canFilterAwaiting: upn !== null,
    /** The DocIds awaiting the user's decision, while that filter is on. */
    awaiting,
    filters,
    setFilter: <K extends keyof RegisterFilters>(key: K, value: RegisterFilters[K]) => setFilters((f) => ({ ...f, [key]: value })),
    clearFilters: () => {
      setFilters(NO_FILTERS);
      setSearch('');
    },
    filtered,
    sort,
    toggleSort,
    search,
    setSearch,
    titleSearch,
    register,
    loaded,
    rows,
    people,
    owners,
    processes,
    names,
    /** DocIds of rows with a decision that does not count (see `reviewFindings`). */
    integrityAlerts: integrity.data ?? new Map<string, unknown[]>(),
    exportState,
    exportAs,
    cancelExport,
  };
}
