import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { getExecutorRejection } from '../../src/promises/promise-executor.js';
import { withSourceCode } from '../helpers/lint-code.js';

function rejection(code: string): string {
  return withSourceCode(code, (context) => {
    const statement = context.sourceCode.ast.body.at(-1) as TSESTree.ExpressionStatement;
    return getExecutorRejection(statement.expression as TSESTree.NewExpression, context.sourceCode);
  });
}

describe('getExecutorRejection', () => {
  it.each([
    ['new Promise((resolve) => setTimeout(resolve, 10));', 'never'],
    ['new Promise(async (resolve) => resolve(await load()));', 'never'],
    ['let fail;\nnew Promise((resolve, reject) => { fail = reject; });', 'never'],
    ['new Promise((resolve, reject) => { pending.push({ resolve, reject }); });', 'never'],
    ['new Promise((resolve, reject) => read(path, (error, data) => (error ? reject(error) : resolve(data))));', 'forwarded'],
    ['new Promise((resolve, reject) => close((err) => { if (err) { log(err); reject(err); return; } resolve(); }));', 'forwarded'],
    ['new Promise((resolve, reject) => { if (!ready) reject(new Error("not ready")); resolve(); });', 'direct'],
    ['new Promise((resolve, reject) => stream.on("error", reject));', 'direct'],
    ['new Promise((resolve, reject) => read(path, (data, error) => (error ? reject(error) : resolve(data))));', 'direct'],
    ['new Promise((resolve, reject) => read((error) => reject(wrap(error))));', 'direct'],
    ['new Promise(executor);', 'direct'],
  ])('%s rejects: %s', (code, expected) => expect(rejection(code)).toBe(expected));
});
