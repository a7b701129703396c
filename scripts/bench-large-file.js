#!/usr/bin/env node
// Large-file row (issue 17): lints generated files of 10k, 20k and 50k lines, with one loop that
// no-sequential-await-in-loop reports per 7 lines, and prints the time per 10k lines; it should
// stay roughly constant (linear time). A benchmark row, not a timed test.
//
// Usage: node scripts/bench-large-file.js [--lines 10000,20000,50000]

import { parseArgs } from 'node:util';
import { Linter } from 'eslint';
import plugin from '../dist/index.js';

/** Seven lines: one function with one independent loop the rule reports. */
function block(index) {
  return [
    `export async function load${index}(ids) {`,
    '  const users = [];',
    '  for (const id of ids) {',
    `    users.push(await getUser${index}(id));`,
    '  }',
    '  return users;',
    '}',
  ].join('\n');
}

function generate(lines) {
  const blocks = [];
  for (let index = 0; index * 7 < lines; index++) blocks.push(block(index));
  return blocks.join('\n');
}

const { values } = parseArgs({ options: { lines: { type: 'string', default: '10000,20000,50000' } } });
const sizes = values.lines.split(',').map(Number);
const linter = new Linter({ configType: 'flat' });
const config = [{ plugins: { 'event-loop': plugin }, rules: { 'event-loop/no-sequential-await-in-loop': 'error' } }];
console.log('lines    reports  seconds  s per 10k lines  heap MB');
for (const lines of sizes) {
  const code = generate(lines);
  const started = performance.now();
  const messages = linter.verify(code, config, 'large.js');
  const seconds = (performance.now() - started) / 1000;
  const heap = process.memoryUsage().heapUsed / 1024 / 1024;
  console.log(
    `${String(lines).padEnd(8)} ${String(messages.length).padEnd(8)} ${seconds.toFixed(2).padEnd(8)} ${((seconds * 10000) / lines).toFixed(2).padEnd(16)} ${heap.toFixed(0)}`,
  );
}
