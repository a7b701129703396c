// The plugin in an editor: the ESLint language server VS Code, Neovim, Helix and Zed run
// (`vscode-eslint-language-server --stdio` from vscode-langservers-extracted), in a project that
// installs the packed plugin, driven over LSP like an editor drives it: diagnostics are pulled,
// quick fixes listed, a fix and a suggestion applied through `workspace/applyEdit` + `didChange`.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiagnosticSeverity, type CodeAction, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { applyFixes } from '../helpers/apply-fixes.js';
import { EslintLanguageServer, helixSettings, neovimLspconfigSettings, type OpenDocument } from '../../scripts/lib/lsp-client.js';
import {
  assertMarkedRulesExist,
  createTempProject,
  exampleSourceFiles,
  expectedMarkerKeys,
  isRuleWording,
  lintFiles,
  lintText,
  probeProject,
  readMarkers,
  type LintMessage,
  type Marker,
  type ProjectProbe,
  type TempProject,
} from './temp-project.js';

const PLUGIN_PREFIX = 'event-loop/';

/** Beside examples/: a TypeScript file whose floating promise only type information reveals. */
const TYPED_ONLY_FILES = {
  // A declared API (as a library's types declare it): only the type says that `send` returns a promise.
  'src/mailer.ts': ['// A mail client the runtime provides: only its declared type says that `send` returns a promise.', 'export declare class Mailer {', '  send(to: string, body: string): Promise<void>;', '}', ''].join('\n'),
  'src/notify.ts': [
    "import type { Mailer } from './mailer.js';",
    '',
    'export async function notifyAll(mailer: Mailer, recipients: string[]): Promise<void> {',
    "  mailer.send(recipients.join(','), 'shipped'); // expect: event-loop/floating-task",
    '  await Promise.resolve();',
    '}',
    '',
  ].join('\n'),
};

let project: TempProject;
let probe: ProjectProbe;
let markers: Marker[];
let server: EslintLanguageServer | undefined;
const files = [...exampleSourceFiles(), 'src/mailer.ts', 'src/notify.ts'];
const jsFiles = files.filter((file) => !file.endsWith('.ts'));
const tsFiles = files.filter((file) => file.endsWith('.ts'));
/** ESLint CLI results for the untouched files: what the editor must show. */
const reference = new Map<string, LintMessage[]>();
const opened = new Map<string, OpenDocument>();

/** What the language server must turn an ESLint message into. */
function toDiagnostic(message: LintMessage): Pick<Diagnostic, 'code' | 'message' | 'range' | 'severity' | 'source'> {
  return {
    code: message.ruleId ?? undefined,
    message: message.message,
    severity: message.severity === 2 ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    source: 'eslint',
    range: {
      start: { line: message.line - 1, character: message.column - 1 },
      end: { line: (message.endLine ?? message.line) - 1, character: (message.endColumn ?? message.column) - 1 },
    },
  };
}

function comparable(diagnostics: readonly Diagnostic[]) {
  return diagnostics
    .map(({ code, message, range, severity, source }) => ({ code, message, range, severity, source }))
    .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || String(a.code).localeCompare(String(b.code)));
}

/** LSP 3.18 allows Markdown messages; ESLint's server sends plain strings. */
function messageText(diagnostic: Diagnostic): string {
  return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}

function markerKeys(file: string, diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics
    .filter((diagnostic) => String(diagnostic.code).startsWith(PLUGIN_PREFIX))
    .map((diagnostic) => `${file}:${diagnostic.range.start.line + 1} ${String(diagnostic.code)}`)
    .sort();
}

/** The ESLint message (for the document's current text) that a diagnostic shows. */
function messageFor(messages: readonly LintMessage[], diagnostic: Diagnostic): LintMessage {
  const match = messages.find(
    (message) => message.ruleId === diagnostic.code && message.line - 1 === diagnostic.range.start.line && message.column - 1 === diagnostic.range.start.character && message.message === messageText(diagnostic),
  );
  if (!match) throw new Error(`no ESLint message for diagnostic ${JSON.stringify(diagnostic)}`);
  return match;
}

/** Editors link a diagnostic's code to `codeDescription.href`: the rule's docs page. */
function expectDocumentationLinks(diagnostics: readonly Diagnostic[]): void {
  for (const diagnostic of diagnostics.filter((d) => String(d.code).startsWith(PLUGIN_PREFIX))) {
    const url = probe.rules[String(diagnostic.code)]?.docsUrl;
    expect(url).toMatch(/^https:\/\/.+\.md$/);
    expect(diagnostic.codeDescription?.href).toBe(url);
  }
}

