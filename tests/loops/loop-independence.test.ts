import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import {
  analyzeLoopIndependence,
  hasSequentialOptOutComment,
  ReportedLoops,
  type LoopIndependenceOptions,
} from '../../src/loops/loop-independence.js';
import { getLoopShape } from '../../src/loops/loop-shape.js';
import { withFirstLoop } from '../helpers/loop-test-helpers.js';

const OPTIONS: LoopIndependenceOptions = {
  pacingCallees: ['sleep', 'delay', 'wait', 'setTimeout', 'throttle', 'backoff'],
  sequentialReceivers: ['tx', 'session', 'queue', 'cursor', 'stream'],
  delayCalls: new Set(),
  processCalls: new Set(),
  fileWriteCalls: new Set(),
  reportedLoops: new ReportedLoops(),
};

function verdict(code: string, options: Partial<LoopIndependenceOptions> = {}) {
  return withFirstLoop(code, (node, sourceCode) => {
    const shape = getLoopShape(node);
    if (!shape) throw new Error('not a candidate loop');
    const result = analyzeLoopIndependence(shape, sourceCode, { ...OPTIONS, ...options });
    if (!result.independent) return { reason: result.reason };
    return {
      firstAwait: sourceCode.getText(result.firstAwait),
      rewrite: result.rewrite,
      noRewriteReason: result.noRewriteReason,
      carried: result.phaseSplit?.carriedNames ?? null,
      declaration: result.phaseSplit?.declaration ? sourceCode.getText(result.phaseSplit.declaration.pattern) : null,
      pushTarget: result.phaseSplit?.pushTarget ? sourceCode.getText(result.phaseSplit.pushTarget) : null,
    };
  });
}

const loop = (body: string, head = 'const x of xs', params = 'xs, out, total, obj, state') => `async function f(${params}) { for (${head}) { ${body} } }`;

function withReported(loop: TSESTree.Node): ReportedLoops {
  const reported = new ReportedLoops();
  reported.add(loop);
  return reported;
}

