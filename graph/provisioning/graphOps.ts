/**
 * The Graph operations provisioning needs, bound to one client. Every one is a graph/ resource
 * function; this file only adapts their signatures so the engine (and its tests) see one small
 * interface.
 */
import type { ColumnDefinition, Group, List, PlannerBucket, PlannerPlan, Site } from '@microsoft/microsoft-graph-types';
import type { GraphClient } from '../core/client.js';
import { findGroupByName } from '../directory/index.js';
import { createColumn, createList, getColumns, getLists, updateColumn } from '../lists/index.js';
import { createBucket, createPlan, getBuckets, getGroupPlans } from '../planner/index.js';
import { getSite, getSiteByUrl } from '../sites/index.js';

export interface ProvisionOps {
  getSite(siteId: string): Promise<Site>;
  getSiteByUrl(siteUrl: string): Promise<Site>;
  findGroupByName(displayName: string): Promise<Group | null | undefined>;
  getLists(siteId: string): Promise<List[]>;
  createList(siteId: string, body: Record<string, unknown>): Promise<List>;
  getColumns(siteId: string, listId: string): Promise<ColumnDefinition[]>;
  createColumn(siteId: string, listId: string, column: ColumnDefinition): Promise<ColumnDefinition>;
  updateColumn(siteId: string, listId: string, columnId: string, patch: Record<string, unknown>): Promise<ColumnDefinition>;
  getGroupPlans(groupId: string): Promise<PlannerPlan[]>;
  createPlan(groupId: string, title: string): Promise<PlannerPlan>;
  getBuckets(planId: string): Promise<PlannerBucket[]>;
  createBucket(planId: string, name: string, orderHint: string): Promise<PlannerBucket>;
}

/** The provisioning operations over the graph/ resource functions. */
export function graphOps(client: GraphClient, signal?: AbortSignal): ProvisionOps {
  return {
    getSite: (siteId) => getSite(client, siteId, signal),
    getSiteByUrl: (siteUrl) => getSiteByUrl(client, siteUrl, signal),
    findGroupByName: (name) => findGroupByName(client, name, signal),
    getLists: (siteId) => getLists(client, siteId, signal),
    createList: (siteId, body) => createList(client, siteId, body, signal),
    getColumns: (siteId, listId) => getColumns(client, siteId, listId, signal),
    createColumn: (siteId, listId, column) => createColumn(client, siteId, listId, column, signal),
    updateColumn: (siteId, listId, columnId, patch) => updateColumn(client, siteId, listId, columnId, patch, signal),
    getGroupPlans: (groupId) => getGroupPlans(client, groupId, signal),
    createPlan: (groupId, title) => createPlan(client, groupId, title, signal),
    getBuckets: (planId) => getBuckets(client, planId, signal),
    createBucket: (planId, name, orderHint) => createBucket(client, planId, name, orderHint, signal),
  };
}
