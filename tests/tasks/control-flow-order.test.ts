import { describe, expect, it } from 'vitest';
import { getRepeatingLoop } from '../../src/ast/loop-node.js';
import { getOwnerFunction, isInContinuation } from '../../src/tasks/control-flow-order.js';
import { withSourceCode } from '../helpers/lint-code.js';
import { nodeByText } from '../helpers/node-by-text.js';

/** Whether the call `b()` runs after the call `a()` on a path through it. */
function after(code: string): boolean {
  return withSourceCode(code, (context) =>
    isInContinuation(nodeByText(context.sourceCode, 'CallExpression', 'a()'), nodeByText(context.sourceCode, 'CallExpression', 'b()')),
  );
}

describe('isInContinuation', () => {
  it.each([
    'a(); b();',
    '{ a(); } b();',
    'if (x) { a(); } b();',
    'if (a()) { b(); }',
    'try { a(); } catch { b(); }',
    'try { a(); } finally { b(); }',
    'f(a(), b());',
    'x ? a() : 0; b();',
    'switch (a()) { case 1: b(); }',
    'for (const x of xs) { a(); } b();',
  ])('%s: b() follows a()', (code) => expect(after(code)).toBe(true));

  it.each([
    'b(); a();',
    'if (x) { a(); } else { b(); }',
    'x ? a() : b();',
    'switch (x) { case 1: a(); break; case 2: b(); }',
    'try { b(); } catch { a(); }',
    'f(b(), a());',
  ])('%s: b() does not follow a()', (code) => expect(after(code)).toBe(false));
});

describe('getOwnerFunction and getRepeatingLoop', () => {
  it('finds the function or program that runs a node', () => {
    withSourceCode('a(); function f() { b(); } class C { x = c(); }', (context) => {
      expect(getOwnerFunction(nodeByText(context.sourceCode, 'CallExpression', 'a()'))?.type).toBe('Program');
      expect(getOwnerFunction(nodeByText(context.sourceCode, 'CallExpression', 'b()'))?.type).toBe('FunctionDeclaration');
      expect(getOwnerFunction(nodeByText(context.sourceCode, 'CallExpression', 'c()'))).toBeNull();
    });
  });

  it('finds the loop that repeats a node, not one it only starts', () => {
    withSourceCode('for (let i = a(); i < b(); i++) { c(); } for (const x of d()) { e(); } while (f()) { (() => g())(); }', (context) => {
      const loopOf = (call: string) => getRepeatingLoop(nodeByText(context.sourceCode, 'CallExpression', call))?.type ?? null;
      expect([loopOf('a()'), loopOf('b()'), loopOf('c()'), loopOf('d()'), loopOf('e()'), loopOf('f()'), loopOf('g()')]).toEqual([
        null,
        'ForStatement',
        'ForStatement',
        null,
        'ForOfStatement',
        'WhileStatement',
        null,
      ]);
    });
  });
});

