import * as tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import rule, { type MessageIds, type Options } from '../../src/rules/no-sync-in-async.js';
import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import { commonjs, jsRuleTester, runWithBothParsers, tsRuleTester, typedRuleTester } from '../helpers/rule-tester.js';

type Invalid = InvalidTestCase<MessageIds, Options>;

const FS = '`await readFile` from `node:fs/promises`';
const FS_NO_AWAIT = '`readFile` from `node:fs/promises`';
/** What the message adds in a sync array-method callback, where `await` is not legal. */
const IN_CALLBACK = ' outside the callback, or in an async callback (`await Promise.all(items.map(async …))`)';
const SLEEP = '`await setTimeout(ms)` from `node:timers/promises`';
const FILE_HANDLE = 'the methods of a `FileHandle` from `await open()` in `node:fs/promises`';

/** One `blockingCall` error with its message data. */
function blocking(name: string, at: string, alternative: string, extra: Partial<Invalid['errors'][number]> = {}): Invalid['errors'][number] {
  return { messageId: 'blockingCall', data: { name, where: at, alternative }, ...extra };
}

runWithBothParsers('no-sync-in-async', rule, {
  valid: [
    // Startup code: module top level, ordinary sync functions, constructors, static blocks, class fields.
    "import fs from 'fs'; const config = fs.readFileSync('config.json', 'utf8');",
    "import fs from 'fs'; function load(p) { return fs.readFileSync(p, 'utf8'); }",
    "import fs from 'fs'; class A { constructor(p) { this.data = fs.readFileSync(p); } static { fs.readFileSync('x'); } field = fs.readFileSync('y'); }",
    "import fs from 'fs'; async function f() { class A { field = fs.readFileSync('y'); static { fs.readFileSync('x'); } } return A; }",
    // A sync function nested in async code runs when it is called, not as part of the async function.
    "import fs from 'fs'; async function f(p) { function read() { return fs.readFileSync(p); } return read; }",
    "import fs from 'fs'; async function f(p) { return () => fs.readFileSync(p); }",
    "import fs from 'fs'; async function f(p) { const o = { get data() { return fs.readFileSync(p); } }; return o; }",
    "import fs from 'fs'; async function f(p) { function* lines() { yield fs.readFileSync(p); } return lines; }",
    // Default parameter values run before the body.
    "import fs from 'fs'; async function f(data = fs.readFileSync('d.json')) { return data; }",
    // Timer and event-listener callbacks are not async code.
    // Timers outside a server module and shutdown listeners are not concurrent paths, nor async code.
    "import fs from 'fs'; async function f(p) { setTimeout(() => fs.readFileSync(p), 10); process.on('exit', () => fs.rmSync(p)); }",
    // Shadowed names are not the module.
    "import fs from 'fs'; async function f(fs, p) { return fs.readFileSync(p); }",
    'async function f(p) { const fs = makeMemoryFs(); return fs.readFileSync(p); }',
    'async function f(p) { return readFileSync(p); } function readFileSync(p) { return p; }',
    "async function f(require, p) { return require('fs').readFileSync(p); }",
    "import { readFileSync } from 'fs'; async function f(readFileSync, p) { return readFileSync(p); }",
    // Other modules and other members.
    "import fs from 'memfs'; async function f(p) { return fs.readFileSync(p); }",
    "import fs from 'fs'; async function f(p) { return fs.promises.readFile(p); }",
    "import { readFile } from 'node:fs/promises'; async function f(p) { return await readFile(p); }",
    "import fs from 'fs'; async function f(p, cb) { fs.readFile(p, cb); const read = fs.readFileSync; return read; }",
    "import zlib from 'zlib'; import crypto from 'crypto'; async function f(b) { return [zlib.gzipSync(b), crypto.pbkdf2Sync('a', 'b', 1, 32, 'sha256')]; }",
    "import cp from 'child_process'; async function f() { return cp.spawn('ls'); }",
    // Array callbacks: only inside async code, and only with `checkArrayCallbacks`.
    "import fs from 'fs'; function f(files) { return files.map((file) => fs.readFileSync(file)); }",
    {
      code: "import fs from 'fs'; async function f(files) { return files.map((file) => fs.readFileSync(file)); }",
      options: [{ checkArrayCallbacks: false }],
    },
    // `allow`, with or without `node:`.
    { code: "import fs from 'node:fs'; async function f(p) { return fs.existsSync(p); }", options: [{ allow: ['fs.existsSync'] }] },
    { code: "import { existsSync } from 'fs'; async function f(p) { return existsSync(p); }", options: [{ allow: ['node:fs.existsSync'] }] },
    { code: "const cp = require('child_process'); async function f() { cp.execSync('make'); }", options: [{ allow: ['child_process.execSync'] }], languageOptions: commonjs },
    { code: "import fs from 'fs'; async function f(p) { return fs.realpathSync.native(p); }", options: [{ allow: ['fs.realpathSync.native'] }] },
    { code: 'async function f(a) { Atomics.wait(a, 0, 0, 10); }', options: [{ allow: ['Atomics.wait'] }] },
    // Top-level await modules only with the option, and only their top-level statements.
    "import fs from 'fs'; await init(); const config = fs.readFileSync('config.json');",
    { code: "import fs from 'fs'; const config = fs.readFileSync('config.json');", options: [{ checkTopLevelAwaitModules: true }] },
    {
      code: "import fs from 'fs'; await init(); function load() { return fs.readFileSync('config.json'); } class A { static { fs.readFileSync('x'); } }",
      options: [{ checkTopLevelAwaitModules: true }],
    },
    // `extraFunctions` must be configured.
    "import fse from 'fs-extra'; async function f(p) { return fse.readJsonSync(p); }",
    // Atomics: only `wait`, only the global.
    'async function f(a) { await Atomics.waitAsync(a, 0, 0).value; }',
    'const Atomics = { wait() {} }; async function f() { Atomics.wait(); }',
    // Loops that are not busy-waits, or not in async code.
    'async function f(end) { while (Date.now() < end) { await new Promise((r) => setTimeout(r, 10)); } }',
    'async function f(end, work) { while (Date.now() < end) { work(); } }',
    'async function f(n) { let last = 0; for (let i = 0; i < n; i++) { last = Date.now(); } return last; }',
    'function sleep(ms) { const end = Date.now() + ms; while (Date.now() < end); }',
    'async function f(Date, end) { while (Date.now() < end) {} }',
    // CommonJS.
    { code: "const fs = require('fs'); function f(p) { return fs.readFileSync(p); }", languageOptions: commonjs },
    { code: "const fs = require('fs'); module.exports = { load: fs.readFileSync('x') };", languageOptions: commonjs },
  ],
  invalid: [
    // ---- Where: every kind of async function, with the message naming it.
    {
      code: "import fs from 'fs';\nasync function loadConfig(p) {\n  return JSON.parse(fs.readFileSync(p, 'utf8'));\n}",
      output: "import fs from 'fs';\nasync function loadConfig(p) {\n  return JSON.parse(await fs.promises.readFile(p, 'utf8'));\n}",
      errors: [blocking('readFileSync', 'the async function `loadConfig`', FS, { line: 3, column: 21, endLine: 3, endColumn: 47 })],
    },
    {
      code: "import fs from 'fs';\nconst load = async (p) => fs.readFileSync(p);",
      output: "import fs from 'fs';\nconst load = async (p) => await fs.promises.readFile(p);",
      errors: [blocking('readFileSync', 'the async arrow function `load`', FS)],
    },
    {
      code: "import fs from 'fs';\nexport default async () => fs.readFileSync('x');",
      output: "import fs from 'fs';\nexport default async () => await fs.promises.readFile('x');",
      errors: [blocking('readFileSync', 'an async arrow function', FS)],
    },
    {
      code: "import fs from 'fs';\nclass Store {\n  async load(p) {\n    return fs.readFileSync(p);\n  }\n  static async create(p) { return fs.readFileSync(p); }\n}",
      output: "import fs from 'fs';\nclass Store {\n  async load(p) {\n    return await fs.promises.readFile(p);\n  }\n  static async create(p) { return await fs.promises.readFile(p); }\n}",
      errors: [blocking('readFileSync', 'the async method `load`', FS, { line: 4 }), blocking('readFileSync', 'the async method `create`', FS, { line: 6 })],
    },
    {
      code: "import fs from 'fs';\nconst store = { async load(p) { return fs.readFileSync(p); }, save: async function (p, d) { fs.writeFileSync(p, d); } };",
      output: "import fs from 'fs';\nconst store = { async load(p) { return await fs.promises.readFile(p); }, save: async function (p, d) { await fs.promises.writeFile(p, d); } };",
      errors: [
        blocking('readFileSync', 'the async method `load`', FS),
        blocking('writeFileSync', 'the async function `save`', '`await writeFile` from `node:fs/promises`'),
      ],
    },
    {
      code: "import fs from 'fs';\nasync function* lines(files) { for (const f of files) yield fs.readFileSync(f, 'utf8'); }",
      output: "import fs from 'fs';\nasync function* lines(files) { for (const f of files) yield await fs.promises.readFile(f, 'utf8'); }",
      errors: [blocking('readFileSync', 'the async generator function `lines`', FS)],
    },
    {
      code: "import fs from 'fs';\n(async () => { fs.mkdirSync('out'); })();",
      options: [{ reportIn: 'async-functions' }],
      output: "import fs from 'fs';\n(async () => { await fs.promises.mkdir('out'); })();",
      errors: [blocking('mkdirSync', 'an async arrow function', '`await mkdir` from `node:fs/promises`')],
    },
    // A CLI's async main() runs alone (silent by default); `reportIn: 'async-functions'` reports it.
    {
      code: "import fs from 'node:fs';\nasync function main() {\n  const args = fs.readFileSync(0, 'utf8');\n  fs.writeFileSync('out.txt', args);\n}\nmain();",
      options: [{ reportIn: 'async-functions' }],
      output: "import fs from 'node:fs';\nasync function main() {\n  const args = fs.readFileSync(0, 'utf8');\n  await fs.promises.writeFile('out.txt', args);\n}\nmain();",
      errors: [
        blocking('readFileSync', 'the async function `main`', FS, { line: 3 }),
        blocking('writeFileSync', 'the async function `main`', '`await writeFile` from `node:fs/promises`', { line: 4 }),
      ],
    },

    // ---- Sync callbacks inside async code: reported, never fixed (await is not legal there).
    {
      code: "import fs from 'fs';\nasync function loadAll(files) {\n  return files.map((file) => fs.readFileSync(file));\n}",
      output: null,
      errors: [blocking('readFileSync', 'a `.map` callback in the async function `loadAll`', FS_NO_AWAIT + IN_CALLBACK, { line: 3, column: 30 })],
    },
    {
      code: "import fs from 'fs';\nasync function f(dirs) { dirs.forEach((d) => [d].filter((x) => fs.existsSync(x))); }",
      output: null,
      errors: [blocking('existsSync', 'a `.filter` callback in the async function `f`', '`access` from `node:fs/promises`' + IN_CALLBACK)],
    },
    {
      code: "import fs from 'fs';\nasync function f(p) { return new Promise((resolve) => resolve(fs.readFileSync(p))); }",
      output: null,
      errors: [blocking('readFileSync', 'a `new Promise` executor in the async function `f`', `${FS_NO_AWAIT} outside the \`new Promise\` executor`)],
    },
    // Promise handlers: reported; fixed only when the handler itself is async.
    {
      code: "import fs from 'fs';\nload().then(() => fs.readFileSync('x'));",
      options: [{ reportIn: 'async-functions' }],
      output: null,
      errors: [blocking('readFileSync', 'a `.then` callback', FS_NO_AWAIT)],
    },
    {
      code: "import fs from 'fs';\nload().then(async () => fs.readFileSync('x'));",
      options: [{ reportIn: 'async-functions' }],
      output: "import fs from 'fs';\nload().then(async () => await fs.promises.readFile('x'));",
      errors: [blocking('readFileSync', 'an async arrow function', FS)],
    },
    {
      code: "import fs from 'fs';\nasync function f(p) { return p.catch(() => fs.readFileSync('fallback')).finally(() => fs.rmSync('tmp')); }",
      output: null,
      errors: [blocking('rmSync', 'a `.finally` callback', '`rm` from `node:fs/promises`')],
    },
    {
      code: "import fs from 'fs';\nasync function f(p) { return p.catch(() => fs.readFileSync('fallback')).finally(() => fs.rmSync('tmp')); }",
      options: [{ reportIn: 'async-functions' }],
      output: null,
      errors: [
        blocking('readFileSync', 'a `.catch` callback', FS_NO_AWAIT),
        blocking('rmSync', 'a `.finally` callback', '`rm` from `node:fs/promises`'),
      ],
    },
    // Top-level-await modules, opt-in.
    {
      code: "import fs from 'fs';\nawait init();\nconst config = JSON.parse(fs.readFileSync('config.json', 'utf8'));",
      output: "import fs from 'fs';\nawait init();\nconst config = JSON.parse(await fs.promises.readFile('config.json', 'utf8'));",
      options: [{ checkTopLevelAwaitModules: true }],
      errors: [blocking('readFileSync', 'the top level of a module that uses top-level `await`', FS, { line: 3 })],
    },

    // ---- Import spellings (ESM).
    {
      code: "import * as fs from 'node:fs';\nasync function f(p) { return fs.readFileSync(p); }",
      output: "import * as fs from 'node:fs';\nasync function f(p) { return await fs.promises.readFile(p); }",
      errors: [blocking('readFileSync', 'the async function `f`', FS)],
    },
    {
      code: "import { readFileSync } from 'fs';\nasync function f(p) { return readFileSync(p); }",
      output: "import { readFileSync } from 'fs';\nimport { readFile } from 'fs/promises';\nasync function f(p) { return await readFile(p); }",
      errors: [blocking('readFileSync', 'the async function `f`', FS)],
    },
    {
      code: 'import { readFileSync as read } from "node:fs"\nasync function f(p) {\n  return read(p)\n}',
      output: 'import { readFileSync as read } from "node:fs"\nimport { readFile } from "node:fs/promises"\nasync function f(p) {\n  return await readFile(p)\n}',
      errors: [blocking('readFileSync', 'the async function `f`', FS)],
    },
    {
      code: "import fs from 'fs';\nconst { statSync } = fs;\nasync function f(p) { return statSync(p).size; }",
      output: "import fs from 'fs';\nimport { stat } from 'fs/promises';\nconst { statSync } = fs;\nasync function f(p) { return (await stat(p)).size; }",
      errors: [blocking('statSync', 'the async function `f`', '`await stat` from `node:fs/promises`')],
    },
    {
      code: "const fs = process.getBuiltinModule('node:fs');\nexport async function f(p) { return fs.readFileSync(p); }",
      output: "const fs = process.getBuiltinModule('node:fs');\nexport async function f(p) { return await fs.promises.readFile(p); }",
      errors: [blocking('readFileSync', 'the async function `f`', FS)],
    },
    {
      code: "import fs from 'fs';\nasync function f(p) { return fs.realpathSync.native(p); }",
      output: "import fs from 'fs';\nasync function f(p) { return await fs.promises.realpath(p); }",
      errors: [blocking('realpathSync.native', 'the async function `f`', '`await realpath` from `node:fs/promises`')],
    },

    {
      code: "import fs from 'fs';\nconst read = fs.readFileSync;\nasync function f(p) { return read(p, 'utf8'); }",
      output: "import fs from 'fs';\nimport { readFile } from 'fs/promises';\nconst read = fs.readFileSync;\nasync function f(p) { return await readFile(p, 'utf8'); }",
      errors: [blocking('readFileSync', 'the async function `f`', FS)],
    },
    {
      code: "import { execSync } from 'child_process';\nrun().then(() => execSync('make'));",
      options: [{ reportIn: 'async-functions' }],
      output: null,
      errors: [
        blocking('execSync', 'a `.then` callback', '`exec` from `node:child_process` through `promisify` from `node:util`', { suggestions: [] }),
      ],
    },

    // ---- Import spellings (CommonJS).
    {
      code: "const fs = require('fs');\nmodule.exports = async function build(dir) {\n  for (const f of fs.readdirSync(dir)) fs.unlinkSync(f);\n};",
      output: "const fs = require('fs');\nmodule.exports = async function build(dir) {\n  for (const f of await fs.promises.readdir(dir)) await fs.promises.unlink(f);\n};",
      errors: [
        blocking('readdirSync', 'the async function `build`', '`await readdir` from `node:fs/promises`'),
        blocking('unlinkSync', 'the async function `build`', '`await unlink` from `node:fs/promises`'),
      ],
      languageOptions: commonjs,
    },
    {
      code: "'use strict'\nconst { readFileSync } = require('node:fs')\nexports.load = async (p) => readFileSync(p, 'utf8')",
      output: "'use strict'\nconst { readFileSync } = require('node:fs')\nconst { readFile } = require('node:fs/promises')\nexports.load = async (p) => await readFile(p, 'utf8')",
      errors: [blocking('readFileSync', 'the async arrow function `load`', FS)],
      languageOptions: commonjs,
    },
    {
      code: "exports.load = async (p) => require('fs').readFileSync(p);",
      output: "exports.load = async (p) => await require('fs').promises.readFile(p);",
      errors: [blocking('readFileSync', 'the async arrow function `load`', FS)],
      languageOptions: commonjs,
    },
    {
      code: "const { readFileSync } = require('fs');\nconst fsp = require('fs').promises;\nexports.load = async (p) => readFileSync(p);",
      output: "const { readFileSync } = require('fs');\nconst fsp = require('fs').promises;\nexports.load = async (p) => await fsp.readFile(p);",
      errors: [blocking('readFileSync', 'the async arrow function `load`', FS)],
      languageOptions: commonjs,
    },
    {
      code: "const { readFileSync, promises: fsp } = require('fs');\nexports.load = async (p) => readFileSync(p);",
      output: "const { readFileSync, promises: fsp } = require('fs');\nexports.load = async (p) => await fsp.readFile(p);",
      errors: [blocking('readFileSync', 'the async arrow function `load`', FS)],
      languageOptions: commonjs,
    },

    // ---- Existing fs/promises bindings are reused.
    {
      code: "import { readFileSync } from 'fs';\nimport { readFile } from 'fs/promises';\nasync function f(p) { return readFileSync(p); }",
      output: "import { readFileSync } from 'fs';\nimport { readFile } from 'fs/promises';\nasync function f(p) { return await readFile(p); }",
      errors: [blocking('readFileSync', 'the async function `f`', FS)],
    },
    {
      code: "import fs from 'fs';\nimport fsp from 'node:fs/promises';\nasync function f(p) { return fs.readFileSync(p); }",
      output: "import fs from 'fs';\nimport fsp from 'node:fs/promises';\nasync function f(p) { return await fsp.readFile(p); }",
      errors: [blocking('readFileSync', 'the async function `f`', FS)],
    },
    {
      code: "import { readFileSync } from 'fs';\nimport * as fsp from 'fs/promises';\nasync function f(p) { return readFileSync(p); }",
      output: "import { readFileSync } from 'fs';\nimport * as fsp from 'fs/promises';\nasync function f(p) { return await fsp.readFile(p); }",
      errors: [blocking('readFileSync', 'the async function `f`', FS)],
    },
    {
      code: "import { readFileSync, promises as fsp } from 'fs';\nasync function f(p) { return readFileSync(p); }",
      output: "import { readFileSync, promises as fsp } from 'fs';\nasync function f(p) { return await fsp.readFile(p); }",
      errors: [blocking('readFileSync', 'the async function `f`', FS)],
    },
    {
      code: "import { readFileSync } from 'node:fs';\nimport { writeFile } from 'node:fs/promises';\nasync function f(p) { return readFileSync(p); }",
      output: "import { readFileSync } from 'node:fs';\nimport { writeFile, readFile } from 'node:fs/promises';\nasync function f(p) { return await readFile(p); }",
      errors: [blocking('readFileSync', 'the async function `f`', FS)],
    },

    // ---- Name collisions and shadowing.
    {
      code: "import { readFileSync } from 'fs';\nconst readFile = 'not it';\nasync function f(p) { return readFileSync(p); }",
      output: "import { readFileSync } from 'fs';\nimport { readFile as readFileAsync } from 'fs/promises';\nconst readFile = 'not it';\nasync function f(p) { return await readFileAsync(p); }",
      errors: [blocking('readFileSync', 'the async function `f`', FS)],
    },
    {
      code: "import fs from 'fs';\nimport { readFile } from 'fs/promises';\nasync function f(readFile) { return fs.readFileSync(readFile); }",
      output: "import fs from 'fs';\nimport { readFile } from 'fs/promises';\nasync function f(readFile) { return await fs.promises.readFile(readFile); }",
      errors: [blocking('readFileSync', 'the async function `f`', FS)],
    },
    {
      code: "import { readFileSync } from 'fs';\nimport { readFile } from 'fs/promises';\nasync function f(readFile) { return readFileSync(readFile); }",
      output: null,
      errors: [blocking('readFileSync', 'the async function `f`', FS)],
    },

    // ---- Parentheses only where precedence needs them.
    {
      code: "import fs from 'fs';\nasync function f(p, d) {\n  const s = fs.readFileSync(p).toString();\n  for (const e of fs.readdirSync(d)) use(e);\n  return !fs.statSync(p).isFile() || fs.statSync(p).size ** 2;\n}",
      output:
        "import fs from 'fs';\nasync function f(p, d) {\n  const s = (await fs.promises.readFile(p)).toString();\n  for (const e of await fs.promises.readdir(d)) use(e);\n  return !(await fs.promises.stat(p)).isFile() || (await fs.promises.stat(p)).size ** 2;\n}",
      errors: [
        blocking('readFileSync', 'the async function `f`', FS),
        blocking('readdirSync', 'the async function `f`', '`await readdir` from `node:fs/promises`'),
        blocking('statSync', 'the async function `f`', '`await stat` from `node:fs/promises`'),
        blocking('statSync', 'the async function `f`', '`await stat` from `node:fs/promises`'),
      ],
    },
    {
      code: "import fs from 'fs'\nasync function f(p) {\n  let a = b\n  fs.readFileSync(p).copy(a)\n}",
      output: "import fs from 'fs'\nasync function f(p) {\n  let a = b\n  ;(await fs.promises.readFile(p)).copy(a)\n}",
      errors: [blocking('readFileSync', 'the async function `f`', FS)],
    },
    {
      code: "import fs from 'fs';\nasync function f(p) { return fs.readFileSync(p)?.length; }",
      output: "import fs from 'fs';\nasync function f(p) { return (await fs.promises.readFile(p))?.length; }",
      errors: [blocking('readFileSync', 'the async function `f`', FS)],
    },

    // ---- Multiple fixes compose across passes; no import is added twice.
    {
      code: "import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';\n\nexport async function build(dir) {\n  mkdirSync(dir, { recursive: true });\n  const input = readFileSync(`${dir}/in.txt`, 'utf8');\n  writeFileSync(`${dir}/out.txt`, input + readFileSync(`${dir}/extra.txt`, 'utf8'));\n}",
      output: [
        "import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';\nimport { mkdir } from 'node:fs/promises';\n\nexport async function build(dir) {\n  await mkdir(dir, { recursive: true });\n  const input = readFileSync(`${dir}/in.txt`, 'utf8');\n  writeFileSync(`${dir}/out.txt`, input + readFileSync(`${dir}/extra.txt`, 'utf8'));\n}",
        "import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';\nimport { mkdir, readFile } from 'node:fs/promises';\n\nexport async function build(dir) {\n  await mkdir(dir, { recursive: true });\n  const input = await readFile(`${dir}/in.txt`, 'utf8');\n  writeFileSync(`${dir}/out.txt`, input + readFileSync(`${dir}/extra.txt`, 'utf8'));\n}",
        "import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';\nimport { mkdir, readFile, writeFile } from 'node:fs/promises';\n\nexport async function build(dir) {\n  await mkdir(dir, { recursive: true });\n  const input = await readFile(`${dir}/in.txt`, 'utf8');\n  await writeFile(`${dir}/out.txt`, input + readFileSync(`${dir}/extra.txt`, 'utf8'));\n}",
        "import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';\nimport { mkdir, readFile, writeFile } from 'node:fs/promises';\n\nexport async function build(dir) {\n  await mkdir(dir, { recursive: true });\n  const input = await readFile(`${dir}/in.txt`, 'utf8');\n  await writeFile(`${dir}/out.txt`, input + await readFile(`${dir}/extra.txt`, 'utf8'));\n}",
      ],
      errors: [
        blocking('mkdirSync', 'the async function `build`', '`await mkdir` from `node:fs/promises`'),
        blocking('readFileSync', 'the async function `build`', FS),
        blocking('writeFileSync', 'the async function `build`', '`await writeFile` from `node:fs/promises`'),
        blocking('readFileSync', 'the async function `build`', FS),
      ],
    },
    {
      code: "const fs = require('fs');\nconst { execSync } = require('child_process');\nexports.a = async () => fs.readFileSync('a');\nexports.b = async () => fs.writeFileSync('b', fs.readFileSync('c'));",
      output: [
        "const fs = require('fs');\nconst { execSync } = require('child_process');\nexports.a = async () => await fs.promises.readFile('a');\nexports.b = async () => await fs.promises.writeFile('b', fs.readFileSync('c'));",
        "const fs = require('fs');\nconst { execSync } = require('child_process');\nexports.a = async () => await fs.promises.readFile('a');\nexports.b = async () => await fs.promises.writeFile('b', await fs.promises.readFile('c'));",
      ],
      errors: [
        blocking('readFileSync', 'the async arrow function `a`', FS),
        blocking('writeFileSync', 'the async arrow function `b`', '`await writeFile` from `node:fs/promises`'),
        blocking('readFileSync', 'the async arrow function `b`', FS),
      ],
      languageOptions: commonjs,
    },

    // ---- Arguments that cannot carry over: reported without a fix.
    {
      code: "import fs from 'fs';\nasync function f(p, fd, opts) {\n  fs.statSync(p, { throwIfNoEntry: false });\n  fs.lstatSync(p, opts);\n  fs.readFileSync(process.stdin.fd, 'utf8');\n  fs.writeFileSync(fd, 'x');\n  fs.appendFileSync(2, 'x');\n  fs.writeFileSync(p, () => {});\n  fs.readFileSync(...arguments);\n  fs?.readFileSync(p);\n}",
      output: null,
      errors: [
        blocking('statSync', 'the async function `f`', '`await stat` from `node:fs/promises`', { line: 3 }),
        blocking('lstatSync', 'the async function `f`', '`await lstat` from `node:fs/promises`', { line: 4 }),
        blocking('readFileSync', 'the async function `f`', FS, { line: 5 }),
        blocking('writeFileSync', 'the async function `f`', '`await writeFile` from `node:fs/promises`', { line: 6 }),
        blocking('appendFileSync', 'the async function `f`', '`await appendFile` from `node:fs/promises`', { line: 7 }),
        blocking('writeFileSync', 'the async function `f`', '`await writeFile` from `node:fs/promises`', { line: 8 }),
        blocking('readFileSync', 'the async function `f`', FS, { line: 9 }),
        blocking('readFileSync', 'the async function `f`', FS, { line: 10 }),
      ],
    },
    {
      code: "import fs from 'fs';\nasync function f(p) { return fs.statSync(p, { bigint: true }).size; }",
      output: "import fs from 'fs';\nasync function f(p) { return (await fs.promises.stat(p, { bigint: true })).size; }",
      errors: [blocking('statSync', 'the async function `f`', '`await stat` from `node:fs/promises`')],
    },
    // File-descriptor APIs and APIs whose async twin differs: a message, no rewrite.
    {
      code: "import fs from 'fs';\nasync function f(p, b) {\n  const fd = fs.openSync(p, 'r');\n  fs.readSync(fd, b);\n  fs.fstatSync(fd);\n  fs.fsyncSync(fd);\n  fs.writeSync(fd, b);\n  fs.closeSync(fd);\n  fs.opendirSync(p);\n  fs.globSync('*.js');\n}",
      output: null,
      errors: [
        blocking('openSync', 'the async function `f`', '`await open` from `node:fs/promises` and the methods of its `FileHandle`'),
        blocking('readSync', 'the async function `f`', FILE_HANDLE),
        blocking('fstatSync', 'the async function `f`', FILE_HANDLE),
        blocking('fsyncSync', 'the async function `f`', FILE_HANDLE),
        blocking('writeSync', 'the async function `f`', FILE_HANDLE),
        blocking('closeSync', 'the async function `f`', FILE_HANDLE),
        blocking('opendirSync', 'the async function `f`', '`await opendir` from `node:fs/promises`'),
        blocking('globSync', 'the async function `f`', '`glob` from `node:fs/promises` (an async iterator: `for await (const file of glob(pattern))`)'),
      ],
    },

    // ---- existsSync: a suggestion with the same boolean.
    {
      code: "import fs from 'fs';\nasync function f(p) {\n  if (!fs.existsSync(p)) return null;\n}",
      output: null,
      errors: [
        blocking('existsSync', 'the async function `f`', '`await access` from `node:fs/promises`', {
          line: 3,
          column: 8,
          suggestions: [
            {
              messageId: 'replaceWithAccess',
              output: "import fs from 'fs';\nasync function f(p) {\n  if (!await fs.promises.access(p).then(() => true, () => false)) return null;\n}",
            },
          ],
        }),
      ],
    },
    {
      code: "import { existsSync } from 'node:fs';\nexport async function has(p) { return existsSync(p); }",
      output: null,
      errors: [
        blocking('existsSync', 'the async function `has`', '`await access` from `node:fs/promises`', {
          suggestions: [
            {
              messageId: 'replaceWithAccess',
              output: "import { existsSync } from 'node:fs';\nimport { access } from 'node:fs/promises';\nexport async function has(p) { return await access(p).then(() => true, () => false); }",
            },
          ],
        }),
      ],
    },
    {
      code: "import fs from 'fs';\nasync function f(files) { return files.filter((p) => fs.existsSync(p)); }",
      output: null,
      errors: [blocking('existsSync', 'a `.filter` callback in the async function `f`', '`access` from `node:fs/promises`' + IN_CALLBACK, { suggestions: [] })],
    },

    // ---- child_process.
    {
      code: "import { execSync } from 'child_process';\nasync function version() {\n  return execSync('git rev-parse HEAD', { encoding: 'utf8' }).trim();\n}",
      output: null,
      errors: [
        blocking('execSync', 'the async function `version`', '`exec` from `node:child_process` through `promisify` from `node:util`', {
          line: 3,
          column: 10,
          suggestions: [
            {
              messageId: 'replaceWithPromisifiedExec',
              data: { asyncName: 'exec' },
              output:
                "import { execSync, exec } from 'child_process';\nimport { promisify } from 'util';\nasync function version() {\n  return (await promisify(exec)('git rev-parse HEAD', { encoding: 'utf8' })).stdout.trim();\n}",
            },
          ],
        }),
      ],
    },
    {
      code: "import * as cp from 'node:child_process';\nimport util from 'node:util';\nasync function f(args) {\n  cp.execFileSync('git', args);\n}",
      output: null,
      errors: [
        blocking('execFileSync', 'the async function `f`', '`execFile` from `node:child_process` through `promisify` from `node:util`', {
          suggestions: [
            {
              messageId: 'replaceWithPromisifiedExec',
              data: { asyncName: 'execFile' },
              output: "import * as cp from 'node:child_process';\nimport util from 'node:util';\nasync function f(args) {\n  await util.promisify(cp.execFile)('git', args);\n}",
            },
          ],
        }),
      ],
    },
    {
      code: "const cp = require('child_process');\nconst out = []\nexports.run = async (cmd) => {\n  const x = 1\n  cp.execSync(cmd).toString()\n}",
      output: null,
      errors: [
        blocking('execSync', 'the async arrow function `run`', '`exec` from `node:child_process` through `promisify` from `node:util`', {
          suggestions: [
            {
              messageId: 'replaceWithPromisifiedExec',
              data: { asyncName: 'exec' },
              output:
                "const cp = require('child_process');\nconst { promisify } = require('util');\nconst out = []\nexports.run = async (cmd) => {\n  const x = 1\n  ;(await promisify(cp.exec)(cmd)).stdout.toString()\n}",
            },
          ],
        }),
      ],
      languageOptions: commonjs,
    },
    {
      code: "import cp from 'child_process';\nasync function f() { cp.execSync('make', { stdio: 'inherit' }); cp.spawnSync('ls'); }",
      output: null,
      errors: [
        blocking('execSync', 'the async function `f`', '`exec` from `node:child_process` through `promisify` from `node:util`', { suggestions: [] }),
        blocking('spawnSync', 'the async function `f`', "`spawn` from `node:child_process` and `await once(child, 'exit')` from `node:events`", {
          suggestions: [],
        }),
      ],
    },

    // ---- Atomics.wait and busy-wait loops.
    {
      code: 'async function poll(a) {\n  Atomics.wait(a, 0, 0, 50);\n  globalThis.Atomics.wait(a, 0, 0, 50);\n}',
      output: null,
      errors: [
        blocking('Atomics.wait', 'the async function `poll`', SLEEP, { line: 2, column: 3 }),
        blocking('Atomics.wait', 'the async function `poll`', SLEEP, { line: 3, column: 3 }),
      ],
    },
    {
      code: 'async function retry(ms) {\n  const end = Date.now() + ms;\n  while (Date.now() < end) {}\n  do {} while (performance.now() < end);\n  for (;;) { if (Date.now() - end > 0) break; }\n  let now = Date.now();\n  while (now < end) { now = Date.now(); }\n}',
      output: null,
      errors: [
        { messageId: 'busyWait', data: { where: 'the async function `retry`', alternative: SLEEP }, line: 3, column: 3, endLine: 3, endColumn: 27 },
        { messageId: 'busyWait', line: 4, column: 3, endLine: 4, endColumn: 41 },
        { messageId: 'busyWait', line: 5, column: 3, endLine: 5, endColumn: 11 },
        { messageId: 'busyWait', line: 7, column: 3, endLine: 7, endColumn: 20 },
      ],
    },
    {
      code: "import { performance } from 'node:perf_hooks';\nexport const wait = async (ms) => { const start = performance.now(); while (performance.now() - start < ms); };",
      output: null,
      errors: [{ messageId: 'busyWait', data: { where: 'the async arrow function `wait`', alternative: SLEEP } }],
    },
    {
      // The `perf_hooks` clock is found with the blocking calls when the file has some, alone when it has none.
      code: "import { performance } from 'node:perf_hooks';\nimport { statSync } from 'node:fs';\nexport async function wait(ms, p) { statSync(p); const start = performance.now(); while (performance.now() - start < ms); }",
      output:
        "import { performance } from 'node:perf_hooks';\nimport { statSync } from 'node:fs';\nimport { stat } from 'node:fs/promises';\nexport async function wait(ms, p) { await stat(p); const start = performance.now(); while (performance.now() - start < ms); }",
      errors: [
        { messageId: 'blockingCall', line: 3, column: 37 },
        { messageId: 'busyWait', data: { where: 'the async function `wait`', alternative: SLEEP }, line: 3 },
      ],
    },

    // ---- extraFunctions.
    {
      code: "import fse from 'fs-extra';\nasync function f(p) { return fse.readJsonSync(p).name; }",
      output: "import fse from 'fs-extra';\nasync function f(p) { return (await fse.readJson(p)).name; }",
      options: [{ extraFunctions: [{ module: 'fs-extra', names: ['readJsonSync', 'readJSONSync'], replacement: 'readJson' }] }],
      errors: [blocking('readJsonSync', 'the async function `f`', '`await readJson` from `fs-extra`')],
    },
    {
      code: "import { readJSONSync } from 'fs-extra';\nasync function f(p) { return readJSONSync(p); }",
      output: "import { readJSONSync, readJson } from 'fs-extra';\nasync function f(p) { return await readJson(p); }",
      options: [{ extraFunctions: [{ module: 'fs-extra', names: ['readJsonSync', 'readJSONSync'], replacement: 'readJson' }] }],
      errors: [blocking('readJSONSync', 'the async function `f`', '`await readJson` from `fs-extra`')],
    },
    {
      code: "import glob from 'glob';\nimport fs from 'node:fs';\nasync function f(p) { glob.sync(p); fs.futureSync(p); }",
      output: null,
      options: [{ extraFunctions: [{ module: 'glob', names: ['sync'] }, { module: 'node:fs', names: ['futureSync'] }] }],
      errors: [
        blocking('sync', 'the async function `f`', 'an asynchronous alternative'),
        blocking('futureSync', 'the async function `f`', 'an asynchronous alternative'),
      ],
    },
  ],
});

