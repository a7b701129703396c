import type { TSESTree } from '@typescript-eslint/utils';

/** Whether the range `inner` lies inside `outer` (touching ends count as inside). */
export function isRangeWithin(inner: TSESTree.Range, outer: TSESTree.Range): boolean {
  return outer[0] <= inner[0] && inner[1] <= outer[1];
}

/** Whether two ranges share at least one character. */
export function rangesOverlap(a: TSESTree.Range, b: TSESTree.Range): boolean {
  return a[0] < b[1] && b[0] < a[1];
}

/** Whether `inner` lies inside `outer` (or is it); false when there is no `outer`. */
export function isNodeInside(inner: TSESTree.Node, outer: TSESTree.Node | null): boolean {
  return outer !== null && isRangeWithin(inner.range, outer.range);
}

/**
 * The index of the first of `items` (sorted by where they start) that starts at or after
 * `position`, or `items.length`: a binary search, for lists a per-node question would otherwise
 * read from the beginning.
 */
export function findFirstStartingFrom<T>(items: readonly T[], position: number, startOf: (item: T) => number): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (startOf(items[middle] as T) < position) low = middle + 1;
    else high = middle;
  }
  return low;
}
