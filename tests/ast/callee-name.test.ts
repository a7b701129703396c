import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { getCalleeName, getCalleePath } from '../../src/ast/callee-name.js';
import { withSourceCode } from '../helpers/lint-code.js';
import { allNodes } from '../helpers/node-by-text.js';

describe('getCalleePath and getCalleeName', () => {
  it('names callees as a reader would', () => {
    withSourceCode('a.b.c(); this.x.y(); f(); a[b](); g()();', (context) => {
      const calls = allNodes(context.sourceCode).filter((node): node is TSESTree.CallExpression => node.type === AST_NODE_TYPES.CallExpression && node.parent?.type === AST_NODE_TYPES.ExpressionStatement);
      expect(calls.map((call) => getCalleePath(call.callee))).toEqual(['a.b.c', 'this.x.y', 'f', null, null]);
      expect(calls.map((call) => getCalleeName(call.callee))).toEqual(['c', 'y', 'f', null, null]);
    });
  });
});
