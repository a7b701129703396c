import { describe, expect, it } from 'vitest';
import { mayMentionPromises } from '../../../src/rules/floating-task/promise-words.js';
import { withSourceCode } from '../../helpers/lint-code.js';

describe('mayMentionPromises', () => {
  const mentions = (code: string, promiseFunctions: readonly string[] = []): boolean =>
    withSourceCode(code, (context) => mayMentionPromises(context.sourceCode, promiseFunctions));

  it.each([
    ['an async function', 'const f = async () => x();'],
    ['an await', 'for await (const x of y) {}'],
    ['the Promise global', 'new Promise((resolve) => setTimeout(resolve));'],
    ['a then chain', 'load().then(show);'],
    ['a finally chain', 'load().finally(done);'],
    ['fetch', "fetch('/x');"],
    ['a promises module', "const { readFile } = require('fs/promises');"],
    ['a promises member', 'fs.promises.readFile(p);'],
    ['promisify', 'const read = util.promisify(fs.readFile);'],
    ['events.once', "const { once } = require('events'); once(emitter, 'ready');"],
    ['events.once from node:events', "import * as ev from 'node:events'; ev.once(emitter, 'ready');"],
    ['once with a module specifier spelled by an escape', "const { once } = require('\\u0065vents'); once(emitter, 'ready');"],
    ['a finally chain after optional chaining', 'load()?.finally(done);'],
    ['a Promise static', 'Promise.all(tasks);'],
    ['a computed Promise static', "Promise['all'](tasks);"],
    ['a Promise static on the global in parentheses', '(Promise).all(tasks);'],
    ['a Promise passed on as a value', 'wrap(Promise);'],
    ['a dynamic import', "import('./plugin.js');"],
    ['a dynamic import with a comment', "import /* webpackChunkName: 'x' */ ('./x.js');"],
    ['a dynamic import whose argument is on the next line', "const plugin = import\n  ('./plugin.js');"],
    ['a computed then', "load()['then'](show);"],
    ['a then spelled with a unicode escape', 'load().\\u0074hen(show);'],
    ['a then after a word in a comment', '/* then */ load().then(show);'],
    ['a template naming a promises module', 'const m = await import(`node:fs/promises`);'],
  ])('finds %s', (_, text) => {
    expect(mentions(text)).toBe(true);
  });

  it.each([
    ['plain sync code', 'function add(a, b) { return a + b; } module.exports = add;'],
    ['words that only contain a promise word', 'const asyncMode = thenable + promised; fetcher(); x.onceMore();'],
    ['a static import', "import fs from 'fs'; fs.readFileSync(p);"],
    ['a member named import', 'loader.import(x);'],
    ['import.meta', "import path from 'node:path'; const here = path.dirname(import.meta.url);"],
    ['names that end with a promise word', 'const $then = x; const _await = y;'],
    ['an emitter once without the events module', "emitter.once('ready', start); once(emitter, 'ready');"],
    ['a try block with finally', 'try { work(); } finally { release(); }'],
    ['a promise word as a property name', 'const config = { Promise: Bluebird };'],
    ['promise words in comments and messages only', "// then retry once the lock is free\n/* async */ log('finally done, then exit');"],
  ])('finds nothing in %s', (_, text) => {
    expect(mentions(text)).toBe(false);
  });

  it('finds a late mention after many words in comments and strings, and none when there is only those', () => {
    const noise = Array.from({ length: 40 }, (_, index) => `// then ${index}\nlog('then retry once', ${index}); x.y${index}();\n`).join('');
    expect(mentions(`${noise}load().then(show);\n${noise}`)).toBe(true);
    expect(mentions(`${noise}load().finish(show);\n${noise}`)).toBe(false);
    expect(mentions(`then();${noise}`)).toBe(true);
  });

  it.each([
    ['a return type', 'export interface Store { load(id: string): Promise<Item>; }', false],
    ['a union type', 'export type Result = Promise<void> | void;', false],
    ['a generic argument', 'export type Loaders = Map<string, Promise<Item>>;', false],
    ['new Promise with a type argument', 'export const ready = new Promise<void>((resolve) => setTimeout(resolve));', true],
    ['a static call after type-only mentions', 'export type R = Promise<void>; export const all = Promise.all(tasks);', true],
    ['new with the global in a type assertion', 'export const p = new (Promise as PromiseConstructor)((resolve) => resolve(1));', true],
  ])('in TypeScript, counts Promise only as a value: %s', (_, text, expected) => {
    expect(withSourceCode(text, (context) => mayMentionPromises(context.sourceCode, []), { parser: 'typescript' })).toBe(expected);
  });

  it('reads an escaped promise word with the TypeScript parser as espree does', () => {
    expect(withSourceCode('load().\\u0074hen(show);', (context) => mayMentionPromises(context.sourceCode, []), { parser: 'typescript' })).toBe(true);
  });

  it('counts the names of promiseFunctions entries, by their last segment', () => {
    expect(mentions('db.query(sql);', ['query'])).toBe(true);
    expect(mentions('client.get(url);', ['axios.get'])).toBe(true);
    expect(mentions('db.query(sql);', ['axios.get'])).toBe(false);
  });

  it('counts a listed name that is also a built-in word whatever the file imports', () => {
    expect(mentions("emitter.once('ready', start);", ['once'])).toBe(true);
    expect(mentions("emitter.once('ready', start);", ['query'])).toBe(false);
  });
});
