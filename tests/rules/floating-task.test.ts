import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import tsPlugin from '@typescript-eslint/eslint-plugin';
import * as tsParser from '@typescript-eslint/parser';
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import { Linter } from 'eslint';
import * as espree from 'espree';
import { describe, expect, it } from 'vitest';
import rule, { type MessageIds, type Options } from '../../src/rules/floating-task.js';
import { commonjs, runWithBothParsers, runWithTypes, tsRuleTester } from '../helpers/rule-tester.js';

type Valid = ValidTestCase<Options> | string;
type Invalid = InvalidTestCase<MessageIds, Options>;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fixturesDir = path.join(root, 'tests/fixtures');

/** A local async function that can reject, used by most cases (line 1 of their code). */
const LOAD = "async function load() { throw new Error('boom'); }\n";
// ---------------------------------------------------------------------------------------------
// Cases that mean the same with and without type information.
// ---------------------------------------------------------------------------------------------

const sharedValid: Valid[] = [
  // Awaited, returned, voided, handled.
  `${LOAD}async function main() { await load(); }`,
  `${LOAD}function main() { return load(); }`,
  `${LOAD}void load();`,
  `${LOAD}load().catch(() => {});`,
  `${LOAD}load().then(() => {}, (error) => console.error(error));`,
  `${LOAD}load().catch(console.error).finally(() => {});`,
  `${LOAD}load().then(async () => { await load(); }).catch(() => {});`,
  `${LOAD}function main(state) { state.pending = load(); }`,
  // An async function whose whole body is a try/catch that does not rethrow cannot reject.
  `${LOAD}async function safe() { try { await load(); } catch (error) { console.error(error); } }\nsafe();`,
  `${LOAD}async function safe() { let value = null; try { value = await load(); } catch { return null; } return value; }\nsafe();`,
  `${LOAD}class Flusher { async flush() { try { await load(); } catch (error) { this.failed = error; } } run() { this.flush(); } }`,
  `${LOAD}(async () => { try { await load(); } catch (error) { console.error(error); process.exitCode = 1; } })();`,
  // Helpers that return `p.catch(noop)`.
  `${LOAD}function quiet() { return load().catch(() => {}); }\nquiet();`,
  `${LOAD}async function quiet() { return load().catch(() => {}); }\nquiet();`,
  `${LOAD}const quiet = () => load().catch(() => {});\nquiet();`,
  // A function that returns a promise only without a callback, and a handled one at that.
  `${LOAD}function close(cb) { if (cb) { cb(); return; } return load().catch(() => {}); }\nclose();\nclose(() => {});`,
  // Promises that only ever resolve.
  'new Promise((resolve) => setTimeout(resolve, 10));',
  `${LOAD}Promise.allSettled([load()]);`,
  'Promise.resolve();',
  "import { setTimeout as sleep } from 'node:timers/promises';\nsleep(10);",
  // Not promises.
  'async function* lines() { yield 1; }\nlines();',
  'function sync() { return 1; }\nsync();',
  'function fetch() {}\nfetch("/api");',
  'const Promise = { all() {} };\nPromise.all([]);',
  'async function load() { throw new Error("boom"); }\nfunction main(load) { load(); }',
  // allowFunctions, and the test runner's functions by default.
  { code: `${LOAD}load();`, options: [{ allowFunctions: ['load'] }] },
  "import { describe, it } from 'node:test';\ndescribe('suite', () => { it('works', async () => {}); });",
  // ignoreIIFE
  { code: `${LOAD}(async () => { await load(); })();`, options: [{ ignoreIIFE: true }] },
  // Tasks that are observed in time.
  `${LOAD}async function main() { const t = load(); prepare(); await t; }`,
  `${LOAD}async function main() { const a = load(); const b = load(); await Promise.all([a, b]); }`,
  `${LOAD}async function main() { const t = load(); t.catch(() => {}); await other(); await t; }`,
  `${LOAD}async function main() { const t = load(); await null; await t; }`,
  `${LOAD}function main() { const t = load(); track(t); }`,
  `${LOAD}function main() { const t = load(); return t; }`,
  `${LOAD}function main() { const t = load(); return () => t; }`,
  `${LOAD}function main() { const t = load(); return { t }; }`,
  `${LOAD}export const ready = load();`,
  `${LOAD}const ready = load();\nexport { ready };`,
  `${LOAD}const ready = load();\nmodule.exports = ready;`,
  // Orders the analysis cannot be sure of stay silent: branches, loop back edges, closures.
  `${LOAD}async function main(c) { const t = load(); if (c) { await t; } else { await other(); await t; } }`,
  `${LOAD}async function main() { let t = load(); for (let i = 0; i < 3; i++) { await t; t = load(); } }`,
  `${LOAD}async function main() { const t = load(); const get = () => t; await other(); await get(); }`,
  // Collections of plain values, and promises awaited as they are stored.
  `${LOAD}async function main(xs) { const out = []; for (const x of xs) { out.push(x * 2); await load(); } return out; }`,
  `${LOAD}async function main(xs) { const running = []; for (const x of xs) { running.push(load(x)); if (running.length >= 4) await Promise.race(running); } await Promise.all(running); }`,
  `${LOAD}async function main(xs) { const ps = xs.map(async (x) => load(x)); await Promise.all(ps); }`,
  `${LOAD}async function main(xs) { const ps = []; for (const x of xs) { try { check(x); } catch { continue; } ps.push(load(x)); } await Promise.all(ps); }`,
  // Callbacks whose return value is used, or that cannot reject.
  'function main(xs) { xs.forEach((x) => console.log(x)); }',
  "function main(emitter) { emitter.on('data', (chunk) => console.log(chunk)); }",
  `${LOAD}function main(emitter) { emitter.on('data', async (chunk) => { try { await load(chunk); } catch (error) { console.error(error); } }); }`,
  `${LOAD}setTimeout(async () => { try { await load(); } catch {} }, 10);`,
  "function main(emitter) { emitter.on('data'); emitter.on(async () => {}); }",
  `${LOAD}async function main(xs) { await Promise.all(xs.map(async (x) => load(x))); }`,
  // Real-code shapes that look floating but cannot reject (or the rule cannot tell).
  'async function run(callback) { callback(); }',
  `${LOAD}async function tick(state) { if (state.closed) return; state.running = true; try { await load(); } catch (error) { console.error(error); } state.running = false; state.next?.(); }\ntick({});`,
  `${LOAD}async function onError(error) { broken = true; if (retry) { try { await load(); } catch {} } else { console.error(error); } }\nlet broken = false, retry = true;\nprocess.on('warning', onError);`,
  'async function mark(state) { state.done = true; }\nmark({});',
  'function enqueue(queue) { (async () => { await Promise.resolve(); if (queue.size > 0) queue.dequeue()(); })(); }',
  `${LOAD}async function read() { try { return await load(); } catch (error) { return String(error); } }\nread();`,
  `${LOAD}async function main() { let reject; const done = new Promise((resolve, fail) => { reject = fail; }); await load().catch(() => {}); reject(new Error('x')); await done; }`,
];

