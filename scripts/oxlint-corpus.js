#!/usr/bin/env node
// Runs oxlint with our four rules as a JS plugin (`jsPlugins: ["eslint-plugin-event-loop"]`, the
// built dist/) over the real-world corpus (bench/corpus, `npm run corpus:setup` first) or over a
// folder, and fails when a rule threw (oxlint's "Error running JS plugin") or oxlint itself failed.
// Prints the files linted, the reports per rule and the wall time.
//
//   node scripts/oxlint-corpus.js [DIR] [--bench] [--runs N] [--show N]
//     DIR      lint DIR's .js/.cjs/.mjs/.jsx/.ts/.mts/.cts/.tsx files (no node_modules, no .d.ts)
//              instead of the corpus's linted files (scripts/corpus-setup.js lists them)
//     --bench  also time whole processes, oxlint + our rules vs ESLint + our rules on the same
//              files (syntactic: no type information on either side), --runs each (default 3),
//              alternating; print the medians as a Markdown table for bench/results.md, and
//              compare the two linters' reports (rule, file, line, column, message)
//     --show N differences listed in the comparison (default 20)
//     --plugin PATH  lint with this plugin module instead of the built package (under the
//              `event-loop/` prefix), e.g. to check this script with a deliberately broken rule
//
// Both sides get the same rules with default options and honour inline `eslint-disable` comments
// (oxlint always does). ESLint parses as bench/eslint-options.js sets up the corpus (CommonJS
// packages' .js files as `commonjs`); oxlint 1.94 has no such setting and parses a .js/.ts file
// without import/export as a script: see the README ("Use with oxlint").
// Needs the plugin built (`npm run build`).

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { CORPUS_DIR, assertCorpusInstalled, listCorpusFiles } from '../bench/corpus-manifest.js';
import {
  BUILT_PLUGIN_ENTRY,
  listSourceFiles,
  makeTempDir,
  PLUGIN_PREFIX,
  removeDir,
  ROOT,
  runOxlintTimed,
  toPosix,
  writeOxlintConfig,
} from './lib/oxlint.js';
import { runProcess } from './lib/process.js';

const SELF = fileURLToPath(import.meta.url);

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    bench: { type: 'boolean', default: false },
    runs: { type: 'string', default: '3' },
    show: { type: 'string', default: '20' },
    plugin: { type: 'string' },
    'eslint-child': { type: 'string' },
  },
});

// ---- helpers ------------------------------------------------------------------------------------

