import { ASTUtils, AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

/**
 * The string a node spells without running anything (`'fs'`, `` `fs` ``), or null; also takes
 * a missing node (an absent argument). eslint-utils' `getStringIfConstant` does the work.
 */
export function getStaticStringOf(node: TSESTree.Node | undefined): string | null {
  if (!node) return null;
  // The common spellings first: a module specifier is almost always a plain string (`getStaticValue` is far slower).
  if (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') return node.value;
  return ASTUtils.getStringIfConstant(node);
}
