import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';
import plugin from '../../index.js';
import { rules } from '../../src/rules/index.js';

const ROOT = join(import.meta.dirname, '..', '..');

/** Every rule on, with its `allOptions` when it has them, so the most messages can fire. */
function getAllRulesConfig(): Linter.RulesRecord {
  return Object.fromEntries(
    Object.entries(rules).map(([name, rule]) => {
      const allOptions = (rule.meta.docs as { allOptions?: unknown[] } | undefined)?.allOptions;
      return [`event-loop/${name}`, allOptions ? ['error', ...allOptions] : 'error'];
    }),
  );
}

function lint(code: string, filename: string, rulesConfig: Linter.RulesRecord = getAllRulesConfig()): Linter.LintMessage[] {
  const linter = new Linter({ configType: 'flat' });
  const typescript = /\.[cm]?tsx?$/u.test(filename);
  return linter.verify(
    code,
    {
      files: ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'],
      plugins: { 'event-loop': plugin },
      languageOptions: {
        sourceType: filename.endsWith('.cjs') ? 'commonjs' : 'module',
        ecmaVersion: 'latest',
        ...(typescript ? { parser: tsParser } : {}),
      },
      rules: rulesConfig,
    },
    filename,
  );
}

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

/** Snippets that reach the blocking rules' messages and suggestions, including the ones examples/ does not. */
const SNIPPETS: { name: string; code: string; rules?: Linter.RulesRecord }[] = [
  { name: 'sync I/O in an async function', code: "import fs from 'fs';\nexport async function load(p) { return fs.readFileSync(p, 'utf8'); }" },
  { name: 'existsSync (a suggestion)', code: "import fs from 'fs';\nexport async function has(p) { return fs.existsSync(p); }" },
  { name: 'execSync (a suggestion)', code: "import { execSync } from 'child_process';\nexport async function run(c) { execSync(c); }" },
  { name: 'sync I/O in a map callback', code: "import fs from 'fs';\nexport async function all(ps) { return ps.map((p) => fs.readFileSync(p)); }" },
  { name: 'sync I/O on a route', code: "import fs from 'fs';\napp.get('/r', (req, res) => res.send(fs.readFileSync('x')));" },
  {
    name: 'sync I/O in a Koa handler',
    code: "import Router from '@koa/router';\nimport fs from 'fs';\nconst router = new Router();\nrouter.get('/k', (ctx) => { ctx.body = fs.readFileSync('x'); });",
  },
  { name: 'a busy wait', code: 'export async function wait(ms) { const end = Date.now() + ms; while (Date.now() < end) {} }' },
  { name: 'a busy wait on a route', code: "app.get('/w', (req, res) => { const end = Date.now() + 5; while (Date.now() < end) {} res.end(); });" },
  { name: 'CPU work with a variant', code: "import zlib from 'zlib';\nexport async function pack(b) { return zlib.gzipSync(b); }" },
  { name: 'CPU work on a route', code: "import zlib from 'zlib';\napp.get('/z', (req, res) => res.end(zlib.gzipSync(b)));" },
  {
    name: 'CPU work without a variant',
    code: "import { resizeSync } from 'image-lib';\nexport async function thumb(s) { return resizeSync(s); }\napp.get('/t', (req, res) => res.send(resizeSync(req.query.s)));",
    rules: { 'event-loop/prefer-worker-for-cpu': ['error', { extraFunctions: [{ module: 'image-lib', names: ['resizeSync'] }] }] },
  },
  {
    name: 'loops and workers',
    code: "import { Worker } from 'worker_threads';\nexport async function f(a, b) {\n  for (const x of a) for (const y of b) g(x, y);\n  new Worker('./w.js');\n  for (const x of a) new Worker(x);\n}",
  },
];

