import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import plugin from '../index.js';
import { rules } from '../src/rules/index.js';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const examples = path.join(root, 'examples');
const packageJson = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { name: string; version: string };

describe('plugin object', () => {
  it('names itself after package.json', () => {
    expect(plugin.meta).toEqual({ name: packageJson.name, version: packageJson.version, namespace: 'event-loop' });
  });

  it('exposes exactly the rules of the rule map', () => {
    expect(Object.keys(plugin.rules)).toEqual(Object.keys(rules));
  });

  it('is what the built package gives to `import` by name', async () => {
    const built = (await import('eslint-plugin-event-loop')) as { default: typeof plugin };
    expect(built.default.meta).toEqual(plugin.meta);
    expect(Object.keys(built.default.rules)).toEqual(Object.keys(plugin.rules));
  });

  it('is what `require()` returns from CommonJS (Node 20.19+ require(esm))', () => {
    const script = [
      "const plugin = require('eslint-plugin-event-loop');",
      'console.log(JSON.stringify({ name: plugin.meta.name, rules: Object.keys(plugin.rules), configs: Object.keys(plugin.configs), isDefault: plugin.default === undefined }));',
    ].join('\n');
    const output = execFileSync(process.execPath, ['--input-type=commonjs', '-e', script], { cwd: root, encoding: 'utf8' });
    const required = JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>;
    expect(required).toEqual({ name: packageJson.name, rules: Object.keys(rules), configs: Object.keys(plugin.configs), isDefault: true });
  });
});

describe('configs', () => {
  const configs = Object.entries(plugin.configs);

  it.each(configs)('%s is named, registers the same plugin object and only known rules', (name, config) => {
    expect(config.name).toBe(`event-loop/${name}`);
    expect(config.plugins?.['event-loop']).toBe(plugin);
    for (const ruleId of Object.keys(config.rules ?? {})) {
      expect(ruleId.startsWith('event-loop/')).toBe(true);
      expect(Object.keys(rules)).toContain(ruleId.slice('event-loop/'.length));
    }
  });

  it.each(configs)('%s is plain data besides the plugin reference', (_name, config) => {
    const data = { ...config, plugins: undefined };
    expect(structuredClone(data)).toEqual(data);
  });

  it('derives levels from rule metadata', () => {
    const recommendedIds = Object.entries(rules)
      .filter(([, rule]) => rule.meta.docs?.recommended === 'recommended' && rule.meta.docs.requiresTypeChecking !== true)
      .map(([name]) => `event-loop/${name}`);
    expect(Object.keys(plugin.configs.recommended.rules ?? {})).toEqual(recommendedIds);
    expect(Object.keys(plugin.configs.all.rules ?? {})).toEqual(Object.keys(rules).map((name) => `event-loop/${name}`));
    expect(plugin.configs['recommended-type-checked'].languageOptions?.parserOptions).toEqual({ projectService: true });
    expect(plugin.configs['disable-type-checked'].languageOptions?.parserOptions).toMatchObject({ projectService: false, project: false });
  });
});

describe('configs in a real ESLint', () => {
  it.each(['recommended', 'strict', 'all'] as const)('%s lints examples/ and fires every rule it enables', async (name) => {
    const config = plugin.configs[name];
    const eslint = new ESLint({
      cwd: examples,
      overrideConfigFile: true,
      overrideConfig: [{ files: ['**/*.{js,cjs}'], ...config }],
    });
    const results = await eslint.lintFiles(['src/**/*.{js,cjs}']);
    const fired = new Set(results.flatMap((result) => result.messages.map((message) => message.ruleId)));
    expect(results.flatMap((result) => result.messages.filter((message) => message.fatal))).toEqual([]);
    // floating-task and no-sequential-await-in-loop examples live in the TypeScript file; JS covers the rest.
    for (const ruleId of Object.keys(config.rules ?? {})) {
      if (['event-loop/floating-task', 'event-loop/no-sequential-await-in-loop'].includes(ruleId)) continue;
      expect([...fired]).toContain(ruleId);
    }
  });

  it('recommended-type-checked lints the TypeScript examples with type information', async () => {
    const eslint = new ESLint({ cwd: examples });
    const results = await eslint.lintFiles(['src/**/*.ts']);
    const fired = results.flatMap((result) => result.messages.map((message) => message.ruleId));
    expect(fired).toEqual(expect.arrayContaining(Object.keys(rules).filter((name) => ['floating-task', 'no-sequential-await-in-loop'].includes(name)).map((name) => `event-loop/${name}`)));
  });
});

describe('ESLint CLI', () => {
  const runCli = (...args: string[]): unknown => {
    const eslintBin = path.join(root, 'node_modules', 'eslint', 'bin', 'eslint.js');
    try {
      return JSON.parse(execFileSync(process.execPath, [eslintBin, '--format', 'json', ...args, '.'], { cwd: examples, encoding: 'utf8' }));
    } catch (error) {
      // Exit code 1 means "problems found"; the JSON report is still on stdout.
      return JSON.parse((error as { stdout: string }).stdout);
    }
  };
  const problems = (report: unknown) =>
    (report as ESLint.LintResult[])
      .flatMap((result) => result.messages.map((message) => `${path.relative(examples, result.filePath)}:${message.line}:${message.column} ${message.ruleId} ${message.message}`))
      .sort();

  it('reports the same problems with --concurrency=2 as single-threaded', () => {
    const single = problems(runCli());
    expect(single.length).toBeGreaterThan(0);
    expect(problems(runCli('--concurrency=2'))).toEqual(single);
  });
});

describe('public types', () => {
  it("type-check a user's eslint.config.ts with defineConfig", () => {
    const file = path.join(root, 'tests', 'fixtures', 'config-types', 'eslint.config.ts');
    const program = ts.createProgram([file], {
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      types: ['node'],
    });
    const diagnostics = ts.getPreEmitDiagnostics(program).map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    expect(diagnostics).toEqual([]);
  });
});
