#!/usr/bin/env node
// Corpus validation (npm run validate): every rule of the `all` config over the pinned real-world
// corpus (bench/corpus, installed by `npm run corpus:setup`), in syntactic mode (every package) and
// type-aware mode (the TypeScript packages, projectService), and checks:
//   1. no rule throws and no fatal message appears;
//   2. `--fix` on a temporary copy: every fixed file parses again with the same parser, and a
//      second `--fix` pass over the copy changes nothing;
//   3. TypeScript packages: `tsc --noEmit` on the fixed copy reports no more errors than on the
//      original (both counts printed; skipped for a package where --fix changed no file);
//   4. every suggestion of every report, applied alone to the original, parses;
//   5. `--concurrency=auto` reports exactly what one thread reports (recommended config);
// then prints a table per package and mode. Any failure exits with code 1.
//
// Usage: node scripts/validate.js [options]
//   --quick            reduced corpus (the 30 most async-dense files per package, <= 1,500 lines
//                      each: ~270 files); what CI runs. The full run is the default.
//   --rules a,b        only these rules (our names without prefix; core rule ids also accepted,
//                      which lets the machinery be checked while few rules are registered)
//   --package name     only this corpus package (repeatable)
//   --no-typed         skip the type-aware mode        --no-tsc          skip the tsc comparison
//   --no-suggestions   skip applying suggestions       --no-concurrency  skip the concurrency check
//   --keep             keep the fixed copies (bench/corpus/node_modules/.cache/event-loop/validate/)
//   --plugin p=path    load the plugin exported by `path` for rule ids `p/...` in --rules (used to
//                      check that this script catches crashes and broken fixes)
// Needs the plugin built: `npm run build` first (npm run validate does).

import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  CACHE_DIR,
  CORPUS_DIR,
  CORPUS_PACKAGES,
  ROOT,
  assertCorpusInstalled,
  getInstalledVersion,
  listCorpusFiles,
} from '../bench/corpus-manifest.js';
import {
  applyFix,
  countLines,
  createCorpusESLint,
  formatTable,
  getFatalMessage,
  getRuleEntries,
  isLinterNotice,
  lintTextSafely,
  loadPlugin,
  PLUGIN_PREFIX,
  readText,
  selectQuickFiles,
  shortRuleName,
  snapshotPlugin,
} from '../bench/lint-helpers.js';

const QUICK_FILES_PER_PACKAGE = 30;
const MAX_LISTED = 20;

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    rules: { type: 'string' },
    package: { type: 'string', multiple: true },
    'no-typed': { type: 'boolean', default: false },
    'no-tsc': { type: 'boolean', default: false },
    'no-suggestions': { type: 'boolean', default: false },
    'no-concurrency': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    plugin: { type: 'string', multiple: true },
  },
});

// Our plugin from a snapshot of dist/ (see snapshotPlugin); --plugin prefix=path: another plugin
// for rule ids `prefix/...` given with --rules.
const pluginEntry = snapshotPlugin();
const pluginModules = { [PLUGIN_PREFIX]: pluginEntry, ...Object.fromEntries((args.plugin ?? []).map((item) => item.split('='))) };

const log = (...parts) => console.log(...parts);
const seconds = (start) => `${((performance.now() - start) / 1000).toFixed(1)} s`;

/** Problems that fail the run, by kind, each with enough detail to reproduce. */
const failures = {
  crash: [],
  fatal: [],
  'fix parse': [],
  'suggestion parse': [],
  idempotent: [],
  tsc: [],
  concurrency: [],
  notice: [],
};
function fail(kind, detail) {
  failures[kind].push(detail);
}

function selectFiles() {
  let files = listCorpusFiles();
  if (args.package?.length) {
    const unknown = args.package.filter((name) => !CORPUS_PACKAGES.some((pkg) => pkg.name === name));
    if (unknown.length > 0) throw new Error(`Unknown corpus package(s): ${unknown.join(', ')}`);
    files = files.filter((entry) => args.package.includes(entry.pkg.name));
  }
  return args.quick ? selectQuickFiles(files, QUICK_FILES_PER_PACKAGE) : files;
}