describe('messages', () => {
  const checked: string[] = [];

  function expectNoPlaceholders(messages: Linter.LintMessage[], where: string): void {
    for (const message of messages) {
      expect(message.fatal, `${where}: ${message.message}`).not.toBe(true);
      checked.push(`${message.ruleId}:${message.messageId}`);
      expect(message.message, `${where}: ${message.ruleId}`).not.toContain('{{');
      for (const suggestion of message.suggestions ?? []) {
        checked.push(`${message.ruleId}:${suggestion.messageId}`);
        expect(suggestion.desc, `${where}: ${message.ruleId}`).not.toContain('{{');
      }
    }
  }

  it.each(listFiles(join(ROOT, 'examples', 'src')).map((path) => [relative(ROOT, path), path]))('%s renders without placeholders', (_name, path) => {
    expectNoPlaceholders(lint(readFileSync(path, 'utf8'), path), path);
  });

  it.each(SNIPPETS.map((snippet) => [snippet.name, snippet]))('%s renders without placeholders', (_name, snippet) => {
    const messages = lint(snippet.code, 'file.js', snippet.rules ?? getAllRulesConfig());
    expect(messages.length, snippet.name).toBeGreaterThan(0);
    expectNoPlaceholders(messages, snippet.name);
  });

  // Runs after the cases above (vitest runs a file's tests in order).
  it.each(['no-sync-in-async', 'prefer-worker-for-cpu'])('the cases render every message of %s', (name) => {
    const ids = Object.keys(rules[name]?.meta.messages ?? {});
    expect(ids.filter((id) => !checked.includes(`event-loop/${name}:${id}`))).toEqual([]);
  });
});

describe('every message id has a test', () => {
  /** The rule's test file and the files of its test folder, if any. */
  function getTestText(name: string): string {
    const paths = [join(ROOT, 'tests', 'rules', `${name}.test.ts`)];
    const folder = join(ROOT, 'tests', 'rules', name);
    if (existsSync(folder)) paths.push(...listFiles(folder));
    return paths.map((path) => readFileSync(path, 'utf8')).join('\n');
  }

  for (const [name, rule] of Object.entries(rules)) {
    it.each(Object.keys(rule.meta.messages))(`${name}: %s`, (id) => {
      const text = getTestText(name);
      // `messageId: 'id'` in a case, or the id passed to a test helper that builds the case.
      expect(text.includes(`messageId: '${id}'`) || text.includes(`'${id}'`), `${name}'s tests never use ${id}`).toBe(true);
    });
  }
});

describe('blocking rules share the option shape', () => {
  const entries = [
    { module: 'fs-extra', names: ['readJsonSync'], replacement: 'readJson' },
    { module: 'fs-extra', names: ['readJsonSync'], replacement: 'readJson', style: 'promise' },
    { module: 'legacy-lib', names: ['loadSync'], replacement: 'load', style: 'callback' },
    { module: 'image-lib', names: ['resizeSync'] },
  ];

  it.each(['no-sync-in-async', 'prefer-worker-for-cpu'])('%s accepts every extraFunctions entry shape and a dotted allow entry', (name) => {
    const messages = lint('x;', 'file.js', { [`event-loop/${name}`]: ['error', { extraFunctions: entries, allow: ['fs.existsSync', 'node:zlib.gunzipSync'] }] });
    expect(messages).toEqual([]);
  });

  /** ESLint validates options against `meta.schema` and throws with the offending value. */
  function getOptionError(name: string, options: unknown): string {
    try {
      lint('x;', 'file.js', { [`event-loop/${name}`]: ['error', options] });
    } catch (error) {
      return (error as Error).message;
    }
    return '';
  }

  it.each(['no-sync-in-async', 'prefer-worker-for-cpu'])('%s rejects bad options with ESLint\'s error', (name) => {
    expect(getOptionError(name, { allow: ['existsSync'] })).toContain('Value "existsSync" should match pattern "^(?<module>\\S+)\\.(?<member>\\S+)$"');
    expect(getOptionError(name, { reportIn: 'everywhere' })).toContain('Value "everywhere" should match pattern "^(concurrent-paths|async-functions|all-functions)$"');
    expect(getOptionError(name, { extraFunctions: [{ module: 'x', names: ['aSync'], style: 'sync' }] })).toContain(
      'Value "sync" should match pattern "^(callback|promise)$"',
    );
    expect(getOptionError(name, { extraFunctions: [{ module: 'x', names: ['aSync'], asyncName: 'a' }] })).toContain('Unexpected property "asyncName"');
  });

  it.each(['no-sync-in-async', 'prefer-worker-for-cpu'])('%s schema descriptions name the allowed values', (name) => {
    const schema = JSON.stringify(rules[name]?.meta.schema);
    expect(schema).toContain('`module.member`');
    expect(schema).toContain('`fs.existsSync`');
    expect(schema).toMatch(/one of `concurrent-paths`, `async-functions`, `all-functions`/u);
    expect(schema).toMatch(/one of `'promise'`.*or `'callback'`/u);
  });
});
