import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import {
  canCombineAwaits,
  getAwaitStatement,
  getCombinedAwaitFix,
} from '../../../src/rules/floating-task/promise-all-combine.js';
import { applyFixes, textFixer } from '../../helpers/apply-fixes.js';
import { parses, withSourceCode } from '../../helpers/lint-code.js';
import { allNodes } from '../../helpers/node-by-text.js';

/** Combines the first `await` (of something else) with the second (of `t`) in `code`. */
function combine(code: string, parser: 'espree' | 'typescript' = 'espree'): string | null {
  return withSourceCode(
    code,
    (context) => {
      const sourceCode = context.sourceCode;
      const [otherAwait, taskAwait] = allNodes(sourceCode).filter((node): node is TSESTree.AwaitExpression => node.type === AST_NODE_TYPES.AwaitExpression);
      const other = otherAwait && getAwaitStatement(otherAwait, sourceCode);
      const task = taskAwait && getAwaitStatement(taskAwait, sourceCode);
      if (!other || !task || !canCombineAwaits(task, other)) return null;
      return applyFixes(code, getCombinedAwaitFix(textFixer, sourceCode, 't', task, other) ?? []);
    },
    { parser },
  );
}

describe('getCombinedAwaitFix', () => {
  it.each([
    ['const t = p();\nconst b = await q();\nconst a = await t;', 'const t = p();\nconst [a, b] = await Promise.all([t, q()]);'],
    ['const t = p();\nawait q();\nawait t;', 'const t = p();\nawait Promise.all([t, q()]);'],
    ['const t = p();\nawait q();\nconst a = await t;', 'const t = p();\nconst [a] = await Promise.all([t, q()]);'],
    ['const t = p();\nconst { b } = await q();\nawait t;', 'const t = p();\nconst [, { b }] = await Promise.all([t, q()]);'],
    ['const t = p();\nlet b = await (x, q());\nlet [a] = await t;', 'const t = p();\nlet [[a], b] = await Promise.all([t, (x, q())]);'],
  ])('%s', (code, expected) => {
    const combined = combine(code);
    expect(combined).toBe(expected);
    expect(parses(combined ?? '')).toBe(true);
  });

  it.each([
    'const t = p();\nconst b = await q();\nlet a = await t;',
    'const t = p();\nif (c) { await q(); }\nawait t;',
    'const t = p();\nconst b = await q(), c = 1;\nawait t;',
    'const t = p();\nf(await q());\nawait t;',
  ])('does not combine %s', (code) => expect(combine(code)).toBeNull());

  it('does not combine declarations with type annotations', () => {
    expect(combine('const t = p();\nconst b: number = await q();\nawait t;', 'typescript')).toBeNull();
  });
});
