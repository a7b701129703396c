import { describe, expect, it } from 'vitest';
import { isRangeWithin, rangesOverlap } from '../../src/ast/ranges.js';

describe('ranges', () => {
  it('compares ranges', () => {
    expect(isRangeWithin([2, 3], [1, 4])).toBe(true);
    expect(isRangeWithin([0, 3], [1, 4])).toBe(false);
    expect(rangesOverlap([0, 2], [1, 4])).toBe(true);
    expect(rangesOverlap([0, 1], [1, 4])).toBe(false);
  });
});
