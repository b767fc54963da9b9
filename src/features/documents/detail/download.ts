/** Saving a version's bytes as a file from the browser (an object URL and a temporary link). */

/** `SMS-PRC-031 Change Procedure.docx` + `1.0` → `SMS-PRC-031 Change Procedure (v1.0).docx`. */
export function versionFileName(name: string, versionId: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? `${name.slice(0, dot)} (v${versionId})${name.slice(dot)}` : `${name} (v${versionId})`;
}

/** Offers `bytes` to the user as a download named `fileName`. */
export function saveBytes(bytes: Uint8Array, fileName: string, type: string): void {
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  const url = URL.createObjectURL(new Blob([copy], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
