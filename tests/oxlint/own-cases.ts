// Our own cases per rule for the oxlint comparison: program shapes where oxlint's JS plugin API
// could differ from ESLint's (non-ASCII text before a report, directives, CommonJS, TypeScript
// syntax, JSX, decorators, `using`, class fields, top-level await, `.js`/`.ts` files without
// import or export). Both linters lint each case; what ESLint reports and fixes is the expectation.

/**
 * `extension` fixes how both linters parse the file: `.mjs`/`.mts` modules, `.cjs`/`.cts` CommonJS,
 * `.tsx` TypeScript with JSX; `.js` and `.ts` are modules for ESLint but, without `import`/`export`,
 * scripts for oxlint 1.94 (see `knownDifference`).
 */
export interface OwnCase {
  code: string;
  extension: '.mjs' | '.cjs' | '.js' | '.mts' | '.cts' | '.ts' | '.tsx';
  options?: readonly unknown[];
  /** ESLint reports nothing here (a case that checks oxlint reports nothing either). */
  clean?: true;
  /**
   * Why oxlint's result differs from ESLint's here, for a documented oxlint difference: the test
   * then asserts the results still differ, so the note goes away when oxlint changes.
   */
  knownDifference?: string;
}

const lines = (...parts: string[]): string => parts.join('\n');

/** oxlint 1.94 has no `sourceType` setting and parses `.js`/`.ts` files without `import`/`export` as scripts. */
export const SCRIPT_PARSE =
  'oxlint 1.94 parses a .js/.ts file without import/export as a script (ESLint: a module), so top-level `await` is not legal there';