describe('analyzeLoopIndependence: sequential loops', () => {
  it.each([
    ['no-await', loop('g(x);')],
    ['yield', 'async function* f(xs) { for (const x of xs) { yield await g(x); } }'],
    ['async-iteration', loop('for await (const y of source) out.push(y);', 'const x of xs', 'xs, out, source')],
    ['async-iteration', loop('for await (const y of read(x)) { await h(y); }')],
    ['async-iteration', loop('await using r = await open(x);')],
    ['early-exit', loop('if (await g(x)) break;')],
    ['early-exit', loop('const r = await g(x); if (r) return r;')],
    ['concurrent-batch', loop('await Promise.all(x.map(g));')],
    ['started-promises', loop('out.push(await x.promise);')],
    ['index-written', loop('await g(i); i++;', 'let i = 0; i < n; i++', 'n')],
    ['ordered-names', loop('await g(batch);', 'const batch of batches', 'batches')],
    ['pacing', loop('await g(x); await sleep(10);')],
    ['process-runner', loop('await spawnChild(x);')],
    ['process-runner', loop('await $`npm test ${x}`;')],
    ['prompt', loop('out[x] = await prompt(x);')],
    ['ordered-unit', loop('await runTask(x);')],
    ['transaction', loop('await tx.insert(x);', 'const x of xs', 'xs, tx')],
    ['transaction', loop('await save(tx, x);', 'const x of xs', 'xs, tx')],
    ['transaction', loop('await tx.user.create({ data: x });', 'const x of xs', 'xs, tx')],
    ['transaction', loop('await User.create(x, { transaction: t });', 'const x of xs', 'xs, t')],
    ['transaction', 'async function f(db, xs) { await db.$transaction(async (client) => { for (const x of xs) { await client.user.create({ data: x }); } }); }'],
    ['transaction', "async function f(client, xs) { await client.query('BEGIN'); for (const x of xs) { await client.query('INSERT', [x]); } await client.query('COMMIT'); }"],
    ['transaction', "async function f(db, xs) { await runTransaction(db, 'readwrite', async () => { for (const x of xs) { await put(x); } }); }"],
    ['shared-runner', 'class Q { async f(xs) { for (const x of xs) { await this.sequelize.query(x); } } }'],
    ['ordered-list', loop('await x.sync();', 'const x of xs.reverse()', 'xs')],
    ['ordered-list', 'async function f(xs) { xs.sort(byPriority); for (const x of xs) { await x.sync(); } }'],
    ['cascading-work', loop('await x.drop({ cascade: true });')],
    ['cascading-work', 'async function f(xs, options) { if (options.cascade) { for (const x of xs) { await x.drop(options); } } }'],
    ['scoped-resource', 'async function f(xs) { await withLock(async () => { for (const x of xs) { await load(x); } }); }'],
    ['deliberate', 'async function f(xs, ordered) { if (ordered) { for (const x of xs) { await load(x); } } else { await Promise.all(xs.map(load)); } }'],
    ['sequential-receiver', loop('await socket.send(x);', 'const x of xs', 'xs, socket')],
    ['sequential-receiver', 'class EventCursor { async f(xs, out) { for (const x of xs) { out.push(await this.decode(x)); } } }'],
    ['sequential-receiver', 'class WorkQueue { async f(xs, out) { for (const x of xs) { out.push(await track(this, x)); } } }'],
    ['shared-argument', loop('await walk(x, state);')],
    ['hidden-shared-write', `let last; async function g(x) { last = await h(x); } async function f(xs) { for (const x of xs) { await g(x); } }`],
    ['this-state', 'class A { async f(xs) { for (const x of xs) { await this.g(x); } } }'],
    ['calls-item', loop('await x(1);')],
    ['calls-item', loop('await x.setup();')],
    ['shared-file', loop('await writeFile(file, x);', 'const x of xs', 'xs, file')],
    ['loop-invariant-await', loop('await g(x); await flush();')],
    ['outer-assignment', loop('total = await g(x);')],
    ['iterable-written', loop('const more = await g(x); xs.push(...more);')],
    ['carried-dependency', loop('out.push(await g(x, out.length));')],
    ['ordered-effect', loop('obj.current = x; await g(x);')],
    ['deliberate', 'async function f(xs, p) { if (p) await Promise.all(xs.map(g)); else for (const x of xs) await g(x); }'],
  ])('%s: %s', (reason, code) => {
    expect(verdict(code)).toEqual({ reason });
  });

  it('takes delays and child processes resolved by the module tracker', () => {
    const code = loop('await g(x); await pause(x);');
    expect(verdict(code)).toMatchObject({ rewrite: 'plain' });
    withFirstLoop(code, (node, sourceCode) => {
      const shape = getLoopShape(node);
      if (!shape) throw new Error('not a candidate loop');
      const body = shape.body as TSESTree.BlockStatement;
      const second = body.body[1] as TSESTree.ExpressionStatement;
      const call = (second.expression as TSESTree.AwaitExpression).argument;
      expect(analyzeLoopIndependence(shape, sourceCode, { ...OPTIONS, delayCalls: new Set([call]) })).toEqual({ independent: false, reason: 'pacing' });
      expect(analyzeLoopIndependence(shape, sourceCode, { ...OPTIONS, processCalls: new Set([call]) })).toEqual({ independent: false, reason: 'process-runner' });
    });
  });

  it('leaves an outer loop alone when its only awaits are in a reported inner loop', () => {
    const code = 'async function f(gs) { for (const g of gs) { for (const x of g) { await h(x); } } }';
    withFirstLoop(code, (node, sourceCode) => {
      const outer = getLoopShape(node);
      const inner = (outer?.body as TSESTree.BlockStatement).body[0] as TSESTree.Node;
      if (!outer) throw new Error('no loop');
      expect(analyzeLoopIndependence(outer, sourceCode, { ...OPTIONS, reportedLoops: withReported(inner) })).toEqual({ independent: false, reason: 'only-in-reported-loop' });
      expect(analyzeLoopIndependence(outer, sourceCode, OPTIONS)).toMatchObject({ independent: true, rewrite: 'plain' });
    });
  });

  it('reports an outer loop with its own await, but offers no rewrite around a reported inner loop', () => {
    const code = 'async function f(gs) { for (const g of gs) { await open(g); for (const x of g) { await h(x); } } }';
    withFirstLoop(code, (node, sourceCode) => {
      const outer = getLoopShape(node);
      if (!outer) throw new Error('no loop');
      const inner = (outer.body as TSESTree.BlockStatement).body[1] as TSESTree.Node;
      expect(analyzeLoopIndependence(outer, sourceCode, { ...OPTIONS, reportedLoops: withReported(inner) })).toMatchObject({
        independent: true,
        rewrite: null,
        noRewriteReason: 'inner-reported-loop',
      });
    });
  });
});

describe('ReportedLoops', () => {
  it('knows the reported loops and the nodes around them, not the ones beside or inside', () => {
    const code = 'async function f(gs) { for (const g of gs) { for (const x of g) { for (const y of x) {} } } for (const z of gs) {} }';
    withFirstLoop(code, (node) => {
      const outer = node as TSESTree.ForOfStatement;
      const middle = (outer.body as TSESTree.BlockStatement).body[0] as TSESTree.ForOfStatement;
      const innermost = (middle.body as TSESTree.BlockStatement).body[0] as TSESTree.Node;
      const beside = ((outer.parent as TSESTree.BlockStatement).body[1]) as TSESTree.Node;
      const reported = withReported(middle);
      expect(reported.has(middle)).toBe(true);
      expect(reported.has(outer)).toBe(false);
      expect(reported.hasInside(outer)).toBe(true);
      expect(reported.hasInside(middle)).toBe(false);
      expect(reported.hasInside(innermost)).toBe(false);
      expect(reported.hasInside(beside)).toBe(false);
    });
  });
});

