import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

/** Skips type assertions and non-null assertions that do not change the value (`f as F`, `obj!`). */
export function skipTypeWrappers(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (
    current.type === AST_NODE_TYPES.TSAsExpression ||
    current.type === AST_NODE_TYPES.TSNonNullExpression ||
    current.type === AST_NODE_TYPES.TSSatisfiesExpression ||
    current.type === AST_NODE_TYPES.TSTypeAssertion ||
    current.type === AST_NODE_TYPES.TSInstantiationExpression
  ) {
    current = current.expression;
  }
  return current;
}

const TYPE_WRAPPERS = new Set<string>([
  AST_NODE_TYPES.TSAsExpression,
  AST_NODE_TYPES.TSNonNullExpression,
  AST_NODE_TYPES.TSSatisfiesExpression,
  AST_NODE_TYPES.TSTypeAssertion,
  AST_NODE_TYPES.TSInstantiationExpression,
]);

/**
 * The outermost of the wrappers `skipTypeWrappers` skips around `node` (`fn as F satisfies G`):
 * the node its parent sees, to ask what a value is assigned to or passed as.
 */
export function getOutermostTypeWrapper(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (current.parent && TYPE_WRAPPERS.has(current.parent.type)) current = current.parent;
  return current;
}

/**
 * Skips optional chains and type assertions around a value (parentheses leave no node): the one
 * unwrapper for "which expression is this, really" questions.
 */
export function skipValueWrappers(node: TSESTree.Node): TSESTree.Node {
  let current = skipTypeWrappers(node);
  while (current.type === AST_NODE_TYPES.ChainExpression) current = skipTypeWrappers(current.expression);
  return current;
}

/**
 * The function a callback value stands for: `f` for `f.bind(this)` or `f.bind(null, a)` (a bound
 * function runs `f`'s body and returns what it returns), type wrappers skipped; else the value itself.
 */
export function skipBindCall(node: TSESTree.Node): TSESTree.Node {
  const value = skipTypeWrappers(node);
  if (value.type !== AST_NODE_TYPES.CallExpression || value.optional) return value;
  const callee = skipTypeWrappers(value.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed || callee.optional) return value;
  if (callee.property.type !== AST_NODE_TYPES.Identifier || callee.property.name !== 'bind') return value;
  return skipTypeWrappers(callee.object);
}
