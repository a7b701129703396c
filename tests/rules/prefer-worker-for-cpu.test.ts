import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import { Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';
import rule, { type MessageIds, type Options } from '../../src/rules/prefer-worker-for-cpu.js';
import { commonjs, runWithBothParsers, tsRuleTester, typedRuleTester } from '../helpers/rule-tester.js';

type Invalid = InvalidTestCase<MessageIds, Options>;

const lines = (...parts: string[]): string => parts.join('\n');
const THREAD_POOL = ', which runs on the thread pool';
/** In a sync array-method callback, where `await` is not legal, the message says where to use the variant. */
const THREAD_POOL_IN_CALLBACK = ', which runs on the thread pool, outside the callback, or in an async callback (`await Promise.all(items.map(async …))`)';

// ---------------------------------------------------------------------------------------------
// Every tracked API, with its variant and the action the message names (written out here, not
// read from the rule's table, so a wrong table entry fails).
// ---------------------------------------------------------------------------------------------

const CALLBACK_APIS: readonly (readonly [module: string, sync: string, variant: string, action: string])[] = [
  ['crypto', 'pbkdf2Sync', 'pbkdf2', 'derives a key'],
  ['crypto', 'scryptSync', 'scrypt', 'derives a key'],
  ['crypto', 'hkdfSync', 'hkdf', 'derives a key'],
  ['crypto', 'generateKeyPairSync', 'generateKeyPair', 'generates a key pair'],
  ['crypto', 'generatePrimeSync', 'generatePrime', 'generates a prime'],
  ['crypto', 'checkPrimeSync', 'checkPrime', 'tests a number for primality'],
  ['zlib', 'gzipSync', 'gzip', 'compresses data'],
  ['zlib', 'gunzipSync', 'gunzip', 'decompresses data'],
  ['zlib', 'deflateSync', 'deflate', 'compresses data'],
  ['zlib', 'inflateSync', 'inflate', 'decompresses data'],
  ['zlib', 'deflateRawSync', 'deflateRaw', 'compresses data'],
  ['zlib', 'inflateRawSync', 'inflateRaw', 'decompresses data'],
  ['zlib', 'unzipSync', 'unzip', 'decompresses data'],
  ['zlib', 'brotliCompressSync', 'brotliCompress', 'compresses data'],
  ['zlib', 'brotliDecompressSync', 'brotliDecompress', 'decompresses data'],
  ['zlib', 'zstdCompressSync', 'zstdCompress', 'compresses data'],
  ['zlib', 'zstdDecompressSync', 'zstdDecompress', 'decompresses data'],
];

const PROMISE_APIS: readonly (readonly [sync: string, variant: string, action: string])[] = [
  ['hashSync', 'hash', 'hashes a password'],
  ['compareSync', 'compare', 'checks a password against its hash'],
  ['genSaltSync', 'genSalt', 'generates a salt'],
];
const BCRYPT_BENEFIT = { bcrypt: THREAD_POOL, bcryptjs: ', which works in short slices that let other tasks run' };

const everyCallbackApi: Invalid[] = CALLBACK_APIS.map(([module, sync, variant, action]) => ({
  code: lines(`import ${module} from 'node:${module}';`, `export async function run(input) {`, `  return ${module}.${sync}(input);`, '}'),
  output: lines(
    `import ${module} from 'node:${module}';`,
    "import { promisify } from 'node:util';",
    `export async function run(input) {`,
    `  return await promisify(${module}.${variant})(input);`,
    '}',
  ),
  errors: [
    {
      messageId: 'cpuCall',
      line: 3,
      column: 10,
      endColumn: 18 + module.length + sync.length,
      data: { name: sync, action, where: 'in the async function `run`', replacement: `await promisify(${variant})(...)`, benefit: THREAD_POOL },
    },
  ],
}));

const everyPromiseApi: Invalid[] = (['bcrypt', 'bcryptjs'] as const).flatMap((module) =>
  PROMISE_APIS.map(([sync, variant, action]): Invalid => ({
    code: lines(`import bcrypt from '${module}';`, 'const check = async (input) => bcrypt.' + sync + '(input, 10);'),
    output: lines(`import bcrypt from '${module}';`, `const check = async (input) => await bcrypt.${variant}(input, 10);`),
    errors: [
      {
        messageId: 'cpuCall',
        line: 2,
        column: 32,
        data: { name: sync, action, where: 'in the async arrow function `check`', replacement: `await ${variant}(...)`, benefit: BCRYPT_BENEFIT[module] },
      },
    ],
  })),
);

// ---------------------------------------------------------------------------------------------
// Import spellings
// ---------------------------------------------------------------------------------------------

const spellings: Invalid[] = [
  {
    // Namespace import with `node:`; the new util import follows the `node:` style.
    code: lines("import * as crypto from 'node:crypto';", 'async function login(pw, salt) {', "  return crypto.pbkdf2Sync(pw, salt, 1e5, 64, 'sha512');", '}'),
    output: lines(
      "import * as crypto from 'node:crypto';",
      "import { promisify } from 'node:util';",
      'async function login(pw, salt) {',
      "  return await promisify(crypto.pbkdf2)(pw, salt, 1e5, 64, 'sha512');",
      '}',
    ),
    errors: [{ messageId: 'cpuCall', line: 3, column: 10 }],
  },
  {
    // Default import without `node:`: the new import keeps the bare style.
    code: lines("import zlib from 'zlib';", 'export async function pack(body) {', '  const out = zlib.gzipSync(body);', '  return out;', '}'),
    output: lines(
      "import zlib from 'zlib';",
      "import { promisify } from 'util';",
      'export async function pack(body) {',
      '  const out = await promisify(zlib.gzip)(body);',
      '  return out;',
      '}',
    ),
    errors: [{ messageId: 'cpuCall', line: 3, column: 15 }],
  },
  {
    // Named import: the variant is added next to it.
    code: lines("import { pbkdf2Sync } from 'node:crypto';", 'async function login(pw, salt) {', "  return pbkdf2Sync(pw, salt, 1e5, 64, 'sha512');", '}'),
    output: lines(
      "import { pbkdf2Sync, pbkdf2 } from 'node:crypto';",
      "import { promisify } from 'node:util';",
      'async function login(pw, salt) {',
      "  return await promisify(pbkdf2)(pw, salt, 1e5, 64, 'sha512');",
      '}',
    ),
    errors: [
      {
        messageId: 'cpuCall',
        data: {
          name: 'pbkdf2Sync',
          action: 'derives a key',
          where: 'in the async function `login`',
          replacement: 'await promisify(pbkdf2)(...)',
          benefit: THREAD_POOL,
        },
      },
    ],
  },
  {
    // Renamed named import.
    code: lines("import { scryptSync as derive } from 'crypto';", 'const f = async (pw) => derive(pw, salt, 32);'),
    output: lines(
      "import { scryptSync as derive, scrypt } from 'crypto';",
      "import { promisify } from 'util';",
      'const f = async (pw) => await promisify(scrypt)(pw, salt, 32);',
    ),
    errors: [{ messageId: 'cpuCall', line: 2, column: 25 }],
  },
  {
    // The variant's name is taken: a collision-free name is imported.
    code: lines("import { gzipSync } from 'zlib';", 'const gzip = 1;', 'async function f(b) { return gzipSync(b); }'),
    output: lines(
      "import { gzipSync, gzip as gzipAsync } from 'zlib';",
      "import { promisify } from 'util';",
      'const gzip = 1;',
      'async function f(b) { return await promisify(gzipAsync)(b); }',
    ),
    errors: [{ messageId: 'cpuCall' }],
  },
  {
    // The variant is already imported.
    code: lines("import { promisify } from 'node:util';", "import { gunzip, gunzipSync } from 'node:zlib';", 'async function f(b) { return gunzipSync(b); }'),
    output: lines("import { promisify } from 'node:util';", "import { gunzip, gunzipSync } from 'node:zlib';", 'async function f(b) { return await promisify(gunzip)(b); }'),
    errors: [{ messageId: 'cpuCall' }],
  },
  {
    // An alias of a built-in member: the variant is reached through the module's binding.
    code: lines("import crypto from 'crypto';", 'const derive = crypto.pbkdf2Sync;', "async function f(pw) { return derive(pw, 's', 1, 32, 'sha256'); }"),
    output: lines(
      "import crypto from 'crypto';",
      "import { promisify } from 'util';",
      'const derive = crypto.pbkdf2Sync;',
      "async function f(pw) { return await promisify(crypto.pbkdf2)(pw, 's', 1, 32, 'sha256'); }",
    ),
    errors: [{ messageId: 'cpuCall', data: { name: 'pbkdf2Sync', action: 'derives a key', where: 'in the async function `f`', replacement: 'await promisify(pbkdf2)(...)', benefit: THREAD_POOL } }],
  },
  {
    // Computed member with a string key.
    code: lines("import crypto from 'crypto';", "async function f() { return crypto['generateKeyPairSync']('ed25519'); }"),
    output: lines(
      "import crypto from 'crypto';",
      "import { promisify } from 'util';",
      "async function f() { return await promisify(crypto['generateKeyPair'])('ed25519'); }",
    ),
    errors: [{ messageId: 'cpuCall' }],
  },
  {
    // process.getBuiltinModule
    code: "export async function keys() { return process.getBuiltinModule('node:crypto').generateKeyPairSync('ed25519'); }",
    output: [
      "import { promisify } from 'node:util';",
      "export async function keys() { return await promisify(process.getBuiltinModule('node:crypto').generateKeyPair)('ed25519'); }",
    ].join('\n'),
    errors: [{ messageId: 'cpuCall', column: 39 }],
  },
  {
    // CommonJS require
    code: lines("const crypto = require('crypto');", 'module.exports = async function hash(pw) {', "  return crypto.scryptSync(pw, 'salt', 64);", '};'),
    output: lines(
      "const crypto = require('crypto');",
      "const { promisify } = require('util');",
      'module.exports = async function hash(pw) {',
      "  return await promisify(crypto.scrypt)(pw, 'salt', 64);",
      '};',
    ),
    languageOptions: commonjs,
    errors: [{ messageId: 'cpuCall', line: 3, data: { name: 'scryptSync', action: 'derives a key', where: 'in the async function `hash`', replacement: 'await promisify(scrypt)(...)', benefit: THREAD_POOL } }],
  },
  {
    // CommonJS destructured require: the variant joins the same destructuring.
    code: lines("const { brotliCompressSync } = require('node:zlib');", 'exports.pack = async (b) => brotliCompressSync(b);'),
    output: lines(
      "const { brotliCompressSync, brotliCompress } = require('node:zlib');",
      "const { promisify } = require('node:util');",
      'exports.pack = async (b) => await promisify(brotliCompress)(b);',
    ),
    languageOptions: commonjs,
    errors: [{ messageId: 'cpuCall', data: { name: 'brotliCompressSync', action: 'compresses data', where: 'in the async arrow function `pack`', replacement: 'await promisify(brotliCompress)(...)', benefit: THREAD_POOL } }],
  },
  {
    // CommonJS inline require, no require declarations to follow.
    code: lines('"use strict";', "exports.unpack = async (b) => require('zlib').inflateSync(b);"),
    output: lines('"use strict";', 'const { promisify } = require("node:util");', "exports.unpack = async (b) => await promisify(require('zlib').inflate)(b);"),
    languageOptions: commonjs,
    errors: [{ messageId: 'cpuCall', line: 2, column: 31 }],
  },
  {
    // bcrypt through a named import and through require.
    code: lines("import { compareSync } from 'bcryptjs';", 'export async function check(pw, hash) { if (!compareSync(pw, hash)) throw new Error(); }'),
    output: lines("import { compareSync, compare } from 'bcryptjs';", 'export async function check(pw, hash) { if (!await compare(pw, hash)) throw new Error(); }'),
    errors: [{ messageId: 'cpuCall' }],
  },
  {
    code: lines("const bcrypt = require('bcrypt');", 'async function register(pw) {', '  const salt = bcrypt.genSaltSync(12);', '  return bcrypt.hashSync(pw, salt);', '}'),
    output: lines("const bcrypt = require('bcrypt');", 'async function register(pw) {', '  const salt = await bcrypt.genSalt(12);', '  return await bcrypt.hash(pw, salt);', '}'),
    languageOptions: commonjs,
    errors: [
      { messageId: 'cpuCall', line: 3, data: { name: 'genSaltSync', action: 'generates a salt', where: 'in the async function `register`', replacement: 'await genSalt(...)', benefit: THREAD_POOL } },
      { messageId: 'cpuCall', line: 4 },
    ],
  },
  {
    // A destructured bcrypt require: the variant joins the same destructuring.
    code: lines("const { hashSync } = require('bcrypt');", 'exports.h = async (pw) => hashSync(pw, 10);'),
    output: lines("const { hashSync, hash } = require('bcrypt');", 'exports.h = async (pw) => await hash(pw, 10);'),
    languageOptions: commonjs,
    errors: [{ messageId: 'cpuCall' }],
  },
];

// ---------------------------------------------------------------------------------------------
// Where code runs, and fix composition
// ---------------------------------------------------------------------------------------------

const contexts: Invalid[] = [
  {
    // Async method in a class, async method in an object literal.
    code: lines(
      "import zlib from 'node:zlib';",
      "import { promisify } from 'node:util';",
      'class Store {',
      '  async save(doc) { return zlib.deflateSync(doc); }',
      '}',
      'const api = { async load(b) { return zlib.inflateSync(b); } };',
    ),
    output: lines(
      "import zlib from 'node:zlib';",
      "import { promisify } from 'node:util';",
      'class Store {',
      '  async save(doc) { return await promisify(zlib.deflate)(doc); }',
      '}',
      'const api = { async load(b) { return await promisify(zlib.inflate)(b); } };',
    ),
    errors: [
      { messageId: 'cpuCall', line: 4, data: { name: 'deflateSync', action: 'compresses data', where: 'in the async method `save`', replacement: 'await promisify(deflate)(...)', benefit: THREAD_POOL } },
      { messageId: 'cpuCall', line: 6, data: { name: 'inflateSync', action: 'decompresses data', where: 'in the async method `load`', replacement: 'await promisify(inflate)(...)', benefit: THREAD_POOL } },
    ],
  },
  {
    // Async generator and `export default` async arrow.
    code: lines("import zlib from 'zlib';", 'async function* chunks(bs) { for (const b of bs) yield zlib.gzipSync(b); }', 'export default async (b) => zlib.gunzipSync(b);'),
    output: [
      lines(
        "import zlib from 'zlib';",
        "import { promisify } from 'util';",
        'async function* chunks(bs) { for (const b of bs) yield await promisify(zlib.gzip)(b); }',
        'export default async (b) => zlib.gunzipSync(b);',
      ),
      lines(
        "import zlib from 'zlib';",
        "import { promisify } from 'util';",
        'async function* chunks(bs) { for (const b of bs) yield await promisify(zlib.gzip)(b); }',
        'export default async (b) => await promisify(zlib.gunzip)(b);',
      ),
    ],
    errors: [
      { messageId: 'cpuCall', line: 2, data: { name: 'gzipSync', action: 'compresses data', where: 'in the async generator function `chunks`', replacement: 'await promisify(gzip)(...)', benefit: THREAD_POOL } },
      { messageId: 'cpuCall', line: 3, data: { name: 'gunzipSync', action: 'decompresses data', where: 'in an async arrow function', replacement: 'await promisify(gunzip)(...)', benefit: THREAD_POOL } },
    ],
  },
  {
    // Sync array callback inside async code: reported, no fix (await is not legal there).
    code: lines("import zlib from 'node:zlib';", 'async function packAll(items) {', '  return items.map((item) => zlib.gzipSync(item));', '}'),
    output: null,
    errors: [
      {
        messageId: 'cpuCall',
        line: 3,
        column: 30,
        data: { name: 'gzipSync', action: 'compresses data', where: 'in a `.map` callback in the async function `packAll`', replacement: 'promisify(gzip)(...)', benefit: THREAD_POOL_IN_CALLBACK },
      },
    ],
  },
  {
    // Nested sync callbacks and a `new Promise` executor inside async code.
    code: lines(
      "import crypto from 'crypto';",
      'async function f(rows) {',
      '  rows.forEach((row) => row.cells.filter((c) => crypto.checkPrimeSync(c)));',
      "  return new Promise((resolve) => resolve(crypto.hkdfSync('sha256', k, s, i, 32)));",
      '}',
    ),
    output: null,
    errors: [
      { messageId: 'cpuCall', line: 3, data: { name: 'checkPrimeSync', action: 'tests a number for primality', where: 'in a `.filter` callback in the async function `f`', replacement: 'promisify(checkPrime)(...)', benefit: THREAD_POOL_IN_CALLBACK } },
      { messageId: 'cpuCall', line: 4 },
    ],
  },
  {
    // Promise handlers at the top level run at startup: reported with `reportIn: 'async-functions'`; fixed only when the handler is async.
    options: [{ reportIn: 'async-functions' }],
    code: lines(
      "import zlib from 'zlib';",
      "import { promisify } from 'util';",
      'fetchBody().then((b) => zlib.gunzipSync(b));',
      'fetchBody().catch(async (b) => zlib.gunzipSync(b));',
    ),
    output: lines(
      "import zlib from 'zlib';",
      "import { promisify } from 'util';",
      'fetchBody().then((b) => zlib.gunzipSync(b));',
      'fetchBody().catch(async (b) => await promisify(zlib.gunzip)(b));',
    ),
    errors: [
      { messageId: 'cpuCall', line: 3, data: { name: 'gunzipSync', action: 'decompresses data', where: 'in a `.then` callback', replacement: 'promisify(gunzip)(...)', benefit: THREAD_POOL } },
      { messageId: 'cpuCall', line: 4, data: { name: 'gunzipSync', action: 'decompresses data', where: 'in an async arrow function', replacement: 'await promisify(gunzip)(...)', benefit: THREAD_POOL } },
    ],
  },
  {
    // Parentheses where precedence needs them, none where it does not; comments in the arguments kept.
    code: lines(
      "import zlib from 'zlib';",
      "import { promisify } from 'util';",
      'async function f(b, n) {',
      '  const size = zlib.gzipSync(b).length;',
      '  return `${zlib.deflateSync(b /* raw body */, { level: 9 })}`;',
      '}',
    ),
    output: lines(
      "import zlib from 'zlib';",
      "import { promisify } from 'util';",
      'async function f(b, n) {',
      '  const size = (await promisify(zlib.gzip)(b)).length;',
      '  return `${await promisify(zlib.deflate)(b /* raw body */, { level: 9 })}`;',
      '}',
    ),
    errors: [{ messageId: 'cpuCall', line: 4 }, { messageId: 'cpuCall', line: 5 }],
  },
  {
    // `!` needs no parentheses; a statement that starts with `(` after a line without `;` gets one.
    code: lines(
      "import crypto from 'crypto';",
      "import zlib from 'zlib';",
      "import { promisify } from 'util';",
      'async function f(n, b) {',
      '  const prime = !crypto.checkPrimeSync(n)',
      '  zlib.gzipSync(b).copy(target)',
      '}',
    ),
    output: lines(
      "import crypto from 'crypto';",
      "import zlib from 'zlib';",
      "import { promisify } from 'util';",
      'async function f(n, b) {',
      '  const prime = !await promisify(crypto.checkPrime)(n)',
      '  ;(await promisify(zlib.gzip)(b)).copy(target)',
      '}',
    ),
    errors: [{ messageId: 'cpuCall', line: 5 }, { messageId: 'cpuCall', line: 6 }],
  },
  {
    // A new promisify import is added once: one fix per pass, the next pass reuses it.
    code: lines(
      "import zlib from 'node:zlib';",
      'export async function a(b) { return zlib.gzipSync(b); }',
      'export async function c(b) { return zlib.gunzipSync(b); }',
      'export async function d(b) { return zlib.deflateSync(b); }',
    ),
    output: [
      lines(
        "import zlib from 'node:zlib';",
        "import { promisify } from 'node:util';",
        'export async function a(b) { return await promisify(zlib.gzip)(b); }',
        'export async function c(b) { return zlib.gunzipSync(b); }',
        'export async function d(b) { return zlib.deflateSync(b); }',
      ),
      lines(
        "import zlib from 'node:zlib';",
        "import { promisify } from 'node:util';",
        'export async function a(b) { return await promisify(zlib.gzip)(b); }',
        'export async function c(b) { return await promisify(zlib.gunzip)(b); }',
        'export async function d(b) { return await promisify(zlib.deflate)(b); }',
      ),
    ],
    errors: [{ messageId: 'cpuCall', line: 2 }, { messageId: 'cpuCall', line: 3 }, { messageId: 'cpuCall', line: 4 }],
  },
  {
    // An existing `promisify` import is reused, even beside other util imports.
    code: lines("import { inspect, promisify as pify } from 'util';", "import crypto from 'crypto';", 'async function f(p) { return crypto.pbkdf2Sync(p, s, 1, 32, d); }'),
    output: lines("import { inspect, promisify as pify } from 'util';", "import crypto from 'crypto';", 'async function f(p) { return await pify(crypto.pbkdf2)(p, s, 1, 32, d); }'),
    errors: [{ messageId: 'cpuCall' }],
  },
  {
    // A util namespace import is reused as `util.promisify`.
    code: lines("import * as util from 'node:util';", "import zlib from 'node:zlib';", 'async function f(b) { return zlib.unzipSync(b); }'),
    output: lines("import * as util from 'node:util';", "import zlib from 'node:zlib';", 'async function f(b) { return await util.promisify(zlib.unzip)(b); }'),
    errors: [{ messageId: 'cpuCall' }],
  },
  {
    // A util default import and a named util import without promisify.
    code: lines("import util from 'util';", "import zlib from 'zlib';", 'async function f(b) { return zlib.inflateRawSync(b); }'),
    output: lines("import util from 'util';", "import zlib from 'zlib';", 'async function f(b) { return await util.promisify(zlib.inflateRaw)(b); }'),
    errors: [{ messageId: 'cpuCall' }],
  },
  {
    code: lines("import { inspect } from 'node:util';", "import zlib from 'node:zlib';", 'async function f(b) { return zlib.deflateRawSync(b); }'),
    output: lines("import { inspect, promisify } from 'node:util';", "import zlib from 'node:zlib';", 'async function f(b) { return await promisify(zlib.deflateRaw)(b); }'),
    errors: [{ messageId: 'cpuCall' }],
  },
  {
    // CommonJS util namespace.
    code: lines("const util = require('util');", "const zlib = require('zlib');", 'exports.f = async (b) => zlib.brotliDecompressSync(b);'),
    output: lines("const util = require('util');", "const zlib = require('zlib');", 'exports.f = async (b) => await util.promisify(zlib.brotliDecompress)(b);'),
    languageOptions: commonjs,
    errors: [{ messageId: 'cpuCall' }],
  },
  {
    // The file's promisify is shadowed at the call: no fix rather than a wrong one.
    code: lines("import { promisify } from 'util';", "import zlib from 'zlib';", 'async function f(b, promisify) { return zlib.gzipSync(b); }'),
    output: null,
    errors: [{ messageId: 'cpuCall' }],
  },
  {
    // Optional call and a parenthesised callee: reported, not rewritten.
    code: lines("import zlib from 'zlib';", 'async function f(b) { zlib.gzipSync?.(b); (zlib.gzipSync)(b); }'),
    output: null,
    errors: [{ messageId: 'cpuCall', column: 23 }, { messageId: 'cpuCall', column: 43 }],
  },
  {
    // A comment before the argument list is kept; a loop iterable needs no parentheses.
    code: lines(
      "import zlib from 'zlib';",
      "import { promisify } from 'util';",
      'async function f(b, parts) {',
      '  const z = zlib.gzipSync /* big */ (b);',
      '  for (const line of zlib.gunzipSync(parts)) use(line);',
      '}',
    ),
    output: lines(
      "import zlib from 'zlib';",
      "import { promisify } from 'util';",
      'async function f(b, parts) {',
      '  const z = await promisify(zlib.gzip) /* big */ (b);',
      '  for (const line of await promisify(zlib.gunzip)(parts)) use(line);',
      '}',
    ),
    errors: [{ messageId: 'cpuCall', line: 4 }, { messageId: 'cpuCall', line: 5 }],
  },
  {
    // Nested reported calls: fixed over two passes.
    code: lines("import zlib from 'zlib';", "import { promisify } from 'util';", 'async function f(b) { return zlib.gzipSync(zlib.deflateSync(b)); }'),
    output: [
      lines("import zlib from 'zlib';", "import { promisify } from 'util';", 'async function f(b) { return await promisify(zlib.gzip)(zlib.deflateSync(b)); }'),
      lines("import zlib from 'zlib';", "import { promisify } from 'util';", 'async function f(b) { return await promisify(zlib.gzip)(await promisify(zlib.deflate)(b)); }'),
    ],
    errors: [{ messageId: 'cpuCall', column: 30 }, { messageId: 'cpuCall', column: 44 }],
  },
];

// ---------------------------------------------------------------------------------------------
// Options: checkAllFunctions, allow, extraFunctions
// ---------------------------------------------------------------------------------------------

const optionCases: Invalid[] = [
  {
    code: lines("import zlib from 'zlib';", 'function packSync(b) { return zlib.gzipSync(b); }', 'class A { run() { return zlib.gunzipSync(x); } }'),
    output: null,
    options: [{ checkAllFunctions: true }],
    errors: [
      { messageId: 'cpuCall', line: 2, data: { name: 'gzipSync', action: 'compresses data', where: 'in the function `packSync`', replacement: 'promisify(gzip)(...)', benefit: THREAD_POOL } },
      { messageId: 'cpuCall', line: 3, data: { name: 'gunzipSync', action: 'decompresses data', where: 'in the method `run`', replacement: 'promisify(gunzip)(...)', benefit: THREAD_POOL } },
    ],
  },
  {
    // checkAllFunctions still fixes in async functions.
    code: lines("import zlib from 'zlib';", "import { promisify } from 'util';", 'async function f(b) { return zlib.gzipSync(b); }'),
    output: lines("import zlib from 'zlib';", "import { promisify } from 'util';", 'async function f(b) { return await promisify(zlib.gzip)(b); }'),
    options: [{ checkAllFunctions: true }],
    errors: [{ messageId: 'cpuCall' }],
  },
  {
    // allow drops exactly the listed member.
    code: lines("import zlib from 'node:zlib';", 'async function f(b) { zlib.gunzipSync(b); return zlib.gzipSync(b); }'),
    output: lines("import zlib from 'node:zlib';", "import { promisify } from 'node:util';", 'async function f(b) { zlib.gunzipSync(b); return await promisify(zlib.gzip)(b); }'),
    options: [{ allow: ['zlib.gunzipSync'] }],
    errors: [{ messageId: 'cpuCall', column: 50 }],
  },
  {
    // extraFunctions, callback style with a replacement, on a built-in (with `node:`) reached as `crypto`.
    code: lines("import crypto from 'crypto';", 'async function f(buf) { return crypto.randomFillSync(buf); }'),
    output: lines("import crypto from 'crypto';", "import { promisify } from 'util';", 'async function f(buf) { return await promisify(crypto.randomFill)(buf); }'),
    options: [{ extraFunctions: [{ module: 'node:crypto', names: ['randomFillSync'], replacement: 'randomFill', style: 'callback' }] }],
    errors: [{ messageId: 'cpuCall', data: { name: 'randomFillSync', action: 'runs CPU-heavy work', where: 'in the async function `f`', replacement: 'await promisify(randomFill)(...)', benefit: '' } }],
  },
  {
    // extraFunctions, promise style, on a package, named import.
    code: lines("import { hashSync } from '@node-rs/argon2';", 'export async function h(pw) { return hashSync(pw); }'),
    output: lines("import { hashSync, hash } from '@node-rs/argon2';", 'export async function h(pw) { return await hash(pw); }'),
    options: [{ extraFunctions: [{ module: '@node-rs/argon2', names: ['hashSync'], replacement: 'hash', style: 'promise' }] }],
    errors: [{ messageId: 'cpuCall', data: { name: 'hashSync', action: 'runs CPU-heavy work', where: 'in the async function `h`', replacement: 'await hash(...)', benefit: '' } }],
  },
  {
    // A nested member: reported, not rewritten (there is no sibling to re-target to).
    code: lines("import img from 'image-lib';", 'export async function f(x) { return img.resize.sync(x); }'),
    output: null,
    options: [{ extraFunctions: [{ module: 'image-lib', names: ['resize.sync'], replacement: 'resizeAsync', style: 'promise' }] }],
    errors: [{ messageId: 'cpuCall', data: { name: 'sync', action: 'runs CPU-heavy work', where: 'in the async function `f`', replacement: 'await resizeAsync(...)', benefit: '' } }],
  },
  {
    // extraFunctions without a replacement: reported, no fix, worker advice.
    code: lines("import sharp from 'image-lib';", 'export async function thumb(img) { return sharp.resizeSync(img, 64); }'),
    output: null,
    options: [{ extraFunctions: [{ module: 'image-lib', names: ['resizeSync', 'blurSync'], style: 'callback' }] }],
    errors: [{ messageId: 'cpuCallWithoutVariant', data: { name: 'resizeSync', action: 'runs CPU-heavy work', where: 'in the async function `thumb`' } }],
  },
];

// ---------------------------------------------------------------------------------------------
// Loop nests (checkLoops)
// ---------------------------------------------------------------------------------------------

const LOOPS = [{ checkLoops: true }] as const satisfies Options;

const loopCases: Invalid[] = [
  {
    code: lines('async function score(users, items) {', '  for (const u of users) {', '    for (const i of items) u.score += i.weight;', '  }', '}'),
    output: null,
    options: LOOPS,
    errors: [
      {
        messageId: 'cpuLoopNest',
        line: 2,
        column: 3,
        endLine: 2,
        endColumn: 25,
        data: { loop: 'for...of', depth: '2', where: 'in the async function `score`' },
      },
    ],
  },
  {
    // Depth 3: one report, on the outermost loop.
    code: lines(
      'export const matmul = async (a, b) => {',
      '  const c = [];',
      '  for (let i = 0; i < a.length; i++)',
      '    for (let j = 0; j < b[0].length; j++)',
      '      for (let k = 0; k < b.length; k++) c[i][j] += a[i][k] * b[k][j];',
      '  return c;',
      '};',
    ),
    output: null,
    options: LOOPS,
    errors: [{ messageId: 'cpuLoopNest', line: 3, column: 3, endColumn: 37, data: { loop: 'for', depth: '3', where: 'in the async arrow function `matmul`' } }],
  },
  {
    // The outer loop awaits: the await-free inner nest is reported instead.
    code: lines(
      'async function dedupe(batches) {',
      '  for (const batch of batches) {',
      '    await save(batch);',
      '    for (const a of batch)',
      '      for (const b of batch) if (a.id === b.id) a.dup = true;',
      '  }',
      '}',
    ),
    output: null,
    options: LOOPS,
    errors: [{ messageId: 'cpuLoopNest', line: 4, column: 5, data: { loop: 'for...of', depth: '2', where: 'in the async function `dedupe`' } }],
  },
  {
    // A literal outer loop around a data-bound one; while and do...while loops.
    code: lines(
      'async function f(xs, q) {',
      '  for (let pass = 0; pass < 3; pass++) for (const x of xs) x.v++;',
      '  while (q.length) { const n = q.pop(); do n.step(); while (n.busy); }',
      '}',
    ),
    output: null,
    options: LOOPS,
    errors: [
      { messageId: 'cpuLoopNest', line: 2, data: { loop: 'for', depth: '2', where: 'in the async function `f`' } },
      { messageId: 'cpuLoopNest', line: 3, column: 3, endColumn: 19, data: { loop: 'while', depth: '2', where: 'in the async function `f`' } },
    ],
  },
  {
    // loopDepth 3 counts only deeper nests.
    code: lines('async function f(a, b, c) {', '  for (const x of a) for (const y of b) g(x, y);', '  for (const x of a) for (const y of b) for (const z of c) g(x, y, z);', '}'),
    output: null,
    options: [{ checkLoops: true, loopDepth: 3 }],
    errors: [{ messageId: 'cpuLoopNest', line: 3, data: { loop: 'for...of', depth: '3', where: 'in the async function `f`' } }],
  },
  {
    // In a sync callback inside async code, and in a promise handler; for...in and do...while heads.
    code: lines(
      'async function f(groups) {',
      '  groups.forEach((g) => { for (const k in g) for (const x of g[k]) use(x); });',
      '}',
      'load().then((rows) => { do { for (const r of rows) use(r); } while (more()); });',
    ),
    output: null,
    options: LOOPS,
    errors: [
      { messageId: 'cpuLoopNest', line: 2, column: 27, data: { loop: 'for...in', depth: '2', where: 'in a `.forEach` callback in the async function `f`' } },
      { messageId: 'cpuLoopNest', line: 4, column: 25, endColumn: 27, data: { loop: 'do...while', depth: '2', where: 'in a `.then` callback' } },
    ],
  },
  {
    // checkAllFunctions extends loop checks to sync functions.
    code: 'function index(rows, cols) { for (const r of rows) for (const c of cols) put(r, c); }',
    output: null,
    options: [{ checkLoops: true, checkAllFunctions: true }],
    errors: [{ messageId: 'cpuLoopNest', data: { loop: 'for...of', depth: '2', where: 'in the function `index`' } }],
  },
];

// ---------------------------------------------------------------------------------------------
// Worker per call (checkWorkerPerCall)
// ---------------------------------------------------------------------------------------------

const WORKERS = [{ checkWorkerPerCall: true }] as const satisfies Options;

const workerCases: Invalid[] = [
  {
    code: lines(
      "import { Worker } from 'node:worker_threads';",
      'export async function resize(img) {',
      "  const worker = new Worker(new URL('./resize.js', import.meta.url), { workerData: img });",
      "  return once(worker, 'message');",
      '}',
    ),
    output: null,
    options: WORKERS,
    errors: [
      {
        messageId: 'workerPerCall',
        line: 3,
        column: 18,
        data: { callee: 'new Worker(...)', where: 'in the async function `resize`' },
      },
    ],
  },
  {
    // In a loop inside a (sync) function.
    code: lines("const wt = require('worker_threads');", 'function startAll(n) {', '  const ws = [];', "  for (let i = 0; i < n; i++) ws.push(new wt.Worker('./w.js'));", '  return ws;', '}'),
    output: null,
    options: WORKERS,
    languageOptions: commonjs,
    errors: [{ messageId: 'workerInLoop', line: 4, column: 39, data: { callee: 'new wt.Worker(...)', where: 'in the function `startAll`' } }],
  },
  {
    // A loop inside an async function: the loop message wins; a sync callback in async code counts too.
    code: lines(
      "import * as wt from 'worker_threads';",
      'async function run(jobs) {',
      "  for (const job of jobs) new wt.Worker('./job.js', { workerData: job });",
      "  jobs.map((job) => new wt.Worker('./job.js'));",
      '}',
    ),
    output: null,
    options: WORKERS,
    errors: [
      { messageId: 'workerInLoop', line: 3, data: { callee: 'new wt.Worker(...)', where: 'in the async function `run`' } },
      { messageId: 'workerPerCall', line: 4, data: { callee: 'new wt.Worker(...)', where: 'in a `.map` callback in the async function `run`' } },
    ],
  },
  {
    // checkAllFunctions: any function creating a worker per call.
    code: lines("import { Worker } from 'worker_threads';", "const handler = (req, res) => { new Worker('./w.js'); };"),
    output: null,
    options: [{ checkWorkerPerCall: true, checkAllFunctions: true }],
    errors: [{ messageId: 'workerPerCall', data: { callee: 'new Worker(...)', where: 'in the arrow function `handler`' } }],
  },
];

// ---------------------------------------------------------------------------------------------

runWithBothParsers('prefer-worker-for-cpu', rule, {
  valid: [
    // Module top level and sync functions: start-up code.
    "import crypto from 'crypto';\nconst key = crypto.pbkdf2Sync('pw', 'salt', 1e5, 64, 'sha512');",
    "import zlib from 'zlib';\nfunction pack(b) { return zlib.gzipSync(b); }",
    "import zlib from 'zlib';\nasync function f() { function g(b) { return zlib.gzipSync(b); } return g; }",
    { code: "const zlib = require('zlib');\nmodule.exports = zlib.gzipSync(data);", languageOptions: commonjs },
    // The async variants, other members.
    "import crypto from 'crypto';\nimport { promisify } from 'util';\nasync function f(p) { return promisify(crypto.pbkdf2)(p, 's', 1, 32, 'sha256'); }",
    "import crypto from 'crypto';\nasync function f() { return crypto.randomBytes(16); }",
    "import bcrypt from 'bcrypt';\nasync function f(p) { return bcrypt.hash(p, 10); }",
    // Lookalikes: not the modules.
    'async function f(crypto) { return crypto.pbkdf2Sync(a, b, 1, 2, d); }',
    "import crypto from 'crypto';\nasync function f() { const crypto = fake(); return crypto.scryptSync(a, b, 32); }",
    'const bcrypt = { hashSync: (p) => p };\nasync function f(p) { return bcrypt.hashSync(p); }',
    "import { gzipSync } from './my-zlib.js';\nasync function f(b) { return gzipSync(b); }",
    // Default parameters, class fields and static blocks are not async code.
    "import zlib from 'zlib';\nasync function f(b = zlib.gzipSync(x)) { return b; }",
    "import zlib from 'zlib';\nasync function f() { return class { packed = zlib.gzipSync(x); static { zlib.gzipSync(y); } }; }",
    // Timer callbacks outside a server module are not async code (without checkAllFunctions).
    "import zlib from 'zlib';\nasync function f(e) { setTimeout(() => zlib.gzipSync(x)); }",
    // checkAllFunctions never reports the module top level.
    { code: "import zlib from 'zlib';\nconst packed = zlib.gzipSync(x);\nclass A { static { zlib.gzipSync(y); } }", options: [{ checkAllFunctions: true }] },
    // allow, with and without `node:`.
    { code: "import zlib from 'node:zlib';\nasync function f(b) { return zlib.gunzipSync(b); }", options: [{ allow: ['zlib.gunzipSync'] }] },
    { code: "import { gunzipSync } from 'zlib';\nasync function f(b) { return gunzipSync(b); }", options: [{ allow: ['node:zlib.gunzipSync'] }] },
    { code: "import bcrypt from 'bcrypt';\nasync function f(p) { return bcrypt.hashSync(p, 10); }", options: [{ allow: ['bcrypt.hashSync'] }] },
    // Worker files: where CPU work belongs.
    "import { parentPort } from 'node:worker_threads';\nparentPort.on('message', async (b) => parentPort.postMessage(zlib.gzipSync(b)));\nimport zlib from 'node:zlib';",
    "import { isMainThread } from 'worker_threads';\nimport crypto from 'crypto';\nexport async function derive(p) { return crypto.pbkdf2Sync(p, 's', 1e5, 64, 'sha512'); }",
    {
      code: "const { workerData } = require('worker_threads');\nconst zlib = require('zlib');\n(async () => { for (const a of workerData.a) for (const b of workerData.b) zlib.gzipSync(a + b); })();",
      options: [{ checkLoops: true }],
      languageOptions: commonjs,
    },
    // Loops are off by default.
    'async function f(a, b) { for (const x of a) for (const y of b) g(x, y); }',
    // Loop heuristics.
    { code: 'async function f(xs) { for (const x of xs) work(x); }', options: LOOPS },
    { code: 'async function f() { for (let i = 0; i < 10; i++) for (let j = 0; j < 10; j++) work(i, j); }', options: LOOPS },
    { code: "async function f() { for (const a of ['x', 'y']) for (const b of [1, 2]) work(a, b); }", options: LOOPS },
    { code: 'async function f(a, b) { for (const x of a) for (const y of b) await g(x, y); }', options: LOOPS },
    { code: 'async function f(a, b) { for (const x of a) { for (const y of b) g(x, y); await flush(); } }', options: LOOPS },
    { code: 'async function f(a) { for (const x of a) for await (const y of x.stream) g(y); }', options: LOOPS },
    { code: 'async function* f(a, b) { for (const x of a) for (const y of b) yield [x, y]; }', options: LOOPS },
    { code: 'function f(a, b) { for (const x of a) for (const y of b) g(x, y); }', options: LOOPS },
    { code: 'for (const x of a) for (const y of b) g(x, y);', options: LOOPS },
    { code: 'async function f(a, b) { for (const x of a) b.forEach((y) => { for (const z of y) g(z); }); }', options: LOOPS },
    { code: 'async function f(a, b) { for (const x of a) for (const y of b) g(x, y); }', options: [{ checkLoops: true, loopDepth: 3 }] },
    // Workers: off by default; module top level (a pool built at start-up); a sync factory; other Worker classes.
    "import { Worker } from 'node:worker_threads';\nasync function f() { return new Worker('./w.js'); }",
    { code: "import { Worker } from 'node:worker_threads';\nconst pool = [];\nfor (let i = 0; i < 4; i++) pool.push(new Worker('./w.js'));\nconst one = new Worker('./x.js');", options: WORKERS },
    { code: "import { Worker } from 'node:worker_threads';\nfunction spawn() { return new Worker('./w.js'); }", options: WORKERS },
    { code: "import { Worker } from 'node:worker_threads';\nfunction f() { for (const x of [new Worker('./w.js')]) x.ref(); }", options: [{ checkWorkerPerCall: true, checkLoops: true }] },
    { code: 'class Worker {}\nasync function f() { for (const j of jobs) new Worker(j); }', options: WORKERS },
    { code: "import { Worker } from 'bullmq';\nasync function f() { return new Worker('q', run); }", options: WORKERS },
    // Strict options together on clean code.
    {
      code: "import { Worker } from 'node:worker_threads';\nconst worker = new Worker('./w.js');\nexport async function handle(req) { worker.postMessage(req.body); }",
      options: [{ checkLoops: true, checkWorkerPerCall: true }],
    },
  ],
  invalid: [...everyCallbackApi, ...everyPromiseApi, ...spellings, ...contexts, ...optionCases, ...loopCases, ...workerCases],
});

// TypeScript syntax: `import x = require()`, type annotations, assertions, decorators, `using`.
tsRuleTester.run('prefer-worker-for-cpu (TypeScript syntax)', rule, {
  valid: [
    "import type { gzipSync } from 'zlib';\nasync function f(g: typeof gzipSync, b: Buffer): Promise<Buffer> { return g(b); }",
    {
      code: "import zlib from 'zlib';\n@decorate class A { @field packed = zlib.gzipSync(x); accessor y = zlib.gzipSync(z); }\nusing r = open();",
      filename: 'file.ts',
    },
    {
      code: 'const App = () => <div onClick={async () => { for (const a of xs) for (const b of a) use(b); }} />;',
      filename: 'file.tsx',
      options: [{ checkLoops: false }],
    },
  ],
  invalid: [
    {
      code: "import zlib = require('zlib');\nexport async function pack(b: Buffer): Promise<number> {\n  return zlib.gzipSync(b)!.length;\n}",
      output: "import zlib = require('zlib');\nimport { promisify } from 'node:util';\nexport async function pack(b: Buffer): Promise<number> {\n  return (await promisify(zlib.gzip)(b))!.length;\n}",
      errors: [{ messageId: 'cpuCall', line: 3, column: 10 }],
    },
    {
      code: "import * as crypto from 'node:crypto';\nclass Auth {\n  @logged async login(pw: string): Promise<Buffer> {\n    await using session = open();\n    return crypto.scryptSync(pw, this.salt as Buffer, 64) satisfies Buffer;\n  }\n}",
      output: "import * as crypto from 'node:crypto';\nimport { promisify } from 'node:util';\nclass Auth {\n  @logged async login(pw: string): Promise<Buffer> {\n    await using session = open();\n    return await promisify(crypto.scrypt)(pw, this.salt as Buffer, 64) satisfies Buffer;\n  }\n}",
      errors: [{ messageId: 'cpuCall', data: { name: 'scryptSync', action: 'derives a key', where: 'in the async method `login`', replacement: 'await promisify(scrypt)(...)', benefit: THREAD_POOL } }],
    },
    {
      // Type arguments: reported, not rewritten.
      code: "import { generateKeyPairSync } from 'crypto';\nconst f = async () => generateKeyPairSync<'pem', 'pem'>('rsa', opts);",
      output: null,
      errors: [{ messageId: 'cpuCall' }],
    },
    {
      code: "import { Worker } from 'node:worker_threads';\nclass Pool { async run(task: Task): Promise<void> { const w: Worker = new Worker('./w.js'); } }",
      output: null,
      options: WORKERS,
      errors: [{ messageId: 'workerPerCall', data: { callee: 'new Worker(...)', where: 'in the async method `run`' } }],
    },
    {
      code: 'const App = () => <button onClick={async () => { for (const a of rows) for (const b of a.cells) paint(b); }} />;',
      filename: 'file.tsx',
      output: null,
      options: LOOPS,
      errors: [{ messageId: 'cpuLoopNest', data: { loop: 'for...of', depth: '2', where: 'in an async arrow function' } }],
    },
  ],
});

// The rule needs no type information, and runs unchanged when a program is present.
typedRuleTester.run('prefer-worker-for-cpu (typed)', rule, {
  valid: ["import zlib from 'zlib';\nfunction pack(b: Buffer): Buffer { return zlib.gzipSync(b); }"],
  invalid: [
    {
      code: "import zlib from 'zlib';\nexport async function pack(b: Buffer): Promise<Buffer> { return zlib.gzipSync(b); }",
      output: "import zlib from 'zlib';\nimport { promisify } from 'util';\nexport async function pack(b: Buffer): Promise<Buffer> { return await promisify(zlib.gzip)(b); }",
      errors: [{ messageId: 'cpuCall' }],
    },
  ],
});

// ---------------------------------------------------------------------------------------------
// Messages, options validation, metadata, docs
// ---------------------------------------------------------------------------------------------

function lint(code: string, ruleOptions: unknown[] = [], parser: 'espree' | 'typescript' = 'espree'): Linter.LintMessage[] {
  const linter = new Linter({ configType: 'flat' });
  return linter.verify(
    code,
    {
      files: ['**/*.{js,ts}'],
      plugins: { 'event-loop': { rules: { 'prefer-worker-for-cpu': rule as never } } },
      languageOptions: { ecmaVersion: 'latest', sourceType: 'module', ...(parser === 'typescript' ? { parser: tsParser } : {}) },
      rules: { 'event-loop/prefer-worker-for-cpu': ['error', ...ruleOptions] },
    },
    parser === 'typescript' ? 'file.ts' : 'file.js',
  );
}

describe('prefer-worker-for-cpu messages', () => {
  it('names the call, the async function and the fix', () => {
    const [message] = lint("import { pbkdf2Sync } from 'node:crypto';\nexport async function login(pw, salt) { return pbkdf2Sync(pw, salt, 1e5, 64, 'sha512'); }");
    expect(message?.message).toBe(
      '`pbkdf2Sync` derives a key on the main thread in the async function `login`: other requests wait until it finishes. Use `await promisify(pbkdf2)(...)`, which runs on the thread pool.',
    );
  });

  it('names the loop and the worker', () => {
    const messages = lint(
      "import { Worker } from 'worker_threads';\nasync function handle(a, b) {\n  for (const x of a) for (const y of b) g(x, y);\n  new Worker('./w.js');\n}",
      [{ checkLoops: true, checkWorkerPerCall: true }],
    );
    expect(messages.map((m) => m.message)).toEqual([
      'This `for...of` loop nest (2 levels deep) does CPU-bound work on the main thread in the async function `handle`: other requests wait until it finishes. Move it to a worker thread, or split it into chunks that yield between them.',
      '`new Worker(...)` starts a new thread each time it runs in the async function `handle`: each start costs tens of milliseconds and megabytes of memory. Reuse a pool (such as piscina) or one long-lived worker.',
    ]);
  });
});

describe('prefer-worker-for-cpu options validation', () => {
  /** ESLint validates options against `meta.schema` when it builds the config, and throws. */
  const rejects = (options: unknown, reason: string): void => {
    let error: unknown;
    try {
      lint('x;', [options]);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain('Key "event-loop/prefer-worker-for-cpu"');
    expect((error as Error).message).toContain(reason);
  };

  it('accepts every documented option', () => {
    expect(
      lint('x;', [
        {
          allow: ['zlib.gunzipSync', 'node:crypto.hkdfSync'],
          extraFunctions: [
            { module: 'fs-extra', names: ['readJsonSync'], replacement: 'readJson', style: 'promise' },
            { module: 'image-lib', names: ['resizeSync'], style: 'callback' },
          ],
          checkAllFunctions: true,
          reportIn: 'async-functions',
          checkLoops: true,
          loopDepth: 3,
          checkWorkerPerCall: true,
        },
      ]),
    ).toEqual([]);
  });

  it('rejects a loop depth below 2 or not an integer', () => {
    rejects({ loopDepth: 1 }, 'should be >= 2');
    rejects({ loopDepth: 0 }, 'should be >= 2');
    rejects({ loopDepth: 2.5 }, 'should be integer');
    rejects({ loopDepth: '3' }, 'should be integer');
  });

  it('rejects unknown options and wrong types', () => {
    rejects({ checkLoop: true }, 'Unexpected property "checkLoop"');
    rejects({ checkLoops: 'yes' }, 'should be boolean');
    rejects({ checkWorkerPerCall: 1 }, 'should be boolean');
    rejects({ checkAllFunctions: null }, 'should be boolean');
    rejects({ reportIn: 'everywhere' }, 'should match pattern "^(concurrent-paths|async-functions|all-functions)$"');
    rejects({ allow: 'zlib.gunzipSync' }, 'should be array');
    rejects({ allow: ['gunzipSync'] }, 'should match pattern');
    rejects({ allow: ['zlib.gunzipSync', 'zlib.gunzipSync'] }, 'duplicate items');
  });

  it('rejects malformed extra functions', () => {
    rejects({ extraFunctions: [{ names: ['aSync'], style: 'promise' }] }, "should have required property 'module'");
    rejects({ extraFunctions: [{ module: 'x', style: 'promise' }] }, "should have required property 'names'");
    rejects({ extraFunctions: [{ module: 'x', names: ['aSync'], style: 'sync' }] }, 'should match pattern "^(callback|promise)$"');
    rejects({ extraFunctions: [{ module: 'x', names: [], style: 'promise' }] }, 'should NOT have fewer than 1 items');
    rejects({ extraFunctions: [{ module: '', names: ['aSync'], style: 'promise' }] }, 'should NOT be shorter than 1 characters');
    rejects({ extraFunctions: [{ module: 'x', names: ['aSync'], style: 'promise', replacement: 'not valid' }] }, 'should match pattern');
    rejects({ extraFunctions: [{ module: 'x', names: ['aSync'], style: 'promise', extra: true }] }, 'Unexpected property "extra"');
  });
});

describe('prefer-worker-for-cpu meta', () => {
  it('is recommended, with loops, workers and every async function in strict, every function in all', () => {
    expect(rule.meta.docs?.recommended).toBe('recommended');
    expect(rule.meta.docs?.strictOptions).toEqual([{ checkLoops: true, checkWorkerPerCall: true, reportIn: 'async-functions' }]);
    expect(rule.meta.docs?.allOptions).toEqual([{ checkLoops: true, checkWorkerPerCall: true, reportIn: 'all-functions' }]);
    expect(rule.meta.fixable).toBe('code');
  });

  it('strict options report loops and workers that recommended does not', () => {
    const code = "import { Worker } from 'worker_threads';\nasync function f(a, b) { for (const x of a) for (const y of b) g(x, y); new Worker('./w.js'); }";
    expect(lint(code)).toEqual([]);
    expect(lint(code, [...(rule.meta.docs?.strictOptions ?? [])]).map((m) => m.messageId)).toEqual(['cpuLoopNest', 'workerPerCall']);
  });
});

// ---------------------------------------------------------------------------------------------
// Docs: `### Incorrect` blocks are reported and `### Correct` blocks are clean with default
// options; `#### Reported with `{...}`` / `#### Not reported with `{...}`` blocks with those options.
// ---------------------------------------------------------------------------------------------

interface DocExample {
  heading: string;
  language: string;
  code: string;
}

function readDocExamples(): DocExample[] {
  const docPath = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../rules-docs/prefer-worker-for-cpu.md');
  const text = readFileSync(docPath, 'utf8');
  const examples: DocExample[] = [];
  let heading = '';
  const fence = /^```(\w*)\n([\s\S]*?)^```$/gmu;
  const headings = [...text.matchAll(/^#{2,4} .*$/gmu)];
  for (const match of text.matchAll(fence)) {
    heading = headings.filter((h) => (h.index ?? 0) < (match.index ?? 0)).at(-1)?.[0] ?? '';
    examples.push({ heading, language: match[1] ?? '', code: match[2] ?? '' });
  }
  return examples;
}

describe('rules-docs/prefer-worker-for-cpu.md', () => {
  const examples = readDocExamples();
  const parserOf = (example: DocExample): 'espree' | 'typescript' => (example.language === 'ts' ? 'typescript' : 'espree');
  const optionsOf = (heading: string): unknown[] => {
    const json = /`(\{.*\})`/u.exec(heading)?.[1];
    return json ? [JSON.parse(json)] : [];
  };

  it('has the generated header and documents every option', () => {
    const docPath = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../rules-docs/prefer-worker-for-cpu.md');
    const text = readFileSync(docPath, 'utf8');
    expect(text).toMatch(/^# .*\(`prefer-worker-for-cpu`\)\n[^]*<!-- end auto-generated rule header -->/u);
    for (const section of ['## Options', '## When not to use it', '## What it does not report, and why', 'UV_THREADPOOL_SIZE', 'piscina']) {
      expect(text).toContain(section);
    }
    const schema = rule.meta.schema as unknown as [{ properties: Record<string, unknown> }];
    for (const option of Object.keys(schema[0].properties)) expect(text).toContain(`### \`${option}\``);
    expect(examples.every((example) => example.language === 'js' || example.language === 'ts' || example.language === 'sh')).toBe(true);
  });

  it('has incorrect and correct examples', () => {
    expect(examples.filter((e) => e.heading === '### Incorrect').length).toBeGreaterThan(1);
    expect(examples.filter((e) => e.heading === '### Correct').length).toBeGreaterThan(1);
  });

  for (const [index, example] of examples.entries()) {
    if (example.heading === '### Incorrect' || example.heading.startsWith('#### Reported with')) {
      it(`example ${index + 1} (${example.heading}) is reported`, () => {
        const messages = lint(example.code, optionsOf(example.heading), parserOf(example));
        expect(messages.filter((m) => m.fatal)).toEqual([]);
        expect(messages.length).toBeGreaterThan(0);
      });
    } else if (example.language !== 'sh') {
      it(`example ${index + 1} (${example.heading}) is clean`, () => {
        const messages = lint(example.code, optionsOf(example.heading), parserOf(example));
        expect(messages).toEqual([]);
      });
    }
  }
});

/** One `cpuCallConcurrent` error. */
function cpuOnPath(name: string, action: string, runs: string, waiters: string, replacement: string): Invalid['errors'][number] {
  return { messageId: 'cpuCallConcurrent', data: { name, action, runs, waiters, replacement, benefit: THREAD_POOL } };
}

const REQUESTS_WAIT = 'other requests wait until it finishes';

runWithBothParsers('prefer-worker-for-cpu on concurrent paths', rule, {
  valid: [
    // Sequential paths: a CLI, a once-per-build hook, an error path, startup.
    "#!/usr/bin/env node\nimport zlib from 'zlib';\nasync function main(b) { return zlib.gzipSync(b); }\nmain(x);",
    "import zlib from 'zlib';\nexport default { name: 'p', async writeBundle() { zlib.brotliCompressSync(b); } };",
    "import zlib from 'zlib';\nasync function f() { try { await g(); } catch (error) { zlib.gzipSync(Buffer.from(String(error))); } }",
    "import crypto from 'crypto';\napp.listen(3000, () => { crypto.scryptSync('a', 'b', 32); });",
    // A sync function that other modules cannot call, with no caller here; an export of a CLI file.
    "import crypto from 'crypto';\nfunction hashPassword(p, salt) { return crypto.pbkdf2Sync(p, salt, 210000, 32, 'sha256'); }",
    "#!/usr/bin/env node\nimport crypto from 'crypto';\nexport function hashPassword(p, salt) { return crypto.pbkdf2Sync(p, salt, 210000, 32, 'sha256'); }",
    // A method whose only caller in the file runs at the module top level.
    "import zlib from 'zlib';\nclass Pack { load(b) { return zlib.gunzipSync(b); } }\nnew Pack().load(seed);",
  ],
  invalid: [
    {
      // A user addition without an async variant, on a concurrent path: only a worker helps.
      code: "import { resizeSync } from 'image-lib';\napp.get('/thumb', (req, res) => res.send(resizeSync(req.query.src)));",
      options: [{ extraFunctions: [{ module: 'image-lib', names: ['resizeSync'] }] }],
      output: null,
      errors: [
        {
          messageId: 'cpuCallWithoutVariantConcurrent',
          data: { name: 'resizeSync', action: 'runs CPU-heavy work', runs: 'runs on every request to this route (`GET /thumb`)', waiters: REQUESTS_WAIT },
        },
      ],
    },
    {
      code: "import crypto from 'crypto';\napp.post('/signup', (req, res) => { res.json({ hash: crypto.pbkdf2Sync(req.body.password, 's', 210000, 32, 'sha256') }); });",
      output: null,
      errors: [cpuOnPath('pbkdf2Sync', 'derives a key', 'runs on every request to this route (`POST /signup`)', REQUESTS_WAIT, 'promisify(pbkdf2)(...)')],
    },
    {
      code: "import zlib from 'zlib';\nimport { promisify } from 'util';\nrouter.get('/z', async (req, res) => { res.end(zlib.gzipSync(body)); });",
      output: "import zlib from 'zlib';\nimport { promisify } from 'util';\nrouter.get('/z', async (req, res) => { res.end(await promisify(zlib.gzip)(body)); });",
      errors: [cpuOnPath('gzipSync', 'compresses data', 'runs on every request to this route (`GET /z`)', REQUESTS_WAIT, 'await promisify(gzip)(...)')],
    },
    {
      // A cache method reached from a handler in the same file.
      code: lines(
        "import zlib from 'zlib';",
        'class Cache {',
        '  get(key) { return JSON.parse(zlib.gunzipSync(this.map.get(key))); }',
        '}',
        'const cache = new Cache();',
        "app.get('/o/:id', (req, res) => res.json(cache.get(req.params.id)));",
      ),
      output: null,
      errors: [cpuOnPath('gunzipSync', 'decompresses data', 'runs in the method `get`, called on every request to this route (`GET /o/:id`)', REQUESTS_WAIT, 'promisify(gunzip)(...)')],
    },
    {
      code: "import zlib from 'zlib';\nexport async function compressAll(files) { await Promise.all(files.map(async (f) => zlib.brotliCompressSync(f))); }",
      output: "import zlib from 'zlib';\nimport { promisify } from 'util';\nexport async function compressAll(files) { await Promise.all(files.map(async (f) => await promisify(zlib.brotliCompress)(f))); }",
      errors: [
        cpuOnPath('brotliCompressSync', 'compresses data', 'runs in each item of this `Promise.all`', 'the other items of this `Promise.all` wait until it finishes', 'await promisify(brotliCompress)(...)'),
      ],
    },
    {
      code: "import zlib from 'zlib';\nws.on('message', (data) => send(zlib.inflateSync(data)));",
      output: null,
      errors: [cpuOnPath('inflateSync', 'decompresses data', "runs on every 'message' event", 'other events and requests wait until it finishes', 'promisify(inflate)(...)')],
    },
    {
      code: "import crypto from 'crypto';\nfunction verify(p, stored) { return crypto.pbkdf2Sync(p, stored.salt, 210000, 32, 'sha256'); }\nexport async function login(p, user) { return verify(p, user); }",
      output: null,
      errors: [
        {
          messageId: 'cpuCall',
          data: { name: 'pbkdf2Sync', action: 'derives a key', where: 'in the function `verify`, called from the async function `login`', replacement: 'promisify(pbkdf2)(...)', benefit: THREAD_POOL },
        },
      ],
    },
    // ---- A sync export or method whose callers are in other files: reported, CPU-heavy work hurts on any path.
    ...[
      ["import crypto from 'crypto';\nexport function hashPassword(p, salt) { return crypto.pbkdf2Sync(p, salt, 210000, 32, 'sha256'); }", 'pbkdf2Sync', 'derives a key', 'the function `hashPassword`', 'pbkdf2'],
      ["import zlib from 'zlib';\nclass Store {\n  get(key) { return zlib.zstdDecompressSync(this.rows[key]); }\n}\nmodule.exports = Store;", 'zstdDecompressSync', 'decompresses data', 'the method `get`', 'zstdDecompress'],
      ["const zlib = require('zlib');\nStore.prototype.set = function set(key, body) { this.rows[key] = zlib.gzipSync(body); };", 'gzipSync', 'compresses data', 'the function `set`', 'gzip'],
      ["import crypto from 'crypto';\nexports.derive = (p) => crypto.scryptSync(p, 'salt', 64);", 'scryptSync', 'derives a key', 'the arrow function `derive`', 'scrypt'],
      ["import zlib from 'zlib';\nexport default function pack(b) { return zlib.deflateSync(b); }", 'deflateSync', 'compresses data', 'the function `pack`', 'deflate'],
      ["import zlib from 'zlib';\nexport class Codec {\n  decode = (b) => zlib.inflateSync(b);\n}", 'inflateSync', 'decompresses data', 'the arrow function `decode`', 'inflate'],
    ].map(([code, name, action, fn, asyncName]) => ({
      code: code as string,
      output: null,
      errors: [
        {
          messageId: 'cpuCall' as const,
          data: {
            name: name as string,
            action: action as string,
            where: `in ${fn as string}, which other modules can call from any path (a request handler, say)`,
            replacement: `promisify(${asyncName as string})(...)`,
            benefit: THREAD_POOL,
          },
        },
      ],
    })),
    {
      // `reportIn: 'async-functions'` keeps reporting async code on sequential paths.
      code: "#!/usr/bin/env node\nimport zlib from 'zlib';\nimport { promisify } from 'util';\nasync function main(b) { return zlib.gzipSync(b); }\nmain(x);",
      output: "#!/usr/bin/env node\nimport zlib from 'zlib';\nimport { promisify } from 'util';\nasync function main(b) { return await promisify(zlib.gzip)(b); }\nmain(x);",
      options: [{ reportIn: 'async-functions' }],
      errors: [{ messageId: 'cpuCall' }],
    },
  ],
});

describe('prefer-worker-for-cpu on concurrent paths with TypeScript syntax', () => {
  tsRuleTester.run('prefer-worker-for-cpu (TypeScript, concurrent paths)', rule, {
    valid: ["import zlib from 'zlib';\nexport default { name: 'p', closeBundle(): void { zlib.gzipSync(b as Buffer); } } satisfies Plugin;"],
    invalid: [
      {
        code: "import { pbkdf2Sync } from 'node:crypto';\nexport function hashPassword(password: string, salt: string): string {\n  return pbkdf2Sync(password, salt, 210_000, 32, 'sha256').toString('hex');\n}",
        output: null,
        errors: [{ messageId: 'cpuCall', line: 3, data: { name: 'pbkdf2Sync', action: 'derives a key', where: 'in the function `hashPassword`, which other modules can call from any path (a request handler, say)', replacement: 'promisify(pbkdf2)(...)', benefit: THREAD_POOL } }],
      },
      {
        code: "import { zstdDecompressSync } from 'node:zlib';\nclass Store {\n  get(key: string): Buffer { return zstdDecompressSync(this.rows[key]!); }\n  stream(): Writable { const self = this; return new Writable({ final(cb: () => void) { self.get('k'); cb(); } }); }\n}",
        output: null,
        errors: [
          {
            messageId: 'cpuCallConcurrent',
            data: {
              name: 'zstdDecompressSync',
              action: 'decompresses data',
              runs: 'runs in the method `get`, called at the end of every stream, in its `final`',
              waiters: 'other I/O waits until it finishes',
              replacement: 'promisify(zstdDecompress)(...)',
              benefit: THREAD_POOL,
            },
          },
        ],
      },
    ],
  });
});
