import { defineConfig } from 'vitest/config';

/** Fetches the UI catalogs that the app loads on demand, so tests can render in any language at once. */
const I18N_CATALOGS = 'tests/support/i18nCatalogs.ts';

/**
 * Test projects (see docs/ARCHITECTURE.md): graph and emulator run in node, src and webparts in
 * jsdom, e2e drives Debian's Chromium through playwright-core against started processes.
 */
export default defineConfig({
  test: {
    // The JSON report lets .ci/run print a plain "N passed, N failed" line at the end.
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
    projects: [
      { extends: true, test: { name: 'graph', environment: 'node', include: ['graph/**/*.test.ts'] } },
      { extends: true, test: { name: 'emulator', environment: 'node', include: ['emulator/**/*.test.ts', 'scripts/**/*.test.ts', 'eslint/**/*.test.ts'], testTimeout: 30_000 } },
      { extends: true, test: { name: 'src', environment: 'jsdom', include: ['src/**/*.test.{ts,tsx}'], setupFiles: [I18N_CATALOGS], testTimeout: 20_000 } },
      { extends: true, test: { name: 'webparts', environment: 'jsdom', include: ['webparts/**/*.test.{ts,tsx}'], setupFiles: [I18N_CATALOGS] } },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.e2e.test.ts'],
          // Builds dist/ once (only if stale); see tests/support/processes.ts.
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
