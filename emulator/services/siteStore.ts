import type { Db } from '../store/db.js';
import { fromJson, toJson } from '../store/db.js';
import type { Site } from '@microsoft/microsoft-graph-types';

/** SharePoint sites (site collections and their root web). */
export function ensureSitesSchema(db: Db): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS sites (
      id TEXT PRIMARY KEY,
      site_guid TEXT NOT NULL,
      web_guid TEXT NOT NULL,
      group_id TEXT,
      path TEXT NOT NULL UNIQUE COLLATE NOCASE,
      json TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS site_regional_settings (
      site_id TEXT PRIMARY KEY,
      time_zone TEXT NOT NULL
    );
  `);
}

/**
 * A site's regional settings: its time zone (Site settings → Regional settings). SharePoint keeps a date-only
 * value as midnight of that date in this zone, in UTC (`listFields.ts`). Graph v1.0 does not expose it: the v1.0
 * site resource has no settings (https://learn.microsoft.com/graph/api/resources/site); only the beta
 * `GET /sites/{id}/settings` returns a `siteSettings` with `timeZone`
 * (https://learn.microsoft.com/graph/api/sitesettings-get?view=graph-rest-beta), and SharePoint's own REST API
 * has `/_api/web/RegionalSettings/TimeZone`. The emulator keeps the zone as an IANA name; a site without a row is
 * in UTC. Tests set it with `setSiteTimeZone`.
 */
export const DEFAULT_SITE_TIME_ZONE = 'UTC';

export function siteTimeZone(db: Db, siteId: string): string {
  const r = db.prepare('SELECT time_zone FROM site_regional_settings WHERE site_id = ?').get(siteId) as { time_zone: string } | undefined;
  return r?.time_zone ?? DEFAULT_SITE_TIME_ZONE;
}

export function setSiteTimeZone(db: Db, siteId: string, timeZone: string): void {
  db.prepare('INSERT INTO site_regional_settings(site_id, time_zone) VALUES(?, ?) ON CONFLICT(site_id) DO UPDATE SET time_zone = excluded.time_zone').run(siteId, timeZone);
}

export type SiteRecord = Site & { id: string; webUrl: string; displayName: string };

export interface SiteRow {
  id: string;
  siteGuid: string;
  webGuid: string;
  groupId: string | null;
  path: string;
  site: SiteRecord;
}

interface RawRow { id: string; site_guid: string; web_guid: string; group_id: string | null; path: string; json: string }

const toRow = (r: RawRow): SiteRow => ({
  id: r.id,
  siteGuid: r.site_guid,
  webGuid: r.web_guid,
  groupId: r.group_id,
  path: r.path,
  site: fromJson<SiteRecord>(r.json),
});

export function insertSite(db: Db, row: SiteRow): void {
  db.prepare('INSERT INTO sites(id, site_guid, web_guid, group_id, path, json) VALUES(?, ?, ?, ?, ?, ?)').run(
    row.id, row.siteGuid, row.webGuid, row.groupId, row.path, toJson(row.site),
  );
}

/**
 * Resolves a site id as Graph accepts it: the full `hostname,siteGuid,webGuid` triple,
 * or just the site collection GUID. Case-insensitive.
 */
export function findSite(db: Db, id: string): SiteRow | undefined {
  const parts = id.split(',');
  const r =
    parts.length === 3
      ? (db.prepare('SELECT * FROM sites WHERE lower(id) = lower(?)').get(id) as RawRow | undefined)
      : (db.prepare('SELECT * FROM sites WHERE lower(site_guid) = lower(?)').get(id) as RawRow | undefined);
  return r ? toRow(r) : undefined;
}

export function findSiteByPath(db: Db, path: string): SiteRow | undefined {
  const clean = '/' + path.replace(/^\/+|\/+$/g, '');
  const r = db.prepare('SELECT * FROM sites WHERE path = ?').get(clean) as RawRow | undefined;
  return r ? toRow(r) : undefined;
}

export function findGroupSite(db: Db, groupId: string): SiteRow | undefined {
  const r = db.prepare('SELECT * FROM sites WHERE group_id = ?').get(groupId) as RawRow | undefined;
  return r ? toRow(r) : undefined;
}

export function allSites(db: Db): SiteRow[] {
  return (db.prepare('SELECT * FROM sites ORDER BY path').all() as RawRow[]).map(toRow);
}
