import { AST_NODE_TYPES, TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { isFunctionNode } from '../ast/function-node.js';
import { collectLoopBodyFacts, type LoopBodyFacts } from './loop-body-facts.js';
import { forEachChild } from '../ast/walk.js';
import { isRangeWithin, rangesOverlap } from '../ast/ranges.js';
import type { LoopShape } from './loop-shape.js';
import { getLastIdentifierName, hasNameWord, isNameEndingWithWord, isNameStartingWithWord } from '../ast/names.js';
import {
  getAwaitedCall,
  isAlreadyStartedPromise,
  isConcurrentBatchCall,
  isFileWriteCall,
  isLifecycleMethodName,
  isOrderedUnitCall,
  isOutputCall,
  isProcessRunnerCall,
  isProcessRunnerTag,
  isPromptCall,
  isSharedStateName,
  isValueChain,
  ORDERED_CHANNEL_RECEIVERS,
  type CallNode,
} from './ordered-calls.js';
import { skipValueWrappers } from '../ast/unwrap.js';
import { getReceiverName } from './receiver-name.js';
import {
  classifyUsage,
  isSameRoot,
  isWriteUsage,
  type RootKey,
  type RootUsage,
  type UsageContext,
} from './root-usage.js';

export interface LoopIndependenceOptions {
  /** Callee names of delays and retries (`sleep`, `delay`, ...), matched as leading camelCase words. */
  pacingCallees: readonly string[];
  /** Receiver names of shared connections, locks and streams (`tx`, `session`, ...), matched as trailing words. */
  sequentialReceivers: readonly string[];
  /** Calls resolved to a delay whatever their local name (`setTimeout` from `node:timers/promises`). */
  delayCalls: ReadonlySet<TSESTree.Node>;
  /** Calls resolved to a child-process runner (`child_process`, `execa`). */
  processCalls: ReadonlySet<TSESTree.Node>;
  /** Calls resolved to a file write that takes the path first (`fs/promises` `writeFile`, `appendFile`). */
  fileWriteCalls: ReadonlySet<TSESTree.Node>;
  /** Loops already reported (inner loops are judged before the loops around them). */
  reportedLoops: ReadonlySet<TSESTree.Node>;
}

/** Why a loop's iterations must (or may have to) run one after another: the loop is not reported. */
export type SequentialReason =
  | 'no-await'
  | 'started-promises'
  | 'only-in-reported-loop'
  | 'concurrent-batch'
  | 'early-exit'
  | 'yield'
  | 'async-iteration'
  | 'pacing'
  | 'process-runner'
  | 'prompt'
  | 'ordered-unit'
  | 'sequential-receiver'
  | 'shared-argument'
  | 'hidden-shared-write'
  | 'this-state'
  | 'calls-item'
  | 'ordered-names'
  | 'loop-invariant-await'
  | 'shared-file'
  | 'deliberate'
  | 'index-written'
  | 'iterable-written'
  | 'outer-assignment'
  | 'carried-dependency'
  | 'ordered-effect';

/** Why an independent loop is reported without a rewrite. */
export type NoRewriteReason =
  | 'var'
  | 'for-in'
  | 'function-context'
  | 'label'
  | 'inner-reported-loop'
  | 'counted-form'
  | 'ordered-accumulation';

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

export interface IndependentLoop {
  independent: true;
  /** The first `await` that runs work of the iteration (where the report goes). */
  firstAwait: TSESTree.AwaitExpression;
  rewrite: 'plain' | 'phase-split' | null;
  noRewriteReason: NoRewriteReason | null;
  phaseSplit: PhaseSplit | null;
  /** `continue` statements that target this loop (`return` in the callback of the plain rewrite). */
  continues: TSESTree.ContinueStatement[];
}

export interface SequentialLoop {
  independent: false;
  reason: SequentialReason;
}

export type LoopIndependence = IndependentLoop | SequentialLoop;

type Reference = TSESLint.Scope.Reference;
type Variable = TSESLint.Scope.Variable;

/** Words in a loop variable's or iterated list's name that say the items must go in order or are already batches. */
const ORDERED_ITEM_WORDS = new Set([
  'batch', 'chunk', 'page', 'attempt', 'retry', 'retrie', 'tries', 'step', 'stage', 'phase',
  'migration', 'hook', 'middleware', 'plugin', 'script', 'command', 'cmd', 'lifecycle', 'task', 'job',
]);
const MUTABLE_CONTAINERS = new Set(['Map', 'Set', 'WeakMap', 'WeakSet']);

/**
 * Whether a comment containing `sequential` (any case) sits on the loop's first line or on the
 * line directly above it: the documented opt-out.
 */
export function hasSequentialOptOutComment(sourceCode: Readonly<TSESLint.SourceCode>, loop: TSESTree.Node): boolean {
  const statement = loop.parent?.type === AST_NODE_TYPES.LabeledStatement ? loop.parent : loop;
  const firstLine = statement.loc.start.line;
  const loopLine = loop.loc.start.line;
  return sourceCode.getAllComments().some((comment) => {
    const line = comment.loc.end.line;
    const onLines = line === firstLine - 1 || line === firstLine || comment.loc.start.line === loopLine;
    return onLines && /sequential/i.test(comment.value);
  });
}

/** Every value reference inside `node` (type-only references left out), found through the scope manager. */
function collectReferences(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): Reference[] {
  let scope: TSESLint.Scope.Scope | null = sourceCode.getScope(node);
  while (scope && scope.block.range[0] >= node.range[0] && scope.block !== sourceCode.ast && scope.upper) {
    scope = scope.upper;
  }
  const found: Reference[] = [];
  const visit = (current: TSESLint.Scope.Scope): void => {
    for (const reference of current.references) {
      if ((reference as { isValueReference?: boolean }).isValueReference === false) continue;
      if (isRangeWithin(reference.identifier.range, node.range)) found.push(reference);
    }
    for (const child of current.childScopes) {
      if (rangesOverlap(child.block.range, node.range)) visit(child);
    }
  };
  if (scope) visit(scope);
  return found;
}

function getBindingNames(node: TSESTree.Node | null | undefined, names: string[] = []): string[] {
  if (!node) return names;
  switch (node.type) {
    case AST_NODE_TYPES.Identifier:
      names.push(node.name);
      break;
    case AST_NODE_TYPES.ObjectPattern:
      for (const property of node.properties) {
        getBindingNames(property.type === AST_NODE_TYPES.RestElement ? property.argument : property.value, names);
      }
      break;
    case AST_NODE_TYPES.ArrayPattern:
      for (const element of node.elements) getBindingNames(element, names);
      break;
    case AST_NODE_TYPES.RestElement:
      getBindingNames(node.argument, names);
      break;
    case AST_NODE_TYPES.AssignmentPattern:
      getBindingNames(node.left, names);
      break;
    default:
      break;
  }
  return names;
}
function isGlobalCall(call: CallNode, names: readonly string[], references: readonly Reference[]): boolean {
  const callee = call.callee;
  if (callee.type !== AST_NODE_TYPES.Identifier || !names.includes(callee.name)) return false;
  const reference = references.find((candidate) => candidate.identifier === callee);
  const variable = reference?.resolved;
  return !variable || variable.defs.length === 0;
}
function isInsideNewPromise(node: TSESTree.Node, loop: TSESTree.Node): boolean {
  for (let current = node.parent; current && current !== loop; current = current.parent) {
    if (current.type === AST_NODE_TYPES.NewExpression && current.callee.type === AST_NODE_TYPES.Identifier && current.callee.name === 'Promise') {
      return true;
    }
  }
  return false;
}
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

/** Identifiers an argument hands to the callee as they are: `x`, `{ cache }`, `{ seen: visited }`, `[a, b]`. */
function getHandedIdentifiers(argument: TSESTree.Node): TSESTree.Identifier[] {
  if (argument.type === AST_NODE_TYPES.Identifier) return [argument];
  if (argument.type === AST_NODE_TYPES.ObjectExpression) {
    return argument.properties.flatMap((property) =>
      property.type === AST_NODE_TYPES.Property && property.value.type === AST_NODE_TYPES.Identifier ? [property.value] : [],
    );
  }
  if (argument.type === AST_NODE_TYPES.ArrayExpression) {
    return argument.elements.flatMap((element) => (element?.type === AST_NODE_TYPES.Identifier ? [element] : []));
  }
  return [];
}

/** The function a call's callee names in this file (`function f` or `const f = async () => ...`), if any. */
function getLocalFunction(variable: Variable | null | undefined): TSESTree.Node | null {
  if (!variable || variable.defs.length !== 1) return null;
  const definition = variable.defs[0];
  if (definition?.type === TSESLint.Scope.DefinitionType.FunctionName) return definition.node;
  if (definition?.type !== TSESLint.Scope.DefinitionType.Variable) return null;
  const declarator = definition.node;
  if (declarator.parent.kind !== 'const' || !declarator.init || !isFunctionNode(declarator.init)) return null;
  return declarator.init;
}

/**
 * Whether a function of this file writes state it shares with its callers in an order-dependent
 * way: assigns a captured variable, pushes to it, writes a fixed property, merges into it.
 * (One level deep: functions it calls in turn are not followed.)
 */
function hasHiddenSharedWrites(sourceCode: Readonly<TSESLint.SourceCode>, fn: TSESTree.Node): boolean {
  const scope = sourceCode.scopeManager?.acquire(fn);
  if (!scope) return false;
  const context: UsageContext = { isLoopDependent: () => false, containsOwnAwait: () => false };
  return scope.through.some((reference) => {
    if (!reference.resolved) return false;
    const usage = classifyUsage(reference.identifier, reference.resolved, reference.isWrite(), context);
    return isWriteUsage(usage) && !(usage.kind === 'accumulate' && !usage.ordered);
  });
}

/** The enclosing function's body (or the program), where a `Promise.all` over the same list shows a deliberate choice. */
function isDeliberatelySequential(
  sourceCode: Readonly<TSESLint.SourceCode>,
  shape: LoopShape,
): boolean {
  const iterable = shape.iterable ?? shape.counted?.end;
  if (!iterable) return false;
  const listText = sourceCode.getText(iterable);
  let container: TSESTree.Node = shape.loop;
  while (container.parent && !isFunctionNode(container)) container = container.parent;
  let found = false;
  const visit = (node: TSESTree.Node): void => {
    if (found) return;
    if (node.type === AST_NODE_TYPES.CallExpression && isConcurrentBatchCall(node)) {
      const list = node.arguments[0];
      const mapped =
        list?.type === AST_NODE_TYPES.CallExpression && list.callee.type === AST_NODE_TYPES.MemberExpression
          ? list.callee.object
          : list;
      const listed = list?.type === AST_NODE_TYPES.CallExpression && getLastIdentifierName(list.callee) === 'from' ? list.arguments[0] : mapped;
      if ((mapped && sourceCode.getText(mapped) === listText) || (listed && sourceCode.getText(listed) === listText)) {
        found = true;
        return;
      }
    }
    forEachChild(node, sourceCode.visitorKeys, visit);
  };
  visit(container);
  return found;
}

interface Analysis {
  shape: LoopShape;
  facts: LoopBodyFacts;
  usages: RootUsage[];
  outputCalls: TSESTree.Node[];
  bindingVariables: Set<Variable>;
  bodyReferences: Reference[];
  isLoopDependent: (node: TSESTree.Node) => boolean;
  visitorKeys: TSESLint.SourceCode.VisitorKeys;
}

function getPhaseSplit(analysis: Analysis): PhaseSplit | null {
  const { shape, facts, usages, outputCalls, visitorKeys } = analysis;
  const statements = shape.body.type === AST_NODE_TYPES.BlockStatement ? shape.body.body : [shape.body];
  const head = statements[0];
  if (!head) return null;
  const outermost = facts.ownAwaits.filter(
    (candidate) => !facts.ownAwaits.some((other) => other !== candidate && isRangeWithin(candidate.range, other.argument.range)),
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
  if (isConditionallyEvaluated(awaitNode, head) || hasEffectBefore(head, awaitNode, visitorKeys)) return null;

  const argumentRange = awaitNode.argument.range;
  // The concurrent phase runs only the awaited expression: no writes or output inside it, and it
  // reads nothing that the sequential phase writes.
  if (usages.some((usage) => isWriteUsage(usage) && isRangeWithin(usage.effect.range, argumentRange))) return null;
  if (outputCalls.some((call) => isRangeWithin(call.range, argumentRange))) return null;
  const written = usages.filter((usage) => usage.kind === 'accumulate' || usage.kind === 'fixed-slot');
  const readsWritten = usages.some(
    (usage) =>
      !isWriteUsage(usage) && isRangeWithin(usage.node.range, argumentRange) && written.some((write) => isSameRoot(write, usage)),
  );
  if (readsWritten) return null;

  // In the order the loop variable's pattern declares them.
  const carried = new Map<string, number>();
  for (const reference of analysis.bodyReferences) {
    const variable = reference.resolved;
    if (variable && analysis.bindingVariables.has(variable) && !isRangeWithin(reference.identifier.range, argumentRange)) {
      carried.set(variable.name, variable.defs[0]?.name.range[0] ?? 0);
    }
  }
  let pushTarget: TSESTree.Expression | null = null;
  if (statements.length === 1 && head.type === AST_NODE_TYPES.ExpressionStatement) {
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
      !analysis.isLoopDependent(expression.callee.object)
    ) {
      pushTarget = expression.callee.object;
    }
  }
  const carriedNames = [...carried].sort((a, b) => a[1] - b[1]).map(([name]) => name);
  return { head, await: awaitNode, declaration, carriedNames, pushTarget };
}

function isRootedAtThis(node: TSESTree.Node): boolean {
  const expression = skipValueWrappers(node);
  if (expression.type === AST_NODE_TYPES.ThisExpression) return true;
  return expression.type === AST_NODE_TYPES.MemberExpression && isRootedAtThis(expression.object);
}

/** `this.load(id)`, `this.#load(id)`, `this[kLoad](id)`: a method of the instance itself. */
function isThisMethodCall(call: CallNode): boolean {
  const callee = skipValueWrappers(call.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression && skipValueWrappers(callee.object).type === AST_NODE_TYPES.ThisExpression;
}

/** The identifier a member chain starts from (`plugin` in `plugin.hooks.setup`). */
function getChainRoot(node: TSESTree.Node): TSESTree.Node {
  let current = skipValueWrappers(node);
  while (current.type === AST_NODE_TYPES.MemberExpression) current = skipValueWrappers(current.object);
  return current;
}

function usesArguments(references: readonly Reference[], loopRange: TSESTree.Range): boolean {
  return references.some((reference) => {
    const variable = reference.resolved;
    if (reference.identifier.name !== 'arguments' || !variable || variable.defs.length > 0) return false;
    // The implicit `arguments` of a function declared inside the loop is that function's own.
    return !isRangeWithin(variable.scope.block.range, loopRange);
  });
}

function isSimpleCountedLoop(shape: LoopShape, visitorKeys: TSESLint.SourceCode.VisitorKeys): boolean {
  const counted = shape.counted;
  if (!counted?.isSimple) return false;
  // The bound is read once by `Array.from({ length })`: it must not call anything.
  let callsSomething = false;
  const visit = (node: TSESTree.Node): void => {
    if (
      node.type === AST_NODE_TYPES.CallExpression ||
      node.type === AST_NODE_TYPES.NewExpression ||
      node.type === AST_NODE_TYPES.TaggedTemplateExpression ||
      node.type === AST_NODE_TYPES.AwaitExpression
    ) {
      callsSomething = true;
    }
    if (!callsSomething) forEachChild(node, visitorKeys, visit);
  };
  visit(counted.end);
  return !callsSomething;
}

/**
 * Decides whether the iterations of a candidate loop are independent, so running them concurrently
 * keeps the program's meaning (apart from the order of completion and of errors): no value flows
 * from one iteration to the next, nothing leaves the loop early, nothing paces or orders the
 * iterations on purpose (delays, shared connections and streams, child processes, prompts, output
 * before the await, units of work that run in order), and every `await` starts new work for this
 * item. When the rule cannot tell, the answer is "sequential": the loop is not reported.
 */
export function analyzeLoopIndependence(
  shape: LoopShape,
  sourceCode: Readonly<TSESLint.SourceCode>,
  options: LoopIndependenceOptions,
): LoopIndependence {
  const sequential = (reason: SequentialReason): SequentialLoop => ({ independent: false, reason });
  const loop = shape.loop;
  const visitorKeys = sourceCode.visitorKeys;
  const facts = collectLoopBodyFacts(shape, visitorKeys);

  // Control flow: the loop must run every iteration, and nothing may stream from it.
  if (facts.ownAwaits.length === 0) return sequential('no-await');
  if (facts.hasYield) return sequential('yield');
  if (facts.hasAsyncIteration) return sequential('async-iteration');
  if (facts.exits) return sequential('early-exit');
  if (loop.type === AST_NODE_TYPES.ForStatement) {
    const header = [loop.test, loop.update].filter((part): part is TSESTree.Expression => part !== null);
    if (facts.ownAwaits.some((node) => header.some((part) => isRangeWithin(node.range, part.range)))) return sequential('early-exit');
  }
  if (facts.ownAwaits.some((node) => isConcurrentBatchCall(node.argument))) return sequential('concurrent-batch');

  // The awaits that start work for this item (not promises started before, not inner reported loops).
  const isInReportedLoop = (node: TSESTree.Node): boolean => {
    for (let current = node.parent; current && current !== loop; current = current.parent) {
      if (options.reportedLoops.has(current)) return true;
    }
    return false;
  };
  const working = facts.ownAwaits.filter((node) => !isAlreadyStartedPromise(node.argument));
  if (working.length === 0) return sequential('started-promises');
  const firstAwait = working.find((node) => !isInReportedLoop(node));
  if (!firstAwait) return sequential('only-in-reported-loop');

  // Scope analysis: which variables belong to one iteration.
  const references = collectReferences(sourceCode, loop);
  const loopRange = loop.range;
  const localVariables = new Set<Variable>();
  for (const reference of references) {
    const variable = reference.resolved;
    if (variable?.defs.some((definition) => isRangeWithin(definition.name.range, loopRange))) localVariables.add(variable);
  }
  const bindingVariables = new Set<Variable>();
  for (const variable of localVariables) {
    if (variable.defs.some((definition) => isRangeWithin(definition.name.range, shape.binding.range))) bindingVariables.add(variable);
  }
  const isLoopDependent = (node: TSESTree.Node): boolean =>
    references.some(
      (reference) =>
        reference.resolved !== null && localVariables.has(reference.resolved) && isRangeWithin(reference.identifier.range, node.range),
    );
  const containsOwnAwait = (node: TSESTree.Node): boolean => facts.ownAwaits.some((awaitNode) => isRangeWithin(awaitNode.range, node.range));
  const resolve = (node: TSESTree.Node): Variable | null =>
    references.find((reference) => reference.identifier === node)?.resolved ?? null;
  const bodyRange = shape.body.range;
  const bodyReferences = references.filter((reference) => isRangeWithin(reference.identifier.range, bodyRange));

  if (shape.counted) {
    const index = shape.counted.index;
    const writesIndex = bodyReferences.some(
      (reference) => reference.isWrite() && reference.resolved?.defs.some((definition) => definition.name === index),
    );
    if (writesIndex) return sequential('index-written');
  }

  // Names that say the items are ordered steps or already batches: `for (const batch of batches)`.
  const orderNames = [
    ...getBindingNames(shape.counted ? null : shape.binding),
    getLastIdentifierName(shape.iterable) ?? '',
    getLastIdentifierName(shape.counted?.end) ?? '',
  ].filter((name) => name !== '');
  if (orderNames.some((name) => hasNameWord(name, ORDERED_ITEM_WORDS))) return sequential('ordered-names');

  // Calls anywhere in the body: delays, child processes, prompts, shared connections, output.
  const awaitedCalls = new Set<CallNode>();
  for (const node of working) {
    const call = getAwaitedCall(node);
    if (call) awaitedCalls.add(call);
  }
  const inAwaitArgument = (node: TSESTree.Node): boolean => working.some((awaitNode) => isRangeWithin(node.range, awaitNode.argument.range));
  const receivers = [...options.sequentialReceivers, ...ORDERED_CHANNEL_RECEIVERS];
  const outputCalls: TSESTree.Node[] = [];
  for (const { node: call, own, inCatch } of facts.calls) {
    const calleeName = getLastIdentifierName(skipValueWrappers(call.callee));
    const awaited = awaitedCalls.has(call) || inAwaitArgument(call);
    if (options.delayCalls.has(call)) return sequential('pacing');
    if (calleeName !== null && isNameStartingWithWord(calleeName, options.pacingCallees)) return sequential('pacing');
    if (isGlobalCall(call, ['setTimeout', 'setImmediate'], references) && isInsideNewPromise(call, loop)) return sequential('pacing');
    if (isProcessRunnerCall(call, awaited, options.processCalls.has(call))) return sequential('process-runner');
    if (isPromptCall(call)) return sequential('prompt');
    if (awaited && isOrderedUnitCall(call)) return sequential('ordered-unit');
    if (!own) continue;
    const callee = skipValueWrappers(call.callee);
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      const receiver = getReceiverName(callee.object);
      if (receiver !== null && isNameEndingWithWord(receiver, receivers)) return sequential('sequential-receiver');
    }
    if (!inCatch && isOutputCall(call)) outputCalls.push(call);
  }
  if (facts.taggedTemplates.some(isProcessRunnerTag)) return sequential('process-runner');
  if (working.some((node) => skipValueWrappers(node.argument).type === AST_NODE_TYPES.ImportExpression)) return sequential('ordered-unit');

  // The awaited calls themselves: what they are handed, what they call.
  for (const call of awaitedCalls) {
    for (const argument of call.arguments) {
      const name = isValueChain(argument) ? getReceiverName(argument) : null;
      if (name !== null && isNameEndingWithWord(name, receivers)) return sequential('sequential-receiver');
      // State handed to every call (`seen`, `cache`, `new Map()`, also as `{ cache }`): the calls may read each other's writes.
      for (const handed of getHandedIdentifiers(argument)) {
        const variable = resolve(handed);
        if (!variable || localVariables.has(variable)) continue;
        const init = variable.defs[0]?.type === TSESLint.Scope.DefinitionType.Variable ? variable.defs[0].node.init : null;
        const isContainer =
          init?.type === AST_NODE_TYPES.NewExpression &&
          init.callee.type === AST_NODE_TYPES.Identifier &&
          MUTABLE_CONTAINERS.has(init.callee.name);
        if (isContainer || isSharedStateName(handed.name)) return sequential('shared-argument');
      }
    }
    const callee = skipValueWrappers(call.callee);
    const method = callee.type === AST_NODE_TYPES.MemberExpression ? getLastIdentifierName(callee) : null;
    const calledItem = method === 'call' || method === 'apply' ? skipValueWrappers((callee as TSESTree.MemberExpression).object) : callee;
    if (calledItem.type === AST_NODE_TYPES.Identifier) {
      const variable = resolve(calledItem);
      if (variable && bindingVariables.has(variable)) return sequential('calls-item');
      const fn = getLocalFunction(variable);
      if (fn && hasHiddenSharedWrites(sourceCode, fn)) return sequential('hidden-shared-write');
    }
    if (callee.type === AST_NODE_TYPES.MemberExpression && method !== null && isLifecycleMethodName(method)) {
      const root = getChainRoot(callee.object);
      const variable = root.type === AST_NODE_TYPES.Identifier ? resolve(root) : null;
      if (variable && bindingVariables.has(variable)) return sequential('calls-item');
    }
    if (isFileWriteCall(call, options.fileWriteCalls.has(call))) {
      const path = call.arguments[0];
      if (!path || !isLoopDependent(path)) return sequential('shared-file');
    }
  }

  // Methods of `this` awaited for their effect (`await this.install(pkg)`), or awaited beside sync
  // calls on `this` in the same iteration: the instance's state may carry from one item to the next.
  const thisMethodAwaits = working.filter((node) => {
    const call = getAwaitedCall(node);
    return call !== null && isThisMethodCall(call);
  });
  if (thisMethodAwaits.length > 0) {
    const forEffect = thisMethodAwaits.some((node) => skipValueWrappers(node.parent).type === AST_NODE_TYPES.ExpressionStatement);
    const syncThisCall = facts.calls.some(({ node: call, own }) => own && !awaitedCalls.has(call) && isRootedAtThis(call.callee));
    if (forEffect || syncThisCall) return sequential('this-state');
  }

  // Every awaited operation must depend on the item: an await that does not (`await save()`,
  // `await readFile(CONFIG)`) touches shared state or repeats the same work on purpose.
  if (working.some((node) => !isLoopDependent(node.argument))) return sequential('loop-invariant-await');

  // How the body uses variables and objects from outside the loop.
  const usageContext: UsageContext = { isLoopDependent, containsOwnAwait };
  const usages: RootUsage[] = [];
  for (const reference of bodyReferences) {
    const variable = reference.resolved;
    if (variable && localVariables.has(variable)) continue;
    const root: RootKey = variable ?? `global:${reference.identifier.name}`;
    usages.push(classifyUsage(reference.identifier, root, reference.isWrite(), usageContext));
  }
  for (const node of facts.thisNodes) {
    if (isRangeWithin(node.range, bodyRange)) usages.push(classifyUsage(node, 'this', false, usageContext));
  }
  if (usages.some((usage) => usage.kind === 'assign')) return sequential('outer-assignment');

  // The iterated list (or the bound of a counted loop) must not change while the loop runs.
  const header = shape.iterable ?? shape.counted?.end ?? null;
  if (header) {
    const headerRoots: RootUsage[] = [];
    for (const reference of references) {
      if (!isRangeWithin(reference.identifier.range, header.range)) continue;
      const variable = reference.resolved;
      if (variable && localVariables.has(variable)) continue;
      headerRoots.push(classifyUsage(reference.identifier, variable ?? `global:${reference.identifier.name}`, false, usageContext));
    }
    for (const node of facts.thisNodes) {
      if (isRangeWithin(node.range, header.range)) headerRoots.push(classifyUsage(node, 'this', false, usageContext));
    }
    const changesHeader = usages.some(
      (usage) => usage.kind !== 'read' && headerRoots.some((headerRoot) => isSameRoot(headerRoot, usage)),
    );
    if (changesHeader) return sequential('iterable-written');
  }

  const written = usages.filter((usage) => usage.kind === 'accumulate' || usage.kind === 'fixed-slot');
  const readsWritten = usages.filter((usage) => !isWriteUsage(usage) && written.some((write) => isSameRoot(write, usage)));
  const orderedWrites = written.filter((usage) => usage.kind === 'fixed-slot' || usage.ordered || usage.straddles);

  // A `Promise.all` over the same list elsewhere in the function: sequential here on purpose.
  if (isDeliberatelySequential(sourceCode, shape)) return sequential('deliberate');

  const analysis: Analysis = { shape, facts, usages, outputCalls, bindingVariables, bodyReferences, isLoopDependent, visitorKeys };
  const plainKeepsMeaning = orderedWrites.length === 0 && outputCalls.length === 0 && readsWritten.length === 0;
  const phaseSplit = getPhaseSplit(analysis);
  let rewrite: IndependentLoop['rewrite'];
  let noRewriteReason: NoRewriteReason | null = null;
  if (phaseSplit && (!plainKeepsMeaning || (written.length > 0 && shape.counted === null))) {
    // The split keeps even the insertion order of keyed results (`obj[k] = ...`, `map.set`).
    rewrite = 'phase-split';
  } else if (plainKeepsMeaning) {
    rewrite = 'plain';
  } else if (readsWritten.length === 0 && outputCalls.length === 0 && orderedWrites.every((usage) => usage.arrayAdd && !usage.straddles)) {
    // `push` accumulations the split cannot keep in order: independent, but no rewrite (a string
    // built with `+=` in item order is not: the loop is left alone).
    rewrite = null;
    noRewriteReason = 'ordered-accumulation';
  } else {
    return sequential(readsWritten.length > 0 ? 'carried-dependency' : 'ordered-effect');
  }

  // What keeps an independent loop from being rewritten into callbacks.
  const blockers: [boolean, NoRewriteReason][] = [
    [shape.kind === 'for-in', 'for-in'],
    [shape.declarationKind === 'var' || facts.declaresVar, 'var'],
    [facts.functionContext || usesArguments(references, loopRange), 'function-context'],
    [facts.labelUsed, 'label'],
    [[...options.reportedLoops].some((reported) => reported !== loop && isRangeWithin(reported.range, loopRange)), 'inner-reported-loop'],
    [shape.counted !== null && !isSimpleCountedLoop(shape, visitorKeys), 'counted-form'],
  ];
  const blocker = blockers.find(([applies]) => applies);
  if (blocker && rewrite !== null) {
    rewrite = null;
    noRewriteReason = blocker[1];
  }
  return {
    independent: true,
    firstAwait,
    rewrite,
    noRewriteReason,
    phaseSplit: rewrite === 'phase-split' ? phaseSplit : null,
    continues: facts.continues,
  };
}
