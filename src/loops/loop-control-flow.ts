import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { isRangeWithin } from '../ast/ranges.js';
import { skipValueWrappers } from '../ast/unwrap.js';
import type { LoopBodyFacts } from './loop-body-facts.js';
import type { SequentialReason } from './loop-independence.js';
import type { LoopShape } from './loop-shape.js';
import type { LoopState } from './loop-state.js';
import { isConstantVariable } from '../scope/constant-binding.js';

/** An await in a counted loop's test or update decides whether the next iteration runs at all. */
function awaitsInHeader(shape: LoopShape, facts: LoopBodyFacts): boolean {
  const loop = shape.loop;
  if (loop.type !== AST_NODE_TYPES.ForStatement) return false;
  const header = [loop.test, loop.update].filter((part): part is TSESTree.Expression => part !== null);
  return facts.ownAwaits.some((node) => header.some((part) => isRangeWithin(node.range, part.range)));
}

/**
 * Why the iterations cannot all be started at once: nothing in them waits, values stream out of
 * the loop (`yield`), a resource is held to the end of the iteration (`await using`), or an
 * iteration decides whether the next one runs.
 */
export function getControlFlowReason(shape: LoopShape, facts: LoopBodyFacts): SequentialReason | null {
  if (facts.ownAwaits.length === 0 && facts.ownAsyncLoops.length === 0) return 'no-await';
  if (facts.hasYield) return 'yield';
  if (facts.hasAwaitUsing) return 'async-iteration';
  if (facts.exits || awaitsInHeader(shape, facts)) return 'early-exit';
  return null;
}

function isFixedGuard(state: LoopState, guard: TSESTree.Expression): boolean {
  if (guard.type === AST_NODE_TYPES.UnaryExpression) return isFixedGuard(state, guard.argument);
  if (guard.type === AST_NODE_TYPES.Literal) return true;
  const variable = state.resolve(guard);
  return variable !== null && variable.defs.length > 0 && isConstantVariable(variable) && variable.defs.every((def) => !isRangeWithin(def.name.range, state.shape.loop.range));
}

/**
 * An exit guarded by a name that can change while the loop runs (`if (aborted) break`, `if (found)
 * return`) lets one iteration decide whether the next runs. A guard that holds one value all the
 * loop's life (a `const` flag from outside, a literal) does not: it decides for every item alike.
 */
export function getExitGuardReason(state: LoopState): SequentialReason | null {
  return state.facts.exitGuards.every((guard) => isFixedGuard(state, guard)) ? null : 'early-exit';
}

/** `paginate(url(repo))`, `new Reader(file)`: a source the iteration creates for its item. */
function isOwnSource(state: LoopState, source: TSESTree.Expression): boolean {
  const node = skipValueWrappers(source);
  return (node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression) && state.isLoopDependent(node);
}

/** Whether the inner loop's body awaits: work per streamed value, which the rule leaves in order. */
function awaitsPerValue(state: LoopState, inner: TSESTree.ForOfStatement): boolean {
  return state.facts.ownAwaits.some((node) => isRangeWithin(node.range, inner.body.range));
}

/**
 * A `for await` in the body is this item's work when it only gathers what a source the iteration
 * creates for its item yields (`for await (const label of paginate(`/repos/${repo}/labels`))
 * existing.push(label)`): one item's pages, in order inside the iteration. A source from outside
 * the loop (a stream, a shared iterator) is read by every iteration in turn, and an inner body that
 * awaits per value is left in order.
 */
export function getAsyncSourceReason(state: LoopState): SequentialReason | null {
  const gathersOwnSource = (inner: TSESTree.ForOfStatement): boolean => isOwnSource(state, inner.right) && !awaitsPerValue(state, inner);
  return state.facts.ownAsyncLoops.every(gathersOwnSource) ? null : 'async-iteration';
}
