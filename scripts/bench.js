#!/usr/bin/env node
// Side-by-side benchmark (npm run bench) on the pinned corpus (npm run corpus:setup first):
//   - floor: ESLint with the same parsers and one rule that does nothing (bench/floor-plugin.js:
//     parse + traverse; with no rule at all ESLint would skip the traversal);
//   - each of our rules alone, and the `recommended` config (all of them together);
//   - peers: core `no-await-in-loop`, eslint-plugin-n's `no-sync`;
//   - type-aware, on the TypeScript packages with the same projectService set-up: a typed floor,
//     `@typescript-eslint/no-floating-promises` and `floating-task`;
//   - `recommended` with `--concurrency=auto`, which must report the same problems as one thread.
// Every configuration runs in a fresh process, in rotating order, `--reps` times, each repetition
// starting at another package (`startAtPackage`); medians are
// reported: whole lint time above the floor, per-rule time (ESLint's rule timers: the `stats`
// option, the numbers `TIMING=all` prints) and whole process time. Report counts sit beside the
// peers' counts, with how many of the peer's reports ours also makes (same file, overlapping lines).
// Rule time per package as a share of the floor, and a check that our rules' report counts are the
// committed expectation (bench/expected-counts.json; `--update-counts` rewrites it): bench/bench-report.js.
// Writes bench/results.md (full runs; `--out FILE` to choose, `--no-write` to skip) and prints it;
// what follows the KEEP_MARKER line in that file (hand-written notes, other tools' tables) is kept.
//
// Usage: node scripts/bench.js [--quick] [--reps N] [--no-typed] [--out FILE] [--no-write] [--update-counts]
//   --quick   reduced corpus (15 most async-dense files per package) and 3 repetitions: ~2 minutes
//   --reps N  repetitions per configuration (default 3; 5 gives steadier medians on a busy machine)
// Needs the plugin built (`npm run build`; npm run bench does).

import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { CACHE_DIR, CORPUS_DIR, ROOT, assertCorpusInstalled, listCorpusFiles } from '../bench/corpus-manifest.js';
import {
  PLUGIN_PREFIX,
  createCorpusESLint,
  formatTable,
  loadPlugin,
  median,
  selectQuickFiles,
  shortRuleName,
  snapshotPlugin,
} from '../bench/lint-helpers.js';
import { checkReportCounts, countMatched, describeCorpus, describeMachine, formatPackageShares, medianByPackage, sumStatsByPackage } from '../bench/bench-report.js';

const SELF = fileURLToPath(import.meta.url);
const FLOOR_PLUGIN = fileURLToPath(new URL('../bench/floor-plugin.js', import.meta.url));
const FLOOR_RULES = { 'bench-floor/program': 'error' };
/** Added to every type-aware run: counts what the checker built (bench/floor-plugin.js). */
const CHECKER_WORK_RULE = 'bench-floor/checker-work';
const EXPECTED_COUNTS = fileURLToPath(new URL('../bench/expected-counts.json', import.meta.url));
const QUICK_FILES_PER_PACKAGE = 15;
const KEEP_MARKER = '<!-- Generated above by scripts/bench.js; what follows this line is kept when it runs again. -->';

/**
 * The files with their packages rotated so each repetition starts at a different package: the
 * first files a process lints pay for compiling the rules' code (JIT warm-up, about 20 ms for
 * floating-task), which would otherwise always be charged to the same package (the alphabetically
 * first, corpus-apps). The per-package medians then show each package warm; the whole-corpus
 * totals include the warm-up once per process, as a user's run does.
 */
function startAtPackage(entries, rep, reps) {
  const packages = [...new Set(entries.map((entry) => entry.pkg.name))];
  const first = Math.floor((rep * packages.length) / reps);
  const rank = new Map(packages.map((name, index) => [name, (index - first + packages.length) % packages.length]));
  return entries.toSorted((a, b) => rank.get(a.pkg.name) - rank.get(b.pkg.name));
}

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    reps: { type: 'string' },
    'no-typed': { type: 'boolean', default: false },
    out: { type: 'string' },
    'no-write': { type: 'boolean', default: false },
    'update-counts': { type: 'boolean', default: false },
    child: { type: 'string' },
  },
});

// ---- child: one measured lint run -------------------------------------------------------------

