import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { getBodyCallReason, isSequentialReceiver } from '../../src/loops/body-calls.js';
import { loop, withLoopState } from '../helpers/with-loop-state.js';

describe('getBodyCallReason', () => {
  it.each([
    ['pacing', loop('await g(x); await sleep(10);')],
    ['pacing', loop('await g(x); await new Promise((resolve) => setTimeout(resolve, 10));')],
    ['process-runner', loop('await spawnChild(x);')],
    ['process-runner', loop('await $`npm test ${x}`;')],
    ['prompt', loop('out[x] = await prompt(x);')],
    ['ordered-unit', loop('await runTask(x);')],
    ['ordered-unit', loop('await import(x);')],
    ['sequential-receiver', loop('await tx.insert(x);', 'const x of xs', 'xs, tx')],
    ['sequential-receiver', loop('await socket.send(x);', 'const x of xs', 'xs, socket')],
  ])('%s: %s', (reason, code) => {
    expect(withLoopState(code, getBodyCallReason)).toBe(reason);
  });

  it('takes delays resolved by the module tracker', () => {
    const code = loop('await g(x); await pause(x);');
    expect(withLoopState(code, getBodyCallReason)).toBeNull();
    const delayCalls = new Set<TSESTree.Node>();
    const reason = withLoopState(
      code,
      (state) => {
        const call = state.working[1]?.argument;
        if (call) delayCalls.add(call);
        return getBodyCallReason(state);
      },
      { delayCalls },
    );
    expect(reason).toBe('pacing');
  });

  it('gives no reason for calls that only fetch', () => {
    expect(withLoopState(loop('out.push(await g(x));'), getBodyCallReason)).toBeNull();
  });
});

describe('isSequentialReceiver', () => {
  it.each([
    ['tx', true],
    ['db.session', true],
    ['userTx', true],
    ['socket', true],
    ['pool', false],
  ])('%s: %s', (receiver, expected) => {
    const code = loop(`await ${receiver}.run(x);`, 'const x of xs', 'xs, tx, db, userTx, socket, pool');
    const result = withLoopState(code, (state) => {
      const callee = (state.working[0]?.argument as TSESTree.CallExpression).callee as TSESTree.MemberExpression;
      return isSequentialReceiver(callee.object, state.options);
    });
    expect(result).toBe(expected);
  });
});
