// Every config snippet of the README, unchanged, in a project made the way a user makes one
// (`npm init -y` writes "type": "commonjs"), with the packed plugin, on ESLint 10 and on the
// lowest supported ESLint 9. Each must lint examples/-style code and report exactly the
// `// expect:` markers of the files it covers. A snippet is marked in the README by a comment
// `<!-- readme-test: {...} -->` right before its code fence; a config snippet without one fails.
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actualProblems, expectedProblems } from '../../scripts/expected-problems.js';
import { runOxlint } from '../../scripts/lib/oxlint.js';
import { createTempProject, ROOT, type LintResult, type TempProject } from './temp-project.js';

interface SnippetSpec {
  /** The config file the snippet is saved as. */
  file: string;
  /** Which files the config covers: JavaScript only, or every file. */
  lints: 'js' | 'all';
  /** The project has TypeScript files beyond examples/: `.mts`, `.cts` and a root config file outside tsconfig. */
  typescript?: boolean;
  /** A JavaScript project typed through a tsconfig with `allowJs`: a dropped promise of a function of another file. */
  javascript?: boolean;
  /** The project has test files that the config must leave alone. */
  tests?: boolean;
  /** The snippet is an oxlint config. */
  oxlint?: boolean;
}

interface Snippet extends SnippetSpec {
  line: number;
  code: string;
}

const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const LOWEST_ESLINT_9 = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { config: { eslint9: string[] } }).config.eslint9[0] ?? '9';

function readSnippets(text: string): Snippet[] {
  const snippets: Snippet[] = [];
  const pattern = /<!-- readme-test: (\{.*?\}) -->\n```\w*\n([\s\S]*?)```/g;
  for (const match of text.matchAll(pattern)) {
    const line = text.slice(0, match.index).split('\n').length;
    snippets.push({ ...(JSON.parse(match[1] ?? '{}') as SnippetSpec), line, code: match[2] ?? '' });
  }
  return snippets;
}

const SNIPPETS = readSnippets(README);
const EXAMPLES_TSCONFIG = readFileSync(path.join(ROOT, 'examples', 'tsconfig.json'), 'utf8');

/** Files a user adds to a TypeScript project that the examples do not have. */
const TYPESCRIPT_FILES: Record<string, string> = {
  'src/jobs.mts': "async function purge(): Promise<void> {\n  throw new Error('not yet');\n}\n\nexport function start(): void {\n  purge(); // expect: event-loop/floating-task\n}\n",
  'src/legacy.cts': "async function flush(): Promise<void> {\n  throw new Error('not yet');\n}\n\nexport function stop(): void {\n  flush(); // expect: event-loop/floating-task\n}\n",
  'vitest.config.ts': 'export default { test: { include: ["test/**/*.test.ts"] } };\n',
  // The project's own tsconfig covers all of src/ (.mts and .cts too); the root config file stays outside it.
  'tsconfig.json': `${JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', types: ['node'], strict: true, noEmit: true, skipLibCheck: true }, include: ['src'] }, null, 2)}\n`,
};

/** A JavaScript project with a tsconfig that has `allowJs`: its routes drop promises of functions in another file. */
const JAVASCRIPT_FILES: Record<string, string> = {
  'src/jobs.mjs':
    "export async function notify(id) {\n  await fetch(`https://mail.example/notify/${id}`, { method: 'POST' });\n}\n\nexport async function notifyQuietly(id) {\n  try {\n    await notify(id);\n  } catch (error) {\n    console.error(error);\n  }\n}\n",
  'src/routes.mjs':
    "import { notify, notifyQuietly } from './jobs.mjs';\n\nexport function onOrder(order) {\n  notify(order.customerId); // expect: event-loop/floating-task\n  notifyQuietly(order.customerId);\n}\n",
};
const JAVASCRIPT_TSCONFIG = `${JSON.stringify({ compilerOptions: { allowJs: true, noEmit: true, target: 'ES2022', module: 'NodeNext', types: ['node'], skipLibCheck: true }, include: ['src'] }, null, 2)}\n`;

/** A test file with the shapes tests have on purpose: fixtures read synchronously, steps in order. */
const TEST_FILES: Record<string, string> = {
  'test/orders.test.js':
    "import { readFileSync } from 'node:fs';\n\nexport async function seed(db, names) {\n  const rows = JSON.parse(readFileSync('test/rows.json', 'utf8'));\n  for (const name of names) await db.insert(name, rows);\n}\n",
};

