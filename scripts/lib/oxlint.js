// Runs the oxlint CLI with the built plugin as a JS plugin (`jsPlugins: ["eslint-plugin-event-loop"]`)
// and reads its JSON output into problems with ESLint's positions. Shared by scripts/oxlint-corpus.js
// and the oxlint tests (tests/oxlint/); types in oxlint.d.ts.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runProcess } from './process.js';

export const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const OXLINT_BIN = path.join(ROOT, 'node_modules', '.bin', process.platform === 'win32' ? 'oxlint.cmd' : 'oxlint');
/** What `jsPlugins: ["eslint-plugin-event-loop"]` resolves to: the built package entry. */
export const BUILT_PLUGIN_ENTRY = path.join(ROOT, 'dist', 'index.js');
export const PLUGIN_PREFIX = 'event-loop';

/** Every category of oxlint's native rules, all turned off: only our JS plugin rules run. */
const NATIVE_CATEGORIES_OFF = Object.fromEntries(
  ['correctness', 'suspicious', 'pedantic', 'perf', 'style', 'restriction', 'nursery'].map((category) => [category, 'off']),
);

export function makeTempDir(prefix) {
  return mkdtempSync(path.join(tmpdir(), `event-loop-${prefix}-`));
}

export function removeDir(dir) {
  rmSync(dir, { recursive: true, force: true });
}

export function toPosix(file) {
  return file.split(path.sep).join('/');
}

/**
 * Makes `dir/node_modules/eslint-plugin-event-loop` point at this repository, so a config in `dir`
 * can name the plugin as users do (`jsPlugins: ["eslint-plugin-event-loop"]`) and get `dist/`.
 */
export function linkPluginPackage(dir) {
  const modules = path.join(dir, 'node_modules');
  mkdirSync(modules, { recursive: true });
  const link = path.join(modules, 'eslint-plugin-event-loop');
  if (!existsSync(link)) symlinkSync(ROOT, link, 'dir');
}

/**
 * Writes `dir/.oxlintrc.json`: our plugin by package name (or, with `pluginPath`, that module under
 * our prefix through oxlint's alias form), native rules off, the given rules and overrides.
 * Returns the config file.
 */
export function writeOxlintConfig(dir, config) {
  linkPluginPackage(dir);
  const file = path.join(dir, '.oxlintrc.json');
  const json = {
    jsPlugins: [config.pluginPath ? { name: PLUGIN_PREFIX, specifier: config.pluginPath } : 'eslint-plugin-event-loop'],
    plugins: [],
    categories: NATIVE_CATEGORIES_OFF,
    rules: config.rules ?? {},
    ...(config.overrides ? { overrides: config.overrides } : {}),
  };
  writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
  return file;
}

/** `event-loop(no-sync-in-async)` (oxlint's code) → `event-loop/no-sync-in-async` (ESLint's rule id). */
export function toRuleId(code) {
  const match = /^(.+)\((.+)\)$/.exec(code);
  return match ? `${match[1]}/${match[2]}` : code;
}

/** Start offset of every line, split where ESLint splits lines. */
export function getLineStarts(text) {
  const starts = [0];
  const lineBreak = /\r\n|[\r\n\u2028\u2029]/g;
  for (let match = lineBreak.exec(text); match; match = lineBreak.exec(text)) starts.push(match.index + match[0].length);
  return starts;
}

/** ESLint's 1-based line and column of a UTF-16 index. */
export function getLineColumn(lineStarts, index) {
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
export function getUtf16Index(bytes, byteOffset) {
  return bytes.subarray(0, byteOffset).toString('utf8').length;
}

export function compareProblems(a, b) {
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

export function formatProblem(problem) {
  return `${problem.file}:${problem.line}:${problem.column}-${problem.endLine}:${problem.endColumn} ${problem.ruleId} ${problem.message}`;
}

/** The CLI arguments of one oxlint run: the config, JSON output, `--fix`/`--fix-suggestions`, the paths. */
export function getOxlintArgs({ config, paths, fix }) {
  const fixArgs = fix === 'fixes' ? ['--fix'] : fix === 'suggestions' ? ['--fix-suggestions'] : [];
  return ['-c', config, '--format', 'json', ...fixArgs, ...paths];
}

/**
 * The JSON output of an oxlint run in `cwd` (`{ status, stdout, stderr }`) sorted into problems
 * (ESLint positions, sorted by `compareProblems`), plugin errors and other (parse) errors.
 */
export function readOxlintOutput(result, cwd) {
  let output;
  try {
    output = JSON.parse(result.stdout);
  } catch {
    throw new Error(`oxlint did not print JSON (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  const run = {
    problems: [],
    pluginErrors: [],
    otherErrors: [],
    numberOfFiles: output.number_of_files,
    numberOfRules: output.number_of_rules,
    threads: output.threads_count,
    stderr: result.stderr,
  };
  const texts = new Map();
  for (const diagnostic of output.diagnostics) {
    const absolute = path.resolve(cwd, diagnostic.filename);
    const file = toPosix(path.relative(cwd, absolute));
    // Rule diagnostics have a `plugin(rule)` code; parse errors none or a compiler code (`TS/7059`).
    if (diagnostic.code === undefined || !/^.+\(.+\)$/.test(diagnostic.code)) {
      const bucket = diagnostic.message.startsWith('Error running JS plugin') ? run.pluginErrors : run.otherErrors;
      bucket.push({ file, message: diagnostic.message });
      continue;
    }
    let source = texts.get(absolute);
    if (!source) {
      const bytes = readFileSync(absolute);
      source = { bytes, lineStarts: getLineStarts(bytes.toString('utf8')) };
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

/** Runs the oxlint CLI (blocking) and reads its output. */
export function runOxlint(options) {
  const result = spawnSync(OXLINT_BIN, getOxlintArgs(options), { cwd: options.cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (result.error) throw result.error;
  return readOxlintOutput(result, options.cwd);
}

/** Runs the oxlint CLI as a whole process without blocking: its output read, its exit status and wall time. */
export async function runOxlintTimed(options) {
  const result = await runProcess(OXLINT_BIN, getOxlintArgs(options), { cwd: options.cwd });
  return { ...readOxlintOutput(result, options.cwd), status: result.status, ms: result.ms };
}

const SOURCE_FILE = /\.(?:[cm]?js|jsx|[cm]?ts|tsx)$/;
const DECLARATION_FILE = /\.d\.[cm]?ts$/;

/**
 * Files (relative, posix, sorted) under `dir` that both linters lint: JS and TS sources, no
 * `.d.ts`, nothing under `node_modules` or a dot folder.
 */
export function listSourceFiles(dir, relative = '') {
  const files = [];
  for (const entry of readdirSync(path.join(dir, relative), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const child = relative ? `${relative}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) files.push(...listSourceFiles(dir, child));
    } else if (entry.isFile() && SOURCE_FILE.test(entry.name) && !DECLARATION_FILE.test(entry.name)) {
      files.push(child);
    }
  }
  return files;
}
