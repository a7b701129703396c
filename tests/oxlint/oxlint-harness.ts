// Runs the oxlint CLI with the built plugin as a JS plugin, and ESLint with the same plugin object,
// over the same files, and turns both outputs into the same comparable shape.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as tsParser from '@typescript-eslint/parser';
import { ESLint, Linter } from 'eslint';
import type { EventLoopPlugin } from '../../index.js';

export const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const OXLINT_BIN = path.join(ROOT, 'node_modules', '.bin', 'oxlint');
/** What `jsPlugins: ["eslint-plugin-event-loop"]` resolves to: the built package entry. */
export const BUILT_PLUGIN_ENTRY = path.join(ROOT, 'dist', 'index.js');
export const PLUGIN_PREFIX = 'event-loop';

/** Every category of oxlint's native rules, all turned off: only our JS plugin rules run. */
const NATIVE_CATEGORIES_OFF = Object.fromEntries(
  ['correctness', 'suspicious', 'pedantic', 'perf', 'style', 'restriction', 'nursery'].map((category) => [category, 'off']),
);

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
  problems: Problem[];
  /** "Error running JS plugin": a rule threw. */
  pluginErrors: { file: string; message: string }[];
  /** Diagnostics without a rule code that are not plugin errors: parse errors. */
  otherErrors: { file: string; message: string }[];
  numberOfFiles: number;
  numberOfRules: number;
  stderr: string;
}

export type RuleEntry = 'error' | ['error', ...unknown[]];

export interface OxlintConfig {
  rules?: Record<string, RuleEntry>;
  overrides?: { files: string[]; rules: Record<string, RuleEntry> }[];
}

export function makeTempDir(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), `event-loop-${prefix}-`));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/**
 * Makes `dir/node_modules/eslint-plugin-event-loop` point at this repository, so a config in `dir`
 * can name the plugin as users do (`jsPlugins: ["eslint-plugin-event-loop"]`) and get `dist/`.
 */
export function linkPluginPackage(dir: string): void {
  const modules = path.join(dir, 'node_modules');
  mkdirSync(modules, { recursive: true });
  const link = path.join(modules, 'eslint-plugin-event-loop');
  if (!existsSync(link)) symlinkSync(ROOT, link, 'dir');
}

/** Writes `dir/.oxlintrc.json`: our plugin by package name, native rules off, the given rules. */
export function writeOxlintConfig(dir: string, config: OxlintConfig): string {
  linkPluginPackage(dir);
  const file = path.join(dir, '.oxlintrc.json');
  const json = {
    jsPlugins: ['eslint-plugin-event-loop'],
    plugins: [],
    categories: NATIVE_CATEGORIES_OFF,
    rules: config.rules ?? {},
    ...(config.overrides ? { overrides: config.overrides } : {}),
  };
  writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
  return file;
}

interface OxlintJsonDiagnostic {
  message: string;
  code?: string;
  severity: string;
  filename: string;
  labels: { span: { offset: number; length: number; line: number; column: number } }[];
}

interface OxlintJsonOutput {
  diagnostics: OxlintJsonDiagnostic[];
  number_of_files: number;
  number_of_rules: number;
}

/** `event-loop(no-sync-in-async)` (oxlint's code) → `event-loop/no-sync-in-async` (ESLint's rule id). */
export function toRuleId(code: string): string {
  const match = /^(.+)\((.+)\)$/.exec(code);
  return match ? `${match[1]}/${match[2]}` : code;
}

/** Start offset of every line, split where ESLint splits lines. */
export function getLineStarts(text: string): number[] {
  const starts = [0];
  const lineBreak = /\r\n|[\r\n\u2028\u2029]/g;
  for (let match = lineBreak.exec(text); match; match = lineBreak.exec(text)) starts.push(match.index + match[0].length);
  return starts;
}

/** ESLint's 1-based line and column of a UTF-16 index. */
export function getLineColumn(lineStarts: readonly number[], index: number): { line: number; column: number } {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((lineStarts[middle] ?? 0) <= index) low = middle;
    else high = middle - 1;
  }
  return { line: low + 1, column: index - (lineStarts[low] ?? 0) + 1 };
}

/**
 * oxlint 1.94's CLI reports spans as UTF-8 byte offsets (and columns as byte columns), while ESLint
 * counts UTF-16 code units: convert through the file's bytes so non-ASCII text compares equal.
 */
export function getUtf16Index(bytes: Buffer, byteOffset: number): number {
  return bytes.subarray(0, byteOffset).toString('utf8').length;
}

function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}

