import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { GraphClient } from '../../../graph/core/client.js';
import { listByKey } from '../../../graph/schema/index.js';
import { loadPeopleDirectory, type PeopleDirectory } from '../../platform/people.js';
import { readAll, type RegisterRecord } from '../../platform/registers/index.js';
import { loadListIds } from '../../platform/site.js';
import { linkedActionsOf } from './api/transitionRecord.js';
import type { RegisterConfig } from './services/catalog.js';
import type { RegisterContext } from './services/context.js';
import { loadHistory } from './services/history.js';
import { fetchRegisterPage, loadRecord, type ListParams } from './services/records.js';
import { loadRegisterSettings } from '../../platform/registers/settings.js';

/**
 * TanStack Query options of the Registers area. Keys mirror the Graph paths
 * (`sites/{site-id}/lists/{list}/items/{item-id}`) plus what shapes the request; the QueryClient is
 * per session, so keys need not carry the user. A write refreshes everything under its list's key.
 */

/** Every query over one register list of a site. */
export const registerListKey = (siteId: string, config: Pick<RegisterConfig, 'schema'>) => ['sites', siteId, 'lists', config.schema.displayName] as const;
export const recordKey = (siteId: string, config: Pick<RegisterConfig, 'schema'>, itemId: string) => [...registerListKey(siteId, config), 'items', itemId] as const;

/**
 * The list screen, one load per page (`fetchRegisterPage`); "Load more" follows the last
 * `@odata.nextLink`. A filter, the sort or a reference prefix is a new key (a new first page); a
 * title search runs over the loaded rows and is not part of the key.
 */
export const registerListQuery = (client: GraphClient, siteId: string, config: RegisterConfig, params: ListParams) =>
  infiniteQueryOptions({
    queryKey: [...registerListKey(siteId, config), 'items', 'list', params],
    queryFn: ({ pageParam, signal }) => fetchRegisterPage(client, siteId, config, params, { nextLink: pageParam, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextLink,
    staleTime: 60_000,
  });

/** One record with every column and its eTag. */
export const recordQuery = (client: GraphClient, siteId: string, config: RegisterConfig, itemId: string, timeZone: string) =>
  queryOptions({
    queryKey: recordKey(siteId, config, itemId),
    queryFn: ({ signal }) => loadRecord(client, siteId, config, itemId, timeZone, signal),
  });

/** A record's history from its item versions; keyed by the eTag shown, so a write reads it again. */
export const historyQuery = (client: GraphClient, siteId: string, config: RegisterConfig, record: RegisterRecord, people: PeopleDirectory, timeZone: string) =>
  queryOptions({
    queryKey: [...recordKey(siteId, config, record.id), 'versions', record.eTag ?? ''],
    queryFn: ({ signal }) => loadHistory(client, siteId, config, record.id, people, timeZone, signal),
  });

/** The actions whose source is the record, as the rules read them (nonconformities only; undefined for others). */
export const linkedActionsQuery = (ctx: RegisterContext, config: RegisterConfig, itemId: string) =>
  queryOptions({
    queryKey: [...recordKey(ctx.site.siteId, config, itemId), 'linkedActions'],
    queryFn: async ({ signal }) => (await linkedActionsOf(ctx, config, itemId, signal)) ?? null,
  });

/** What a lookup column offers: the items of its target list (`Ref – Title`), read once per session. */
export interface LookupOption {
  readonly id: string;
  readonly label: string;
}

export const lookupOptionsQuery = (client: GraphClient, siteId: string, listKey: string) =>
  queryOptions({
    queryKey: ['sites', siteId, 'lists', listByKey(listKey)?.displayName ?? listKey, 'items', 'options'],
    queryFn: async ({ signal }): Promise<LookupOption[]> => {
      const schema = listByKey(listKey);
      if (!schema) return [];
      const columns = ['Title', ...(schema.columns.some((c) => c.name === 'Ref') ? ['Ref'] : [])];
      const rows = await readAll(client, siteId, { schema, columns, toRow: (r) => r }, { filters: [], sort: null }, { pageSize: 500, signal });
      return rows.map((r) => {
        const ref = typeof r.values.Ref === 'string' ? r.values.Ref : null;
        const title = typeof r.values.Title === 'string' ? r.values.Title : '';
        return { id: r.id, label: ref ? `${ref} – ${title}` : title || `#${r.id}` };
      });
    },
    staleTime: 15 * 60_000,
  });

/** The SMS lists of the site by schema key (the audit trail and sequences are written through their ids). */
export const listIdsQuery = (client: GraphClient, siteId: string) =>
  queryOptions({
    queryKey: ['sites', siteId, 'lists', 'ids'],
    queryFn: ({ signal }) => loadListIds(client, siteId, signal),
    staleTime: Infinity,
  });

/** Users with their site lookup ids, SMS roles and owned processes. */
export const peopleQuery = (client: GraphClient, siteId: string) =>
  queryOptions({
    queryKey: ['sites', siteId, 'registers', 'people'],
    queryFn: ({ signal }) => loadPeopleDirectory(client, siteId, signal),
    staleTime: 15 * 60_000,
  });

/** The SMS Settings values the register rules read. */
export const registerSettingsQuery = (client: GraphClient, siteId: string) =>
  queryOptions({
    queryKey: ['sites', siteId, 'lists', 'SMS Settings', 'items', 'registerSettings'],
    queryFn: ({ signal }) => loadRegisterSettings(client, siteId, signal),
    staleTime: 15 * 60_000,
  });
