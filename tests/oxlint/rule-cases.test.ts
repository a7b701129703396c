// Every valid and invalid RuleTester case of tests/rules/<rule>.test.ts, plus our own cases, written
// to files and linted by oxlint (our plugin as a JS plugin) and by ESLint with the same options:
// the same problems, and `oxlint --fix` gives what `eslint --fix` gives.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Linter } from 'eslint';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { applyMessageFixes } from '../helpers/apply-fixes.js';
import { OWN_CASES } from './own-cases.js';
import {
  formatProblem,
  makeTempDir,
  PLUGIN_PREFIX,
  removeDir,
  ROOT,
  runOxlint,
  writeOxlintConfig,
  type OxlintRun,
  type Problem,
  type RuleEntry,
} from '../../scripts/lib/oxlint.js';
import { copyToTemp, fixTextWithEslint, loadBuiltPlugin, toEslintProblems, verifyWithEslint } from './oxlint-harness.js';
import { getCaseFiles, getOwnCaseFiles, type CaseFile, type CollectedRun } from './rule-cases.js';

// While a rule's test file is imported, its RuleTester runs only hand their cases over, and its own
// tests are not registered here (they run in that file's own test run).
const collector = vi.hoisted(() => ({ rule: '', runs: [] as unknown[], errors: [] as string[] }));

vi.mock('@typescript-eslint/rule-tester', async (importOriginal) => {
  const original = await importOriginal<Record<string, unknown>>();
  class CollectingRuleTester {
    static afterAll: unknown;
    static describe: unknown;
    static it: unknown;
    static itOnly: unknown;
    static itSkip: unknown;
    readonly config: unknown;
    constructor(config?: unknown) {
      this.config = config ?? {};
    }
    run(title: string, _rule: unknown, cases: { valid: unknown[]; invalid: unknown[] }): void {
      collector.runs.push({ rule: collector.rule, title, testerConfig: this.config, valid: cases.valid, invalid: cases.invalid });
    }
  }
  return { ...original, RuleTester: CollectingRuleTester };
});

vi.mock('vitest', async (importOriginal) => {
  const original = await importOriginal<Record<string, unknown>>();
  // Callable and chainable: `it(...)`, `it.each(table)(...)`, `beforeAll(...)` all do nothing.
  const inert: unknown = new Proxy(() => inert, { get: () => inert, apply: () => inert });
  // `describe` blocks run their body (RuleTester runs inside one are collected), except skipped ones.
  type Body = (...args: unknown[]) => unknown;
  const runBody = (name: unknown, body?: unknown): void => {
    if (typeof body !== 'function') return;
    try {
      (body as Body)();
    } catch (error) {
      collector.errors.push(`tests/rules/${collector.rule}.test.ts, describe ${String(name)}: ${String(error)}`);
    }
  };
  const describe = Object.assign(runBody, {
    only: runBody,
    skip: inert,
    todo: inert,
    skipIf: (condition: unknown) => (condition ? inert : runBody),
    runIf: (condition: unknown) => (condition ? runBody : inert),
    each:
      (table: readonly unknown[]) =>
      (_name: unknown, body: Body): void => {
        for (const row of table) body(...(Array.isArray(row) ? (row as unknown[]) : [row]));
      },
  });
  return { ...original, describe, suite: describe, it: inert, test: inert, beforeAll: inert, afterAll: inert, beforeEach: inert, afterEach: inert };
});

const plugin = await loadBuiltPlugin();
const ruleNames = Object.keys(plugin.rules);

const testFiles: Record<string, string> = {};
for (const rule of ruleNames) {
  const testFile = path.join(ROOT, 'tests', 'rules', `${rule}.test.ts`);
  if (!existsSync(testFile)) continue;
  testFiles[rule] = testFile;
  collector.rule = rule;
  try {
    await import(pathToFileURL(testFile).href);
  } catch (error) {
    collector.errors.push(`tests/rules/${rule}.test.ts: ${String(error)}`);
  }
}
const collectedRuns = collector.runs as CollectedRun[];
const { files: testerCases, skipped } = getCaseFiles(collectedRuns);
const caseFiles: CaseFile[] = [
  ...testerCases,
  ...getOwnCaseFiles(
    Object.fromEntries(Object.entries(OWN_CASES).filter(([rule]) => ruleNames.includes(rule))),
    testerCases.length,
  ),
];

