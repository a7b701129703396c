import { describe, expect, it } from 'vitest';
import { getAwaitedNames } from '../../src/ast/awaited-names.js';
import { withSourceCode, type ParserName } from '../helpers/lint-code.js';

describe('getAwaitedNames', () => {
  const namesOf = (code: string, parser: ParserName = 'espree'): { pairs: string[]; anyMethod: string[] } =>
    withSourceCode(
      code,
      (context) => {
        const names = getAwaitedNames(context.sourceCode);
        return { pairs: [...names.pairs], anyMethod: [...names.anyMethod] };
      },
      { parser },
    );

  it.each<[string, string, string[], string[]]>([
    ['a method awaited through a name', 'async function f() { await pool.query(a); }', ['pool.query'], []],
    ['an optional call', 'async function f() { await pool?.query(a); }', ['pool.query'], []],
    ['past opening parentheses', 'async function f() { await ((pool.query(a))); }', ['pool.query'], []],
    ['a receiver in parentheses, kept with any method', 'async function f() { await (pool).query(a); }', [], ['pool']],
    ['a computed method, kept with any method', "async function f() { await pool['query'](a); }", [], ['pool']],
    ['a plain awaited name (no method)', 'async function f() { await task; }', [], []],
    ['an awaited call of a name (no receiver)', 'async function f() { await load(); }', [], []],
    ['a comment between await and its receiver', 'async function f() { await /* why */ pool.query(a); }', ['pool.query'], []],
    ['await in a comment or a string only', "// await pool.query(a)\nconst s = 'await db.read()';", [], []],
    ['a name that contains await', 'const awaitable = x; awaitable.then(f);', [], []],
  ])('%s', (_, code, pairs, anyMethod) => {
    expect(namesOf(code)).toEqual({ pairs, anyMethod });
  });

  it('reads the same names from TypeScript tokens', () => {
    expect(namesOf('async function f(pool: Pool): Promise<void> { await pool.query(a); await (db as Db).read(); }', 'typescript')).toEqual({
      pairs: ['pool.query'],
      anyMethod: [],
    });
  });
});
