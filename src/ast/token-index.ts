import type { TSESTree } from '@typescript-eslint/utils';

/**
 * The index in `tokens` (a program's tokens, in source order, without comments) of the token that
 * holds `offset`, or -1 (in a comment or between tokens). A caller that then reads the tokens
 * around it by index makes no token-store cursor per step (`getTokenAfter`).
 */
export function findTokenIndexAt(tokens: readonly TSESTree.Token[], offset: number): number {
  let low = 0;
  let high = tokens.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const [start, end] = (tokens[middle] as TSESTree.Token).range;
    if (offset < start) high = middle - 1;
    else if (offset >= end) low = middle + 1;
    else return middle;
  }
  return -1;
}
