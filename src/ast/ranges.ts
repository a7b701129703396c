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
