#!/usr/bin/env node
// Installs the pinned real-world corpus into bench/corpus (git-ignored folders) and says which of
// its files are linted. Run: `node scripts/corpus-setup.js` (npm run corpus:setup).
//   --list        print every linted file (relative to bench/corpus) with its package
//   --force       reinstall even when the stamp says the install is current
// Idempotent: a stamp in bench/corpus/node_modules/.cache records the lockfile hash and the npm
// version whose lib/ was copied; a re-run with nothing changed only checks the stamp.
//
// Also the shared corpus manifest: validate.js, bench.js, review.js and bench/eslint-options.js
// import `CORPUS_PACKAGES` and `listCorpusFiles` from here.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const CORPUS_DIR = path.join(ROOT, 'bench', 'corpus');
export const CACHE_DIR = path.join(CORPUS_DIR, 'node_modules', '.cache', 'event-loop');
const STAMP_FILE = path.join(CACHE_DIR, 'corpus-stamp.json');

/**
 * What is linted in each corpus package. `dir` is relative to bench/corpus; `include` entries are
 * files or folders inside it (folders are walked). TypeScript packages lint `src/**\/*.ts`;
 * JavaScript ones their entry file and `lib/**\/*.js`. Never linted: `.d.ts`, tests
 * (`test/`, `tests/`, `__tests__/`, `*.test.*`, `*.spec.*`), bundles (`dist/`, `build/`) and
 * generated files (any line over 5,000 characters: embedded wasm, minified code).
 *
 * `sourceType` is how the package's files run (CommonJS packages get `commonjs`, so a top-level
 * `return` and `require` scoping parse as Node sees them). `tsconfig` (TypeScript packages) is
 * the project `tsc --noEmit` checks and typescript-eslint's projectService finds; `generated`
 * tsconfigs are written by this script (they extend bench/corpus/tsconfig.json).
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
  {
    name: '@trpc/server',
    dir: 'node_modules/@trpc/server',
    include: ['src'],
    language: 'ts',
    sourceType: 'module',
    tsconfig: 'tsconfig.json',
    generatedTsconfig: true,
  },
  {
    name: '@tanstack/query-core',
    dir: 'node_modules/@tanstack/query-core',
    include: ['src'],
    language: 'ts',
    sourceType: 'module',
    tsconfig: 'tsconfig.json',
    generatedTsconfig: true,
  },
  {
    name: '@tanstack/router-core',
    dir: 'node_modules/@tanstack/router-core',
    include: ['src'],
    language: 'ts',
    sourceType: 'module',
    tsconfig: 'tsconfig.json',
    generatedTsconfig: true,
  },
  { name: 'npm', dir: 'npm-lib', include: ['.'], language: 'js', sourceType: 'commonjs', optional: true },
];

const SKIPPED_DIRECTORIES = new Set(['node_modules', 'test', 'tests', '__tests__', 'dist', 'build', 'fixtures']);
const MAX_LINE_LENGTH = 5000;

function isLintedFileName(fileName, language) {
  if (/\.(test|spec)\.[cm]?[jt]sx?$/.test(fileName)) return false;
  if (language === 'ts') return /\.[cm]?tsx?$/.test(fileName) && !/\.d\.[cm]?ts$/.test(fileName);
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

function walk(absoluteDir, language, out) {
  for (const entry of readdirSync(absoluteDir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const absolute = path.join(absoluteDir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name) && !entry.name.startsWith('.')) walk(absolute, language, out);
    } else if (entry.isFile() && isLintedFileName(entry.name, language) && !isGenerated(absolute)) {
      out.push(absolute);
    }
  }
}

/** The version a corpus package has installed, or null when it is missing. */
export function getInstalledVersion(pkg) {
  if (pkg.name === 'npm') return existsSync(path.join(CORPUS_DIR, pkg.dir)) ? (readStamp()?.npmVersion ?? null) : null;
  const manifest = path.join(CORPUS_DIR, pkg.dir, 'package.json');
  if (!existsSync(manifest)) return null;
  return JSON.parse(readFileSync(manifest, 'utf8')).version;
}

/**
 * Every linted file of the corpus, as `{ pkg, file (absolute), relative (to root) }`, sorted, for
 * the packages present under `root` (bench/corpus, or a mirror of it such as validate's fixed copy).
 */
