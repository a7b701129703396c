import { AST_TOKEN_TYPES, type TSESTree } from '@typescript-eslint/utils';

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

const NAME_TOKEN_TYPES = new Set<string>([AST_TOKEN_TYPES.Identifier, AST_TOKEN_TYPES.PrivateIdentifier, AST_TOKEN_TYPES.Keyword]);

const UNICODE_ESCAPE = /\\u\{([\da-f]+)\}|\\u([\da-f]{4})/giu;

/**
 * The name a token spells, whichever way the parser gives it: private names as `#name`, unicode
 * escapes decoded (espree decodes them, typescript-eslint keeps the source text). Null for a token that is no name.
 */
export function getTokenName(token: TSESTree.Token): string | null {
  if (!NAME_TOKEN_TYPES.has(token.type)) return null;
  const decode = (_: string, braced?: string, fixed?: string): string => String.fromCodePoint(Number.parseInt(braced ?? fixed ?? '', 16));
  const value = token.value.includes('\\') ? token.value.replace(UNICODE_ESCAPE, decode) : token.value;
  return token.type === AST_TOKEN_TYPES.PrivateIdentifier && !value.startsWith('#') ? `#${value}` : value;
}
