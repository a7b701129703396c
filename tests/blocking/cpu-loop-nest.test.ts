import { isLoopNode } from '../../src/ast/loop-node.js';
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import {
  findCpuLoopNests,
  getLoopKeyword,
  hasLiteralBound,
  isOutermostLoop,
} from '../../src/blocking/cpu-loop-nest.js';
import { getRepeatingLoop, type LoopNode } from '../../src/ast/loop-node.js';
import { withSourceCode, type ParserName } from '../helpers/lint-code.js';

function collect(sourceCode: Readonly<TSESLint.SourceCode>, test: (node: TSESTree.Node) => boolean): TSESTree.Node[] {
  const found: TSESTree.Node[] = [];
  const visit = (node: TSESTree.Node): void => {
    if (test(node)) found.push(node);
    for (const key of sourceCode.visitorKeys[node.type] ?? []) {
      const value = (node as unknown as Record<string, unknown>)[key];
      for (const child of Array.isArray(value) ? value : [value]) {
        if (child && typeof child === 'object' && 'type' in child) visit(child as TSESTree.Node);
      }
    }
  };
  visit(sourceCode.ast);
  return found;
}

/** The nests found from every outermost loop, as `line:depth` strings. */
function nestsIn(code: string, minDepth = 2, parser: ParserName = 'espree'): string[] {
  return withSourceCode(
    code,
    (context) => {
      const sourceCode = context.sourceCode;
      const loops = collect(sourceCode, isLoopNode) as LoopNode[];
      return loops
        .filter(isOutermostLoop)
        .flatMap((loop) => findCpuLoopNests(loop, sourceCode.visitorKeys, minDepth))
        .map((nest) => `${nest.loop.loc.start.line}:${nest.depth}`);
    },
    { parser },
  );
}

function literalBounds(code: string, parser: ParserName = 'espree'): boolean[] {
  return withSourceCode(code, (context) => (collect(context.sourceCode, isLoopNode) as LoopNode[]).map(hasLiteralBound), { parser });
}

describe('hasLiteralBound', () => {
  it('accepts comparisons with numeric literals and loops over literal arrays and objects', () => {
    expect(
      literalBounds(
        [
          'for (let i = 0; i < 10; i++);',
          'for (let i = 10; 0 <= i; i--);',
          'for (let i = 0; i !== -1n; i++);',
          'for (const x of [1, 2, 3]);',
          'for (const k in { a: 1 });',
          'for (const k in [1, 2]);',
        ].join('\n'),
      ),
    ).toEqual([true, true, true, true, true, true]);
  });

  it('rejects data-dependent bounds', () => {
    expect(
      literalBounds(
        [
          'for (let i = 0; i < n; i++);',
          'for (let i = 0; i < a.length; i++);',
          'for (;;);',
          'for (let i = 0; i < 10 && go; i++);',
          'for (const x of xs);',
          'for (const x of [...xs]);',
          'for (const k in { ...o });',
          'while (i < 10);',
          'do ; while (i < 10);',
        ].join('\n'),
      ),
    ).toEqual([false, false, false, false, false, false, false, false, false]);
  });

  it('sees through TypeScript assertions on literal arrays', () => {
    expect(literalBounds('for (const x of [1, 2] as const);\nfor (const x of [1] satisfies number[]);', 'typescript')).toEqual([true, true]);
  });
});