const sharedInvalid: Invalid[] = [
  // Functions that can reject although they catch: rethrow, await outside the try, unawaited return, rejected return.
  {
    code: `${LOAD}async function f() { try { await load(); } catch (error) { console.error(error); throw error; } }\nf();`,
    errors: [{ messageId: 'floating', line: 3, suggestions: [
      { messageId: 'suggestAwait', output: `${LOAD}async function f() { try { await load(); } catch (error) { console.error(error); throw error; } }\nawait f();` },
      { messageId: 'suggestVoid', output: `${LOAD}async function f() { try { await load(); } catch (error) { console.error(error); throw error; } }\nvoid f();` },
    ] }],
    output: null,
  },
  {
    code: `${LOAD}async function f() { await load(); try { await load(); } catch {} }\nfunction main() { f(); }`,
    errors: [{ messageId: 'floating', suggestions: [{ messageId: 'suggestVoid', output: `${LOAD}async function f() { await load(); try { await load(); } catch {} }\nfunction main() { void f(); }` }] }],
    output: null,
  },
  {
    code: `${LOAD}async function f() { try { return load(); } catch { return null; } }\nfunction main() { f(); }`,
    errors: [{ messageId: 'floating', suggestions: [{ messageId: 'suggestVoid', output: `${LOAD}async function f() { try { return load(); } catch { return null; } }\nfunction main() { void f(); }` }] }],
    output: null,
  },
  {
    code: `${LOAD}async function f() { try { await load(); } catch (error) { return Promise.reject(error); } }\nfunction main() { f(); }`,
    errors: [{ messageId: 'floating', suggestions: [{ messageId: 'suggestVoid', output: `${LOAD}async function f() { try { await load(); } catch (error) { return Promise.reject(error); } }\nfunction main() { void f(); }` }] }],
    output: null,
  },
  // A promise whose reject is wired to an event can reject while another await runs.
  {
    code: `${LOAD}async function main(stream) {\n  const done = new Promise((resolve, reject) => { stream.on('error', reject); stream.on('end', resolve); });\n  await load();\n  await done;\n}`,
    errors: [{ messageId: 'lateAwait', data: { name: 'done', line: '4' }, line: 3, suggestions: [
      { messageId: 'suggestPromiseAll', output: `${LOAD}async function main(stream) {\n  const done = new Promise((resolve, reject) => { stream.on('error', reject); stream.on('end', resolve); });\n  await Promise.all([done, load()]);\n}` },
    ] }],
    output: null,
  },
  {
    code: `${LOAD}async function main() {\n  load();\n}`,
    errors: [
      {
        messageId: 'floating',
        data: { what: '`load()`' },
        line: 3,
        column: 3,
        endLine: 3,
        endColumn: 10,
        suggestions: [
          { messageId: 'suggestAwait', output: `${LOAD}async function main() {\n  await load();\n}` },
          { messageId: 'suggestVoid', output: `${LOAD}async function main() {\n  void load();\n}` },
        ],
      },
    ],
    output: null,
  },
  // Module top level: top-level await is legal in an ES module.
  {
    code: `${LOAD}load();`,
    errors: [
      {
        messageId: 'floating',
        line: 2,
        column: 1,
        suggestions: [
          { messageId: 'suggestAwait', output: `${LOAD}await load();` },
          { messageId: 'suggestVoid', output: `${LOAD}void load();` },
        ],
      },
    ],
    output: null,
  },
  // ...but not in CommonJS or a sync function.
  {
    code: `${LOAD}load();`,
    languageOptions: commonjs,
    errors: [{ messageId: 'floating', suggestions: [{ messageId: 'suggestVoid', output: `${LOAD}void load();` }] }],
    output: null,
  },
  {
    code: `${LOAD}function main() { load(); }`,
    errors: [{ messageId: 'floating', suggestions: [{ messageId: 'suggestVoid', output: `${LOAD}function main() { void load(); }` }] }],
    output: null,
  },
  // catchHandler adds a `.catch(handler)` suggestion.
  {
    code: `${LOAD}function main() { load(); }`,
    options: [{ catchHandler: 'reportError' }],
    errors: [
      {
        messageId: 'floating',
        suggestions: [
          { messageId: 'suggestVoid', output: `${LOAD}function main() { void load(); }` },
          { messageId: 'suggestCatch', data: { handler: 'reportError' }, output: `${LOAD}function main() { load().catch(reportError); }` },
        ],
      },
    ],
    output: null,
  },
  // autofix: 'await' turns the await suggestion into a fix where await is legal.
  {
    code: `${LOAD}async function main() { load(); }`,
    options: [{ autofix: 'await' }],
    errors: [{ messageId: 'floating', suggestions: [{ messageId: 'suggestVoid', output: `${LOAD}async function main() { void load(); }` }] }],
    output: `${LOAD}async function main() { await load(); }`,
  },
  {
    code: `${LOAD}function main() { load(); }`,
    options: [{ autofix: 'await' }],
    errors: [{ messageId: 'floating', suggestions: [{ messageId: 'suggestVoid', output: `${LOAD}function main() { void load(); }` }] }],
    output: null,
  },
  // Local async functions: declarations, variables, methods through this / new C() / C.m() / obj.m().
  {
    code: 'const save = async () => { throw new Error("x"); };\nfunction main() { save(); }',
    errors: [{ messageId: 'floating', data: { what: '`save()`' }, suggestions: [{ messageId: 'suggestVoid', output: 'const save = async () => { throw new Error("x"); };\nfunction main() { void save(); }' }] }],
    output: null,
  },
  {
    code: `${LOAD}class Repo {\n  async save() { await load(); }\n  run() { this.save(); }\n}`,
    errors: [{ messageId: 'floating', data: { what: '`this.save()`' }, line: 4, column: 11, suggestions: [{ messageId: 'suggestVoid', output: `${LOAD}class Repo {\n  async save() { await load(); }\n  run() { void this.save(); }\n}` }] }],
    output: null,
  },
  {
    code: `${LOAD}class Base { async save() { await load(); } }\nclass Repo extends Base { run() { this.save(); } }`,
    errors: [{ messageId: 'floating', suggestions: [{ messageId: 'suggestVoid', output: `${LOAD}class Base { async save() { await load(); } }\nclass Repo extends Base { run() { void this.save(); } }` }] }],
    output: null,
  },
  {
    code: `${LOAD}class Queue { async #flush() { await load(); } push() { this.#flush(); } }`,
    errors: [{ messageId: 'floating', data: { what: '`this.#flush()`' }, suggestions: [{ messageId: 'suggestVoid', output: `${LOAD}class Queue { async #flush() { await load(); } push() { void this.#flush(); } }` }] }],
    output: null,
  },
  {
    code: `${LOAD}class Poller { tick = async () => { await load(); }; start() { this.tick(); } }`,
    errors: [{ messageId: 'floating', suggestions: [{ messageId: 'suggestVoid', output: `${LOAD}class Poller { tick = async () => { await load(); }; start() { void this.tick(); } }` }] }],
    output: null,
  },
  {
    code: `${LOAD}class Repo { async save() { await load(); } static async open() { await load(); } }\nfunction main() { new Repo().save(); Repo.open(); const repo = new Repo(); repo.save(); }`,
    errors: [
      { messageId: 'floating', data: { what: '`new Repo().save()`' }, column: 19, suggestions: [{ messageId: 'suggestVoid', output: `${LOAD}class Repo { async save() { await load(); } static async open() { await load(); } }\nfunction main() { void new Repo().save(); Repo.open(); const repo = new Repo(); repo.save(); }` }] },
      { messageId: 'floating', data: { what: '`Repo.open()`' }, column: 38, suggestions: [{ messageId: 'suggestVoid', output: `${LOAD}class Repo { async save() { await load(); } static async open() { await load(); } }\nfunction main() { new Repo().save(); void Repo.open(); const repo = new Repo(); repo.save(); }` }] },
      { messageId: 'floating', data: { what: '`repo.save()`' }, column: 76, suggestions: [{ messageId: 'suggestVoid', output: `${LOAD}class Repo { async save() { await load(); } static async open() { await load(); } }\nfunction main() { new Repo().save(); Repo.open(); const repo = new Repo(); void repo.save(); }` }] },
    ],
    output: null,
  },
  {
    code: `${LOAD}const store = { async sync() { await load(); }, start() { this.sync(); } };\nfunction main() { store.sync(); }`,
    errors: [
      { messageId: 'floating', data: { what: '`this.sync()`' }, line: 2, suggestions: [{ messageId: 'suggestVoid', output: `${LOAD}const store = { async sync() { await load(); }, start() { void this.sync(); } };\nfunction main() { store.sync(); }` }] },
      { messageId: 'floating', data: { what: '`store.sync()`' }, line: 3, suggestions: [{ messageId: 'suggestVoid', output: `${LOAD}const store = { async sync() { await load(); }, start() { this.sync(); } };\nfunction main() { void store.sync(); }` }] },
    ],
    output: null,
  },
  // Promise-returning modules, whatever the import spelling.
  {
    code: "import { readFile } from 'node:fs/promises';\nfunction main() { readFile('a.txt'); }",
    errors: [{ messageId: 'floating', data: { what: '`readFile()`' }, suggestions: [{ messageId: 'suggestVoid', output: "import { readFile } from 'node:fs/promises';\nfunction main() { void readFile('a.txt'); }" }] }],
    output: null,
  },
  {
    code: "import fs from 'node:fs';\nfunction main() { fs.promises.rm('dir', { recursive: true }); }",
    errors: [{ messageId: 'floating', data: { what: '`fs.promises.rm()`' }, suggestions: [{ messageId: 'suggestVoid', output: "import fs from 'node:fs';\nfunction main() { void fs.promises.rm('dir', { recursive: true }); }" }] }],
    output: null,
  },
  {
    code: "const fsp = require('fs/promises');\nfunction main() { fsp.writeFile('a', 'b'); }",
    languageOptions: commonjs,
    errors: [{ messageId: 'floating', suggestions: [{ messageId: 'suggestVoid', output: "const fsp = require('fs/promises');\nfunction main() { void fsp.writeFile('a', 'b'); }" }] }],
    output: null,
  },
  {
    code: "import * as dns from 'node:dns/promises';\nimport { once } from 'node:events';\nimport { setTimeout as sleep } from 'node:timers/promises';\nfunction main(emitter, signal) { dns.lookup('example.org'); once(emitter, 'ready'); sleep(10, undefined, { signal }); }",
    errors: [
      { messageId: 'floating', data: { what: '`dns.lookup()`' }, column: 34, suggestions: [{ messageId: 'suggestVoid', output: "import * as dns from 'node:dns/promises';\nimport { once } from 'node:events';\nimport { setTimeout as sleep } from 'node:timers/promises';\nfunction main(emitter, signal) { void dns.lookup('example.org'); once(emitter, 'ready'); sleep(10, undefined, { signal }); }" }] },
      { messageId: 'floating', data: { what: '`once()`' }, column: 61, suggestions: [{ messageId: 'suggestVoid', output: "import * as dns from 'node:dns/promises';\nimport { once } from 'node:events';\nimport { setTimeout as sleep } from 'node:timers/promises';\nfunction main(emitter, signal) { dns.lookup('example.org'); void once(emitter, 'ready'); sleep(10, undefined, { signal }); }" }] },
      { messageId: 'floating', data: { what: '`sleep()`' }, column: 85, suggestions: [{ messageId: 'suggestVoid', output: "import * as dns from 'node:dns/promises';\nimport { once } from 'node:events';\nimport { setTimeout as sleep } from 'node:timers/promises';\nfunction main(emitter, signal) { dns.lookup('example.org'); once(emitter, 'ready'); void sleep(10, undefined, { signal }); }" }] },
    ],
    output: null,
  },
  // Objects that promise functions create: FileHandle, Response, readline Interface.
  {
    code: "import { open } from 'node:fs/promises';\nasync function main() { const file = await open('a'); file.close(); }",
    errors: [{ messageId: 'floating', data: { what: '`file.close()`' }, suggestions: [
      { messageId: 'suggestAwait', output: "import { open } from 'node:fs/promises';\nasync function main() { const file = await open('a'); await file.close(); }" },
      { messageId: 'suggestVoid', output: "import { open } from 'node:fs/promises';\nasync function main() { const file = await open('a'); void file.close(); }" },
    ] }],
    output: null,
  },
  {
    code: "async function main() { const response = await fetch('/api'); response.json(); fetch('/ping'); }",
    errors: [
      { messageId: 'floating', data: { what: '`response.json()`' }, column: 63, suggestions: [
        { messageId: 'suggestAwait', output: "async function main() { const response = await fetch('/api'); await response.json(); fetch('/ping'); }" },
        { messageId: 'suggestVoid', output: "async function main() { const response = await fetch('/api'); void response.json(); fetch('/ping'); }" },
      ] },
      { messageId: 'floating', data: { what: '`fetch()`' }, column: 80, suggestions: [
        { messageId: 'suggestAwait', output: "async function main() { const response = await fetch('/api'); response.json(); await fetch('/ping'); }" },
        { messageId: 'suggestVoid', output: "async function main() { const response = await fetch('/api'); response.json(); void fetch('/ping'); }" },
      ] },
    ],
    output: null,
  },
  {
    code: "import readline from 'node:readline/promises';\nfunction main() { const rl = readline.createInterface({ input: process.stdin }); rl.question('Name? '); }",
    errors: [{ messageId: 'floating', data: { what: '`rl.question()`' }, suggestions: [{ messageId: 'suggestVoid', output: "import readline from 'node:readline/promises';\nfunction main() { const rl = readline.createInterface({ input: process.stdin }); void rl.question('Name? '); }" }] }],
    output: null,
  },
  // promisify
  {
    code: "import { promisify } from 'node:util';\nimport { readFile } from 'node:fs';\nconst read = promisify(readFile);\nfunction main() { read('a'); promisify(readFile)('b'); }",
    errors: [
      { messageId: 'floating', data: { what: '`read()`' }, column: 19, suggestions: [{ messageId: 'suggestVoid', output: "import { promisify } from 'node:util';\nimport { readFile } from 'node:fs';\nconst read = promisify(readFile);\nfunction main() { void read('a'); promisify(readFile)('b'); }" }] },
      { messageId: 'floating', data: { what: '`promisify()()`' }, column: 30, suggestions: [{ messageId: 'suggestVoid', output: "import { promisify } from 'node:util';\nimport { readFile } from 'node:fs';\nconst read = promisify(readFile);\nfunction main() { read('a'); void promisify(readFile)('b'); }" }] },
    ],
    output: null,
  },
  // The Promise API.
  {
    code: 'function main() { new Promise((resolve, reject) => reject(new Error("x"))); }',
    errors: [{ messageId: 'floating', data: { what: '`new Promise()`' }, suggestions: [{ messageId: 'suggestVoid', output: 'function main() { void new Promise((resolve, reject) => reject(new Error("x"))); }' }] }],
    output: null,
  },
  {
    code: `${LOAD}function main() { Promise.all([load()]); Promise.reject(new Error('x')); }`,
    errors: [
      { messageId: 'floating', data: { what: '`Promise.all()`' }, suggestions: [{ messageId: 'suggestVoid', output: `${LOAD}function main() { void Promise.all([load()]); Promise.reject(new Error('x')); }` }] },
      { messageId: 'floating', data: { what: '`Promise.reject()`' }, suggestions: [{ messageId: 'suggestVoid', output: `${LOAD}function main() { Promise.all([load()]); void Promise.reject(new Error('x')); }` }] },
    ],
    output: null,
  },
  // .then without a rejection handler, .catch() without an argument, .finally alone.
  {
    code: `${LOAD}function main() { load().then(() => {}); load().catch(); load().finally(() => {}); load().catch(() => {}).then(() => {}); }`,
    errors: [
      { messageId: 'floating', data: { what: '`load().then()`' }, column: 19, suggestions: [{ messageId: 'suggestVoid', output: `${LOAD}function main() { void load().then(() => {}); load().catch(); load().finally(() => {}); load().catch(() => {}).then(() => {}); }` }] },
      { messageId: 'floating', data: { what: '`load().catch()`' }, column: 42, suggestions: [{ messageId: 'suggestVoid', output: `${LOAD}function main() { load().then(() => {}); void load().catch(); load().finally(() => {}); load().catch(() => {}).then(() => {}); }` }] },
      { messageId: 'floating', data: { what: '`load().finally()`' }, column: 58, suggestions: [{ messageId: 'suggestVoid', output: `${LOAD}function main() { load().then(() => {}); load().catch(); void load().finally(() => {}); load().catch(() => {}).then(() => {}); }` }] },
      { messageId: 'floating', data: { what: '`load().catch().then()`' }, column: 84, suggestions: [{ messageId: 'suggestVoid', output: `${LOAD}function main() { load().then(() => {}); load().catch(); load().finally(() => {}); void load().catch(() => {}).then(() => {}); }` }] },
    ],
    output: null,
  },
  // Async IIFE.
  {
    code: `${LOAD}(async () => {\n  await load();\n})();`,
    errors: [{ messageId: 'floating', data: { what: 'this async IIFE' }, line: 2, column: 1, suggestions: [
      { messageId: 'suggestAwait', output: `${LOAD}await (async () => {\n  await load();\n})();` },
      { messageId: 'suggestVoid', output: `${LOAD}void (async () => {\n  await load();\n})();` },
    ] }],
    output: null,
  },
  // Sequences, conditionals and logical expressions.
  {
    code: `${LOAD}async function main(ready) { prepare(), load(); ready ? load() : null; ready && load(); }`,
    errors: [
      { messageId: 'floating', column: 30, suggestions: [
        { messageId: 'suggestAwait', output: `${LOAD}async function main(ready) { prepare(), await load(); ready ? load() : null; ready && load(); }` },
        { messageId: 'suggestVoid', output: `${LOAD}async function main(ready) { prepare(), void load(); ready ? load() : null; ready && load(); }` },
      ] },
      { messageId: 'floating', column: 49, suggestions: [
        { messageId: 'suggestAwait', output: `${LOAD}async function main(ready) { prepare(), load(); await (ready ? load() : null); ready && load(); }` },
        { messageId: 'suggestVoid', output: `${LOAD}async function main(ready) { prepare(), load(); void (ready ? load() : null); ready && load(); }` },
      ] },
      { messageId: 'floating', column: 72, suggestions: [
        { messageId: 'suggestAwait', output: `${LOAD}async function main(ready) { prepare(), load(); ready ? load() : null; await (ready && load()); }` },
        { messageId: 'suggestVoid', output: `${LOAD}async function main(ready) { prepare(), load(); ready ? load() : null; void (ready && load()); }` },
      ] },
    ],
    output: null,
  },
  // ignoreVoid: false
  {
    code: `${LOAD}async function main() { void load(); }`,
    options: [{ ignoreVoid: false }],
    errors: [{ messageId: 'floating', suggestions: [{ messageId: 'suggestAwait', output: `${LOAD}async function main() { await load(); }` }] }],
    output: null,
  },
  // A catch handler after a `(...)` wrapper keeps the previous line's statement separate.
  {
    code: `${LOAD}function main(ready) {\n  prepare()\n  ready && load()\n}`,
    options: [{ catchHandler: 'report' }],
    errors: [{ messageId: 'floating', line: 4, suggestions: [
      { messageId: 'suggestVoid', output: `${LOAD}function main(ready) {\n  prepare()\n  void (ready && load())\n}` },
      { messageId: 'suggestCatch', output: `${LOAD}function main(ready) {\n  prepare()\n  ;(ready && load()).catch(report)\n}` },
    ] }],
    output: null,
  },
  // promiseFunctions: bare names and module members.
  {
    code: "import axios from 'axios';\nfunction main(db) { db.query('select 1'); axios.get('/'); }",
    options: [{ promiseFunctions: ['query', 'axios.get'] }],
    errors: [
      { messageId: 'floating', data: { what: '`db.query()`' }, suggestions: [{ messageId: 'suggestVoid', output: "import axios from 'axios';\nfunction main(db) { void db.query('select 1'); axios.get('/'); }" }] },
      { messageId: 'floating', data: { what: '`axios.get()`' }, suggestions: [{ messageId: 'suggestVoid', output: "import axios from 'axios';\nfunction main(db) { db.query('select 1'); void axios.get('/'); }" }] },
    ],
    output: null,
  },
  // Arrays of promises dropped as a statement.
  {
    code: `${LOAD}async function main(ids) { ids.map(async (id) => load(id)); [load(), load()]; }`,
    errors: [
      { messageId: 'floatingArray', column: 28, suggestions: [
        { messageId: 'suggestAwaitAll', output: `${LOAD}async function main(ids) { await Promise.all(ids.map(async (id) => load(id))); [load(), load()]; }` },
        { messageId: 'suggestVoid', output: `${LOAD}async function main(ids) { void ids.map(async (id) => load(id)); [load(), load()]; }` },
      ] },
      { messageId: 'floatingArray', column: 61, suggestions: [
        { messageId: 'suggestAwaitAll', output: `${LOAD}async function main(ids) { ids.map(async (id) => load(id)); await Promise.all([load(), load()]); }` },
        { messageId: 'suggestVoid', output: `${LOAD}async function main(ids) { ids.map(async (id) => load(id)); void [load(), load()]; }` },
      ] },
    ],
    output: null,
  },
  // Forgotten tasks.
  {
    code: `${LOAD}async function main() {\n  const task = load();\n  prepare();\n}`,
    errors: [{ messageId: 'forgottenTask', data: { name: 'task' }, line: 3, column: 9, endColumn: 22, suggestions: [
      { messageId: 'suggestAwaitTask', data: { text: 'await task;' }, output: `${LOAD}async function main() {\n  const task = load();\n  prepare();\n  await task;\n}` },
      { messageId: 'suggestVoidInit', output: `${LOAD}async function main() {\n  const task = void load();\n  prepare();\n}` },
    ] }],
    output: null,
  },
  {
    code: `${LOAD}async function main() {\n  const task = load();\n  if (task) prepare();\n  return 1;\n}`,
    errors: [{ messageId: 'forgottenTask', suggestions: [
      { messageId: 'suggestAwaitTask', output: `${LOAD}async function main() {\n  const task = load();\n  if (task) prepare();\n  await task;\n  return 1;\n}` },
      { messageId: 'suggestVoidInit', output: `${LOAD}async function main() {\n  const task = void load();\n  if (task) prepare();\n  return 1;\n}` },
    ] }],
    output: null,
  },
  {
    code: `${LOAD}function main() { const task = load(); }`,
    errors: [{ messageId: 'forgottenTask', suggestions: [{ messageId: 'suggestVoidInit', output: `${LOAD}function main() { const task = void load(); }` }] }],
    output: null,
  },
  {
    code: `${LOAD}let task;\ntask = load();`,
    errors: [{ messageId: 'forgottenTask', line: 3, column: 1, suggestions: [
      { messageId: 'suggestAwaitTask', output: `${LOAD}let task;\ntask = load();\nawait task;` },
      { messageId: 'suggestVoidInit', output: `${LOAD}let task;\ntask = void load();` },
    ] }],
    output: null,
  },
  {
    code: `${LOAD}async function main(xs) {\n  const ps = [];\n  for (const x of xs) ps.push(load(x));\n}`,
    errors: [{ messageId: 'forgottenTasks', data: { name: 'ps' }, line: 3, suggestions: [
      { messageId: 'suggestAwaitTask', data: { text: 'await Promise.all(ps);' }, output: `${LOAD}async function main(xs) {\n  const ps = [];\n  for (const x of xs) ps.push(load(x));\n  await Promise.all(ps);\n}` },
    ] }],
    output: null,
  },
  {
    code: `${LOAD}function main(ids) { const pending = ids.map(async (id) => load(id)); console.log(pending.length); }`,
    errors: [{ messageId: 'forgottenTasks', data: { name: 'pending' }, suggestions: [] }],
    output: null,
  },
  // Late await: combined into one Promise.all when both awaits are statements of one block.
  {
    code: `${LOAD}async function main() {\n  const config = load();\n  const db = await connect();\n  const settings = await config;\n  return [db, settings];\n}`,
    errors: [{ messageId: 'lateAwait', data: { name: 'config', line: '4' }, line: 3, column: 9, suggestions: [
      { messageId: 'suggestPromiseAll', output: `${LOAD}async function main() {\n  const config = load();\n  const [settings, db] = await Promise.all([config, connect()]);\n  return [db, settings];\n}` },
    ] }],
    output: null,
  },
  {
    code: `${LOAD}async function main() {\n  const config = load();\n  await connect();\n  await config;\n}`,
    errors: [{ messageId: 'lateAwait', suggestions: [
      { messageId: 'suggestPromiseAll', output: `${LOAD}async function main() {\n  const config = load();\n  await Promise.all([config, connect()]);\n}` },
    ] }],
    output: null,
  },
  // ...otherwise a handler right after the task starts.
  {
    code: `${LOAD}async function main(ready) {\n  const config = load();\n  if (ready) {\n    await connect();\n  }\n  return await config;\n}`,
    errors: [{ messageId: 'lateAwait', data: { name: 'config', line: '5' }, suggestions: [
      { messageId: 'suggestCatchTask', output: `${LOAD}async function main(ready) {\n  const config = load();\n  config.catch(() => {});\n  if (ready) {\n    await connect();\n  }\n  return await config;\n}` },
    ] }],
    output: null,
  },
  {
    code: `${LOAD}async function main(stream) {\n  const config = load();\n  for await (const chunk of stream) console.log(chunk);\n  return config;\n}`,
    errors: [{ messageId: 'lateAwait', data: { name: 'config', line: '4' }, suggestions: [
      { messageId: 'suggestCatchTask', output: `${LOAD}async function main(stream) {\n  const config = load();\n  config.catch(() => {});\n  for await (const chunk of stream) console.log(chunk);\n  return config;\n}` },
    ] }],
    output: null,
  },
  // Top-level await in an ES module.
  {
    code: `${LOAD}const config = load();\nconst db = await connect();\nconst settings = await config;`,
    errors: [{ messageId: 'lateAwait', line: 2, suggestions: [
      { messageId: 'suggestPromiseAll', output: `${LOAD}const config = load();\nconst [settings, db] = await Promise.all([config, connect()]);` },
    ] }],
    output: null,
  },
  // Promises stored in an object or array and awaited after other awaits.
  {
    code: `${LOAD}async function main() {\n  const pending = { user: load(), posts: load() };\n  const settings = await connect();\n  return [settings, await pending.user, await pending.posts];\n}`,
    errors: [{ messageId: 'lateAwaitTasks', data: { name: 'pending', line: '4' }, line: 3, column: 9 }],
    output: null,
  },
  {
    code: `${LOAD}async function main(xs) {\n  const ps = [];\n  for (const x of xs) {\n    ps.push(load(x));\n    await log(x);\n  }\n  return Promise.all(ps);\n}`,
    errors: [{ messageId: 'lateAwaitTasks', data: { name: 'ps', line: '6' }, line: 5, column: 5 }],
    output: null,
  },
  {
    code: `${LOAD}async function main(ids) {\n  const ps = ids.map(async (id) => load(id));\n  await connect();\n  return Promise.all(ps);\n}`,
    errors: [{ messageId: 'lateAwaitTasks', data: { name: 'ps', line: '4' }, line: 3 }],
    output: null,
  },
  // Promises created in a loop that can throw part-way, awaited after it.
  {
    code: `${LOAD}async function main(xs) {\n  const ps = [];\n  for (const x of xs) {\n    if (x < 0) throw new RangeError('negative');\n    ps.push(load(x));\n  }\n  await Promise.all(ps);\n}`,
    errors: [{ messageId: 'loopThrow', data: { name: 'ps', line: '5' }, line: 6, column: 5 }],
    output: null,
  },
  // forEach(async) and other callbacks whose promise is ignored.
  {
    code: `${LOAD}async function main(xs) {\n  xs.forEach(async (x) => {\n    await load(x);\n  });\n}`,
    errors: [{ messageId: 'forEachCallback', line: 3, column: 14, suggestions: [
      { messageId: 'suggestMapAll', output: `${LOAD}async function main(xs) {\n  await Promise.all(xs.map(async (x) => {\n    await load(x);\n  }));\n}` },
      { messageId: 'suggestForOf', output: `${LOAD}async function main(xs) {\n  for (const x of xs) {\n    await load(x);\n  }\n}` },
    ] }],
    output: null,
  },
  {
    code: `${LOAD}async function main(xs) { xs.forEach((x) => load(x)); }`,
    errors: [{ messageId: 'forEachCallback', suggestions: [
      { messageId: 'suggestMapAll', output: `${LOAD}async function main(xs) { await Promise.all(xs.map((x) => load(x))); }` },
      { messageId: 'suggestForOf', output: `${LOAD}async function main(xs) { for (const x of xs) await load(x); }` },
    ] }],
    output: null,
  },
  {
    code: `${LOAD}async function main(xs) { xs.forEach(async function (x) { await this.save(x); }, store); xs.forEach(load); }`,
    errors: [
      { messageId: 'forEachCallback', suggestions: [
        { messageId: 'suggestMapAll', output: `${LOAD}async function main(xs) { await Promise.all(xs.map(async function (x) { await this.save(x); }, store)); xs.forEach(load); }` },
      ] },
      { messageId: 'forEachCallback', suggestions: [] },
    ],
    output: null,
  },
  {
    // Outside an async function the message gives no `await` advice.
    code: `${LOAD}function main(xs) { xs.forEach(async (x) => { await load(x); }); }`,
    errors: [{ messageId: 'forEachCallbackOutsideAsync', suggestions: [] }],
    output: null,
  },
  {
    code: `${LOAD}function main(emitter) {\n  emitter.on('data', async (chunk) => { await load(chunk); });\n  process.on('SIGTERM', async () => { await load(); });\n  setTimeout(async () => { await load(); }, 10);\n}`,
    errors: [
      { messageId: 'voidCallback', data: { callee: '`emitter.on`' }, line: 3, column: 22, suggestions: [
        { messageId: 'suggestTryCatchInside', output: `${LOAD}function main(emitter) {\n  emitter.on('data', async (chunk) => { try { await load(chunk); } catch (error) { console.error(error); } });\n  process.on('SIGTERM', async () => { await load(); });\n  setTimeout(async () => { await load(); }, 10);\n}` },
      ] },
      { messageId: 'voidCallback', data: { callee: '`process.on`' }, line: 4, column: 25, suggestions: [
        { messageId: 'suggestTryCatchInside', output: `${LOAD}function main(emitter) {\n  emitter.on('data', async (chunk) => { await load(chunk); });\n  process.on('SIGTERM', async () => { try { await load(); } catch (error) { console.error(error); } });\n  setTimeout(async () => { await load(); }, 10);\n}` },
      ] },
      { messageId: 'voidCallback', data: { callee: '`setTimeout`' }, line: 5, column: 14, suggestions: [
        { messageId: 'suggestTryCatchInside', output: `${LOAD}function main(emitter) {\n  emitter.on('data', async (chunk) => { await load(chunk); });\n  process.on('SIGTERM', async () => { await load(); });\n  setTimeout(async () => { try { await load(); } catch (error) { console.error(error); } }, 10);\n}` },
      ] },
    ],
    output: null,
  },
  {
    code: `${LOAD}function main() { return new Promise(async (resolve) => { resolve(await load()); }); }`,
    errors: [{ messageId: 'voidCallback', data: { callee: '`new Promise`' }, column: 38, suggestions: [
      { messageId: 'suggestTryCatchInside', output: `${LOAD}function main() { return new Promise(async (resolve) => { try { resolve(await load()); } catch (error) { console.error(error); } }); }` },
    ] }],
    output: null,
  },
];

