import { ASTUtils, AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { memoizeByKey } from './memoize.js';

/**
 * The words of an identifier, lower-cased: camelCase and PascalCase humps, acronyms
 * (`HTTPServer` → `http`, `server`), snake_case and kebab parts, digits as separators.
 * `dbSession` → [`db`, `session`]; `SLEEP_MS` → [`sleep`, `ms`]; `$` → [`$`].
 */
export function getIdentifierWords(name: string): string[] {
  const words: string[] = [];
  for (const part of name.split(/[^A-Za-z$]+/)) {
    if (part === '') continue;
    const humps = part.match(/\$|[A-Z]+(?![a-z])|[A-Z]?[a-z]+/g);
    if (humps) words.push(...humps.map((hump) => hump.toLowerCase()));
  }
  return words;
}

function startsWithWords(words: readonly string[], prefix: readonly string[]): boolean {
  return prefix.length > 0 && prefix.length <= words.length && prefix.every((word, index) => words[index] === word);
}

function endsWithWords(words: readonly string[], suffix: readonly string[]): boolean {
  const offset = words.length - suffix.length;
  return suffix.length > 0 && offset >= 0 && suffix.every((word, index) => words[offset + index] === word);
}

interface ListedNames {
  lowerCase: readonly string[];
  words: readonly (readonly string[])[];
}

/** The entries of a name list, lower-cased and split into words once per list (lists are constants or option arrays). */
const getListedNames = memoizeByKey(
  (listed: readonly string[]): ListedNames => ({ lowerCase: listed.map((entry) => entry.toLowerCase()), words: listed.map(getIdentifierWords) }),
);

/**
 * Whether `name` equals an entry of `listed` (ignoring case) or its words start (`side`) or end
 * with an entry's words. Every word of a name is part of its lower-cased text, so most names are
 * settled before they are split into words.
 */
function matchesListedWords(name: string, listed: readonly string[], side: 'start' | 'end'): boolean {
  const lower = name.toLowerCase();
  const { lowerCase, words: entryWords } = getListedNames(listed);
  let words: string[] | null = null;
  for (let index = 0; index < lowerCase.length; index++) {
    if (lowerCase[index] === lower) return true;
    const entry = entryWords[index] as readonly string[];
    const key = side === 'start' ? entry[0] : entry.at(-1);
    if (key === undefined || !lower.includes(key)) continue;
    words ??= getIdentifierWords(name);
    if (side === 'start' ? startsWithWords(words, entry) : endsWithWords(words, entry)) return true;
  }
  return false;
}

/**
 * Whether `name` equals one of `listed` or starts with it as whole camelCase words, ignoring case:
 * `sleepMs` and `waitForIdle` start with `sleep` and `wait`; `sleeper` and `waitress` do not.
 */
export function isNameStartingWithWord(name: string, listed: readonly string[]): boolean {
  return matchesListedWords(name, listed, 'start');
}

/**
 * Whether `name` equals one of `listed` or ends with it as whole camelCase words, ignoring case:
 * `dbSession` and `userTx` end with `session` and `tx`; `obsession` does not end with `session`.
 */
export function isNameEndingWithWord(name: string, listed: readonly string[]): boolean {
  return matchesListedWords(name, listed, 'end');
}

/** Whether one of `name`'s words (or the plural `-s`/`-es` form of one) is in `listed` (lower-case words). */
export function hasNameWord(name: string, listed: ReadonlySet<string>): boolean {
  return getIdentifierWords(name).some(
    (word) =>
      listed.has(word) ||
      (word.endsWith('s') && listed.has(word.slice(0, -1))) ||
      (word.endsWith('es') && listed.has(word.slice(0, -2))),
  );
}

/**
 * The last identifier of an expression, as a reader names it: `tx` for `tx`, `session` for
 * `this.session`, `collection` for `db.collection('x')` (a call is named by its callee), the key
 * of `obj['queue']`. Null for `this`, literals and computed keys that are not strings.
 */
export function getLastIdentifierName(node: TSESTree.Node | null | undefined): string | null {
  if (!node) return null;
  switch (node.type) {
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.PrivateIdentifier:
      return node.name;
    case AST_NODE_TYPES.MemberExpression:
      if (!node.computed) return getLastIdentifierName(node.property);
      return node.property.type === AST_NODE_TYPES.Literal && typeof node.property.value === 'string'
        ? node.property.value
        : null;
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression:
      return getLastIdentifierName(node.callee);
    case AST_NODE_TYPES.ChainExpression:
      return getLastIdentifierName(node.expression);
    case AST_NODE_TYPES.TSNonNullExpression:
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSSatisfiesExpression:
    case AST_NODE_TYPES.TSTypeAssertion:
      return getLastIdentifierName(node.expression);
    case AST_NODE_TYPES.AwaitExpression:
      return getLastIdentifierName(node.argument);
    default:
      return null;
  }
}

/**
 * The name a member read, property, method or class field gives its key: `#x` for a private one
 * (so `this.#x` and `x` never match), a static key's name otherwise, null for a dynamic key.
 */
export function getMemberKeyName(
  node: TSESTree.MemberExpression | TSESTree.MethodDefinition | TSESTree.Property | TSESTree.PropertyDefinition,
): string | null {
  const key = node.type === AST_NODE_TYPES.MemberExpression ? node.property : node.key;
  if (key.type === AST_NODE_TYPES.PrivateIdentifier) return `#${key.name}`;
  return ASTUtils.getPropertyName(node) ?? null;
}
