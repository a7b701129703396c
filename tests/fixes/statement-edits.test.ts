import { getAsiGuard } from '../../src/fixes/asi.js';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import {
  getIndent,
  getMethodCallText,
  getPrefixedText,
  insertAfterStatement,
  insertAtBlockEnd,
  removeStatement,
} from '../../src/fixes/statement-edits.js';
import { applyFixes, textFixer } from '../helpers/apply-fixes.js';
import { parses, withSourceCode } from '../helpers/lint-code.js';

function expressionOf(code: string, index: number, inspect: (node: TSESTree.Expression, sourceCode: Readonly<TSESLint.SourceCode>) => string): string {
  return withSourceCode(code, (context) => inspect((context.sourceCode.ast.body[index] as TSESTree.ExpressionStatement).expression, context.sourceCode));
}

describe('getPrefixedText and getMethodCallText', () => {
  it.each([
    ['p();', 'await p()', 'p().catch(h)'],
    ['a && p();', 'await (a && p())', '(a && p()).catch(h)'],
    ['c ? p() : q();', 'await (c ? p() : q())', '(c ? p() : q()).catch(h)'],
    ['(a, p());', 'await (a, p())', '(a, p()).catch(h)'],
    ['new Promise(f);', 'await new Promise(f)', 'new Promise(f).catch(h)'],
    ['new Thing;', 'await new Thing', '(new Thing).catch(h)'],
    ['x;', 'await x', 'x.catch(h)'],
  ])('%s', (code, awaited, caught) => {
    expect(expressionOf(code, 0, (node, sourceCode) => getPrefixedText(sourceCode, node, 'await'))).toBe(awaited);
    expect(expressionOf(code, 0, (node, sourceCode) => getMethodCallText(sourceCode, node, 'catch', 'h'))).toBe(caught);
    expect(parses(`async function f() { ${awaited}; ${caught}; }`)).toBe(true);
  });
});

describe('statement edits', () => {
  const code = 'function f() {\n  const t = p();\n  work();\n  return 1;\n}\ng()\n(h)';
  it('inserts at the end of a block, before a final return', () => {
    withSourceCode(code, (context) => {
      const fn = context.sourceCode.ast.body[0] as TSESTree.FunctionDeclaration;
      const declaration = fn.body.body[0] as TSESTree.Node;
      expect(getIndent(context.sourceCode, declaration)).toBe('  ');
      expect(applyFixes(code, insertAtBlockEnd(textFixer, context.sourceCode, declaration, 'await t;'))).toBe(
        'function f() {\n  const t = p();\n  work();\n  await t;\n  return 1;\n}\ng()\n(h)',
      );
      expect(applyFixes(code, insertAfterStatement(textFixer, context.sourceCode, declaration, 't.catch(() => {});'))).toBe(
        'function f() {\n  const t = p();\n  t.catch(() => {});\n  work();\n  return 1;\n}\ng()\n(h)',
      );
      expect(applyFixes(code, removeStatement(textFixer, context.sourceCode, fn.body.body[1] as TSESTree.Node))).toBe(
        'function f() {\n  const t = p();\n  return 1;\n}\ng()\n(h)',
      );
    });
  });

  it('refuses positions outside a block and spots ASI hazards', () => {
    withSourceCode('if (x) y();\na()\nb;', (context) => {
      const ifStatement = context.sourceCode.ast.body[0] as TSESTree.IfStatement;
      expect(insertAtBlockEnd(textFixer, context.sourceCode, ifStatement.consequent, 'z;')).toBeNull();
      expect(insertAfterStatement(textFixer, context.sourceCode, ifStatement.consequent, 'z;')).toBeNull();
      const expressionOf = (index: number) => (context.sourceCode.ast.body[index] as TSESTree.ExpressionStatement).expression;
      expect(getAsiGuard(context.sourceCode, expressionOf(2))).toBe(';');
      expect(getAsiGuard(context.sourceCode, expressionOf(1))).toBe('');
    });
  });
});