function getVersion(name) {
  return createRequire(path.join(ROOT, 'package.json'))(`${name}/package.json`).version;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function seconds(ms) {
  return `${(ms / 1000).toFixed(2)} s`;
}

function countByRule(reports, ruleIds) {
  const counts = Object.fromEntries(ruleIds.map((id) => [id, 0]));
  for (const report of reports) counts[report.ruleId] = (counts[report.ruleId] ?? 0) + 1;
  return counts;
}

function reportKey(report) {
  return `${report.file}:${report.line}:${report.column} ${report.ruleId} ${report.message}`;
}

// ---- ESLint child: one whole ESLint process over the same files -------------------------------

async function runEslintChild(jobFile) {
  const job = JSON.parse(readFileSync(jobFile, 'utf8'));
  const { ESLint } = await import('eslint');
  const { buildConfig } = await import(pathToFileURL(path.join(ROOT, 'bench', 'eslint-options.js')).href);
  const eslint = new ESLint({
    cwd: job.cwd,
    overrideConfigFile: true,
    overrideConfig: await buildConfig({ cwd: job.cwd, rules: job.rules, pluginModules: job.pluginModules }),
    // oxlint honours `eslint-disable` comments and cannot be told not to: so does ESLint here.
    allowInlineConfig: true,
    cache: false,
    errorOnUnmatchedPattern: false,
  });
  const results = await eslint.lintFiles(job.files);
  const reports = [];
  let fatal = 0;
  for (const result of results) {
    const file = toPosix(path.relative(job.cwd, result.filePath));
    for (const message of result.messages) {
      if (message.fatal) fatal++;
      else if (message.ruleId?.startsWith(`${PLUGIN_PREFIX}/`)) {
        reports.push({ ruleId: message.ruleId, file, line: message.line, column: message.column, message: message.message });
      }
    }
  }
  writeFileSync(job.out, JSON.stringify({ files: results.length, fatal, reports }));
}

// ---- main ---------------------------------------------------------------------------------------

async function main() {
  const pluginPath = args.plugin ? path.resolve(args.plugin) : undefined;
  if (!pluginPath && !existsSync(BUILT_PLUGIN_ENTRY)) throw new Error('dist/index.js is missing: run `npm run build` first.');
  const plugin = (await import(pathToFileURL(pluginPath ?? BUILT_PLUGIN_ENTRY).href)).default;
  const ruleIds = Object.keys(plugin.rules).map((name) => `${PLUGIN_PREFIX}/${name}`);

  let root;
  let files;
  if (positionals[0]) {
    root = path.resolve(positionals[0]);
    files = listSourceFiles(root);
  } else {
    assertCorpusInstalled();
    root = CORPUS_DIR;
    files = listCorpusFiles().map((entry) => entry.relative);
  }
  if (files.length === 0) throw new Error(`no files to lint under ${root}`);

  // A temporary folder whose config names the plugin as users do, resolved through
  // `node_modules/eslint-plugin-event-loop` → this repository (its dist/), native rules all off.
  const configDir = makeTempDir('oxlint-corpus');
  const oxlintOptions = {
    cwd: root,
    config: writeOxlintConfig(configDir, { rules: Object.fromEntries(ruleIds.map((id) => [id, 'error'])), pluginPath }),
    paths: files,
  };
  const oxlintVersion = getVersion('oxlint');
  const eslintVersion = getVersion('eslint');
  const where = positionals[0] ? path.relative(process.cwd(), root) || '.' : 'bench/corpus';
  try {
    const oxlint = await runOxlintTimed(oxlintOptions);
    const counts = countByRule(oxlint.problems, ruleIds);
    console.log(
      `oxlint ${oxlintVersion} + ${plugin.meta?.name ?? pluginPath} ${plugin.meta?.version ?? ''} (${ruleIds.length} rules as a JS plugin) over ${where}: ` +
        `${oxlint.numberOfFiles} of ${files.length} files in ${seconds(oxlint.ms)} (whole process, ${oxlint.threads} threads)`,
    );
    for (const id of ruleIds) console.log(`  ${String(counts[id]).padStart(6)}  ${id}`);
    console.log(`  ${String(oxlint.problems.length).padStart(6)}  reports in total`);
    for (const error of oxlint.otherErrors) console.log(`  oxlint could not lint ${error.file}: ${error.message.split('\n')[0]}`);
    let failed = false;
    if (oxlint.pluginErrors.length > 0) {
      failed = true;
      console.error(`\n${oxlint.pluginErrors.length} plugin error(s): a rule threw under oxlint.`);
      for (const error of oxlint.pluginErrors) console.error(`\n${error.file}\n${error.message}`);
    }
    if (oxlint.numberOfFiles !== files.length) {
      failed = true;
      console.error(`\noxlint linted ${oxlint.numberOfFiles} files, expected ${files.length}.`);
    }
    if (oxlint.status !== 0 && oxlint.status !== 1) {
      failed = true;
      console.error(`\noxlint exited with code ${oxlint.status}:\n${oxlint.stderr}`);
    }
    if (args.bench && !failed) {
      await bench({ root, files, ruleIds, oxlintOptions, first: oxlint, where, oxlintVersion, eslintVersion, pluginPath });
    }
    if (failed) process.exitCode = 1;
  } finally {
    removeDir(configDir);
  }
}

async function bench({ root, files, ruleIds, oxlintOptions, first, where, oxlintVersion, eslintVersion, pluginPath }) {
  const runs = Math.max(1, Number.parseInt(args.runs, 10) || 3);
  const jobDir = makeTempDir('oxlint-bench');
  try {
    const jobFile = path.join(jobDir, 'job.json');
    const out = path.join(jobDir, 'eslint.json');
    const rules = Object.fromEntries(ruleIds.map((id) => [id, 'error']));
    const pluginModules = pluginPath ? { [PLUGIN_PREFIX]: pluginPath } : undefined;
    writeFileSync(jobFile, JSON.stringify({ cwd: root, files, rules, pluginModules, out }));
    const oxlintMs = [];
    const eslintMs = [];
    let oxlint = first;
    // The run above is the first oxlint sample; then alternate, so both see the same machine load.
    oxlintMs.push(first.ms);
    for (let index = 0; index < runs; index++) {
      const eslintRun = await runProcess(process.execPath, [SELF, '--eslint-child', jobFile], { cwd: ROOT });
      if (eslintRun.status !== 0) throw new Error(`ESLint run failed (exit ${eslintRun.status}):\n${eslintRun.stderr}`);
      eslintMs.push(eslintRun.ms);
      if (oxlintMs.length < runs) {
        oxlint = await runOxlintTimed(oxlintOptions);
        oxlintMs.push(oxlint.ms);
      }
    }
    const eslint = JSON.parse(readFileSync(out, 'utf8'));
    const oxlintCounts = countByRule(oxlint.problems, ruleIds);
    const eslintCounts = countByRule(eslint.reports, ruleIds);

    console.log(`\nWhole-process wall time, ${runs} runs each, alternating (medians):`);
    console.log(`  oxlint ${oxlintVersion}: ${oxlintMs.map(seconds).join(', ')}  → median ${seconds(median(oxlintMs))}`);
    console.log(`  ESLint ${eslintVersion}: ${eslintMs.map(seconds).join(', ')}  → median ${seconds(median(eslintMs))}`);

    const eslintKeys = new Set(eslint.reports.map(reportKey));
    const oxlintKeys = new Set(oxlint.problems.map(reportKey));
    const onlyEslint = [...eslintKeys].filter((key) => !oxlintKeys.has(key));
    const onlyOxlint = [...oxlintKeys].filter((key) => !eslintKeys.has(key));
    console.log(`\nReports per rule (oxlint / ESLint; ESLint could not parse ${eslint.fatal} file(s), oxlint ${oxlint.otherErrors.length}):`);
    for (const id of ruleIds) console.log(`  ${String(oxlintCounts[id]).padStart(6)} / ${String(eslintCounts[id]).padEnd(6)} ${id}`);
    console.log(`  same reports: ${[...oxlintKeys].filter((key) => eslintKeys.has(key)).length}; only ESLint: ${onlyEslint.length}; only oxlint: ${onlyOxlint.length}`);
    const show = Number.parseInt(args.show, 10) || 0;
    for (const key of onlyEslint.slice(0, show)) console.log(`  only ESLint: ${key}`);
    for (const key of onlyOxlint.slice(0, show)) console.log(`  only oxlint: ${key}`);

    const cores = os.cpus().length;
    const speedup = median(eslintMs) / median(oxlintMs);
    console.log('\nFor bench/results.md:\n');
    console.log(`| Our ${ruleIds.length} rules, syntactic, ${files.length} files (${where}) | whole process, median of ${runs} | reports |`);
    console.log('| --- | ---: | ---: |');
    console.log(`| oxlint ${oxlintVersion}, plugin as \`jsPlugins\` (${oxlint.threads} threads) | ${seconds(median(oxlintMs))} (${speedup.toFixed(1)}× faster) | ${oxlint.problems.length} |`);
    console.log(`| ESLint ${eslintVersion}, same rules and options (1 thread) | ${seconds(median(eslintMs))} | ${eslint.reports.length} |`);
    console.log(`\n(${cores} cores, Node ${process.version}, load average ${os.loadavg().map((value) => value.toFixed(2)).join(' / ')} at the end.)`);
  } finally {
    removeDir(jobDir);
  }
}

if (args['eslint-child']) {
  await runEslintChild(args['eslint-child']);
} else {
  try {
    await main();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
