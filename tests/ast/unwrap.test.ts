import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { isAsyncFunction } from '../../src/ast/function-node.js';
import { getOutermostTypeWrapper, skipTypeWrappers } from '../../src/ast/unwrap.js';
import { withSourceCode } from '../helpers/lint-code.js';

describe('isAsyncFunction and skipTypeWrappers', () => {
  it('treats async generators as not returning promises', () => {
    withSourceCode('async function* g() {}\nasync function f() {}', (context) => {
      const [generator, plain] = context.sourceCode.ast.body as TSESTree.FunctionDeclaration[];
      expect(isAsyncFunction(generator as TSESTree.FunctionDeclaration)).toBe(false);
      expect(isAsyncFunction(plain as TSESTree.FunctionDeclaration)).toBe(true);
    });
  });

  it('skips as, satisfies and non-null wrappers', () => {
    withSourceCode(
      'x! as unknown satisfies unknown;',
      (context) => {
        const statement = context.sourceCode.ast.body[0] as TSESTree.ExpressionStatement;
        expect(skipTypeWrappers(statement.expression).type).toBe('Identifier');
      },
      { parser: 'typescript' },
    );
  });
});

describe('getOutermostTypeWrapper', () => {
  it('climbs every type wrapper around a value to the node its parent sees', () => {
    withSourceCode(
      'const f = (async () => {}) as F satisfies G;',
      (context) => {
        const declaration = context.sourceCode.ast.body[0] as TSESTree.VariableDeclaration;
        const init = declaration.declarations[0]?.init as TSESTree.Expression;
        const fn = skipTypeWrappers(init);
        expect(fn.type).toBe('ArrowFunctionExpression');
        expect(getOutermostTypeWrapper(fn)).toBe(init);
      },
      { parser: 'typescript' },
    );
  });

  it('gives an unwrapped node back', () => {
    withSourceCode('const f = () => {};', (context) => {
      const declaration = context.sourceCode.ast.body[0] as TSESTree.VariableDeclaration;
      const init = declaration.declarations[0]?.init as TSESTree.Expression;
      expect(getOutermostTypeWrapper(init)).toBe(init);
    });
  });
});
