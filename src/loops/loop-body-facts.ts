import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { isFunctionNode } from '../ast/function-node.js';
import { getLastIdentifierName } from '../ast/names.js';
import { skipValueWrappers } from '../ast/unwrap.js';
import type { CallNode } from './ordered-calls.js';
import { isLoopNode } from '../ast/loop-node.js';
import type { LoopShape } from './loop-shape.js';
import { forEachChild } from '../ast/walk.js';

export interface LoopBodyFacts {
  /** `await`s of the loop's own function (not of functions nested in the body). */
  ownAwaits: TSESTree.AwaitExpression[];
  /** `for await` loops of the loop's own function: each awaits its source's items. */
  ownAsyncLoops: TSESTree.ForOfStatement[];
  /** Calls and `new` anywhere in the body, with whether they run in the loop's own function. */
  calls: { node: CallNode; own: boolean; inCatch: boolean }[];
  /** Tagged templates anywhere in the body (`` $`npm test` ``). */
  taggedTemplates: TSESTree.TaggedTemplateExpression[];
  /** `this` that means the loop's own `this` (own code and arrow functions in it). */
  thisNodes: TSESTree.ThisExpression[];
  /** `continue` statements that target this loop. */
  continues: TSESTree.ContinueStatement[];
  /** `return`, uncaught `throw`, `break` of this loop, a jump to an outer label, `process.exit()`. */
  exits: boolean;
  /**
   * Tests of `if (dryRun) return;` / `if (!LIMIT) break;` at the top of the body: a name or a
   * literal that may decide whether the loop leaves early (an exit only when the name can change).
   */
  exitGuards: TSESTree.Expression[];
  hasYield: boolean;
  /** `await using` in the body: the resource is disposed of when the iteration ends. */
  hasAwaitUsing: boolean;
  /** The loop's own label is the target of a `continue`. */
  labelUsed: boolean;
  /** `super` or `new.target` (own code or arrows): they would change meaning inside a callback. */
  functionContext: boolean;
  /** A `var` declared in the body (own code). */
  declaresVar: boolean;
}

function findJumpTarget(
  jump: TSESTree.BreakStatement | TSESTree.ContinueStatement,
  loop: TSESTree.Node,
): 'inside' | 'this-loop' | 'outside' {
  const label = jump.label?.name;
  for (let current: TSESTree.Node | undefined = jump.parent; current && current !== loop; current = current.parent) {
    if (label !== undefined) {
      if (current.type === AST_NODE_TYPES.LabeledStatement && current.label.name === label) return 'inside';
    } else if (isLoopNode(current) || (jump.type === AST_NODE_TYPES.BreakStatement && current.type === AST_NODE_TYPES.SwitchStatement)) {
      return 'inside';
    }
  }
  if (label === undefined) return 'this-loop';
  const parent = loop.parent;
  return parent?.type === AST_NODE_TYPES.LabeledStatement && parent.label.name === label ? 'this-loop' : 'outside';
}

function isNameOrLiteral(node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === '!') return isNameOrLiteral(node.argument);
  return node.type === AST_NODE_TYPES.Identifier || node.type === AST_NODE_TYPES.Literal;
}

/**
 * The test of the `if` that holds an exit, when that `if` is a statement of the body itself and
 * its test is a name or a literal (`if (isDryRun) { log(); return; }`); null otherwise.
 */
function getTopLevelGuard(exit: TSESTree.Node, loop: TSESTree.Node): TSESTree.Expression | null {
  let current: TSESTree.Node = exit;
  while (current.parent && current.parent.type !== AST_NODE_TYPES.IfStatement) {
    if (current.parent.type !== AST_NODE_TYPES.BlockStatement || current.parent === (loop as TSESTree.ForOfStatement).body) return null;
    current = current.parent;
  }
  const ifStatement = current.parent;
  if (ifStatement?.type !== AST_NODE_TYPES.IfStatement || ifStatement.consequent !== current || !isNameOrLiteral(ifStatement.test)) return null;
  const holder = ifStatement.parent;
  const body = (loop as TSESTree.ForOfStatement).body;
  return holder === body || (holder === loop && body === ifStatement) ? ifStatement.test : null;
}

function isCaughtWithin(node: TSESTree.Node, loop: TSESTree.Node): boolean {
  let child: TSESTree.Node = node;
  for (let current = node.parent; current && current !== loop; current = current.parent) {
    if (current.type === AST_NODE_TYPES.TryStatement && current.block === child && current.handler) return true;
    child = current;
  }
  return false;
}

function isInCatchClauseWithin(node: TSESTree.Node, loop: TSESTree.Node): boolean {
  for (let current = node.parent; current && current !== loop; current = current.parent) {
    if (current.type === AST_NODE_TYPES.CatchClause) return true;
  }
  return false;
}

