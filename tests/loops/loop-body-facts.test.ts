import { describe, expect, it } from 'vitest';
import { collectLoopBodyFacts } from '../../src/loops/loop-body-facts.js';
import { getLoopShape } from '../../src/loops/loop-shape.js';
import { withFirstLoop } from '../helpers/loop-test-helpers.js';

const factsOf = (code: string) =>
  withFirstLoop(code, (node, sourceCode) => {
    const shape = getLoopShape(node);
    if (!shape) throw new Error('not a candidate loop');
    const facts = collectLoopBodyFacts(shape, sourceCode.visitorKeys);
    return {
      ownAwaits: facts.ownAwaits.map((awaitNode) => sourceCode.getText(awaitNode.argument)),
      calls: facts.calls.map(({ node: call, own, inCatch }) => `${sourceCode.getText(call.callee)}${own ? '' : ' (nested)'}${inCatch ? ' (catch)' : ''}`),
      thisCount: facts.thisNodes.length,
      continues: facts.continues.length,
      exits: facts.exits,
      hasYield: facts.hasYield,
      asyncLoops: facts.ownAsyncLoops.length,
      hasAwaitUsing: facts.hasAwaitUsing,
      labelUsed: facts.labelUsed,
      functionContext: facts.functionContext,
      declaresVar: facts.declaresVar,
      taggedTemplates: facts.taggedTemplates.length,
    };
  });

const wrap = (body: string, head = 'const x of xs') => `async function f(xs) { for (${head}) { ${body} } }`;

describe('collectLoopBodyFacts', () => {
  it('collects the awaits of the loop function only', () => {
    expect(factsOf(wrap('await a(x); run(async () => { await b(x); }); await c(await d(x));')).ownAwaits).toEqual(['a(x)', 'c(await d(x))', 'd(x)']);
  });

  it('collects calls, nested or in a catch', () => {
    expect(factsOf(wrap('try { await a(x); } catch { log(x); } list.forEach((y) => g(y));')).calls).toEqual(['a', 'log (catch)', 'list.forEach', 'g (nested)']);
  });

  it.each([
    ['return x;', true],
    ['break;', true],
    ['throw new Error();', false],
    ['try { throw new Error(); } catch {}', false],
    ['try { await g(); } catch (e) { throw e; }', true],
    ['try { throw new Error(); } finally {}', false],
    ['process.exit(1);', true],
    ['for (const y of x) { break; }', false],
    ['switch (x) { case 1: break; }', false],
    ['inner: { break inner; }', false],
    ['const g = () => { return 1; };', false],
    ['continue;', false],
  ])('%s exits the loop: %s', (body, exits) => {
    expect(factsOf(wrap(body)).exits).toBe(exits);
  });

  it('tells continues of this loop from those of inner loops and outer labels', () => {
    expect(factsOf(wrap('if (x) continue; for (const y of x) { continue; }')).continues).toBe(1);
    expect(factsOf(`async function f(xs) { each: for (const x of xs) { if (x) continue each; await g(x); } }`)).toMatchObject({ continues: 1, labelUsed: true });
    expect(factsOf('async function f(xs) { outer: while (xs) { for (const x of xs) { continue outer; } } }')).toMatchObject({ exits: true, continues: 0 });
  });

  it('notes what a callback cannot keep', () => {
    expect(factsOf('async function* f(xs) { for (const x of xs) { yield x; } }').hasYield).toBe(true);
    expect(factsOf(wrap('for await (const y of x) g(y);')).asyncLoops).toBe(1);
    expect(factsOf(wrap('await using r = await open(x);')).hasAwaitUsing).toBe(true);
    expect(factsOf(wrap('var y = x;')).declaresVar).toBe(true);
    expect(factsOf(wrap('function h() { var y = x; }')).declaresVar).toBe(false);
    expect(factsOf('class A extends B { async f(xs) { for (const x of xs) { await super.g(x); } } }').functionContext).toBe(true);
    expect(factsOf('function F(xs) { for (const x of xs) { g(new.target); } }').functionContext).toBe(true);
    expect(factsOf(wrap('g(this); h(() => this); k(function () { return this; });')).thisCount).toBe(2);
    expect(factsOf(wrap('await $`ls ${x}`;')).taggedTemplates).toBe(1);
  });

  it('looks at the test and update of counted loops', () => {
    expect(factsOf('async function f(n) { for (let i = 0; i < await count(); i++) { g(i); } }').ownAwaits).toEqual(['count()']);
  });
});
