#!/usr/bin/env node
// Installs the pinned real-world corpus into bench/corpus (git-ignored folders) and says which of
// its files are linted. Run: `node scripts/corpus-setup.js` (npm run corpus:setup).
//   --list        print every linted file (relative to bench/corpus) with its package
//   --force       reinstall even when the stamp says the install is current
// Idempotent: a stamp in bench/corpus/node_modules/.cache records the lockfile hash and the npm
// version whose lib/ was copied; a re-run with nothing changed only checks the stamp.
//
// The manifest (which units, which files) is bench/corpus-manifest.js.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, lstatSync, mkdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CACHE_DIR, CORPUS_DIR, CORPUS_PACKAGES, STAMP_FILE, listCorpusFiles, readStamp } from '../bench/corpus-manifest.js';

function hashFile(file) {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
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
    if (!pkg.generatedTsconfig || pkg.local) continue;
    const packageDir = path.join(root, pkg.dir);
    if (!existsSync(packageDir)) continue;
    const base = path.relative(packageDir, path.join(root, 'tsconfig.json')).split(path.sep).join('/');
    const text = `${JSON.stringify({ extends: base, include: pkg.include.map((dir) => `${dir}/**/*.ts`) }, null, 2)}\n`;
    const target = path.join(packageDir, pkg.tsconfig);
    if (!existsSync(target) || readFileSync(target, 'utf8') !== text) writeFileSync(target, text);
  }
}

/** bench/corpus/apps -> ../corpus-apps: committed units linted under the corpus root (git-ignored link). */
function linkLocalUnits(root = CORPUS_DIR) {
  for (const pkg of CORPUS_PACKAGES) {
    if (!pkg.link) continue;
    const linkPath = path.join(root, pkg.dir);
    let current = null;
    try {
      current = lstatSync(linkPath).isSymbolicLink() ? readlinkSync(linkPath) : 'not a link';
    } catch {
      current = null;
    }
    if (current === pkg.link) continue;
    if (current !== null) rmSync(linkPath, { recursive: true, force: true });
    symlinkSync(pkg.link, linkPath, 'dir');
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
  linkLocalUnits();
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
