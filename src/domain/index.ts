/**
 * src/domain: the pure ISO/IEC 20000-1 rules of the SMS (document and record lifecycles,
 * segregation-of-duties checks, numbering, scoring). No React, no I/O, nothing from graph/;
 * a lint rule enforces it (eslint.config.js). Empty until the first feature needs a rule.
 */
export {};
