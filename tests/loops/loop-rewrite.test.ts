import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { analyzeLoopIndependence, ReportedLoops } from '../../src/loops/loop-independence.js';
import { getLoopRewrite, getResultName, type ConcurrencyRunner } from '../../src/loops/loop-rewrite.js';
import { getLoopShape } from '../../src/loops/loop-shape.js';
import { applyFixes } from '../helpers/apply-fixes.js';
import { parses, type LintCodeOptions } from '../helpers/lint-code.js';
import { withFirst, withFirstLoop } from '../helpers/loop-test-helpers.js';

const OPTIONS = {
  pacingCallees: ['sleep'],
  sequentialReceivers: ['tx'],
  delayCalls: new Set<TSESTree.Node>(),
  processCalls: new Set<TSESTree.Node>(),
  fileWriteCalls: new Set<TSESTree.Node>(),
  reportedLoops: new ReportedLoops(),
};

/** The whole file after the first loop's rewrite, or null when it has none. */
function rewritten(code: string, runner: ConcurrencyRunner = { kind: 'promise-all' }, iterableIsArray = false, parse: LintCodeOptions = {}): string | null {
  return withFirstLoop(
    code,
    (node, sourceCode) => {
      const shape = getLoopShape(node);
      if (!shape) throw new Error('not a candidate loop');
      const result = analyzeLoopIndependence(shape, sourceCode, OPTIONS);
      if (!result.independent) throw new Error(`sequential: ${result.reason}`);
      const rewrite = getLoopRewrite(sourceCode, shape, result, { runner, iterableIsArray });
      if (!rewrite) return null;
      return applyFixes(sourceCode.text, rewrite);
    },
    parse,
  );
}

const PMAP: ConcurrencyRunner = { kind: 'limited', reference: 'pMap', limit: 4 };

