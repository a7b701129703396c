// Every valid and invalid RuleTester case of tests/rules/<rule>.test.ts, plus our own cases, written
// to files and linted by oxlint (our plugin as a JS plugin) and by ESLint with the same options:
// the same problems, and `oxlint --fix` gives what `eslint --fix` gives.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { OWN_CASES } from './own-cases.js';
import {
  copyToTemp,
  fixTextWithEslint,
  formatProblem,
  lintWithEslint,
  loadBuiltPlugin,
  makeTempDir,
  PLUGIN_PREFIX,
  removeDir,
  ROOT,
  runOxlint,
  writeOxlintConfig,
  type OxlintRun,
  type Problem,
  type RuleEntry,
} from './oxlint-harness.js';
import { getCaseFiles, getOwnCaseFiles, type CaseFile, type CollectedRun } from './rule-cases.js';

// While a rule's test file is imported, its RuleTester runs only hand their cases over, and its own
// `describe`/`it` blocks are not registered here (they run in that file's own test run).
const collector = vi.hoisted(() => ({ rule: '', runs: [] as unknown[] }));

vi.mock('@typescript-eslint/rule-tester', async (importOriginal) => {
  const original = await importOriginal<typeof import('@typescript-eslint/rule-tester')>();
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
  const original = await importOriginal<typeof import('vitest')>();
  // Callable and chainable: `it(...)`, `it.each(table)(...)`, `describe.skip(...)` all do nothing.
  const inert: unknown = new Proxy(() => inert, { get: () => inert, apply: () => inert });
  return { ...original, describe: inert, it: inert, test: inert, suite: inert, beforeAll: inert, afterAll: inert, beforeEach: inert, afterEach: inert };
});

const plugin = await loadBuiltPlugin();
const ruleNames = Object.keys(plugin.rules);

const testFiles: Record<string, string> = {};
for (const rule of ruleNames) {
  const testFile = path.join(ROOT, 'tests', 'rules', `${rule}.test.ts`);
  if (!existsSync(testFile)) continue;
  testFiles[rule] = testFile;
  collector.rule = rule;
  await import(pathToFileURL(testFile).href);
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

beforeAll(() => {
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

afterAll(() => {
  for (const dir of tempDirs) removeDir(dir);
});

const eslintProblems = new Map<string, Problem[]>();
function getEslintProblems(caseFile: CaseFile): Problem[] {
  let problems = eslintProblems.get(caseFile.file);
  if (!problems) {
    problems = lintWithEslint(plugin, `cases/${caseFile.file}`, caseFile.code, getRuleEntry(caseFile), caseFile.settings);
    eslintProblems.set(caseFile.file, problems);
  }
  return problems;
}

function getOxlintProblems(caseFile: CaseFile): Problem[] {
  return oxlint.problems.filter((problem) => problem.file === `cases/${caseFile.file}`);
}

function getEslintFixed(caseFile: CaseFile): string {
  return fixTextWithEslint(plugin, `cases/${caseFile.file}`, caseFile.code, getRuleEntry(caseFile), caseFile.settings);
}

let oxlintFixDir: string | undefined;
/**
 * `oxlint --fix` over a copy of every case file. oxlint applies one pass of fixes per run where
 * ESLint repeats up to 10: run it until nothing changes (at most 10 times).
 */
function getOxlintFixed(caseFile: CaseFile): string {
  if (oxlintFixDir === undefined) {
    const fixDir = copyToTemp(casesDir, 'oxlint-cases-fix');
    tempDirs.push(fixDir);
    const paths = caseFiles.map((other) => `cases/${other.file}`);
    const read = () => paths.map((file) => readFileSync(path.join(fixDir, file), 'utf8')).join('\0');
    for (let pass = 0; pass < 10; pass++) {
      const before = read();
      const run = runOxlint({ cwd: fixDir, config: path.join(fixDir, '.oxlintrc.json'), paths, fix: true });
      if (run.pluginErrors.length > 0) throw new Error(`oxlint --fix: ${JSON.stringify(run.pluginErrors)}`);
      if (read() === before) break;
    }
    oxlintFixDir = fixDir;
  }
  return readFileSync(path.join(oxlintFixDir, 'cases', caseFile.file), 'utf8');
}

function describeCase(caseFile: CaseFile): string {
  return `${caseFile.file} from ${caseFile.origin}${caseFile.typed ? ' (typed case, run without types)' : ''}`;
}

describe('RuleTester cases under oxlint', () => {
  it('found the cases of every rule test file', () => {
    expect(skipped).toEqual([]);
    for (const rule of Object.keys(testFiles)) {
      expect(collectedRuns.filter((run) => run.rule === rule).length, rule).toBeGreaterThan(0);
      expect(testerCases.filter((caseFile) => caseFile.rule === rule).length, rule).toBeGreaterThan(0);
    }
  });

  it('lints every case file without a plugin error or parse error', () => {
    expect(oxlint.stderr).toBe('');
    expect(oxlint.pluginErrors).toEqual([]);
    expect(oxlint.otherErrors).toEqual([]);
    expect(oxlint.numberOfFiles).toBe(caseFiles.length);
  });

  describe.each(ruleNames)('%s', (rule) => {
    const ruleCases = caseFiles.filter((caseFile) => caseFile.rule === rule);
    const compared = ruleCases.filter((caseFile) => caseFile.knownDifference === undefined);
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
      const differences = compared
        .map((caseFile) => ({ caseFile, eslint: getEslintProblems(caseFile).map(formatProblem), oxlint: getOxlintProblems(caseFile).map(formatProblem) }))
        .filter(({ eslint, oxlint: viaOxlint }) => JSON.stringify(eslint) !== JSON.stringify(viaOxlint))
        .map(({ caseFile, eslint, oxlint: viaOxlint }) =>
          [describeCase(caseFile), `  eslint: ${eslint.join('\n          ')}`, `  oxlint: ${viaOxlint.join('\n          ')}`].join('\n'),
        );
      expect(differences).toEqual([]);
    });

    it('oxlint --fix writes what eslint --fix writes', () => {
      const differences = compared
        .filter((caseFile) => getEslintProblems(caseFile).length > 0)
        .filter((caseFile) => getEslintFixed(caseFile) !== getOxlintFixed(caseFile))
        .map((caseFile) => `${describeCase(caseFile)}\n--- eslint --fix:\n${getEslintFixed(caseFile)}\n--- oxlint --fix:\n${getOxlintFixed(caseFile)}`);
      expect(differences).toEqual([]);
    });

    it.runIf(documented.length > 0)('documented oxlint differences are still there', () => {
      const gone = documented
        .filter(
          (caseFile) =>
            JSON.stringify(getEslintProblems(caseFile)) === JSON.stringify(getOxlintProblems(caseFile)) &&
            getEslintFixed(caseFile) === getOxlintFixed(caseFile),
        )
        .map((caseFile) => `${describeCase(caseFile)}: ${caseFile.knownDifference ?? ''}`);
      expect(gone).toEqual([]);
    });
  });
});
