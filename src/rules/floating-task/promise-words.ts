import { AST_TOKEN_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

/**
 * Words one of which every promise the syntactic analysis recognises (src/promises/promise-sources.ts
 * and syntactic-promises.ts) is spelled with: an `async` function, `await`, the `Promise` global, a
 * `.then` / `.finally` chain, `fetch`, a `promises` module or member (`fs/promises`, `fs.promises`),
 * `promisify`, `events.once`, and a dynamic `import(`. A `promiseFunctions` entry's last name too.
 */
const PROMISE_WORDS = ['async', 'await', 'Promise', 'then', 'finally', 'fetch', 'promises', 'promisify', 'once'];

/**
 * Where a promise word may be in the text: each match is then checked against the token it falls
 * in. A `\u` escape may spell a name (`\u0074hen`) whose token value is the word. `import` counts
 * only before `(` or a comment (a bundler's chunk name): the static imports every module starts
 * with would each cost a token lookup.
 */
const PROMISE_WORD_PATTERN = new RegExp(`promises|\\\\u|\\b(?:${PROMISE_WORDS.join('|')})\\b|\\bimport(?=\\s*[(/])`, 'g');

const promiseWordSets = new Map<string, ReadonlySet<string>>();

function getPromiseWords(promiseFunctions: readonly string[]): ReadonlySet<string> {
  const key = promiseFunctions.join('\n');
  let words = promiseWordSets.get(key);
  if (!words) {
    const names = promiseFunctions.map((entry) => entry.slice(entry.lastIndexOf('.') + 1)).filter((name) => name !== '');
    words = new Set([...PROMISE_WORDS, ...names]);
    promiseWordSets.set(key, words);
  }
  return words;
}

/**
 * Whether the code may hold a promise the syntactic analysis recognises: one of the words as a
 * name or keyword (or a string, for a computed key), a module specifier with `promises`, or
 * `import(`. Comments do not count. False means none can be there, so a rule that judges promises
 * by syntax alone has nothing to check in the file.
 */
export function mayMentionPromises(sourceCode: Readonly<TSESLint.SourceCode>, promiseFunctions: readonly string[]): boolean {
  const tokens = sourceCode.ast.tokens;
  if (!tokens) return true;
  const words = getPromiseWords(promiseFunctions);
  // The text search finds the built-in words; the names of `promiseFunctions` need every token read.
  if (promiseFunctions.length > 0) return tokens.some((_, index) => isPromiseToken(tokens, index, words));
  const pattern = PROMISE_WORD_PATTERN;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(sourceCode.text); match; match = pattern.exec(sourceCode.text)) {
    const index = findTokenIndexAt(tokens, match.index);
    if (index !== -1 && isPromiseToken(tokens, index, words)) return true;
  }
  return false;
}

/** A word as a name or keyword, a string naming one (or a `promises` module), or the `import` of `import(`. */
function isPromiseToken(tokens: readonly TSESTree.Token[], index: number, words: ReadonlySet<string>): boolean {
  const token = tokens[index] as TSESTree.Token;
  if (token.type === AST_TOKEN_TYPES.Identifier || token.type === AST_TOKEN_TYPES.Keyword) {
    if (words.has(token.value)) return true;
    const previous = tokens[index - 1]?.value;
    return token.value === 'import' && tokens[index + 1]?.value === '(' && previous !== '.' && previous !== '?.';
  }
  if (token.type === AST_TOKEN_TYPES.String || token.type === AST_TOKEN_TYPES.Template) {
    return token.value.includes('promises') || words.has(token.value.slice(1, -1));
  }
  return false;
}

/** The index of the token that holds `offset`, or -1 (in a comment or between tokens). Tokens are in source order. */
function findTokenIndexAt(tokens: readonly TSESTree.Token[], offset: number): number {
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
