import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

/**
 * `;` when text starting with `(` at `node` would begin a statement right after a line that has no
 * semicolon (`a = b\n(await x).y` would call `b`), else the empty string.
 */
export function getAsiGuard(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): string {
  let statement: TSESTree.Node | undefined = node;
  while (statement && statement.type !== AST_NODE_TYPES.ExpressionStatement) {
    if (!statement.parent || statement.parent.range[0] !== node.range[0]) return '';
    statement = statement.parent;
  }
  if (!statement || ASTUtils.isParenthesized(node, sourceCode)) return '';
  const before = sourceCode.getTokenBefore(statement);
  if (before === null || before.value === ';' || before.value === '{') return '';
  if (before.value !== '}') return ';';
  const closed = sourceCode.getNodeByRangeIndex(before.range[0]);
  return closed && BLOCK_LIKE.has(closed.type) ? '' : ';';
}

const BLOCK_LIKE = new Set<string>([
  AST_NODE_TYPES.BlockStatement,
  AST_NODE_TYPES.ClassBody,
  AST_NODE_TYPES.StaticBlock,
  AST_NODE_TYPES.SwitchStatement,
  AST_NODE_TYPES.TSModuleBlock,
  AST_NODE_TYPES.TSInterfaceBody,
  AST_NODE_TYPES.TSEnumDeclaration,
]);