export const OWN_CASES: Record<string, OwnCase[]> = {
  'no-sync-in-async': [
    {
      // Non-ASCII text before the report on the same line: oxlint's CLI counts UTF-8 bytes.
      extension: '.mjs',
      code: lines("import fs from 'node:fs';", "export async function load() { const name = 'äöü😀'; return fs.readFileSync(name, 'utf8'); }"),
    },
    {
      // A directive and no import or require yet: the new `require` goes after `'use strict'`.
      extension: '.cjs',
      code: lines("'use strict';", 'exports.wait = async (shared) => { Atomics.wait(shared, 0, 0, 10); };'),
    },
    {
      extension: '.cjs',
      code: lines("'use strict';", "const { readFileSync, existsSync } = require('fs');", 'module.exports = async function load(p) {', '  if (!existsSync(p)) return null;', "  return readFileSync(p, 'utf8');", '};'),
    },
    {
      extension: '.mts',
      code: lines(
        "import { readFileSync } from 'node:fs';",
        'function logged(_target: unknown, _key: string) {}',
        'export class Store {',
        '  #cache = new Map<string, string>();',
        '  @logged',
        '  async get(key: string): Promise<string> {',
        "    await using handle = { async [Symbol.asyncDispose]() {} };",
        "    return this.#cache.get(key) ?? readFileSync(key, 'utf8');",
        '  }',
        '}',
      ),
    },
    {
      extension: '.tsx',
      code: lines(
        "import { readFileSync } from 'node:fs';",
        'export async function Page({ file }: { file: string }) {',
        "  const text = readFileSync(file, 'utf8');",
        '  return <main>{text}</main>;',
        '}',
      ),
    },
    {
      extension: '.cts',
      code: lines("import fs = require('fs');", 'export async function read(p: string) {', '  return fs.readFileSync(p);', '}'),
    },
    {
      // Top-level await module: the option reports top-level blocking calls.
      extension: '.mjs',
      options: [{ checkTopLevelAwaitModules: true, checkArrayCallbacks: true }],
      code: lines(
        "import fs from 'node:fs';",
        "const config = JSON.parse(fs.readFileSync('config.json', 'utf8'));",
        'await Promise.resolve(config);',
        'export async function all(files) { return files.map((file) => fs.readFileSync(file)); }',
      ),
    },
    {
      // A `.js` file without import/export that requires: CommonJS style for both.
      extension: '.js',
      code: lines("const fs = require('fs');", 'async function load(p) {', '  return fs.readFileSync(p);', '}', 'module.exports = { load };'),
    },
    {
      extension: '.mjs',
      code: lines(
        "import { execSync } from 'node:child_process';",
        'export async function build() {',
        "  const started = Date.now(); while (Date.now() - started < 50) {}",
        "  return execSync('make', { encoding: 'utf8' });",
        '}',
      ),
    },
    {
      extension: '.mjs',
      clean: true,
      code: lines("import fs from 'node:fs';", "const defaults = fs.readFileSync('d.json');", 'export function load() { return fs.readFileSync(defaults); }'),
    },
  ],
  'prefer-worker-for-cpu': [
    {
      extension: '.mjs',
      code: lines("import crypto from 'node:crypto';", "export async function hash(pw, salt) { const tag = '🔐'; return [tag, crypto.pbkdf2Sync(pw, salt, 1e5, 32, 'sha256')]; }"),
    },
    {
      // A directive and no require: `promisify` is required after `'use strict'`.
      extension: '.cjs',
      code: lines("'use strict';", "exports.gzip = async (data) => require('node:zlib').gzipSync(data);"),
    },
    {
      extension: '.cts',
      code: lines("'use strict';", "import zlib = require('zlib');", 'export async function pack(data: Buffer): Promise<Buffer> {', '  return zlib.gzipSync(data);', '}'),
    },
    {
      extension: '.mts',
      code: lines(
        "import { scryptSync } from 'node:crypto';",
        'export class Vault {',
        '  static readonly rounds = 2;',
        '  async derive(pw: string, salt: string): Promise<Buffer> {',
        '    return scryptSync(pw, salt, 64) satisfies Buffer;',
        '  }',
        '}',
      ),
    },
    {
      extension: '.mjs',
      options: [{ checkLoops: true, checkWorkerPerCall: true }],
      code: lines(
        'export async function score(rows) {',
        '  let total = 0;',
        '  for (const a of rows) { for (const b of rows) { for (const c of rows) { total += a * b * c; } } }',
        '  return total;',
        '}',
      ),
    },
    {
      extension: '.mjs',
      clean: true,
      code: lines("import crypto from 'node:crypto';", "function hashAtStartup() { return crypto.pbkdf2Sync('a', 'b', 1, 32, 'sha256'); }", 'export const key = hashAtStartup();'),
    },
  ],
  'floating-task': [
    {
      extension: '.mjs',
      code: lines(
        "import { writeFile } from 'node:fs/promises';",
        "export function handle() { const label = 'naïve 😀'; fetch(label); }",
        "export async function later(url) { const task = fetch(url); await writeFile('a', 'b'); await task; }",
      ),
    },
    {
      extension: '.mjs',
      options: [{ autofix: 'await' }],
      code: lines(
        "import { writeFile } from 'node:fs/promises';",
        'export async function handle(items) {',
        '  fetch(items[0]);',
        '  items.forEach(async (item) => { await fetch(item); });',
        '  Promise.all(items.map((item) => fetch(item)));',
        '  fetch(items[1]).then((response) => response.json());',
        "  writeFile('x', 'y');",
        '}',
      ),
    },
    {
      extension: '.cjs',
      code: lines("'use strict';", "const fsp = require('fs/promises');", "module.exports = function handle(item) { fsp.writeFile('log', item); };"),
    },
    {
      extension: '.mts',
      code: lines(
        'function logged(_target: unknown, _key: string) {}',
        'export class Service {',
        '  #url = "https://example.com";',
        '  @logged',
        '  run(): void {',
        '    fetch(this.#url as string);',
        '    fetch(this.#url)!;',
        '  }',
        '  async close(): Promise<void> {',
        '    await using connection = { async [Symbol.asyncDispose]() {} };',
        '    const task = fetch(this.#url) satisfies Promise<Response>;',
        '    await connection[Symbol.asyncDispose]();',
        '    await task;',
        '  }',
        '}',
      ),
    },
    {
      extension: '.tsx',
      code: lines("export function Button() { return <button onClick={() => { fetch('/track'); }}>go</button>; }"),
    },
    {
      // Top level of a file with no import/export: ESLint (module) adds `await`, oxlint (script) cannot.
      extension: '.js',
      options: [{ autofix: 'await' }],
      code: lines("fetch('https://example.com');"),
      knownDifference: SCRIPT_PARSE,
    },
    {
      extension: '.mjs',
      options: [{ autofix: 'await' }],
      code: lines("fetch('https://example.com');", 'export {};'),
    },
    {
      extension: '.mjs',
      clean: true,
      code: lines('export async function handle(url) { await fetch(url); void fetch(url); return fetch(url); }'),
    },
  ],
  'no-sequential-await-in-loop': [
    {
      extension: '.mjs',
      code: lines(
        'async function getUser(id) { return id; }',
        'export async function users(ids) {',
        "  const out = []; const note = 'ünïcödé 😀';",
        '  for (const id of ids) { out.push(await getUser(id)); }',
        '  return [note, out];',
        '}',
      ),
    },
    {
      extension: '.mjs',
      options: [{ autofix: true }],
      code: lines(
        'async function getUser(id) { return id; }',
        'export async function users(ids) {',
        '  const out = [];',
        '  for (const id of ids) {',
        '    const user = await getUser(id);',
        '    out.push(user);',
        '  }',
        '  return out;',
        '}',
      ),
    },
    {
      extension: '.mjs',
      options: [{ autofix: true, concurrency: { import: 'p-map', name: 'pMap', limit: 4 } }],
      code: lines(
        "import { log } from './log.js';",
        'async function getUser(id) { return id; }',
        'export async function users(ids) {',
        '  const out = [];',
        '  for (const id of ids) {',
        '    out.push(await getUser(id));',
        '  }',
        '  log(out);',
        '  return out;',
        '}',
      ),
    },
    {
      extension: '.cjs',
      options: [{ autofix: true, concurrency: { import: 'p-map', name: 'pMap', limit: 4 } }],
      code: lines(
        "'use strict';",
        'async function getUser(id) { return id; }',
        'module.exports = async function users(ids) {',
        '  const out = [];',
        '  for (const id of ids) {',
        '    out.push(await getUser(id));',
        '  }',
        '  return out;',
        '};',
      ),
    },
    {
      extension: '.mts',
      code: lines(
        'interface User { id: string }',
        'declare function getUser(id: string): Promise<User>;',
        'export async function users(ids: readonly string[]): Promise<User[]> {',
        '  const out: User[] = [];',
        '  for (const id of ids) {',
        '    const user = await getUser(id as string);',
        '    out.push(user!);',
        '  }',
        '  return out;',
        '}',
      ),
    },
    {
      extension: '.mjs',
      clean: true,
      code: lines(
        'export async function pages(fetchPage) {',
        '  const ids = []; let cursor;',
        '  do { const page = await fetchPage(cursor); ids.push(...page.ids); cursor = page.next; } while (cursor);',
        '  return ids;',
        '}',
      ),
    },
  ],
};
