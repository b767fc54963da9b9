/** Rules for free text that people type and others read. */

/**
 * Unicode's explicit directional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069):
 * invisible characters that make text display in another order than it is stored, so "Policy
 * U+202E fdp.exe" reads as "Policy exe.pdf". The marks (U+200E, U+200F, U+061C) only steer
 * neutral characters in mixed-script text and stay allowed.
 */
export const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/** `text` without directional embeddings, overrides and isolates: it displays as it is stored. */
export function withoutBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/** True when `text` contains an explicit directional embedding, override or isolate. */
export function hasBidiControl(text: string): boolean {
  return new RegExp(BIDI_CONTROLS.source).test(text);
}
