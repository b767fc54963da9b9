/**
 * Provisioning against the local Microsoft 365 emulator: a Graph client signed in as the SMS manager
 * through the emulator's dev sign-in, and a one-call `provisionEmulator()` for `npm start`.
 */
import { createGraphClient, type GraphClient } from '../core/client.js';
import { emulatorToken } from './emulatorDev.js';
import { provision, type ProvisionOptions, type ProvisionResult } from './engine.js';

/** The SMS site of the demo tenant (and of the emulator seed). */
export const SMS_SITE_URL = 'https://kestrelms.sharepoint.com/sites/KestrelSMS';
export const DEFAULT_EMULATOR_ORIGIN = 'http://127.0.0.1:4000';
/** The SMS manager of the demo tenant (SMS-Managers: Full Control on the site; owner of the SMS group). */
export const SMS_MANAGER_UPN = 'tom.whitaker@kestrelms.onmicrosoft.com';
/**
 * What the provisioning token needs: lists and columns (Sites.Manage.All), the group (GroupMember.Read.All),
 * Planner: planner-post-plans and planner-post-buckets need only Tasks.ReadWrite, no Group.ReadWrite.All.
 */
export const PROVISION_SCOPES = ['Sites.Manage.All', 'Sites.ReadWrite.All', 'Tasks.ReadWrite', 'GroupMember.Read.All'] as const;

/** A Graph client for the emulator at `origin`, with tokens from `POST {origin}/_dev/token` (renewed before they expire). */
export function emulatorGraphClient(origin: string, upn: string = SMS_MANAGER_UPN, scopes: readonly string[] = PROVISION_SCOPES): GraphClient {
  const base = origin.replace(/\/+$/, '');
  let cached: { token: string; expiresAt: number } | undefined;
  return createGraphClient({
    baseUrl: `${base}/v1.0`,
    getToken: async () => {
      if (!cached || cached.expiresAt - Date.now() < 60_000) cached = await emulatorToken(base, upn, scopes);
      return cached.token;
    },
  });
}

/**
 * Provisions the demo tenant's SMS site in the emulator at `origin` as the SMS manager (what
 * `npm run provision` does with no arguments). For `npm start`'s first start.
 */
export function provisionEmulator(
  options: { origin: string } & Partial<Pick<ProvisionOptions, 'siteUrl' | 'dryRun' | 'log' | 'signal' | 'groupId' | 'groupName'>>,
): Promise<ProvisionResult> {
  const { origin, ...rest } = options;
  return provision({
    client: emulatorGraphClient(origin),
    siteUrl: SMS_SITE_URL,
    ...rest,
    target: 'emulator',
    emulatorOrigin: origin.replace(/\/+$/, ''),
  });
}
