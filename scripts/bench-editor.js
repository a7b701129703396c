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
// The project links this checkout's dist/ and node_modules (nothing is installed).

import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  ConfigurationRequest,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const SERVER = path.join(ROOT, 'node_modules', 'vscode-langservers-extracted', 'bin', 'vscode-eslint-language-server');
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

/** What the vscode-eslint extension sends for `workspace/configuration` (as in tests/integration/lsp-client.ts). */
function settings(dir) {
  return {
    validate: 'on',
    packageManager: 'npm',
    useESLintClass: false,
    experimental: { useFlatConfig: false },
    codeActionOnSave: { mode: 'all' },
    format: false,
    quiet: false,
    onIgnoredFiles: 'off',
    options: {},
    rulesCustomizations: [],
    run: 'onType',
    problems: { shortenToSingleLine: false },
    nodePath: null,
    workingDirectory: { mode: 'location' },
    workspaceFolder: { name: path.basename(dir), uri: pathToFileURL(dir).href },
    codeAction: { disableRuleComment: { enable: true, location: 'separateLine', commentStyle: 'line' }, showDocumentation: { enable: true } },
  };
}

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

async function withTimeout(promise, what, ms = 120_000) {
  let timer;
  try {
    return await Promise.race([promise, new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} timed out`)), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

/** Starts a server in `dir`, measures the three latencies, shuts it down. */
async function measure(dir) {
  const child = spawn(process.execPath, [SERVER, '--stdio'], { cwd: dir, stdio: ['pipe', 'pipe', 'pipe'] });
  const log = [];
  child.stderr.setEncoding('utf8').on('data', (chunk) => log.push(chunk));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => settings(dir)));
  connection.onRequest(RegistrationRequest.type, () => {});
  connection.onNotification('window/logMessage', (params) => log.push(params.message));
  connection.listen();
  const exited = new Promise((resolve) => child.on('exit', resolve));
  try {
    const uri = pathToFileURL(dir).href;
    await withTimeout(
      connection.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        rootUri: uri,
        workspaceFolders: [{ uri, name: path.basename(dir) }],
        capabilities: { workspace: { configuration: true }, textDocument: { diagnostic: { dynamicRegistration: false } } },
      }),
      'initialize',
    );
    await connection.sendNotification(InitializedNotification.type, {});

    const open = async (file) => {
      const text = readFileSync(path.join(dir, file), 'utf8');
      const document = { uri: pathToFileURL(path.join(dir, file)).href, languageId: 'typescript', version: 1, text };
      const start = performance.now();
      await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: document });
      const report = await withTimeout(connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: document.uri } }), `diagnostics of ${file}`);
      return { document, ms: performance.now() - start, items: report.items };
    };

    const first = await open(FIRST_FILE);
    const second = await open(SECOND_FILE);
    const lines = first.document.text.split('\n').length;
    const editStart = performance.now();
    await connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: first.document.uri, version: 2 },
      contentChanges: [{ range: { start: { line: lines - 1, character: 0 }, end: { line: lines - 1, character: 0 } }, text: '// edited\n' }],
    });
    const edited = await withTimeout(connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: first.document.uri } }), 'diagnostics after the edit');
    const editMs = performance.now() - editStart;

    await withTimeout(connection.sendRequest(ShutdownRequest.type), 'shutdown', 10_000);
    await connection.sendNotification(ExitNotification.type);
    await withTimeout(exited, 'exit', 10_000);
    return { firstMs: first.ms, secondMs: second.ms, editMs, first: first.items, edited: edited.items };
  } catch (error) {
    child.kill();
    throw new Error(`${error.message}\nserver log:\n${log.join('\n')}`);
  } finally {
    connection.dispose();
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
