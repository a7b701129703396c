import { describe, expect, it } from 'vitest';
import {
  getIndexWrittenReason,
  getIterableWrittenReason,
  getLoopInvariantAwaitReason,
  getOrderReason,
  getOuterAssignmentReason,
  getThisStateReason,
} from '../../src/loops/loop-carried-state.js';
import type { LoopState } from '../../src/loops/loop-state.js';
import { getPhaseSplit } from '../../src/loops/phase-split.js';
import { loop, withLoopState } from '../helpers/with-loop-state.js';

const getOrderReasonWithSplit = (state: LoopState) => getOrderReason(state, getPhaseSplit(state));

describe('loop-carried state checks', () => {
  it.each([
    ['index-written', loop('await g(i); i++;', 'let i = 0; i < n; i++', 'n'), getIndexWrittenReason],
    ['this-state', 'class A { async f(xs) { for (const x of xs) { await this.g(x); } } }', getThisStateReason],
    ['this-state', 'class A { async f(xs, out) { for (const x of xs) { this.count(); out.push(await this.g(x)); } } }', getThisStateReason],
    ['loop-invariant-await', loop('await g(x); await flush();'), getLoopInvariantAwaitReason],
    ['outer-assignment', loop('total = await g(x);'), getOuterAssignmentReason],
    ['outer-assignment', loop('await g(x); out.sort();'), getOuterAssignmentReason],
    ['iterable-written', loop('const more = await g(x); xs.push(...more);'), getIterableWrittenReason],
    ['iterable-written', loop('await g(i); n++;', 'let i = 0; i < n; i++', 'n'), getIterableWrittenReason],
    ['carried-dependency', loop('out.push(await g(x, out.length));'), getOrderReasonWithSplit],
    ['ordered-effect', loop('obj.current = x; await g(x);'), getOrderReasonWithSplit],
  ])('%s: %s', (reason, code, check) => {
    expect(withLoopState(code, check)).toBe(reason);
  });

  const checks = [getIndexWrittenReason, getThisStateReason, getLoopInvariantAwaitReason, getOuterAssignmentReason, getIterableWrittenReason, getOrderReasonWithSplit];
  it.each(checks.map((check) => [check.name, check] as const))(
    '%s gives no reason for an independent loop',
    (_name, check) => {
      expect(withLoopState(loop('const y = await g(x); obj[x.id] = y; total++;'), check)).toBeNull();
    },
  );

  it('leaves a fold after the last await to the rewrite form, not to outer-assignment', () => {
    expect(withLoopState(loop('const d = await g(x); total = total + d;'), getOuterAssignmentReason)).toBeNull();
  });

  it('leaves ordered effects after the await to the phase split', () => {
    expect(withLoopState(loop('const y = await g(x); console.log(x, y);'), getOrderReasonWithSplit)).toBeNull();
  });
});
