/** Saving a version's bytes as a file from the browser (through the register export's `downloadFile`). */
import { downloadFile } from '../../export/saveFile.js';

/** `SMS-PRC-031 Change Procedure.docx` + `1.0` → `SMS-PRC-031 Change Procedure (v1.0).docx`. */
export function versionFileName(name: string, versionId: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? `${name.slice(0, dot)} (v${versionId})${name.slice(dot)}` : `${name} (v${versionId})`;
}

/** Offers `bytes` to the user as a download named `fileName`. */
export function saveBytes(bytes: Uint8Array, fileName: string, type: string): void {
  downloadFile({ name: fileName, type, bytes });
}
