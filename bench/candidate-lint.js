// Lints the corpus once for scripts/candidates.js and scripts/score.js: core no-await-in-loop,
// our four rules (defaults; floating-task also type-aware), the typed typescript-eslint peers on
// TypeScript files, and the scans of bench/candidate-scans.js; then turns the reports into the
// candidate sites of each family (loops, floating, blocking), keyed by file and line.

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CORPUS_DIR, listCorpusFiles } from './corpus-manifest.js';
import { PLUGIN_PREFIX, createCorpusESLint, lintTextSafely, readText, selectQuickFiles, snapshotPlugin } from './lint-helpers.js';
import { getExcerpt } from './review-format.js';

const SCANS = fileURLToPath(new URL('./candidate-scans.js', import.meta.url));

export const RULES = {
  loops: 'event-loop/no-sequential-await-in-loop',
  floating: 'event-loop/floating-task',
  noSync: 'event-loop/no-sync-in-async',
  cpu: 'event-loop/prefer-worker-for-cpu',
};

const SYNTACTIC_RULES = {
  'no-await-in-loop': 'error',
  [RULES.loops]: 'error',
  [RULES.floating]: 'error',
  [RULES.noSync]: 'error',
  [RULES.cpu]: 'error',
  'scan/loops': 'error',
  'scan/late-await': 'error',
  'scan/dropped-async-callback': 'error',
  'scan/dropped-call': 'error',
  'scan/blocking': 'error',
};

const TYPED_RULES = {
  [RULES.floating]: 'error',
  '@typescript-eslint/no-floating-promises': 'error',
  '@typescript-eslint/no-misused-promises': 'error',
};

export const QUICK_FILES_PER_PACKAGE = 15;

