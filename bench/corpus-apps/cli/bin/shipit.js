#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { build } from '../src/commands/build.js';
import { release } from '../src/commands/release.js';
import { sync } from '../src/commands/sync.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    dry: { type: 'boolean', default: false },
    out: { type: 'string', default: 'dist' },
    token: { type: 'string' },
    yes: { type: 'boolean', short: 'y', default: false },
  },
});

const commands = { build, release, sync };
const command = commands[positionals[0] ?? 'build'];

if (!command) {
  console.error(`unknown command ${positionals[0]}; expected one of ${Object.keys(commands).join(', ')}`);
  process.exit(2);
}

command(values).catch((error) => {
  console.error(error.message);
  process.exitCode = 1;
});
