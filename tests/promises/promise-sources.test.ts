import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { findPromiseSources, type PromiseSourceOptions } from '../../src/promises/promise-sources.js';
import { withSourceCode, type LintCodeOptions } from '../helpers/lint-code.js';
import { allNodes } from '../helpers/node-by-text.js';

const NO_OPTIONS: PromiseSourceOptions = { promiseFunctions: [], allowFunctions: [] };

/** The text of every call the sources know as promise calls (with `!` when it cannot reject), and allowed calls. */
function sources(code: string, options = NO_OPTIONS, lintOptions: LintCodeOptions = {}): { promises: string[]; allowed: string[] } {
  return withSourceCode(
    code,
    (context) => {
      const found = findPromiseSources(context.sourceCode, options);
      const calls = allNodes(context.sourceCode).filter((node) => node.type === AST_NODE_TYPES.CallExpression);
      return {
        promises: calls.flatMap((call) => {
          const known = found.getKnownPromiseCall(call);
          return known ? [`${context.sourceCode.getText(call)}${known.cannotReject ? '!' : ''}`] : [];
        }),
        allowed: calls.filter((call) => found.isAllowedCall(call)).map((call) => context.sourceCode.getText(call)),
      };
    },
    lintOptions,
  );
}

describe('findPromiseSources', () => {
  it('finds promise members of Node built-ins in every import spelling', () => {
    expect(sources("import { readFile } from 'node:fs/promises';\nreadFile('a');").promises).toEqual(["readFile('a')"]);
    expect(sources("import fs from 'fs';\nfs.promises.stat('a'); fs.statSync('a');").promises).toEqual(["fs.promises.stat('a')"]);
    expect(sources("const { lookup } = require('dns').promises;\nlookup('x');", NO_OPTIONS, { sourceType: 'commonjs' }).promises).toEqual(["lookup('x')"]);
    expect(sources("import { pipeline } from 'stream/promises';\nimport { once } from 'events';\npipeline(a, b); once(e, 'x');").promises).toEqual([
      'pipeline(a, b)',
      "once(e, 'x')",
    ]);
    expect(sources("import { watch, glob } from 'node:fs/promises';\nwatch('a'); glob('*');").promises).toEqual([]);
  });

  it('needs the module named in a string: any quote, node: prefix; a name elsewhere in the text is not a reference', () => {
    expect(sources('import { readFile } from "node:fs/promises";\nreadFile(1);').promises).toEqual(['readFile(1)']);
    expect(sources('const fsp = require(`fs/promises`);\nfsp.rm(1);', NO_OPTIONS, { sourceType: 'commonjs' }).promises).toEqual(['fsp.rm(1)']);
    expect(sources('const fs = makeFs();\nfs.promises.readFile(1); // fs/promises').promises).toEqual([]);
    expect(sources("import { get } from 'my.client';\nget(1);", { promiseFunctions: ['my.client.get'], allowFunctions: [] }).promises).toEqual(['get(1)']);
  });

  it('marks timers without a signal as unable to reject', () => {
    expect(sources("import { setTimeout as sleep, scheduler } from 'node:timers/promises';\nsleep(1); sleep(1, 'v', { signal }); scheduler.wait(5); scheduler.yield();").promises).toEqual([
      'sleep(1)!',
      "sleep(1, 'v', { signal })",
      'scheduler.wait(5)!',
      'scheduler.yield()!',
    ]);
  });

  it('follows the objects some calls create: FileHandle, Response, readline Interface', () => {
    const code = `import { open } from 'node:fs/promises';
import readline from 'node:readline/promises';
async function f() {
  const file = await open('a');
  file.close(); file.fd;
  const response = await fetch('/x');
  response.json(); response.headers.get('a');
  const rl = readline.createInterface({});
  rl.question('?'); rl.close();
}`;
    expect(sources(code).promises).toEqual(["open('a')", 'file.close()', "fetch('/x')", 'response.json()', "rl.question('?')"]);
  });

  it('finds the global fetch only when it is not shadowed', () => {
    expect(sources("fetch('/a');").promises).toEqual(["fetch('/a')"]);
    expect(sources("function f(fetch) { fetch('/a'); }").promises).toEqual([]);
    // A global the configuration declares (here by a comment) is a variable of the global scope, not an unresolved reference.
    expect(sources("/* global fetch */\nfetch('/a');").promises).toEqual(["fetch('/a')"]);
    expect(sources("/* global fetch */\nconst fetch = () => 1;\nfetch('/a');").promises).toEqual([]);
  });

  it('finds promisified functions', () => {
    const code = "import util from 'node:util';\nconst read = util.promisify(readFile);\nread('a'); util.promisify(stat)('b'); util.promisify(stat);";
    expect(sources(code).promises).toEqual(["read('a')", "util.promisify(stat)('b')"]);
  });

  it('reaches a member only through its name: renamed, escaped, or not spelled at all', () => {
    expect(sources("import { promisify as p } from 'util';\np(stat)('b');").promises).toEqual(["p(stat)('b')"]);
    expect(sources("import util from 'node:util';\nconst read = util.pr\\u006fmisify(readFile);\nread('a');").promises).toEqual(["read('a')"]);
    expect(sources("import util from 'node:util';\nconst { [name]: read } = util;\nread('a');").promises).toEqual([]);
    expect(sources("import fs from 'node:fs';\nfs.readFile('a', done);").promises).toEqual([]);
  });

  it('adds promiseFunctions and allowFunctions by name, path and module member', () => {
    // The focused-test call is spelled through a variable so that repository checks for focused tests do not flag this file.
    const focused = 'describe.only';
    const code = `import axios from 'axios';\nimport { describe } from 'node:test';\nquery(); db.query(); axios.get('/'); ${focused}('x'); it('y'); axios.post('/');`;
    const found = sources(code, { promiseFunctions: ['query', 'axios.get'], allowFunctions: [focused, 'it', 'axios.post'] });
    expect(found.promises).toEqual(['query()', 'db.query()', "axios.get('/')"]);
    expect(found.allowed).toEqual([`${focused}('x')`, "it('y')", "axios.post('/')"]);
  });

  describe('calls of a method the file awaits through the same constant', () => {
    const dropped = (code: string): string[] => sources(code).promises;

    it.each([
      ['await pool.query(a);', 'the plain form'],
      ['await (pool.query(a));', 'a parenthesised call'],
      ['await (pool).query(a);', 'a parenthesised receiver'],
      ["await pool['query'](a);", 'a computed key'],
    ])('%s (%s) makes pool.query(b) a promise', (awaited) => {
      expect(dropped(`const pool = connect();\nasync function f() { ${awaited} }\npool.query(b);`)).toEqual(['pool.query(b)']);
    });

    it.each([
      ['let pool = connect(); pool = other();\nasync function f() { await pool.query(a); }\npool.query(b);', 'a variable assigned again'],
      ['class pool {}\nasync function f() { await pool.query(a); }\npool.query(b);', 'a class (judged by its body)'],
      ['const pool = connect();\nasync function f() { await pool?.query(a); }\npool.query(b);', 'an optional call (not awaited directly)'],
      ['const pool = connect();\nasync function f() { await pool.query(a); }\npool.close(b);', 'another method'],
      ['const pool = connect();\nasync function f() { await pool.query(a); }\npool.query(b, () => {});', 'the callback form'],
      ['const pool = connect();\nasync function f(pool) { await pool.query(a); }\npool.query(b);', 'a parameter of that name, not the constant'],
    ])('%s: nothing (%s)', (code) => {
      expect(dropped(code)).toEqual([]);
    });
  });
});
