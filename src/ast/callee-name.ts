import { AST_NODE_TYPES, type TSESTree, ASTUtils } from '@typescript-eslint/utils';
import { skipTypeWrappers } from './unwrap.js';

/** `describe.only` for the callee `describe.only`, null for computed or call-based callees. */
export function getCalleePath(node: TSESTree.Node): string | null {
  const callee = skipTypeWrappers(node);
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  if (callee.type === AST_NODE_TYPES.ThisExpression) return 'this';
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.property.type === AST_NODE_TYPES.PrivateIdentifier) return null;
  const property = ASTUtils.getPropertyName(callee);
  const object = getCalleePath(callee.object);
  return property === null || object === null ? null : `${object}.${property}`;
}

/** The callee's last name: `query` for `query()`, `db.query()` and `this.db.query()`. */
export function getCalleeName(node: TSESTree.Node): string | null {
  const callee = skipTypeWrappers(node);
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  // `a.b` (most callees) and `a.#b` name their property directly; the general lookup is for computed keys.
  if (!callee.computed) return callee.property.name;
  return ASTUtils.getPropertyName(callee) ?? null;
}
