/**
 * The register engine: React-free core under every SMS register (documents today; nonconformities,
 * risks, changes… next). A register is a configuration — its list schema, the columns it shows,
 * how a record becomes its row — plus its rules in src/domain:
 * - `planQuery` (plan.ts): one indexed predicate sent, the rest applied to the returned rows,
 *   non-indexed columns of large lists refused before sending;
 * - `readPage` / `readAll` (read.ts): pages through `graph/lists`, `@odata.nextLink` followed verbatim;
 * - `toRecord` / `encodeFields` (coerce.ts): one coercion per column type, both ways;
 * - `createRecord` / `updateRecord` (write.ts): `If-Match`, `Ref` from a sequence, an audit entry;
 *   `platformWriteDeps` (write.defaults.ts, imported from there so read-only screens do not load the
 *   writers) backs them with `SMS Sequences` and the `SMS Audit Trail`.
 */
export * from './types.js';
export { cell, columnOf, encodeFields, fieldKeyOf, isLookupColumn, isMultiValueColumn, readCell, toRecord } from './coerce.js';
export { cellMatches, planQuery, type QueryPlan } from './plan.js';
export {
  EXPORT_PAGE_SIZE,
  MAX_REQUESTS_PER_LOAD,
  MIN_ROWS_PER_LOAD,
  PAGE_SIZE,
  readAll,
  readPage,
  type ReadOptions,
  type RegisterDefinition,
  type RegisterQuery,
  type RowsPage,
} from './read.js';
export { REF_COLUMN, createRecord, updateRecord, type AuditWriter, type NamedAuditEvent, type NextRef, type RegisterAuditEntry, type RegisterWriteDeps, type WriteOptions } from './write.js';
