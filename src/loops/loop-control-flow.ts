import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { isRangeWithin } from '../ast/ranges.js';
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
 * the loop (`yield`, `for await`), or an iteration decides whether the next one runs.
 */
export function getControlFlowReason(shape: LoopShape, facts: LoopBodyFacts): SequentialReason | null {
  if (facts.ownAwaits.length === 0) return 'no-await';
  if (facts.hasYield) return 'yield';
  if (facts.hasAsyncIteration) return 'async-iteration';
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
