import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AppOnlyCredentials } from '../../scripts/auth/appOnly.js';

/** TEST ONLY: the private key and self-signed certificate of the jobs app in tests (fixtures/jobs-app.pem). */
export const JOBS_APP_PEM_PATH = fileURLToPath(new URL('./fixtures/jobs-app.pem', import.meta.url));
export const JOBS_APP_PEM = fs.readFileSync(JOBS_APP_PEM_PATH, 'utf8');
/** Only the certificate block: what an administrator uploads to the app registration. */
export const JOBS_APP_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(JOBS_APP_PEM)![0];
export const JOBS_APP_ID = '7e0c2a4b-3f1d-4b6a-8c2e-9d5f1a0b3c71';
export const JOBS_APP_NAME = 'sms365 jobs';

/**
 * Registers the jobs app in a test emulator (`POST /_dev/apps`) with the application permissions given,
 * and returns the credentials scripts/auth/appOnly.ts signs in with.
 */
export async function registerJobsApp(origin: string, roles: string[], tenantId: string): Promise<AppOnlyCredentials> {
  const res = await fetch(`${origin}/_dev/apps`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ appId: JOBS_APP_ID, displayName: JOBS_APP_NAME, roles, certificates: [JOBS_APP_CERTIFICATE] }),
  });
  if (!res.ok) throw new Error(`registering the jobs app failed: ${res.status} ${await res.text()}`);
  return { tenantId, clientId: JOBS_APP_ID, certificatePem: JOBS_APP_PEM, authorityHost: origin };
}
