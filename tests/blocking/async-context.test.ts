import { atMark } from '../helpers/node-by-text.js';
import { describe, expect, it } from 'vitest';
import { getAsyncContext, hasTopLevelAwait } from '../../src/blocking/async-context.js';
import { withSourceCode, type LintCodeOptions } from '../helpers/lint-code.js';

/** Finds the call `mark()` in the code and hands it to `inspect`. */
const defaults = { checkArrayCallbacks: true, checkTopLevelAwaitModules: false, hasTopLevelAwait: () => false };
const contextKind = (code: string, options = defaults) => atMark(code, (node) => getAsyncContext(node, options)?.kind ?? null);

describe('getAsyncContext', () => {
  it.each([
    ['async function f() { mark(); }', 'async-function'],
    ['async function f() { xs.map((x) => mark()); }', 'sync-callback'],
    ['async function f() { xs.map((x) => ys.forEach(() => mark())); }', 'sync-callback'],
    ['async function f() { new Promise((resolve) => mark()); }', 'sync-callback'],
    ['p.then(() => mark());', 'promise-callback'],
    ['async function f() { setTimeout(() => mark()); }', null],
    ['async function f() { emitter.on("x", () => mark()); }', null],
    ['function f() { mark(); }', null],
    ['xs.map(() => mark());', null],
    ['class A { constructor() { mark(); } }', null],
    ['async function f(x = mark()) {}', null],
    ['mark();', null],
  ])('%s → %s', (code, kind) => {
    expect(contextKind(code)).toBe(kind);
  });

  it('leaves array callbacks out when asked', () => {
    expect(contextKind('async function f() { xs.map(() => mark()); }', { ...defaults, checkArrayCallbacks: false })).toBe(null);
  });

  it('treats top-level statements of a top-level-await module as async code only when asked', () => {
    expect(contextKind('mark();', { ...defaults, checkTopLevelAwaitModules: true, hasTopLevelAwait: () => true })).toBe('top-level-await');
    expect(contextKind('mark();', { ...defaults, checkTopLevelAwaitModules: true, hasTopLevelAwait: () => false })).toBe(null);
    expect(contextKind('class A { static { mark(); } }', { ...defaults, checkTopLevelAwaitModules: true, hasTopLevelAwait: () => true })).toBe(null);
  });

  it('allows await only where it parses', () => {
    const awaitLegal = (code: string) => atMark(code, (node) => getAsyncContext(node, defaults)?.awaitLegal);
    expect(awaitLegal('async function f() { mark(); }')).toBe(true);
    expect(awaitLegal('async function f() { xs.map(() => mark()); }')).toBe(false);
    expect(awaitLegal('p.then(() => mark());')).toBe(false);
    expect(awaitLegal('p.then(async () => mark());')).toBe(true);
  });
});

describe('hasTopLevelAwait', () => {
  const check = (code: string, options?: LintCodeOptions) => withSourceCode(code, ({ sourceCode }) => hasTopLevelAwait(sourceCode), options);
  it('finds await, for await and await using outside functions', () => {
    expect(check('const x = 1 + (await y);')).toBe(true);
    expect(check('for await (const x of y) {}')).toBe(true);
    expect(check('if (a) { await using r = open(); }', { parser: 'typescript' })).toBe(true);
  });
  it('ignores await inside functions and in CommonJS', () => {
    expect(check('async function f() { await y; } const g = async () => { await z; };')).toBe(false);
    expect(check('async function f() { await y; }', { sourceType: 'commonjs' })).toBe(false);
  });
});
