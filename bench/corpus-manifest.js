// The corpus manifest: which packages make up the corpus, where they live and which of their files
// are linted. Shared by every corpus script (scripts/corpus-setup.js installs what it lists;
// validate, bench, review, candidates, score and bench/eslint-options.js read it). bench/ never
// imports scripts/.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const CORPUS_DIR = path.join(ROOT, 'bench', 'corpus');
export const CACHE_DIR = path.join(CORPUS_DIR, 'node_modules', '.cache', 'event-loop');
export const STAMP_FILE = path.join(CACHE_DIR, 'corpus-stamp.json');
/** The application-shaped examples of our own, committed (bench/corpus/apps links here). */
export const CORPUS_APPS_DIR = path.join(ROOT, 'bench', 'corpus-apps');

const ts = (name, extra = {}) => ({
  name,
  dir: `node_modules/${name}`,
  include: ['src'],
  language: 'ts',
  sourceType: 'module',
  tsconfig: 'tsconfig.json',
  generatedTsconfig: true,
  ...extra,
});

/**
 * What is linted in each corpus unit. `dir` is relative to bench/corpus; `include` entries are
 * files or folders inside it (folders are walked); `exclude` entries (files or folders, relative
 * to `dir`) are skipped. Never linted: `.d.ts`, tests (`test/`, `tests/`, `__tests__/`,
 * `*.test.*`, `*.spec.*`), `*.min.js`, nested bundles (`dist/` and `build/` below an included
 * folder; a `dist` named in `include` itself is walked: packages that ship only compiled code),
 * and generated files (any line over 5,000 characters: embedded wasm, minified code).
 *
 * `sourceType` is how the package's `.js` files run (CommonJS packages get `commonjs`, so a
 * top-level `return` and `require` scoping parse as Node sees them; `.cjs`/`.mjs` follow their
 * extension). `tsconfig` (TypeScript units) is the project `tsc --noEmit` checks and
 * typescript-eslint's projectService finds; `generatedTsconfig` ones are written by
 * scripts/corpus-setup.js (they extend bench/corpus/tsconfig.json). `application: true` marks the
 * application and tool code the scores are also given for alone. `link` (corpus-apps): `dir` is a
 * symbolic link the setup creates to this folder (relative to bench/corpus), so the committed
 * sources are linted under the corpus root like every other unit.
 */
export const CORPUS_PACKAGES = [
  {
    name: 'mongodb',
    dir: 'node_modules/mongodb',
    include: ['src'],
    language: 'ts',
    sourceType: 'module',
    tsconfig: 'tsconfig.json',
    // mongodb's own tsconfig sets esModuleInterop=false, deprecated (an error) in TypeScript 6.
    tscArgs: ['--ignoreDeprecations', '6.0'],
  },
  { name: 'undici', dir: 'node_modules/undici', include: ['index.js', 'index-fetch.js', 'lib'], language: 'js', sourceType: 'commonjs' },
  { name: 'fastify', dir: 'node_modules/fastify', include: ['fastify.js', 'lib'], language: 'js', sourceType: 'commonjs' },
  { name: 'pino', dir: 'node_modules/pino', include: ['pino.js', 'lib'], language: 'js', sourceType: 'commonjs' },
  { name: 'execa', dir: 'node_modules/execa', include: ['index.js', 'lib'], language: 'js', sourceType: 'module' },
  ts('@trpc/server'),
  ts('@tanstack/query-core'),
  ts('@tanstack/router-core'),
  { name: 'npm', dir: 'npm-lib', include: ['.'], language: 'js', sourceType: 'commonjs', optional: true },

  // Application and tool code (issue 15).
  // mongoose: hand-written CommonJS in lib/ (types/ holds only .d.ts).
  { name: 'mongoose', dir: 'node_modules/mongoose', include: ['index.js', 'lib'], language: 'js', sourceType: 'commonjs', application: true },
  // pm2: its lib/ plus modules/ (pm2-axon, pm2-io-bpm, vizion, ...: code pm2 now ships as its
  // own, hand-written CommonJS); lib/templates/ holds sample apps and init-script templates.
  {
    name: 'pm2',
    dir: 'node_modules/pm2',
    include: ['index.js', 'constants.js', 'paths.js', 'lib', 'modules'],
    exclude: ['lib/templates'],
    language: 'js',
    sourceType: 'commonjs',
    application: true,
  },
  { name: 'nodemon', dir: 'node_modules/nodemon', include: ['bin', 'lib'], language: 'js', sourceType: 'commonjs', application: true },
  {
    name: 'semantic-release',
    dir: 'node_modules/semantic-release',
    include: ['index.js', 'cli.js', 'bin', 'lib'],
    language: 'js',
    sourceType: 'module',
    application: true,
  },
  // mocha: ES modules in lib/ (its .cjs files are CommonJS by extension); mocha.js, mocha.mjs and
  // browser-entry.js are the browser bundle, lib/browser/ its browser-only helpers.
  {
    name: 'mocha',
    dir: 'node_modules/mocha',
    include: ['index.js', 'bin', 'lib'],
    exclude: ['lib/browser'],
    language: 'js',
    sourceType: 'module',
    application: true,
  },
  { name: 'sequelize', dir: 'node_modules/sequelize', include: ['index.js', 'lib'], language: 'js', sourceType: 'commonjs', application: true },
  // webpack-dev-server: lib/ is the ES-module source (dist/ the same code compiled to CommonJS);
  // client/ runs in the browser.
  {
    name: 'webpack-dev-server',
    dir: 'node_modules/webpack-dev-server',
    include: ['bin', 'lib'],
    language: 'js',
    sourceType: 'module',
    application: true,
  },
  // socket.io ships compiled CommonJS only (dist/, readable tsc output); client-dist/ is the
  // browser bundle.
  { name: 'socket.io', dir: 'node_modules/socket.io', include: ['dist'], language: 'js', sourceType: 'commonjs', application: true },
  // @slack/bolt ships compiled CommonJS only (dist/, readable tsc output).
  { name: '@slack/bolt', dir: 'node_modules/@slack/bolt', include: ['dist'], language: 'js', sourceType: 'commonjs', application: true },
  { name: 'release-it', dir: 'node_modules/release-it', include: ['bin', 'lib'], language: 'js', sourceType: 'module', application: true },
  ts('@trpc/client', { application: true }),
  ts('@tanstack/db', { application: true }),
  // Our own application-shaped examples (bench/corpus-apps, committed): a TypeScript service, a
  // JavaScript CLI and a JavaScript build plugin.
  {
    name: 'corpus-apps',
    dir: 'apps',
    link: '../corpus-apps',
    include: ['.'],
    language: 'ts',
    sourceType: 'module',
    tsconfig: 'service/tsconfig.json',
    application: true,
    local: true,
  },
];

