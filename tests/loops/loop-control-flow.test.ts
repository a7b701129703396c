import { describe, expect, it } from 'vitest';
import { getAsyncSourceReason, getControlFlowReason, getExitGuardReason } from '../../src/loops/loop-control-flow.js';
import { loop, withLoopFacts, withLoopState } from '../helpers/with-loop-state.js';

describe('getControlFlowReason', () => {
  it.each([
    ['no-await', loop('g(x);')],
    ['yield', 'async function* f(xs) { for (const x of xs) { yield await g(x); } }'],
    ['async-iteration', loop('await using r = await open(x);')],
    ['early-exit', loop('if (await g(x)) break;')],
    ['early-exit', loop('const r = await g(x); if (r.done) return r;')],
    ['early-exit', loop('try { if (skip) return; } finally {} await g(x);')],
    ['early-exit', loop('await g(i);', 'let i = 0; i < await count(); i++', '')],
  ])('%s: %s', (reason, code) => {
    expect(withLoopFacts(code, getControlFlowReason)).toBe(reason);
  });

  it('gives no reason for a loop that runs every iteration', () => {
    expect(withLoopFacts(loop('if (!x) continue; await g(x);'), getControlFlowReason)).toBeNull();
  });

  it('leaves an exit guarded by a name at the top of the body to the guard check', () => {
    expect(withLoopFacts(loop('if (preview) { log(x); return; } await g(x);'), getControlFlowReason)).toBeNull();
    expect(withLoopFacts(loop('if (!LIVE) break; await g(x);'), (_, facts) => facts.exitGuards.length)).toBe(1);
  });
});

describe('getExitGuardReason', () => {
  it.each([
    ['a name the iteration sets', loop('const r = await g(x); if (r) return r;')],
    ['an outer name that changes', 'async function f(xs) { let stop = false; for (const x of xs) { if (stop) break; stop = await g(x); } }'],
    ['a parameter written elsewhere', 'async function f(xs, stop) { stop = !!stop; for (const x of xs) { if (stop) break; await g(x); } }'],
    ['a global', loop('if (!globalFlag) break; await g(x);')],
  ])('exits early on %s', (_, code) => {
    expect(withLoopState(code, getExitGuardReason)).toBe('early-exit');
  });

  it.each([
    ['an outer const flag', 'async function f(xs, opts) { const { preview } = opts; for (const x of xs) { if (preview) { log(x); return; } await g(x); } }'],
    ['a parameter never written', 'async function f(xs, preview) { for (const x of xs) { if (!preview) break; await g(x); } }'],
    ['a literal', loop('if (false) return; await g(x);')],
    ['no exit at all', loop('await g(x);')],
  ])('does not exit early on %s', (_, code) => {
    expect(withLoopState(code, getExitGuardReason)).toBeNull();
  });
});

describe('getAsyncSourceReason', () => {
  it('counts a `for await` as work of the iteration: no no-await for it', () => {
    expect(withLoopFacts(loop('for await (const y of read(x)) out.push(y);'), getControlFlowReason)).toBeNull();
  });
  it.each([
    ['a source from outside the loop', loop('for await (const y of source) out.push(y);', 'const x of xs', 'xs, out, source')],
    ['an inner body that awaits per value', loop('for await (const y of read(x)) { await h(y); }')],
  ])('async-iteration: %s', (_name, code) => {
    expect(withLoopState(code, getAsyncSourceReason)).toBe('async-iteration');
  });
  it('gives no reason for an inner loop that gathers what a source of this item yields', () => {
    expect(withLoopState(loop('const got = []; for await (const y of paginate(x.url)) got.push(y); obj[x.id] = got;'), getAsyncSourceReason)).toBeNull();
  });
});
