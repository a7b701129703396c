import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { isFunctionNode } from '../ast/function-node.js';
import { getLastIdentifierName } from '../ast/names.js';
import { isRangeWithin } from '../ast/ranges.js';
import { forEachChild } from '../ast/walk.js';
import type { LoopState } from './loop-state.js';
import { isValueChain } from './ordered-calls.js';
import { isSameRoot, isWriteUsage } from './root-usage.js';

/**
 * The "concurrent phase, then sequential phase" split of a body whose first statement awaits once
 * and whose other statements do not await: the awaited expressions run concurrently, the rest runs
 * afterwards in item order with the awaited value in place of the `await`.
 */
export interface PhaseSplit {
  /** The first statement of the body, which holds the only `await`. */
  head: TSESTree.Statement;
  await: TSESTree.AwaitExpression;
  /** `const|let PATTERN = await E` as the head: PATTERN becomes the sequential phase's loop variable. */
  declaration: { kind: 'const' | 'let'; pattern: TSESTree.Node } | null;
  /** Names bound by the loop variable that the sequential phase reads: the concurrent phase returns them with the value. */
  carriedNames: string[];
  /**
   * The body is only `T.push(await E)` with `T` the same in every iteration: the results can be
   * pushed at once (`T.push(...(await Promise.all(...)))`) when the list is known to be short.
   */
  pushTarget: TSESTree.Expression | null;
}

type SplitHead = Pick<PhaseSplit, 'head' | 'await' | 'declaration'>;

function isConditionallyEvaluated(node: TSESTree.Node, head: TSESTree.Node): boolean {
  let child = node;
  for (let current = node.parent; current && current !== head.parent; current = current.parent) {
    switch (current.type) {
      case AST_NODE_TYPES.LogicalExpression:
        if (current.right === child) return true;
        break;
      case AST_NODE_TYPES.ConditionalExpression:
        if (current.test !== child) return true;
        break;
      case AST_NODE_TYPES.IfStatement:
        if (current.test !== child) return true;
        break;
      case AST_NODE_TYPES.ChainExpression:
        return true;
      case AST_NODE_TYPES.AssignmentPattern:
        return true;
      default:
        if (isFunctionNode(current)) return true;
        break;
    }
    child = current;
  }
  return false;
}

function hasEffectBefore(head: TSESTree.Node, awaitNode: TSESTree.Node, visitorKeys: TSESLint.SourceCode.VisitorKeys): boolean {
  let found = false;
  const visit = (node: TSESTree.Node): void => {
    if (found || node.range[0] >= awaitNode.range[0]) return;
    if (isFunctionNode(node)) return;
    const endsBefore = node.range[1] <= awaitNode.range[0];
    if (
      endsBefore &&
      (node.type === AST_NODE_TYPES.CallExpression ||
        node.type === AST_NODE_TYPES.NewExpression ||
        node.type === AST_NODE_TYPES.AssignmentExpression ||
        node.type === AST_NODE_TYPES.UpdateExpression ||
        node.type === AST_NODE_TYPES.TaggedTemplateExpression ||
        node.type === AST_NODE_TYPES.YieldExpression ||
        (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === 'delete'))
    ) {
      found = true;
      return;
    }
    forEachChild(node, visitorKeys, visit);
  };
  visit(head);
  return found;
}