describe('no-sync-in-async with TypeScript syntax', () => {
  tsRuleTester.run('no-sync-in-async (TypeScript)', rule, {
    valid: [
      "import type { Stats } from 'fs'; import fs from 'fs'; function f(p: string): Stats { return fs.statSync(p); }",
      "import fs from 'fs'; class A { @decorate() accessor data = fs.readFileSync('x'); }",
      "declare module 'x' { import fs = require('fs'); }",
    ],
    invalid: [
      {
        code: "import fs = require('fs');\nexport async function load(p: string): Promise<string> {\n  return fs.readFileSync(p, 'utf8') as string;\n}",
        output: "import fs = require('fs');\nexport async function load(p: string): Promise<string> {\n  return await fs.promises.readFile(p, 'utf8') as string;\n}",
        errors: [blocking('readFileSync', 'the async function `load`', FS, { line: 3 })],
      },
      {
        code: "import { type Stats, statSync } from 'node:fs';\nasync function f(p: string): Promise<Stats> {\n  const s = statSync(p)!;\n  return <Stats>statSync(p);\n}",
        output: [
          "import { type Stats, statSync } from 'node:fs';\nimport { stat } from 'node:fs/promises';\nasync function f(p: string): Promise<Stats> {\n  const s = (await stat(p))!;\n  return <Stats>statSync(p);\n}",
          "import { type Stats, statSync } from 'node:fs';\nimport { stat } from 'node:fs/promises';\nasync function f(p: string): Promise<Stats> {\n  const s = (await stat(p))!;\n  return <Stats>await stat(p);\n}",
        ],
        errors: [
          blocking('statSync', 'the async function `f`', '`await stat` from `node:fs/promises`'),
          blocking('statSync', 'the async function `f`', '`await stat` from `node:fs/promises`'),
        ],
      },
      {
        code: "import * as fs from 'fs';\nclass Cache {\n  private data?: Buffer;\n  @memo()\n  async load(this: Cache, p: string): Promise<void> {\n    await using handle = open();\n    this.data = fs.readFileSync(p) satisfies Buffer;\n  }\n}",
        output: "import * as fs from 'fs';\nclass Cache {\n  private data?: Buffer;\n  @memo()\n  async load(this: Cache, p: string): Promise<void> {\n    await using handle = open();\n    this.data = await fs.promises.readFile(p) satisfies Buffer;\n  }\n}",
        errors: [blocking('readFileSync', 'the async method `load`', FS, { line: 7 })],
      },
      {
        code: "import fs from 'fs';\nexport default async function Page(): Promise<JSX.Element> {\n  const text = fs.readFileSync('page.md', 'utf8');\n  return <main>{text}</main>;\n}",
        output: "import fs from 'fs';\nexport default async function Page(): Promise<JSX.Element> {\n  const text = await fs.promises.readFile('page.md', 'utf8');\n  return <main>{text}</main>;\n}",
        filename: 'file.tsx',
        errors: [blocking('readFileSync', 'the async function `Page`', FS)],
      },
    ],
  });
});

