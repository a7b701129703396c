import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { isFunctionNode } from './function-node.js';

type VisitorKeys = TSESLint.SourceCode.VisitorKeys;

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** Calls `callback` with each child of `node`, in source order, through the parser's visitor keys. */
export function forEachChild(node: TSESTree.Node, visitorKeys: VisitorKeys, callback: (child: TSESTree.Node) => void): void {
  for (const key of visitorKeys[node.type] ?? []) {
    const value = (node as unknown as Record<string, unknown>)[key];
    if (Array.isArray(value)) {
      for (const item of value) if (isNode(item)) callback(item);
    } else if (isNode(value)) {
      callback(value);
    }
  }
}

export interface SameFunctionWalkOptions {
  /** Walk into nested arrow functions too: they share `this`, `arguments` and `super` with their parent. */
  enterArrows?: boolean;
  /** Children not to walk into (with everything under them), given with their parent. */
  skip?: (child: TSESTree.Node, parent: TSESTree.Node) => boolean;
}

/**
 * Whether `test` holds for `root` or a node under it that runs as part of the same function:
 * nested functions and class bodies run at another time, so they are not entered. The one walker
 * for "does this body contain ..." questions.
 */
export function someInSameFunction(
  root: TSESTree.Node,
  visitorKeys: VisitorKeys,
  test: (node: TSESTree.Node) => boolean,
  { enterArrows = false, skip }: SameFunctionWalkOptions = {},
): boolean {
  const stack: TSESTree.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as TSESTree.Node;
    if (test(node)) return true;
    forEachChild(node, visitorKeys, (child) => {
      if (child.type === AST_NODE_TYPES.ClassBody) return;
      if (isFunctionNode(child) && !(enterArrows && child.type === AST_NODE_TYPES.ArrowFunctionExpression)) return;
      if (skip?.(child, node)) return;
      stack.push(child);
    });
  }
  return false;
}