function listFiles(dir: string, relative = ''): string[] {
  return readdirSync(path.join(dir, relative), { withFileTypes: true }).flatMap((entry) => {
    const child = path.join(relative, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : listFiles(dir, child);
    return [child];
  });
}

function prepare(project: TempProject, snippet: Snippet): string[] {
  for (const name of ['eslint.config.js', 'eslint.config.mjs', 'eslint.config.cjs', '.oxlintrc.json']) rmSync(project.path(name), { force: true });
  for (const name of [...Object.keys(TYPESCRIPT_FILES), ...Object.keys(JAVASCRIPT_FILES), ...Object.keys(TEST_FILES)]) rmSync(project.path(name), { force: true });
  project.write('tsconfig.json', snippet.javascript ? JAVASCRIPT_TSCONFIG : EXAMPLES_TSCONFIG);
  if (snippet.javascript) for (const [name, text] of Object.entries(JAVASCRIPT_FILES)) project.write(name, text);
  if (snippet.typescript) for (const [name, text] of Object.entries(TYPESCRIPT_FILES)) project.write(name, text);
  if (snippet.tests) for (const [name, text] of Object.entries(TEST_FILES)) project.write(name, text);
  project.write(snippet.file, snippet.code);
  const covered = snippet.lints === 'js' ? /\.[cm]?js$/ : /\.[cm]?[jt]sx?$/;
  return listFiles(project.dir)
    .filter((file) => covered.test(file) && !file.startsWith('eslint.config'))
    .map((file) => project.path(file));
}

function lintWithEslint(project: TempProject, snippet: Snippet): { expected: string[]; actual: string[]; stderr: string } {
  const files = prepare(project, snippet);
  const run = project.run('npx', ['eslint', '--format', 'json', '.'], { timeoutMs: 180_000 });
  const results = run.stdout.trim() ? (JSON.parse(run.stdout) as LintResult[]) : [];
  return { expected: expectedProblems(files, project.dir), actual: actualProblems(results, project.dir), stderr: run.stderr };
}

describe('README config snippets', () => {
  it('marks every config snippet that loads the plugin, so none goes untested', () => {
    const fences = [...README.matchAll(/(<!-- readme-test: .*? -->\n)?```(\w*)\n([\s\S]*?)```/g)];
    const unmarked = fences.filter((match) => !match[1] && /eslint-plugin-event-loop/.test(match[3] ?? '') && /(defineConfig|configs\.|jsPlugins)/.test(match[3] ?? ''));
    expect(unmarked.map((match) => (match[3] ?? '').split('\n')[0])).toEqual([]);
    expect(SNIPPETS.length).toBeGreaterThanOrEqual(6);
  });

  describe.each([
    ['ESLint 10', undefined],
    [`ESLint ${LOWEST_ESLINT_9}`, LOWEST_ESLINT_9],
  ])('%s', (_label, eslintVersion) => {
    let project: TempProject;
    beforeAll(() => {
      project = createTempProject('readme', {
        packageJson: { type: 'commonjs' },
        extraPackages: ['oxlint'],
        ...(eslintVersion ? { versions: { eslint: eslintVersion } } : {}),
      });
    }, 300_000);
    afterAll(() => project.remove());

    const eslintSnippets = SNIPPETS.filter((snippet) => !snippet.oxlint);
    it.each(eslintSnippets.map((snippet) => [`README.md:${snippet.line} (${snippet.file})`, snippet] as const))(
      '%s reports exactly the expected problems',
      (_name, snippet) => {
        const { expected, actual, stderr } = lintWithEslint(project, snippet);
        expect(expected.length).toBeGreaterThan(0);
        expect(actual, stderr).toEqual(expected);
      },
      180_000,
    );

    if (!eslintVersion) {
      it.each(SNIPPETS.filter((snippet) => snippet.oxlint).map((snippet) => [`README.md:${snippet.line}`, snippet] as const))(
        '%s (oxlint) reports the rules of the markers',
        (_name, snippet) => {
          const files = prepare(project, snippet);
          const paths = files.map((file) => path.relative(project.dir, file));
          const run = runOxlint({ cwd: project.dir, config: project.path(snippet.file), paths });
          expect(run.pluginErrors).toEqual([]);
          const expectedRules = new Set(expectedProblems(files, project.dir).map((key) => key.split(' ')[1]));
          expect(new Set(run.problems.map((problem) => problem.ruleId))).toEqual(expectedRules);
        },
        180_000,
      );
    }
  });
});
