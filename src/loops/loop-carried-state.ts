import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { skipValueWrappers } from '../ast/unwrap.js';
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

/**
 * Methods of `this` awaited for their effect (`await this.install(pkg)`), or awaited beside sync
 * calls on `this` in the same iteration: the instance's state may carry from one item to the next.
 */
export function getThisStateReason(state: LoopState): SequentialReason | null {
  const thisMethodAwaits = state.working.filter((node) => {
    const call = getAwaitedCall(node);
    return call !== null && isThisMethodCall(call);
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

/** The body overwrites a variable from outside the loop (`total = ...`, `xs.sort()`): the last iteration to finish would win. */
export function getOuterAssignmentReason(state: LoopState): SequentialReason | null {
  return state.bodyUsages.some((usage) => usage.kind === 'assign') ? 'outer-assignment' : null;
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
