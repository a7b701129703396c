// Helpers shared by scripts/{validate,fuzz,bench,review}.js: which rules to run, ESLint instances
// built through `ESLint.fromOptionsModule`, crash-isolated linting, small statistics and Markdown.

import { cpSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ESLint } from 'eslint';
import { getOptionsURL } from './eslint-options.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export const PLUGIN_PREFIX = 'event-loop';

/**
 * Copies the built plugin (dist/ and package.json) of `checkout` (this one by default) to a folder
 * of this process and returns its entry file, so that a long run lints with one build even if
 * `npm run build` runs meanwhile in that checkout. Pass the path as `pluginModules['event-loop']`
 * in every spec (workers and child processes import it from there). `name` tells two snapshots of
 * one process apart. Removed when the process exits.
 */
export function snapshotPlugin(checkout = ROOT, name = 'snapshot') {
  const dir = path.join(ROOT, 'node_modules', '.cache', 'eslint-plugin-event-loop', `${name}-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(path.join(checkout, 'dist'), path.join(dir, 'dist'), { recursive: true });
  // The plugin reads its name and version through a self-reference to its package.json.
  cpSync(path.join(checkout, 'package.json'), path.join(dir, 'package.json'));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  return path.join(dir, 'dist', 'index.js');
}

/** The built plugin: a snapshot's entry file, or the package itself (dist/: run `npm run build` after changing a rule). */
export async function loadPlugin(entry) {
  return (await import(entry ? pathToFileURL(entry).href : 'eslint-plugin-event-loop')).default;
}

/**
 * Rule entries to run: the given plugin config's rules (`all` by default), optionally narrowed or
 * extended by `only` (names of our rules without prefix, or other rule ids such as core
 * `prefer-const`, which run with 'error'; useful to exercise the machinery itself).
 */
export function getRuleEntries(plugin, { config = 'all', only } = {}) {
  const base = plugin.configs[config]?.rules ?? {};
  if (!only || only.length === 0) return { ...base };
  const entries = {};
  for (const name of only) {
    const id = plugin.rules[name] ? `${PLUGIN_PREFIX}/${name}` : name;
    entries[id] = base[id] ?? plugin.configs.all.rules[id] ?? 'error';
  }
  return entries;
}

/** Short column name for a rule id (`event-loop/floating-task` -> `floating-task`). */
export function shortRuleName(ruleId) {
  return ruleId.startsWith(`${PLUGIN_PREFIX}/`) ? ruleId.slice(PLUGIN_PREFIX.length + 1) : ruleId;
}

export function createCorpusESLint(spec) {
  return ESLint.fromOptionsModule(getOptionsURL(spec));
}

/** `{ ruleId, message }` of an error ESLint threw while linting (a rule crash). */
export function describeCrash(error) {
  const text = String(error?.stack ?? error);
  const ruleMatch = /Rule: "([^"]+)"/.exec(text) ?? /Rule: '([^']+)'/.exec(text);
  const message = String(error?.message ?? error).split('\n')[0];
  const location = /Occurred while linting (.+)$/m.exec(text)?.[1] ?? '';
  const frame = text.split('\n').find((line) => /^\s+at /.test(line))?.trim() ?? '';
  return { ruleId: ruleMatch?.[1] ?? null, message, location, frame };
}

/**
 * Lints `text` as `filePath` and never throws: `{ result }`, or `{ crash }` when a rule threw.
 * ESLint rethrows rule exceptions, so one bad file would otherwise stop the whole run.
 */
export async function lintTextSafely(eslint, text, filePath) {
  try {
    const [result] = await eslint.lintText(text, { filePath, warnIgnored: true });
    return { result };
  } catch (error) {
    return { crash: describeCrash(error) };
  }
}

export function readText(file) {
  return readFileSync(file, 'utf8');
}

export function countLines(text) {
  if (text.length === 0) return 0;
  let lines = 1;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) lines++;
  return text.endsWith('\n') ? lines - 1 : lines;
}

/** Applies one ESLint fix object (`{ range: [start, end], text }`) to `text`. */
export function applyFix(text, fix) {
  return text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]);
}

/** The first fatal (parse) message of a lint result, or undefined. */
export function getFatalMessage(result) {
  return result.messages.find((message) => message.fatal);
}

/** A lint message ESLint adds itself (file ignored, ...) rather than a rule report or parse error. */
export function isLinterNotice(message) {
  return !message.fatal && message.ruleId == null;
}

const ASYNC_PATTERN = /\bawait\b|\bSync\(|\.then\(|\bnew Promise\b|\bPromise\.(all|race|any|allSettled)\b|\bfor await\b/g;

/**
 * The reduced corpus of `--quick` runs: per package, the `perPackage` files with the most async
 * constructs (so the rules' code paths still run), in path order. Deterministic.
 */
export function selectQuickFiles(files, perPackage) {
  const byPackage = new Map();
  for (const entry of files) {
    if (!byPackage.has(entry.pkg.name)) byPackage.set(entry.pkg.name, []);
    byPackage.get(entry.pkg.name).push(entry);
  }
  const selected = [];
  for (const entries of byPackage.values()) {
    const scored = entries.map((entry) => {
      const text = readText(entry.file);
      return { entry, score: text.match(ASYNC_PATTERN)?.length ?? 0, lines: countLines(text) };
    });
    // Dense async files first; very long files are left to the full run.
    scored.sort((a, b) => b.score - a.score || a.lines - b.lines || a.entry.relative.localeCompare(b.entry.relative));
    const picked = new Set(scored.filter((item) => item.lines <= 1500).slice(0, perPackage).map((item) => item.entry));
    selected.push(...entries.filter((entry) => picked.has(entry)));
  }
  return selected;
}

export function median(values) {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** A Markdown table; `align` is a string of `l`/`r` per column (default: first left, rest right). */
export function formatTable(headers, rows, align) {
  const alignment = align ?? `l${'r'.repeat(Math.max(0, headers.length - 1))}`;
  const cells = [headers, ...rows].map((row) => row.map((cell) => String(cell ?? '').replaceAll('|', '\\|')));
  const widths = headers.map((_, column) => Math.max(3, ...cells.map((row) => row[column].length)));
  const line = (row) =>
    `| ${row.map((cell, column) => (alignment[column] === 'r' ? cell.padStart(widths[column]) : cell.padEnd(widths[column]))).join(' | ')} |`;
  const separator = `| ${widths.map((width, column) => (alignment[column] === 'r' ? `${'-'.repeat(width - 1)}:` : '-'.repeat(width))).join(' | ')} |`;
  return [line(cells[0]), separator, ...cells.slice(1).map(line)].join('\n');
}

/** Seeded PRNG (mulberry32): the same seed gives the same sequence on every machine. */
export function createRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
