/** SHA-256 of a file's bytes (`Document Releases.FileHash`): shared with the other areas, in src/platform. */
export { sha256Hex } from '../../../platform/hash.js';