async function runChild(jobFile) {
  const job = JSON.parse(readFileSync(jobFile, 'utf8'));
  const eslint = await createCorpusESLint({ ...job.spec, stats: true });
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const results = await eslint.lintFiles(job.files);
  const lintMs = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  // The same module instance ESLint loaded the plugin from (one URL, one process, one thread).
  const checkerWork = job.spec.typed ? (await import(pathToFileURL(FLOOR_PLUGIN).href)).getCheckerWork() : null;
  // CPU time (this process and its worker threads) is far less sensitive than wall time to other
  // work on a shared machine.
  const lintCpuMs = (cpu.user + cpu.system) / 1000;
  let parseMs = 0;
  const ruleMs = {};
  const counts = {};
  const reports = [];
  let fatal = 0;
  for (const result of results) {
    for (const pass of result.stats?.times.passes ?? []) {
      parseMs += pass.parse?.total ?? 0;
      for (const [ruleId, time] of Object.entries(pass.rules ?? {})) ruleMs[ruleId] = (ruleMs[ruleId] ?? 0) + time.total;
    }
    const relative = path.relative(job.spec.cwd, result.filePath);
    for (const message of result.messages) {
      if (message.fatal) fatal++;
      if (!message.ruleId) continue;
      counts[message.ruleId] = (counts[message.ruleId] ?? 0) + 1;
      reports.push([message.ruleId, relative, message.line, message.endLine ?? message.line, message.column, message.message]);
    }
  }
  const byPackage = sumStatsByPackage(results, job.packageOf);
  const processCpu = process.cpuUsage();
  const processCpuMs = (processCpu.user + processCpu.system) / 1000;
  process.stdout.write(
    `${JSON.stringify({ lintMs, lintCpuMs, processCpuMs, parseMs, ruleMs, checkerWork, byPackage, counts, fatal, reports: job.withReports ? reports : undefined })}\n`,
  );
}

// ---- parent -------------------------------------------------------------------------------------

function runMeasured(job, jobFile) {
  writeFileSync(jobFile, JSON.stringify(job));
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, [SELF, '--child', jobFile], { stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const processMs = performance.now() - start;
      if (code !== 0) {
        reject(new Error(`bench child for "${job.label}" exited with code ${code}`));
        return;
      }
      resolve({ ...JSON.parse(stdout.trim().split('\n').at(-1)), processMs });
    });
  });
}

const getCheckerWorkTotal = (work) => (work ? work.types + work.instantiations : Number.NaN);
const formatCheckerWork = (work) => (work ? `${work.types} + ${work.instantiations}` : '–');
const ms = (value) => (Number.isFinite(value) ? `${Math.round(value)}` : '–');
const percent = (value) => (Number.isFinite(value) ? `${value >= 0 ? '+' : ''}${value.toFixed(1)}%` : '–');

