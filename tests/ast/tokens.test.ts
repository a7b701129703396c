import { describe, expect, it } from 'vitest';
import { findTokenIndexAt, getTokenName } from '../../src/ast/tokens.js';
import { withSourceCode, type ParserName } from '../helpers/lint-code.js';

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

describe('getTokenName', () => {
  const namesOf = (code: string, parser: ParserName): (string | null)[] =>
    withSourceCode(code, (context) => context.sourceCode.ast.tokens.map(getTokenName), { parser });

  it.each<ParserName>(['espree', 'typescript'])('reads names alike with %s, and no name off punctuators or numbers', (parser) => {
    const names = namesOf('class A { #fork = 1; run() { return this.#fork + \\u0066ork + 2; } }', parser);
    expect(names.filter((name) => name !== null)).toEqual(['class', 'A', '#fork', 'run', 'return', 'this', '#fork', 'fork']);
    expect(names.filter((name) => name === null)).toHaveLength(names.length - 8);
  });

  it('decodes a braced escape', () => {
    expect(namesOf('const \\u{66}ork = 1;', 'typescript')[1]).toBe('fork');
  });
});
