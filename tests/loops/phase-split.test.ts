import { describe, expect, it } from 'vitest';
import { getPhaseSplit } from '../../src/loops/phase-split.js';
import { loop, withLoopState } from '../helpers/with-loop-state.js';

const splitOf = (code: string) =>
  withLoopState(code, (state) => {
    const split = getPhaseSplit(state);
    if (!split) return null;
    const text = (node: Parameters<typeof state.sourceCode.getText>[0]) => state.sourceCode.getText(node);
    return {
      head: text(split.head),
      await: text(split.await),
      declaration: split.declaration ? `${split.declaration.kind} ${text(split.declaration.pattern)}` : null,
      carriedNames: split.carriedNames,
      pushTarget: split.pushTarget ? text(split.pushTarget) : null,
    };
  });

describe('getPhaseSplit', () => {
  it.each([
    [loop('const y = await g(x); out.push(y);'), { await: 'await g(x)', declaration: 'const y', carriedNames: [], pushTarget: null }],
    [loop('out.push(await g(x));'), { declaration: null, carriedNames: [], pushTarget: 'out' }],
    [loop('if (await g(x)) out.push(x);'), { head: 'if (await g(x)) out.push(x);', carriedNames: ['x'] }],
    [loop('out[k] = await g(v);', 'const [k, v] of Object.entries(obj)'), { carriedNames: ['k'] }],
  ])('%s', (code, expected) => {
    expect(splitOf(code)).toMatchObject(expected);
  });

  it.each([
    loop('out.push(x); const y = await g(x);'),
    loop('const y = x && await g(x); out.push(y);'),
    loop('out.push(h(x), await g(x));'),
    loop('const y = await g(x); const z = await h(y);'),
    loop('out.push(await g(x, out.length));'),
    loop('for (const y of x) out.push(await g(y));'),
  ])('has no split: %s', (code) => {
    expect(splitOf(code)).toBeNull();
  });
});
