import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { removeStatement } from '../../fixes/statement-edits.js';

/** An `await` that is a whole statement: `await x;` or `const <pattern> = await x;`. */
export interface AwaitStatement {
  statement: TSESTree.ExpressionStatement | TSESTree.VariableDeclaration;
  awaited: TSESTree.Expression;
  /** The declared pattern's text, null for an expression statement. */
  pattern: string | null;
  kind: TSESTree.VariableDeclaration['kind'] | null;
}

/** The statement `node` (an `await` expression) makes up on its own, if any. */
export function getAwaitStatement(node: TSESTree.AwaitExpression, sourceCode: Readonly<TSESLint.SourceCode>): AwaitStatement | null {
  const parent = node.parent;
  if (parent.type === AST_NODE_TYPES.ExpressionStatement) {
    return { statement: parent, awaited: node.argument, pattern: null, kind: null };
  }
  if (parent.type !== AST_NODE_TYPES.VariableDeclarator || parent.init !== node) return null;
  const declaration = parent.parent;
  if (declaration.declarations.length !== 1 || declaration.declare) return null;
  if (declaration.kind !== 'const' && declaration.kind !== 'let' && declaration.kind !== 'var') return null;
  const id = parent.id;
  if (id.typeAnnotation) return null;
  const pattern = id.type === AST_NODE_TYPES.Identifier ? id.name : sourceCode.getText(id);
  return { statement: declaration, awaited: node.argument, pattern, kind: declaration.kind };
}

/** Whether `getCombinedAwaitFix` can merge the two awaits: statements of one block, compatible declarations. */
export function canCombineAwaits(task: AwaitStatement, other: AwaitStatement): boolean {
  if (task.statement.parent !== other.statement.parent || other.statement.range[1] > task.statement.range[0]) return false;
  return task.kind === null || other.kind === null || task.kind === other.kind;
}

/**
 * Edits that await `taskName` together with the earlier `other` await: `other`'s statement becomes
 * `const [a, b] = await Promise.all([task, x]);` and `task`'s own await statement goes away. Both
 * must be statements of the same block, declared with the same keyword when both declare.
 */
export function getCombinedAwaitFix(
  fixer: TSESLint.RuleFixer,
  sourceCode: Readonly<TSESLint.SourceCode>,
  taskName: string,
  task: AwaitStatement,
  other: AwaitStatement,
): TSESLint.RuleFix[] | null {
  if (!canCombineAwaits(task, other)) return null;
  const otherText =
    other.awaited.type === AST_NODE_TYPES.SequenceExpression ? `(${sourceCode.getText(other.awaited)})` : sourceCode.getText(other.awaited);
  const all = `await Promise.all([${taskName}, ${otherText}])`;
  const kind = task.kind ?? other.kind;
  let combined: string;
  if (kind === null) {
    combined = `${all};`;
  } else {
    const names = other.pattern === null ? `[${task.pattern}]` : `[${task.pattern ?? ''}, ${other.pattern}]`;
    combined = `${kind} ${names} = ${all};`;
  }
  return [fixer.replaceText(other.statement, combined), removeStatement(fixer, sourceCode, task.statement)];
}
