// A small LSP client: starts the ESLint language server that VS Code, Neovim, Helix and Zed use
// (vscode-eslint's server, shipped as `vscode-eslint-language-server` by vscode-langservers-extracted)
// over stdio and talks to it through vscode-languageserver-protocol, as an editor does. Shared by
// the editor integration test (tests/integration/editor.test.ts) and scripts/bench-editor.js;
// types in lsp-client.d.ts.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  ApplyWorkspaceEditRequest,
  CodeActionRequest,
  CodeActionTriggerKind,
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DiagnosticRefreshRequest,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticReportKind,
  DocumentDiagnosticRequest,
  ExecuteCommandRequest,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  MessageType,
  RegistrationRequest,
  ShowMessageNotification,
  ShowMessageRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The server binary the editors start: `vscode-eslint-language-server --stdio`. */
export const ESLINT_SERVER_BIN = path.join(ROOT, 'node_modules', 'vscode-langservers-extracted', 'bin', 'vscode-eslint-language-server');

export const REQUEST_TIMEOUT_MS = 60_000;

/**
 * The answer to the server's `workspace/configuration` request: what the vscode-eslint extension
 * (3.x) sends for a file with default settings, `eslint.validate` covering TypeScript and
 * `eslint.run: "onType"`. The server reads every one of these fields (see `resolveSettings` in
 * its eslint.js); `experimental.useFlatConfig` must stay `false` with ESLint 10, which no longer
 * exports the `FlatESLint` class that setting loads. `useFlatConfig` unset = ESLint's own default.
 */
export function vscodeEslintSettings(workspaceDir) {
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
    workspaceFolder: { name: path.basename(workspaceDir), uri: pathToFileURL(workspaceDir).href },
    codeAction: {
      disableRuleComment: { enable: true, location: 'separateLine', commentStyle: 'line' },
      showDocumentation: { enable: true },
    },
  };
}

/**
 * What Neovim sends with nvim-lspconfig's `eslint` config (defaults of `lsp/eslint.lua` after
 * neovim/nvim-lspconfig#4329; `workspaceFolder.uri` is a plain path there, not a file URI).
 */
export function neovimLspconfigSettings(workspaceDir) {
  return {
    validate: 'on',
    useESLintClass: false,
    experimental: { useFlatConfig: false },
    codeActionOnSave: { enable: false, mode: 'all' },
    format: true,
    quiet: false,
    onIgnoredFiles: 'off',
    rulesCustomizations: [],
    run: 'onType',
    problems: { shortenToSingleLine: false },
    nodePath: '',
    workingDirectory: { mode: 'location' },
    codeAction: { disableRuleComment: { enable: true, location: 'separateLine' }, showDocumentation: { enable: true } },
    workspaceFolder: { uri: workspaceDir, name: path.basename(workspaceDir) },
  };
}

/**
 * What Helix sends: its `[language-server.eslint.config]` table from the README's languages.toml
 * (TOML has no null, so `nodePath = ""`; Helix sends no `workspaceFolder`). Every key is needed:
 * the server reads `experimental.useFlatConfig`, `nodePath`, `problems` and `codeAction` unguarded.
 */
export function helixSettings() {
  return {
    validate: 'on',
    run: 'onType',
    experimental: { useFlatConfig: false },
    nodePath: '',
    workingDirectory: { mode: 'location' },
    rulesCustomizations: [],
    problems: { shortenToSingleLine: false },
    codeAction: { disableRuleComment: { enable: true, location: 'separateLine' }, showDocumentation: { enable: true } },
  };
}

export function languageIdOf(file) {
  return /\.[cm]?tsx?$/.test(file) ? 'typescript' : 'javascript';
}

function offsetAt(text, position) {
  let offset = 0;
  for (let line = 0; line < position.line; line++) {
    const next = text.indexOf('\n', offset);
    if (next === -1) return text.length;
    offset = next + 1;
  }
  return Math.min(offset + position.character, text.length);
}

/** Applies LSP text edits (non-overlapping, ranges relative to `text`) and returns the new text. */
export function applyTextEdits(text, edits) {
  const located = edits
    .map((edit) => ({ start: offsetAt(text, edit.range.start), end: offsetAt(text, edit.range.end), newText: edit.newText }))
    .sort((a, b) => b.start - a.start);
  let result = text;
  for (const edit of located) result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
  return result;
}

