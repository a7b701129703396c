import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { isGlobalReference } from '../scope/globals.js';
import { skipTypeWrappers } from '../ast/unwrap.js';

/** `Promise.<name>(...)` with the global `Promise`: the static method's name (`all`, `resolve`), else null. */
export function getPromiseStatic(node: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): string | null {
  if (node.type !== AST_NODE_TYPES.CallExpression) return null;
  const callee = skipTypeWrappers(node.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.object.type !== AST_NODE_TYPES.Identifier) return null;
  if (callee.object.name !== 'Promise' || !isGlobalReference(callee.object, sourceCode)) return null;
  return ASTUtils.getPropertyName(callee) ?? null;
}

/** `new Promise(...)` with the global `Promise`. */
export function isNewPromise(node: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): node is TSESTree.NewExpression {
  if (node.type !== AST_NODE_TYPES.NewExpression) return false;
  const callee = skipTypeWrappers(node.callee);
  return callee.type === AST_NODE_TYPES.Identifier && callee.name === 'Promise' && isGlobalReference(callee, sourceCode);
}
