import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { addAwait } from '../../src/fixes/add-await.js';
import { applyFixes } from '../helpers/apply-fixes.js';
import { parses, withSourceCode, type LintCodeOptions } from '../helpers/lint-code.js';

/** Replaces the call `read(p)` with `await readAsync(p)` through addAwait and returns the new code. */
function rewrite(code: string, options: LintCodeOptions = {}): string {
  return withSourceCode(
    code,
    ({ sourceCode }) => {
      const start = sourceCode.text.indexOf('read(p)');
      let node = sourceCode.getNodeByRangeIndex(start) as TSESTree.Node;
      while (node.type !== AST_NODE_TYPES.CallExpression) node = node.parent as TSESTree.Node;
      const text = addAwait(sourceCode, node, 'readAsync(p)');
      return applyFixes(sourceCode.text, { range: node.range, text });
    },
    options,
  );
}

describe('addAwait', () => {
  it.each([
    ['read(p).toString();', '(await readAsync(p)).toString();'],
    ['x = read(p)?.length;', 'x = (await readAsync(p))?.length;'],
    ['JSON.parse(read(p));', 'JSON.parse(await readAsync(p));'],
    ['new X(read(p));', 'new X(await readAsync(p));'],
    ['a ?? read(p);', 'a ?? await readAsync(p);'],
    ['`${read(p)}`;', '`${await readAsync(p)}`;'],
    ['!read(p);', '!await readAsync(p);'],
    ['typeof read(p);', 'typeof await readAsync(p);'],
    ['read(p) ** 2;', '(await readAsync(p)) ** 2;'],
    ['2 ** read(p);', '2 ** await readAsync(p);'],
    ['read(p)`x`;', '(await readAsync(p))`x`;'],
    ['read(p)();', '(await readAsync(p))();'],
    ['for (const f of read(p)) {}', 'for (const f of await readAsync(p)) {}'],
    ['(read(p)).length;', '(await readAsync(p)).length;'],
    ['const a = b;\nread(p).length;', 'const a = b;\n(await readAsync(p)).length;'],
    ['const a = b\nread(p).length', 'const a = b\n;(await readAsync(p)).length'],
    ['if (a) {}\nread(p).length', 'if (a) {}\n(await readAsync(p)).length'],
    ['x = {}\nread(p).length', 'x = {}\n;(await readAsync(p)).length'],
  ])('%s → %s', (code, expected) => {
    const wrapped = `async function f() {\n${code}\n}`;
    const output = rewrite(wrapped);
    expect(output).toBe(`async function f() {\n${expected}\n}`);
    expect(parses(output)).toBe(true);
  });

  it('wraps the operand of a TypeScript non-null assertion', () => {
    const output = rewrite('async function f() { read(p)!.length; }', { parser: 'typescript' });
    expect(output).toBe('async function f() { (await readAsync(p))!.length; }');
    expect(parses(output, { parser: 'typescript' })).toBe(true);
  });

  it('keeps `as` casts unparenthesised', () => {
    const output = rewrite('async function f() { const s = read(p) as string; }', { parser: 'typescript' });
    expect(output).toBe('async function f() { const s = await readAsync(p) as string; }');
  });
});
