import { GraphHttpError } from './errors.js';

/**
 * The Microsoft cloud the emulator answers as. `global` is Graph worldwide
 * (`https://graph.microsoft.com`); `china` is Microsoft Graph China operated by 21Vianet
 * (`https://microsoftgraph.chinacloudapi.cn`, Learn: https://learn.microsoft.com/graph/deployments),
 * whose service lacks some workloads.
 */
export const EMULATED_CLOUDS = ['global', 'china'] as const;
export type EmulatedCloud = (typeof EMULATED_CLOUDS)[number];

/**
 * Graph v1.0 path segments a cloud does not serve. Planner: every Planner API page carries Learn's
 * national-cloud table "Global service ✅, US Government L4 ✅, US Government L5 (DOD) ✅, China
 * operated by 21Vianet ❌" (https://learn.microsoft.com/graph/api/planner-post-tasks ,
 * https://learn.microsoft.com/graph/api/plannergroup-list-plans).
 */
const MISSING_SEGMENTS: Readonly<Record<EmulatedCloud, readonly string[]>> = {
  global: [],
  china: ['planner'],
};

/**
 * Refuses a request for a segment the cloud does not have, as Graph in China does for a resource it
 * lacks: `400 BadRequest` "Resource not found for the segment '…'." (observed on
 * microsoftgraph.chinacloudapi.cn for `/places` and `/{domain}/domains`:
 * microsoftgraph/microsoft-graph-docs-contrib issues 4744 and 5838). `path` is the part after
 * `/v1.0`; path-addressed drive items (`root:/folder/file:`) are names, not segments, so the scan stops there.
 */
export function refuseMissingSegment(cloud: EmulatedCloud, path: string): void {
  const missing = MISSING_SEGMENTS[cloud];
  if (missing.length === 0) return;
  for (const raw of path.split('?')[0]!.split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      segment = raw;
    }
    if (segment.includes(':')) return;
    const hit = missing.find((m) => m === segment.toLowerCase());
    if (hit) throw new GraphHttpError(400, 'BadRequest', `Resource not found for the segment '${segment}'.`);
  }
}