async function main() {
  assertCorpusInstalled();
  const started = performance.now();
  // One build for the whole run, and the machine as it was when the run started.
  const pluginEntry = snapshotPlugin();
  const plugin = await loadPlugin(pluginEntry);
  const machine = describeMachine();
  const reps = Number.parseInt(args.reps ?? '3', 10);
  if (!Number.isSafeInteger(reps) || reps < 1) throw new Error('--reps takes a positive integer');

  let files = listCorpusFiles();
  if (args.quick) files = selectQuickFiles(files, QUICK_FILES_PER_PACKAGE);
  const typedFiles = files.filter((entry) => entry.language === 'ts');
  const jsFiles = files.filter((entry) => entry.language === 'js');
  const jsRelativePaths = new Set(jsFiles.map((entry) => entry.relative));
  const ourRuleIds = Object.keys(plugin.rules).map((name) => `${PLUGIN_PREFIX}/${name}`);
  const recommended = plugin.configs.recommended.rules ?? {};
  const entryOf = (id) => recommended[id] ?? 'error';

  let hasPluginN = true;
  try {
    const { importTool } = await import('../bench/eslint-options.js');
    await importTool('eslint-plugin-n');
  } catch (error) {
    hasPluginN = false;
    console.log(`bench: ${error.message} Skipping n/no-sync.`);
  }

  const floatingTaskId = `${PLUGIN_PREFIX}/floating-task`;
  const configs = [
    { label: 'floor (parse + traverse, one empty rule)', group: 'syntactic', rules: FLOOR_RULES, floor: true },
    ...ourRuleIds.map((id) => ({ label: shortRuleName(id), group: 'syntactic', rules: { [id]: entryOf(id) }, ours: id })),
    { label: `recommended (${Object.keys(recommended).map(shortRuleName).join(', ') || 'no rule registered'})`, group: 'syntactic', rules: recommended, recommended: true },
    {
      label: 'recommended, --concurrency=auto',
      group: 'syntactic',
      rules: recommended,
      concurrency: 'auto',
      concurrencyCheck: true,
    },
    { label: 'core no-await-in-loop', group: 'syntactic', rules: { 'no-await-in-loop': 'error' }, peer: 'no-await-in-loop' },
    // eslint-plugin-n 18.5's no-sync throws on every file @typescript-eslint/parser parses without a
    // type-checked program (its getParserServices insists on one), so it runs on the JS files.
    ...(hasPluginN
      ? [{ label: 'eslint-plugin-n no-sync (JavaScript files only)', group: 'syntactic', rules: { 'n/no-sync': 'error' }, peer: 'n/no-sync', jsOnly: true }]
      : []),
  ];
  if (!args['no-typed'] && typedFiles.length > 0) {
    configs.push(
      { label: 'type-aware floor (projectService, one empty rule)', group: 'type-aware', rules: FLOOR_RULES, floor: true, typed: true },
      {
        label: '@typescript-eslint/no-floating-promises',
        group: 'type-aware',
        rules: { '@typescript-eslint/no-floating-promises': 'error' },
        typed: true,
        peer: '@typescript-eslint/no-floating-promises',
      },
    );
    if (plugin.rules['floating-task']) {
      configs.push({ label: 'floating-task (type-aware)', group: 'type-aware', rules: { [floatingTaskId]: entryOf(floatingTaskId) }, typed: true, ours: floatingTaskId });
    }
  }

  const benchDir = path.join(CACHE_DIR, 'bench');
  mkdirSync(benchDir, { recursive: true });
  // One job file per run: the corpus's node_modules (and this cache in it) may be shared by several
  // checkouts through a link, and two benchmarks at once must not run each other's jobs.
  const jobFile = path.join(benchDir, `job-${process.pid}.json`);
  process.on('exit', () => rmSync(jobFile, { force: true }));
  const measurements = new Map(configs.map((config) => [config, []]));
  console.log(
    `bench: ${files.length} files (${typedFiles.length} TypeScript for the type-aware runs)${args.quick ? ' (--quick)' : ''}, ${configs.length} configurations x ${reps} repetitions`,
  );
  for (let rep = 0; rep < reps; rep++) {
    // Rotate the order so slow drift of a shared machine does not always hit the same configuration.
    const order = configs.map((_, index) => configs[(index + rep) % configs.length]);
    for (const config of order) {
      const job = {
        label: config.label,
        spec: {
          cwd: CORPUS_DIR,
          rules: config.typed ? { ...config.rules, [CHECKER_WORK_RULE]: 'error' } : config.rules,
          typed: config.typed === true,
          concurrency: config.concurrency ?? 'off',
          pluginModules: { [PLUGIN_PREFIX]: pluginEntry, 'bench-floor': FLOOR_PLUGIN },
        },
        files: startAtPackage(config.typed ? typedFiles : config.jsOnly ? jsFiles : files, rep, reps).map((entry) => entry.file),
        packageOf: Object.fromEntries(files.map((entry) => [entry.file, entry.pkg.name])),
        withReports: rep === 0,
      };
      const measurement = await runMeasured(job, jobFile);
      measurements.get(config).push(measurement);
      process.stdout.write(`  rep ${rep + 1}/${reps} ${config.label}: lint ${ms(measurement.lintCpuMs)} ms CPU, ${ms(measurement.lintMs)} ms wall\n`);
    }
  }

  const summary = new Map();
  for (const config of configs) {
    const runs = measurements.get(config);
    const ruleIds = Object.keys(config.rules);
    summary.set(config, {
      lintMs: median(runs.map((run) => run.lintMs)),
      lintCpuMs: median(runs.map((run) => run.lintCpuMs)),
      processMs: median(runs.map((run) => run.processMs)),
      processCpuMs: median(runs.map((run) => run.processCpuMs)),
      ruleMs: Object.fromEntries(ruleIds.map((id) => [id, median(runs.map((run) => run.ruleMs[id] ?? 0))])),
      ruleTotalMs: median(runs.map((run) => ruleIds.reduce((sum, id) => sum + (run.ruleMs[id] ?? 0), 0))),
      byPackage: medianByPackage(runs, ruleIds),
      checkerWork: runs[0].checkerWork,
      counts: runs[0].counts,
      reports: runs[0].reports ?? [],
      fatal: runs[0].fatal,
    });
  }

  const lines = [];
  const out = (text = '') => lines.push(text);
  out('# Benchmark: eslint-plugin-event-loop beside the rules people use today');
  out();
  out(`Generated by \`npm run bench${args.quick ? ' -- --quick' : ''}\` (scripts/bench.js). Each configuration runs in a fresh Node process, in rotating order, ${reps} times; the numbers are medians.`);
  out(
    '"lint" is `ESLint#lintFiles` over the files, as CPU time (user + system, all threads: steady on a shared machine) and wall time; "above floor" subtracts the floor run (one rule that does nothing, so the traversal is counted); "rule time" is ESLint\'s own per-rule timer (the `stats` option: the numbers `TIMING=all` prints), summed over files, as a share of the floor\'s lint wall time; "process" is the whole process (start-up, loading plugins and parsers, linting).',
  );
  out('The corpus\'s own `eslint-disable` comments are ignored (`allowInlineConfig: false`) so every rule sees the same code.');
  out();
  out('## Machine');
  out();
  out(machine);
  out();
  out('## Corpus');
  out();
  out(describeCorpus(files));
  out();

  for (const group of ['syntactic', 'type-aware']) {
    const groupConfigs = configs.filter((config) => config.group === group);
    if (groupConfigs.length === 0) continue;
    const floor = summary.get(groupConfigs.find((config) => config.floor));
    out(group === 'syntactic' ? `## Syntactic mode (${files.length} files)` : `## Type-aware mode (${typedFiles.length} TypeScript files, projectService)`);
    out();
    const rows = groupConfigs.map((config) => {
      const result = summary.get(config);
      // A run over a subset of the files has no floor to compare with.
      const comparable = !config.floor && !config.jsOnly;
      const above = result.lintCpuMs - floor.lintCpuMs;
      const reportCount = Object.values(result.counts).reduce((sum, count) => sum + count, 0);
      return [
        config.label,
        ms(result.lintCpuMs),
        comparable ? `${ms(above)} (${percent((above / floor.lintCpuMs) * 100)})` : '',
        config.floor ? '' : `${result.ruleTotalMs.toFixed(1)}${comparable ? ` (${percent((result.ruleTotalMs / floor.lintMs) * 100)})` : ''}`,
        ms(result.lintMs),
        ms(result.processCpuMs),
        ms(result.processMs),
        config.floor ? '' : reportCount,
        ...(group === 'type-aware' ? [formatCheckerWork(result.checkerWork)] : []),
      ];
    });
    const headers = ['configuration', 'lint CPU ms', 'above floor, CPU ms', 'rule time ms (of floor lint)', 'lint wall ms', 'process CPU ms', 'process wall ms', 'reports'];
    out(formatTable(group === 'type-aware' ? [...headers, 'checker types + instantiations'] : headers, rows));
    out();
    if (group === 'type-aware') {
      out(
        '"checker types + instantiations": what the TypeScript checker built while the rule asked it questions (`getTypeCount()` + `getInstantiationCount()` of every program, counted by an extra rule that listens to nothing). The same on every run of one build: a measure of the checker work the rule causes that a busy machine does not blur. It is not time: resolving symbols and narrowing cost time and build no types.',
      );
      out();
    }
  }

  // Targets.
  const floorSyntactic = summary.get(configs.find((config) => config.floor && !config.typed));
  const recommendedConfig = configs.find((config) => config.recommended);
  const recommendedResult = summary.get(recommendedConfig);
  out('## Targets');
  out();
  if (Object.keys(recommendedConfig.rules).length === 0) {
    out('- No rule is registered yet: nothing to compare.');
  } else {
    const byRuleTime = (recommendedResult.ruleTotalMs / floorSyntactic.lintMs) * 100;
    const byCpu = ((recommendedResult.lintCpuMs - floorSyntactic.lintCpuMs) / floorSyntactic.lintCpuMs) * 100;
    out(
      `- All our rules together (\`recommended\`, syntactic) add ${percent(byRuleTime)} to the floor by rule time and ${percent(byCpu)} by lint CPU time (goal: at most +3% by rule time): **${byRuleTime <= 3 ? 'met' : 'MISSED'}** (CPU time above the floor is the whole cost, noisier).`,
    );
    for (const config of configs.filter((candidate) => candidate.ours && !candidate.typed)) {
      const share = (summary.get(config).ruleTotalMs / floorSyntactic.lintMs) * 100;
      const goal = config.ours === floatingTaskId ? 1.5 : 1;
      out(`- \`${config.label}\` alone: ${percent(share)} of the floor by rule time (goal: at most +${goal}%): **${share <= goal ? 'met' : 'MISSED'}**.`);
    }
  }
  const trivialPeer = configs.find((config) => config.peer === 'no-await-in-loop');
  if (trivialPeer) {
    const result = summary.get(trivialPeer);
    out(
      `- For reference: core \`no-await-in-loop\` spends ${result.ruleTotalMs.toFixed(0)} ms in its own code yet costs ${ms(result.lintCpuMs - floorSyntactic.lintCpuMs)} ms of CPU above the floor: ESLint's own cost of running any rule at all (dispatching every node to the rules' listeners, timers). Above that baseline, \`recommended\` costs ${ms(recommendedResult.lintCpuMs - result.lintCpuMs)} ms (${percent(((recommendedResult.lintCpuMs - result.lintCpuMs) / floorSyntactic.lintCpuMs) * 100)} of the floor).`,
    );
  }
  const floatingTask = configs.find((config) => config.ours === floatingTaskId && config.typed);
  const noFloating = configs.find((config) => config.peer === '@typescript-eslint/no-floating-promises');
  if (floatingTask && noFloating) {
    const ours = summary.get(floatingTask);
    const theirs = summary.get(noFloating);
    const typedFloor = summary.get(configs.find((config) => config.floor && config.typed));
    const ratio = ours.ruleTotalMs / theirs.ruleTotalMs;
    const cpuRatio = (ours.lintCpuMs - typedFloor.lintCpuMs) / (theirs.lintCpuMs - typedFloor.lintCpuMs);
    const workRatio = getCheckerWorkTotal(ours.checkerWork) / getCheckerWorkTotal(theirs.checkerWork);
    out(
      `- \`floating-task\` / \`no-floating-promises\` (type-aware, same files, same run): ${ratio.toFixed(2)} by rule time (${ours.ruleTotalMs.toFixed(0)} / ${theirs.ruleTotalMs.toFixed(0)} ms), ${cpuRatio.toFixed(2)} by lint CPU time above the typed floor (goal: at most 0.5): **${ratio <= 0.5 ? 'met' : 'MISSED'}**. By checker work (types + instantiations, steady from run to run): ${workRatio.toFixed(2)}.`,
    );
  } else if (!args['no-typed']) {
    out('- `floating-task` is not registered yet: its type-aware ratio to `no-floating-promises` is not measured.');
  }
  const concurrencyConfig = configs.find((config) => config.concurrencyCheck);
  const keyOf = ([ruleId, file, line, , column, message]) => `${file}:${line}:${column}:${ruleId}:${message}`;
  const single = recommendedResult.reports.map(keyOf).sort();
  const multi = summary.get(concurrencyConfig).reports.map(keyOf).sort();
  const sameProblems = single.length === multi.length && single.every((key, index) => key === multi[index]);
  out(
    `- \`--concurrency=auto\` (${os.availableParallelism?.() ?? os.cpus().length} cores) reports ${sameProblems ? 'the same' : 'DIFFERENT'} problems as one thread (${multi.length} vs ${single.length}).`,
  );
  out();

  // Rule time per package (the goals are per package).
  for (const typed of [false, true]) {
    const floorConfig = configs.find((config) => config.floor && (config.typed === true) === typed);
    if (!floorConfig) continue;
    const columns = configs
      .filter((config) => !config.floor && !config.jsOnly && !config.concurrency && (config.typed === true) === typed)
      .map((config) => ({ label: config.recommended ? 'recommended' : shortRuleName(config.label), byPackage: summary.get(config).byPackage, ruleIds: Object.keys(config.rules) }));
    const packages = [...new Set((typed ? typedFiles : files).map((entry) => entry.pkg.name))];
    out(typed ? '## Rule time per TypeScript package, type-aware' : '## Rule time per package, syntactic');
    out();
    out('Rule time (ESLint stats) as a share of the floor\'s per-file lint time (stats: parse + traversal) on the same package, median over the repetitions. Each repetition starts at a different package (the first files of a process pay for compiling the rules\' code), so the medians show every package warm. Goal (syntactic): `recommended` at most 5% on every package.');
    out();
    out(formatPackageShares(packages, summary.get(floorConfig).byPackage, columns));
    out();
  }
  const measuredCounts = Object.fromEntries(
    configs
      .filter((config) => config.ours || config.recommended || config.concurrencyCheck)
      .map((config) => [`${config.group}: ${config.recommended ? 'recommended' : config.label}`, Object.fromEntries(Object.entries(summary.get(config).counts).filter(([id]) => id.startsWith(`${PLUGIN_PREFIX}/`)).sort())]),
  );
  const countCheck = checkReportCounts(EXPECTED_COUNTS, args.quick ? 'quick' : 'full', measuredCounts, { update: args['update-counts'] });
  out('## Report counts against the expectation');
  out();
  for (const line of countCheck.lines) out(line);
  out();

  // Report counts beside the peers'.
  const countOf = (config, id) => (config ? (summary.get(config).counts[id] ?? 0) : null);
  const pairs = [
    [`${PLUGIN_PREFIX}/no-sequential-await-in-loop`, 'no-await-in-loop', false],
    [`${PLUGIN_PREFIX}/no-sync-in-async`, 'n/no-sync', false],
    [floatingTaskId, '@typescript-eslint/no-floating-promises', true],
  ];
  const countRows = [];
  for (const [ours, peer, typed] of pairs) {
    const ourConfig = configs.find((config) => config.ours === ours && (config.typed === true) === typed);
    const peerConfig = configs.find((config) => config.peer === peer);
    if (!peerConfig) continue;
    const sameFiles = (report) => !peerConfig.jsOnly || jsRelativePaths.has(report[1]);
    const peerReports = summary.get(peerConfig).reports.filter((report) => report[0] === peer);
    const ourReports = ourConfig ? summary.get(ourConfig).reports.filter((report) => report[0] === ours && sameFiles(report)) : [];
    countRows.push([
      ourConfig ? `${shortRuleName(ours)}${typed ? ' (type-aware)' : ''}` : `${shortRuleName(ours)} (not registered)`,
      ourConfig ? ourReports.length : '–',
      `${peer}${peerConfig.jsOnly ? ' (JavaScript files; ours counted on the same files)' : ''}`,
      countOf(peerConfig, peer),
      ourConfig ? countMatched(peerReports, ourReports) : '–',
    ]);
  }
  for (const id of ourRuleIds) {
    if (pairs.some(([ours]) => ours === id)) continue;
    const config = configs.find((candidate) => candidate.ours === id && !candidate.typed);
    countRows.push([shortRuleName(id), countOf(config, id), '(no peer)', '', '']);
  }
  out('## Report counts beside the peers');
  out();
  out('"Also reported by ours": reports of the peer on lines that one of our reports covers (same file, overlapping lines).');
  out();
  out(formatTable(['our rule', 'reports', 'peer', 'peer reports', 'of which also reported by ours'], countRows, 'lrlrr'));
  out();
  out(`Total benchmark time: ${((performance.now() - started) / 1000).toFixed(0)} s; load average at the end ${os.loadavg().map((value) => value.toFixed(2)).join(' / ')}.`);

  const markdown = `${lines.join('\n')}\n`;
  console.log(`\n${markdown}`);
  const target = args.out ?? (args.quick ? null : path.join(ROOT, 'bench', 'results.md'));
  if (target && !args['no-write']) {
    // Anything below KEEP_MARKER (e.g. the oxlint comparison of scripts/oxlint-corpus.js) survives a re-run.
    const previous = existsSync(target) ? readFileSync(target, 'utf8') : '';
    const kept = previous.includes(KEEP_MARKER) ? previous.slice(previous.indexOf(KEEP_MARKER)) : `${KEEP_MARKER}\n`;
    writeFileSync(target, `${markdown}\n${kept}`);
    console.log(`bench: wrote ${path.relative(ROOT, target)}`);
  }
  if (!sameProblems || !countCheck.same) process.exitCode = 1;
  const anyFatal = [...summary.values()].some((result) => result.fatal > 0);
  if (anyFatal) {
    console.log('bench: some files did not parse (fatal messages): run npm run validate.');
    process.exitCode = 1;
  }
}

if (args.child) await runChild(args.child);
else await main();
