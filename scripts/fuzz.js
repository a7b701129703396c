#!/usr/bin/env node
// Fuzzing (npm run fuzz): seeded random programs through every rule of the `all` config, checking
// what scripts/validate.js checks on the corpus: no rule throws, every suggestion and every fix
// output parses, and fix passes converge (a second --fix pass changes nothing).
//
// Two generators, mixed (two template programs for each eslump program):
//   templates  bench/fuzz-templates.js: async/await-heavy programs (fs/child_process/crypto/zlib
//              sync calls in every import spelling, loops with awaits, busy-waits, dropped and
//              stored promises, ASI, comments, TypeScript, CommonJS, `using`)
//   eslump     eslump's random JavaScript (any syntax, mostly nonsense): rules must not crash on it
//
// Usage: node scripts/fuzz.js [--seed N] [--count M] [--generator mixed|templates|eslump]
//                             [--rules a,b] [--plugin p=path] [--show]
//   Case k of a run uses seed N + k, so `--seed S --count 1` replays the failing case S;
//   `--show` prints each case's program and its --fix output.
// Needs the plugin built (`npm run build`; npm run fuzz does).

import path from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from '../bench/corpus-manifest.js';
import { generateAsyncProgram, getExtension } from '../bench/fuzz-templates.js';
import { importTool } from '../bench/eslint-options.js';
import {
  applyFix,
  createCorpusESLint,
  createRandom,
  formatTable,
  getFatalMessage,
  getRuleEntries,
  lintTextSafely,
  loadPlugin,
  PLUGIN_PREFIX,
  shortRuleName,
  snapshotPlugin,
} from '../bench/lint-helpers.js';

const { values: args } = parseArgs({
  options: {
    seed: { type: 'string', default: '1' },
    count: { type: 'string', default: '300' },
    generator: { type: 'string', default: 'mixed' },
    rules: { type: 'string' },
    plugin: { type: 'string', multiple: true },
    show: { type: 'boolean', default: false },
  },
});

const firstSeed = Number.parseInt(args.seed, 10);
const count = Number.parseInt(args.count, 10);
if (!Number.isSafeInteger(firstSeed) || !Number.isSafeInteger(count) || count < 1) {
  throw new Error('--seed and --count take integers (count >= 1)');
}
if (!['mixed', 'templates', 'eslump'].includes(args.generator)) throw new Error('--generator is mixed, templates or eslump');
const pluginEntry = snapshotPlugin();
const pluginModules = { [PLUGIN_PREFIX]: pluginEntry, ...Object.fromEntries((args.plugin ?? []).map((item) => item.split('='))) };

function getGeneratorFor(seed) {
  if (args.generator !== 'mixed') return args.generator;
  return seed % 3 === 2 ? 'eslump' : 'templates';
}

let eslump;
const ESLUMP_ATTEMPTS = 8;

/**
 * eslump's programs ignore early errors (redeclared bindings, duplicate exports) about half the
 * time: draw up to ESLUMP_ATTEMPTS programs from sub-seeds of `seed` and keep the first that
 * `parses`. eslump draws from Math.random, so the seeded generator stands in while it runs.
 */
async function generateEslumpProgram(seed, parses) {
  let code = '';
  for (let attempt = 0; attempt < ESLUMP_ATTEMPTS; attempt++) {
    const random = Math.random;
    Math.random = createRandom(seed * ESLUMP_ATTEMPTS + attempt);
    try {
      code = eslump.generateRandomJS({ sourceType: 'module', maxDepth: 6, comments: true, whitespace: true });
    } finally {
      Math.random = random;
    }
    if (await parses(code)) break;
  }
  return code;
}

async function generateCase(seed, parses) {
  const generator = getGeneratorFor(seed);
  if (generator === 'eslump') return { generator, code: await generateEslumpProgram(seed, (code) => parses(code, 'mjs')), extension: 'mjs' };
  const program = generateAsyncProgram(seed);
  return { generator, code: program.code, extension: getExtension(program) };
}

