/** A file the app hands to the user. */
export interface SavedFile {
  readonly name: string;
  readonly type: string;
  readonly bytes: Uint8Array;
}

/** How a host saves a file (a browser download by default; hosts and tests may replace it). */
export type SaveFile = (file: SavedFile) => void;

/** Saves a file with the browser's download: a temporary object URL on an `<a download>`. */
export const downloadFile: SaveFile = ({ name, type, bytes }) => {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
};
