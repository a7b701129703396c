import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { getStaticStringOf } from '../../src/ast/static-string.js';
import { withSourceCode } from '../helpers/lint-code.js';

const firstArgument = (code: string): string | null =>
  withSourceCode(code, ({ sourceCode }) => {
    const call = (sourceCode.ast.body[0] as TSESTree.ExpressionStatement).expression as TSESTree.CallExpression;
    return getStaticStringOf(call.arguments[0]);
  });

describe('getStaticStringOf', () => {
  it.each([
    ["require('fs');", 'fs'],
    ['require(`node:fs`);', 'node:fs'],
    ['require(`node:${name}`);', null],
    ['require(name);', null],
    ['require();', null],
  ])('%s -> %s', (code, expected) => expect(firstArgument(code)).toBe(expected));
});