function withTimeout(promise, what, timeoutMs, logs) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${timeoutMs} ms; server log:\n${logs()}`)), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export class EslintLanguageServer {
  documents = new Map();
  /** `window/logMessage` and stderr lines, for failure messages. */
  log = [];
  /** Methods of server->client requests and notifications this client did not expect. */
  unexpected = [];
  /** `eslint/status` notifications: 1 ok, 2 warn, 3 error. */
  statuses = [];
  /** Workspace edits the server asked this client to apply. */
  appliedEdits = [];
  configurationRequests = 0;
  initializeResult = undefined;

  #child;
  #settings;
  #timeoutMs;
  #exitCode;

  /** Use `EslintLanguageServer.start`. */
  constructor(child, connection, settings, timeoutMs) {
    this.#child = child;
    this.connection = connection;
    this.#settings = settings;
    this.#timeoutMs = timeoutMs;
    this.#exitCode = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
    child.stderr.setEncoding('utf8').on('data', (chunk) => this.log.push(`[stderr] ${chunk.trimEnd()}`));

    connection.onRequest(ConfigurationRequest.type, (params) => {
      this.configurationRequests++;
      return params.items.map(() => this.#settings);
    });
    // The server registers for workspace-folder changes; editors accept such registrations.
    connection.onRequest(RegistrationRequest.type, () => {});
    connection.onRequest(ApplyWorkspaceEditRequest.type, (params) => this.#applyWorkspaceEdit(params));
    connection.onRequest(DiagnosticRefreshRequest.type, () => {});
    connection.onRequest(ShowMessageRequest.type, (params) => {
      this.unexpected.push(`window/showMessageRequest ${params.message}`);
      return null;
    });
    // vscode-eslint's own messages, answered as Neovim's lspconfig answers them; an editor shows
    // probeFailed, noLibrary and noConfig to the user as errors.
    connection.onRequest('eslint/confirmESLintExecution', () => 4);
    connection.onRequest('eslint/openDoc', () => ({}));
    for (const method of ['eslint/probeFailed', 'eslint/noLibrary']) {
      connection.onRequest(method, (params) => {
        this.unexpected.push(`${method} ${JSON.stringify(params)}`);
        return {};
      });
    }
    connection.onNotification(LogMessageNotification.type, (params) => {
      this.log.push(params.message);
    });
    connection.onNotification(ShowMessageNotification.type, (params) => {
      if (params.type === MessageType.Error) this.unexpected.push(`window/showMessage ${params.message}`);
    });
    connection.onNotification('eslint/status', (params) => {
      this.statuses.push(params);
    });
    connection.onNotification('eslint/noConfig', (params) => {
      this.unexpected.push(`eslint/noConfig ${JSON.stringify(params)}`);
    });
    connection.onUnhandledNotification((message) => {
      if (message.method !== '$/progress') this.unexpected.push(`notification ${message.method}`);
    });
  }

  /** Starts the server in `workspaceDir` and completes the `initialize`/`initialized` handshake. */
  static async start(workspaceDir, settings = vscodeEslintSettings(workspaceDir), options = {}) {
    const child = spawn(process.execPath, [ESLINT_SERVER_BIN, '--stdio'], { cwd: workspaceDir, stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const server = new EslintLanguageServer(child, connection, settings, options.timeoutMs ?? REQUEST_TIMEOUT_MS);
    connection.listen();
    const workspaceUri = pathToFileURL(workspaceDir).href;
    try {
      server.initializeResult = await server.#request(
        connection.sendRequest(InitializeRequest.type, {
          processId: process.pid,
          clientInfo: { name: options.clientName ?? 'event-loop integration test' },
          rootUri: workspaceUri,
          workspaceFolders: [{ uri: workspaceUri, name: path.basename(workspaceDir) }],
          capabilities: {
            workspace: { configuration: true, applyEdit: true, workspaceEdit: { documentChanges: true }, workspaceFolders: true },
            textDocument: {
              synchronization: { didSave: true },
              diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false },
              codeAction: {
                isPreferredSupport: true,
                codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll', 'source.fixAll.eslint'] } },
              },
            },
          },
        }),
        'initialize',
      );
    } catch (error) {
      server.kill();
      connection.dispose();
      throw error;
    }
    await connection.sendNotification(InitializedNotification.type, {});
    return server;
  }

  #request(promise, what) {
    return withTimeout(promise, what, this.#timeoutMs, () => this.log.join('\n'));
  }

  /** Opens a file of the workspace the way an editor does when it shows it (`didOpen`). */
  async open(file) {
    const document = { uri: pathToFileURL(file).href, languageId: languageIdOf(file), version: 1, text: readFileSync(file, 'utf8') };
    this.documents.set(document.uri, document);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { ...document } });
    return document;
  }

  /** Pulls the document's diagnostics (`textDocument/diagnostic`: the server pushes none). */
  async diagnostics(document) {
    const report = await this.#request(
      this.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: document.uri } }),
      `textDocument/diagnostic ${document.uri}`,
    );
    if (report.kind !== DocumentDiagnosticReportKind.Full) throw new Error(`expected a full diagnostic report, got ${report.kind}`);
    return report.items;
  }

  /** The quick fixes offered for one diagnostic (what the editor's light bulb lists). */
  async codeActions(document, diagnostic) {
    const result = await this.#request(
      this.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri: document.uri },
        range: diagnostic.range,
        context: { diagnostics: [diagnostic], triggerKind: CodeActionTriggerKind.Invoked },
      }),
      `textDocument/codeAction ${document.uri}`,
    );
    return (result ?? []).map((item) => {
      if (!('kind' in item) && typeof item.command === 'string' && !('edit' in item)) return { title: item.title, command: item };
      return item;
    });
  }

  /**
   * Edits an open document as an editor does when the user types: applies the edits to its text,
   * bumps its version and sends them as incremental `didChange` changes (last position first, so
   * that earlier ranges stay valid).
   */
  async change(document, edits) {
    const contentChanges = [...edits]
      .sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character)
      .map((textEdit) => ({ range: textEdit.range, text: textEdit.newText }));
    document.text = applyTextEdits(document.text, edits);
    document.version++;
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: document.uri, version: document.version },
      contentChanges,
    });
  }

  /**
   * Runs a code action as an editor does: its command goes back to the server
   * (`workspace/executeCommand`), which asks the editor to apply a workspace edit
   * (`workspace/applyEdit`); the edit is applied to the document and sent as `didChange`.
   * Returns the applied edit.
   */
  async runCodeAction(action) {
    const before = this.appliedEdits.length;
    if (action.edit) {
      await this.#applyWorkspaceEdit({ edit: action.edit });
    } else if (action.command) {
      await this.#request(
        this.connection.sendRequest(ExecuteCommandRequest.type, { command: action.command.command, arguments: action.command.arguments ?? [] }),
        `workspace/executeCommand ${action.command.command}`,
      );
    }
    const edit = this.appliedEdits[before];
    if (!edit) throw new Error(`code action "${action.title}" applied no edit; server log:\n${this.log.join('\n')}`);
    return edit;
  }

  async #applyWorkspaceEdit(params) {
    const edit = params.edit;
    const perDocument = [];
    for (const change of edit.documentChanges ?? []) {
      if (!('textDocument' in change)) return { applied: false, failureReason: 'only text document edits are supported' };
      perDocument.push({ uri: change.textDocument.uri, version: change.textDocument.version, edits: change.edits });
    }
    for (const [uri, edits] of Object.entries(edit.changes ?? {})) perDocument.push({ uri, version: null, edits });

    for (const { uri, version, edits } of perDocument) {
      const document = this.documents.get(uri);
      if (!document) return { applied: false, failureReason: `${uri} is not open` };
      if (version !== null && version !== document.version) {
        return { applied: false, failureReason: `${uri} is at version ${document.version}, the edit is for ${version}` };
      }
      await this.change(document, edits);
    }
    this.appliedEdits.push(edit);
    return { applied: true };
  }

  /** `shutdown` then `exit`, as an editor does on close; resolves to the server's exit code. */
  async shutdown() {
    try {
      await this.#request(this.connection.sendRequest(ShutdownRequest.type), 'shutdown');
      await this.connection.sendNotification(ExitNotification.type);
    } catch (error) {
      this.#child.kill();
      throw error;
    }
    let timer;
    const code = await Promise.race([
      this.#exitCode,
      new Promise((resolve) => (timer = setTimeout(() => resolve('timeout'), 10_000))),
    ]).finally(() => clearTimeout(timer));
    this.connection.dispose();
    if (code === 'timeout') {
      this.#child.kill();
      throw new Error('the language server did not exit within 10 s of `exit`');
    }
    return code;
  }

  /** Ends the process without the protocol (cleanup after a failure). */
  kill() {
    if (this.#child.exitCode === null) this.#child.kill();
  }
}