describe('floating-task', () => {
  runWithBothParsers('floating-task shared', rule, { valid: sharedValid, invalid: sharedInvalid }, { withTypes: true });
});

// ---------------------------------------------------------------------------------------------
// Precision on real code: shapes of well-kept code that look floating but cannot reject, and the
// real problems beside them. Same cases with and without type information.
// ---------------------------------------------------------------------------------------------

const PROJECT_IMPORT = "import { refresh, handled } from './floating-task-project.js';\n";

const precisionValid: Valid[] = [
  // (A chain on a value the rule cannot resolve is reported since issue 16: tests/rules/floating-task/unknown-policy.test.ts.)
  // A chain forwarded into the promise being built, then a cleanup step that cannot reject.
  `function withAbort(work, signal) {
  return new Promise((resolve, reject) => {
    signal.addEventListener('abort', reject);
    Promise.resolve(work).then(resolve, reject).then(() => signal.removeEventListener('abort', reject));
  });
}`,
  // Helpers that hand back a handled promise through a variable and a branch, or nothing at all.
  `function unlock(handle) { handle.unlock(); }
function settle(handle, failed) { const closing = failed ? handle.abort().catch(() => {}) : unlock(handle); return closing; }
function stop(handle) { settle(handle, true).then(() => console.log('stopped')); }`,
  // A pause built from a promise without reject, continued by bookkeeping.
  `function pause(state) { return new Promise((resume) => { state.resume = resume; }).then(() => { state.resume = null; }); }
function start(state, run) { pause(state).then(run); }`,
  // A method with a callback form and a promise form that wraps it: the wrapper rejects only when
  // the callback form reports an error, which the rule cannot see (the chain's root is a method of this class).
  `class Connection {
  destroy(callback) {
    if (!callback) return new Promise((resolve, reject) => this.destroy((error) => (error ? reject(error) : resolve())));
    this.waiting.push(callback);
  }
  flush() { return Promise.resolve(); }
  close() { this.flush().then(() => this.destroy()).then(() => this.emit('closed')); }
}`,
  // An async function that guards the await that can fail and trusts the callback it was given.
  `async function relay(source, target, onTargetEnd) {
  try { await target.closed; } catch {}
  if (onTargetEnd) await onTargetEnd();
  source.destroy();
}
function connect(source, target, onTargetEnd) { source.pipe(target); relay(source, target, onTargetEnd); }`,
  // Deferreds that only resolve, collected in a loop that can throw.
  `async function whenReady(items) {
  const ready = [];
  for (const item of items) {
    if (!item) throw new TypeError('missing item');
    const signal = Promise.withResolvers();
    item.once('ready', signal.resolve);
    ready.push(signal.promise);
  }
  await Promise.all(ready);
}`,
];

