/**
 * The emulated Entra ID directory (users, groups, memberships) as services and routes use it. Everything it
 * does is a lookup or an insert, so it is all in the store module; this name stays the directory's entry
 * point (tests and bench/ import it).
 */
export * from './directoryStore.js';
