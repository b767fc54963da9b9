/**
 * Small helpers the register rules share: who the actor is (a person or the app), which of a record's
 * person columns name them, whether they own the record's process (§6.2 "Own"), and whether a value
 * counts as filled in.
 */
import type { SmsRole } from '../roles.js';
import type { Actor, SystemActor, Value, Values } from './types.js';

/** True for the app itself (sync, jobs). */
export function isSystem(actor: Actor | SystemActor): actor is SystemActor {
  return actor === 'system';
}

/** Person ids are lower-case UPNs; compare them ignoring case and surrounding spaces. */
export function samePerson(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return false;
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** The person a person column names (lower-case UPN), or null. */
export function personIn(values: Values, column: string): string | null {
  const v = values[column];
  return typeof v === 'string' && v.trim() !== '' ? v.trim().toLowerCase() : null;
}

/** True when the actor holds one of `roles`. */
export function holds(actor: Actor, ...roles: readonly SmsRole[]): boolean {
  return roles.some((r) => actor.roles.includes(r));
}

/** True when one of the person `columns` of the record names the actor. */
export function namedIn(actor: Actor, values: Values, columns: readonly string[]): boolean {
  return columns.some((c) => samePerson(personIn(values, c), actor.id));
}

/** True when the record's `Process` (a Processes item id) is one the actor owns. */
export function ownsProcessOf(actor: Actor, values: Values): boolean {
  const process = values.Process;
  const id = typeof process === 'number' ? String(process) : typeof process === 'string' ? process.trim() : '';
  return id !== '' && actor.ownedProcessIds.includes(id);
}

/** A value that counts as filled in: non-blank text, a number, a boolean, a non-empty list. */
export function filled(v: Value | undefined): boolean {
  if (v === null || v === undefined) return false;
  if (typeof v === 'string') return v.trim() !== '';
  if (typeof v === 'number') return Number.isFinite(v);
  if (typeof v === 'boolean') return true;
  return v.length > 0;
}

/** A number value, or null. */
export function numberIn(values: Values, column: string): number | null {
  const v = values[column];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** A text value (trimmed, non-blank), or null. */
export function textIn(values: Values, column: string): string | null {
  const v = values[column];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
}
