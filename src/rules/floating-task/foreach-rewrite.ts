import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { isFunctionNode, type FunctionNode } from '../../ast/function-node.js';
import { getPrefixedText } from '../../fixes/statement-edits.js';
import { someInSameFunction } from '../../ast/walk.js';

export interface ForEachCall {
  statement: TSESTree.ExpressionStatement;
  call: TSESTree.CallExpression;
  callee: TSESTree.MemberExpression;
  callback: FunctionNode;
}

/** `xs.forEach(<function>)` written as a whole statement (not optional, not computed). */
export function getForEachStatement(call: TSESTree.CallExpression): ForEachCall | null {
  const statement = call.parent;
  if (statement?.type !== AST_NODE_TYPES.ExpressionStatement || statement.expression !== call) return null;
  const callee = call.callee;
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.optional || callee.computed || call.optional) return null;
  const callback = call.arguments[0];
  if (!callback || !isFunctionNode(callback)) return null;
  return { statement, call, callee, callback };
}

/** `xs.forEach(cb)` → `await Promise.all(xs.map(cb))`. */
export function getMapAllFix(fixer: TSESLint.RuleFixer, forEach: ForEachCall): TSESLint.RuleFix[] {
  return [
    fixer.insertTextBefore(forEach.call, 'await Promise.all('),
    fixer.replaceText(forEach.callee.property, 'map'),
    fixer.insertTextAfter(forEach.call, ')'),
  ];
}

/** The loop variable text for the callback's only parameter, when it can be written in a `for...of` head. */
function getLoopBindingText(sourceCode: Readonly<TSESLint.SourceCode>, callback: FunctionNode): string | null {
  if (callback.params.length !== 1) return null;
  const param = callback.params[0];
  if (!param) return null;
  if (param.type === AST_NODE_TYPES.Identifier) return param.name;
  if (param.type !== AST_NODE_TYPES.ObjectPattern && param.type !== AST_NODE_TYPES.ArrayPattern) return null;
  return param.typeAnnotation ? null : sourceCode.getText(param);
}

/**
 * `xs.forEach(async (x) => { ... })` → `for (const x of xs) { ... }` (sequential), when the body
 * means the same in a loop: one parameter, no `return`, and no `this`/`arguments` of its own.
 */
export function getForOfText(sourceCode: Readonly<TSESLint.SourceCode>, forEach: ForEachCall): string | null {
  const { call, callee, callback } = forEach;
  if (call.arguments.length !== 1 || callback.generator) return null;
  const binding = getLoopBindingText(sourceCode, callback);
  if (binding === null) return null;
  const body = callback.body;
  if (!body) return null;
  const isArrow = callback.type === AST_NODE_TYPES.ArrowFunctionExpression;
  const keys = sourceCode.visitorKeys;
  if (someInSameFunction(body, keys, (node) => node.type === AST_NODE_TYPES.ReturnStatement)) return null;
  const usesOwnThis =
    !isArrow &&
    someInSameFunction(
      body,
      keys,
      (node) => node.type === AST_NODE_TYPES.ThisExpression || (node.type === AST_NODE_TYPES.Identifier && node.name === 'arguments'),
      { enterArrows: true },
    );
  if (usesOwnThis) return null;
  const objectText = ASTUtils.isParenthesized(callee.object, sourceCode)
    ? `(${sourceCode.getText(callee.object)})`
    : sourceCode.getText(callee.object);
  const head = `for (const ${binding} of ${objectText})`;
  if (body.type === AST_NODE_TYPES.BlockStatement) return `${head} ${sourceCode.getText(body)}`;
  const statement = body.type === AST_NODE_TYPES.AwaitExpression ? sourceCode.getText(body) : getPrefixedText(sourceCode, body, 'await');
  return `${head} ${statement};`;
}