describe('findCpuLoopNests', () => {
  it('reports a nest of data-bound loops once, on its outermost loop, with its depth', () => {
    expect(nestsIn('for (const a of as)\n  for (const b of bs) work(a, b);')).toEqual(['1:2']);
    expect(nestsIn('for (const a of as)\n  for (const b of bs)\n    for (const c of cs) work(a, b, c);')).toEqual(['1:3']);
  });

  it('ignores single loops and nests shallower than the minimum depth', () => {
    expect(nestsIn('for (const a of as) work(a);')).toEqual([]);
    expect(nestsIn('for (const a of as) for (const b of bs) work(a, b);', 3)).toEqual([]);
    expect(nestsIn('for (const a of as) for (const b of bs) for (const c of cs) work();', 3)).toEqual(['1:3']);
  });

  it('ignores nests whose loops all have literal bounds, but not a literal loop around data-bound ones', () => {
    expect(nestsIn('for (let i = 0; i < 8; i++) for (const x of [1, 2]) work(i, x);')).toEqual([]);
    expect(nestsIn('for (let i = 0; i < 8; i++) for (const x of xs) work(i, x);')).toEqual(['1:2']);
    expect(nestsIn('for (const x of xs) for (let i = 0; i < 8; i++) work(i, x);')).toEqual(['1:2']);
  });

  it('with a literal outer loop, needs enough data-bound depth below it', () => {
    // The chain through the literal loop is 3 long and holds a data-bound loop.
    expect(nestsIn('for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) for (const x of xs) work();', 3)).toEqual(['1:3']);
    expect(nestsIn('for (let i = 0; i < 3; i++) { for (let j = 0; j < 3; j++) work(); for (const x of xs) work(); }', 3)).toEqual([]);
  });

  it('moves down to the inner nest when the outer loop awaits', () => {
    const code = [
      'async function f() {',
      '  for (const batch of batches) {',
      '    await save(batch);',
      '    for (const a of batch)',
      '      for (const b of batch) compare(a, b);',
      '  }',
      '}',
    ].join('\n');
    expect(nestsIn(code)).toEqual(['4:2']);
  });

  it('treats await, yield, for await and await using as waiting', () => {
    expect(nestsIn('async function f() { for (const a of as) for (const b of bs) await g(a, b); }')).toEqual([]);
    expect(nestsIn('function* f() { for (const a of as) for (const b of bs) yield [a, b]; }')).toEqual([]);
    expect(nestsIn('async function f() { for (const a of as) for await (const b of bs) g(a, b); }')).toEqual([]);
    expect(nestsIn('async function f() { for (const a of as) for (const b of bs) { await using r = open(a, b); } }')).toEqual([]);
  });

  it('counts an await in an inner loop head for the outer loop, not in its own head', () => {
    expect(nestsIn('async function f() { for (const a of as) for (const b of await load(a)) g(a, b); }')).toEqual([]);
    expect(nestsIn('async function f() { for (const a of await loadAll()) for (const b of a) g(b); }')).toEqual(['1:2']);
  });

  it('does not look into nested functions or class bodies', () => {
    expect(nestsIn('for (const a of as) as.forEach((b) => { for (const c of cs) work(c); });')).toEqual([]);
    expect(nestsIn('for (const a of as) { class C { m() { for (const b of bs) work(b); } } }')).toEqual([]);
    // An await inside a nested function does not make the outer nest wait.
    expect(nestsIn('async function f() { for (const a of as) for (const b of bs) cb(async () => { await g(); }); }')).toEqual(['1:2']);
  });

  it('handles while and do...while loops', () => {
    expect(nestsIn('while (queue.length) { const x = queue.pop(); do step(x); while (x.next()); }')).toEqual(['1:2']);
  });
});

describe('getRepeatingLoop / isOutermostLoop', () => {
  const repeatingLoopOf = (code: string): string | null =>
    withSourceCode(code, (context) => {
      const [call] = collect(context.sourceCode, (node) => node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'target');
      const loop = call ? getRepeatingLoop(call) : null;
      return loop ? getLoopKeyword(loop) : null;
    });

  it('finds the loop that runs a node once per iteration', () => {
    expect(repeatingLoopOf('for (const x of xs) { if (x) target(); }')).toBe('for...of');
    expect(repeatingLoopOf('while (go) target();')).toBe('while');
    expect(repeatingLoopOf('for (let i = 0; i < target(); i++);')).toBe('for');
  });

  it('does not count a loop head that runs once, or a loop outside the nearest function', () => {
    expect(repeatingLoopOf('for (const x of target());')).toBeNull();
    expect(repeatingLoopOf('for (let i = target(); i < 3; i++);')).toBeNull();
    expect(repeatingLoopOf('for (const x of xs) run(() => target());')).toBeNull();
    expect(repeatingLoopOf('target();')).toBeNull();
  });

  it('knows which loops start an analysis', () => {
    const outermost = withSourceCode('for (const a of as) { for (const b of bs); run(() => { while (x); }); }', (context) =>
      (collect(context.sourceCode, isLoopNode) as LoopNode[]).map(isOutermostLoop),
    );
    expect(outermost).toEqual([true, false, true]);
  });
});

describe('getLoopKeyword', () => {
  it('names every loop kind', () => {
    const names = withSourceCode(
      'async function f() { for (;;); for (const a of b); for await (const a of b); for (const k in o); while (x); do ; while (x); }',
      (context) => (collect(context.sourceCode, isLoopNode) as LoopNode[]).map(getLoopKeyword),
    );
    expect(names).toEqual(['for', 'for...of', 'for await...of', 'for...in', 'while', 'do...while']);
  });
});
