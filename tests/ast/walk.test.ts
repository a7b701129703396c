import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { forEachChild, someInSameFunction } from '../../src/ast/walk.js';
import { withSourceCode } from '../helpers/lint-code.js';

const isCallOf = (name: string) => (node: TSESTree.Node) =>
  node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === name;

/** Whether `hit()` is found in the body of the first function of `code`. */
function findsHit(code: string, options?: Parameters<typeof someInSameFunction>[3]): boolean {
  return withSourceCode(code, ({ sourceCode }) => {
    const fn = sourceCode.ast.body[0] as TSESTree.FunctionDeclaration;
    return someInSameFunction(fn.body, sourceCode.visitorKeys, isCallOf('hit'), options);
  });
}

describe('someInSameFunction', () => {
  it.each([
    ['function f() { if (x) { hit(); } }', true, 'nested blocks are walked'],
    ['function f() { const g = function () { hit(); }; }', false, 'a nested function runs at another time'],
    ['function f() { const g = () => hit(); }', false, 'arrows are functions too by default'],
    ['function f() { class C { m() { hit(); } } }', false, 'class bodies are not entered'],
    ['function f() { try { hit(); } catch {} }', true, 'a try block is walked unless skipped'],
  ])('%s: %s (%s)', (code, expected) => expect(findsHit(code)).toBe(expected));

  it('walks into arrows with enterArrows, for this/arguments questions', () => {
    expect(findsHit('function f() { const g = () => hit(); }', { enterArrows: true })).toBe(true);
  });

  it('leaves out the children `skip` names, with everything under them', () => {
    const skipTryBlock = (child: TSESTree.Node, parent: TSESTree.Node) => parent.type === AST_NODE_TYPES.TryStatement && child === parent.block;
    expect(findsHit('function f() { try { if (x) hit(); } catch {} }', { skip: skipTryBlock })).toBe(false);
    expect(findsHit('function f() { try {} catch { hit(); } }', { skip: skipTryBlock })).toBe(true);
  });
});

describe('forEachChild', () => {
  it('visits the children in source order through the visitor keys', () => {
    const types = withSourceCode('a(b, c);', ({ sourceCode }) => {
      const statement = sourceCode.ast.body[0] as TSESTree.ExpressionStatement;
      const found: string[] = [];
      forEachChild(statement.expression, sourceCode.visitorKeys, (child) => found.push(sourceCode.getText(child)));
      return found;
    });
    expect(types).toEqual(['a', 'b', 'c']);
  });
});