/** Runs the oxlint CLI and sorts its JSON output into problems, plugin errors and other errors. */
export function runOxlint(options: {
  cwd: string;
  config: string;
  paths: readonly string[];
  /** `--fix`, or `--fix-suggestions` (fixes, else each report's first suggestion). */
  fix?: 'fixes' | 'suggestions';
}): OxlintRun {
  const fixArgs = options.fix === 'fixes' ? ['--fix'] : options.fix === 'suggestions' ? ['--fix-suggestions'] : [];
  const args = ['-c', options.config, '--format', 'json', ...fixArgs, ...options.paths];
  const result = spawnSync(OXLINT_BIN, args, { cwd: options.cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (result.error) throw result.error;
  let output: OxlintJsonOutput;
  try {
    output = JSON.parse(result.stdout) as OxlintJsonOutput;
  } catch {
    throw new Error(`oxlint did not print JSON (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  const run: OxlintRun = {
    problems: [],
    pluginErrors: [],
    otherErrors: [],
    numberOfFiles: output.number_of_files,
    numberOfRules: output.number_of_rules,
    stderr: result.stderr,
  };
  const texts = new Map<string, { bytes: Buffer; text: string; lineStarts: number[] }>();
  for (const diagnostic of output.diagnostics) {
    const absolute = path.resolve(options.cwd, diagnostic.filename);
    const file = toPosix(path.relative(options.cwd, absolute));
    // Rule diagnostics have a `plugin(rule)` code; parse errors none or a compiler code (`TS/7059`).
    if (diagnostic.code === undefined || !/^.+\(.+\)$/.test(diagnostic.code)) {
      const bucket = diagnostic.message.startsWith('Error running JS plugin') ? run.pluginErrors : run.otherErrors;
      bucket.push({ file, message: diagnostic.message });
      continue;
    }
    let source = texts.get(absolute);
    if (!source) {
      const bytes = readFileSync(absolute);
      const text = bytes.toString('utf8');
      source = { bytes, text, lineStarts: getLineStarts(text) };
      texts.set(absolute, source);
    }
    const span = diagnostic.labels[0]?.span ?? { offset: 0, length: 0 };
    const start = getLineColumn(source.lineStarts, getUtf16Index(source.bytes, span.offset));
    const end = getLineColumn(source.lineStarts, getUtf16Index(source.bytes, span.offset + span.length));
    run.problems.push({
      file,
      ruleId: toRuleId(diagnostic.code),
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      message: diagnostic.message,
    });
  }
  run.problems.sort(compareProblems);
  return run;
}

export function compareProblems(a: Problem, b: Problem): number {
  return (
    a.file.localeCompare(b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    a.endLine - b.endLine ||
    a.endColumn - b.endColumn ||
    a.ruleId.localeCompare(b.ruleId) ||
    a.message.localeCompare(b.message)
  );
}

export function formatProblem(problem: Problem): string {
  return `${problem.file}:${problem.line}:${problem.column}-${problem.endLine}:${problem.endColumn} ${problem.ruleId} ${problem.message}`;
}

/** ESLint messages → problems; fatal (parse) errors are returned as problems with `ruleId` `fatal`. */
export function toEslintProblems(file: string, messages: readonly Linter.LintMessage[]): Problem[] {
  return messages
    .map((message) => ({
      file,
      ruleId: message.fatal ? 'fatal' : (message.ruleId ?? 'fatal'),
      line: message.line,
      column: message.column,
      endLine: message.endLine ?? message.line,
      endColumn: message.endColumn ?? message.column,
      message: message.message,
    }))
    .sort(compareProblems);
}

/** The built plugin (`dist/index.js`), the same module oxlint loads. */
export async function loadBuiltPlugin(): Promise<EventLoopPlugin> {
  if (!existsSync(BUILT_PLUGIN_ENTRY)) throw new Error('dist/index.js is missing: run `npm run build` first.');
  const module = (await import(pathToFileURL(BUILT_PLUGIN_ENTRY).href)) as { default: EventLoopPlugin };
  return module.default;
}

/** How ESLint parses one file of a comparison. */
export interface ParseSettings {
  parser: 'espree' | 'typescript';
  sourceType: 'module' | 'commonjs' | 'script';
  jsx: boolean;
}

/** ESLint's defaults for a file name: espree for JS (`.cjs` CommonJS, other JS modules), the TS parser for TS. */
export function getDefaultParseSettings(file: string): ParseSettings {
  if (/\.[cm]?tsx?$/.test(file)) {
    return { parser: 'typescript', sourceType: file.endsWith('.cts') ? 'commonjs' : 'module', jsx: file.endsWith('.tsx') };
  }
  return { parser: 'espree', sourceType: file.endsWith('.cjs') ? 'commonjs' : 'module', jsx: true };
}

/**
 * The extension that makes oxlint parse a file as ESLint parses it with `settings`. oxlint 1.94
 * has no `sourceType` setting: `.mjs`/`.mts` are modules, `.cjs`/`.cts` CommonJS, and `.js`,
 * `.jsx`, `.ts`, `.tsx` are modules only when they contain `import`/`export` (scripts otherwise).
 */
export function getOxlintExtension(settings: ParseSettings, preferTs = false): string {
  if (settings.parser === 'typescript') {
    if (settings.jsx) return '.tsx';
    if (settings.sourceType === 'commonjs') return '.cts';
    // `preferTs`: the code has `import`/`export` (a `.ts` module for oxlint too) or `<T>x`
    // assertions, which `.mts` forbids.
    return settings.sourceType === 'module' && !preferTs ? '.mts' : '.ts';
  }
  return settings.sourceType === 'commonjs' ? '.cjs' : settings.sourceType === 'module' ? '.mjs' : '.js';
}

const ALL_SOURCE_FILES = ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'];

/** A flat config object with the plugin, the given rules and `settings`' parser options. */
export function getEslintConfig(
  plugin: EventLoopPlugin,
  settings: ParseSettings,
  rules: Record<string, RuleEntry>,
  files: string[] = ALL_SOURCE_FILES,
): Linter.Config {
  return {
    files,
    plugins: { [PLUGIN_PREFIX]: plugin },
    languageOptions: {
      ecmaVersion: 'latest',
      sourceType: settings.sourceType,
      ...(settings.parser === 'typescript' ? { parser: tsParser } : {}),
      parserOptions: { ecmaFeatures: { jsx: settings.jsx } },
    },
    rules,
  };
}

/** ESLint's messages for one text, from `Linter` (the engine of the CLI); parse errors are `fatal` messages. */
export function verifyWithEslint(
  plugin: EventLoopPlugin,
  file: string,
  text: string,
  rules: Record<string, RuleEntry>,
  settings: ParseSettings = getDefaultParseSettings(file),
): Linter.LintMessage[] {
  const linter = new Linter({ configType: 'flat' });
  return linter.verify(text, getEslintConfig(plugin, settings, rules), { filename: file });
}

/** Lints one text with ESLint: its problems (parse errors as `fatal` problems). */
export function lintWithEslint(
  plugin: EventLoopPlugin,
  file: string,
  text: string,
  rules: Record<string, RuleEntry>,
  settings: ParseSettings = getDefaultParseSettings(file),
): Problem[] {
  return toEslintProblems(toPosix(file), verifyWithEslint(plugin, file, text, rules, settings));
}

/** `eslint --fix` on one text: the fixed text after ESLint's passes (up to 10). */
export function fixTextWithEslint(
  plugin: EventLoopPlugin,
  file: string,
  text: string,
  rules: Record<string, RuleEntry>,
  settings: ParseSettings = getDefaultParseSettings(file),
): string {
  const linter = new Linter({ configType: 'flat' });
  return linter.verifyAndFix(text, getEslintConfig(plugin, settings, rules), { filename: file }).output;
}

/** Every kind of source file, with a file name that has ESLint's default parse settings for the kind. */
const FILE_KINDS = [
  { patterns: ['**/*.{js,mjs,jsx}'], sample: 'x.js' },
  { patterns: ['**/*.cjs'], sample: 'x.cjs' },
  { patterns: ['**/*.{ts,mts}'], sample: 'x.ts' },
  { patterns: ['**/*.cts'], sample: 'x.cts' },
  { patterns: ['**/*.tsx'], sample: 'x.tsx' },
];

/** `eslint --fix` through the Node API on every file of `dir` (relative `files`), writing the fixes. */
export async function fixWithEslint(
  plugin: EventLoopPlugin,
  dir: string,
  files: readonly string[],
  rules: Record<string, RuleEntry>,
): Promise<void> {
  const eslint = new ESLint({
    cwd: dir,
    overrideConfigFile: true,
    overrideConfig: FILE_KINDS.map(({ patterns, sample }) => getEslintConfig(plugin, getDefaultParseSettings(sample), rules, patterns)),
    fix: true,
  });
  const results = await eslint.lintFiles([...files]);
  await ESLint.outputFixes(results);
}

/** Files (relative, posix) under `dir` that both linters lint: JS and TS sources, no `.d.ts`. */
export function listSourceFiles(dir: string, relative = ''): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(path.join(dir, relative), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const child = relative ? `${relative}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) files.push(...listSourceFiles(dir, child));
    } else if (/\.(?:[cm]?js|jsx|[cm]?ts|tsx)$/.test(entry.name) && !/\.d\.[cm]?ts$/.test(entry.name)) {
      files.push(child);
    }
  }
  return files;
}

/** Copies `source` to a fresh temporary folder and returns it. */
export function copyToTemp(source: string, prefix: string): string {
  const dir = makeTempDir(prefix);
  cpSync(source, dir, { recursive: true });
  return dir;
}

/** File contents of `files` under `dir`, keyed by relative path. */
export function readFiles(dir: string, files: readonly string[]): Record<string, string> {
  return Object.fromEntries(files.map((file) => [file, readFileSync(path.join(dir, file), 'utf8')]));
}
