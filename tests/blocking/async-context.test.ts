import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { describeFunction } from '../../src/ast/function-name.js';
import { getAsyncContext, hasTopLevelAwait } from '../../src/blocking/async-context.js';
import { isAwaitLegalAt } from '../../src/ast/enclosing-function.js';
import { withSourceCode, type LintCodeOptions } from '../helpers/lint-code.js';

/** Finds the call `mark()` in the code and hands it to `inspect`. */
function atMark<T>(code: string, inspect: (node: TSESTree.Node, sourceCode: Parameters<typeof isAwaitLegalAt>[1]) => T, options: LintCodeOptions = {}): T {
  return withSourceCode(
    code,
    ({ sourceCode }) => {
      const index = sourceCode.text.indexOf('mark()');
      const node = sourceCode.getNodeByRangeIndex(index);
      if (!node || node.type !== AST_NODE_TYPES.Identifier || !node.parent) throw new Error('no mark() in code');
      return inspect(node.parent, sourceCode);
    },
    options,
  );
}

const legal = (code: string, options?: LintCodeOptions) => atMark(code, isAwaitLegalAt, options);

describe('isAwaitLegalAt', () => {
  it.each([
    'async function f() { mark(); }',
    'const f = async () => mark();',
    'class A { async m() { mark(); } }',
    'const o = { async m() { mark(); } };',
    'async function* g() { mark(); }',
    'mark();',
  ])('is legal in %s', (code) => {
    expect(legal(code)).toBe(true);
  });

  it.each([
    'function f() { mark(); }',
    'async function f() { function g() { mark(); } }',
    'async function f(a = mark()) {}',
    'async function f() { [1].map(() => mark()); }',
    'class A { x = mark(); }',
    'class A { static { mark(); } }',
  ])('is not legal in %s', (code) => {
    expect(legal(code)).toBe(false);
  });

  it('is not legal at the top level of CommonJS', () => {
    expect(legal('mark();', { sourceType: 'commonjs' })).toBe(false);
  });
});

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

describe('describeFunction', () => {
  const describeAtMark = (code: string) => atMark(code, (node, sourceCode) => {
    let fn: TSESTree.Node | undefined = node.parent;
    while (fn && !fn.type.includes('Function')) fn = fn.parent;
    return describeFunction((fn ?? null) as Parameters<typeof describeFunction>[0], sourceCode);
  });
  it.each([
    ['async function loadConfig() { mark(); }', 'async function `loadConfig`'],
    ['const load = async () => { mark(); };', 'async arrow function `load`'],
    ['class A { async save() { mark(); } }', 'async method `save`'],
    ['const o = { async load() { mark(); } };', 'async method `load`'],
    ['const o = { load: async () => { mark(); } };', 'async arrow function `load`'],
    ['export default async () => { mark(); };', 'async arrow function'],
    ['mark();', 'the module top level'],
  ])('%s → %s', (code, expected) => {
    expect(describeAtMark(code)).toBe(expected);
  });
});
