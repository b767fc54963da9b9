/** Policy acknowledgement: the engine every area and the daily job share (ADR 0007). */
export * from './mapping.js';
export * from './read.js';
export * from './acknowledge.js';
export * from './campaigns.js';
