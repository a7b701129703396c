#!/usr/bin/env node
// Compares the rule time of two builds of the plugin in one ESLint run: the same rules from both
// builds, loaded as two plugins (`base/<rule>` and `this/<rule>`), lint the same files in the same
// traversal, so a busy machine slows both alike. The rule listed first in a file pays for bringing
// the file's scopes and tokens into the CPU caches (and, type-aware, for most of the checker's
// work), so the rounds alternate which build comes first; compare the totals, or the same
// position across rounds.
//
// Usage: node scripts/bench-builds.js --base DIR [--rules a,b] [--typed] [--units x,y] [--rounds N]
//   --base DIR   a checkout of another commit with its plugin built (`npm run build` there); its
//                dist/ and package.json are copied, so the checkout may change meanwhile
//   --rules      our rule names (default floating-task)
//   --typed      type-aware, on the TypeScript files only
//   --units      corpus package names (default all; `mongodb,undici` for a part)
//   --rounds N   default 4
// Needs this checkout's plugin built (`npm run build`) and the corpus installed.

import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CORPUS_DIR, ROOT, assertCorpusInstalled, listCorpusFiles } from '../bench/corpus-manifest.js';
import { createCorpusESLint, snapshotPlugin } from '../bench/lint-helpers.js';

const SELF = fileURLToPath(import.meta.url);
const FLOOR_PLUGIN = fileURLToPath(new URL('../bench/floor-plugin.js', import.meta.url));
const BUILDS = ['base', 'this'];

const { values: args } = parseArgs({
  options: {
    base: { type: 'string' },
    rules: { type: 'string', default: 'floating-task' },
    typed: { type: 'boolean', default: false },
    units: { type: 'string' },
    rounds: { type: 'string', default: '4' },
    child: { type: 'string' },
  },
});

/** One lint with both builds' rules, in the given order; prints each rule's summed time and report count. */
async function runChild(jobText) {
  const job = JSON.parse(jobText);
  const units = job.units ? new Set(job.units) : null;
  const files = listCorpusFiles().filter((entry) => (!units || units.has(entry.pkg.name)) && (!job.typed || entry.language === 'ts'));
  const rules = Object.fromEntries(job.order.flatMap((build) => job.rules.map((rule) => [`${build}/${rule}`, 'error'])));
  const eslint = await createCorpusESLint({
    cwd: CORPUS_DIR,
    rules,
    typed: job.typed,
    stats: true,
    concurrency: 'off',
    pluginModules: { ...job.entries, 'bench-floor': FLOOR_PLUGIN },
  });
  const results = await eslint.lintFiles(files.map((entry) => entry.file));
  const times = {};
  const counts = {};
  for (const result of results) {
    for (const message of result.messages) counts[message.ruleId] = (counts[message.ruleId] ?? 0) + 1;
    for (const pass of result.stats?.times.passes ?? []) {
      for (const [id, time] of Object.entries(pass.rules ?? {})) times[id] = (times[id] ?? 0) + time.total;
    }
  }
  process.stdout.write(`${JSON.stringify({ files: files.length, times, counts })}\n`);
}

function sumFor(build, times) {
  return Object.entries(times)
    .filter(([id]) => id.startsWith(`${build}/`))
    .reduce((sum, [, time]) => sum + time, 0);
}

async function main() {
  if (!args.base) throw new Error('--base DIR (a checkout with its plugin built) is required');
  assertCorpusInstalled();
  if (!existsSync(path.join(args.base, 'dist', 'index.js'))) throw new Error(`${args.base} has no dist/index.js: run npm run build there`);
  const entries = { base: snapshotPlugin(path.resolve(args.base), 'base'), this: snapshotPlugin() };
  const rounds = Number.parseInt(args.rounds, 10);
  if (!Number.isSafeInteger(rounds) || rounds < 1) throw new Error('--rounds takes a positive integer');
  const rules = args.rules.split(',').map((rule) => rule.trim());
  const totals = { base: 0, this: 0 };
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? BUILDS : [...BUILDS].reverse();
    const job = { order, rules, typed: args.typed, units: args.units?.split(','), entries };
    const output = execFileSync(process.execPath, [SELF, '--child', JSON.stringify(job)], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1e8 });
    const { files, times, counts } = JSON.parse(output.trim().split('\n').at(-1));
    const line = order.map((build) => {
      const time = sumFor(build, times);
      totals[build] += time;
      const reports = rules.map((rule) => counts[`${build}/${rule}`] ?? 0).reduce((sum, count) => sum + count, 0);
      return `${build} ${time.toFixed(0)} ms (${reports} reports)`;
    });
    console.log(`round ${round + 1}, ${files} files, first ${order[0]}: ${line.join(', ')}`);
  }
  console.log(`total over ${rounds} rounds: base ${totals.base.toFixed(0)} ms, this ${totals.this.toFixed(0)} ms, this/base ${(totals.this / totals.base).toFixed(3)}`);
}

if (args.child) await runChild(args.child);
else await main();
