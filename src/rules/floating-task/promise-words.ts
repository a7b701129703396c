import { AST_TOKEN_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { hasUnicodeEscape } from '../../ast/name-mentions.js';
import { findTokenIndexAt, getTokenName } from '../../ast/tokens.js';

/**
 * Words one of which every promise the syntactic analysis recognises (src/promises/promise-sources.ts
 * and syntactic-promises.ts) is spelled with: an `async` function, `await`, the `Promise` global, a
 * `.then` / `.finally` chain, `fetch`, a `promises` module or member (`fs/promises`, `fs.promises`),
 * `promisify`, `events.once`, and a dynamic `import(`. A `promiseFunctions` entry's last name too.
 */
const PROMISE_WORDS = ['async', 'await', 'Promise', 'then', 'finally', 'fetch', 'promises', 'promisify', 'once'];

/**
 * Built-in words that count only with the module that makes them promises spelled too: an
 * emitter's own `once(event, listener)` is everywhere, the promise of `events.once` needs `events`
 * imported or required.
 */
const WORDS_NEEDING_MODULE: ReadonlyMap<string, string> = new Map([['once', 'events']]);

/**
 * Where a promise word may be in the text: each match is then checked against the token it falls
 * in. A `\u` escape may spell a name (`\u0074hen`) whose token value is the word. `import` counts
 * only before `(` or a comment (a bundler's chunk name): the static imports every module starts
 * with would each cost a token lookup.
 */
const PROMISE_WORD_PATTERN = new RegExp(`promises|\\\\u|\\b(?:${PROMISE_WORDS.join('|')})\\b|\\bimport(?=\\s*[(/])`, 'g');


/** Each word, with the module name the text must also spell for it to count (null: none). */
type PromiseWords = ReadonlyMap<string, string | null>;

const promiseWordMaps = new Map<string, PromiseWords>();

function getPromiseWords(promiseFunctions: readonly string[]): PromiseWords {
  const key = promiseFunctions.join('\n');
  let words = promiseWordMaps.get(key);
  if (!words) {
    const names = promiseFunctions.map((entry) => entry.slice(entry.lastIndexOf('.') + 1)).filter((name) => name !== '');
    // A word the user lists returns a promise whatever the file imports.
    words = new Map([...PROMISE_WORDS.map((word) => [word, WORDS_NEEDING_MODULE.get(word) ?? null] as const), ...names.map((name) => [name, null] as const)]);
    promiseWordMaps.set(key, words);
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
  const text = sourceCode.text;
  const isWord = (word: string): boolean => {
    const module = words.get(word);
    // A specifier is a string, which a `\u` escape could spell.
    return module === null || (module !== undefined && (text.includes(module) || hasUnicodeEscape(sourceCode)));
  };
  if (promiseFunctions.length > 0) return tokens.some((_, index) => isPromiseToken(tokens, index, isWord));
  const pattern = PROMISE_WORD_PATTERN;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const index = findTokenIndexAt(tokens, match.index);
    if (index !== -1 && isPromiseToken(tokens, index, isWord)) return true;
  }
  return false;
}

/**
 * Whether a `Promise` name is used as a value the analysis reads: `new Promise`, `Promise.all`,
 * `Promise['all']`, `(Promise).all`. A TypeScript type (`: Promise<void>`) makes no promise, and
 * is all that many declaration and interface files spell.
 */
function isPromiseValue(previous: string | undefined, next: string | undefined): boolean {
  return previous === 'new' || previous === '(' || next === '.' || next === '?.' || next === '[' || next === ')';
}

/**
 * A word as a name or keyword, a string naming one (or a `promises` module), or the `import` of
 * `import(`. The keyword `finally` counts only as a property (`.finally(`): a `try` block's is no
 * promise; the `Promise` global only as a value (`isPromiseValue`).
 */
function isPromiseToken(tokens: readonly TSESTree.Token[], index: number, isWord: (word: string) => boolean): boolean {
  const token = tokens[index] as TSESTree.Token;
  if (token.type === AST_TOKEN_TYPES.Identifier || token.type === AST_TOKEN_TYPES.Keyword) {
    const previous = tokens[index - 1]?.value;
    const isProperty = previous === '.' || previous === '?.';
    // The name as espree gives it (`\u0074hen` is `then`), whichever parser made the token.
    const name = getTokenName(token) ?? token.value;
    if (token.type === AST_TOKEN_TYPES.Keyword && name === 'finally' && !isProperty) return false;
    if (name === 'Promise' && !isProperty && !isPromiseValue(previous, tokens[index + 1]?.value)) return false;
    if (isWord(name)) return true;
    return name === 'import' && tokens[index + 1]?.value === '(' && !isProperty;
  }
  if (token.type === AST_TOKEN_TYPES.String || token.type === AST_TOKEN_TYPES.Template) {
    return token.value.includes('promises') || isWord(token.value.slice(1, -1));
  }
  return false;
}
