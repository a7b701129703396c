import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { getEnclosingFunction } from '../ast/enclosing-function.js';
import type { FunctionNode } from '../ast/function-node.js';

/** The function whose body runs `node` (its nearest function), or the program for top-level code. */
export function getOwnerFunction(node: TSESTree.Node): FunctionNode | TSESTree.Program | null {
  const { fn, inSyncBoundary } = getEnclosingFunction(node);
  if (fn) return fn;
  if (inSyncBoundary) return null;
  let root: TSESTree.Node = node;
  while (root.parent) root = root.parent;
  return root.type === AST_NODE_TYPES.Program ? root : null;
}

function getStatementList(node: TSESTree.Node): readonly TSESTree.Node[] | null {
  switch (node.type) {
    case AST_NODE_TYPES.BlockStatement:
    case AST_NODE_TYPES.Program:
    case AST_NODE_TYPES.StaticBlock:
      return node.body;
    case AST_NODE_TYPES.SwitchCase:
      return node.consequent;
    default:
      return null;
  }
}

/** The ancestor chain of `node`, itself first. */
function getAncestry(node: TSESTree.Node): TSESTree.Node[] {
  const chain: TSESTree.Node[] = [];
  for (let current: TSESTree.Node | undefined = node; current; current = current.parent) chain.push(current);
  return chain;
}

/**
 * Whether `later` runs after `earlier` on some path that goes through `earlier` without leaving
 * the statement structure: a later statement of an enclosing block, the rest of the same
 * expression, the `catch`/`finally` after a `try` block. Not when they sit in different branches
 * of an `if`, `?:` or `switch`, and not when `later` comes first in the source (loop back-edges
 * are the caller's business).
 */
export function isInContinuation(earlier: TSESTree.Node, later: TSESTree.Node): boolean {
  if (later.range[0] < earlier.range[1]) return false;
  const earlierChain = getAncestry(earlier);
  const onEarlierChain = new Set(earlierChain);
  let laterChild: TSESTree.Node = later;
  let common: TSESTree.Node | undefined = later.parent;
  while (common && !onEarlierChain.has(common)) {
    laterChild = common;
    common = common.parent;
  }
  if (!common) return false;
  const earlierChild = earlierChain[earlierChain.indexOf(common) - 1];
  if (!earlierChild) return false;
  const list = getStatementList(common);
  if (list) return list.indexOf(laterChild) > list.indexOf(earlierChild);
  switch (common.type) {
    case AST_NODE_TYPES.IfStatement:
    case AST_NODE_TYPES.ConditionalExpression:
      return earlierChild === common.test;
    case AST_NODE_TYPES.SwitchStatement:
      return earlierChild === common.discriminant;
    case AST_NODE_TYPES.TryStatement:
      return earlierChild === common.block || (earlierChild === common.handler && laterChild === common.finalizer);
    default:
      return true;
  }
}
