import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { bindsLooserThanUnary, canBeMemberObject } from './precedence.js';

/**
 * The text of `node` (which replaces `node`'s own range, inside any parentheses around it) with
 * parentheses added when `needsParentheses` says so.
 */
function getOperandText(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node, needsParentheses: boolean): string {
  const text = sourceCode.getText(node);
  return needsParentheses ? `(${text})` : text;
}

/** `await p()`, `void (a && p())`: the operator before `node`, with parentheses where precedence needs them. */
export function getPrefixedText(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node, operator: string): string {
  return `${operator} ${getOperandText(sourceCode, node, bindsLooserThanUnary(node))}`;
}

/** `p().catch(report)`, `(a && p()).catch(report)`. */
export function getMethodCallText(
  sourceCode: Readonly<TSESLint.SourceCode>,
  node: TSESTree.Node,
  method: string,
  argumentText: string,
): string {
  return `${getOperandText(sourceCode, node, !canBeMemberObject(node, sourceCode))}.${method}(${argumentText})`;
}

/** The whitespace that indents the line `node` starts on. */
export function getIndent(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): string {
  const line = sourceCode.lines[node.loc.start.line - 1] ?? '';
  return /^\s*/u.exec(line)?.[0] ?? '';
}

const TERMINATORS = new Set<string>([
  AST_NODE_TYPES.ReturnStatement,
  AST_NODE_TYPES.ThrowStatement,
  AST_NODE_TYPES.BreakStatement,
  AST_NODE_TYPES.ContinueStatement,
]);

/** The block or program whose statement list holds `statement` (where a new statement may go), or null. */
function getStatementList(statement: TSESTree.Node): TSESTree.BlockStatement | TSESTree.Program | null {
  const block = statement.parent;
  return block?.type === AST_NODE_TYPES.BlockStatement || block?.type === AST_NODE_TYPES.Program ? block : null;
}

/**
 * An edit that adds `text` as a statement at the end of the block that holds `statement` (before
 * a final `return`/`throw`/`break`/`continue`), indented like `statement`. Null outside a block.
 */
export function insertAtBlockEnd(
  fixer: TSESLint.RuleFixer,
  sourceCode: Readonly<TSESLint.SourceCode>,
  statement: TSESTree.Node,
  text: string,
): TSESLint.RuleFix | null {
  const block = getStatementList(statement);
  if (!block) return null;
  const body: readonly TSESTree.Node[] = block.body;
  const last = body[body.length - 1];
  if (!last) return null;
  const indent = getIndent(sourceCode, statement);
  if (TERMINATORS.has(last.type) && last !== statement) {
    return fixer.insertTextBeforeRange([last.range[0], last.range[0]], `${text}\n${getIndent(sourceCode, last)}`);
  }
  return fixer.insertTextAfter(last, `\n${indent}${text}`);
}

/** An edit that adds `text` as the statement right after `statement`. Null outside a block. */
export function insertAfterStatement(
  fixer: TSESLint.RuleFixer,
  sourceCode: Readonly<TSESLint.SourceCode>,
  statement: TSESTree.Node,
  text: string,
): TSESLint.RuleFix | null {
  if (!getStatementList(statement)) return null;
  return fixer.insertTextAfter(statement, `\n${getIndent(sourceCode, statement)}${text}`);
}

/** An edit that removes `statement` together with the line break and indentation before it. */
export function removeStatement(
  fixer: TSESLint.RuleFixer,
  sourceCode: Readonly<TSESLint.SourceCode>,
  statement: TSESTree.Node,
): TSESLint.RuleFix {
  const before = sourceCode.getTokenBefore(statement, { includeComments: true });
  const start = before ? before.range[1] : statement.range[0];
  return fixer.removeRange([start, statement.range[1]]);
}
