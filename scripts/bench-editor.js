#!/usr/bin/env node
// Editor latency (issue: "prove it where it is used"): the time from `didOpen` to the first
// diagnostics in the ESLint language server editors run (`vscode-eslint-language-server --stdio`
// from vscode-langservers-extracted, pull diagnostics), for type-aware `floating-task` beside
// typescript-eslint's `no-floating-promises`, on examples/src/orders.ts (a TypeScript project with
// projectService). Each run starts a fresh server, like opening the editor:
//   - first file: didOpen of orders.ts -> first diagnostics (loads ESLint, the config, the plugins
//     and builds the TypeScript program: what a user waits for after opening the editor);
//   - another file: didOpen of a second file of the same project -> its diagnostics (server warm);
//   - after an edit: didChange of orders.ts -> diagnostics again (what each keystroke pause costs).
// Configurations run in rotating order; medians (min-max) are printed as a Markdown table.
//
// Usage: node scripts/bench-editor.js [--runs N]   (default 5; needs `npm run build`)
// The project links this checkout's dist/ and node_modules (nothing is installed). The client is the
// editor integration test's (scripts/lib/lsp-client.js), answering as the vscode-eslint extension.

import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { EslintLanguageServer, vscodeEslintSettings } from './lib/lsp-client.js';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const PLUGIN_ENTRY = pathToFileURL(path.join(ROOT, 'dist', 'index.js')).href;
const FIRST_FILE = 'src/orders.ts';
const SECOND_FILE = 'src/notify.ts';
/** 0-based line of `sendReceipt(customer, order); // expect: event-loop/floating-task` in orders.ts. */
const FLOATING_LINE = readFileSync(path.join(ROOT, 'examples', FIRST_FILE), 'utf8')
  .split('\n')
  .findIndex((line) => line.includes('// expect: event-loop/floating-task'));

const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const RUNS = Math.max(1, Number.parseInt(args.runs, 10) || 5);

const TYPED_PARSER = `languageOptions: { parser: tsParser, parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } }`;
const CONFIGURATIONS = [
  {
    label: 'typed parser only, no rule (floor)',
    rule: null,
    config: `export default [{ files: ['**/*.ts'], ${TYPED_PARSER} }];`,
  },
  {
    label: '`event-loop/floating-task` (type-aware)',
    rule: 'event-loop/floating-task',
    config: `export default [{ files: ['**/*.ts'], plugins: { 'event-loop': eventLoop }, ${TYPED_PARSER}, rules: { 'event-loop/floating-task': 'error' } }];`,
  },
  {
    label: '`@typescript-eslint/no-floating-promises`',
    rule: '@typescript-eslint/no-floating-promises',
    config: `export default [{ files: ['**/*.ts'], plugins: { '@typescript-eslint': tsPlugin }, ${TYPED_PARSER}, rules: { '@typescript-eslint/no-floating-promises': 'error' } }];`,
  },
  {
    label: '`event-loop` recommended-type-checked (all rules)',
    rule: 'event-loop/floating-task',
    config: `export default [{ files: ['**/*.ts'], ...eventLoop.configs['recommended-type-checked'], ${TYPED_PARSER} }];`,
  },
];

/** One project folder per configuration: examples/ plus a second TypeScript file, linked node_modules. */
function createProject(work, index, configuration) {
  const dir = path.join(work, `config-${index}`);
  cpSync(path.join(ROOT, 'examples'), dir, { recursive: true });
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: `bench-editor-${index}`, private: true, type: 'module' }));
  writeFileSync(
    path.join(dir, SECOND_FILE),
    "export async function notify(send: (to: string) => Promise<void>, to: string): Promise<void> {\n  send(to);\n  await Promise.resolve();\n}\n",
  );
  writeFileSync(
    path.join(dir, 'eslint.config.js'),
    [
      `import eventLoop from ${JSON.stringify(PLUGIN_ENTRY)};`,
      "import tsParser from '@typescript-eslint/parser';",
      "import tsPlugin from '@typescript-eslint/eslint-plugin';",
      configuration.config,
      '',
    ].join('\n'),
  );
  return dir;
}

