import { describe, expect, it } from 'vitest';
import { findFirstStartingFrom, isRangeWithin, rangesOverlap } from '../../src/ast/ranges.js';

describe('ranges', () => {
  it('compares ranges', () => {
    expect(isRangeWithin([2, 3], [1, 4])).toBe(true);
    expect(isRangeWithin([0, 3], [1, 4])).toBe(false);
    expect(rangesOverlap([0, 2], [1, 4])).toBe(true);
    expect(rangesOverlap([0, 1], [1, 4])).toBe(false);
  });
});

describe('findFirstStartingFrom', () => {
  const starts = [2, 5, 5, 9];
  it.each([
    ['before every item', 0, 0],
    ['at an item', 5, 1],
    ['between items', 6, 3],
    ['after every item', 10, 4],
  ])('finds the first item that starts at or after a position %s', (_reason, position, expected) => {
    expect(findFirstStartingFrom(starts, position, (start) => start)).toBe(expected);
  });
  it('finds nothing in an empty list', () => {
    expect(findFirstStartingFrom([], 3, (start: number) => start)).toBe(0);
  });
});
