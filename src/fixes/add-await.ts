import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

/**
 * Whether `await <expr>` (a unary expression) written where `node` stands needs parentheses:
 * positions that take only a left-hand-side expression (member object, callee, tag, `!` suffix,
 * class heritage) and the left operand of `**`, where a unary operand is a syntax error.
 */
export function needsParenthesesForAwait(node: TSESTree.Node): boolean {
  const parent = node.parent;
  if (!parent) return false;
  switch (parent.type) {
    case AST_NODE_TYPES.MemberExpression:
      return parent.object === node;
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression:
      return parent.callee === node;
    case AST_NODE_TYPES.TaggedTemplateExpression:
      return parent.tag === node;
    case AST_NODE_TYPES.TSNonNullExpression:
    case AST_NODE_TYPES.UpdateExpression:
      return true;
    case AST_NODE_TYPES.BinaryExpression:
      return parent.operator === '**' && parent.left === node;
    case AST_NODE_TYPES.ClassDeclaration:
    case AST_NODE_TYPES.ClassExpression:
      return parent.superClass === node;
    case AST_NODE_TYPES.ChainExpression:
      return needsParenthesesForAwait(parent);
    default:
      return false;
  }
}

/**
 * The text that replaces `node` with `await <replacement>` (default: `node`'s own text), adding
 * parentheses only where the surrounding expression needs them:
 * `fs.readFileSync(p).toString()` → `(await readFile(p)).toString()`, `JSON.parse(await readFile(p))`.
 */
export function addAwait(
  sourceCode: Readonly<TSESLint.SourceCode>,
  node: TSESTree.Node,
  replacement: string = sourceCode.getText(node),
): string {
  const awaited = `await ${replacement}`;
  if (ASTUtils.isParenthesized(node, sourceCode) || !needsParenthesesForAwait(node)) return awaited;
  return `${getAsiGuard(sourceCode, node)}(${awaited})`;
}

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