describe('no-sync-in-async with JSX', () => {
  jsRuleTester.run('no-sync-in-async (JSX)', rule, {
    valid: ["import fs from 'fs';\nfunction Page() { return <pre>{fs.readFileSync('a')}</pre>; }"],
    invalid: [
      {
        code: "import fs from 'fs';\nexport default async function Page() { return <pre>{fs.readFileSync('a', 'utf8')}</pre>; }",
        output: "import fs from 'fs';\nexport default async function Page() { return <pre>{await fs.promises.readFile('a', 'utf8')}</pre>; }",
        errors: [blocking('readFileSync', 'the async function `Page`', FS)],
      },
    ],
  });
});

describe('no-sync-in-async with type information', () => {
  typedRuleTester.run('no-sync-in-async (typed)', rule, {
    valid: [],
    invalid: [
      {
        code: "import fs from 'fs';\ndeclare const handle: number;\ndeclare const file: string | number;\nexport async function f(p: string) {\n  fs.readFileSync(handle);\n  fs.writeFileSync(file, 'x');\n  return fs.readFileSync(p);\n}",
        output: "import fs from 'fs';\ndeclare const handle: number;\ndeclare const file: string | number;\nexport async function f(p: string) {\n  fs.readFileSync(handle);\n  fs.writeFileSync(file, 'x');\n  return await fs.promises.readFile(p);\n}",
        errors: [
          blocking('readFileSync', 'the async function `f`', FS, { line: 5 }),
          blocking('writeFileSync', 'the async function `f`', '`await writeFile` from `node:fs/promises`', { line: 6 }),
          blocking('readFileSync', 'the async function `f`', FS, { line: 7 }),
        ],
      },
    ],
  });
});

