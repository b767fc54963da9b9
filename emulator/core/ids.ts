import { randomBytes, randomUUID } from 'node:crypto';

export const guid = (): string => randomUUID();

/** Planner-style opaque ids (28 url-safe characters). */
export function plannerId(): string {
  return randomBytes(21).toString('base64url');
}

/** Outlook-style long opaque ids. */
export function outlookId(): string {
  return `AAMk${randomBytes(48).toString('base64url')}`;
}

/** SharePoint drive ids are `b!` followed by url-safe base64 of the site and list ids. */
export function driveIdFor(siteGuid: string, webGuid: string, listGuid: string): string {
  const hex = (siteGuid + webGuid + listGuid).replace(/-/g, '');
  return `b!${Buffer.from(hex, 'hex').toString('base64url')}`;
}

export const base64url = (s: string): string => Buffer.from(s, 'utf8').toString('base64url');
export const fromBase64url = (s: string): string => Buffer.from(s, 'base64url').toString('utf8');
