/**
 * Paths inside the Registers area. The list screen reads its filters from the query string
 * (`/registers/risks?Status=Accepted&Owner=7`), so a count anywhere (a summary cell, Home) can link
 * to exactly the records it counts.
 */
import { TARGET_AREA_PATHS, recordPath } from '../../../platform/paths.js';

export { recordPath };

/** `/registers`. */
export const registersPath = (): string => TARGET_AREA_PATHS.record;

/** `/registers/risks`, with filters as `Column=value` pairs (empty values left out). */
export function registerListPath(register: string, filters: Readonly<Record<string, string | number | boolean | null | undefined>> = {}): string {
  const query = new URLSearchParams();
  for (const [column, value] of Object.entries(filters)) if (value !== null && value !== undefined && value !== '') query.set(column, String(value));
  const qs = query.toString();
  return `${TARGET_AREA_PATHS.record}/${encodeURIComponent(register)}${qs ? `?${qs}` : ''}`;
}

/** `/registers/risks/new`. */
export const newRecordPath = (register: string): string => `${TARGET_AREA_PATHS.record}/${encodeURIComponent(register)}/new`;

/** `/registers/competence` (the competence view). */
export const competencePath = (): string => `${TARGET_AREA_PATHS.record}/competence`;
