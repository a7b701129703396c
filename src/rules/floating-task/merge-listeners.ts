import type { TSESLint } from '@typescript-eslint/utils';

type Listener = (node: never) => void;

/**
 * One listener map from several checks' maps. A selector two checks both listen to calls each
 * check's listener in the order the maps are given, so no check silently replaces another's.
 */
export function mergeListeners(...maps: TSESLint.RuleListener[]): TSESLint.RuleListener {
  const merged: Record<string, Listener> = {};
  for (const map of maps) {
    for (const [selector, listener] of Object.entries(map) as [string, Listener | undefined][]) {
      if (!listener) continue;
      const previous = merged[selector];
      merged[selector] = previous
        ? (node) => {
            previous(node);
            listener(node);
          }
        : listener;
    }
  }
  return merged;
}
