import { ASTUtils, type TSESTree } from '@typescript-eslint/utils';

/**
 * The string a node spells without running anything (`'fs'`, `` `fs` ``), or null; also takes
 * a missing node (an absent argument). eslint-utils' `getStringIfConstant` does the work.
 */
export function getStaticStringOf(node: TSESTree.Node | undefined): string | null {
  return node ? ASTUtils.getStringIfConstant(node) : null;
}
