import { describe, expect, it } from 'vitest';
import { findTokenIndexAt } from '../../src/ast/token-index.js';
import { withSourceCode } from '../helpers/lint-code.js';

describe('findTokenIndexAt', () => {
  const code = 'const a = /* note */ b + 1;';
  const tokenAt = (offset: number): string | null =>
    withSourceCode(code, (context) => {
      const tokens = context.sourceCode.ast.tokens;
      const index = findTokenIndexAt(tokens, offset);
      return index === -1 ? null : (tokens[index]?.value ?? null);
    });

  it.each<[string, number, string | null]>([
    ['the first character of the first token', 0, 'const'],
    ['inside a token', 2, 'const'],
    ['the last token', code.length - 1, ';'],
    ['a token after a comment', code.indexOf('b'), 'b'],
    ['between tokens (whitespace)', 5, null],
    ['inside a comment', code.indexOf('note'), null],
    ['past the end', code.length + 3, null],
  ])('%s', (_, offset, expected) => {
    expect(tokenAt(offset)).toBe(expected);
  });
});