describe('no-sync-in-async options', () => {
  function lint(options: unknown): Linter.LintMessage[] {
    const linter = new Linter({ configType: 'flat' });
    return linter.verify(
      "import fs from 'fs'; async function f() { fs.readFileSync('x'); }",
      {
        files: ['**/*.ts'],
        plugins: { 'event-loop': { rules: { 'no-sync-in-async': rule as never } } },
        languageOptions: { parser: tsParser },
        rules: { 'event-loop/no-sync-in-async': ['error', options] },
      },
      'file.ts',
    );
  }

  it('accepts every documented option', () => {
    const messages = lint({
      allow: ['fs.existsSync'],
      extraFunctions: [{ module: 'fs-extra', names: ['readJsonSync'], replacement: 'readJson' }],
      checkTopLevelAwaitModules: true,
      checkArrayCallbacks: false,
      reportIn: 'all-functions',
    });
    expect(messages.map((message) => message.ruleId)).toEqual(['event-loop/no-sync-in-async']);
  });

  it.each([
    ['an unknown option', { checkEverything: true }, 'Unexpected property "checkEverything"'],
    ['a non-boolean flag', { checkArrayCallbacks: 'yes' }, 'Value "yes" should be boolean'],
    ['an unknown reportIn', { reportIn: 'everywhere' }, 'should match pattern "^(concurrent-paths|async-functions|all-functions)$"'],
    ['allow that is not a list of strings', { allow: 'fs.existsSync' }, 'Value "fs.existsSync" should be array'],
    ['an extra function without names', { extraFunctions: [{ module: 'fs-extra' }] }, "should have required property 'names'"],
    ['an extra function with empty names', { extraFunctions: [{ module: 'fs-extra', names: [] }] }, 'should NOT have fewer than 1 items'],
    ['an extra function with an unknown key', { extraFunctions: [{ module: 'fs-extra', names: ['readJsonSync'], fix: true }] }, 'Unexpected property "fix"'],
    [
      'a replacement that is not an identifier',
      { extraFunctions: [{ module: 'fs-extra', names: ['readJsonSync'], replacement: 'a.b' }] },
      'Value "a.b" should match pattern',
    ],
  ])('rejects %s', (_title, options, expected) => {
    expect(() => lint(options)).toThrow('Key "event-loop/no-sync-in-async"');
    expect(() => lint(options)).toThrow(expected);
  });
});