/** The body's first statement when it holds the body's only `await`, evaluated unconditionally and before any effect. */
function getSplitHead(state: LoopState, statements: readonly TSESTree.Statement[]): SplitHead | null {
  const ownAwaits = state.facts.ownAwaits;
  const head = statements[0];
  if (!head) return null;
  const outermost = ownAwaits.filter(
    (candidate) => !ownAwaits.some((other) => other !== candidate && isRangeWithin(candidate.range, other.argument.range)),
  );
  const awaitNode = outermost[0];
  if (!awaitNode || outermost.length !== 1 || !isRangeWithin(awaitNode.range, head.range)) return null;

  let declaration: PhaseSplit['declaration'] = null;
  if (head.type === AST_NODE_TYPES.VariableDeclaration) {
    const declarator = head.declarations[0];
    if (head.declarations.length !== 1 || !declarator?.init || (head.kind !== 'const' && head.kind !== 'let')) return null;
    if (declarator.init === awaitNode) declaration = { kind: head.kind, pattern: declarator.id };
    else if (!isRangeWithin(awaitNode.range, declarator.init.range)) return null;
  } else if (head.type === AST_NODE_TYPES.IfStatement) {
    if (!isRangeWithin(awaitNode.range, head.test.range)) return null;
  } else if (head.type !== AST_NODE_TYPES.ExpressionStatement) {
    return null;
  }
  if (isConditionallyEvaluated(awaitNode, head) || hasEffectBefore(head, awaitNode, state.sourceCode.visitorKeys)) return null;
  return { head, await: awaitNode, declaration };
}

/**
 * The concurrent phase runs only the awaited expression: no writes or output inside it, and it
 * reads nothing that the sequential phase writes.
 */
function isSelfContainedAwait(state: LoopState, argumentRange: TSESTree.Range): boolean {
  const usages = state.bodyUsages;
  if (usages.some((usage) => isWriteUsage(usage) && isRangeWithin(usage.effect.range, argumentRange))) return false;
  if (state.outputCalls.some((call) => isRangeWithin(call.range, argumentRange))) return false;
  const written = state.writtenUsages;
  return !usages.some(
    (usage) =>
      !isWriteUsage(usage) && isRangeWithin(usage.node.range, argumentRange) && written.some((write) => isSameRoot(write, usage)),
  );
}

/** The loop variable's names that the sequential phase reads, in the order the pattern declares them. */
function getCarriedNames(state: LoopState, argumentRange: TSESTree.Range): string[] {
  const carried = new Map<string, number>();
  for (const reference of state.bodyReferences) {
    const variable = reference.resolved;
    if (variable && state.isItemVariable(variable) && !isRangeWithin(reference.identifier.range, argumentRange)) {
      carried.set(variable.name, variable.defs[0]?.name.range[0] ?? 0);
    }
  }
  return [...carried].sort((a, b) => a[1] - b[1]).map(([name]) => name);
}

function getPushTarget(state: LoopState, statements: readonly TSESTree.Statement[], awaitNode: TSESTree.AwaitExpression): TSESTree.Expression | null {
  const head = statements[0];
  if (statements.length !== 1 || head?.type !== AST_NODE_TYPES.ExpressionStatement) return null;
  const expression = head.expression;
  if (
    expression.type === AST_NODE_TYPES.CallExpression &&
    expression.callee.type === AST_NODE_TYPES.MemberExpression &&
    !expression.callee.computed &&
    !expression.callee.optional &&
    getLastIdentifierName(expression.callee) === 'push' &&
    expression.arguments.length === 1 &&
    expression.arguments[0] === awaitNode &&
    isValueChain(expression.callee.object) &&
    !state.isLoopDependent(expression.callee.object)
  ) {
    return expression.callee.object;
  }
  return null;
}

/** The phase split of the loop's body, or null when the body does not have that shape. */
export function getPhaseSplit(state: LoopState): PhaseSplit | null {
  const body = state.shape.body;
  const statements = body.type === AST_NODE_TYPES.BlockStatement ? body.body : [body];
  // A `for await` is work of the concurrent phase that a split head cannot hold.
  if (state.facts.ownAsyncLoops.length > 0) return null;
  const splitHead = getSplitHead(state, statements);
  if (!splitHead) return null;
  const argumentRange = splitHead.await.argument.range;
  if (!isSelfContainedAwait(state, argumentRange)) return null;
  return {
    ...splitHead,
    carriedNames: getCarriedNames(state, argumentRange),
    pushTarget: getPushTarget(state, statements, splitHead.await),
  };
}
