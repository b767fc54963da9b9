/**
 * Register rules (domain §5.3–§5.4, §6.2, §6.3; clauses 4.1, 4.2, 6.1, 6.2, 7.2, 8.2–8.3, 10.1, 10.2):
 * lifecycles and who may make each step or edit a record, risk scoring and acceptance, improvement
 * priority and decision authority, objective progress, competence gaps, the NC/action rules and the
 * Planner progress mapping. Pure: no I/O, no clock, nothing from graph/ (lifecycles are passed in).
 */
export * from './types.js';
export * from './access.js';
export * from './risk.js';
export * from './improvement.js';
export * from './objectives.js';
export * from './competence.js';
export * from './nonconformity.js';
export * from './actions.js';
export * from './derive.js';
export * from './validation.js';
export * from './refusals.js';
export * from './lifecycle.js';
