import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { isArrayBySyntax } from '../../src/scope/known-array.js';
import { withFirstLoop } from '../helpers/loop-test-helpers.js';

const isArray = (code: string, parser?: 'typescript') =>
  withFirstLoop(
    code,
    (node, sourceCode) => {
      if (node.type !== AST_NODE_TYPES.ForOfStatement) throw new Error('not a for...of');
      return isArrayBySyntax(node.right, sourceCode.getScope(node));
    },
    parser ? { parser } : {},
  );

describe('isArrayBySyntax', () => {
  it.each([
    'for (const x of [a, b]) f(x);',
    'for (const x of Object.keys(o)) f(x);',
    'for (const [k, v] of Object.entries(o)) f(k, v);',
    'for (const x of Array.from(set)) f(x);',
    'for (const x of Array.of(1, 2)) f(x);',
    'for (const x of Reflect.ownKeys(o)) f(x);',
    'for (const x of xs.map(g)) f(x);',
    'for (const x of xs.filter(Boolean)) f(x);',
    "for (const x of line.split(',')) f(x);",
    'for (const x of [a].concat(b)) f(x);',
    'for (const x of Object.keys(o).slice(1)) f(x);',
    'const list = [1, 2]; for (const x of list) f(x);',
    'const keys = Object.keys(o); const sorted = keys.toSorted(); for (const x of sorted) f(x);',
    'for (const x of new Array(1, 2)) f(x);',
  ])('knows %s iterates an array', (code) => {
    expect(isArray(code)).toBe(true);
  });

  it('sees through TypeScript wrappers', () => {
    expect(isArray('for (const x of [a, b] as const) f(x);', 'typescript')).toBe(true);
  });

  it.each([
    'for (const x of xs) f(x);',
    'for (const x of new Set(xs)) f(x);',
    'for (const x of map.values()) f(x);',
    'for (const x of str.slice(1)) f(x);',
    'for (const x of xs?.map(g)) f(x);',
    'let list = [1]; for (const x of list) f(x);',
    'for (const x of new Array(3)) f(x);',
    'for (const x of gen()) f(x);',
  ])('does not assume %s iterates an array', (code) => {
    expect(isArray(code)).toBe(false);
  });
});
