import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { getAwaitedCallReason } from '../../src/loops/awaited-calls.js';
import { loop, withLoopState } from '../helpers/with-loop-state.js';

describe('getAwaitedCallReason', () => {
  it.each([
    ['sequential-receiver', loop('await save(tx, x);', 'const x of xs', 'xs, tx')],
    ['shared-argument', loop('await walk(x, state);')],
    ['shared-argument', loop('await walk(x, { cache });', 'const x of xs', 'xs, cache')],
    ['shared-argument', 'const found = new Map(); async function f(xs) { for (const x of xs) { await walk(x, found); } }'],
    ['hidden-shared-write', 'let last; async function g(x) { last = await h(x); } async function f(xs) { for (const x of xs) { await g(x); } }'],
    ['calls-item', loop('await x(1);')],
    ['calls-item', loop('await x.call(null, 1);')],
    ['calls-item', loop('await x.hooks.setup();')],
    ['shared-file', loop('await writeFile(file, x);', 'const x of xs', 'xs, file')],
  ])('%s: %s', (reason, code) => {
    expect(withLoopState(code, getAwaitedCallReason)).toBe(reason);
  });

  it('takes file writes resolved by the module tracker', () => {
    const code = loop('await put(file, x);', 'const x of xs', 'xs, file');
    expect(withLoopState(code, getAwaitedCallReason)).toBeNull();
    const fileWriteCalls = new Set<TSESTree.Node>();
    const reason = withLoopState(
      code,
      (state) => {
        const call = state.working[0]?.argument;
        if (call) fileWriteCalls.add(call);
        return getAwaitedCallReason(state);
      },
      { fileWriteCalls },
    );
    expect(reason).toBe('shared-file');
  });

  it.each([
    loop('await g(x);'),
    loop('await writeFile(`${x}.json`, x);'),
    'async function g(x) { return h(x); } async function f(xs) { for (const x of xs) { await g(x); } }',
  ])('gives no reason for independent calls: %s', (code) => {
    expect(withLoopState(code, getAwaitedCallReason)).toBeNull();
  });
});
