import { AST_NODE_TYPES, type ParserServicesWithTypeInformation, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { isAwaitLegalAt } from '../../ast/enclosing-function.js';
import { isFunctionNode } from '../../ast/function-node.js';
import { skipValueWrappers } from '../../ast/unwrap.js';
import { getAsiGuard } from '../../fixes/asi.js';
import { getMethodCallText, getPrefixedText } from '../../fixes/statement-edits.js';
import { describePromise, isAsyncIife } from '../../promises/describe-promise.js';
import type { PromiseKind } from '../../promises/promise-detection.js';
import { getTypeText, hasCallSignatures } from '../../types/thenable-type.js';
import { isReported } from './policy.js';
import type { FloatingTaskShared } from './shared-context.js';
import type { MessageIds } from './types.js';

/** Expressions whose value can be a promise; the checker is asked about nothing else. */
const PROMISE_SHAPES = new Set<string>([
  AST_NODE_TYPES.CallExpression,
  AST_NODE_TYPES.NewExpression,
  AST_NODE_TYPES.MemberExpression,
  AST_NODE_TYPES.Identifier,
  AST_NODE_TYPES.TaggedTemplateExpression,
  AST_NODE_TYPES.ImportExpression,
  AST_NODE_TYPES.ArrayExpression,
]);

interface FloatingPart {
  /** The promise-valued expression that nobody handles. */
  promise: TSESTree.Node;
  kind: Exclude<PromiseKind, null> | 'array';
  /** The expression the fixes wrap: the statement's expression, or one element of a sequence. */
  target: TSESTree.Node;
}

/**
 * The first check of floating-task: an expression statement whose value is a promise (or an array
 * of promises) that nothing awaits or handles, reported as `floating`, `floatingMaybe` or `floatingArray`.
 */
export function createFloatingStatementsCheck(shared: FloatingTaskShared): TSESLint.RuleListener {
  return {
    ExpressionStatement(statement) {
      if (statement.directive !== undefined && statement.directive !== null) return;
      const expression = statement.expression;
      if (expression.type === AST_NODE_TYPES.AssignmentExpression || expression.type === AST_NODE_TYPES.AwaitExpression) return;
      const found = findFloatingPart(shared, expression, expression);
      if (!found) return;
      reportFloating(shared, statement, found);
    },
  };
}

/** A call that passes a function: the callback form of an API that returns a promise only without one (`close(cb)`). */
function passesCallback(node: TSESTree.Node, services: ParserServicesWithTypeInformation): boolean {
  const value = skipValueWrappers(node);
  if (value.type !== AST_NODE_TYPES.CallExpression && value.type !== AST_NODE_TYPES.NewExpression) return false;
  return value.arguments.some(
    (argument) => isFunctionNode(argument) || (argument.type !== AST_NODE_TYPES.SpreadElement && hasCallSignatures(services, argument)),
  );
}

/** Finds the part of a statement's expression that is a floating promise. */
function findFloatingPart(shared: FloatingTaskShared, node: TSESTree.Node, target: TSESTree.Node, inOptionalChain = false): FloatingPart | null {
  const { options, services } = shared;
  switch (node.type) {
    case AST_NODE_TYPES.SequenceExpression:
      for (const expression of node.expressions) {
        const found = findFloatingPart(shared, expression, node === target ? expression : target);
        if (found) return found;
      }
      return null;
    case AST_NODE_TYPES.ConditionalExpression:
      return findFloatingPart(shared, node.consequent, target) ?? findFloatingPart(shared, node.alternate, target);
    case AST_NODE_TYPES.LogicalExpression:
      return findFloatingPart(shared, node.left, target) ?? findFloatingPart(shared, node.right, target);
    case AST_NODE_TYPES.UnaryExpression:
      return node.operator === 'void' && !options.ignoreVoid ? findFloatingPart(shared, node.argument, target) : null;
    case AST_NODE_TYPES.ChainExpression:
      return findFloatingPart(shared, node.expression, target, true);
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
    case AST_NODE_TYPES.TSSatisfiesExpression:
    case AST_NODE_TYPES.TSTypeAssertion:
      return findFloatingPart(shared, node.expression, target, inOptionalChain);
    default:
      break;
  }
  if (!PROMISE_SHAPES.has(node.type)) return null;
  // `super(...)` gives the object being built (`void` to the checker), never a task: asking the
  // checker would resolve the base class's constructor for nothing.
  if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.Super) return null;
  if (options.ignoreIIFE && isAsyncIife(node)) return null;
  const promises = shared.getDetector();
  // With types the allow list goes first: it spares the checker. Without, the promise question is
  // the cheaper one and settles most statements, so only promises are looked up in the list.
  const allowListFirst = services !== null;
  if (allowListFirst && promises.isAllowed(node)) return null;
  const kind = node.type === AST_NODE_TYPES.ArrayExpression && !services ? null : promises.getPromiseKind(node, inOptionalChain);
  if (kind === 'promise' || kind === 'maybe') {
    if ((!allowListFirst && promises.isAllowed(node)) || !isReported('dropped', promises.getRejection(node))) return null;
    if (kind === 'maybe' && services && passesCallback(node, services)) return null;
    return { promise: node, kind, target };
  }
  return promises.isPromiseArray(node) && (allowListFirst || !promises.isAllowed(node)) ? { promise: node, kind: 'array', target } : null;
}

function reportFloating(shared: FloatingTaskShared, statement: TSESTree.ExpressionStatement, found: FloatingPart): void {
  const { context, sourceCode, options, services } = shared;
  const { target, kind } = found;
  const awaitLegal = isAwaitLegalAt(statement, sourceCode);
  const voidTarget = target.type === AST_NODE_TYPES.UnaryExpression && target.operator === 'void' ? target : null;
  const awaitFix = (fixer: TSESLint.RuleFixer): TSESLint.RuleFix => {
    if (voidTarget) return fixer.replaceTextRange([voidTarget.range[0], voidTarget.range[0] + 'void'.length], 'await');
    if (kind === 'array') return fixer.replaceText(target, `await Promise.all(${sourceCode.getText(target)})`);
    return fixer.replaceText(target, getPrefixedText(sourceCode, target, 'await'));
  };
  const useAutofix = awaitLegal && options.autofix === 'await';
  const suggest: TSESLint.ReportSuggestionArray<MessageIds> = [];
  if (awaitLegal && !useAutofix) suggest.push({ messageId: kind === 'array' ? 'suggestAwaitAll' : 'suggestAwait', fix: awaitFix });
  if (!voidTarget) {
    suggest.push({ messageId: 'suggestVoid', fix: (fixer) => fixer.replaceText(target, getPrefixedText(sourceCode, target, 'void')) });
  }
  const handler = options.catchHandler;
  if (handler && !voidTarget && kind === 'promise') {
    suggest.push({
      messageId: 'suggestCatch',
      data: { handler },
      fix(fixer) {
        const text = getMethodCallText(sourceCode, target, 'catch', handler);
        return fixer.replaceText(target, text.startsWith('(') ? `${getAsiGuard(sourceCode, target)}${text}` : text);
      },
    });
  }
  const messageId = kind === 'array' ? 'floatingArray' : kind === 'maybe' ? 'floatingMaybe' : 'floating';
  const what = describePromise(sourceCode, found.promise);
  context.report({
    node: statement,
    messageId,
    data: { what, type: services && kind === 'maybe' ? getTypeText(services, found.promise) : '' },
    ...(useAutofix ? { fix: awaitFix } : {}),
    suggest,
  });
}
