/**
 * SHA-256 of a file's bytes as lower-case hex, with Web Crypto (`crypto.subtle.digest`), as the
 * integrity evidence stored with each published release (`Document Releases.FileHash`) and with each
 * acknowledgement (`Acknowledgements.FileHash`: the bytes of the version the person was shown).
 */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  // A view over its own ArrayBuffer (digest() takes a BufferSource, not a view of a shared buffer).
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  const digest = await globalThis.crypto.subtle.digest('SHA-256', copy);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
