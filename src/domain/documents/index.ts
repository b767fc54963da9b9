/**
 * Document control (domain §5.4, §6.2, §6.3, §3.4; clauses 7.5.2 / 7.5.3): pure rules for
 * controlled documents, their releases and approvals. No I/O, no clock, nothing from graph/.
 */
export * from './constants.js';
export * from './types.js';
export * from './versions.js';
export * from './numbering.js';
export * from './dates.js';
export * from './access.js';
export * from './metadata.js';
export * from './results.js';
export * from './approvals.js';
export * from './lifecycle.js';
