import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import { renderRoutes, START, END } from '../scripts/emulator-docs.js';

describe('emulator/README.md', () => {
  it('lists every route the emulator serves, each with a Microsoft Learn page or a stated purpose', async () => {
    const readme = fs.readFileSync(new URL('./README.md', import.meta.url), 'utf8');
    const block = readme.slice(readme.indexOf(START) + START.length, readme.indexOf(END)).trim();
    const generated = await renderRoutes();
    expect(block, 'run `npm run emulator:docs` to refresh the route tables').toBe(generated.trim());
    const graphRows = generated.split('\n').filter((l) => l.includes('`/v1.0'));
    expect(graphRows.length).toBeGreaterThan(0);
    for (const row of graphRows) expect(row).toMatch(/https:\/\/learn\.microsoft\.com\/graph\//);
  });
});
