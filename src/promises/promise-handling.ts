import { ASTUtils, AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { skipTypeWrappers } from '../ast/unwrap.js';
import { skipValueWrappers } from '../ast/unwrap.js';

export type PromiseMethod = 'then' | 'catch' | 'finally';

export interface PromiseMethodCall {
  call: TSESTree.CallExpression;
  method: PromiseMethod;
  /** The promise the method is called on. */
  object: TSESTree.Expression;
}

const PROMISE_METHODS = new Set<string>(['then', 'catch', 'finally']);

/** `p.then(...)`, `p.catch(...)`, `p.finally(...)` (also `p?.then(...)`, `p['catch'](...)`). */
export function getPromiseMethodCall(node: TSESTree.Node): PromiseMethodCall | null {
  const call = skipValueWrappers(node);
  if (call.type !== AST_NODE_TYPES.CallExpression) return null;
  const callee = skipTypeWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  const method = ASTUtils.getPropertyName(callee);
  if (method === null || !PROMISE_METHODS.has(method)) return null;
  return { call, method: method as PromiseMethod, object: callee.object };
}

/** An argument that can be a rejection handler: present, not spread, not `null` / `undefined`. */
function isHandlerArgument(node: TSESTree.CallExpressionArgument | undefined): node is TSESTree.Expression {
  if (!node || node.type === AST_NODE_TYPES.SpreadElement) return false;
  const value = skipTypeWrappers(node);
  if (value.type === AST_NODE_TYPES.Literal && value.value === null) return false;
  if (value.type === AST_NODE_TYPES.Identifier && value.name === 'undefined') return false;
  if (value.type === AST_NODE_TYPES.UnaryExpression && value.operator === 'void') return false;
  return true;
}

/**
 * The rejection handler that ends the chain at `node`: `h` in `p.catch(h)` and `p.then(ok, h)`,
 * also through `.finally(f)` (which passes the rejection on to the handler before it).
 * `p.catch()` without an argument and `p.then(ok)` have none.
 */
export function getRejectionHandler(node: TSESTree.Node): TSESTree.Expression | null {
  const call = getPromiseMethodCall(node);
  if (!call) return null;
  const args = call.call.arguments;
  switch (call.method) {
    case 'catch':
      return isHandlerArgument(args[0]) ? args[0] : null;
    case 'then':
      return isHandlerArgument(args[1]) ? args[1] : null;
    case 'finally':
      return getRejectionHandler(call.object);
  }
}

/**
 * Whether the promise at `node` already has its rejection handled in the same expression.
 * `isHandler` may refine what counts as a handler (with types: a value that can be called).
 */
export function hasRejectionHandler(
  node: TSESTree.Node,
  isHandler: (handler: TSESTree.Expression) => boolean = () => true,
): boolean {
  const handler = getRejectionHandler(node);
  return handler !== null && isHandler(handler);
}

/** The value a chain of `.then/.catch/.finally` calls starts from: `load()` in `load().then(f).catch(g)`. */
export function getChainRoot(node: TSESTree.Node): TSESTree.Node {
  let current = skipValueWrappers(node);
  for (let call = getPromiseMethodCall(current); call; call = getPromiseMethodCall(current)) current = skipValueWrappers(call.object);
  return current;
}
