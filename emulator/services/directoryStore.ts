import type { Db } from '../store/db.js';
import { fromJson, toJson } from '../store/db.js';
import type { User, Group } from '@microsoft/microsoft-graph-types';

/**
 * Users, groups and memberships of the emulated Entra ID tenant.
 * Resources are stored as Graph JSON next to the columns used to look them up.
 */
export function ensureDirectorySchema(db: Db): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS users (
      id TEXT PRIMARY KEY,
      upn TEXT NOT NULL UNIQUE COLLATE NOCASE,
      json TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS groups (
      id TEXT PRIMARY KEY,
      display_name TEXT NOT NULL COLLATE NOCASE,
      json TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS group_members (
      group_id TEXT NOT NULL REFERENCES groups(id),
      user_id TEXT NOT NULL REFERENCES users(id),
      is_owner INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (group_id, user_id)
    );
    CREATE TABLE IF NOT EXISTS group_group_members (
      group_id TEXT NOT NULL REFERENCES groups(id),
      member_group_id TEXT NOT NULL REFERENCES groups(id),
      PRIMARY KEY (group_id, member_group_id)
    );
    CREATE INDEX IF NOT EXISTS group_group_members_member ON group_group_members(member_group_id);
  `);
}

export type UserRecord = User & { id: string; userPrincipalName: string; displayName: string };
export type GroupRecord = Group & { id: string; displayName: string };

export function insertUser(db: Db, user: UserRecord): void {
  db.prepare('INSERT INTO users(id, upn, json) VALUES(?, ?, ?)').run(user.id, user.userPrincipalName, toJson(user));
}

export function insertGroup(db: Db, group: GroupRecord): void {
  db.prepare('INSERT INTO groups(id, display_name, json) VALUES(?, ?, ?)').run(group.id, group.displayName, toJson(group));
}

export function addMember(db: Db, groupId: string, userId: string, owner = false): void {
  db.prepare('INSERT OR REPLACE INTO group_members(group_id, user_id, is_owner) VALUES(?, ?, ?)').run(groupId, userId, owner ? 1 : 0);
}

/** Looks a user up by object id or user principal name (case-insensitive), as `/users/{id | userPrincipalName}` does. */
export function findUser(db: Db, idOrUpn: string): UserRecord | undefined {
  // Object ids are GUIDs, matched without regard to case like UPNs.
  const row = db.prepare('SELECT json FROM users WHERE id = ? COLLATE NOCASE OR upn = ?').get(idOrUpn, idOrUpn) as { json: string } | undefined;
  return row ? fromJson<UserRecord>(row.json) : undefined;
}

export function allUsers(db: Db): UserRecord[] {
  return (db.prepare('SELECT json FROM users ORDER BY upn').all() as { json: string }[]).map((r) => fromJson<UserRecord>(r.json));
}

export function findGroup(db: Db, id: string): GroupRecord | undefined {
  const row = db.prepare('SELECT json FROM groups WHERE id = ? COLLATE NOCASE').get(id) as { json: string } | undefined;
  return row ? fromJson<GroupRecord>(row.json) : undefined;
}

export function findGroupByName(db: Db, displayName: string): GroupRecord | undefined {
  const row = db.prepare('SELECT json FROM groups WHERE display_name = ?').get(displayName) as { json: string } | undefined;
  return row ? fromJson<GroupRecord>(row.json) : undefined;
}

export function allGroups(db: Db): GroupRecord[] {
  return (db.prepare('SELECT json FROM groups ORDER BY display_name').all() as { json: string }[]).map((r) => fromJson<GroupRecord>(r.json));
}

export function groupMembers(db: Db, groupId: string): UserRecord[] {
  return (
    db.prepare('SELECT u.json FROM group_members m JOIN users u ON u.id = m.user_id WHERE m.group_id = ? ORDER BY u.upn').all(groupId) as { json: string }[]
  ).map((r) => fromJson<UserRecord>(r.json));
}

export function groupOwners(db: Db, groupId: string): UserRecord[] {
  return (
    db.prepare('SELECT u.json FROM group_members m JOIN users u ON u.id = m.user_id WHERE m.group_id = ? AND m.is_owner = 1 ORDER BY u.upn').all(groupId) as { json: string }[]
  ).map((r) => fromJson<UserRecord>(r.json));
}

/**
 * Makes a group a member of another (nested groups). A security group can be a member of a security group
 * (https://learn.microsoft.com/graph/api/group-post-members , the table of member types).
 */
export function addGroupMember(db: Db, groupId: string, memberGroupId: string): void {
  db.prepare('INSERT OR IGNORE INTO group_group_members(group_id, member_group_id) VALUES(?, ?)').run(groupId, memberGroupId);
}

/** Removes a user or a group from a group's direct members; false when it was not a direct member. */
export function removeMember(db: Db, groupId: string, memberId: string): boolean {
  const users = db.prepare('DELETE FROM group_members WHERE group_id = ? AND user_id = ? COLLATE NOCASE').run(groupId, memberId).changes;
  const groups = db.prepare('DELETE FROM group_group_members WHERE group_id = ? AND member_group_id = ? COLLATE NOCASE').run(groupId, memberId).changes;
  return users + groups > 0;
}

/** The groups that are direct members of a group. */
export function memberGroups(db: Db, groupId: string): GroupRecord[] {
  return (
    db.prepare('SELECT g.json FROM group_group_members m JOIN groups g ON g.id = m.member_group_id WHERE m.group_id = ? ORDER BY g.display_name').all(groupId) as { json: string }[]
  ).map((r) => fromJson<GroupRecord>(r.json));
}

/** True when the user or group is a direct member of the group. */
export function isDirectMember(db: Db, groupId: string, memberId: string): boolean {
  return (
    db.prepare('SELECT 1 FROM group_members WHERE group_id = ? AND user_id = ? COLLATE NOCASE').get(groupId, memberId) !== undefined ||
    db.prepare('SELECT 1 FROM group_group_members WHERE group_id = ? AND member_group_id = ? COLLATE NOCASE').get(groupId, memberId) !== undefined
  );
}

/**
 * Ids of the groups nested in a group at any depth, the group itself included. `UNION` (not `UNION ALL`)
 * drops rows already seen, so a cycle of nested groups ends instead of looping.
 */
const NESTED_GROUPS = `WITH RECURSIVE nested(id) AS (
  SELECT ? UNION SELECT m.member_group_id FROM group_group_members m JOIN nested n ON m.group_id = n.id
)`;

/**
 * Every member of a group through nested groups, each once: the users, and the nested groups (the group
 * itself excluded), as `GET /groups/{id}/transitiveMembers` returns them
 * (https://learn.microsoft.com/graph/api/group-list-transitivemembers : "a flat list of all nested members").
 */
export function transitiveMembers(db: Db, groupId: string): { users: UserRecord[]; groups: GroupRecord[] } {
  const users = (
    db.prepare(`${NESTED_GROUPS} SELECT u.json FROM users u WHERE u.id IN (SELECT m.user_id FROM group_members m JOIN nested n ON m.group_id = n.id) ORDER BY u.upn`).all(groupId) as { json: string }[]
  ).map((r) => fromJson<UserRecord>(r.json));
  const groups = (
    db.prepare(`${NESTED_GROUPS} SELECT g.json FROM groups g WHERE g.id IN (SELECT id FROM nested) AND g.id <> ? ORDER BY g.display_name`).all(groupId, groupId) as { json: string }[]
  ).map((r) => fromJson<GroupRecord>(r.json));
  return { users, groups };
}

/**
 * Ids of the groups a user is a member of directly or through nested groups, each once (what
 * `checkMemberGroups` and `transitiveMemberOf` answer, and what SharePoint resolves a group grant through).
 */
export function transitiveGroupIdsOf(db: Db, userId: string): string[] {
  return (
    db
      .prepare(
        `WITH RECURSIVE containing(id) AS (
          SELECT group_id FROM group_members WHERE user_id = ?
          UNION SELECT m.group_id FROM group_group_members m JOIN containing c ON m.member_group_id = c.id
        ) SELECT id FROM containing`,
      )
      .all(userId) as { id: string }[]
  ).map((r) => r.id);
}

/** Ids of the groups a user is a direct member of. */
export function groupIdsOf(db: Db, userId: string): string[] {
  return (db.prepare('SELECT group_id FROM group_members WHERE user_id = ?').all(userId) as { group_id: string }[]).map((r) => r.group_id);
}

export function isMember(db: Db, groupId: string, userId: string): boolean {
  return db.prepare('SELECT 1 FROM group_members WHERE group_id = ? AND user_id = ?').get(groupId, userId) !== undefined;
}
