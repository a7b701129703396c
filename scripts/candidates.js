#!/usr/bin/env node
// Candidates (npm run candidates): lints the whole corpus and writes every candidate site of each
// rule family to bench/labels/candidates/<family>.json, for labeling (see bench/README.md):
//   loops     every loop core no-await-in-loop reports (one entry per loop, at the loop's line),
//             with whether no-sequential-await-in-loop (defaults) reports it
//   floating  floating-task (syntactic and type-aware), typed @typescript-eslint/no-floating-promises
//             and no-misused-promises (TypeScript files), and the scans late-await,
//             dropped-async-callback and dropped-call
//   blocking  every call of a built-in sync I/O or CPU-heavy API (module tracker), with its
//             enclosing function and whether no-sync-in-async / prefer-worker-for-cpu report it
// Sites are deduplicated by (file, line) within a family; `sources` lists who found each one.
//
// Usage: node scripts/candidates.js [--quick] [--no-typed] [--out DIR]
// Needs the corpus (npm run corpus:setup) and the plugin built (npm run build).

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildCandidates, lintCorpus } from '../bench/candidate-lint.js';
import { CORPUS_PACKAGES, ROOT, assertCorpusInstalled } from '../bench/corpus-manifest.js';
import { formatTable } from '../bench/lint-helpers.js';

async function main() {
  const { values: args } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      'no-typed': { type: 'boolean', default: false },
      out: { type: 'string' },
    },
  });
  assertCorpusInstalled();
  const started = performance.now();
  const { files, results, problems, seconds } = await lintCorpus({ quick: args.quick, typed: !args['no-typed'] });
  const families = buildCandidates(results);
  const outDir = args.out ? path.resolve(args.out) : path.join(ROOT, 'bench', 'labels', 'candidates');
  mkdirSync(outDir, { recursive: true });
  for (const [family, sites] of Object.entries(families)) {
    writeFileSync(path.join(outDir, `${family}.json`), `${JSON.stringify(sites, null, 2)}\n`);
  }

  const units = CORPUS_PACKAGES.map((pkg) => pkg.name).filter((name) => files.some((entry) => entry.pkg.name === name));
  const count = (sites, unit) => sites.filter((site) => site.unit === unit).length;
  const rows = units.map((unit) => [
    unit,
    files.filter((entry) => entry.pkg.name === unit).length,
    count(families.loops, unit),
    count(families.floating, unit),
    count(families.blocking, unit),
  ]);
  rows.push(['total', files.length, families.loops.length, families.floating.length, families.blocking.length]);
  console.log(formatTable(['unit', 'files', 'loops', 'floating', 'blocking'], rows));
  const bySource = new Map();
  for (const site of families.floating) for (const source of site.sources) bySource.set(source, (bySource.get(source) ?? 0) + 1);
  console.log(`\nfloating sites by source (a site can have several): ${[...bySource].map(([s, n]) => `${s} ${n}`).join(', ')}`);
  console.log(
    `loops reported by no-sequential-await-in-loop: ${families.loops.filter((site) => site.noSequentialAwaitInLoop).length}; blocking sites reported by no-sync-in-async: ${families.blocking.filter((s) => s.noSyncInAsync).length}, by prefer-worker-for-cpu: ${families.blocking.filter((s) => s.preferWorkerForCpu).length}`,
  );
  console.log(
    `candidates: ${files.length} files linted in ${seconds.toFixed(1)} s (total ${((performance.now() - started) / 1000).toFixed(1)} s) -> ${path.relative(ROOT, outDir)}/{loops,floating,blocking}.json`,
  );
  if (problems.length > 0) {
    console.log(`candidates: ${problems.length} problems:\n  ${problems.slice(0, 20).join('\n  ')}`);
    process.exitCode = 1;
  }
}

await main();
