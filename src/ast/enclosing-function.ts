import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { FunctionNode } from './function-node.js';
import { isFunctionNode } from './function-node.js';

/** A scope boundary that is not a function but still forbids `await` (it runs synchronously). */
type SyncBoundary = TSESTree.PropertyDefinition | TSESTree.AccessorProperty | TSESTree.StaticBlock;

function isSyncBoundary(node: TSESTree.Node, child: TSESTree.Node): node is SyncBoundary {
  if (node.type === AST_NODE_TYPES.StaticBlock) return true;
  return (
    (node.type === AST_NODE_TYPES.PropertyDefinition || node.type === AST_NODE_TYPES.AccessorProperty) &&
    node.value === child
  );
}

/** Whether `node` lies in the parameter list (default values, destructuring) of `fn`. */
function isInParameters(fn: FunctionNode, node: TSESTree.Node): boolean {
  return fn.params.some((param) => param.range[0] <= node.range[0] && node.range[1] <= param.range[1]);
}

export interface EnclosingFunction {
  /** The nearest function, or null at module top level or in a class field / static block. */
  fn: FunctionNode | null;
  /** `node` is in `fn`'s parameters, which run before the body and cannot `await`. */
  inParameters: boolean;
  /** `node` is in a class field initializer or static block (nearer than any function). */
  inSyncBoundary: boolean;
}

/** The nearest function that contains `node` (not `node` itself), and how `node` sits in it. */
export function getEnclosingFunction(node: TSESTree.Node): EnclosingFunction {
  let child: TSESTree.Node = node;
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionNode(current)) {
      return { fn: current, inParameters: isInParameters(current, child), inSyncBoundary: false };
    }
    if (isSyncBoundary(current, child)) return { fn: null, inParameters: false, inSyncBoundary: true };
    child = current;
  }
  return { fn: null, inParameters: false, inSyncBoundary: false };
}

/**
 * Whether an `await` written at `node` would parse and run there: in the body of an async
 * function (not its parameters, not a nested sync function, class field or static block), or at
 * the top level of an ES module.
 */
export function isAwaitLegalAt(node: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const { fn, inParameters, inSyncBoundary } = getEnclosingFunction(node);
  if (fn) return fn.async && !inParameters;
  return !inSyncBoundary && sourceCode.ast.sourceType === 'module';
}
