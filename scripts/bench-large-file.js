#!/usr/bin/env node
// Large-file rows (issues 17 and 20): lints generated files of 10k, 20k and 50k lines in which every
// block of 16 lines holds one problem for each rule (a sequential loop, a sync read and a key
// derivation in an async function, a floating call and a late-awaited task), with each rule
// alone, and prints each rule's time (ESLint's rule timer) per 10k lines: it should stay roughly
// constant as the file grows (linear time). Two layouts: each block its own function, and every
// block in one long function (an analysis that walks a whole function per loop or per call is
// linear in the first and quadratic in the second). A benchmark row, not a timed test.
//
// Usage: node scripts/bench-large-file.js [--lines 10000,20000,50000] [--rounds 3]
// Needs the plugin built (`npm run build`).

import { parseArgs } from 'node:util';
import { Linter } from 'eslint';
import plugin from '../dist/index.js';

const RULES = ['no-sequential-await-in-loop', 'no-sync-in-async', 'prefer-worker-for-cpu', 'floating-task'];
const HEADER = "import fs from 'node:fs';\nimport crypto from 'node:crypto';";

/** Sixteen lines: one async function with one problem for each rule, and the local async functions it calls. */
function block(index) {
  return [
    `export async function load${index}(ids, db) {`,
    '  const users = [];',
    '  for (const id of ids) {',
    `    users.push(await getUser${index}(id));`,
    '  }',
    `  const config = fs.readFileSync('/etc/app${index}.json', 'utf8');`,
    "  const key = crypto.pbkdf2Sync(config, 'salt', 100000, 32, 'sha256');",
    `  const stats = loadStats${index}();`,
    '  const count = await db.count();',
    `  save${index}(users);`,
    '  return [users, key, count, await stats];',
    '}',
    `async function loadStats${index}() { return fetch('/stats'); }`,
    `async function save${index}(users) { await fetch('/save', { method: 'POST', body: JSON.stringify(users) }); }`,
    `async function getUser${index}(id) { return fetch(\`/users/\${id}\`); }`,
    '',
  ].join('\n');
}

/** The same problems as `block`, as sixteen lines of one long function (`inner`) and the local async functions it calls (`outer`). */
function innerBlock(index) {
  return {
    inner: [
      `  const users${index} = [];`,
      '  for (const id of ids) {',
      `    users${index}.push(await getUser${index}(id));`,
      '  }',
      `  const config${index} = fs.readFileSync('/etc/app${index}.json', 'utf8');`,
      `  const key${index} = crypto.pbkdf2Sync(config${index}, 'salt', 100000, 32, 'sha256');`,
      `  const stats${index} = loadStats${index}();`,
      `  const count${index} = await db.count();`,
      `  save${index}(users${index});`,
      `  results.push([users${index}, key${index}, count${index}, await stats${index}]);`,
    ],
    outer: [
      `async function loadStats${index}() { return fetch('/stats'); }`,
      `async function save${index}(users) { await fetch('/save', { method: 'POST', body: JSON.stringify(users) }); }`,
      `async function getUser${index}(id) { return fetch(\`/users/\${id}\`); }`,
    ],
  };
}

const LAYOUTS = {
  functions(lines) {
    const blocks = [HEADER];
    for (let index = 0; index * 16 < lines; index++) blocks.push(block(index));
    return blocks.join('\n');
  },
  'one function'(lines) {
    const inner = [];
    const outer = [];
    for (let index = 0; index * 16 < lines; index++) {
      const parts = innerBlock(index);
      inner.push(...parts.inner);
      outer.push(...parts.outer, '', '');
    }
    return [HEADER, 'export async function loadAll(ids, db) {', '  const results = [];', ...inner, '  return results;', '}', ...outer].join('\n');
  },
};

const { values } = parseArgs({ options: { lines: { type: 'string', default: '10000,20000,50000' }, rounds: { type: 'string', default: '3' } } });
const sizes = values.lines.split(',').map(Number);
const rounds = Number.parseInt(values.rounds, 10);
const linter = new Linter({ configType: 'flat' });
const configFor = (rules) => [{ plugins: { 'event-loop': plugin }, rules }];

/** ESLint's own timer (the `stats` option) for the rule, the least of `rounds` lints (the least disturbed), with its report count. */
function measure(code, rules) {
  let best = Infinity;
  let reports = 0;
  for (let round = 0; round < rounds; round++) {
    reports = linter.verifyAndFix(code, configFor(rules), { filename: 'large.js', stats: true, fix: false }).messages.length;
    const pass = linter.getTimes().passes[0];
    const ruleTime = Object.entries(pass.rules ?? {})
      .filter(([id]) => id.startsWith('event-loop/'))
      .reduce((sum, [, time]) => sum + time.total, 0);
    best = Math.min(best, ruleTime);
  }
  return { ms: best, reports };
}

// One lint of the smallest file with every rule first, so the first measured run is not the one that compiles the code.
measure(LAYOUTS.functions(Math.min(...sizes)), Object.fromEntries(RULES.map((rule) => [`event-loop/${rule}`, 'error'])));
console.log('| layout | lines | rule | reports | rule time, ms | ms per 10k lines |');
console.log('| --- | ---: | --- | ---: | ---: | ---: |');
for (const [layout, generate] of Object.entries(LAYOUTS)) {
  for (const lines of sizes) {
    const code = generate(lines);
    for (const rule of RULES) {
      const { ms, reports } = measure(code, { [`event-loop/${rule}`]: 'error' });
      console.log(`| ${layout} | ${lines} | ${rule} | ${reports} | ${ms.toFixed(0)} | ${((ms * 10000) / lines).toFixed(0)} |`);
    }
  }
}