function fixTitle(ruleId: string): string {
  return `Fix this ${ruleId} problem`;
}

function suggestionTitle(ruleId: string, desc: string): string {
  return `${desc} (${ruleId})`;
}

async function openFile(file: string): Promise<{ document: OpenDocument; diagnostics: Diagnostic[]; ms: number }> {
  if (!server) throw new Error('the language server did not start');
  const started = performance.now();
  const document = await server.open(project.path(file));
  const diagnostics = await server.diagnostics(document);
  const ms = Math.round(performance.now() - started);
  opened.set(file, document);
  return { document, diagnostics, ms };
}

/** The open document of a file (opened now if an earlier test did not, e.g. when filtering with -t). */
async function ensureOpen(file: string): Promise<OpenDocument> {
  return opened.get(file) ?? (await openFile(file)).document;
}

/**
 * Applies one code action through the server and checks the document now equals the text ESLint's
 * own fix (or suggestion) produces; then pulls again and checks the problem is gone.
 */
async function applyAndRecheck(file: string, diagnostic: Diagnostic, pick: (actions: CodeAction[], eslintMessage: LintMessage) => { action: CodeAction; fix: { range: [number, number]; text: string } }) {
  if (!server) throw new Error('the language server did not start');
  const document = await ensureOpen(file);
  const before = document.text;
  const beforeDiagnostics = await server.diagnostics(document);
  // Fix ranges are offsets into the text ESLint saw: the reference run's, or a fresh run after an edit.
  const eslintMessage = messageFor(document.version === 1 ? (reference.get(file) ?? []) : lintText(project, file, before), diagnostic);
  const { action, fix } = pick(await server.codeActions(document, diagnostic), eslintMessage);
  const version = document.version;

  const edit = await server.runCodeAction(action);
  expect(edit.documentChanges ?? edit.changes).toBeDefined();
  expect(document.version).toBe(version + 1);
  expect(document.text).toBe(applyFixes(before, fix));

  const after = await server.diagnostics(document);
  const key = (d: Diagnostic) => `${String(d.code)}: ${messageText(d)}`;
  const remaining = beforeDiagnostics.map(key);
  expect(remaining).toContain(key(diagnostic));
  remaining.splice(remaining.indexOf(key(diagnostic)), 1);
  expect(after.map(key).sort()).toEqual(remaining.sort());
  return { before, after: document.text, diagnostics: after };
}

beforeAll(async () => {
  project = createTempProject('editor', { files: TYPED_ONLY_FILES });
  probe = probeProject(project, files);
  markers = readMarkers(project, files);
  assertMarkedRulesExist(markers, probe);
  for (const result of lintFiles(project, files)) {
    reference.set(path.relative(project.dir, result.filePath).split(path.sep).join('/'), result.messages);
  }
  server = await EslintLanguageServer.start(project.dir);
}, 180_000);

afterAll(() => {
  server?.kill();
  project?.remove();
});

