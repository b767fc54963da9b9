/**
 * Shared helpers of the provisioning tests (not a test file itself). Everything here reads the
 * emulator over plain HTTP (Graph routes and `/_dev/*`), independently of the code under test.
 */
import { createGraphClient } from '../../graph/core/client.js';
import type { ProvisionOptions } from '../../graph/provisioning/engine.js';
import { demo, startTestEmulator, type TestEmulator } from './emulator.js';

export const SMS_SITE_URL = 'https://kestrelms.sharepoint.com/sites/KestrelSMS';
export const SCOPES = ['Sites.Manage.All', 'Sites.ReadWrite.All', 'Group.ReadWrite.All', 'Tasks.ReadWrite', 'GroupMember.Read.All'];

type Json = Record<string, unknown>;

export async function getJson(emu: TestEmulator, path: string): Promise<Json> {
  const res = await emu.graph(demo.tom, path);
  const text = await res.text();
  if (!res.ok) throw new Error(`GET ${path} → ${res.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as Json;
}

/** Every page of a collection. */
export async function getAllValues(emu: TestEmulator, path: string): Promise<Json[]> {
  const out: Json[] = [];
  let next: string | undefined = path;
  while (next) {
    const page = await getJson(emu, next);
    out.push(...((page.value as Json[]) ?? []));
    next = page['@odata.nextLink'] as string | undefined;
  }
  return out;
}

export async function smsSiteId(emu: TestEmulator): Promise<string> {
  return (await getJson(emu, '/sites/kestrelms.sharepoint.com:/sites/KestrelSMS')).id as string;
}

export async function smsGroupId(emu: TestEmulator): Promise<string> {
  const groups = await getAllValues(emu, `/groups?$filter=${encodeURIComponent("displayName eq 'Kestrel SMS'")}`);
  return groups[0]!.id as string;
}

/** A column as the tests compare it: name, type facet (with the flags that change the type), index, required. */
export function columnSummary(c: Json): string {
  const facet = ['text', 'choice', 'number', 'currency', 'dateTime', 'boolean', 'personOrGroup', 'lookup', 'hyperlinkOrPicture'].find((f) => c[f]);
  const f = (facet ? c[facet] : {}) as Json;
  const flavour = [f.allowMultipleLines, f.displayAs, f.format, f.allowMultipleSelection, f.allowMultipleValues].filter((v) => v !== undefined && v !== false).join('/');
  return `${c.name as string}:${facet ?? '?'}${flavour ? `(${flavour})` : ''}${c.indexed ? ':indexed' : ''}${c.enforceUniqueValues ? ':unique' : ''}${c.required ? ':required' : ''}`;
}

/** The lists of the SMS site with their columns, the plan's buckets in board order, and list settings. */
export async function siteSnapshot(emu: TestEmulator): Promise<Record<string, unknown>> {
  const siteId = await smsSiteId(emu);
  const lists = await getAllValues(emu, `/sites/${siteId}/lists`);
  const out: Record<string, unknown> = {};
  for (const l of lists) {
    const columns = await getAllValues(emu, `/sites/${siteId}/lists/${l.id as string}/columns`);
    const settings = await devJson(emu, `/_dev/lists/${l.id as string}/settings`);
    const permissions = await devJson(emu, `/_dev/lists/${l.id as string}/permissions`);
    out[l.displayName as string] = {
      template: (l.list as Json | undefined)?.template,
      columns: columns.map(columnSummary).sort(),
      settings: settings.settings,
      permissions: { inherit: permissions.inherit, grants: ((permissions.grants as Json[]) ?? []).map((g) => `${g.group as string}:${g.level as string}`).sort() },
    };
  }
  out['planner'] = await plannerSnapshot(emu);
  return out;
}

/** The titles of the SMS group's plans and the bucket names of "SMS Actions" sorted by orderHint. */
export async function plannerSnapshot(emu: TestEmulator): Promise<{ plans: string[]; buckets: string[] }> {
  const groupId = await smsGroupId(emu);
  const plans = await getAllValues(emu, `/groups/${groupId}/planner/plans`);
  const plan = plans.find((p) => p.title === 'SMS Actions');
  const buckets = plan ? await getAllValues(emu, `/planner/plans/${plan.id as string}/buckets`) : [];
  const ordinal = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return {
    plans: plans.map((p) => p.title as string).sort(),
    buckets: buckets.sort((a, b) => ordinal(a.orderHint as string, b.orderHint as string)).map((b) => b.name as string),
  };
}

export async function devJson(emu: TestEmulator, path: string): Promise<Json> {
  const res = await fetch(`${emu.origin}${path}`);
  if (!res.ok) throw new Error(`${path} → ${res.status}`);
  return (await res.json()) as Json;
}

export interface LoggedRequest {
  method: string;
  path: string;
  status: number;
  inBatch: boolean;
}

/** The emulator's log of Graph requests. */
export async function requestLog(emu: TestEmulator): Promise<LoggedRequest[]> {
  return (await (await fetch(`${emu.origin}/_dev/requests`)).json()) as LoggedRequest[];
}

export async function clearRequestLog(emu: TestEmulator): Promise<void> {
  await fetch(`${emu.origin}/_dev/requests`, { method: 'DELETE' });
}

export const writes = (log: LoggedRequest[]): LoggedRequest[] => log.filter((r) => r.method !== 'GET');

/** Emulators a test file starts (`emulator()`), all closed by `closeAll` (its afterEach). */
export function emulatorPool(): { emulator: () => Promise<TestEmulator>; closeAll: () => Promise<void> } {
  const running: TestEmulator[] = [];
  return {
    async emulator() {
      const emu = await startTestEmulator();
      running.push(emu);
      return emu;
    },
    async closeAll() {
      await Promise.all(running.splice(0).map((e) => e.close()));
    },
  };
}

/** Provisioning of the SMS site as Tom (SMS manager) into the emulator, logging to `lines`. */
export function optionsFor(emu: TestEmulator, lines: string[], extra: Partial<ProvisionOptions> = {}): ProvisionOptions {
  const client = createGraphClient({ baseUrl: emu.graphBaseUrl, getToken: () => emu.token(demo.tom, SCOPES) });
  return { client, siteUrl: SMS_SITE_URL, target: 'emulator', emulatorOrigin: emu.origin, log: (l) => lines.push(l), ...extra };
}
