import { atMark } from '../helpers/node-by-text.js';
import { describe, expect, it } from 'vitest';
import { isAwaitLegalAt } from '../../src/ast/enclosing-function.js';
import { type LintCodeOptions } from '../helpers/lint-code.js';

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
