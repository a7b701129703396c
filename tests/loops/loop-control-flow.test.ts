import { describe, expect, it } from 'vitest';
import { getControlFlowReason } from '../../src/loops/loop-control-flow.js';
import { loop, withLoopFacts } from '../helpers/with-loop-state.js';

describe('getControlFlowReason', () => {
  it.each([
    ['no-await', loop('g(x);')],
    ['yield', 'async function* f(xs) { for (const x of xs) { yield await g(x); } }'],
    ['async-iteration', loop('await g(x); for await (const y of g(x)) h(y);')],
    ['async-iteration', loop('await using r = await open(x);')],
    ['early-exit', loop('if (await g(x)) break;')],
    ['early-exit', loop('const r = await g(x); if (r) return r;')],
    ['early-exit', loop('await g(i);', 'let i = 0; i < await count(); i++', '')],
  ])('%s: %s', (reason, code) => {
    expect(withLoopFacts(code, getControlFlowReason)).toBe(reason);
  });

  it('gives no reason for a loop that runs every iteration', () => {
    expect(withLoopFacts(loop('if (!x) continue; await g(x);'), getControlFlowReason)).toBeNull();
  });
});
