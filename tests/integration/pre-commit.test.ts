// The plugin in a pre-commit hook: a git repository whose pre-commit hook runs lint-staged with
// `{"*.{js,mjs,cjs,ts}": "eslint --fix"}` over a flat config using `recommended` from the packed
// plugin; and the repository's `.pre-commit-hooks.yaml` for the pre-commit framework.
import { spawnSync } from 'node:child_process';
import { chmodSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childEnv, createTempProject, ROOT, type LintResult, type ProjectProbe, probeProject, type TempProject } from './temp-project.js';

const LINT_STAGED_CONFIG = { '*.{js,mjs,cjs,ts}': 'eslint --fix' };

const ESLINT_CONFIG = `import eventLoop from 'eslint-plugin-event-loop';
import tsParser from '@typescript-eslint/parser';
import { defineConfig } from 'eslint/config';

export default defineConfig(
  { files: ['**/*.{js,mjs,cjs,ts}'], extends: [eventLoop.configs.recommended] },
  { files: ['**/*.ts'], languageOptions: { parser: tsParser } },
);
`;

/** Only an autofixable problem: blocking `readFileSync` in async code (no-sync-in-async's autofix). */
const AUTOFIXABLE = `import { readFileSync } from 'node:fs';

export async function loadConfig(file) {
  const raw = readFileSync(file, 'utf8');
  return JSON.parse(raw);
}
`;

/** Only problems with suggestions and no autofix, one per rule that has such problems. */
const SUGGESTION_ONLY = `import { existsSync } from 'node:fs';

async function send(message) {
  await fetch('https://mail.internal/send', { method: 'POST', body: message });
}

export async function notifyAll(messages, lockFile) {
  if (existsSync(lockFile)) return;
  for (const message of messages) {
    await send(message);
  }
  send('done');
}
`;
const SUGGESTION_RULES = ['event-loop/no-sync-in-async', 'event-loop/no-sequential-await-in-loop', 'event-loop/floating-task'];

let project: TempProject;
let probe: ProjectProbe;

function git(...args: string[]) {
  const result = spawnSync('git', args, { cwd: project.dir, env: childEnv(), encoding: 'utf8' });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, output: `${result.stdout}${result.stderr}` };
}