/** Starts a server in `dir`, measures the three latencies, shuts it down. */
async function measure(dir) {
  const server = await EslintLanguageServer.start(dir, vscodeEslintSettings(dir), { timeoutMs: 120_000, clientName: 'event-loop bench-editor' });
  try {
    const open = async (file) => {
      const start = performance.now();
      const document = await server.open(path.join(dir, file));
      const items = await server.diagnostics(document);
      return { document, ms: performance.now() - start, items };
    };

    const first = await open(FIRST_FILE);
    const second = await open(SECOND_FILE);
    const lines = first.document.text.split('\n').length;
    const editStart = performance.now();
    await server.change(first.document, [{ range: { start: { line: lines - 1, character: 0 }, end: { line: lines - 1, character: 0 } }, newText: '// edited\n' }]);
    const edited = await server.diagnostics(first.document);
    const editMs = performance.now() - editStart;

    await server.shutdown();
    return { firstMs: first.ms, secondMs: second.ms, editMs, first: first.items, edited };
  } catch (error) {
    server.kill();
    throw new Error(`${error.message}\nserver log:\n${server.log.join('\n')}`);
  }
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function cell(values) {
  return `${Math.round(median(values))} ms (${Math.round(Math.min(...values))}–${Math.round(Math.max(...values))})`;
}

async function main() {
  if (!existsSync(path.join(ROOT, 'dist', 'index.js'))) throw new Error('dist/ is missing: run `npm run build` first.');
  const plugin = (await import(PLUGIN_ENTRY)).default;
  const work = mkdtempSync(path.join(os.tmpdir(), 'event-loop-bench-editor-'));
  try {
    const configurations = CONFIGURATIONS.filter((configuration) => {
      const available = !configuration.rule?.startsWith('event-loop/') || configuration.rule.slice('event-loop/'.length) in plugin.rules;
      if (!available) console.error(`bench-editor: ${configuration.rule} is not in the build; skipping "${configuration.label}".`);
      return available;
    });
    const dirs = configurations.map((configuration, index) => createProject(work, index, configuration));
    const samples = configurations.map(() => []);
    for (let run = 0; run < RUNS; run++) {
      // Rotate the order so that machine load drifts do not favour one configuration.
      for (let offset = 0; offset < configurations.length; offset++) {
        const index = (run + offset) % configurations.length;
        samples[index].push(await measure(dirs[index]));
        process.stderr.write('.');
      }
    }
    process.stderr.write('\n');

    const eslintVersion = JSON.parse(readFileSync(path.join(ROOT, 'node_modules', 'eslint', 'package.json'), 'utf8')).version;
    const typescriptVersion = JSON.parse(readFileSync(path.join(ROOT, 'node_modules', 'typescript', 'package.json'), 'utf8')).version;
    const serverVersion = JSON.parse(readFileSync(path.join(ROOT, 'node_modules', 'vscode-langservers-extracted', 'package.json'), 'utf8')).version;
    const rows = configurations.map((configuration, index) => {
      const runs = samples[index];
      const found = configuration.rule
        ? runs.every((result) => result.first.some((item) => item.code === configuration.rule && item.range.start.line === FLOATING_LINE))
          ? 'yes'
          : 'NO'
        : '–';
      return `| ${configuration.label} | ${cell(runs.map((r) => r.firstMs))} | ${cell(runs.map((r) => r.secondMs))} | ${cell(runs.map((r) => r.editMs))} | ${found} |`;
    });
    console.log(
      [
        `### Editor latency: didOpen → first diagnostics (vscode-eslint-language-server ${serverVersion}, pull diagnostics)`,
        '',
        `Median (min–max) of ${RUNS} runs, each with a fresh server; ESLint ${eslintVersion}, TypeScript ${typescriptVersion}, Node ${process.version}, ${os.cpus().length} CPU(s). Project: examples/ (projectService).`,
        '',
        '| Configuration | First file opened (orders.ts) | Another file opened | Re-lint after an edit | Reports `sendReceipt(…)` floating |',
        '| --- | --- | --- | --- | --- |',
        ...rows,
        '',
      ].join('\n'),
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
