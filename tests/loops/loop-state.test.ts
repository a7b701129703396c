import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import type { LoopState } from '../../src/loops/loop-state.js';
import { loop, withLoopState } from '../helpers/with-loop-state.js';

const variableNamed = (state: LoopState, name: string) =>
  state.references.find((reference) => reference.identifier.name === name)?.resolved ?? null;

describe('LoopState', () => {
  it('tells the item and the iteration\'s own variables from outer ones', () => {
    withLoopState(loop('const y = await g(x); out.push(y);'), (state) => {
      const [x, y, out] = ['x', 'y', 'out'].map((name) => variableNamed(state, name));
      if (!x || !y || !out) throw new Error('unresolved');
      expect([state.isItemVariable(x), state.isIterationVariable(x)]).toEqual([true, true]);
      expect([state.isItemVariable(y), state.isIterationVariable(y)]).toEqual([false, true]);
      expect([state.isItemVariable(out), state.isIterationVariable(out)]).toEqual([false, false]);
    });
  });

  it('classifies how the body uses outer state', () => {
    withLoopState(loop('const y = await g(x, out.length); out.push(y); console.log(y);'), (state) => {
      expect(state.bodyUsages.map((usage) => `${usage.node.type === AST_NODE_TYPES.Identifier ? usage.node.name : 'this'}:${usage.kind}`)).toEqual([
        'g:read',
        'out:read',
        'out:accumulate',
        'console:read',
      ]);
      expect(state.writtenUsages).toHaveLength(1);
      expect(state.readsOfWritten).toHaveLength(1);
      expect(state.orderedWrites).toHaveLength(1);
      expect(state.outputCalls.map((call) => state.sourceCode.getText(call.callee))).toEqual(['console.log']);
    });
  });

  it('knows which calls the item\'s work awaits', () => {
    withLoopState(loop('await g(h(x)); k(x);'), (state) => {
      const calls = state.facts.calls.map(({ node }) => node);
      expect(calls.map((call) => [state.sourceCode.getText(call.callee), state.isAwaited(call)])).toEqual([
        ['g', true],
        ['h', true],
        ['k', false],
      ]);
      expect(state.isLoopDependent(calls[1] as TSESTree.Node)).toBe(true);
    });
  });

  it('sees the loop function\'s `arguments`, not that of a function inside the loop', () => {
    expect(withLoopState(loop('await g(x, arguments[0]);'), (state) => state.usesArguments())).toBe(true);
    expect(withLoopState(loop('await g(function () { return arguments[0]; });'), (state) => state.usesArguments())).toBe(false);
  });

  it.each([
    ['a fold after the last await', loop('const d = await g(x); total = total.concat(d);'), ['total']],
    ['no fold when the old value is not read', loop('const d = await g(x); total = d;'), []],
    ['no fold when the variable is used before the await', loop('total = total + x; await g(x, total);'), []],
    ['no fold when the right side reads another variable', loop('const d = await g(x); total = obj.concat(d);'), []],
    ['no fold inside a callback', loop('const d = await g(x); later(() => { total = total + d; });'), []],
  ])('folds: %s', (_name, code, expected) => {
    expect(withLoopState(code, (state) => state.folds.map((usage) => state.sourceCode.getText(usage.node)))).toEqual(expected);
  });

  it('does not count a method of a folded string as output', () => {
    withLoopState('async function f(xs, output) { for (const x of xs) { const d = await g(x); output = output.replace(x, d); } }', (state) => {
      expect(state.folds).toHaveLength(1);
      expect(state.outputCalls).toEqual([]);
    });
  });
});
