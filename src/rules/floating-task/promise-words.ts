import { AST_TOKEN_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

/**
 * Words one of which every promise the syntactic analysis recognises (src/promises/promise-sources.ts
 * and syntactic-promises.ts) is spelled with: an `async` function, `await`, the `Promise` global, a
 * `.then` / `.finally` chain, `fetch`, a `promises` module or member (`fs/promises`, `fs.promises`),
 * `promisify`, `events.once`, and a dynamic `import(`. A `promiseFunctions` entry's last name too.
 */
const PROMISE_WORDS = ['async', 'await', 'Promise', 'then', 'finally', 'fetch', 'promises', 'promisify', 'once'];

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
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index] as TSESTree.Token;
    if (token.type === AST_TOKEN_TYPES.Identifier || token.type === AST_TOKEN_TYPES.Keyword) {
      if (words.has(token.value)) return true;
      const previous = tokens[index - 1]?.value;
      if (token.value === 'import' && tokens[index + 1]?.value === '(' && previous !== '.' && previous !== '?.') return true;
    } else if (token.type === AST_TOKEN_TYPES.String || token.type === AST_TOKEN_TYPES.Template) {
      if (token.value.includes('promises') || words.has(token.value.slice(1, -1))) return true;
    }
  }
  return false;
}