function getRuleEntry(caseFile: CaseFile): Record<string, RuleEntry> {
  const ruleId = `${PLUGIN_PREFIX}/${caseFile.rule}`;
  return { [ruleId]: caseFile.options.length > 0 ? ['error', ...caseFile.options] : 'error' };
}

const tempDirs: string[] = [];
let casesDir = '';
let config = '';
let oxlint: OxlintRun;

/** Cases where ESLint's rule throws (`mode: 'type-aware'` without type information): the error's first line. */
const eslintErrors = new Map<string, string>();
/** The other cases: both linters lint them. */
let lintedCases: CaseFile[] = [];

beforeAll(() => {
  for (const caseFile of caseFiles) {
    try {
      getEslintMessages(caseFile);
    } catch (error) {
      // ESLint prefixes errors thrown by `create` with "Error while loading rule '<id>': ".
      const message = String((error as Error).message).replace(/^Error while loading rule '[^']+': /, '');
      eslintErrors.set(caseFile.file, message.split('\n')[0] ?? '');
    }
  }
  lintedCases = caseFiles.filter((caseFile) => !eslintErrors.has(caseFile.file));
  casesDir = makeTempDir('oxlint-cases');
  tempDirs.push(casesDir);
  mkdirSync(path.join(casesDir, 'cases'));
  for (const caseFile of caseFiles) writeFileSync(path.join(casesDir, 'cases', caseFile.file), caseFile.code);
  // One oxlint run for every case: each file gets its rule and options from its own override.
  config = writeOxlintConfig(casesDir, {
    overrides: caseFiles.map((caseFile) => ({ files: [`cases/${caseFile.file}`], rules: getRuleEntry(caseFile) })),
  });
  oxlint = runOxlint({ cwd: casesDir, config, paths: caseFiles.map((caseFile) => `cases/${caseFile.file}`) });
});

// The fix runs are the slow part (oxlint over every case file, several times): once, up front.
beforeAll(() => {
  fixRuns = runOxlintFixes();
}, 180_000);

afterAll(() => {
  for (const dir of tempDirs) removeDir(dir);
});

const eslintMessages = new Map<string, Linter.LintMessage[]>();
/** ESLint's messages for a case (one `verify`, kept). */
function getEslintMessages(caseFile: CaseFile): Linter.LintMessage[] {
  let messages = eslintMessages.get(caseFile.file);
  if (!messages) {
    messages = verifyWithEslint(plugin, `cases/${caseFile.file}`, caseFile.code, getRuleEntry(caseFile), caseFile.settings);
    eslintMessages.set(caseFile.file, messages);
  }
  return messages;
}

function getEslintProblems(caseFile: CaseFile): Problem[] {
  return toEslintProblems(`cases/${caseFile.file}`, getEslintMessages(caseFile));
}

function getOxlintProblems(caseFile: CaseFile): Problem[] {
  return oxlint.problems.filter((problem) => problem.file === `cases/${caseFile.file}`);
}

function getEslintFixedOnce(caseFile: CaseFile, withSuggestions = false): string {
  return applyMessageFixes(caseFile.code, getEslintMessages(caseFile), { withSuggestions });
}

/** `eslint --fix`; nothing to run when one pass changes nothing. */
function getEslintFixed(caseFile: CaseFile): string {
  if (getEslintFixedOnce(caseFile) === caseFile.code) return caseFile.code;
  return fixTextWithEslint(plugin, `cases/${caseFile.file}`, caseFile.code, getRuleEntry(caseFile), caseFile.settings);
}

interface FixRuns {
  /** After one `oxlint --fix` run. */
  firstPass: Map<string, string>;
  /** After `oxlint --fix` runs until nothing changes. */
  final: Map<string, string>;
  /** After one `oxlint --fix-suggestions` run. */
  suggestions: Map<string, string>;
}
let fixRuns: FixRuns | undefined;

