/**
 * `compute` answered once per key object (a `SourceCode`, a program, a node), kept as long as the
 * key lives: per-file facts that several rules, reports or fixes ask for. A `WeakMap` keyed by
 * ESLint's per-file objects is safe with `--concurrency` and in editors.
 */
export function memoizeByKey<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  // Only a WeakMap, and no other memory of the last key: oxlint hands every file the same
  // `sourceCode` object and makes WeakMaps forget its entries when a file is done.
  const cache = new WeakMap<K, V>();
  return (key) => {
    // One lookup on the hot path (per-node callers ask the same key again and again); `has` only for an undefined answer.
    const known = cache.get(key);
    if (known !== undefined || cache.has(key)) return known as V;
    const value = compute(key);
    cache.set(key, value);
    return value;
  };
}
