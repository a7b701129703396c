// Parts of the benchmark's report (scripts/bench.js) kept apart from the runner: rule time per
// package as a share of the floor, and the check that the rules' report counts are the ones a
// committed expectation (bench/expected-counts.json) holds.

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { ROOT, getInstalledVersion } from './corpus-manifest.js';
import { countLines, formatTable, median, readText, shortRuleName } from './lint-helpers.js';

/**
 * Per-file ESLint stats summed per package: `lintMs` (parse + traversal + rules: each pass's
 * `total`) and each rule's time. `packageOf` maps a file path to its package name.
 */
export function sumStatsByPackage(results, packageOf) {
  const byPackage = {};
  for (const result of results) {
    const name = packageOf[result.filePath] ?? '(other)';
    const row = (byPackage[name] ??= { lintMs: 0, ruleMs: {} });
    for (const pass of result.stats?.times.passes ?? []) {
      row.lintMs += pass.total ?? 0;
      for (const [ruleId, time] of Object.entries(pass.rules ?? {})) row.ruleMs[ruleId] = (row.ruleMs[ruleId] ?? 0) + time.total;
    }
  }
  return byPackage;
}

/** Medians over the runs of one configuration: `{ [package]: { lintMs, ruleMs: { [ruleId]: ms } } }`. */
export function medianByPackage(runs, ruleIds) {
  const packages = [...new Set(runs.flatMap((run) => Object.keys(run.byPackage ?? {})))];
  return Object.fromEntries(
    packages.map((name) => {
      const rows = runs.map((run) => run.byPackage?.[name] ?? { lintMs: 0, ruleMs: {} });
      const ruleMs = Object.fromEntries(ruleIds.map((id) => [id, median(rows.map((row) => row.ruleMs[id] ?? 0))]));
      return [name, { lintMs: median(rows.map((row) => row.lintMs)), ruleMs }];
    }),
  );
}

/**
 * One row per package, one column per configuration: its rules' time as a share of the floor's
 * per-file lint time on the same package (both from ESLint's stats, so start-up and file reading
 * are in neither). The goals of issue 20 are per package.
 */
export function formatPackageShares(packages, floorByPackage, columns) {
  const share = (ms, floorMs) => (floorMs > 0 ? `${((ms / floorMs) * 100).toFixed(1)}%` : '–');
  const rows = packages.map((name) => {
    const floorMs = floorByPackage[name]?.lintMs ?? 0;
    return [
      name,
      Math.round(floorMs),
      ...columns.map(({ byPackage, ruleIds }) => share(ruleIds.reduce((sum, id) => sum + (byPackage[name]?.ruleMs[id] ?? 0), 0), floorMs)),
    ];
  });
  const totalFloor = packages.reduce((sum, name) => sum + (floorByPackage[name]?.lintMs ?? 0), 0);
  rows.push([
    '**all**',
    Math.round(totalFloor),
    ...columns.map(({ byPackage, ruleIds }) =>
      share(packages.reduce((sum, name) => sum + ruleIds.reduce((inner, id) => inner + (byPackage[name]?.ruleMs[id] ?? 0), 0), 0), totalFloor),
    ),
  ]);
  return formatTable(['package', 'floor ms (stats)', ...columns.map(({ label }) => label)], rows);
}

/**
 * Compares each configuration's report counts per rule with the expectation for this file
 * selection (`full` or `quick`). Returns `{ lines, same }`; with `update` (or no expectation yet
 * for the selection), writes the counts measured now as the new expectation.
 */
export function checkReportCounts(file, selection, measured, { update = false } = {}) {
  const expected = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  const previous = expected[selection];
  if (update || !previous) {
    expected[selection] = measured;
    writeFileSync(file, `${JSON.stringify(expected, null, 2)}\n`);
    return { same: true, lines: [`- Report counts per rule written as the expectation for \`${selection}\` (${previous ? '--update-counts' : 'none was committed'}).`] };
  }
  const lines = [];
  // Only the configurations run now (`--no-typed` skips the type-aware ones).
  for (const key of Object.keys(measured)) {
    const before = previous[key] ?? {};
    const now = measured[key] ?? {};
    for (const ruleId of new Set([...Object.keys(before), ...Object.keys(now)])) {
      if ((before[ruleId] ?? 0) !== (now[ruleId] ?? 0)) {
        lines.push(`- **${key}**: ${shortRuleName(ruleId)} made ${now[ruleId] ?? 0} reports, the expectation is ${before[ruleId] ?? 0}.`);
      }
    }
  }
  if (lines.length === 0) return { same: true, lines: [`- Report counts per rule are the same as the committed expectation for \`${selection}\` (bench/expected-counts.json).`] };
  return { same: false, lines: [`- Report counts DIFFER from the committed expectation for \`${selection}\` (run with \`--update-counts\` when the change is meant):`, ...lines] };
}

function getVersion(name) {
  try {
    return createRequire(path.join(ROOT, 'package.json'))(`${name}/package.json`).version;
  } catch {
    return 'not installed';
  }
}

export function describeMachine() {
  const cpus = os.cpus();
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    // not a git checkout
  }
  return [
    `- Date: ${new Date().toISOString()}`,
    `- Machine: ${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores (shared with other work: load average ${os.loadavg().map((value) => value.toFixed(2)).join(' / ')} at start), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()} ${os.arch()}`,
    `- Node ${process.version}; eslint ${getVersion('eslint')}; typescript ${getVersion('typescript')}; @typescript-eslint/parser ${getVersion('@typescript-eslint/parser')}; eslint-plugin-n ${getVersion('eslint-plugin-n')}; eslint-plugin-event-loop ${getVersion('eslint-plugin-event-loop')} (commit ${commit})`,
  ].join('\n');
}

export function describeCorpus(files) {
  const byPackage = new Map();
  for (const entry of files) {
    const row = byPackage.get(entry.pkg) ?? { files: 0, lines: 0 };
    row.files++;
    row.lines += countLines(readText(entry.file));
    byPackage.set(entry.pkg, row);
  }
  const rows = [...byPackage.entries()].map(([pkg, row]) => [`${pkg.name}@${getInstalledVersion(pkg) ?? '?'}`, pkg.language === 'ts' ? 'TypeScript' : 'JavaScript', row.files, row.lines]);
  const total = [...byPackage.values()].reduce((sum, row) => ({ files: sum.files + row.files, lines: sum.lines + row.lines }), { files: 0, lines: 0 });
  rows.push(['**total**', '', total.files, total.lines]);
  return formatTable(['package', 'language', 'files', 'lines'], rows, 'llrr');
}

/** How many of `peer`'s reports ours also makes: same file, overlapping line ranges. */
export function countMatched(peerReports, ourReports) {
  const ours = new Map();
  for (const [, file, line, endLine] of ourReports) {
    if (!ours.has(file)) ours.set(file, []);
    ours.get(file).push([line, endLine]);
  }
  const overlaps = ([, file, line, endLine]) => (ours.get(file) ?? []).some(([start, end]) => start <= endLine && line <= end);
  return peerReports.filter(overlaps).length;
}
