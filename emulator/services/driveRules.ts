import type { Db } from '../store/db.js';
import { GraphHttpError } from '../core/errors.js';
import { itemVersions, versionLabel, type ItemRow, type ListRow } from './lists.js';
import { atLeast, effectiveLevel, type PermissionLevel } from './permissions.js';
import { checkoutLabel, nodeOfListItem, type NodeRow } from './driveStore.js';

/**
 * Rules of document libraries that both the drive API and the list API must apply to library
 * items: draft item security (who sees minor versions) and check-out locks.
 *
 * SharePoint draft item security for libraries with minor versions. Who sees drafts follows
 * the library's "Draft Item Security" setting (`settings.draftVisibility`):
 * - `reader`: anyone who can read the library sees the latest draft;
 * - `author` (the default here): only users who can edit items (Contribute or higher);
 * - `approver`: only users who can approve (Full Control here) and the item's author.
 * Everyone else sees the last major (published) version of each file, its fields and its
 * bytes, and a file that never had a major version does not exist for them.
 * Libraries without minor versions have no drafts: everyone sees the latest version.
 */
export function seesDrafts(list: ListRow, level: PermissionLevel, item: Pick<ItemRow, 'createdBy'>, userId: string, checkedOutBy?: string | null): boolean {
  if (!list.settings.enableMinorVersions) return true;
  switch (list.settings.draftVisibility ?? 'author') {
    case 'reader':
      return atLeast(level, 'read');
    case 'approver':
      return atLeast(level, 'fullControl') || item.createdBy === userId || checkedOutBy === userId;
    default:
      return atLeast(level, 'contribute');
  }
}

const isMajor = (label: string): boolean => /^[1-9]\d*\.0$/.test(label);

/** The version of an item a viewer sees, as an item row (fields, version, modified of that version). */
export function itemAsSeenBy(db: Db, list: ListRow, item: ItemRow, drafts: boolean): ItemRow | undefined {
  if (drafts || !list.settings.enableMinorVersions || item.contentType === 'Folder') return item;
  if (isMajor(versionLabel(item))) return item;
  const major = itemVersions(db, item.listId, item.id).find((v) => isMajor(v.label));
  if (!major) return undefined;
  const [m] = major.label.split('.').map(Number);
  return { ...item, fields: major.fields, modified: major.modified, modifiedBy: major.modifiedBy, versionMajor: m ?? 1, versionMinor: 0 };
}

/**
 * For `GET /sites/{s}/lists/{l}/items` on a document library: the item as `userId` may see it
 * (last major version for readers when drafts are hidden from them), or undefined when the
 * item does not exist for them. Lists that are not libraries are returned unchanged.
 * `level` is the user's permission level on the list, when the caller already knows it (loops).
 */
export function libraryItemForViewer(db: Db, list: ListRow, item: ItemRow, userId: string, level?: PermissionLevel): ItemRow | undefined {
  if (list.template !== 'documentLibrary') return item;
  const node = nodeOfListItem(db, list.id, item.id);
  if (node && neverCheckedInFor(db, node, userId)) return undefined;
  if (!list.settings.enableMinorVersions) return item;
  level ??= effectiveLevel(db, userId, list.siteId, list.id);
  return itemAsSeenBy(db, list, item, seesDrafts(list, level, item, userId, node?.checkedOutBy));
}

/**
 * A file that was created checked out and never checked in exists only for the user who has it
 * checked out: nobody else (not even a site owner) sees it through Graph, the list API or the
 * library's views until it is checked in. SharePoint creates a file checked out when the library
 * requires check-out, and when the library has required columns that the upload leaves empty
 * (see `createFile`). Observed behaviour: SharePoint/sp-dev-docs issue 1687 ("No one can see a
 * checked out file after initial upload except a user who did upload"; answered by design) and
 * vgrem/office365-rest-python-client issue 409; pnp/pnpjs issue 775 (a library with a required
 * column: the upload works, the check-in fails while the required field is empty).
 */
export function neverCheckedInFor(db: Db, node: Pick<NodeRow, 'id' | 'checkedOutBy'>, userId: string): boolean {
  return node.checkedOutBy !== null && node.checkedOutBy !== userId && checkoutLabel(db, node.id) === null;
}

/** Version labels a viewer may list: all of them when they see drafts, otherwise majors only. */
export function visibleVersionLabel(label: string, drafts: boolean): boolean {
  return drafts || isMajor(label);
}

// ---------- check-out locks ----------

/**
 * Writes to a file checked out by someone else. The Graph docs list 423 Locked without a code;
 * the service has been seen answering 423 `accessDenied` ("The file is currently checked out or
 * locked for editing by another user.") with the inner code `resourceLocked`
 * (OneDrive/onedrive-api-docs issue 912 and pull request 1199; microsoft/FluidFramework pull request 13489).
 */
export const lockedError = () =>
  new GraphHttpError(423, 'accessDenied', 'The file is currently checked out or locked for editing by another user.', {}, 'resourceLocked');

/**
 * Editing a file that is not checked out in a library that requires check-out. Graph documents no
 * response for this; the emulator's choice is 423 `notAllowed`.
 */
export const checkoutRequiredError = () =>
  new GraphHttpError(423, 'notAllowed', 'The file must be checked out before it can be modified (the library requires check out).');

/**
 * For list-API writes (`PATCH /sites/{s}/lists/{l}/items/{i}/fields`, `DELETE …/items/{i}`) on a
 * document library item: refuses with 423 when the file is checked out by someone else, and
 * (for property edits, `edit: true`) when the library requires check-out and the caller has not
 * checked the file out. Items of other lists pass.
 */
export function assertLibraryItemWritable(db: Db, list: ListRow, item: ItemRow, userId: string, edit = true): void {
  if (list.template !== 'documentLibrary') return;
  const node = nodeOfListItem(db, list.id, item.id);
  if (!node) return;
  if (node.checkedOutBy && node.checkedOutBy !== userId) throw lockedError();
  if (edit && !node.isFolder && list.settings.requireCheckout && node.checkedOutBy !== userId) throw checkoutRequiredError();
}