const precisionInvalid: Invalid[] = [
  {
    code: 'function shutdown(server) { server.close().then(() => { throw new Error("closed twice"); }); }',
    errors: [{ messageId: 'floating', data: { what: '`server.close().then()`' }, column: 29, suggestions: [
      { messageId: 'suggestVoid', output: 'function shutdown(server) { void server.close().then(() => { throw new Error("closed twice"); }); }' },
    ] }],
    output: null,
  },
  {
    code: `${LOAD}function warm(cache) { cache.ready().then(() => load()); }`,
    errors: [{ messageId: 'floating', line: 2, suggestions: [{ messageId: 'suggestVoid', output: `${LOAD}function warm(cache) { void cache.ready().then(() => load()); }` }] }],
    output: null,
  },
  {
    // Beside a guarded await, an unguarded await of something known to reject still counts.
    code: `${LOAD}async function relay(onEnd) { try { await load(); } catch {} await load(); await onEnd(); }\nfunction connect(onEnd) { relay(onEnd); }`,
    errors: [{ messageId: 'floating', line: 3, suggestions: [
      { messageId: 'suggestVoid', output: `${LOAD}async function relay(onEnd) { try { await load(); } catch {} await load(); await onEnd(); }\nfunction connect(onEnd) { void relay(onEnd); }` },
    ] }],
    output: null,
  },
  {
    // The promise of a deferred that rejects on 'error', kept while something else is awaited.
    code: `async function handshake(socket) {
  const ready = Promise.withResolvers();
  socket.once('error', ready.reject);
  socket.once('ready', ready.resolve);
  const greeting = ready.promise;
  await socket.flushPending();
  return await greeting;
}`,
    errors: [{ messageId: 'lateAwait', data: { name: 'greeting', line: '6' }, line: 5, column: 9, suggestions: [
      { messageId: 'suggestCatchTask', output: `async function handshake(socket) {
  const ready = Promise.withResolvers();
  socket.once('error', ready.reject);
  socket.once('ready', ready.resolve);
  const greeting = ready.promise;
  greeting.catch(() => {});
  await socket.flushPending();
  return await greeting;
}` },
    ] }],
    output: null,
  },
  {
    // The same kind of wrapper dropped on its own is still a promise the rule knows.
    code: 'function end(socket) { new Promise((resolve, reject) => socket.end((error) => (error ? reject(error) : resolve()))); }',
    errors: [{ messageId: 'floating', data: { what: '`new Promise()`' }, suggestions: [
      { messageId: 'suggestVoid', output: 'function end(socket) { void new Promise((resolve, reject) => socket.end((error) => (error ? reject(error) : resolve()))); }' },
    ] }],
    output: null,
  },
  {
    // Deferreds that can reject, collected in a loop that stops at the first bad URL.
    code: `async function fetchAll(urls) {
  const replies = [];
  for (const url of urls) {
    if (!url.startsWith('https:')) throw new TypeError('not https');
    const reply = Promise.withResolvers();
    request(url, (error, body) => (error ? reply.reject(error) : reply.resolve(body)));
    replies.push(reply.promise);
  }
  return Promise.all(replies);
}`,
    errors: [{ messageId: 'loopThrow', data: { name: 'replies', line: '4' }, line: 7, column: 5 }],
    output: null,
  },
];

