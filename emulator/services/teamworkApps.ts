import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SPA_APP } from './appRegistrationStore.js';

/**
 * The tenant's Teams app catalog as the emulator knows it: one app, sms365, published to the organization from
 * the package `npm run package` builds (manifest/manifest.json with the values of manifest/.env.example).
 * The activity types it may send come from that same manifest, so the emulator refuses what the real service
 * refuses when the manifest lacks a type.
 *
 * Learn: https://learn.microsoft.com/graph/api/resources/teamsapp ,
 * https://learn.microsoft.com/graph/api/resources/teamsappdefinition ,
 * https://learn.microsoft.com/graph/teams-send-activityfeednotifications ("Activities update").
 */

export interface ActivityTypeDeclaration {
  type: string;
  description: string;
  templateText: string;
}

export interface CatalogApp {
  /** The catalog id (`teamsApp.id`), which differs from the manifest id. */
  id: string;
  /** The manifest `id` (`teamsApp.externalId`). */
  externalId: string;
  displayName: string;
  distributionMethod: 'organization';
  version: string;
  /** `webApplicationInfo.id`: the Entra application behind the Teams app (the `appid` of its tokens). */
  azureADAppId: string;
  shortDescription: string;
  description: string;
  activityTypes: ActivityTypeDeclaration[];
}

/** The reserved activity type any app may send without declaring it (free text in the Actor+Reason line). */
export const SYSTEM_DEFAULT = 'systemDefault';

/**
 * The repository root, where the manifest lives, as a file path: under jsdom (tests that run the
 * emulator beside the app) the global URL is jsdom's, which `fs` does not take, so no URL objects.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const readText = (file: string) => readFileSync(path.join(root, file), 'utf8');

/** `KEY=value` lines of an env file (comments and blank lines skipped). */
function envValues(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*([A-Z_][A-Z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (m) out[m[1]!] = m[2]!;
  }
  return out;
}

/** A name-based GUID, so the catalog id is the same on every machine. */
function nameGuid(name: string): string {
  const x = createHash('sha1').update(`sms365:teamsApp:${name}`).digest('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-5${x.slice(13, 16)}-a${x.slice(17, 20)}-${x.slice(20, 32)}`;
}

let cached: CatalogApp | undefined;

/** The sms365 app as the tenant's catalog holds it. */
export function sms365App(): CatalogApp {
  if (cached) return cached;
  const manifest = JSON.parse(readText('manifest/manifest.json')) as {
    name: { short: string };
    description: { short: string; full: string };
    activities?: { activityTypes?: ActivityTypeDeclaration[] };
  };
  const env = envValues(readText('manifest/.env.example'));
  const version = (JSON.parse(readText('package.json')) as { version: string }).version;
  const externalId = env.APP_ID ?? '';
  cached = {
    id: nameGuid(externalId),
    externalId,
    displayName: manifest.name.short,
    distributionMethod: 'organization',
    version,
    // webApplicationInfo.id is the sms365 Entra app (CLIENT_ID on a tenant); in the emulator that registration is
    // the SPA app its dev sign-in issues delegated tokens for.
    azureADAppId: SPA_APP.id,
    shortDescription: manifest.description.short,
    description: manifest.description.full,
    activityTypes: manifest.activities?.activityTypes ?? [],
  };
  return cached;
}

/** The catalog: the apps a tenant user can install. */
export const catalogApps = (): CatalogApp[] => [sms365App()];

export const findCatalogApp = (id: string): CatalogApp | undefined => catalogApps().find((a) => a.id.toLowerCase() === id.toLowerCase());
