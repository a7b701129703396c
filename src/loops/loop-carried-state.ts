import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

type VisitorKeys = TSESLint.SourceCode.VisitorKeys;
import { isFunctionNode } from '../ast/function-node.js';
import { skipValueWrappers } from '../ast/unwrap.js';
import { someInSameFunction } from '../ast/walk.js';
import type { SequentialReason } from './loop-independence.js';
import type { LoopState } from './loop-state.js';
import type { PhaseSplit } from './phase-split.js';
import { getAwaitedCall, type CallNode } from './ordered-calls.js';
import { isSameRoot } from './root-usage.js';

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

/** The body of a counted loop moves its own index: the next iteration depends on this one. */
export function getIndexWrittenReason(state: LoopState): SequentialReason | null {
  const index = state.shape.counted?.index;
  if (!index) return null;
  const writesIndex = state.bodyReferences.some(
    (reference) => reference.isWrite() && reference.resolved?.defs.some((definition) => definition.name === index),
  );
  return writesIndex ? 'index-written' : null;
}

/** Methods that change the collection they are called on (`this.#seen.set(k, v)`, `this.queue.push(x)`). */
const WRITING_METHODS = new Set(['push', 'unshift', 'pop', 'shift', 'splice', 'sort', 'reverse', 'fill', 'set', 'add', 'delete', 'clear']);

function isThisStateTarget(node: TSESTree.Node): boolean {
  const target = skipValueWrappers(node);
  return target.type === AST_NODE_TYPES.MemberExpression && isRootedAtThis(target);
}

/** `this.x = v`, `this.n++`, `delete this.cache[k]`, `this.#seen.add(k)`, `Object.assign(this, …)`: a write to the instance. */
function isThisStateWrite(node: TSESTree.Node): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.AssignmentExpression:
      return isThisStateTarget(node.left);
    case AST_NODE_TYPES.UpdateExpression:
      return isThisStateTarget(node.argument);
    case AST_NODE_TYPES.UnaryExpression:
      return node.operator === 'delete' && isThisStateTarget(node.argument);
    case AST_NODE_TYPES.CallExpression: {
      const callee = skipValueWrappers(node.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed || callee.property.type !== AST_NODE_TYPES.Identifier) return false;
      if (callee.property.name === 'assign' && node.arguments[0] && skipValueWrappers(node.arguments[0]).type === AST_NODE_TYPES.ThisExpression) return true;
      return WRITING_METHODS.has(callee.property.name) && isThisStateTarget(callee.object);
    }
    default:
      return false;
  }
}

/** Whether code under `root` (arrow callbacks included) writes state of `this`. */
export function writesThisState(root: TSESTree.Node, visitorKeys: VisitorKeys): boolean {
  return someInSameFunction(root, visitorKeys, isThisStateWrite, { enterArrows: true });
}

function getMethodKeyName(key: TSESTree.Node): string | null {
  if (key.type === AST_NODE_TYPES.Identifier) return key.name;
  if (key.type === AST_NODE_TYPES.PrivateIdentifier) return `#${key.name}`;
  return null;
}

/**
 * The method a `this.name(…)` / `this.#name(…)` call runs when the class that encloses the call
 * declares it (an instance method, found by its plain name): its body can be read one level
 * instead of judging it by its name. Null for inherited, computed or reassigned methods.
 */
export function getSameClassMethod(call: CallNode): TSESTree.FunctionExpression | null {
  const callee = skipValueWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed || skipValueWrappers(callee.object).type !== AST_NODE_TYPES.ThisExpression) return null;
  const name = getMethodKeyName(callee.property);
  let current: TSESTree.Node | undefined = call.parent;
  while (current && !(isFunctionNode(current) && current.type !== AST_NODE_TYPES.ArrowFunctionExpression)) current = current.parent;
  const method = current?.parent;
  if (method?.type !== AST_NODE_TYPES.MethodDefinition || method.static || method.parent.type !== AST_NODE_TYPES.ClassBody) return null;
  for (const element of method.parent.body) {
    if (element.type === AST_NODE_TYPES.MethodDefinition && !element.static && !element.computed && element.kind === 'method' && element.value.type === AST_NODE_TYPES.FunctionExpression && getMethodKeyName(element.key) === name) {
      return element.value;
    }
  }
  return null;
}

