import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { isRangeWithin } from '../ast/ranges.js';
import type { LoopBodyFacts } from './loop-body-facts.js';
import type { SequentialReason } from './loop-independence.js';
import type { LoopShape } from './loop-shape.js';

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
