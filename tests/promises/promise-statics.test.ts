import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { getPromiseStatic, isNewPromise } from '../../src/promises/promise-statics.js';
import { withSourceCode } from '../helpers/lint-code.js';

function last<T>(code: string, inspect: (node: TSESTree.Expression, sourceCode: Parameters<typeof getPromiseStatic>[1]) => T): T {
  return withSourceCode(code, (context) => inspect((context.sourceCode.ast.body.at(-1) as TSESTree.ExpressionStatement).expression, context.sourceCode));
}

describe('getPromiseStatic / isNewPromise', () => {
  it('names static calls of the global Promise', () => {
    expect(last('Promise.all([]);', getPromiseStatic)).toBe('all');
    expect(last("Promise['withResolvers']();", getPromiseStatic)).toBe('withResolvers');
    expect(last('const Promise = lib;\nPromise.all([]);', getPromiseStatic)).toBeNull();
    expect(last('other.all([]);', getPromiseStatic)).toBeNull();
  });

  it('recognises new Promise only for the global', () => {
    expect(last('new Promise(() => {});', isNewPromise)).toBe(true);
    expect(last('class Promise {}\nnew Promise(() => {});', isNewPromise)).toBe(false);
    expect(last('new Other(() => {});', isNewPromise)).toBe(false);
  });
});
