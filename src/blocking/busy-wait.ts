import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

export type BusyWaitLoop = TSESTree.WhileStatement | TSESTree.DoWhileStatement | TSESTree.ForStatement;

const RELATIONAL_OPERATORS = new Set(['<', '<=', '>', '>=']);

/** Parts of a loop that run on every iteration (a `for` loop's `init` runs once and may do anything). */
function getRepeatedParts(loop: BusyWaitLoop): TSESTree.Node[] {
  const parts: (TSESTree.Node | null)[] = [loop.test, loop.body];
  if (loop.type === AST_NODE_TYPES.ForStatement) parts.push(loop.update);
  return parts.filter((part): part is TSESTree.Node => part !== null);
}

/** Child nodes that run as part of `node`, or null when `node` is not allowed in a busy-wait loop. */
function getPureChildren(node: TSESTree.Node, isClockCall: (call: TSESTree.CallExpression) => boolean): (TSESTree.Node | null | undefined)[] | null {
  switch (node.type) {
    case AST_NODE_TYPES.BlockStatement:
      return node.body;
    case AST_NODE_TYPES.EmptyStatement:
    case AST_NODE_TYPES.BreakStatement:
    case AST_NODE_TYPES.ContinueStatement:
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.Literal:
    case AST_NODE_TYPES.ThisExpression:
      return [];
    case AST_NODE_TYPES.ExpressionStatement:
      return [node.expression];
    case AST_NODE_TYPES.IfStatement:
      return [node.test, node.consequent, node.alternate];
    case AST_NODE_TYPES.VariableDeclaration:
      return node.declarations;
    case AST_NODE_TYPES.VariableDeclarator:
      return node.id.type === AST_NODE_TYPES.Identifier ? [node.init] : null;
    case AST_NODE_TYPES.BinaryExpression:
    case AST_NODE_TYPES.LogicalExpression:
      return [node.left, node.right];
    case AST_NODE_TYPES.UnaryExpression:
      return node.operator === 'delete' ? null : [node.argument];
    case AST_NODE_TYPES.UpdateExpression:
      return node.argument.type === AST_NODE_TYPES.Identifier ? [] : null;
    case AST_NODE_TYPES.AssignmentExpression:
      return node.left.type === AST_NODE_TYPES.Identifier ? [node.right] : null;
    case AST_NODE_TYPES.ConditionalExpression:
      return [node.test, node.consequent, node.alternate];
    case AST_NODE_TYPES.SequenceExpression:
      return node.expressions;
    case AST_NODE_TYPES.TemplateLiteral:
      return node.expressions;
    case AST_NODE_TYPES.MemberExpression:
      return node.computed ? [node.object, node.property] : [node.object];
    case AST_NODE_TYPES.ChainExpression:
      return [node.expression];
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
    case AST_NODE_TYPES.TSSatisfiesExpression:
    case AST_NODE_TYPES.TSTypeAssertion:
      return [node.expression];
    case AST_NODE_TYPES.CallExpression:
      return isClockCall(node) ? [] : null;
    default:
      return null;
  }
}

interface LoopFacts {
  /** Nothing in the repeated parts calls anything but a clock, awaits, yields or writes outside locals. */
  isPure: boolean;
  clockCalls: TSESTree.CallExpression[];
  /** Names assigned a value read from a clock inside the loop (`now = Date.now()`). */
  clockVariables: Set<string>;
  /** Relational comparisons in the loop test and in `if` tests of the body. */
  comparisons: TSESTree.BinaryExpression[];
}

function containsClockCall(node: TSESTree.Node, clockCalls: readonly TSESTree.CallExpression[]): boolean {
  return clockCalls.some((call) => node.range[0] <= call.range[0] && call.range[1] <= node.range[1]);
}

function collectLoopFacts(loop: BusyWaitLoop, isClockCall: (call: TSESTree.CallExpression) => boolean): LoopFacts {
  const facts: LoopFacts = { isPure: true, clockCalls: [], clockVariables: new Set(), comparisons: [] };
  const assignments: { name: string; value: TSESTree.Node }[] = [];
  const testNodes: TSESTree.Node[] = loop.test ? [loop.test] : [];
  const stack: TSESTree.Node[] = getRepeatedParts(loop);
  while (stack.length > 0) {
    const node = stack.pop() as TSESTree.Node;
    const children = getPureChildren(node, isClockCall);
    if (children === null) {
      facts.isPure = false;
      return facts;
    }
    if (node.type === AST_NODE_TYPES.CallExpression) facts.clockCalls.push(node);
    if (node.type === AST_NODE_TYPES.IfStatement) testNodes.push(node.test);
    if (node.type === AST_NODE_TYPES.AssignmentExpression && node.left.type === AST_NODE_TYPES.Identifier) {
      assignments.push({ name: node.left.name, value: node.right });
    }
    if (node.type === AST_NODE_TYPES.VariableDeclarator && node.id.type === AST_NODE_TYPES.Identifier && node.init) {
      assignments.push({ name: node.id.name, value: node.init });
    }
    for (const child of children) if (child) stack.push(child);
  }
  for (const { name, value } of assignments) {
    if (containsClockCall(value, facts.clockCalls)) facts.clockVariables.add(name);
  }
  for (const test of testNodes) collectComparisons(test, facts.comparisons);
  return facts;
}

function collectComparisons(node: TSESTree.Node, found: TSESTree.BinaryExpression[]): void {
  switch (node.type) {
    case AST_NODE_TYPES.BinaryExpression:
      if (RELATIONAL_OPERATORS.has(node.operator)) found.push(node);
      return;
    case AST_NODE_TYPES.LogicalExpression:
      collectComparisons(node.left, found);
      collectComparisons(node.right, found);
      return;
    case AST_NODE_TYPES.UnaryExpression:
      collectComparisons(node.argument, found);
      return;
    case AST_NODE_TYPES.SequenceExpression:
      for (const expression of node.expressions) collectComparisons(expression, found);
      return;
    default:
      return;
  }
}

/** Whether `node` reads a clock: contains a clock call or an identifier the loop assigns from one. */
function isTimeDerived(node: TSESTree.Node, facts: LoopFacts): boolean {
  if (containsClockCall(node, facts.clockCalls)) return true;
  switch (node.type) {
    case AST_NODE_TYPES.Identifier:
      return facts.clockVariables.has(node.name);
    case AST_NODE_TYPES.BinaryExpression:
      return (node.left.type !== AST_NODE_TYPES.PrivateIdentifier && isTimeDerived(node.left, facts)) || isTimeDerived(node.right, facts);
    case AST_NODE_TYPES.UnaryExpression:
      return isTimeDerived(node.argument, facts);
    default:
      return false;
  }
}

/**
 * Whether `loop` spins on the clock: a `while`, `do` or `for` loop whose test (or an `if` test in
 * its body) compares `Date.now()` / `performance.now()` (directly or through a variable the loop
 * assigns from it) with a bound, and whose repeated parts call nothing else, never `await` or
 * `yield`, and write only local variables (an empty body, a counter bump, an `if (...) break`).
 * `isClockCall` says which calls are the real clock (resolved through scope by the caller).
 */
export function isBusyWaitLoop(loop: BusyWaitLoop, isClockCall: (call: TSESTree.CallExpression) => boolean): boolean {
  const facts = collectLoopFacts(loop, isClockCall);
  if (!facts.isPure || facts.clockCalls.length === 0) return false;
  return facts.comparisons.some((comparison) => isTimeDerived(comparison.left, facts) || isTimeDerived(comparison.right, facts));
}
