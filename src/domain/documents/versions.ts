/**
 * Version labels `major.minor` (domain §5.4). The same arithmetic serves two label spaces:
 *
 * - Library versions (SharePoint major/minor versioning on `SMS Documents`): minor versions are
 *   drafts, a major version (`n.0`, n ≥ 1) is what readers see. `isPublishedLabel` answers for
 *   these labels: 0.1 → 0.2 → 1.0 (published) → 1.1 → 2.0 (published).
 * - Release labels (`Document Releases.VersionLabel`, `PublishedVersion`): the document-control
 *   label printed in the document. A minor revision may be published as e.g. 1.3 (demo §7.4:
 *   SMS-POL-003 1.3, SMS-PLN-001 2.1); each publication is still a new *major library* version.
 */

/** A parsed `major.minor` label. */
export interface VersionNumber {
  readonly major: number;
  readonly minor: number;
}

const LABEL = /^(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

/** `'2.1'` → `{ major: 2, minor: 1 }`; `undefined` for anything that is not `digits.digits`. */
export function parseVersionLabel(label: string): VersionNumber | undefined {
  const m = LABEL.exec(label.trim());
  if (!m) return undefined;
  return { major: Number(m[1]), minor: Number(m[2]) };
}

/** True for a well-formed `major.minor` label (no leading zeros, not `0.0`). */
export function isVersionLabel(label: string): boolean {
  const v = parseVersionLabel(label);
  return v !== undefined && (v.major > 0 || v.minor > 0);
}

/**
 * The label after `current`: a minor step adds one to the minor part (1.2 → 1.3), a major step
 * goes to the next whole number (1.3 → 2.0, 0.2 → 1.0). With no current label a document starts
 * at 0.1 (minor) or 1.0 (major). Throws `RangeError` on a malformed label.
 */
export function nextVersionLabel(current: string | null, kind: 'minor' | 'major'): string {
  if (current === null) return kind === 'minor' ? '0.1' : '1.0';
  const v = parseVersionLabel(current);
  if (!v || !isVersionLabel(current)) throw new RangeError(`"${current}" is not a version label (expected major.minor, e.g. 2.1)`);
  return kind === 'minor' ? `${v.major}.${v.minor + 1}` : `${v.major + 1}.0`;
}

/**
 * True for a library version label that denotes a published (major) version: `n.0` with n ≥ 1.
 * Minor versions (1.1, 0.3) are drafts that only editors and approvers see.
 */
export function isPublishedLabel(label: string): boolean {
  const v = parseVersionLabel(label);
  return v !== undefined && v.major >= 1 && v.minor === 0;
}

/** Orders labels numerically (1.9 < 1.10 < 2.0). Throws `RangeError` on a malformed label. */
export function compareVersionLabels(a: string, b: string): number {
  const x = parseVersionLabel(a);
  const y = parseVersionLabel(b);
  if (!x) throw new RangeError(`"${a}" is not a version label`);
  if (!y) throw new RangeError(`"${b}" is not a version label`);
  return x.major !== y.major ? x.major - y.major : x.minor - y.minor;
}