export function listCorpusFiles({ root = CORPUS_DIR, packages = CORPUS_PACKAGES } = {}) {
  const files = [];
  for (const pkg of packages) {
    const packageDir = path.join(root, pkg.dir);
    if (!existsSync(packageDir)) continue;
    const found = [];
    for (const include of pkg.include) {
      const absolute = path.join(packageDir, include);
      if (!existsSync(absolute)) continue;
      if (statSync(absolute).isDirectory()) walk(absolute, pkg.language, found);
      else found.push(absolute);
    }
    for (const file of found) files.push({ pkg, file, relative: path.relative(root, file) });
  }
  return files;
}

/** Packages whose files are missing: setup has not run (or the npm lib/ was absent). */
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

function hashFile(file) {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

function readStamp() {
  try {
    return JSON.parse(readFileSync(STAMP_FILE, 'utf8'));
  } catch {
    return null;
  }
}

function npmCommand() {
  return process.platform === 'win32' ? 'npm.cmd' : 'npm';
}

function getGlobalNpm() {
  try {
    const globalRoot = execFileSync(npmCommand(), ['root', '-g'], { encoding: 'utf8' }).trim();
    const npmDir = path.join(globalRoot, 'npm');
    const lib = path.join(npmDir, 'lib');
    if (!existsSync(lib)) return null;
    const { version } = JSON.parse(readFileSync(path.join(npmDir, 'package.json'), 'utf8'));
    return { lib, version };
  } catch {
    return null;
  }
}

/** tsconfig.json for TypeScript packages that ship none, so projectService and tsc find one. */
function writeGeneratedTsconfigs(root = CORPUS_DIR) {
  for (const pkg of CORPUS_PACKAGES) {
    if (!pkg.generatedTsconfig) continue;
    const packageDir = path.join(root, pkg.dir);
    if (!existsSync(packageDir)) continue;
    const base = path.relative(packageDir, path.join(root, 'tsconfig.json')).split(path.sep).join('/');
    const text = `${JSON.stringify({ extends: base, include: pkg.include.map((dir) => `${dir}/**/*.ts`) }, null, 2)}\n`;
    const target = path.join(packageDir, pkg.tsconfig);
    if (!existsSync(target) || readFileSync(target, 'utf8') !== text) writeFileSync(target, text);
  }
}

export function setupCorpus({ force = false, log = console.log } = {}) {
  const started = Date.now();
  const lockFile = path.join(CORPUS_DIR, 'package-lock.json');
  const lockHash = hashFile(lockFile);
  const stamp = readStamp() ?? {};
  const npmPackagesPresent = CORPUS_PACKAGES.filter((pkg) => pkg.dir.startsWith('node_modules/')).every((pkg) =>
    existsSync(path.join(CORPUS_DIR, pkg.dir, 'package.json')),
  );

  if (!force && stamp.lockHash === lockHash && npmPackagesPresent) {
    log('corpus: npm packages up to date (bench/corpus/package-lock.json unchanged).');
  } else {
    log('corpus: npm ci in bench/corpus ...');
    // --ignore-scripts: the corpus is only read, never run. Engine warnings (packages that want a
    // newer Node) do not matter for linting.
    execFileSync(npmCommand(), ['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], {
      cwd: CORPUS_DIR,
      stdio: 'inherit',
    });
    stamp.lockHash = lockHash;
  }

  const npmLib = path.join(CORPUS_DIR, 'npm-lib');
  const globalNpm = getGlobalNpm();
  if (!globalNpm) {
    log('corpus: SKIPPED the npm CLI lib/: no global npm install with a lib/ folder found (`npm root -g`/npm/lib).');
  } else if (!force && existsSync(npmLib) && stamp.npmVersion === globalNpm.version) {
    log(`corpus: npm ${globalNpm.version} lib/ up to date.`);
  } else {
    rmSync(npmLib, { recursive: true, force: true });
    cpSync(globalNpm.lib, npmLib, { recursive: true });
    stamp.npmVersion = globalNpm.version;
    log(`corpus: copied npm ${globalNpm.version} lib/ from ${globalNpm.lib}.`);
  }
  writeGeneratedTsconfigs();
  mkdirSync(CACHE_DIR, { recursive: true });
  writeFileSync(STAMP_FILE, `${JSON.stringify(stamp, null, 2)}\n`);
  const files = listCorpusFiles();
  log(`corpus: ready, ${files.length} files to lint (${((Date.now() - started) / 1000).toFixed(1)} s).`);
  return files;
}

function main() {
  const args = new Set(process.argv.slice(2));
  // With --list, stdout carries only the list.
  const files = setupCorpus({ force: args.has('--force'), log: args.has('--list') ? console.error : console.log });
  if (args.has('--list')) {
    for (const { pkg, relative } of files) console.log(`${pkg.name}\t${relative}`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) main();
