/**
 * Words one of which every promise the rule can recognise without types is spelled with: an
 * `async` function, `await`, the `Promise` global, a `.then` / `.finally` chain, `fetch`, a
 * `promises` module or member (`fs/promises`, `fs.promises`), `promisify`, `events.once`, and a
 * dynamic `import(`. The name of a `promiseFunctions` entry (its last segment) counts too.
 */
const PROMISE_WORDS = ['async', 'await', 'Promise', 'then', 'finally', 'fetch', 'promises', 'promisify', 'once'];

const patterns = new Map<string, RegExp>();

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

function getPattern(promiseFunctions: readonly string[]): RegExp {
  const key = promiseFunctions.join('\n');
  let pattern = patterns.get(key);
  if (!pattern) {
    const names = promiseFunctions.map((entry) => entry.slice(entry.lastIndexOf('.') + 1)).filter((name) => name !== '');
    const words = [...PROMISE_WORDS, ...names].map(escapeRegExp).join('|');
    // `import` is a promise only when called: `import(`, also with a comment before the parenthesis.
    pattern = new RegExp(`(?<![\\w$])(?:${words})(?![\\w$])|(?<![\\w$.])import\\s*[(/]`, 'u');
    patterns.set(key, pattern);
  }
  return pattern;
}

/**
 * Whether the text may hold a promise the syntactic analysis recognises. False means none can be
 * there, so a rule that judges promises by syntax alone has nothing to check in the file.
 */
export function mayMentionPromises(text: string, promiseFunctions: readonly string[]): boolean {
  return getPattern(promiseFunctions).test(text);
}
