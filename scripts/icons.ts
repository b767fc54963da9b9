import fs from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PNG } from 'pngjs';

/**
 * The Teams app icons, drawn in code with pngjs (no hand-made binaries in the repository):
 * a ring with a check mark, the "plan, do, check, act" cycle of a management system.
 *
 * Teams wants a 192×192 full-colour icon and a 32×32 outline icon that is white on a transparent
 * background (https://learn.microsoft.com/microsoftteams/platform/concepts/build-and-test/apps-package).
 * `npm run package` puts both in the app package; `npx tsx scripts/icons.ts <dir>` writes them to a
 * folder to look at.
 */

export const COLOR_ICON_SIZE = 192;
export const OUTLINE_ICON_SIZE = 32;
/** The accent colour of the app (also `accentColor` in manifest/manifest.json). */
export const ACCENT = { r: 0x1f, g: 0x5a, b: 0xa6 };

/** The mark in unit coordinates (0..1 across the icon). */
interface Mark {
  cx: number;
  cy: number;
  /** Ring radii. */
  outer: number;
  inner: number;
  /** Check mark polyline and half its stroke width. */
  check: readonly (readonly [number, number])[];
  halfStroke: number;
}

const COLOR_MARK: Mark = {
  cx: 0.5,
  cy: 0.5,
  outer: 0.34,
  inner: 0.26,
  check: [
    [0.37, 0.5],
    [0.46, 0.6],
    [0.64, 0.41],
  ],
  halfStroke: 0.038,
};

/** The outline icon is tiny, so its mark fills more of the frame and its strokes are thicker. */
const OUTLINE_MARK: Mark = {
  cx: 0.5,
  cy: 0.5,
  outer: 0.47,
  inner: 0.35,
  check: [
    [0.29, 0.5],
    [0.44, 0.65],
    [0.71, 0.37],
  ],
  halfStroke: 0.07,
};

function distanceToSegment(px: number, py: number, a: readonly [number, number], b: readonly [number, number]): number {
  const [ax, ay] = a;
  const [bx, by] = b;
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function insideMark(mark: Mark, x: number, y: number): boolean {
  const r = Math.hypot(x - mark.cx, y - mark.cy);
  if (r <= mark.outer && r >= mark.inner) return true;
  for (let i = 1; i < mark.check.length; i++) {
    if (distanceToSegment(x, y, mark.check[i - 1]!, mark.check[i]!) <= mark.halfStroke) return true;
  }
  return false;
}

/** Fraction (0..1) of pixel (px, py) covered by the mark, from 4×4 samples (smooth edges). */
function coverage(mark: Mark, size: number, px: number, py: number): number {
  const n = 4;
  let hits = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (insideMark(mark, (px + (i + 0.5) / n) / size, (py + (j + 0.5) / n) / size)) hits++;
    }
  }
  return hits / (n * n);
}

/** The colour icon: the white mark on an opaque accent-coloured square. */
export function colorIcon(size = COLOR_ICON_SIZE): Buffer {
  const png = new PNG({ width: size, height: size });
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const c = coverage(COLOR_MARK, size, x, y);
      const i = (y * size + x) * 4;
      png.data[i] = Math.round(ACCENT.r + (255 - ACCENT.r) * c);
      png.data[i + 1] = Math.round(ACCENT.g + (255 - ACCENT.g) * c);
      png.data[i + 2] = Math.round(ACCENT.b + (255 - ACCENT.b) * c);
      png.data[i + 3] = 255;
    }
  }
  return PNG.sync.write(png);
}

/** The outline icon: the mark in pure white, everything else fully transparent. */
export function outlineIcon(size = OUTLINE_ICON_SIZE): Buffer {
  const png = new PNG({ width: size, height: size });
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 4;
      png.data[i] = 255;
      png.data[i + 1] = 255;
      png.data[i + 2] = 255;
      png.data[i + 3] = Math.round(255 * coverage(OUTLINE_MARK, size, x, y));
    }
  }
  return PNG.sync.write(png);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = path.resolve(process.argv[2] ?? 'dist/icons');
  await fs.mkdir(dir, { recursive: true });
  await fs.writeFile(path.join(dir, 'color.png'), colorIcon());
  await fs.writeFile(path.join(dir, 'outline.png'), outlineIcon());
  console.log(`Wrote color.png (${COLOR_ICON_SIZE}×${COLOR_ICON_SIZE}) and outline.png (${OUTLINE_ICON_SIZE}×${OUTLINE_ICON_SIZE}) to ${dir}`);
}