function gitOk(...args: string[]): string {
  const result = git(...args);
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed:\n${result.output}`);
  return result.stdout;
}

/** What `eslint --fix` does to a file: the fixed text (or null) and the problems left. */
function fixDryRun(file: string): { output: string | null; remaining: LintResult['messages'] } {
  const result = project.run(process.execPath, [project.path('node_modules/eslint/bin/eslint.js'), '--fix-dry-run', '--format', 'json', file]);
  const [lint] = JSON.parse(result.stdout) as LintResult[];
  return { output: lint?.output ?? null, remaining: lint?.messages ?? [] };
}

beforeAll(() => {
  project = createTempProject('pre-commit', {
    copyExamples: false,
    extraPackages: ['lint-staged'],
    packageJson: { 'lint-staged': LINT_STAGED_CONFIG },
    files: { 'eslint.config.js': ESLINT_CONFIG, '.gitignore': 'node_modules/\n' },
  });
  probe = probeProject(project, ['src/load-config.js']);
  gitOk('init', '--quiet', '--initial-branch=main');
  for (const [key, value] of [['user.name', 'Integration Test'], ['user.email', 'test@example.invalid'], ['commit.gpgsign', 'false'], ['core.hooksPath', '.git/hooks']]) {
    gitOk('config', key as string, value as string);
  }
  // What husky (or a hand-written hook) runs before every commit.
  project.write('.git/hooks/pre-commit', '#!/bin/sh\nnpx lint-staged\n');
  chmodSync(project.path('.git/hooks/pre-commit'), 0o755);
  gitOk('add', 'package.json', 'package-lock.json', 'eslint.config.js', '.gitignore');
  gitOk('commit', '--quiet', '--no-verify', '-m', 'project setup');
}, 180_000);

afterAll(() => project?.remove());

describe('lint-staged pre-commit hook with the packed plugin', () => {
  it('fixes an autofixable problem in the staged file and lets the commit through', () => {
    const file = 'src/load-config.js';
    project.write(file, AUTOFIXABLE);
    const expected = fixDryRun(file);
    expect(expected.remaining).toEqual([]);
    expect(expected.output).toMatch(/const raw = await [\w.]*readFile\(file, 'utf8'\);/);
    const fixed = expected.output ?? AUTOFIXABLE;

    gitOk('add', file);
    const commit = git('commit', '-m', 'load the config');
    expect(commit.status, commit.output).toBe(0);
    expect(gitOk('show', `HEAD:${file}`)).toBe(fixed);
    expect(project.read(file)).toBe(fixed);
    expect(gitOk('status', '--porcelain')).toBe('');
  });

  it('blocks the commit of a file whose problems only have suggestions, and leaves it unchanged', () => {
    const file = 'src/notify.js';
    project.write(file, SUGGESTION_ONLY);
    expect(probe.enabledRules['src/load-config.js']).toEqual(expect.arrayContaining(SUGGESTION_RULES));
    const expected = fixDryRun(file);
    expect(expected.output).toBeNull();
    expect([...new Set(expected.remaining.map((message) => message.ruleId))].sort()).toEqual([...SUGGESTION_RULES].sort());
    for (const message of expected.remaining) {
      expect(message.fix, message.message).toBeUndefined();
      expect(message.suggestions?.length, message.message).toBeGreaterThan(0);
    }
    const head = gitOk('rev-parse', 'HEAD');

    gitOk('add', file);
    const commit = git('commit', '-m', 'notify everyone');
    expect(commit.status, commit.output).not.toBe(0);
    expect(commit.output).toContain('eslint --fix');
    for (const ruleId of SUGGESTION_RULES) expect(commit.output).toContain(ruleId);
    expect(gitOk('rev-parse', 'HEAD')).toBe(head);
    expect(project.read(file)).toBe(SUGGESTION_ONLY);
    expect(gitOk('show', `:${file}`)).toBe(SUGGESTION_ONLY);
  });
});

/** The subset of YAML `.pre-commit-hooks.yaml` uses: a list of flat mappings of scalars and lists of scalars. */
function parseHooksManifest(text: string): Record<string, unknown>[] {
  const scalar = (raw: string): string | boolean => {
    const value = raw.trim();
    if (value === 'true' || value === 'false') return value === 'true';
    const quoted = /^(['"])(.*)\1$/.exec(value);
    return quoted ? (quoted[2] ?? '') : value;
  };
  const hooks: Record<string, unknown>[] = [];
  let listKey: string | null = null;
  for (const [index, line] of text.split('\n').entries()) {
    if (/^\s*(#.*)?$/.test(line)) continue;
    const listItem = /^ {4}- (.+)$/.exec(line);
    if (listItem?.[1] && listKey) {
      (hooks.at(-1)?.[listKey] as unknown[]).push(scalar(listItem[1]));
      continue;
    }
    const entry = /^(- | {2})([a-z_]+):(?: (.*))?$/.exec(line);
    if (!entry?.[2]) throw new Error(`.pre-commit-hooks.yaml line ${index + 1} is outside the subset this test reads: ${line}`);
    if (entry[1] === '- ') hooks.push({});
    const hook = hooks.at(-1);
    if (!hook) throw new Error(`.pre-commit-hooks.yaml line ${index + 1}: a key outside a list item`);
    const value = entry[3]?.trim() ?? '';
    listKey = null;
    if (value === '') {
      hook[entry[2]] = [];
      listKey = entry[2];
    } else if (value.startsWith('[')) {
      hook[entry[2]] = value.replace(/^\[|\]$/g, '').split(',').map((item) => scalar(item)).filter((item) => item !== '');
    } else {
      hook[entry[2]] = scalar(value.replace(/\s+#.*$/, ''));
    }
  }
  return hooks;
}

describe('.pre-commit-hooks.yaml for the pre-commit framework', () => {
  const manifestPath = path.join(ROOT, '.pre-commit-hooks.yaml');

  it('is a valid hooks manifest (pre-commit validate-manifest when installed)', () => {
    // The `pre-commit` command (Debian's package, pipx) or the Python package on the default python3.
    const candidates: [string, string[]][] = [['pre-commit', []], ['python3', ['-m', 'pre_commit']]];
    const reasons: string[] = [];
    const found = candidates.find(([command, prefix]) => {
      const probeRun = spawnSync(command, [...prefix, '--version'], { encoding: 'utf8', env: childEnv() });
      if (probeRun.status === 0) return true;
      reasons.push(`${[command, ...prefix].join(' ')}: ${probeRun.error ? probeRun.error.message : (probeRun.stderr || probeRun.stdout).trim().split('\n').at(-1)}`);
      return false;
    });
    if (found) {
      const [command, prefix] = found;
      const validate = spawnSync(command, [...prefix, 'validate-manifest', manifestPath], { encoding: 'utf8', env: childEnv() });
      expect(validate.status, `${validate.stdout}${validate.stderr}`).toBe(0);
    } else {
      console.warn(
        `pre-commit test: \`pre-commit validate-manifest\` not run: pre-commit is not installed (${reasons.join('; ')}); checking the manifest's shape only. Install it (\`apt-get install pre-commit\` or \`pip install pre-commit\`) to run it.`,
      );
    }
    // pre-commit's required keys and the values this plugin's hook must have.
    const hooks = parseHooksManifest(readFileSync(manifestPath, 'utf8'));
    expect(hooks.length).toBeGreaterThan(0);
    expect(new Set(hooks.map((hook) => hook.id)).size).toBe(hooks.length);
    for (const hook of hooks) {
      for (const key of ['id', 'name', 'entry', 'language']) {
        expect(typeof hook[key], `${String(hook.id)}.${key}`).toBe('string');
        expect(hook[key], `${String(hook.id)}.${key}`).not.toBe('');
      }
      expect(hook.language).toBe('node');
      expect(hook.entry).toBe(LINT_STAGED_CONFIG['*.{js,mjs,cjs,ts}']);
    }
  });

  it('pins the plugin version being released and the ESLint version it is tested with', () => {
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string; devDependencies: Record<string, string> };
    for (const hook of parseHooksManifest(readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8'))) {
      expect(hook.additional_dependencies).toEqual(
        expect.arrayContaining([`${manifest.name}@${manifest.version}`, `eslint@${manifest.devDependencies.eslint ?? ''}`]),
      );
    }
  });
});