describe('floating-task precision', () => {
  runWithBothParsers('floating-task precision', rule, { valid: precisionValid, invalid: precisionInvalid }, { withTypes: true });
});

runWithTypes('floating-task precision types', rule, {
  valid: [
    // A function of another file that returns a value its body there does not show to reject
    // (more cases: tests/rules/floating-task/other-file.test.ts).
    `${PROJECT_IMPORT}function main() { handled(); }`,
    // A parameter typed to return void, given a callback that awaits nothing known to reject.
    `${PROJECT_IMPORT}declare function subscribe(listener: () => void): void;\nsubscribe(async () => { await handled(); });`,
    // A \`void | Promise<void>\` function whose promise is already handled.
    `declare const reader: { cancel(): Promise<void>; releaseLock(): void };
function release(): void { reader.releaseLock(); }
function cancel(): Promise<void> { const cancelled = reader.cancel().catch(() => {}); release(); return cancelled; }
function finish(failed: boolean) { const done = failed ? cancel() : release(); return done; }
function terminate(state: { ended: boolean }, failed: boolean): void | Promise<void> { if (state.ended) return; state.ended = true; return finish(failed); }
function main(state: { ended: boolean }) { terminate(state, true); }`,
    // A method that returns a handled promise or a resolved one.
    `class Query {
  #pending: Promise<void> | undefined;
  cancel(): Promise<void> { const pending = this.#pending; return pending ? pending.then(() => {}).catch(() => {}) : Promise.resolve(); }
  destroy(): void { this.cancel(); }
}`,
  ],
  invalid: [
    {
      code: `${PROJECT_IMPORT}declare function remote(): Promise<void>;\nfunction main() { refresh().then(() => remote()); }`,
      errors: [{ messageId: 'floating', line: 3, suggestions: [
        { messageId: 'suggestVoid', output: `${PROJECT_IMPORT}declare function remote(): Promise<void>;\nfunction main() { void refresh().then(() => remote()); }` },
      ] }],
      output: null,
    },
    {
      code: `${PROJECT_IMPORT}declare function remote(): Promise<void>;\ndeclare function subscribe(listener: () => void): void;\nsubscribe(async () => { await refresh(); await remote(); });`,
      errors: [{ messageId: 'voidCallback', data: { callee: '`subscribe`' }, line: 4, column: 11, suggestions: [
        { messageId: 'suggestTryCatchInside', output: `${PROJECT_IMPORT}declare function remote(): Promise<void>;\ndeclare function subscribe(listener: () => void): void;\nsubscribe(async () => { try { await refresh(); await remote(); } catch (error) { console.error(error); } });` },
      ] }],
      output: null,
    },
  ],
});