describe('getLoopRewrite', () => {
  it.each([
    // Plain body.
    ['async function f(xs) { for (const x of xs) { await g(x); } }', 'async function f(xs) { await Promise.all(Array.from(xs, async (x) => { await g(x); })); }'],
    ['async function f(xs) { for (const x of xs) await g(x); }', 'async function f(xs) { await Promise.all(Array.from(xs, async (x) => { await g(x); })); }'],
    ['async function f(xs) { for (let { a = 1, ...rest } of xs) { a++; await g(a, rest); } }', 'async function f(xs) { await Promise.all(Array.from(xs, async ({ a = 1, ...rest }) => { a++; await g(a, rest); })); }'],
    ['async function f(a, b) { for (const x of (a, b)) { await g(x); } }', 'async function f(a, b) { await Promise.all(Array.from((a, b), async (x) => { await g(x); })); }'],
    ['async function f(n) { for (let i = 0; i < n; i++) { await g(i); } }', 'async function f(n) { await Promise.all(Array.from({ length: n }, async (_, i) => { await g(i); })); }'],
    // Split.
    ['async function f(xs, out) { for (const x of xs) { const y = await g(x); out.push(y); } }', 'async function f(xs, out) { for (const y of await Promise.all(Array.from(xs, async (x) => g(x)))) { out.push(y); } }'],
    ['async function f(xs, out) { for (const x of xs) { const { a } = await g(x); out.push(a, x); } }', 'async function f(xs, out) { for (const { x, value: { a } } of await Promise.all(Array.from(xs, async (x) => ({ x, value: await g(x) })))) { out.push(a, x); } }'],
    ['async function f(xs, out) { for (const [value, n] of xs) { out.push(n, await g(value)); } }', 'async function f(xs, out) { for (const { n, result } of await Promise.all(Array.from(xs, async ([value, n]) => ({ n, result: await g(value) })))) { out.push(n, result); } }'],
    ['async function f(xs, out) { for (const [value, n] of xs) { const r = await g(value); out.push(n, value, r); } }', 'async function f(xs, out) { for (const { value, n, r } of await Promise.all(Array.from(xs, async ([value, n]) => ({ value, n, r: await g(value) })))) { out.push(n, value, r); } }'],
    ['async function f(xs, out) { for (const x of xs) { const o = await g(x); out.push(o); } }', 'async function f(xs, out) { for (const o of await Promise.all(Array.from(xs, async (x) => g(x)))) { out.push(o); } }'],
    ['async function f(xs, out) { for (const x of xs) { const y = await { a: x }; out.push(y); } }', 'async function f(xs, out) { for (const y of await Promise.all(Array.from(xs, async (x) => ({ a: x })))) { out.push(y); } }'],
    ['async function f(n, out) { for (let i = 0; i < n; i++) { const y = await g(i); out.push(y, i); } }', 'async function f(n, out) { for (const { i, y } of await Promise.all(Array.from({ length: n }, async (_, i) => ({ i, y: await g(i) })))) { out.push(y, i); } }'],
  ])('rewrites %s', (code, expected) => {
    expect(rewritten(code)).toBe(expected);
    expect(parses(expected)).toBe(true);
  });

  it('uses `.map` on known arrays, with parentheses where needed', () => {
    expect(rewritten('async function f(xs) { for (const x of xs) await g(x); }', undefined, true)).toBe('async function f(xs) { await Promise.all(xs.map(async (x) => { await g(x); })); }');
    expect(rewritten('async function f(a, b) { for (const x of a ?? b) await g(x); }', undefined, true)).toBe('async function f(a, b) { await Promise.all((a ?? b).map(async (x) => { await g(x); })); }');
    expect(rewritten('async function f(a) { for (const x of a?.list) await g(x); }', undefined, true)).toBe('async function f(a) { await Promise.all((a?.list).map(async (x) => { await g(x); })); }');
  });

  it('rewrites to a limited mapper', () => {
    expect(rewritten('async function f(xs) { for (const x of xs) { await g(x); } }', PMAP)).toBe('async function f(xs) { await pMap(xs, async (x) => { await g(x); }, { concurrency: 4 }); }');
    expect(rewritten('async function f(n) { for (let i = 0; i < n; i++) await g(i); }', PMAP)).toBe('async function f(n) { await pMap(Array.from({ length: n }, (_, i) => i), async (i) => { await g(i); }, { concurrency: 4 }); }');
    expect(rewritten('async function f(xs, out) { for (const x of xs) { const y = await g(x); out.push(y); } }', PMAP)).toBe('async function f(xs, out) { for (const y of await pMap(xs, async (x) => g(x), { concurrency: 4 })) { out.push(y); } }');
  });

  it('removes the split statement together with its line', () => {
    const code = 'async function f(xs, out) {\n  for (const x of xs) {\n    // first\n    const y = await g(x);\n    out.push(y); // keep\n  }\n}';
    expect(rewritten(code)).toBe('async function f(xs, out) {\n  for (const y of await Promise.all(Array.from(xs, async (x) => g(x)))) {\n    // first\n    out.push(y); // keep\n  }\n}');
  });

  it('drops the type annotation of a split declaration', () => {
    const code = 'async function f(xs: string[], out: number[]) { for (const x of xs) { const y: number = await g(x); out.push(y); } }';
    const expected = 'async function f(xs: string[], out: number[]) { for (const y of await Promise.all(Array.from(xs, async (x) => g(x)))) { out.push(y); } }';
    expect(rewritten(code, undefined, false, { parser: 'typescript' })).toBe(expected);
    expect(parses(expected, { parser: 'typescript' })).toBe(true);
  });

  it('has no rewrite for loops reported without one', () => {
    expect(rewritten('async function f(o) { for (const k in o) await g(k); }')).toBeNull();
  });
});

describe('getResultName', () => {
  const nameFor = (code: string) => withFirst(code, 'AwaitExpression', (node, sourceCode) => getResultName(sourceCode, (node as TSESTree.AwaitExpression).argument));
  it.each([
    ['async function f(id) { await getUser(id); }', 'user'],
    ['async function f(id) { await api.fetchOrderLines(id); }', 'orderLines'],
    ['async function f(p) { await readFile(p); }', 'result'],
    ['async function f(id) { await fetchOne(id); }', 'result'],
    ['async function f(id) { await getDefault(id); }', 'result'],
    ['async function f(id) { await load(id); }', 'result'],
    ['async function f(id) { await p; }', 'result'],
    ['async function f(id) { const user = 1; await getUser(id); }', 'user2'],
    ['async function f(id) { const result = 1, result2 = 2; await g(id); }', 'result3'],
  ])('names the value of %s', (code, name) => {
    expect(nameFor(code)).toBe(name);
  });
});
