import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { findValueReferencesWithin } from '../../src/scope/references-within.js';
import { withSourceCode, type ParserName } from '../helpers/lint-code.js';
import { allNodes } from '../helpers/node-by-text.js';

/**
 * The names of the value references inside the `occurrence`-th loop of `code`, in the order found:
 * each scope's own order (the loop variable's write before the list it is read from), then the
 * scopes inside.
 */
function namesInLoop(code: string, occurrence = 0, parser: ParserName = 'espree'): string[] {
  return withSourceCode(
    code,
    ({ sourceCode }) => {
      const loops = allNodes(sourceCode).filter(
        (node): node is TSESTree.ForOfStatement | TSESTree.WhileStatement => node.type === AST_NODE_TYPES.ForOfStatement || node.type === AST_NODE_TYPES.WhileStatement,
      );
      const loop = loops[occurrence];
      if (!loop) throw new Error('no such loop');
      return findValueReferencesWithin(sourceCode, loop).map((reference) => reference.identifier.name);
    },
    { parser },
  );
}

describe('findValueReferencesWithin', () => {
  it.each([
    ["a loop's header and body, and nothing around it", 'async function f(xs, a) { g(a); for (const x of xs) { await h(x); } g(a); }', 0, ['x', 'xs', 'h', 'x']],
    ['one loop of many in one function', 'function f(a, b, c) { for (const x of a) g(x); for (const y of b) h(y); for (const z of c) k(z); }', 1, ['y', 'b', 'h', 'y']],
    ['a loop without a scope of its own', 'function f(n) { let i = 0; while (i < n) i++; return i; }', 0, ['i', 'n', 'i']],
    ['the scopes inside the loop: blocks and closures', 'function f(xs) { for (const x of xs) { { const y = x; use(y); } run(() => x); } }', 0, ['x', 'xs', 'run', 'y', 'x', 'use', 'y', 'x']],
    ['a loop at the top level of a module', 'const xs = [];\nfor (const x of xs) use(x);\nuse(xs);', 0, ['x', 'xs', 'use', 'x']],
  ])('finds %s', (_reason, code, occurrence, expected) => {
    expect(namesInLoop(code, occurrence)).toEqual(expected);
  });
  it('leaves out type-only references', () => {
    expect(namesInLoop('function f(xs: T[]) { for (const x of xs) { const y: T = x; use(y); } }', 0, 'typescript')).toEqual(['x', 'xs', 'y', 'x', 'use', 'y']);
  });
});
