import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { getForEachStatement, getForOfText, getMapAllFix } from '../../../src/rules/floating-task/foreach-rewrite.js';
import { applyFixes, textFixer } from '../../helpers/apply-fixes.js';
import { parses, withSourceCode } from '../../helpers/lint-code.js';

function rewrite(body: string): { forOf: string | null; mapAll: string | null } {
  const code = `async function main(xs) {\n  ${body}\n}`;
  return withSourceCode(code, (context) => {
    const fn = context.sourceCode.ast.body[0] as TSESTree.FunctionDeclaration;
    const statement = fn.body.body[0] as TSESTree.ExpressionStatement;
    const expression = statement.expression.type === AST_NODE_TYPES.ChainExpression ? statement.expression.expression : statement.expression;
    const forEach = getForEachStatement(expression as TSESTree.CallExpression);
    if (!forEach) return { forOf: null, mapAll: null };
    const mapAll = applyFixes(code, getMapAllFix(textFixer, forEach));
    return { forOf: getForOfText(context.sourceCode, forEach), mapAll: mapAll.split('\n')[1]?.trim() ?? null };
  });
}

describe('forEach rewrites', () => {
  it.each([
    ['xs.forEach(async (x) => { await save(x); });', 'for (const x of xs) { await save(x); }', 'await Promise.all(xs.map(async (x) => { await save(x); }));'],
    ['xs.forEach((x) => save(x));', 'for (const x of xs) await save(x);', 'await Promise.all(xs.map((x) => save(x)));'],
    ['xs.forEach(async (x) => await save(x));', 'for (const x of xs) await save(x);', 'await Promise.all(xs.map(async (x) => await save(x)));'],
    ['xs.forEach(async ({ id }) => { await drop(id); });', 'for (const { id } of xs) { await drop(id); }', 'await Promise.all(xs.map(async ({ id }) => { await drop(id); }));'],
    ['(a || b).forEach(async (x) => { await save(x); });', 'for (const x of (a || b)) { await save(x); }', 'await Promise.all((a || b).map(async (x) => { await save(x); }));'],
    ['xs.forEach(async function (x) { await save(x, () => { return 1; }); });', 'for (const x of xs) { await save(x, () => { return 1; }); }', 'await Promise.all(xs.map(async function (x) { await save(x, () => { return 1; }); }));'],
  ])('%s', (body, forOf, mapAll) => {
    const result = rewrite(body);
    expect(result).toEqual({ forOf, mapAll });
    expect(parses(`async function f(xs) { ${forOf} ${mapAll} }`)).toBe(true);
  });

  it.each([
    'xs.forEach(async (x, i) => { await save(x, i); });',
    'xs.forEach(async (x) => { if (!x) return; await save(x); });',
    'xs.forEach(async function (x) { await this.save(x); });',
    'xs.forEach(async function (x) { await save(arguments); });',
    'xs.forEach(async (x) => { await save(x); }, thisArg);',
  ])('offers no for...of for %s', (body) => expect(rewrite(body).forOf).toBeNull());

  it('only takes whole-statement calls with a function literal', () => {
    expect(rewrite('xs?.forEach(async (x) => { await save(x); });')).toEqual({ forOf: null, mapAll: null });
    expect(rewrite('xs.forEach(save);')).toEqual({ forOf: null, mapAll: null });
    expect(rewrite("xs['forEach'](async (x) => { await save(x); });")).toEqual({ forOf: null, mapAll: null });
  });
});
