import type { TSESTree } from '@typescript-eslint/utils';
import { ReportedLoops, type LoopIndependenceOptions } from '../../src/loops/loop-independence.js';
import { collectLoopBodyFacts, type LoopBodyFacts } from '../../src/loops/loop-body-facts.js';
import { getLoopShape, type LoopShape } from '../../src/loops/loop-shape.js';
import { LoopState } from '../../src/loops/loop-state.js';
import { isAlreadyStartedPromise } from '../../src/loops/ordered-calls.js';
import { withFirstLoop } from './loop-test-helpers.js';

export const OPTIONS: LoopIndependenceOptions = {
  pacingCallees: ['sleep', 'delay', 'wait', 'setTimeout', 'throttle', 'backoff'],
  sequentialReceivers: ['tx', 'session', 'queue', 'cursor', 'stream'],
  delayCalls: new Set<TSESTree.Node>(),
  processCalls: new Set<TSESTree.Node>(),
  fileWriteCalls: new Set<TSESTree.Node>(),
  reportedLoops: new ReportedLoops(),
};

/** `async function f(PARAMS) { for (HEAD) { BODY } }` */
export const loop = (body: string, head = 'const x of xs', params = 'xs, out, total, obj, state') =>
  `async function f(${params}) { for (${head}) { ${body} } }`;

/** The first loop's shape and body facts, as `analyzeLoopIndependence` has them before its scope analysis. */
export function withLoopFacts<T>(code: string, inspect: (shape: LoopShape, facts: LoopBodyFacts) => T): T {
  return withFirstLoop(code, (node, sourceCode) => {
    const shape = getLoopShape(node);
    if (!shape) throw new Error('not a candidate loop');
    return inspect(shape, collectLoopBodyFacts(shape, sourceCode.visitorKeys));
  });
}

/** The first loop's `LoopState`, built as `analyzeLoopIndependence` builds it. */
export function withLoopState<T>(code: string, inspect: (state: LoopState) => T, options: Partial<LoopIndependenceOptions> = {}): T {
  return withFirstLoop(code, (node, sourceCode) => {
    const shape = getLoopShape(node);
    if (!shape) throw new Error('not a candidate loop');
    const facts = collectLoopBodyFacts(shape, sourceCode.visitorKeys);
    const working = facts.ownAwaits.filter((awaitNode) => !isAlreadyStartedPromise(awaitNode.argument));
    return inspect(new LoopState(shape, sourceCode, { ...OPTIONS, ...options }, facts, working));
  });
}