// ---------------------------------------------------------------------------------------------
// Syntactic mode only (plain JavaScript and TypeScript syntax without types).
// ---------------------------------------------------------------------------------------------

runWithBothParsers('floating-task syntactic', rule, {
  valid: [
    // A later spread may replace the method.
    `${LOAD}const other = {};\nconst store = { async go() { await load(); }, ...other };\nstore.go();`,
    // Nothing says what these return without types.
    'function main(api) { api.load(); }',
    'import { load } from "./api.js";\nload();',
  ],
  invalid: [],
});

tsRuleTester.run('floating-task TypeScript syntax (no types)', rule, {
  valid: [
    'declare function remote(): Promise<void>;\nremote();',
    // Syntax the rule must not trip over.
    `enum Color { Red }
namespace NS { export const x = 1; }
abstract class Shape { abstract area(): number; declare id: string; }
function deco(value: unknown, context: unknown) { return value; }
class Decorated { @deco method() { return Color.Red + NS.x; } }
type T = Promise<void>;
async function main() { using res = { [Symbol.dispose]() {} }; const x = <const>['a']; return [x, res]; }
export = main;`,
    { code: 'const App = () => <button onClick={async () => { await fetch("/x"); }} />;', filename: 'file.tsx', languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } },
  ],
  invalid: [
    {
      code: `${LOAD}async function main() { load() as Promise<void>; load()!; }`,
      errors: [
        { messageId: 'floating', suggestions: [
          { messageId: 'suggestAwait', output: `${LOAD}async function main() { await (load() as Promise<void>); load()!; }` },
          { messageId: 'suggestVoid', output: `${LOAD}async function main() { void (load() as Promise<void>); load()!; }` },
        ] },
        { messageId: 'floating', suggestions: [
          { messageId: 'suggestAwait', output: `${LOAD}async function main() { load() as Promise<void>; await load()!; }` },
          { messageId: 'suggestVoid', output: `${LOAD}async function main() { load() as Promise<void>; void load()!; }` },
        ] },
      ],
      output: null,
    },
    {
      code: `${LOAD}class Repo { private async save(): Promise<void> { await load(); } run(): void { this.save(); } }`,
      errors: [{ messageId: 'floating', suggestions: [{ messageId: 'suggestVoid', output: `${LOAD}class Repo { private async save(): Promise<void> { await load(); } run(): void { void this.save(); } }` }] }],
      output: null,
    },
    {
      code: `${LOAD}function main(): void { const task = load() satisfies Promise<unknown>; }`,
      errors: [{ messageId: 'forgottenTask', suggestions: [{ messageId: 'suggestVoidInit', output: `${LOAD}function main(): void { const task = void (load() satisfies Promise<unknown>); }` }] }],
      output: null,
    },
  ],
});