describe('analyzeLoopIndependence: independent loops', () => {
  it.each([
    [loop('await g(x);'), { firstAwait: 'await g(x)', rewrite: 'plain' }],
    [loop('if (!x) continue; const y = await g(x); obj[x.id] = y; total++;'), { rewrite: 'plain' }],
    [loop('const y = await g(x); out.push(y);'), { rewrite: 'phase-split', carried: [], declaration: 'y' }],
    [loop('out.push(await g(x));'), { rewrite: 'phase-split', carried: [], pushTarget: 'out' }],
    [loop('if (await g(x)) out.push(x);'), { rewrite: 'phase-split', carried: ['x'] }],
    [loop('total += await g(x);'), { rewrite: 'phase-split', carried: [] }],
    [loop('const y = await g(x); console.log(x, y);'), { rewrite: 'phase-split', carried: ['x'] }],
    [loop('out[k] = await g(v);', 'const [k, v] of Object.entries(obj)'), { rewrite: 'phase-split', carried: ['k'] }],
    [loop('if (x) { out.push(await g(x)); } else { out.push(null); }'), { rewrite: null, noRewriteReason: 'ordered-accumulation' }],
    [loop('const p = path(x); const d = await g(p); total = total + d;'), { rewrite: null, noRewriteReason: 'ordered-fold' }],
    [loop('const d = await g(x); total = total + d;'), { rewrite: 'phase-split', declaration: 'd' }],
    ["async function f(db, xs) { await runTransaction(db, 'readonly', async () => { for (const x of xs) { await get(x); } }); }", { rewrite: 'plain' }],
    [loop('await g(x);', 'const x in obj'), { rewrite: null, noRewriteReason: 'for-in' }],
    [loop('await g(x);', 'var x of xs'), { rewrite: null, noRewriteReason: 'var' }],
    [loop('await g(x, arguments[0]);'), { rewrite: null, noRewriteReason: 'function-context' }],
    [loop('await g(i);', 'let i = 1; i < n; i++', 'n'), { rewrite: null, noRewriteReason: 'counted-form' }],
    [loop('await g(i);', 'let i = 0; i < n; i++', 'n'), { rewrite: 'plain' }],
    ['async function f(xs) { each: for (const x of xs) { if (!x) continue each; await g(x); } }', { rewrite: null, noRewriteReason: 'label' }],
    [loop('try { await g(x); } catch (error) { console.error(error); }'), { rewrite: 'plain' }],
    [loop('await g(x).catch(() => console.log(x));'), { rewrite: 'plain' }],
  ])('%s', (code, expected) => {
    expect(verdict(code)).toMatchObject(expected);
  });

  it('reports on the first await that starts work', () => {
    expect(verdict(loop('await x.ready; await g(x);'))).toMatchObject({ firstAwait: 'await g(x)' });
  });

  it('replaces the default lists with given ones', () => {
    expect(verdict(loop('await g(x); await pause(x);'), { pacingCallees: ['pause'] })).toEqual({ reason: 'pacing' });
    expect(verdict(loop('await g(x); await sleep(x);'), { pacingCallees: ['pause'] })).toMatchObject({ rewrite: 'plain' });
    expect(verdict(loop('await pool.query(x);', 'const x of xs', 'xs, pool'), { sequentialReceivers: ['pool'] })).toEqual({ reason: 'sequential-receiver' });
  });
});

describe('hasSequentialOptOutComment', () => {
  const optedOut = (code: string) => withFirstLoop(code, (node, sourceCode) => hasSequentialOptOutComment(sourceCode, node));
  it.each([
    '// sequential\nfor (const x of xs) g(x);',
    'for (const x of xs) { // SEQUENTIAL: one at a time\n  g(x);\n}',
    '/* keep it sequential */ for (const x of xs) g(x);',
    '// sequential on purpose\nlabel: for (const x of xs) g(x);',
    '/*\n * sequential\n */\nfor (const x of xs) g(x);',
  ])('opts out: %s', (code) => {
    expect(optedOut(code)).toBe(true);
  });
  it.each(['// sequential\n\nfor (const x of xs) g(x);', 'for (const x of xs) {\n  // sequential\n  g(x);\n}', '// one at a time\nfor (const x of xs) g(x);'])('does not opt out: %s', (code) => {
    expect(optedOut(code)).toBe(false);
  });
});
