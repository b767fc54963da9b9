import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { defineConfig, globalIgnores } from 'eslint/config';

/**
 * Flat config: ESLint + typescript-eslint recommended, plus the import boundaries of
 * docs/ARCHITECTURE.md (dependencies point down only):
 *   - graph/ and emulator/ never import React (or Fluent) or src/;
 *   - src/domain/ imports nothing from graph/, React, or the rest of src/;
 *   - emulator/ never imports src/ or graph/;
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
  { files: ['emulator/**/*.{js,ts,tsx}'], rules: restrict(react, graphClient, intoSrc, intoGraph) },
  { files: ['src/domain/**/*.{js,ts,tsx}'], rules: restrict(react, graphClient, intoGraph, domainOutward) },
]);