// ---------------------------------------------------------------------------------------------
// Type-aware mode only.
// ---------------------------------------------------------------------------------------------

const REMOTE = 'declare function remote(): Promise<void>;\n';

runWithTypes('floating-task types', rule, {
  valid: [
    { code: `${REMOTE}remote();`, options: [{ mode: 'syntactic' }] },
    `${REMOTE}remote().catch(() => {});`,
    'declare function close(callback?: () => void): void | Promise<void>;\nclose(() => {});\ndeclare const done: () => void;\nclose(done);',
    `${REMOTE}declare function runAsync(cb: () => Promise<void> | void): void;\nrunAsync(async () => { await remote(); });`,
    `${REMOTE}declare function lazy(): PromiseLike<number>;\nasync function main() { const query = lazy(); await remote(); await query; }`,
    'declare const api: any;\napi.load();',
    'declare function count(): number;\ncount();',
    `${REMOTE}const handler: unknown = () => {};\nremote().catch(handler as () => void);`,
  ],
  invalid: [
    {
      code: `${REMOTE}remote();`,
      errors: [{ messageId: 'floating', data: { what: '`remote()`' }, line: 2, suggestions: [
        { messageId: 'suggestAwait', output: `${REMOTE}await remote();` },
        { messageId: 'suggestVoid', output: `${REMOTE}void remote();` },
      ] }],
      output: null,
    },
    {
      code: `${REMOTE}remote();`,
      options: [{ mode: 'type-aware' }],
      errors: [{ messageId: 'floating', suggestions: [
        { messageId: 'suggestAwait', output: `${REMOTE}await remote();` },
        { messageId: 'suggestVoid', output: `${REMOTE}void remote();` },
      ] }],
      output: null,
    },
    {
      code: 'declare function maybe(): void | Promise<void>;\nfunction main() { maybe(); }',
      errors: [{ messageId: 'floatingMaybe', data: { what: '`maybe()`', type: 'void | Promise<void>' }, suggestions: [
        { messageId: 'suggestVoid', output: 'declare function maybe(): void | Promise<void>;\nfunction main() { void maybe(); }' },
      ] }],
      output: null,
    },
    {
      code: 'declare const obj: { run?: () => Promise<void> };\nfunction main() { obj.run?.(); }',
      errors: [{ messageId: 'floating', suggestions: [{ messageId: 'suggestVoid', output: 'declare const obj: { run?: () => Promise<void> };\nfunction main() { void obj.run?.(); }' }] }],
      output: null,
    },
    {
      code: 'declare const job: { then(ok: () => void): void };\nfunction main() { job; }',
      errors: [{ messageId: 'floating', data: { what: '`job`' }, suggestions: [{ messageId: 'suggestVoid', output: 'declare const job: { then(ok: () => void): void };\nfunction main() { void job; }' }] }],
      output: null,
    },
    {
      code: `${REMOTE}function main() { const notAHandler = 5; remote().catch(notAHandler); }`,
      errors: [{ messageId: 'floating', suggestions: [{ messageId: 'suggestVoid', output: `${REMOTE}function main() { const notAHandler = 5; void remote().catch(notAHandler); }` }] }],
      output: null,
    },
    {
      code: `${REMOTE}declare function run(cb: () => void): void;\nrun(async () => { await remote(); });\nrun(() => remote());`,
      errors: [
        { messageId: 'voidCallback', data: { callee: '`run`' }, line: 3, column: 5, suggestions: [
          { messageId: 'suggestTryCatchInside', output: `${REMOTE}declare function run(cb: () => void): void;\nrun(async () => { try { await remote(); } catch (error) { console.error(error); } });\nrun(() => remote());` },
        ] },
        // An expression body gets its `.catch` inside the callback.
        { messageId: 'voidCallback', data: { callee: '`run`' }, line: 4, column: 5, suggestions: [
          { messageId: 'suggestCatchInside', output: `${REMOTE}declare function run(cb: () => void): void;\nrun(async () => { await remote(); });\nrun(() => remote().catch(console.error));` },
        ] },
      ],
      output: null,
    },
    {
      code: `${REMOTE}declare function remotes(): Promise<void>[];\nfunction main() { remotes(); }`,
      errors: [{ messageId: 'floatingArray', suggestions: [{ messageId: 'suggestVoid', output: `${REMOTE}declare function remotes(): Promise<void>[];\nfunction main() { void remotes(); }` }] }],
      output: null,
    },
    // The test runner's functions are allowed by default; an empty list reports them.
    {
      code: "import { test } from 'node:test';\nfunction main() { test('works', async () => {}); }",
      options: [{ allowFunctions: [] }],
      errors: [{ messageId: 'floating', suggestions: [{ messageId: 'suggestVoid', output: "import { test } from 'node:test';\nfunction main() { void test('works', async () => {}); }" }] }],
      output: null,
    },
  ],
});

// ---------------------------------------------------------------------------------------------
// Modes, options, agreement with @typescript-eslint/no-floating-promises, docs examples.
// ---------------------------------------------------------------------------------------------

const eventLoopPlugin = { rules: { 'floating-task': rule } } as unknown as NonNullable<Linter.Config['plugins']>[string];
const typescriptEslintPlugin = tsPlugin as unknown as NonNullable<Linter.Config['plugins']>[string];

interface LintSetup {
  parser: 'espree' | 'typescript' | 'typed';
  rules: Linter.RulesRecord;
}

function lint(code: string, { parser, rules }: LintSetup): Linter.LintMessage[] {
  const linter = new Linter({ configType: 'flat' });
  const languageOptions: Linter.Config['languageOptions'] =
    parser === 'espree'
      ? { parser: espree, ecmaVersion: 'latest', sourceType: 'module' }
      : parser === 'typescript'
        ? { parser: tsParser, sourceType: 'module' }
        : { parser: tsParser, sourceType: 'module', parserOptions: { projectService: true, tsconfigRootDir: fixturesDir } };
  const config: Linter.Config = {
    files: ['**/*.{js,ts}'],
    plugins: { 'event-loop': eventLoopPlugin, '@typescript-eslint': typescriptEslintPlugin },
    languageOptions,
    rules,
  };
  const filename = parser === 'espree' ? path.join(fixturesDir, 'file.js') : path.join(fixturesDir, 'file.ts');
  return linter.verify(code, config, filename);
}