/** Every corpus file linted both ways: `{ entry, text, messages, typedMessages }`, plus crashes. */
export async function lintCorpus({ quick = false, typed = true, log = console.error } = {}) {
  const all = listCorpusFiles();
  const files = quick ? selectQuickFiles(all, QUICK_FILES_PER_PACKAGE) : all;
  const pluginEntry = snapshotPlugin();
  const pluginModules = { [PLUGIN_PREFIX]: pluginEntry, scan: SCANS };
  const syntactic = await createCorpusESLint({ cwd: CORPUS_DIR, rules: SYNTACTIC_RULES, pluginModules });
  const typedESLint = typed ? await createCorpusESLint({ cwd: CORPUS_DIR, rules: TYPED_RULES, typed: true, pluginModules }) : null;
  const results = [];
  const problems = [];
  const started = performance.now();
  let done = 0;
  for (const entry of files) {
    const text = readText(entry.file);
    const record = { entry, text, messages: [], typedMessages: [] };
    const passes = [['messages', syntactic]];
    if (typedESLint && entry.language === 'ts') passes.push(['typedMessages', typedESLint]);
    for (const [key, eslint] of passes) {
      const { result, crash } = await lintTextSafely(eslint, text, entry.file);
      if (crash) {
        problems.push(`${entry.relative} (${key}): crash in ${crash.ruleId ?? 'unknown rule'}: ${crash.message}`);
        continue;
      }
      for (const message of result.messages) {
        if (message.fatal || message.ruleId === null) problems.push(`${entry.relative}:${message.line ?? 0}: ${message.message}`);
        else record[key].push(message);
      }
    }
    results.push(record);
    done++;
    if (done % 200 === 0) log(`  linted ${done}/${files.length} files (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  }
  return { files, results, problems, seconds: (performance.now() - started) / 1000 };
}

function toPosix(relative) {
  return relative.split(path.sep).join('/');
}

function parseScan(message) {
  return JSON.parse(message.message);
}

const key = (line, column) => `${line}:${column}`;

/**
 * Maps reports of a file to the loop core no-await-in-loop blames, from the scan/loops reports:
 * a report on an await site gets that site's loop, a report on a loop the loop itself, anything
 * else the innermost loop around it.
 */
export function createLoopLocator(messages) {
  const loops = [];
  const loopsByStart = new Map();
  const awaitSites = new Map();
  for (const message of messages) {
    if (message.ruleId !== 'scan/loops') continue;
    const data = parseScan(message);
    if (data.kind === 'loop') {
      loops.push(data);
      loopsByStart.set(key(data.line, data.column), data);
    } else {
      awaitSites.set(key(message.line, message.column), data.loop);
    }
  }
  const contains = (loop, line, column) =>
    (line > loop.line || (line === loop.line && column >= loop.column)) && (line < loop.endLine || (line === loop.endLine && column <= loop.endColumn));
  return (line, column) => {
    const site = key(line, column);
    if (awaitSites.has(site)) return awaitSites.get(site);
    if (loopsByStart.has(site)) return loopsByStart.get(site);
    let best = null;
    for (const loop of loops) {
      if (contains(loop, line, column) && (!best || loop.line > best.line || (loop.line === best.line && loop.column > best.column))) best = loop;
    }
    return best;
  };
}

function addSite(map, site, source) {
  const id = `${site.file}:${site.line}`;
  const existing = map.get(id);
  if (existing) {
    if (!existing.sources.includes(source.source)) existing.sources.push(source.source);
    existing.reports.push(source);
    return existing;
  }
  const created = { ...site, sources: [source.source], reports: [source] };
  map.set(id, created);
  return created;
}

function compareSites(a, b) {
  return a.unit.localeCompare(b.unit) || a.file.localeCompare(b.file) || a.line - b.line;
}

const TYPED_SOURCES = {
  [RULES.floating]: 'event-loop/floating-task type-aware',
  '@typescript-eslint/no-floating-promises': '@typescript-eslint/no-floating-promises',
  '@typescript-eslint/no-misused-promises': '@typescript-eslint/no-misused-promises',
};

const SCAN_SOURCES = {
  'scan/late-await': 'scan:late-await',
  'scan/dropped-async-callback': 'scan:dropped-async-callback',
  'scan/dropped-call': 'scan:dropped-call',
};

/** The candidate sites of each family from `lintCorpus` results. */
export function buildCandidates(results) {
  const loops = new Map();
  const floating = new Map();
  const blocking = new Map();
  for (const { entry, text, messages, typedMessages } of results) {
    const file = toPosix(entry.relative);
    const base = { unit: entry.pkg.name, file };
    const locate = createLoopLocator(messages);
    const sequentialLoops = new Map();
    for (const message of messages.filter((m) => m.ruleId === RULES.loops)) {
      const loop = locate(message.line, message.column);
      if (loop) sequentialLoops.set(loop.line, message.message);
    }
    const syncLines = new Set(messages.filter((m) => m.ruleId === RULES.noSync).map((m) => m.line));
    const cpuLines = new Set(messages.filter((m) => m.ruleId === RULES.cpu).map((m) => m.line));

    for (const message of messages) {
      if (message.ruleId === 'no-await-in-loop') {
        const loop = locate(message.line, message.column);
        const line = loop?.line ?? message.line;
        const site = addSite(
          loops,
          { ...base, line, column: loop?.column ?? message.column, loopType: loop?.type ?? null, excerpt: getExcerpt(text, line, loop?.endLine ?? line) },
          { source: 'no-await-in-loop', line: message.line, column: message.column, message: message.message },
        );
        site.noSequentialAwaitInLoop = sequentialLoops.has(line);
        if (sequentialLoops.has(line)) site.noSequentialAwaitInLoopMessage = sequentialLoops.get(line);
      } else if (message.ruleId === RULES.floating || SCAN_SOURCES[message.ruleId]) {
        const source = message.ruleId === RULES.floating ? 'event-loop/floating-task syntactic' : SCAN_SOURCES[message.ruleId];
        const text_ = message.ruleId.startsWith('scan/') ? describeScan(message) : message.message;
        addSite(
          floating,
          { ...base, line: message.line, column: message.column, language: entry.language, excerpt: getExcerpt(text, message.line, message.endLine ?? message.line) },
          { source, column: message.column, message: text_ },
        );
      } else if (message.ruleId === 'scan/blocking') {
        const data = parseScan(message);
        const site = addSite(
          blocking,
          { ...base, line: message.line, column: message.column, excerpt: getExcerpt(text, message.line, message.line) },
          { source: 'scan:blocking-call', column: message.column, message: `${data.api} in ${data.functionKind} ${data.function}` },
        );
        site.calls ??= [];
        site.calls.push({ api: data.api, kind: data.kind, column: message.column, function: data.function, functionKind: data.functionKind });
        site.noSyncInAsync = syncLines.has(message.line);
        site.preferWorkerForCpu = cpuLines.has(message.line);
      }
    }
    // Reports of our blocking rules on lines the scan did not find (a rule's own extra APIs:
    // busy-waits, CPU loops, user functions): candidates too.
    for (const message of messages) {
      if (message.ruleId !== RULES.noSync && message.ruleId !== RULES.cpu) continue;
      const id = `${file}:${message.line}`;
      if (blocking.has(id) && blocking.get(id).sources.includes('scan:blocking-call')) continue;
      const site = addSite(
        blocking,
        { ...base, line: message.line, column: message.column, excerpt: getExcerpt(text, message.line, message.endLine ?? message.line) },
        { source: message.ruleId, column: message.column, message: message.message },
      );
      site.noSyncInAsync = syncLines.has(message.line);
      site.preferWorkerForCpu = cpuLines.has(message.line);
    }
    for (const message of typedMessages) {
      const source = TYPED_SOURCES[message.ruleId];
      if (!source) continue;
      addSite(
        floating,
        { ...base, line: message.line, column: message.column, language: entry.language, excerpt: getExcerpt(text, message.line, message.endLine ?? message.line) },
        { source, column: message.column, message: message.message },
      );
    }
  }
  return {
    loops: [...loops.values()].sort(compareSites),
    floating: [...floating.values()].sort(compareSites),
    blocking: [...blocking.values()].sort(compareSites),
  };
}

function describeScan(message) {
  const data = parseScan(message);
  switch (message.ruleId) {
    case 'scan/late-await':
      return `\`${data.name}\` is first awaited on line ${data.awaitedAt}, after the await on line ${data.firstOtherAwait}`;
    case 'scan/dropped-async-callback':
      return `async function passed as argument ${data.argument + 1} of \`${data.callee}\``;
    case 'scan/dropped-call':
      return `\`${data.callee}(...)\` as a statement (${data.why}), not awaited, returned, voided or .catch'ed`;
    default:
      return message.message;
  }
}

/**
 * Report sites of one rule, keyed `file:line` (loops: the loop's line), for scoring. `mode`
 * `typed` reads the type-aware pass (TypeScript files) and falls back to the syntactic pass for
 * JavaScript files, which is what a type-aware user config runs.
 */
export function getRuleSites(results, ruleId, mode = 'syntactic') {
  const sites = new Map();
  for (const { entry, messages, typedMessages } of results) {
    const file = toPosix(entry.relative);
    const useTyped = mode === 'typed' && entry.language === 'ts';
    const source = useTyped ? typedMessages : messages;
    const locate = ruleId === RULES.loops ? createLoopLocator(messages) : null;
    for (const message of source) {
      if (message.ruleId !== ruleId) continue;
      const line = locate ? (locate(message.line, message.column)?.line ?? message.line) : message.line;
      const id = `${file}:${line}`;
      if (!sites.has(id)) sites.set(id, { unit: entry.pkg.name, file, line, message: message.message });
    }
  }
  return sites;
}
