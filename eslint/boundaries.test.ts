import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The repository's real ESLint configuration, run over small sources placed (virtually) in each
 * folder: a wrong-way import must fail `npm run lint` with the reason, a right-way one must not.
 */
const eslint = new ESLint({ cwd: new URL('..', import.meta.url).pathname });

async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId?.startsWith('sms365/')).map((m) => m.message);
}

describe('folder boundaries held by lint', () => {
  it('refuses a feature importing another feature, and allows the shared layers', async () => {
    expect(await boundaryErrors('src/features/home/x.ts', "export { DocumentRegister } from '../documents/index.js';\n")).toEqual([
      expect.stringContaining('src/features/home may not import src/features/documents'),
    ]);
    expect(await boundaryErrors('src/features/home/screens/y.ts', "export const load = () => import('../../documents/index.js');\n")).toHaveLength(1);
    expect(await boundaryErrors('src/features/documents/x.ts', "export * from '../../platform/index.js';\nexport * from './api/publish.js';\n")).toEqual([]);
  });

  it('lets only tests import the emulator or tests/support', async () => {
    const code = "export { createEmulator } from '../../emulator/app.js';\n";
    expect(await boundaryErrors('graph/lists/thing.ts', code)).toEqual([expect.stringContaining('Only tests/ and *.test.*')]);
    expect(await boundaryErrors('graph/lists/thing.test.ts', code)).toEqual([]);
    expect(await boundaryErrors('src/app/thing.ts', "export * from '../../tests/support/appHarness.js';\n")).toHaveLength(1);
  });

  it('keeps graph/ free of test fixtures', async () => {
    expect(await boundaryErrors('graph/home/homeFixtures.ts', 'export const x = 1;\n')).toEqual([expect.stringContaining('tests/support')]);
    expect(await boundaryErrors('graph/home/homeCounts.ts', 'export const x = 1;\n')).toEqual([]);
  });

  it('keeps src/platform React-free and below the features, and src/ui above nothing but the domain', async () => {
    expect(await boundaryErrors('src/platform/people.ts', "import { useState } from 'react';\nexport const s = useState;\n")).toEqual([expect.stringContaining('React-free')]);
    expect(await boundaryErrors('src/platform/people.ts', "export * from '../features/documents/index.js';\n")).toHaveLength(1);
    expect(await boundaryErrors('src/platform/people.ts', "export * from '../../graph/core/paging.js';\nexport * from '../domain/roles.js';\n")).toEqual([]);
    expect(await boundaryErrors('src/ui/DataTable.tsx', "export * from '../../graph/core/client.js';\n")).toHaveLength(1);
    expect(await boundaryErrors('src/ui/RefusalMessage.tsx', "export * from '../domain/documents/results.js';\n")).toEqual([]);
  });
});
