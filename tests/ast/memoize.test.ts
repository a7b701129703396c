import { describe, expect, it } from 'vitest';
import { memoizeByKey } from '../../src/ast/memoize.js';

describe('memoizeByKey', () => {
  it('computes once per key object, also when the answer is falsy', () => {
    let calls = 0;
    const isEmpty = memoizeByKey((list: string[]) => {
      calls++;
      return list.length === 0;
    });
    const list: string[] = ['a'];
    expect(isEmpty(list)).toBe(false);
    expect(isEmpty(list)).toBe(false);
    expect(calls).toBe(1);
    expect(isEmpty([])).toBe(true);
    expect(calls).toBe(2);
  });
});
