import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { isFunctionNode } from './function-node.js';
import { isNodeInside } from './ranges.js';

export function isLoopNode(node: TSESTree.Node): node is TSESTree.IterationStatement {
  return (
    node.type === AST_NODE_TYPES.ForStatement ||
    node.type === AST_NODE_TYPES.ForInStatement ||
    node.type === AST_NODE_TYPES.ForOfStatement ||
    node.type === AST_NODE_TYPES.WhileStatement ||
    node.type === AST_NODE_TYPES.DoWhileStatement
  );
}

/** Any loop statement: `for`, `for...in`, `for...of`, `while`, `do...while`. */
export type LoopNode = TSESTree.IterationStatement;

/** Code inside these does not run as part of the surrounding loop's iterations (functions, class bodies). */
export function isIterationBoundary(node: TSESTree.Node): boolean {
  return isFunctionNode(node) || node.type === AST_NODE_TYPES.ClassBody;
}

/** The part of a loop that runs once, before the first iteration: a `for` initialiser, a `for...of/in` iterable. */
export function getLoopHead(loop: LoopNode): TSESTree.Node | null {
  if (loop.type === AST_NODE_TYPES.ForStatement) return loop.init;
  if (loop.type === AST_NODE_TYPES.ForOfStatement || loop.type === AST_NODE_TYPES.ForInStatement) return loop.right;
  return null;
}

/**
 * The nearest loop that runs `node` once per iteration, without crossing a function or class body
 * (a loop's own `for` initialiser and `for...of` iterable run once and do not count), or null.
 */
export function getRepeatingLoop(node: TSESTree.Node): LoopNode | null {
  for (let current = node.parent; current; current = current.parent) {
    if (isIterationBoundary(current)) return null;
    if (isLoopNode(current) && !isNodeInside(node, getLoopHead(current))) return current;
  }
  return null;
}
