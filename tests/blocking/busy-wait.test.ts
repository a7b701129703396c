import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { isBusyWaitLoop, type BusyWaitLoop } from '../../src/blocking/busy-wait.js';
import { findGlobalMemberCalls } from '../../src/scope/global-member-calls.js';
import { withSourceCode, type ParserName } from '../helpers/lint-code.js';

const LOOP_TYPES = new Set<string>([AST_NODE_TYPES.WhileStatement, AST_NODE_TYPES.DoWhileStatement, AST_NODE_TYPES.ForStatement]);

/**
 * Whether the first loop of `code` is a busy-wait, with `Date.now` / `performance.now` as the
 * clock (`everyCallIsClock`: with every call taken for one, the cheap first look of the rule).
 */
function isBusyWait(code: string, parser: ParserName = 'espree', everyCallIsClock = false): boolean {
  return withSourceCode(
    code,
    ({ sourceCode }) => {
      const clocks = new Set<TSESTree.Node>(
        findGlobalMemberCalls(sourceCode, { Date: { now: true }, performance: { now: true } }).map(({ node }) => node),
      );
      let loop: BusyWaitLoop | undefined;
      const visit = (node: TSESTree.Node): void => {
        if (loop) return;
        if (LOOP_TYPES.has(node.type)) {
          loop = node as BusyWaitLoop;
          return;
        }
        for (const key of sourceCode.visitorKeys[node.type] ?? []) {
          const value = (node as unknown as Record<string, unknown>)[key];
          for (const child of Array.isArray(value) ? value : [value]) {
            if (child && typeof child === 'object' && 'type' in child) visit(child as TSESTree.Node);
          }
        }
      };
      visit(sourceCode.ast);
      if (!loop) throw new Error('no loop in test code');
      return isBusyWaitLoop(loop, (call) => everyCallIsClock || clocks.has(call));
    },
    { parser },
  );
}

describe('isBusyWaitLoop', () => {
  it.each([
    'const end = Date.now() + ms; while (Date.now() < end) {}',
    'while (Date.now() - start < ms);',
    'for (const start = Date.now(); Date.now() - start < ms;) {}',
    'do {} while (performance.now() < deadline);',
    'while (true) { if (Date.now() >= end) break; }',
    'for (;;) { if (performance.now() - start > ms) { break; } }',
    'let now = Date.now(); while (now < end) { now = Date.now(); }',
    'let spins = 0; while (Date.now() < end) { spins++; }',
    'while (!(Date.now() >= end)) { const t = Date.now(); }',
  ])('reports %s', (code) => {
    expect(isBusyWait(code)).toBe(true);
    // Taking every call for a clock never loses a busy wait (the rule looks for the clocks only then).
    expect(isBusyWait(code, 'espree', true)).toBe(true);
  });

  it.each([
    ['no call at all', 'for (let i = 0; i < n; i++) { sum += values[i]; }'],
    ['an await', 'async function f() { while (check() < end) { await sleep(10); } }'],
    ['a property write', 'while (tick() < end) { state.spins++; }'],
  ])('is no busy wait, whatever the calls are, with %s', (_title, code) => {
    expect(isBusyWait(code, 'espree', true)).toBe(false);
  });

  it('sees through TypeScript expression wrappers', () => {
    expect(isBusyWait('while ((Date.now() as number) < end!) {}', 'typescript')).toBe(true);
  });

  it.each([
    ['an await in the body', 'async function f() { while (Date.now() < end) { await sleep(10); } }'],
    ['another call in the body', 'while (Date.now() < end) { work(); }'],
    ['another call in the test', 'while (Date.now() < end && !isDone()) {}'],
    ['a write to a property', 'while (Date.now() < end) { state.spins++; }'],
    ['a comparison that is not about time', 'for (let i = 0; i < n; i++) { last = Date.now(); }'],
    ['no clock in the loop', 'const end = Date.now() + 5; while (i < end) { i++; }'],
    ['a clock that is not the global', 'function f(Date) { while (Date.now() < end) {} }'],
    ['an equality test', 'while (Date.now() !== end) {}'],
    ['a yield', 'function* g() { while (Date.now() < end) { yield; } }'],
    ['a new expression', 'while (Date.now() < end) { x = new Thing(); }'],
    ['a function in the body', 'while (Date.now() < end) { x = () => 1; }'],
  ])('does not report a loop with %s', (_title, code) => {
    expect(isBusyWait(code)).toBe(false);
  });
});
