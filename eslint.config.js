import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { defineConfig, globalIgnores } from 'eslint/config';
import boundaries from './eslint/boundaries.js';

/**
 * Flat config: ESLint + typescript-eslint recommended, plus the import boundaries of
 * docs/ARCHITECTURE.md (dependencies point down only):
 *   - graph/ and emulator/ never import React (or Fluent) or src/;
 *   - src/domain/ imports nothing from graph/, React, or the rest of src/;
 *   - emulator/ never imports src/ or graph/;
 *   - emulator/core/ never imports emulator/services/, and only emulator store modules
 *     (emulator/store/, emulator/services/*Store.ts) hold SQL or import better-sqlite3;
 *   - only graph/ imports @microsoft/microsoft-graph-client.
 * `no-restricted-imports` options do not merge across config objects, so every file matches
 * exactly one boundary block below, which lists all of its restrictions.
 */

const react = {
  group: ['react', 'react/*', 'react-dom', 'react-dom/*', '@fluentui/*', '@testing-library/react'],
  message: 'React and Fluent belong to src/ and webparts/ only (docs/ARCHITECTURE.md).',
};
const graphClient = {
  group: ['@microsoft/microsoft-graph-client', '@microsoft/microsoft-graph-client/*'],
  message: 'Only graph/ talks to the Graph client; call a function from graph/ instead.',
};
const intoSrc = {
  regex: '^(\\.\\./)+src(/|$)',
  message: 'Nothing below src/ in the dependency direction may import src/ (docs/ARCHITECTURE.md).',
};
const intoGraph = {
  regex: '^(\\.\\./)+graph(/|$)',
  message: 'This layer may not depend on graph/ (docs/ARCHITECTURE.md).',
};
const domainOutward = {
  regex: '^(\\.\\./)+(app|features)(/|$)',
  message: 'src/domain/ holds pure rules and may not import app or feature code.',
};

// The emulator's layers (docs/ARCHITECTURE.md, emulator/README.md "Layout"): core/ sits below services/, and
// SQL lives only in store modules (emulator/store/ and emulator/services/*Store.ts).
const emulatorStores = ['emulator/store/**/*.{js,ts,tsx}', 'emulator/services/*Store.ts'];
const emulatorTests = ['emulator/**/*.test.ts', 'emulator/**/*.testkit.ts'];
const intoServices = {
  regex: '^(\\.\\./)+services(/|$)',
  message: 'emulator/core/ may not depend on emulator/services/; move the shared piece into core or pass it in.',
};
const sqliteDriver = {
  group: ['better-sqlite3'],
  message: 'Only emulator store modules (emulator/store/, emulator/services/*Store.ts) talk to SQLite.',
};
const statementCache = {
  regex: '(^|/)store/db(\\.js)?$',
  importNames: ['cachedStatement'],
  message: 'Prepared statements belong in emulator store modules (emulator/services/*Store.ts).',
};
/** Outside store modules: no prepared statements and no SQL text (a string or template starting with a statement). */
const SQL_TEXT =
  '/^\\s*(SELECT\\s[\\s\\S]*\\bFROM\\b|INSERT\\s+(OR\\s+[A-Z]+\\s+)?INTO\\s|UPDATE\\s+\\w+\\s+SET\\s|DELETE\\s+FROM\\s|(CREATE|DROP|ALTER)\\s+(TABLE|INDEX|UNIQUE|VIEW|TRIGGER)\\s|WITH\\s+RECURSIVE\\s)/';
const sqlOnlyInStores = {
  'no-restricted-syntax': [
    'error',
    {
      selector: "CallExpression[callee.property.name='exec'][arguments.0.type=/^(Literal|TemplateLiteral)$/]",
      message: 'SQL belongs in an emulator store module (emulator/store/, emulator/services/*Store.ts); call a store function instead.',
    },
    {
      selector: 'CallExpression[callee.property.name=/^(prepare|pragma)$/]',
      message: 'SQL belongs in an emulator store module (emulator/store/, emulator/services/*Store.ts); call a store function instead.',
    },
    {
      selector: `Literal[value=${SQL_TEXT}]`,
      message: 'SQL text belongs in an emulator store module (emulator/store/, emulator/services/*Store.ts).',
    },
    {
      selector: `TemplateElement[value.raw=${SQL_TEXT}]`,
      message: 'SQL text belongs in an emulator store module (emulator/store/, emulator/services/*Store.ts).',
    },
  ],
};

const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default defineConfig([
  globalIgnores(['node_modules/', 'dist/', 'coverage/', 'test-results/', '.data/']),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['src/**', 'webparts/**'],
    languageOptions: { globals: { ...globals.browser } },
  },

  // Import boundaries: exactly one block per file.
  {
    files: ['**/*.{js,ts,tsx}'],
    ignores: ['graph/**', 'emulator/**', 'src/domain/**'],
    rules: restrict(graphClient),
  },
  { files: ['graph/**/*.{js,ts,tsx}'], rules: restrict(react, intoSrc) },
  // emulator/: store modules may use SQL; core/ may not import services/; tests may poke the database.
  {
    files: ['emulator/**/*.{js,ts,tsx}'],
    ignores: ['emulator/core/**', ...emulatorStores, ...emulatorTests],
    rules: { ...restrict(react, graphClient, intoSrc, intoGraph, sqliteDriver, statementCache), ...sqlOnlyInStores },
  },
  {
    files: ['emulator/core/**/*.{js,ts,tsx}'],
    rules: { ...restrict(react, graphClient, intoSrc, intoGraph, intoServices, sqliteDriver, statementCache), ...sqlOnlyInStores },
  },
  { files: emulatorStores, rules: restrict(react, graphClient, intoSrc, intoGraph) },
  { files: emulatorTests, ignores: ['emulator/core/**'], rules: restrict(react, graphClient, intoSrc, intoGraph) },
  { files: ['src/domain/**/*.{js,ts,tsx}'], rules: restrict(react, graphClient, intoGraph, domainOutward) },

  // Boundaries that depend on both ends of an import (eslint/boundaries.js): no feature imports
  // another feature; only tests import emulator/ or tests/support; src/platform and src/ui stay in
  // their lanes; graph/ holds no test fixtures.
  {
    files: ['src/**/*.{js,ts,tsx}', 'graph/**/*.{js,ts,tsx}', 'webparts/**/*.{js,ts,tsx}'],
    plugins: { sms365: boundaries },
    rules: { 'sms365/imports': 'error', 'sms365/no-fixtures-in-graph': 'error' },
  },
]);
