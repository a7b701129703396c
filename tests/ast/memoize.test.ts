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

  it('computes once per key when the answer is undefined, and keeps every key after another was asked', () => {
    let calls = 0;
    const first = memoizeByKey((list: string[]) => {
      calls++;
      return list[0];
    });
    const empty: string[] = [];
    const named = ['x'];
    expect(first(empty)).toBeUndefined();
    expect(first(named)).toBe('x');
    expect(first(empty)).toBeUndefined();
    expect(first(named)).toBe('x');
    expect(calls).toBe(2);
  });
});