async function main() {
  const started = performance.now();
  const plugin = await loadPlugin(pluginEntry);
  const rules = getRuleEntries(plugin, { config: 'all', only: args.rules?.split(',').filter(Boolean) });
  const ruleIds = Object.keys(rules);
  if (args.generator !== 'templates') eslump = (await importTool('eslump')).default;

  const cwd = ROOT;
  const floor = await createCorpusESLint({ cwd, rules: {} });
  const linter = await createCorpusESLint({ cwd, rules, pluginModules });
  const fixer = await createCorpusESLint({ cwd, rules, pluginModules, fix: true });

  const stats = new Map();
  const statsFor = (generator) => {
    if (!stats.has(generator)) {
      stats.set(generator, { cases: 0, skipped: 0, reports: {}, fixed: 0, suggestions: 0, failures: 0 });
    }
    return stats.get(generator);
  };
  const failures = [];

  for (let seed = firstSeed; seed < firstSeed + count; seed++) {
    const { generator, code, extension } = await generateCase(seed, async (candidate, candidateExtension) => {
      const { result } = await lintTextSafely(floor, candidate, path.join(cwd, '.fuzz', `candidate.${candidateExtension}`));
      return result !== undefined && !getFatalMessage(result);
    });
    const row = statsFor(generator);
    row.cases++;
    const filePath = path.join(cwd, '.fuzz', `case-${seed}.${extension}`);
    const caseFailures = [];
    const failCase = (kind, detail) => caseFailures.push({ seed, generator, kind, detail });

    const parsed = await lintTextSafely(floor, code, filePath);
    if (parsed.crash || getFatalMessage(parsed.result)) {
      // The generator wrote something this parser rejects (eslump knows syntax ESLint's parsers
      // do not): not a rule problem.
      row.skipped++;
      continue;
    }

    const { result, crash } = await lintTextSafely(linter, code, filePath);
    if (crash) failCase('crash', `${crash.ruleId ?? 'unknown rule'}: ${crash.message} ${crash.frame}`);
    else {
      for (const message of result.messages) {
        if (message.fatal) {
          failCase('fatal', message.message);
          continue;
        }
        row.reports[message.ruleId] = (row.reports[message.ruleId] ?? 0) + 1;
        for (const suggestion of message.suggestions ?? []) {
          row.suggestions++;
          const applied = await lintTextSafely(floor, applyFix(code, suggestion.fix), filePath);
          const fatal = applied.crash ?? getFatalMessage(applied.result);
          if (fatal) failCase('suggestion parse', `"${suggestion.desc}" (${message.ruleId} at ${message.line}:${message.column}): ${fatal.message}`);
        }
      }
    }

    const fixed = await lintTextSafely(fixer, code, filePath);
    let output;
    if (fixed.crash) failCase('crash', `--fix: ${fixed.crash.ruleId ?? 'unknown rule'}: ${fixed.crash.message} ${fixed.crash.frame}`);
    else if (fixed.result.output !== undefined && fixed.result.output !== code) {
      output = fixed.result.output;
      row.fixed++;
      const fatal = getFatalMessage(fixed.result);
      if (fatal) failCase('fix parse', `--fix output does not parse: ${fatal.line}:${fatal.column} ${fatal.message}`);
      else {
        const again = await lintTextSafely(fixer, output, filePath);
        if (again.crash) failCase('crash', `second --fix: ${again.crash.ruleId ?? 'unknown rule'}: ${again.crash.message}`);
        else if (again.result.output !== undefined && again.result.output !== output) {
          const still = [...new Set(again.result.messages.map((message) => message.ruleId).filter(Boolean))];
          failCase('fix converge', `a second --fix pass changes the output (rules reporting after it: ${still.join(', ') || 'none'})`);
        }
      }
    }

    if (caseFailures.length > 0) row.failures++;
    failures.push(...caseFailures);
    if (args.show) {
      console.log(`--- case ${seed} (${generator}, .${extension}) ---\n${code}`);
      if (output !== undefined) console.log(`--- case ${seed}: --fix output ---\n${output}`);
    }
  }

  const headers = ['generator', 'cases', 'skipped (unparsable input)', ...ruleIds.map(shortRuleName), 'fixed', 'suggestions', 'failing cases'];
  const rows = [...stats.entries()].map(([generator, row]) => [
    generator,
    row.cases,
    row.skipped,
    ...ruleIds.map((id) => row.reports[id] ?? 0),
    row.fixed,
    row.suggestions,
    row.failures,
  ]);
  console.log(
    `fuzz: seeds ${firstSeed}..${firstSeed + count - 1}, ${ruleIds.length} rules (${ruleIds.map(shortRuleName).join(', ') || 'none registered'})`,
  );
  console.log(formatTable(headers, rows));
  if (failures.length > 0) {
    console.log(`\nfailures (${failures.length}):`);
    for (const failure of failures.slice(0, 40)) console.log(`  - seed ${failure.seed} [${failure.generator}] ${failure.kind}: ${failure.detail}`);
    if (failures.length > 40) console.log(`  ... and ${failures.length - 40} more`);
    const seeds = [...new Set(failures.map((failure) => failure.seed))];
    console.log(`\nfailing seeds: ${seeds.join(' ')}`);
    const options = `${args.generator === 'mixed' ? '' : ` --generator ${args.generator}`}${args.rules ? ` --rules ${args.rules}` : ''}`;
    console.log(`replay one: node scripts/fuzz.js --seed ${seeds[0]} --count 1 --show${options}`);
  }
  console.log(`fuzz: ${failures.length === 0 ? 'OK' : 'FAILED'} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  process.exitCode = failures.length === 0 ? 0 : 1;
}

await main();
