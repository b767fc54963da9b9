import type { Emu } from '../emu.js';
import type { SiteRow } from './siteStore.js';
import { allUsers, findUser } from './directory.js';
import { atLeast, effectiveLevel } from './permissions.js';
import { createListIn } from './listFactory.js';
import { createItem, findList, getItem, setNextItemId, siteUserLookupId, siteUsers, updateItem, updateListRow, type ColumnRecord, type ListRow } from './lists.js';
import { guid } from '../core/ids.js';

/**
 * SharePoint's hidden "User Information List" of a site: one item per site user, whose item id is the user's
 * site lookup id (the value person columns hold as `<Name>LookupId`). Graph clients read it to map a user to
 * a lookup id, e.g. `GET /sites/{id}/lists/User Information List/items?$filter=fields/EMail eq '...'`.
 * The emulator materializes it on first use and keeps it in step with the site's users (everyone with at
 * least Read on the site, plus anyone who got a lookup id by being written into a person column).
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
    for (const u of allUsers(db)) {
      if (atLeast(effectiveLevel(db, u.id, site.id), 'read')) siteUserLookupId(db, site.id, u.id);
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