/** Runs `oxlint --fix` (repeatedly) and `--fix-suggestions` (once) over copies of every case file. */
function runOxlintFixes(): FixRuns {
  const paths = lintedCases.map((caseFile) => `cases/${caseFile.file}`);
  const copy = (prefix: string) => {
    const dir = copyToTemp(casesDir, prefix);
    tempDirs.push(dir);
    return dir;
  };
  const read = (dir: string) => new Map(lintedCases.map((caseFile) => [caseFile.file, readFileSync(path.join(dir, 'cases', caseFile.file), 'utf8')]));
  const run = (dir: string, fix: 'fixes' | 'suggestions', files: readonly string[]) => {
    const result = runOxlint({ cwd: dir, config: path.join(dir, '.oxlintrc.json'), paths: files, fix });
    if (result.pluginErrors.length > 0) throw new Error(`oxlint ${fix}: ${JSON.stringify(result.pluginErrors)}`);
  };
  const fixDir = copy('oxlint-cases-fix');
  // oxlint applies one pass of fixes per run, ESLint up to 10 passes per run: run oxlint again on
  // the files the previous run changed, until none changes.
  run(fixDir, 'fixes', paths);
  const firstPass = read(fixDir);
  let final = firstPass;
  let changed = lintedCases.filter((caseFile) => firstPass.get(caseFile.file) !== caseFile.code);
  for (let pass = 1; pass < 10 && changed.length > 0; pass++) {
    run(fixDir, 'fixes', changed.map((caseFile) => `cases/${caseFile.file}`));
    const texts = read(fixDir);
    changed = changed.filter((caseFile) => texts.get(caseFile.file) !== final.get(caseFile.file));
    final = texts;
  }
  const suggestionsDir = copy('oxlint-cases-suggestions');
  run(suggestionsDir, 'suggestions', paths);
  return { firstPass, final, suggestions: read(suggestionsDir) };
}

function getOxlintFixed(caseFile: CaseFile, which: keyof FixRuns): string {
  fixRuns ??= runOxlintFixes();
  return fixRuns[which].get(caseFile.file) ?? '';
}

function describeCase(caseFile: CaseFile): string {
  return `${caseFile.file} from ${caseFile.origin}${caseFile.typed ? ' (typed case, run without types)' : ''}`;
}

