import type { Emu } from '../emu.js';
import type { Db } from '../store/db.js';
import type { SiteRow } from './siteStore.js';
import { findUser } from './directory.js';
import { atLeast, effectiveLevel } from './permissions.js';
import { grantsOn } from './permissionStore.js';
import { createListIn } from './listFactory.js';
import { createItem, findList, getItem, setNextItemId, siteUserLookupId, siteUsers, updateItem, updateListRow, type ColumnRecord, type ListRow } from './lists.js';
import { guid } from '../core/ids.js';

/**
 * SharePoint's hidden "User Information List" of a site: one item per site user, whose item id is the user's
 * site lookup id (the value person columns hold as `<Name>LookupId`). Graph clients read it to map a user to
 * a lookup id, e.g. `GET /sites/{id}/lists/User Information List/items?$filter=fields/EMail eq '...'`.
 *
 * Who is in it, as on SharePoint Online: a user is added when they first visit the site (any request to it:
 * `recordSiteVisit`), when they are granted access directly (a grant to the user, not to a group), or when they
 * are ensured (SharePoint REST `web/ensureuser`, "if the user doesn't exist, adds the user to the site",
 * https://learn.microsoft.com/previous-versions/office/sharepoint-visio/jj245233(v=office.15)). Members of a
 * group that has access are NOT listed until one of those happens, and Graph has no call that adds anyone (a
 * person column is written as `<Name>LookupId`, an id from this list: fieldValueSet,
 * https://learn.microsoft.com/graph/api/resources/fieldvalueset). The emulator does not serve SharePoint REST.
 * So a person column cannot name a user who has never opened the site (the app's answer is in
 * docs/decisions/0005-people-who-never-visited-the-site.md).
 * The emulator materializes the list on first use and keeps its items in step with `site_users`.
 */
export const USER_INFO_LIST = 'User Information List';

const text = (name: string): ColumnRecord => ({
  id: guid(),
  name,
  displayName: name,
  columnGroup: 'Custom Columns',
  description: '',
  enforceUniqueValues: false,
  hidden: false,
  indexed: false,
  readOnly: false,
  required: false,
  text: { allowMultipleLines: false, appendChangesToExistingText: false, linesForEditing: 0, maxLength: 255 },
});

export const isUserInfoListName = (idOrName: string): boolean => idOrName.toLowerCase() === USER_INFO_LIST.toLowerCase();

/** Returns the site's User Information List, creating it and syncing its items with the site users. */
export function ensureUserInfoList(emu: Emu, site: SiteRow): ListRow {
  const { db } = emu;
  return db.transaction(() => {
    let list = findList(db, site.id, USER_INFO_LIST);
    if (!list) {
      list = createListIn(emu, site, {
        displayName: USER_INFO_LIST,
        name: 'users',
        template: 'genericList',
        hidden: true,
        columns: ['EMail', 'UserName', 'JobTitle', 'Department'].map(text),
      });
      list.list = { ...list.list, webUrl: `${site.site.webUrl}/_catalogs/users` };
      updateListRow(db, list, list.modified);
    }
    // Granted access directly: a grant on the site whose principal is a user (group grants add nobody).
    for (const g of grantsOn(db, site.id)) {
      if (g.level !== 'none' && findUser(db, g.principalId)) siteUserLookupId(db, site.id, g.principalId);
    }
    const rows = siteUsers(db, site.id);
    const at = emu.now().toISOString().replace(/\.\d{3}Z$/, 'Z');
    for (const r of rows) {
      const u = findUser(db, r.userId);
      if (!u) continue;
      const fields = { Title: u.displayName, EMail: u.mail ?? u.userPrincipalName, UserName: u.userPrincipalName, JobTitle: u.jobTitle ?? null, Department: u.department ?? null };
      const item = getItem(db, list.id, r.lookupId);
      if (!item) {
        setNextItemId(db, list.id, r.lookupId);
        createItem(db, list, { fields, user: u, at });
      } else if (JSON.stringify(item.fields) !== JSON.stringify({ ...item.fields, ...fields })) {
        updateItem(db, item, { fields, user: u, at, bump: 'major' });
      }
    }
    const max = rows.length ? rows[rows.length - 1]!.lookupId : 0;
    setNextItemId(db, list.id, max + 1, true);
    return findList(db, site.id, USER_INFO_LIST) ?? list;
  })();
}

/**
 * A user's request to a site (the site itself, its lists or its libraries): SharePoint adds a user who can
 * read the site to its User Information List on their first visit. Callers without access are not added.
 * Returns the user's lookup id, or null when they were not (or could not be) added.
 */
export function recordSiteVisit(db: Db, siteId: string, userId: string): number | null {
  // Every request to a site passes here: remember who is listed already, so a visit costs a map lookup.
  let seen = visited.get(db);
  if (!seen) visited.set(db, (seen = new Map()));
  const key = `${siteId}|${userId}`;
  const hit = seen.get(key);
  if (hit !== undefined) return hit;
  if (!findUser(db, userId)) return null;
  const known = siteUsers(db, siteId).find((u) => u.userId === userId);
  if (!known && !atLeast(effectiveLevel(db, userId, siteId), 'read')) return null;
  const lookupId = known?.lookupId ?? siteUserLookupId(db, siteId, userId);
  seen.set(key, lookupId);
  return lookupId;
}

/** Site users already recorded, per database (a lookup id, once given, is never taken back). */
const visited = new WeakMap<Db, Map<string, number>>();

