import type { Emu } from './emu.js';

export interface CatalogEntry {
  method: string;
  path: string;
  scopes: readonly string[];
  doc: string;
}

/** Every Graph route the emulator serves, with its accepted scopes and Microsoft Learn page. */
export function graphRoutes(emu: Emu): CatalogEntry[] {
  return emu.router.routes.map((r) => ({ method: r.method, path: `/v1.0${r.pattern}`, scopes: r.options.scopes, doc: r.options.doc }));
}

/** Non-Graph routes (dev sign-in, controls, pre-authenticated URLs). */
export function publicRoutes(emu: Emu): CatalogEntry[] {
  return emu.publicRouter.routes.map((r) => ({ method: r.method, path: r.pattern, scopes: [], doc: r.options.doc }));
}

/** The route tables of emulator/README.md, generated so they cannot drift from the code. */
export function routesMarkdown(emu: Emu): string {
  const lines = ['| Method | Path | Least-privileged delegated scope | Microsoft Learn page |', '|---|---|---|---|'];
  for (const r of graphRoutes(emu)) {
    const doc = r.doc.startsWith('http') ? `[${r.doc.replace(/^https:\/\/learn\.microsoft\.com\/graph\//, '')}](${r.doc})` : r.doc;
    const scope = r.scopes.length === 0 ? 'any valid token' : `\`${r.scopes[0]}\`${r.scopes.length > 1 ? ' or higher' : ''}`;
    lines.push(`| ${r.method} | \`${r.path}\` | ${scope} | ${doc} |`);
  }
  lines.push('', '| Method | Path (outside Graph, no token) | Purpose |', '|---|---|---|');
  for (const r of publicRoutes(emu)) lines.push(`| ${r.method} | \`${r.path}\` | ${r.doc} |`);
  return lines.join('\n');
}