describe('no-sync-in-async --fix over a whole file', () => {
  function fix(code: string, sourceType: 'module' | 'commonjs' = 'module'): Linter.FixReport {
    const linter = new Linter({ configType: 'flat' });
    return linter.verifyAndFix(
      code,
      {
        files: ['**/*.js'],
        plugins: { 'event-loop': { rules: { 'no-sync-in-async': rule as never } } },
        languageOptions: { sourceType },
        rules: { 'event-loop/no-sync-in-async': 'error' },
      },
      'file.js',
    );
  }

  it('fixes ten calls of ten functions in one run and adds each import once', () => {
    const code = [
      "import { readFileSync, writeFileSync, appendFileSync, mkdirSync, readdirSync, rmSync, copyFileSync, renameSync, unlinkSync, statSync } from 'node:fs';",
      '',
      'export async function mirror(dir, out) {',
      '  mkdirSync(out, { recursive: true });',
      '  for (const name of readdirSync(dir)) {',
      "    const text = readFileSync(`${dir}/${name}`, 'utf8');",
      '    writeFileSync(`${out}/${name}`, text);',
      '    appendFileSync(`${out}/log`, name);',
      '    copyFileSync(`${dir}/${name}`, `${out}/${name}.bak`);',
      '    renameSync(`${out}/${name}.bak`, `${out}/${name}.old`);',
      '    unlinkSync(`${out}/${name}.old`);',
      '    if (statSync(`${out}/${name}`).size === 0) rmSync(`${out}/${name}`);',
      '  }',
      '}',
    ].join('\n');
    const result = fix(code);
    expect(result.messages).toEqual([]);
    expect(result.output).toBe(
      [
        "import { readFileSync, writeFileSync, appendFileSync, mkdirSync, readdirSync, rmSync, copyFileSync, renameSync, unlinkSync, statSync } from 'node:fs';",
        "import { mkdir, readdir, readFile, writeFile, appendFile, copyFile, rename, unlink, stat, rm } from 'node:fs/promises';",
        '',
        'export async function mirror(dir, out) {',
        '  await mkdir(out, { recursive: true });',
        '  for (const name of await readdir(dir)) {',
        "    const text = await readFile(`${dir}/${name}`, 'utf8');",
        '    await writeFile(`${out}/${name}`, text);',
        '    await appendFile(`${out}/log`, name);',
        '    await copyFile(`${dir}/${name}`, `${out}/${name}.bak`);',
        '    await rename(`${out}/${name}.bak`, `${out}/${name}.old`);',
        '    await unlink(`${out}/${name}.old`);',
        '    if ((await stat(`${out}/${name}`)).size === 0) await rm(`${out}/${name}`);',
        '  }',
        '}',
      ].join('\n'),
    );
  });

  it('fixes calls through the fs binding in a single pass, without imports (CommonJS)', () => {
    const code = [
      "const fs = require('fs');",
      'module.exports = async function clean(dir) {',
      '  for (const name of fs.readdirSync(dir)) {',
      '    if (fs.lstatSync(`${dir}/${name}`).isFile()) fs.unlinkSync(`${dir}/${name}`);',
      '  }',
      '  fs.rmdirSync(dir);',
      '};',
    ].join('\n');
    const result = fix(code, 'commonjs');
    expect(result.messages).toEqual([]);
    expect(result.output).toBe(
      [
        "const fs = require('fs');",
        'module.exports = async function clean(dir) {',
        '  for (const name of await fs.promises.readdir(dir)) {',
        '    if ((await fs.promises.lstat(`${dir}/${name}`)).isFile()) await fs.promises.unlink(`${dir}/${name}`);',
        '  }',
        '  await fs.promises.rmdir(dir);',
        '};',
      ].join('\n'),
    );
  });
});

