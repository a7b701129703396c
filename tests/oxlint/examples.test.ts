// oxlint (JS plugin API) and ESLint run our rules over examples/: same problems, same --fix output.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rules as sourceRules } from '../../src/rules/index.js';
import {
  formatProblem,
  listSourceFiles,
  makeTempDir,
  PLUGIN_PREFIX,
  removeDir,
  ROOT,
  runOxlint,
  writeOxlintConfig,
  type RuleEntry,
} from '../../scripts/lib/oxlint.js';
import { copyToTemp, fixWithEslint, lintWithEslint, loadBuiltPlugin, readFiles } from './oxlint-harness.js';

const EXAMPLES = path.join(ROOT, 'examples');

const plugin = await loadBuiltPlugin();
const ruleNames = Object.keys(plugin.rules);
/** Every rule of the built plugin, default options: what `jsPlugins` + `"event-loop/<rule>": "error"` gives. */
const allRules: Record<string, RuleEntry> = Object.fromEntries(ruleNames.map((name) => [`${PLUGIN_PREFIX}/${name}`, 'error']));
const files = listSourceFiles(EXAMPLES);
const tempDirs: string[] = [];

function tempDir(prefix: string, copyOf?: string): string {
  const dir = copyOf ? copyToTemp(copyOf, prefix) : makeTempDir(prefix);
  tempDirs.push(dir);
  return dir;
}

afterAll(() => {
  for (const dir of tempDirs) removeDir(dir);
});

describe('the built plugin under test', () => {
  it('has the rules of src/rules/index.ts (dist/ is current)', () => {
    expect(ruleNames).toEqual(Object.keys(sourceRules));
  });
});

describe('oxlint with our rules over examples/', () => {
  let configDir: string;
  let oxlint: ReturnType<typeof runOxlint>;

  beforeAll(() => {
    configDir = tempDir('oxlint-config');
    const config = writeOxlintConfig(configDir, { rules: allRules });
    oxlint = runOxlint({ cwd: EXAMPLES, config, paths: files });
  });

  it('loads the plugin by package name, runs only our rules and lints every file without a plugin error', () => {
    expect(oxlint.stderr).toBe('');
    expect(oxlint.pluginErrors).toEqual([]);
    expect(oxlint.otherErrors).toEqual([]);
    expect(oxlint.numberOfRules).toBe(ruleNames.length);
    expect(oxlint.numberOfFiles).toBe(files.length);
  });

  it('reports the same problems as ESLint (rule id, line, column, end, message)', () => {
    const eslint = files.flatMap((file) => lintWithEslint(plugin, file, readFileSync(path.join(EXAMPLES, file), 'utf8'), allRules));
    expect(oxlint.problems.map(formatProblem)).toEqual(eslint.map(formatProblem));
  });

  it('reports exactly the problems the `// expect:` markers announce (what `npm run demo` checks for ESLint)', () => {
    const markers = files.flatMap((file) =>
      readFileSync(path.join(EXAMPLES, file), 'utf8')
        .split('\n')
        .flatMap((line, index) => [...line.matchAll(/\/\/ expect: ([\w/-]+)/g)].map((match) => `${file}:${index + 1} ${match[1] ?? ''}`)),
    );
    expect(markers.length).toBeGreaterThan(0);
    const reported = oxlint.problems.map((problem) => `${problem.file}:${problem.line} ${problem.ruleId}`);
    expect(reported.sort()).toEqual(markers.sort());
  });
});

describe('oxlint --fix over a copy of examples/', () => {
  it('writes the same files as eslint --fix', async () => {
    const configDir = tempDir('oxlint-config');
    const config = writeOxlintConfig(configDir, { rules: allRules });
    const viaOxlint = tempDir('oxlint-fix', EXAMPLES);
    const viaEslint = tempDir('eslint-fix', EXAMPLES);

    await fixWithEslint(plugin, viaEslint, files, allRules);
    // One run, as a user runs it (oxlint applies one pass of fixes per run, ESLint up to 10:
    // tests/oxlint/rule-cases.test.ts compares passes; the examples need only one).
    const run = runOxlint({ cwd: viaOxlint, config, paths: files, fix: 'fixes' });
    expect(run.pluginErrors).toEqual([]);

    const eslintFixed = readFiles(viaEslint, files);
    expect(readFiles(viaOxlint, files)).toEqual(eslintFixed);
    // The comparison means something only when the rules fixed something.
    expect(eslintFixed).not.toEqual(readFiles(EXAMPLES, files));
  });
});
