/** Saving a version's bytes as a file from the browser (through the register export's `downloadFile`). */
import { downloadFile } from '../../../../ui/export/saveFile.js';

/** The name a downloaded version gets (shared with the other areas, src/platform/documentFile.ts). */
export { versionFileName } from '../../../../platform/documentFile.js';

/** Offers `bytes` to the user as a download named `fileName`. */
export function saveBytes(bytes: Uint8Array, fileName: string, type: string): void {
  downloadFile({ name: fileName, type, bytes });
}