/** One `blockingCallConcurrent` error: what the analysis saw and who waits. */
function onPath(name: string, runs: string, waiters: string, alternative: string, extra: Partial<Invalid['errors'][number]> = {}): Invalid['errors'][number] {
  return { messageId: 'blockingCallConcurrent', data: { name, runs, waiters, alternative }, ...extra };
}

const REQUESTS = 'other requests wait until it finishes';

runWithBothParsers('no-sync-in-async on concurrent paths', rule, {
  valid: [
    // Sequential paths stay silent, async or not.
    "#!/usr/bin/env node\nimport fs from 'fs';\nasync function main() { fs.readFileSync('package.json'); }\nmain();",
    "import fs from 'fs';\nconst [, , file] = process.argv;\nexport async function run() { return fs.readFileSync(file); }",
    "import fs from 'fs';\nexport default function plugin() { return { name: 'p', async buildStart() { fs.readFileSync('a'); }, closeBundle() { fs.writeFileSync('b', ''); } }; }",
    "import fs from 'fs';\ncompiler.hooks.emit.tapPromise('P', async () => { fs.writeFileSync('stats.json', '{}'); });",
    "import fs from 'fs';\napp.get('/x', async (req, res) => { try { res.send(await load()); } catch (error) { fs.appendFileSync('error.log', String(error)); } });",
    "import fs from 'fs';\nprocess.on('SIGTERM', async () => { fs.rmSync('pid'); process.exit(0); });",
    "import fs from 'fs';\nprocess.on('uncaughtException', (error) => { fs.writeFileSync('crash.log', String(error)); process.exit(1); });",
    "import fs from 'fs';\napp.listen(3000, () => { fs.writeFileSync('pid', String(process.pid)); });",
    "import fs from 'fs';\nasync function start() { fs.mkdirSync('tmp', { recursive: true }); }\nstart().then(() => app.listen(3000));",
    // Sync code whose context is unknown stays silent by default.
    "import fs from 'fs';\nexport function readConfig(p) { return fs.readFileSync(p, 'utf8'); }",
    "import fs from 'fs';\nsetInterval(() => fs.statSync('x'), 1000);",
    // A `once` listener, or one for an event sent once ('end', 'close', 'finish', 'exit'), runs as
    // often as the code that registers it: here a reporter's constructor, whose context is unknown.
    "import fs from 'fs';\nexport function JsonReporter(runner, file) { runner.once(EVENT_RUN_END, () => { fs.writeFileSync(file, '{}'); }); }",
    "import fs from 'fs';\nimport { spawn } from 'child_process';\nexport function install(dir) { const child = spawn('npm', ['i'], { cwd: dir }); child.on('close', () => fs.readFileSync(dir + '/package.json')); }",
    "import fs from 'fs';\nwindow.addEventListener('load', () => fs.statSync('x'), { once: true });",
    // `res` is also short for "result": only a `res` the function writes a response to makes it per-request.
    "import fs from 'fs';\nexport function publish(err, res) { return fs.readFileSync(res.path); }",
    // `map.get(key, fn)` is not a route: the first argument is no path.
    "import fs from 'fs';\nfunction f(map, key) { return map.get(key, () => fs.readFileSync(key)); }",
  ],
  invalid: [
    // ---- Sync request handlers: reported, no fix (Express 4 and Node do not await handlers).
    {
      code: "import fs from 'fs';\napp.get('/r', (req, res) => res.send(fs.readFileSync('r.html')));",
      output: null,
      errors: [onPath('readFileSync', 'runs on every request to this route (`GET /r`)', REQUESTS, FS_NO_AWAIT, { suggestions: [] })],
    },
    {
      code: "import http from 'http';\nimport fs from 'fs';\nhttp.createServer((req, res) => res.end(fs.readFileSync('index.html'))).listen(8080);",
      output: null,
      errors: [onPath('readFileSync', 'runs on every request to this server (`http.createServer`)', REQUESTS, FS_NO_AWAIT, { suggestions: [] })],
    },
    {
      code: "import fs from 'fs';\napp.use((req, res, next) => { if (fs.existsSync(req.path)) res.sendFile(req.path); else next(); });",
      output: null,
      errors: [onPath('existsSync', 'runs on every request through this middleware', REQUESTS, '`access` from `node:fs/promises`', { suggestions: [] })],
    },
    {
      code: "import fs from 'fs';\nexport default { name: 'assets', configureServer(server) { server.middlewares.use((req, res, next) => { res.end(fs.readdirSync('static').join()); }); } };",
      output: null,
      errors: [onPath('readdirSync', 'runs on every request through this middleware', REQUESTS, '`readdir` from `node:fs/promises`')],
    },
    // ---- Async handlers: the autofix, as in any async function.
    {
      code: "import fs from 'fs';\nrouter.get('/report', async (req, res) => { res.send(fs.readFileSync('report.html', 'utf8')); });",
      output: "import fs from 'fs';\nrouter.get('/report', async (req, res) => { res.send(await fs.promises.readFile('report.html', 'utf8')); });",
      errors: [onPath('readFileSync', 'runs on every request to this route (`GET /report`)', REQUESTS, FS)],
    },
    // ---- Frameworks that await handlers: a suggestion that also makes the handler async.
    // Each row: the handler, what the message says it runs on, and the handler made async.
    ...[
      [
        "import Router from '@koa/router';\nimport fs from 'fs';\nrouter.get('/k', (ctx) => { ctx.body = fs.readFileSync('k.txt'); });",
        'runs on every request to this route (`GET /k`)',
        "import Router from '@koa/router';\nimport fs from 'fs';\nrouter.get('/k', async (ctx) => { ctx.body = await fs.promises.readFile('k.txt'); });",
      ],
      [
        "import fs from 'fs';\nserver.route({ method: 'GET', path: '/h', handler(request, h) { return fs.readFileSync('h.txt', 'utf8'); } });",
        'runs on every request to this route (`GET /h`)',
        "import fs from 'fs';\nserver.route({ method: 'GET', path: '/h', async handler(request, h) { return await fs.promises.readFile('h.txt', 'utf8'); } });",
      ],
      [
        "import fs from 'fs';\nexport function GET() { return new Response(fs.readFileSync('data.json')); }",
        'runs on every request to the `GET` handler of this route module',
        "import fs from 'fs';\nexport async function GET() { return new Response(await fs.promises.readFile('data.json')); }",
      ],
    ].map(([code, runs, asyncOutput]) => ({
      code: code as string,
      output: null,
      errors: [
        onPath('readFileSync', runs as string, REQUESTS, FS_NO_AWAIT, {
          suggestions: [{ messageId: 'makeHandlerAsync' as const, data: { asyncName: 'readFile' }, output: asyncOutput as string }],
        }),
      ],
    })),
    // ---- One level of same-file helpers, named in the message; never fixed there (the helper is sync).
    {
      code: "import fs from 'fs';\nfunction render(name) { return fs.readFileSync(`views/${name}.html`, 'utf8'); }\napp.get('/page', (req, res) => res.send(render('page')));",
      output: null,
      errors: [onPath('readFileSync', 'runs in the function `render`, called on every request to this route (`GET /page`)', REQUESTS, FS_NO_AWAIT, { line: 2 })],
    },
    {
      code: "import fs from 'fs';\nfunction walk(dir) { return fs.readdirSync(dir); }\nexport default { name: 'p', buildStart() { walk('a'); }, configureServer(server) { server.middlewares.use((req, res) => res.end(walk('b').join())); } };",
      output: null,
      errors: [onPath('readdirSync', 'runs in the function `walk`, called on every request through this middleware', REQUESTS, '`readdir` from `node:fs/promises`')],
    },
    // ---- Listeners, job processors, fan-out, per-module hooks.
    {
      code: "import fs from 'fs';\nsocket.on('data', (chunk) => fs.appendFileSync('log', chunk));",
      output: null,
      errors: [onPath('appendFileSync', "runs on every 'data' event", 'other events and requests wait until it finishes', '`appendFile` from `node:fs/promises`')],
    },
    {
      code: "import { execFileSync } from 'child_process';\nimport { Worker } from 'bullmq';\nnew Worker('images', async (job) => { execFileSync('convert', [job.data.file]); });",
      output: null,
      errors: [
        onPath('execFileSync', 'runs for every job of this queue worker (`images`)', 'the other jobs in progress wait until it finishes', '`execFile` from `node:child_process` through `promisify` from `node:util`', {
          suggestions: [{ messageId: 'replaceWithPromisifiedExec', data: { asyncName: 'execFile' }, output: "import { execFileSync, execFile } from 'child_process';\nimport { Worker } from 'bullmq';\nimport { promisify } from 'util';\nnew Worker('images', async (job) => { await promisify(execFile)('convert', [job.data.file]); });" }],
        }),
      ],
    },
    {
      code: "import fs from 'fs';\nexport async function writeAll(files) {\n  await Promise.all(files.map(async (file) => { fs.writeFileSync(file.path, file.text); }));\n}",
      output: "import fs from 'fs';\nexport async function writeAll(files) {\n  await Promise.all(files.map(async (file) => { await fs.promises.writeFile(file.path, file.text); }));\n}",
      errors: [
        onPath('writeFileSync', 'runs in each item of this `Promise.all`', 'the other items of this `Promise.all` wait until it finishes', '`await writeFile` from `node:fs/promises`', { line: 3 }),
      ],
    },
    {
      code: "import fs from 'fs';\nexport default function assets() { return { name: 'assets', load(id) { return fs.readFileSync(id, 'utf8'); } }; }",
      output: null,
      errors: [onPath('readFileSync', 'runs for every module in the `load` hook', 'the other modules (and dev-server requests) wait until it finishes', FS_NO_AWAIT)],
    },
    {
      code: "socket.on('message', (end) => { while (Date.now() < end) {} });",
      output: null,
      errors: [
        {
          messageId: 'busyWaitConcurrent',
          data: { runs: "runs on every 'message' event", waiters: 'other events and requests wait until it finishes', alternative: '`setTimeout(ms)` from `node:timers/promises`' },
        },
      ],
    },
    // ---- A once-per-registration listener inside a handler runs per request.
    {
      code: "import fs from 'fs';\napp.post('/up', (req, res) => { req.once('end', () => { fs.writeFileSync('up.bin', ''); res.end(); }); });",
      output: null,
      errors: [onPath('writeFileSync', 'runs on every request to this route (`POST /up`)', REQUESTS, '`writeFile` from `node:fs/promises`')],
    },
    // ---- A function that takes a request's `req`, or a `res` it writes to, runs per request wherever it is called from.
    {
      code: "import fs from 'fs';\nexport function serveFile(res, file) { const { size } = fs.statSync(file); res.writeHead(200, { 'content-length': size }); }",
      output: null,
      errors: [onPath('statSync', "runs on every request it is given (it takes the request's `res`)", REQUESTS, '`stat` from `node:fs/promises`')],
    },
    {
      code: "import fs from 'fs';\nexport function isFresh(req) { return fs.existsSync(req.url); }",
      output: null,
      errors: [onPath('existsSync', "runs on every request it is given (it takes the request's `req`)", REQUESTS, '`access` from `node:fs/promises`')],
    },
    // ---- A sync helper called from async code whose context is unknown: reported at the helper, named.
    {
      code: "import fs from 'fs';\nfunction readTemplate(name) { return fs.readFileSync(name, 'utf8'); }\nexport async function render(name) { return readTemplate(name); }",
      output: null,
      errors: [blocking('readFileSync', 'the function `readTemplate`, called from the async function `render`', FS_NO_AWAIT)],
    },
    // ---- Options: `async-functions` also reports sequential async code, `all-functions` every function.
    {
      code: "#!/usr/bin/env node\nimport fs from 'fs';\nasync function main() { fs.mkdirSync('out'); }\nmain();",
      output: "#!/usr/bin/env node\nimport fs from 'fs';\nasync function main() { await fs.promises.mkdir('out'); }\nmain();",
      options: [{ reportIn: 'async-functions' }],
      errors: [blocking('mkdirSync', 'the async function `main`', '`await mkdir` from `node:fs/promises`')],
    },
    {
      code: "import fs from 'fs';\nexport function readConfig(p) { return fs.readFileSync(p, 'utf8'); }",
      output: null,
      options: [{ reportIn: 'all-functions' }],
      errors: [blocking('readFileSync', 'the function `readConfig`', FS_NO_AWAIT)],
    },
    {
      code: "import fs from 'fs';\napp.get('/r', (req, res) => res.send(fs.readFileSync('r.html')));",
      output: null,
      options: [{ reportIn: 'async-functions' }],
      errors: [onPath('readFileSync', 'runs on every request to this route (`GET /r`)', REQUESTS, FS_NO_AWAIT)],
    },
  ],
});