describe('RuleTester cases under oxlint', () => {
  it('found the cases of every rule test file', () => {
    // A test file (or a `describe` body in it) that throws on import hides the cases after the throw.
    expect(collector.errors).toEqual([]);
    expect(skipped).toEqual([]);
    for (const rule of Object.keys(testFiles)) {
      expect(collectedRuns.filter((run) => run.rule === rule).length, rule).toBeGreaterThan(0);
      expect(testerCases.filter((caseFile) => caseFile.rule === rule).length, rule).toBeGreaterThan(0);
    }
  });

  it('lints every case file without a parse error, and without a plugin error except where ESLint throws the same error', () => {
    expect(oxlint.stderr).toBe('');
    expect(oxlint.otherErrors).toEqual([]);
    expect(oxlint.numberOfFiles).toBe(caseFiles.length);
    // A rule throws only when asked for type information it cannot have (`mode: 'type-aware'`),
    // in ESLint without type information as in oxlint.
    const pluginErrors = oxlint.pluginErrors.map((error) => `${error.file}: ${/^Error: (.*)$/m.exec(error.message)?.[1] ?? error.message}`);
    expect(pluginErrors.sort()).toEqual([...eslintErrors].map(([file, message]) => `cases/${file}: ${message}`).sort());
  });

  describe.each(ruleNames)('%s', (rule) => {
    const ruleCases = caseFiles.filter((caseFile) => caseFile.rule === rule);
    // Filled in by `beforeAll`: what ESLint could lint, except documented differences.
    const compared = () => ruleCases.filter((caseFile) => caseFile.knownDifference === undefined && !eslintErrors.has(caseFile.file));
    const documented = ruleCases.filter((caseFile) => caseFile.knownDifference !== undefined);

    it('has cases, and each own case reports (or stays clean) under ESLint as it says', () => {
      expect(ruleCases.length).toBeGreaterThan(0);
      const wrong = ruleCases
        .filter((caseFile) => caseFile.clean !== undefined)
        .filter((caseFile) => (getEslintProblems(caseFile).length === 0) !== caseFile.clean)
        .map(describeCase);
      expect(wrong).toEqual([]);
    });

    it('oxlint reports the same problems as ESLint on every case (rule id, line, column, end, message)', () => {
      const differences = compared()
        .map((caseFile) => ({ caseFile, eslint: getEslintProblems(caseFile).map(formatProblem), oxlint: getOxlintProblems(caseFile).map(formatProblem) }))
        .filter(({ eslint, oxlint: viaOxlint }) => JSON.stringify(eslint) !== JSON.stringify(viaOxlint))
        .map(({ caseFile, eslint, oxlint: viaOxlint }) =>
          [describeCase(caseFile), `  eslint: ${eslint.join('\n          ')}`, `  oxlint: ${viaOxlint.join('\n          ')}`].join('\n'),
        );
      expect(differences).toEqual([]);
    });

    it('one oxlint --fix run applies the fixes one ESLint fix pass applies', () => {
      const differences = compared()
        .filter((caseFile) => getEslintProblems(caseFile).length > 0)
        .map((caseFile) => ({ caseFile, eslint: getEslintFixedOnce(caseFile), oxlint: getOxlintFixed(caseFile, 'firstPass') }))
        .filter(({ eslint, oxlint: viaOxlint }) => eslint !== viaOxlint)
        .map(({ caseFile, eslint, oxlint: viaOxlint }) => `${describeCase(caseFile)}\n--- eslint, one pass:\n${eslint}\n--- oxlint --fix:\n${viaOxlint}`);
      expect(differences).toEqual([]);
    });

    it('one oxlint --fix-suggestions run applies, per report, the fix or else the first suggestion ESLint gives', () => {
      const differences = compared()
        .filter((caseFile) => getEslintProblems(caseFile).length > 0)
        .map((caseFile) => ({ caseFile, eslint: getEslintFixedOnce(caseFile, true), oxlint: getOxlintFixed(caseFile, 'suggestions') }))
        .filter(({ eslint, oxlint: viaOxlint }) => eslint !== viaOxlint)
        .map(({ caseFile, eslint, oxlint: viaOxlint }) => `${describeCase(caseFile)}\n--- eslint, fixes and first suggestions:\n${eslint}\n--- oxlint --fix-suggestions:\n${viaOxlint}`);
      expect(differences).toEqual([]);
    });

    it('oxlint --fix run until nothing changes writes what eslint --fix writes', () => {
      const differences = compared()
        .filter((caseFile) => getEslintProblems(caseFile).length > 0)
        .map((caseFile) => ({ caseFile, eslint: getEslintFixed(caseFile), oxlint: getOxlintFixed(caseFile, 'final') }))
        .filter(({ eslint, oxlint: viaOxlint }) => eslint !== viaOxlint)
        .map(({ caseFile, eslint, oxlint: viaOxlint }) => `${describeCase(caseFile)}\n--- eslint --fix:\n${eslint}\n--- oxlint --fix (repeated):\n${viaOxlint}`);
      expect(differences).toEqual([]);
    });

    // Only rules with documented differences get this test.
    if (documented.length === 0) return;
    it('documented oxlint differences are still there', () => {
      const gone = documented
        .filter(
          (caseFile) =>
            JSON.stringify(getEslintProblems(caseFile)) === JSON.stringify(getOxlintProblems(caseFile)) &&
            getEslintFixed(caseFile) === getOxlintFixed(caseFile, 'final'),
        )
        .map((caseFile) => `${describeCase(caseFile)}: ${caseFile.knownDifference ?? ''}`);
      expect(gone).toEqual([]);
    });
  });
});
