/**
 * `compute` answered once per key object (a `SourceCode`, a program, a node), kept as long as the
 * key lives: per-file facts that several rules, reports or fixes ask for. A `WeakMap` keyed by
 * ESLint's per-file objects is safe with `--concurrency` and in editors.
 */
export function memoizeByKey<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const cache = new WeakMap<K, V>();
  // Per-node callers ask for the same file's answer thousands of times in a row: the last key is
  // compared before the map is searched. It keeps the last file's key alive until the next one, as
  // ESLint's Linter keeps its last SourceCode.
  let lastKey: K | null = null;
  let lastValue: V | undefined;
  return (key) => {
    if (key === lastKey) return lastValue as V;
    let value = cache.get(key);
    if (value === undefined && !cache.has(key)) {
      value = compute(key);
      cache.set(key, value);
    }
    lastKey = key;
    lastValue = value;
    return value as V;
  };
}