/** Mirrors bench/corpus for the given packages under `root` so relative paths and types resolve the same. */
function makeCopy(root, packages) {
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  cpSync(path.join(CORPUS_DIR, 'tsconfig.json'), path.join(root, 'tsconfig.json'));
  for (const pkg of packages) {
    // dereference: corpus-apps is a link to committed sources, which --fix must never write through.
    cpSync(path.join(CORPUS_DIR, pkg.dir), path.join(root, pkg.dir), { recursive: true, dereference: true });
  }
}

const tscBin = createRequire(path.join(ROOT, 'package.json')).resolve('typescript/bin/tsc');

/** Number of `error TS` diagnostics `tsc --noEmit` reports for the package's project under `root`. */
function countTscErrors(pkg, root) {
  const project = path.join(root, pkg.dir, pkg.tsconfig);
  let output = '';
  try {
    output = execFileSync(process.execPath, [tscBin, '--noEmit', '-p', project, ...(pkg.tscArgs ?? [])], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    // tsc exits non-zero when it reports errors; its output is what we count.
    output = `${error.stdout ?? ''}${error.stderr ?? ''}`;
  }
  const errors = output.split('\n').filter((line) => /error TS\d+:/.test(line));
  return { count: errors.length, errors };
}

function newRow(pkg, mode) {
  return {
    pkg,
    mode,
    files: 0,
    lines: 0,
    reports: {},
    fixable: 0,
    filesFixed: 0,
    fixPasses: 0,
    suggestions: 0,
    crashes: 0,
    parseFailures: 0,
    nonIdempotent: 0,
    tsc: null,
  };
}

/** Which single rules' fixes break the parse of `text` (to name the culprit of a parse failure). */
async function blameFix(text, filePath, ruleEntries, specBase) {
  const culprits = [];
  for (const [ruleId, entry] of Object.entries(ruleEntries)) {
    const eslint = await createCorpusESLint({ ...specBase, rules: { [ruleId]: entry }, fix: true });
    const { result, crash } = await lintTextSafely(eslint, text, filePath);
    if (crash || (result && getFatalMessage(result))) culprits.push(ruleId);
  }
  return culprits;
}

async function runMode(mode, files, ruleEntries, parseChecker, tscBefore) {
  const typed = mode === 'type-aware';
  const modeFiles = typed ? files.filter((entry) => entry.language === 'ts') : files;
  if (modeFiles.length === 0) return [];
  const rows = new Map();
  const rowFor = (pkg) => {
    if (!rows.has(pkg.name)) rows.set(pkg.name, newRow(pkg, mode));
    return rows.get(pkg.name);
  };

  // 1. Lint the originals: reports, crashes, fatal messages, suggestions.
  let start = performance.now();
  const lintSpec = { cwd: CORPUS_DIR, rules: ruleEntries, typed, pluginModules };
  const eslint = await createCorpusESLint(lintSpec);
  const originals = new Map();
  let suggestionsToCheck = [];
  for (const entry of modeFiles) {
    const row = rowFor(entry.pkg);
    const text = readText(entry.file);
    originals.set(entry.relative, text);
    row.files++;
    row.lines += countLines(text);
    const { result, crash } = await lintTextSafely(eslint, text, entry.file);
    if (crash) {
      row.crashes++;
      fail('crash', `[${mode}] ${entry.relative}: ${crash.ruleId ?? 'unknown rule'}: ${crash.message} ${crash.location} ${crash.frame}`);
      continue;
    }
    for (const message of result.messages) {
      if (message.fatal) {
        row.crashes++;
        fail('fatal', `[${mode}] ${entry.relative}:${message.line ?? 0}: ${message.message}`);
      } else if (isLinterNotice(message)) {
        fail('notice', `[${mode}] ${entry.relative}: ${message.message}`);
      } else {
        row.reports[message.ruleId] = (row.reports[message.ruleId] ?? 0) + 1;
        if (message.fix) row.fixable++;
        for (const suggestion of message.suggestions ?? []) suggestionsToCheck.push({ entry, text, message, suggestion });
      }
    }
  }
  log(`  [${mode}] linted ${modeFiles.length} files (${seconds(start)})`);

  // 4. Apply every suggestion alone to the original text; the result must parse.
  if (!args['no-suggestions']) {
    start = performance.now();
    for (const { entry, text, message, suggestion } of suggestionsToCheck) {
      const row = rowFor(entry.pkg);
      row.suggestions++;
      const { result, crash } = await lintTextSafely(parseChecker, applyFix(text, suggestion.fix), entry.file);
      const fatal = crash ? { message: crash.message } : getFatalMessage(result);
      if (fatal) {
        row.parseFailures++;
        fail(
          'suggestion parse',
          `[${mode}] suggestion "${suggestion.desc}" of ${message.ruleId} at ${entry.relative}:${message.line}:${message.column} does not parse: ${fatal.message}`,
        );
      }
    }
    log(`  [${mode}] applied ${suggestionsToCheck.length} suggestions one at a time (${seconds(start)})`);
  }
  suggestionsToCheck = [];

  // 2. --fix on a copy, then a second --fix pass that must change nothing.
  start = performance.now();
  const copyRoot = path.join(CACHE_DIR, 'validate', mode);
  const packages = [...new Set(modeFiles.map((entry) => entry.pkg))];
  makeCopy(copyRoot, packages);
  const copySpec = { cwd: copyRoot, rules: ruleEntries, typed, fix: true, pluginModules };
  const fixer = await createCorpusESLint({ ...copySpec, stats: true });
  const fixedTexts = new Map();
  const unparsable = new Set();
  for (const entry of modeFiles) {
    const row = rowFor(entry.pkg);
    const copyPath = path.join(copyRoot, entry.relative);
    const original = originals.get(entry.relative);
    const { result, crash } = await lintTextSafely(fixer, original, copyPath);
    if (crash) {
      row.crashes++;
      fail('crash', `[${mode}] --fix ${entry.relative}: ${crash.ruleId ?? 'unknown rule'}: ${crash.message} ${crash.location} ${crash.frame}`);
      continue;
    }
    if (result.output === undefined || result.output === original) continue;
    row.filesFixed++;
    row.fixPasses += result.stats?.fixPasses ?? 0;
    writeFileSync(copyPath, result.output);
    fixedTexts.set(entry.relative, result.output);
    const fatal = getFatalMessage(result);
    if (fatal) {
      row.parseFailures++;
      unparsable.add(entry.relative);
      const culprits = await blameFix(original, copyPath, ruleEntries, { cwd: copyRoot, typed, pluginModules });
      fail('fix parse', `[${mode}] --fix output of ${entry.relative} does not parse (${fatal.line}:${fatal.column} ${fatal.message}); rules whose fix alone breaks it: ${culprits.join(', ') || 'only in combination'}`);
    }
  }
  const secondPass = await createCorpusESLint(copySpec);
  for (const entry of modeFiles) {
    if (!fixedTexts.has(entry.relative) || unparsable.has(entry.relative)) continue;
    const row = rowFor(entry.pkg);
    const copyPath = path.join(copyRoot, entry.relative);
    const fixed = fixedTexts.get(entry.relative);
    const { result, crash } = await lintTextSafely(secondPass, fixed, copyPath);
    if (crash) {
      row.crashes++;
      fail('crash', `[${mode}] second --fix ${entry.relative}: ${crash.ruleId ?? 'unknown rule'}: ${crash.message} ${crash.location}`);
      continue;
    }
    const fatal = getFatalMessage(result);
    if (fatal) {
      row.parseFailures++;
      fail('fix parse', `[${mode}] fixed ${entry.relative} does not parse in the second pass: ${fatal.message}`);
    } else if (result.output !== undefined && result.output !== fixed) {
      row.nonIdempotent++;
      const before = fixed.split('\n');
      const after = result.output.split('\n');
      const line = before.findIndex((text, index) => text !== after[index]);
      const rules = [...new Set(result.messages.filter((message) => message.ruleId).map((message) => message.ruleId))];
      fail(
        'idempotent',
        `[${mode}] second --fix pass changes ${entry.relative} at line ${line + 1}: ${JSON.stringify(before[line] ?? '')} -> ${JSON.stringify(after[line] ?? '')} (rules still reporting: ${rules.join(', ') || 'none'})`,
      );
    }
  }
  log(`  [${mode}] --fix on a copy: ${fixedTexts.size} files changed, second pass checked (${seconds(start)})`);

  // 3. tsc on the fixed copy vs the original.
  if (!args['no-tsc']) {
    start = performance.now();
    for (const pkg of packages.filter((candidate) => candidate.tsconfig)) {
      if (rowFor(pkg).filesFixed === 0) continue; // the copy is the original: nothing to compare
      const before = tscBefore(pkg);
      const after = countTscErrors(pkg, copyRoot);
      rowFor(pkg).tsc = { before: before.count, after: after.count };
      if (after.count > before.count) {
        const strip = (line) => line.slice(Math.max(0, line.indexOf(pkg.dir)));
        const beforeSet = new Set(before.errors.map(strip));
        const added = after.errors.map(strip).filter((line) => !beforeSet.has(line));
        fail('tsc', `[${mode}] ${pkg.name}: tsc errors ${before.count} -> ${after.count} after --fix; new: ${added.slice(0, 5).join(' | ')}`);
      }
    }
    log(`  [${mode}] tsc --noEmit on the original and the fixed copy (${seconds(start)})`);
  }
  if (!args.keep) rmSync(copyRoot, { recursive: true, force: true });
  return [...rows.values()];
}

/** 5. `--concurrency=auto` must report exactly what a single thread reports. */
async function checkConcurrency(files, plugin) {
  const rules = getRuleEntries(plugin, { config: 'recommended', only: args.rules?.split(',').filter(Boolean) });
  const paths = files.map((entry) => entry.file);
  const keysOf = (results) =>
    results
      .flatMap((result) =>
        result.messages.map((message) =>
          [path.relative(CORPUS_DIR, result.filePath), message.line, message.column, message.ruleId, message.message].join(':'),
        ),
      )
      .sort();
  const timings = {};
  const keys = {};
  for (const concurrency of ['off', 'auto']) {
    const start = performance.now();
    const eslint = await createCorpusESLint({ cwd: CORPUS_DIR, rules, concurrency, pluginModules });
    try {
      keys[concurrency] = keysOf(await eslint.lintFiles(paths));
    } catch (error) {
      fail('crash', `[concurrency=${concurrency}] ${String(error.message).split('\n')[0]}`);
      return;
    }
    timings[concurrency] = seconds(start);
  }
  const single = new Set(keys.off);
  const multi = new Set(keys.auto);
  const missing = keys.off.filter((key) => !multi.has(key));
  const extra = keys.auto.filter((key) => !single.has(key));
  if (missing.length > 0 || extra.length > 0 || keys.off.length !== keys.auto.length) {
    fail('concurrency', `--concurrency=auto differs from one thread: ${missing.length} missing, ${extra.length} extra (${[...missing, ...extra].slice(0, 3).join(' | ')})`);
  }
  log(
    `concurrency: recommended config (${Object.keys(rules).length} rules) over ${paths.length} files: one thread ${keys.off.length} problems in ${timings.off}, --concurrency=auto ${keys.auto.length} problems in ${timings.auto}: ${missing.length + extra.length === 0 ? 'same problems' : 'DIFFERENT'}`,
  );
}

function printTable(rows, ruleIds) {
  const headers = [
    'package',
    'mode',
    'files',
    'lines',
    ...ruleIds.map(shortRuleName),
    'fixable',
    'files fixed',
    'suggestions',
    'crashes',
    'parse failures',
    'non-idempotent',
    'tsc errors before → after',
  ];
  const totals = new Map();
  const body = rows.map((row) => {
    if (!totals.has(row.mode)) totals.set(row.mode, newRow({ name: 'total' }, row.mode));
    const total = totals.get(row.mode);
    for (const key of ['files', 'lines', 'fixable', 'filesFixed', 'suggestions', 'crashes', 'parseFailures', 'nonIdempotent']) total[key] += row[key];
    for (const [id, count] of Object.entries(row.reports)) total.reports[id] = (total.reports[id] ?? 0) + count;
    const version = getInstalledVersion(row.pkg);
    return [
      version ? `${row.pkg.name}@${version}` : row.pkg.name,
      row.mode,
      row.files,
      row.lines,
      ...ruleIds.map((id) => row.reports[id] ?? 0),
      row.fixable,
      row.filesFixed,
      row.suggestions,
      row.crashes,
      row.parseFailures,
      row.nonIdempotent,
      row.tsc ? `${row.tsc.before} → ${row.tsc.after}` : row.pkg.tsconfig && !args['no-tsc'] ? 'no fix' : '',
    ];
  });
  for (const total of totals.values()) {
    body.push([
      '**total**',
      total.mode,
      total.files,
      total.lines,
      ...ruleIds.map((id) => total.reports[id] ?? 0),
      total.fixable,
      total.filesFixed,
      total.suggestions,
      total.crashes,
      total.parseFailures,
      total.nonIdempotent,
      '',
    ]);
  }
  log(formatTable(headers, body, `ll${'r'.repeat(headers.length - 2)}`));
}

async function main() {
  const started = performance.now();
  assertCorpusInstalled();
  const plugin = await loadPlugin(pluginEntry);
  const ruleEntries = getRuleEntries(plugin, { config: 'all', only: args.rules?.split(',').filter(Boolean) });
  const ruleIds = Object.keys(ruleEntries);
  const files = selectFiles();
  log(
    `validate: ${files.length} files${args.quick ? ' (--quick)' : ''}, ${ruleIds.length} rules (${ruleIds.map(shortRuleName).join(', ') || 'none registered: checking the machinery only'})`,
  );
  if (!existsSync(path.join(CORPUS_DIR, 'npm-lib'))) log('validate: the npm CLI lib/ is absent (see corpus:setup); linting without it.');

  const parseChecker = await createCorpusESLint({ cwd: CORPUS_DIR, rules: {} });
  const tscCache = new Map();
  const tscBefore = (pkg) => {
    if (!tscCache.has(pkg.name)) tscCache.set(pkg.name, countTscErrors(pkg, CORPUS_DIR));
    return tscCache.get(pkg.name);
  };

  const rows = [];
  for (const mode of args['no-typed'] ? ['syntactic'] : ['syntactic', 'type-aware']) {
    rows.push(...(await runMode(mode, files, ruleEntries, parseChecker, tscBefore)));
  }
  if (!args['no-concurrency']) await checkConcurrency(files, plugin);

  log('');
  printTable(rows, ruleIds);
  log('');
  let failed = 0;
  for (const [kind, list] of Object.entries(failures)) {
    if (list.length === 0) continue;
    failed += list.length;
    log(`${kind} failures (${list.length}):`);
    for (const line of list.slice(0, MAX_LISTED)) log(`  - ${line}`);
    if (list.length > MAX_LISTED) log(`  ... and ${list.length - MAX_LISTED} more`);
  }
  log(`validate: ${failed === 0 ? 'OK' : `FAILED (${failed} problems)`} in ${seconds(started)}`);
  process.exitCode = failed === 0 ? 0 : 1;
}

await main();
