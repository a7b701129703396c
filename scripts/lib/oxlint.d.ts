// Types of scripts/lib/oxlint.js for the TypeScript tests.

export declare const ROOT: string;
export declare const OXLINT_BIN: string;
/** What `jsPlugins: ["eslint-plugin-event-loop"]` resolves to: the built package entry. */
export declare const BUILT_PLUGIN_ENTRY: string;
export declare const PLUGIN_PREFIX: 'event-loop';

/** One reported problem, positions in ESLint's convention (1-based lines and UTF-16 columns, end exclusive). */
export interface Problem {
  /** Path relative to the folder oxlint ran in, with `/` separators. */
  file: string;
  ruleId: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
}

export interface OxlintRun {
  /** Sorted by `compareProblems`. */
  problems: Problem[];
  /** "Error running JS plugin": a rule threw. */
  pluginErrors: { file: string; message: string }[];
  /** Diagnostics without a rule code that are not plugin errors: parse errors. */
  otherErrors: { file: string; message: string }[];
  numberOfFiles: number;
  numberOfRules: number;
  /** Threads oxlint linted with. */
  threads: number;
  stderr: string;
}

export type RuleEntry = 'error' | ['error', ...unknown[]];

export interface OxlintConfig {
  rules?: Record<string, RuleEntry>;
  overrides?: { files: string[]; rules: Record<string, RuleEntry> }[];
  /** Load this plugin module under the `event-loop` prefix instead of the built package. */
  pluginPath?: string;
}

export interface OxlintOptions {
  /** The folder oxlint runs in; `paths` and the problems' files are relative to it. */
  cwd: string;
  /** The config file (`writeOxlintConfig`'s result). */
  config: string;
  paths: readonly string[];
  /** `--fix`, or `--fix-suggestions` (fixes, else each report's first suggestion). */
  fix?: 'fixes' | 'suggestions';
}

export declare function makeTempDir(prefix: string): string;
export declare function removeDir(dir: string): void;
export declare function toPosix(file: string): string;
export declare function linkPluginPackage(dir: string): void;
export declare function writeOxlintConfig(dir: string, config: OxlintConfig): string;
export declare function toRuleId(code: string): string;
export declare function getLineStarts(text: string): number[];
export declare function getLineColumn(lineStarts: readonly number[], index: number): { line: number; column: number };
export declare function getUtf16Index(bytes: Buffer, byteOffset: number): number;
export declare function compareProblems(a: Problem, b: Problem): number;
export declare function formatProblem(problem: Problem): string;
export declare function getOxlintArgs(options: Omit<OxlintOptions, 'cwd'>): string[];
export declare function readOxlintOutput(result: { status: number | null; stdout: string; stderr: string }, cwd: string): OxlintRun;
export declare function runOxlint(options: OxlintOptions): OxlintRun;
export declare function runOxlintTimed(options: OxlintOptions): Promise<OxlintRun & { status: number | null; ms: number }>;
export declare function listSourceFiles(dir: string, relative?: string): string[];