/**
 * Whether a call on `this` may carry the instance's state from one item to the next: a method the
 * class declares counts when its body writes `this` state (read one level); any other method of
 * `this` (inherited, unknown) counts.
 */
function mayCarryThisState(call: CallNode, visitorKeys: VisitorKeys): boolean {
  const method = getSameClassMethod(call);
  return method === null || writesThisState(method.body, visitorKeys);
}

/**
 * Methods of `this` that may write its state (read one level: a method the class declares that
 * only reads does not count), awaited for their effect (`await this.install(pkg)`) or beside sync
 * calls on `this` in the same iteration: the instance's state may carry from one item to the next.
 */
export function getThisStateReason(state: LoopState): SequentialReason | null {
  const visitorKeys = state.sourceCode.visitorKeys;
  const thisMethodAwaits = state.working.filter((node) => {
    const call = getAwaitedCall(node);
    return call !== null && isThisMethodCall(call) && mayCarryThisState(call, visitorKeys);
  });
  if (thisMethodAwaits.length === 0) return null;
  const forEffect = thisMethodAwaits.some((node) => skipValueWrappers(node.parent).type === AST_NODE_TYPES.ExpressionStatement);
  const syncThisCall = state.facts.calls.some(({ node: call, own }) => own && !state.awaitedCalls.has(call) && isRootedAtThis(call.callee));
  return forEffect || syncThisCall ? 'this-state' : null;
}

/**
 * An await that does not depend on the item (`await save()`, `await readFile(CONFIG)`) touches
 * shared state or repeats the same work on purpose.
 */
export function getLoopInvariantAwaitReason(state: LoopState): SequentialReason | null {
  return state.working.some((node) => !state.isLoopDependent(node.argument)) ? 'loop-invariant-await' : null;
}

/**
 * The body overwrites a variable from outside the loop (`total = ...`, `xs.sort()`): the last
 * iteration to finish would win. A fold after the iteration's last `await` is not such a write: it
 * can run in item order over the results (see `LoopState.folds`).
 */
export function getOuterAssignmentReason(state: LoopState): SequentialReason | null {
  const folds = state.folds;
  return state.bodyUsages.some((usage) => usage.kind === 'assign' && !folds.includes(usage)) ? 'outer-assignment' : null;
}

/** The body changes the iterated list (or the bound of a counted loop), which must stay fixed while the loop runs. */
export function getIterableWrittenReason(state: LoopState): SequentialReason | null {
  const header = state.shape.iterable ?? state.shape.counted?.end ?? null;
  if (!header) return null;
  const headerUsages = state.getOuterUsagesIn(header);
  const changesHeader = state.bodyUsages.some(
    (usage) => usage.kind !== 'read' && headerUsages.some((headerUsage) => isSameRoot(headerUsage, usage)),
  );
  return changesHeader ? 'iterable-written' : null;
}

/**
 * Why neither concurrent form keeps the body's meaning: an iteration reads what another writes, or
 * the output and the writes must stay in item order and the phase split cannot keep it (a string
 * built with `+=` in item order is such a write; a plain `push` is not, it only loses its rewrite).
 */
export function getOrderReason(state: LoopState, phaseSplit: PhaseSplit | null): SequentialReason | null {
  if (phaseSplit) return null;
  if (state.readsOfWritten.length > 0) return 'carried-dependency';
  const unorderable = state.orderedWrites.some((usage) => !usage.arrayAdd || usage.straddles);
  return unorderable ? 'ordered-effect' : null;
}
