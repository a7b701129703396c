import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

// Where inserted or moved text needs parentheses. One file, so the operator-precedence rules
// every fix relies on are written once.

/** Expressions that bind more loosely than a unary operator, so `await`/`void` before them needs parentheses. */
const LOOSER_THAN_UNARY = new Set<string>([
  AST_NODE_TYPES.ArrowFunctionExpression,
  AST_NODE_TYPES.AssignmentExpression,
  AST_NODE_TYPES.BinaryExpression,
  AST_NODE_TYPES.ConditionalExpression,
  AST_NODE_TYPES.LogicalExpression,
  AST_NODE_TYPES.SequenceExpression,
  AST_NODE_TYPES.TSAsExpression,
  AST_NODE_TYPES.TSSatisfiesExpression,
  AST_NODE_TYPES.YieldExpression,
]);

/** Whether `node` binds more loosely than a unary operator: `await`/`void` before it needs parentheses. */
export function bindsLooserThanUnary(node: TSESTree.Node): boolean {
  return LOOSER_THAN_UNARY.has(node.type);
}

/** Whether `node` can be the object of a member access as written: `f().x`, `a.b.x`, `new P().x`, but not `(a || b).x`. */
export function canBeMemberObject(node: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.MemberExpression:
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.ImportExpression:
    case AST_NODE_TYPES.ThisExpression:
    case AST_NODE_TYPES.ArrayExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
      return true;
    case AST_NODE_TYPES.NewExpression:
      return sourceCode.getLastToken(node)?.value === ')';
    default:
      return false;
  }
}

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
