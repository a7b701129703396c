// Types of scripts/lib/lsp-client.js for the TypeScript tests.
import type {
  CodeAction,
  Diagnostic,
  InitializeResult,
  ProtocolConnection,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';

/** The server binary the editors start: `vscode-eslint-language-server --stdio`. */
export declare const ESLINT_SERVER_BIN: string;
/** How long a request may take by default (`start`'s `timeoutMs`). */
export declare const REQUEST_TIMEOUT_MS: number;

/** What the vscode-eslint extension (3.x) sends for `workspace/configuration` with default settings. */
export declare function vscodeEslintSettings(workspaceDir: string): Record<string, unknown>;
/** What Neovim sends with nvim-lspconfig's `eslint` config. */
export declare function neovimLspconfigSettings(workspaceDir: string): Record<string, unknown>;
/** What Helix sends with the README's languages.toml. */
export declare function helixSettings(): Record<string, unknown>;

export interface OpenDocument {
  uri: string;
  languageId: string;
  version: number;
  text: string;
}

export declare function languageIdOf(file: string): string;
/** Applies LSP text edits (non-overlapping, ranges relative to `text`) and returns the new text. */
export declare function applyTextEdits(text: string, edits: readonly TextEdit[]): string;

export interface StartOptions {
  /** Milliseconds each request may take before it fails with the server log (default `REQUEST_TIMEOUT_MS`). */
  timeoutMs?: number;
  /** `clientInfo.name` of `initialize` (default `event-loop integration test`). */
  clientName?: string;
}

export declare class EslintLanguageServer {
  #private;
  readonly documents: Map<string, OpenDocument>;
  /** `window/logMessage` and stderr lines, for failure messages. */
  readonly log: string[];
  /** Methods of server->client requests and notifications this client did not expect. */
  readonly unexpected: string[];
  /** `eslint/status` notifications: 1 ok, 2 warn, 3 error. */
  readonly statuses: { uri: string; state: number; validationTime?: number }[];
  /** Workspace edits the server asked this client to apply. */
  readonly appliedEdits: WorkspaceEdit[];
  configurationRequests: number;
  initializeResult: InitializeResult | undefined;
  readonly connection: ProtocolConnection;

  private constructor();
  /** Starts the server in `workspaceDir` and completes the `initialize`/`initialized` handshake. */
  static start(workspaceDir: string, settings?: Record<string, unknown>, options?: StartOptions): Promise<EslintLanguageServer>;
  /** Opens a file of the workspace the way an editor does when it shows it (`didOpen`). */
  open(file: string): Promise<OpenDocument>;
  /** Pulls the document's diagnostics (`textDocument/diagnostic`). */
  diagnostics(document: OpenDocument): Promise<Diagnostic[]>;
  /** The quick fixes offered for one diagnostic (what the editor's light bulb lists). */
  codeActions(document: OpenDocument, diagnostic: Diagnostic): Promise<CodeAction[]>;
  /** Edits an open document as typing does: its text and version change, the server gets `didChange`. */
  change(document: OpenDocument, edits: readonly TextEdit[]): Promise<void>;
  /** Runs a code action as an editor does; returns the workspace edit it applied. */
  runCodeAction(action: CodeAction): Promise<WorkspaceEdit>;
  /** `shutdown` then `exit`, as an editor does on close; resolves to the server's exit code. */
  shutdown(): Promise<number | null>;
  /** Ends the process without the protocol (cleanup after a failure). */
  kill(): void;
}