describe('vscode-eslint-language-server with the packed plugin', () => {
  it('announces pull diagnostics, quick fixes and the fix/suggestion commands', () => {
    const capabilities = server?.initializeResult?.capabilities;
    expect(capabilities?.diagnosticProvider).toMatchObject({ identifier: 'eslint' });
    expect(capabilities?.codeActionProvider).toBeDefined();
    expect(capabilities?.executeCommandProvider?.commands).toEqual(expect.arrayContaining(['eslint.applySingleFix', 'eslint.applySuggestion']));
  });

  it.each(jsFiles)('pulls the diagnostics the ESLint CLI reports for %s (recommended)', async (file) => {
    const { diagnostics } = await openFile(file);
    const expected = reference.get(file) ?? [];
    expect(expected.filter((message) => message.ruleId === null)).toEqual([]);
    expect(comparable(diagnostics)).toEqual(comparable(expected.map((message) => toDiagnostic(message) as Diagnostic)));
    expect(markerKeys(file, diagnostics)).toEqual(expectedMarkerKeys(markers.filter((marker) => marker.file === file), probe));
    expectDocumentationLinks(diagnostics);
  });

  it.each(tsFiles)('pulls the type-aware diagnostics for %s (recommended-type-checked)', async (file) => {
    const { diagnostics, ms } = await openFile(file);
    console.log(`editor: didOpen -> first diagnostics for ${file} (type-aware): ${ms} ms`);
    const expected = reference.get(file) ?? [];
    expect(expected.filter((message) => message.ruleId === null)).toEqual([]);
    expect(comparable(diagnostics)).toEqual(comparable(expected.map((message) => toDiagnostic(message) as Diagnostic)));
    expect(markerKeys(file, diagnostics)).toEqual(expectedMarkerKeys(markers.filter((marker) => marker.file === file), probe));
    expectDocumentationLinks(diagnostics);
  });

  it('words every diagnostic as the rule does and links its documentation', () => {
    const ours = [...reference.values()].flat().filter((message) => message.ruleId?.startsWith(PLUGIN_PREFIX));
    expect(ours.length).toBe(expectedMarkerKeys(markers, probe).length);
    for (const message of ours) {
      expect(isRuleWording(probe.rules[message.ruleId ?? ''], message.message), message.message).toBe(true);
    }
  });

  it('offers every autofix and every suggestion as a quick fix, with the rule’s wording', async () => {
    if (!server) throw new Error('the language server did not start');
    let checked = 0;
    for (const file of files) {
      const document = await ensureOpen(file);
      const diagnostics = (await server.diagnostics(document)).filter((diagnostic) => String(diagnostic.code).startsWith(PLUGIN_PREFIX));
      for (const diagnostic of diagnostics) {
        const ruleId = String(diagnostic.code);
        const message = messageFor(reference.get(file) ?? [], diagnostic);
        const titles = (await server.codeActions(document, diagnostic)).map((action) => action.title);
        if (message.fix) expect(titles).toContain(fixTitle(ruleId));
        else expect(titles).not.toContain(fixTitle(ruleId));
        for (const suggestion of message.suggestions ?? []) {
          expect(isRuleWording(probe.rules[ruleId], suggestion.desc), suggestion.desc).toBe(true);
          expect(titles).toContain(suggestionTitle(ruleId, suggestion.desc));
        }
        expect(titles.filter((title) => title.endsWith(`(${ruleId})`))).toHaveLength(message.suggestions?.length ?? 0);
        expect(titles).toContain(`Disable ${ruleId} for this line`);
        checked++;
      }
    }
    expect(checked).toBe(expectedMarkerKeys(markers, probe).length);
  });

  it('applies the no-sync-in-async autofix (`readFileSync`) through workspace/applyEdit', async () => {
    const file = 'src/config-loader.js';
    const document = await ensureOpen(file);
    if (!server) throw new Error('the language server did not start');
    const diagnostics = await server.diagnostics(document);
    const target = diagnostics.find((diagnostic) => diagnostic.code === 'event-loop/no-sync-in-async' && messageText(diagnostic).startsWith('`readFileSync`'));
    expect(target && messageText(target)).toMatch(/^`readFileSync` holds the thread in the async function `loadConfig`/);
    expect(target?.range.start.line).toBe(11);
    const { after } = await applyAndRecheck(file, target as Diagnostic, (actions, message) => {
      const action = actions.find((candidate) => candidate.title === fixTitle('event-loop/no-sync-in-async'));
      expect(action?.isPreferred).toBe(true);
      if (!action || !message.fix) throw new Error('no autofix offered');
      return { action, fix: message.fix };
    });
    expect(after.split('\n')[11]).toMatch(/\bawait\b.*readFile\b/);
    expect(after.split('\n')[11]).not.toContain('readFileSync');
  });

  it('applies a no-sync-in-async suggestion (`existsSync`) through workspace/applyEdit', async () => {
    const file = 'src/config-loader.js';
    const document = await ensureOpen(file);
    if (!server) throw new Error('the language server did not start');
    const diagnostics = await server.diagnostics(document);
    const target = diagnostics.find((diagnostic) => diagnostic.code === 'event-loop/no-sync-in-async' && messageText(diagnostic).startsWith('`existsSync`'));
    const { after } = await applyAndRecheck(file, target as Diagnostic, (actions, message) => {
      expect(actions.map((action) => action.title)).not.toContain(fixTitle('event-loop/no-sync-in-async'));
      const suggestion = message.suggestions?.[0];
      const action = actions.find((candidate) => suggestion && candidate.title === suggestionTitle('event-loop/no-sync-in-async', suggestion.desc));
      if (!action || !suggestion) throw new Error('no suggestion offered');
      return { action, fix: suggestion.fix };
    });
    expect(after).not.toMatch(/existsSync\(/);
    expect(after).toMatch(/await [\w.]*access\(/);
  });

  it('offers no-sequential-await-in-loop’s rewrite as a suggestion only (orders.ts)', async () => {
    const document = await ensureOpen('src/orders.ts');
    if (!server) throw new Error('the language server did not start');
    const target = (await server.diagnostics(document)).find((diagnostic) => diagnostic.code === 'event-loop/no-sequential-await-in-loop');
    expect(target?.range.start.line).toBe(29);
    const titles = (await server.codeActions(document, target as Diagnostic)).map((action) => action.title);
    expect(titles).not.toContain(fixTitle('event-loop/no-sequential-await-in-loop'));
    const suggestions = titles.filter((title) => title.endsWith('(event-loop/no-sequential-await-in-loop)'));
    expect(suggestions.length).toBeGreaterThan(0);
  });

  it('finds the floating task only type information reveals, and applies its suggestion (notify.ts)', async () => {
    const file = 'src/notify.ts';
    const document = await ensureOpen(file);
    if (!server) throw new Error('the language server did not start');
    const target = (await server.diagnostics(document)).find((diagnostic) => diagnostic.code === 'event-loop/floating-task');
    expect(target?.range.start.line).toBe(3);
    const { after, diagnostics } = await applyAndRecheck(file, target as Diagnostic, (actions, message) => {
      expect(actions.map((action) => action.title)).not.toContain(fixTitle('event-loop/floating-task'));
      const suggestion = message.suggestions?.find((candidate) => /\bawait\b/i.test(candidate.desc)) ?? message.suggestions?.[0];
      const action = actions.find((candidate) => suggestion && candidate.title === suggestionTitle('event-loop/floating-task', suggestion.desc));
      if (!action || !suggestion) throw new Error('no suggestion offered');
      return { action, fix: suggestion.fix };
    });
    expect(after.split('\n')[3]).toMatch(/^\s*(?:await|void) mailer\.send\(/);
    expect(diagnostics.filter((diagnostic) => diagnostic.code === 'event-loop/floating-task')).toEqual([]);
  });

  it('offers floating-task’s suggestions for the dropped `sendReceipt` task (orders.ts)', async () => {
    const document = await ensureOpen('src/orders.ts');
    if (!server) throw new Error('the language server did not start');
    const target = (await server.diagnostics(document)).find((diagnostic) => diagnostic.code === 'event-loop/floating-task');
    expect(target?.range.start.line).toBe(36);
    const titles = (await server.codeActions(document, target as Diagnostic)).map((action) => action.title);
    expect(titles).not.toContain(fixTitle('event-loop/floating-task'));
    expect(titles.filter((title) => title.endsWith('(event-loop/floating-task)')).length).toBeGreaterThan(0);
  });

  it.each([
    ['Neovim (nvim-lspconfig)', () => neovimLspconfigSettings(project.dir)],
    ['Helix (languages.toml)', () => helixSettings()],
  ])('gives the same diagnostics and quick fixes with the settings %s sends', async (_editor, settings) => {
    const file = 'src/config-loader.js';
    const other = await EslintLanguageServer.start(project.dir, settings());
    try {
      const document = await other.open(project.path(file));
      const diagnostics = await other.diagnostics(document);
      expect(comparable(diagnostics)).toEqual(comparable((reference.get(file) ?? []).map((message) => toDiagnostic(message) as Diagnostic)));
      for (const diagnostic of diagnostics.filter((d) => String(d.code).startsWith(PLUGIN_PREFIX))) {
        const message = messageFor(reference.get(file) ?? [], diagnostic);
        const titles = (await other.codeActions(document, diagnostic)).map((action) => action.title);
        if (message.fix) expect(titles).toContain(fixTitle(String(diagnostic.code)));
        for (const suggestion of message.suggestions ?? []) expect(titles).toContain(suggestionTitle(String(diagnostic.code), suggestion.desc));
      }
      expect(other.unexpected).toEqual([]);
    } finally {
      expect(await other.shutdown()).toBe(0);
    }
  });

  it('reported nothing unexpected and shuts down cleanly (shutdown + exit -> exit code 0)', async () => {
    if (!server) throw new Error('the language server did not start');
    expect(server.unexpected).toEqual([]);
    expect(server.configurationRequests).toBeGreaterThan(0);
    expect(server.statuses.every((status) => status.state === 1)).toBe(true);
    const code = await server.shutdown();
    server = undefined;
    expect(code).toBe(0);
  });
});