const SKIPPED_DIRECTORIES = new Set(['node_modules', 'test', 'tests', '__tests__', 'dist', 'build', 'fixtures']);
const MAX_LINE_LENGTH = 5000;

function getLanguageOf(fileName) {
  return /\.[cm]?tsx?$/.test(fileName) ? 'ts' : 'js';
}

/** Whether a file name is linted: sources of the unit's language (corpus-apps mixes both). */
function isLintedFileName(fileName, pkg) {
  if (/\.(test|spec)\.[cm]?[jt]sx?$/.test(fileName) || /\.min\.[cm]?js$/.test(fileName)) return false;
  if (/\.d\.[cm]?ts$/.test(fileName)) return false;
  if (pkg.local) return /\.[cm]?[jt]sx?$/.test(fileName);
  if (pkg.language === 'ts') return /\.[cm]?tsx?$/.test(fileName);
  return /\.[cm]?js$/.test(fileName);
}

function isGenerated(absolutePath) {
  const text = readFileSync(absolutePath, 'utf8');
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    if (end - start > MAX_LINE_LENGTH) return true;
    start = end + 1;
  }
  return false;
}

/** Walks an included folder; nested dist/, build/, tests and dot folders are skipped. */
function walk(absoluteDir, pkg, excluded, out) {
  for (const entry of readdirSync(absoluteDir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const absolute = path.join(absoluteDir, entry.name);
    if (excluded.has(absolute)) continue;
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name) && !entry.name.startsWith('.')) walk(absolute, pkg, excluded, out);
    } else if (entry.isFile() && isLintedFileName(entry.name, pkg) && !isGenerated(absolute)) {
      out.push(absolute);
    }
  }
}

export function readStamp() {
  try {
    return JSON.parse(readFileSync(STAMP_FILE, 'utf8'));
  } catch {
    return null;
  }
}

/** The version a corpus unit has installed (`local` for corpus-apps), or null when it is missing. */
export function getInstalledVersion(pkg) {
  if (pkg.local) return existsSync(path.join(CORPUS_DIR, pkg.dir)) ? 'local' : null;
  if (pkg.name === 'npm') return existsSync(path.join(CORPUS_DIR, pkg.dir)) ? (readStamp()?.npmVersion ?? null) : null;
  const manifest = path.join(CORPUS_DIR, pkg.dir, 'package.json');
  if (!existsSync(manifest)) return null;
  return JSON.parse(readFileSync(manifest, 'utf8')).version;
}

/** `js` or `ts` for one corpus file (corpus-apps mixes both). */
export function getFileLanguage(entry) {
  return entry.pkg.local ? getLanguageOf(entry.file) : entry.pkg.language;
}

/**
 * Every linted file of the corpus, as `{ pkg, file (absolute), relative (to root), language }`,
 * sorted, for the units present under `root` (bench/corpus, or a mirror of it such as validate's
 * fixed copy).
 */
export function listCorpusFiles({ root = CORPUS_DIR, packages = CORPUS_PACKAGES } = {}) {
  const files = [];
  for (const pkg of packages) {
    const packageDir = path.join(root, pkg.dir);
    if (!existsSync(packageDir)) continue;
    const excluded = new Set((pkg.exclude ?? []).map((item) => path.join(packageDir, item)));
    const found = [];
    for (const include of pkg.include) {
      const absolute = path.join(packageDir, include);
      if (!existsSync(absolute)) continue;
      if (statSync(absolute).isDirectory()) walk(absolute, pkg, excluded, found);
      else found.push(absolute);
    }
    for (const file of found) {
      const entry = { pkg, file, relative: path.relative(root, file) };
      entry.language = getFileLanguage(entry);
      files.push(entry);
    }
  }
  return files;
}

/** Units whose files are missing: setup has not run (or the npm lib/ was absent). */
export function getMissingPackages(root = CORPUS_DIR) {
  return CORPUS_PACKAGES.filter((pkg) => !existsSync(path.join(root, pkg.dir)));
}

/** Throws with the command to run when the corpus is not installed. */
export function assertCorpusInstalled() {
  const missing = getMissingPackages().filter((pkg) => !pkg.optional);
  if (missing.length > 0) {
    throw new Error(
      `Corpus not installed (missing ${missing.map((pkg) => pkg.name).join(', ')}): run \`npm run corpus:setup\` (node scripts/corpus-setup.js).`,
    );
  }
}
