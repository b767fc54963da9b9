/**
 * The emulator's developer endpoints for what Graph v1.0 cannot do: list settings (versioning,
 * draft item security, "Create and Edit access") and unique list permissions. These are not Graph
 * calls (no token, outside `/v1.0`); on a real tenant an admin does the same in List settings.
 * Endpoints: emulator/routes/lists.ts (`GET|PATCH /_dev/lists/{id}/settings`,
 * `GET|PUT /_dev/lists/{id}/permissions`).
 */
import type { GroupGrant, ListSettingsPlan, PermissionLevel } from './permissions.js';

/** A list's current permissions as the emulator reports them. */
export interface DevPermissions {
  readonly inherit: boolean;
  readonly grants: readonly { group?: string; user?: string; level: PermissionLevel }[];
}

export interface EmulatorDev {
  getSettings(listId: string): Promise<ListSettingsPlan & Record<string, unknown>>;
  patchSettings(listId: string, settings: ListSettingsPlan): Promise<void>;
  getPermissions(listId: string): Promise<DevPermissions>;
  putPermissions(listId: string, grants: readonly GroupGrant[] | readonly { group?: string; user?: string; level: PermissionLevel }[]): Promise<void>;
}

/** A client for the dev endpoints of the emulator at `origin` (e.g. `http://127.0.0.1:4000`). */
export function emulatorDev(origin: string, signal?: AbortSignal): EmulatorDev {
  const base = origin.replace(/\/+$/, '');
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} failed with ${res.status}: ${text.slice(0, 300)}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }
  const listPath = (id: string, what: string) => `/_dev/lists/${encodeURIComponent(id)}/${what}`;
  return {
    async getSettings(listId) {
      const r = await call<{ settings?: Record<string, unknown> }>('GET', listPath(listId, 'settings'));
      return (r.settings ?? {}) as ListSettingsPlan & Record<string, unknown>;
    },
    async patchSettings(listId, settings) {
      await call('PATCH', listPath(listId, 'settings'), settings);
    },
    async getPermissions(listId) {
      return call<DevPermissions>('GET', listPath(listId, 'permissions'));
    },
    async putPermissions(listId, grants) {
      await call('PUT', listPath(listId, 'permissions'), { grants });
    },
  };
}

/** Gets an access token from the emulator's dev sign-in (`POST {origin}/_dev/token`). */
export async function emulatorToken(origin: string, upn: string, scopes: readonly string[]): Promise<{ token: string; expiresAt: number }> {
  const res = await fetch(`${origin.replace(/\/+$/, '')}/_dev/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ upn, scopes }),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`The emulator refused a token for ${upn} (${res.status}): ${text.slice(0, 300)}`);
  const body = JSON.parse(text) as { access_token?: string; expires_in?: number };
  if (!body.access_token) throw new Error('The emulator answered /_dev/token without an access_token.');
  return { token: body.access_token, expiresAt: Date.now() + (body.expires_in ?? 3600) * 1000 };
}