function isProcessExit(call: CallNode): boolean {
  const callee = skipValueWrappers(call.callee);
  return (
    call.type === AST_NODE_TYPES.CallExpression &&
    callee.type === AST_NODE_TYPES.MemberExpression &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    callee.object.name === 'process' &&
    getLastIdentifierName(callee) === 'exit'
  );
}

/**
 * One walk over a loop's body (and a counted loop's test and update): the `await`s of the loop's own
 * function, every call, `this`, and the jumps that leave the loop or the function.
 */
export function collectLoopBodyFacts(shape: LoopShape, visitorKeys: TSESLint.SourceCode.VisitorKeys): LoopBodyFacts {
  const loop = shape.loop;
  const facts: LoopBodyFacts = {
    ownAwaits: [],
    ownAsyncLoops: [],
    calls: [],
    taggedTemplates: [],
    thisNodes: [],
    continues: [],
    exits: false,
    exitGuards: [],
    hasYield: false,
    hasAwaitUsing: false,
    labelUsed: false,
    functionContext: false,
    declaresVar: false,
  };
  const recordExit = (node: TSESTree.Node): void => {
    const guard = getTopLevelGuard(node, loop);
    if (guard) facts.exitGuards.push(guard);
    else facts.exits = true;
  };
  // `own`: code of the loop's function; `lexical`: own code or arrows in it (same `this`, `arguments`).
  const visit = (node: TSESTree.Node, own: boolean, lexical: boolean): void => {
    switch (node.type) {
      case AST_NODE_TYPES.AwaitExpression:
        if (own) facts.ownAwaits.push(node);
        break;
      case AST_NODE_TYPES.YieldExpression:
        if (own) facts.hasYield = true;
        break;
      case AST_NODE_TYPES.ForOfStatement:
        if (own && node.await) facts.ownAsyncLoops.push(node);
        break;
      case AST_NODE_TYPES.VariableDeclaration:
        if (own && node.kind === 'await using') facts.hasAwaitUsing = true;
        if (own && node.kind === 'var') facts.declaresVar = true;
        break;
      case AST_NODE_TYPES.ReturnStatement:
        if (own) recordExit(node);
        break;
      case AST_NODE_TYPES.ThrowStatement:
        // A throw that passes a caught failure on stops the items after it; a check of one item's
        // input or result throws the same way from `Promise.all`, which rejects on the first failure.
        if (own && !isCaughtWithin(node, loop) && isInCatchClauseWithin(node, loop)) facts.exits = true;
        break;
      case AST_NODE_TYPES.BreakStatement:
      case AST_NODE_TYPES.ContinueStatement:
        if (own) {
          const target = findJumpTarget(node, loop);
          if (target === 'outside' || (target === 'this-loop' && node.type === AST_NODE_TYPES.BreakStatement)) {
            recordExit(node);
          } else if (target === 'this-loop' && node.type === AST_NODE_TYPES.ContinueStatement) {
            facts.continues.push(node);
            if (node.label) facts.labelUsed = true;
          }
        }
        break;
      case AST_NODE_TYPES.CallExpression:
      case AST_NODE_TYPES.NewExpression:
        facts.calls.push({ node, own, inCatch: own && isInCatchClauseWithin(node, loop) });
        if (own && isProcessExit(node)) facts.exits = true;
        break;
      case AST_NODE_TYPES.TaggedTemplateExpression:
        facts.taggedTemplates.push(node);
        break;
      case AST_NODE_TYPES.ThisExpression:
        if (lexical) facts.thisNodes.push(node);
        break;
      case AST_NODE_TYPES.Super:
        if (lexical) facts.functionContext = true;
        break;
      case AST_NODE_TYPES.MetaProperty:
        if (lexical && node.meta.name === 'new') facts.functionContext = true;
        break;
      default:
        break;
    }
    if (isFunctionNode(node)) {
      const arrow = node.type === AST_NODE_TYPES.ArrowFunctionExpression;
      forEachChild(node, visitorKeys, (child) => visit(child, false, lexical && arrow));
      return;
    }
    if (node.type === AST_NODE_TYPES.ClassBody) {
      forEachChild(node, visitorKeys, (child) => visit(child, false, false));
      return;
    }
    forEachChild(node, visitorKeys, (child) => visit(child, own, lexical));
  };
  visit(shape.body, true, true);
  if (shape.loop.type === AST_NODE_TYPES.ForStatement) {
    for (const part of [shape.loop.test, shape.loop.update]) {
      if (part) visit(part, true, true);
    }
  }
  return facts;
}