describe('no-sync-in-async on concurrent paths with TypeScript syntax', () => {
  tsRuleTester.run('no-sync-in-async (TypeScript, concurrent paths)', rule, {
    valid: [
      "import fs from 'fs';\nexport default { name: 'p', async generateBundle(): Promise<void> { fs.writeFileSync('manifest.json', '{}'); } } satisfies Plugin;",
    ],
    invalid: [
      {
        code: "import fs from 'fs';\nimport type { Request, Response } from 'express';\nconst show = ((req: Request, res: Response): void => { res.send(fs.readFileSync('a')); }) as Handler;\napp.get('/a', show);",
        output: null,
        errors: [onPath('readFileSync', 'runs on every request to this route (`GET /a`)', REQUESTS, FS_NO_AWAIT)],
      },
      {
        code: "import fs from 'fs';\nclass Cache {\n  get(key: string): Buffer { return fs.readFileSync(key); }\n}\nconst cache = new Cache();\nrouter.get('/c/:key', (req: Req, res: Res) => res.send(cache.get(req.params.key)));",
        output: null,
        errors: [onPath('readFileSync', 'runs in the method `get`, called on every request to this route (`GET /c/:key`)', REQUESTS, FS_NO_AWAIT, { line: 3 })],
      },
      {
        code: "import { statSync } from 'node:fs';\nfunction serveFile(res: HttpResponse, filepath: string): void {\n  const { size } = statSync(filepath);\n  res.onAborted(() => undefined);\n}",
        output: null,
        errors: [onPath('statSync', "runs on every request it is given (it takes the request's `res`)", REQUESTS, '`stat` from `node:fs/promises`', { line: 3 })],
      },
      {
        code: "import fs from 'fs';\nexport const POST = async (request: Request): Promise<Response> => new Response(fs.readFileSync('x'));",
        output: "import fs from 'fs';\nexport const POST = async (request: Request): Promise<Response> => new Response(await fs.promises.readFile('x'));",
        errors: [onPath('readFileSync', 'runs on every request to the `POST` handler of this route module', REQUESTS, FS)],
      },
    ],
  });
});

describe('no-sync-in-async in the configs', () => {
  it('reports concurrent paths in recommended, every async function in strict, every function in all', async () => {
    const { default: plugin } = await import('../../index.js');
    const configs = plugin.configs as Record<string, { rules?: Record<string, unknown> }>;
    expect(configs.recommended?.rules?.['event-loop/no-sync-in-async']).toBe('error');
    expect(configs.strict?.rules?.['event-loop/no-sync-in-async']).toEqual(['error', { reportIn: 'async-functions' }]);
    expect(configs.all?.rules?.['event-loop/no-sync-in-async']).toEqual([
      'error',
      { reportIn: 'all-functions', checkTopLevelAwaitModules: true, checkArrayCallbacks: true },
    ]);
  });
});
