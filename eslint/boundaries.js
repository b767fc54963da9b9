/**
 * A local ESLint plugin for the folder boundaries of docs/ARCHITECTURE.md that a plain
 * `no-restricted-imports` pattern cannot express, because they depend on where the importing file
 * lives and where the import resolves to:
 *   - no feature imports another feature (src/features/<a> → src/features/<b>);
 *   - shipped code (src/, graph/, webparts/) never imports emulator/ or tests/support/, except in
 *     `*.test.*` files;
 *   - graph/ holds no test fixtures (no `*testkit*`, `*fixture*`, `*harness*` modules outside tests);
 *   - src/platform/ is React-free and imports only graph/, src/domain/ and itself;
 *   - src/ui/ (shared UI) never imports graph/, src/platform/, src/features/ or src/app/.
 * Relative specifiers are resolved against the importing file; bare package names are left to
 * `no-restricted-imports` in eslint.config.js.
 */
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');

const rel = (abs) => path.relative(ROOT, abs).split(path.sep).join('/');
const isTestFile = (file) => /\.test\.[cm]?[jt]sx?$/.test(file) || file.startsWith('tests/');
const featureOf = (file) => /^src\/features\/([^/]+)\//.exec(file)?.[1] ?? null;
const under = (file, dir) => file === dir || file.startsWith(`${dir}/`);
const REACT = /^(react|react-dom|@fluentui\/|@testing-library\/react)(\/|$)/;

/** Why `from` may not import `target` (repo-relative paths), or null when it may. */
function violation(from, target) {
  const feature = featureOf(from);
  const targetFeature = featureOf(target);
  if (feature && targetFeature && feature !== targetFeature) {
    return `src/features/${feature} may not import src/features/${targetFeature}: move what both need to src/platform, src/ui or src/domain.`;
  }
  const shipped = ['src', 'graph', 'webparts'].some((d) => under(from, d));
  if (shipped && !isTestFile(from) && (under(target, 'emulator') || under(target, 'tests/support'))) {
    return 'Only tests/ and *.test.* files may import emulator/ or tests/support/.';
  }
  if (under(from, 'src/platform') && !isTestFile(from)) {
    const allowed = ['graph', 'src/domain', 'src/platform'].some((d) => under(target, d));
    if (!allowed) return 'src/platform/ imports only graph/, src/domain/ and itself (docs/ARCHITECTURE.md).';
  }
  if (under(from, 'src/ui') && !isTestFile(from)) {
    if (['graph', 'src/platform', 'src/features', 'src/app'].some((d) => under(target, d))) {
      return 'src/ui/ holds shared presentation only: it may not import graph/, src/platform, src/features or src/app.';
    }
  }
  return null;
}

const importBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Folder boundaries of docs/ARCHITECTURE.md that depend on both ends of an import.' },
    schema: [],
  },
  create(context) {
    const from = rel(context.filename);
    const check = (node, source) => {
      if (typeof source !== 'string') return;
      if (under(from, 'src/platform') && !isTestFile(from) && REACT.test(source)) {
        context.report({ node, message: 'src/platform/ is React-free (docs/ARCHITECTURE.md).' });
        return;
      }
      if (!source.startsWith('.')) return;
      const target = rel(path.resolve(path.dirname(context.filename), source));
      const why = violation(from, target);
      if (why) context.report({ node, message: why });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};

const noFixturesInGraph = {
  meta: {
    type: 'problem',
    docs: { description: 'graph/ ships with the app and holds no test fixtures (they live in tests/support/).' },
    schema: [],
  },
  create(context) {
    const file = rel(context.filename);
    return {
      Program(node) {
        if (under(file, 'graph') && !isTestFile(file) && /(testkit|fixture|harness)/i.test(path.basename(file))) {
          context.report({ node, message: 'Test fixtures belong in tests/support/, not graph/.' });
        }
      },
    };
  },
};

export default {
  meta: { name: 'sms365-boundaries' },
  rules: { imports: importBoundaries, 'no-fixtures-in-graph': noFixturesInGraph },
};

/** Exported for the plugin's own test. */
export { violation };
