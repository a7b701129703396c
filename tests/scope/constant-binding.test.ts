import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { getConstantVariable } from '../../src/scope/constant-binding.js';
import { withSourceCode } from '../helpers/lint-code.js';
import { allNodes } from '../helpers/node-by-text.js';

/** Whether the last read of `x` in `code` reads a variable that holds one value all its life. */
function isConstant(code: string, parser: 'espree' | 'typescript' = 'espree'): boolean {
  return withSourceCode(
    code,
    ({ sourceCode }) => {
      const reads = allNodes(sourceCode).filter(
        (node): node is TSESTree.Identifier => node.type === AST_NODE_TYPES.Identifier && node.name === 'x' && node.parent.type === AST_NODE_TYPES.CallExpression,
      );
      const last = reads.at(-1);
      if (!last) throw new Error('no call with x');
      return getConstantVariable(last, sourceCode) !== null;
    },
    { parser },
  );
}

describe('getConstantVariable', () => {
  it.each([
    ['const x = 1; use(x);', true, 'one definition, never written again'],
    ['let x = 1; use(x);', true, 'let without later writes'],
    ['function x() {} use(x);', true, 'a function declaration'],
    ['let x = 1; x = 2; use(x);', false, 'written after its initialisation'],
    ['var x = 1; var x = 2; use(x);', false, 'two definitions'],
    ['use(x);', false, 'not declared in the file'],
  ])('%s: %s (%s)', (code, expected) => expect(isConstant(code)).toBe(expected));

  it('does not count overload signatures as definitions', () => {
    expect(isConstant('function x(a: string): void; function x(a: unknown) {} use(x);', 'typescript')).toBe(true);
  });
});