describe('floating-task modes and options', () => {
  it('fails with the parser-services error when mode is type-aware without type information', () => {
    for (const parser of ['espree', 'typescript'] as const) {
      expect(() => lint('f();', { parser, rules: { 'event-loop/floating-task': ['error', { mode: 'type-aware' }] } })).toThrow(
        /requires type information/u,
      );
    }
  });

  it('uses types in auto mode when the parser has them, and not in syntactic mode', () => {
    const code = 'declare function remote(): Promise<void>;\nremote();';
    const ids = (options: Options[0], parser: LintSetup['parser']) =>
      lint(code, { parser, rules: { 'event-loop/floating-task': ['error', options] } }).map((message) => message.messageId);
    expect(ids({}, 'typed')).toEqual(['floating']);
    expect(ids({ mode: 'syntactic' }, 'typed')).toEqual([]);
    expect(ids({}, 'typescript')).toEqual([]);
  });

  it.each([
    [{ mode: 'typed' }],
    [{ autofix: 'always' }],
    [{ catchHandler: 5 }],
    [{ promiseFunctions: 'query' }],
    [{ allowFunctions: [1] }],
    [{ checkLateAwait: 'yes' }],
    [{ unknownOption: true }],
  ])('rejects the invalid options %j', (options) => {
    expect(() => lint('f();', { parser: 'espree', rules: { 'event-loop/floating-task': ['error', options] } })).toThrow(
      /Key "event-loop\/floating-task"/u,
    );
  });

  it('declares every option in the schema and in meta.defaultOptions', () => {
    const schema = rule.meta.schema as unknown as [{ properties: Record<string, { description?: string }> }];
    const properties = Object.keys(schema[0].properties).sort();
    expect(properties).toEqual(Object.keys(rule.meta.defaultOptions?.[0] ?? {}).sort());
    for (const property of Object.values(schema[0].properties)) expect(property.description).toBeTruthy();
  });
});

/** Statements after this prelude, inside an async function; `@typescript-eslint/no-floating-promises` and the rule must agree. */
const AGREEMENT_PRELUDE = `declare function work(): Promise<void>;
declare function value(): number;
declare function maybe(): void | Promise<void>;
declare const pending: Promise<string>;
declare const pendings: Promise<void>[];
declare const flag: boolean;
declare let slot: Promise<void>;
declare const obj: { run?: () => Promise<void> };
async function run() {
`;

const AGREEING_STATEMENTS: readonly [statement: string, reported: boolean][] = [
  ['work();', true],
  ['pending;', true],
  ['work().then(() => {});', true],
  ['work().catch();', true],
  ['work().finally(() => {});', true],
  ['work().catch(() => {}).then(() => {});', true],
  ['flag ? work() : value();', true],
  ['flag && work();', true],
  ['value(), work();', true],
  ['[work(), work()];', true],
  ['pendings;', true],
  ['pendings.map(async (p) => p);', true],
  ['(async () => { await work(); })();', true],
  ['new Promise<void>((resolve, reject) => reject(new Error("x")));', true],
  ['Promise.all(pendings);', true],
  ['Promise.race(pendings);', true],
  ['Promise.reject(new Error("x"));', true],
  ['maybe();', true],
  ['import("node:fs");', true],
  ['work() as Promise<void>;', true],
  ['work()!;', true],
  ['obj.run?.();', true],
  ['work().catch(() => {});', false],
  ['work().then(() => {}, () => {});', false],
  ['work().catch(() => {}).finally(() => {});', false],
  ['void work();', false],
  ['await work();', false],
  ['value();', false],
  ['slot = work();', false],
  ['return work();', false],
];

/** Where the rule reports less than no-floating-promises on purpose (see the docs), or more. */
const DIFFERING_STATEMENTS: readonly [statement: string, rule: boolean, noFloatingPromises: boolean][] = [
  // Cannot reject: a function whose failures are caught, allSettled, a promise without `reject`.
  ['safe();', false, true],
  ['Promise.allSettled(pendings);', false, true],
  ['new Promise<void>((resolve) => setTimeout(resolve, 10));', false, true],
  // The callback form of a `void | Promise<void>` function returns nothing.
  ['close(() => {});', false, true],
  // Thenables that are not promises (no-floating-promises needs `checkThenables`).
  ['job();', true, false],
];

const DIFFERENCE_PRELUDE = `async function safe() { try { await work(); } catch (error) { console.error(error); } }
declare function close(callback?: () => void): void | Promise<void>;
declare function job(): { then(ok: () => void): void };
`;

describe('floating-task agrees with @typescript-eslint/no-floating-promises on dropped promise statements', () => {
  const rules: Linter.RulesRecord = {
    'event-loop/floating-task': ['error', { mode: 'type-aware', checkLateAwait: false }],
    '@typescript-eslint/no-floating-promises': 'error',
  };
  const statementLine = AGREEMENT_PRELUDE.split('\n').length + DIFFERENCE_PRELUDE.split('\n').length - 1;
  const reporters = (statement: string) => {
    const messages = lint(`${DIFFERENCE_PRELUDE}${AGREEMENT_PRELUDE}  ${statement}\n}`, { parser: 'typed', rules });
    expect(messages.filter((message) => message.fatal)).toEqual([]);
    const onStatement = messages.filter((message) => message.line === statementLine);
    return {
      rule: onStatement.some((message) => message.ruleId === 'event-loop/floating-task' && message.messageId?.startsWith('floating')),
      noFloatingPromises: onStatement.some((message) => message.ruleId === '@typescript-eslint/no-floating-promises'),
    };
  };

  it.each(AGREEING_STATEMENTS)('%s', (statement, reported) => {
    expect(reporters(statement)).toEqual({ rule: reported, noFloatingPromises: reported });
  });

  it.each(DIFFERING_STATEMENTS)('%s differs on purpose', (statement, ruleReports, noFloatingPromisesReports) => {
    expect(reporters(statement)).toEqual({ rule: ruleReports, noFloatingPromises: noFloatingPromisesReports });
  });
});

/** The fenced examples under `### Incorrect` / `### Correct` headings of the rule's doc. */
function getDocExamples(): { kind: 'incorrect' | 'correct'; language: string; code: string }[] {
  const markdown = readFileSync(path.join(root, 'rules-docs/floating-task.md'), 'utf8');
  const examples = [];
  let kind: 'incorrect' | 'correct' | null = null;
  const lines = markdown.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? '';
    const headingMatch = /^#{1,6} /u.exec(line);
    if (headingMatch) {
      kind = /^### Incorrect/u.test(line) ? 'incorrect' : /^### Correct/u.test(line) ? 'correct' : null;
      continue;
    }
    const fence = /^```(js|ts)$/u.exec(line);
    if (!fence) continue;
    const body = [];
    for (index++; index < lines.length && lines[index] !== '```'; index++) body.push(lines[index]);
    if (kind) examples.push({ kind, language: fence[1] ?? 'js', code: body.join('\n') });
  }
  return examples;
}

describe('rules-docs/floating-task.md examples', () => {
  const examples = getDocExamples();
  it('has incorrect and correct examples', () => {
    expect(examples.filter((example) => example.kind === 'incorrect').length).toBeGreaterThan(3);
    expect(examples.filter((example) => example.kind === 'correct').length).toBeGreaterThan(3);
  });
  it.each(examples.map((example) => [`${example.kind}: ${example.code.split('\n')[0]}`, example] as const))('%s', (_, example) => {
    const parser = example.language === 'ts' ? 'typescript' : 'espree';
    const messages = lint(example.code, { parser, rules: { 'event-loop/floating-task': 'error' } });
    expect(messages.filter((message) => message.fatal)).toEqual([]);
    if (example.kind === 'incorrect') expect(messages.length).toBeGreaterThan(0);
    else expect(messages).toEqual([]);
  });
});
