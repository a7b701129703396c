import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { classifyUsage, isSameRoot, isWriteUsage, type RootUsage } from '../../src/loops/root-usage.js';
import { allNodes } from '../helpers/node-by-text.js';
import { withSourceCode } from '../helpers/lint-code.js';

/**
 * How the loop body of `code` uses `target` (an outer variable name, or `this`): the usage at its
 * first occurrence inside the loop. `k`, `i` and `x` are the loop's own variables.
 */
function usageOf(code: string, target: string): Pick<RootUsage, 'kind' | 'ordered' | 'straddles' | 'arrayAdd' | 'firstProperty'> {
  return withSourceCode(code, ({ sourceCode }) => {
    const nodes = allNodes(sourceCode);
    const loop = nodes.find((node) => node.type === AST_NODE_TYPES.ForOfStatement);
    if (!loop || loop.type !== AST_NODE_TYPES.ForOfStatement) throw new Error('no loop');
    const node = nodes.find(
      (candidate) =>
        candidate.range[0] >= loop.body.range[0] &&
        ((target === 'this' && candidate.type === AST_NODE_TYPES.ThisExpression) || (candidate.type === AST_NODE_TYPES.Identifier && candidate.name === target)),
    ) as TSESTree.Node;
    const scope = sourceCode.getScope(node);
    let reference = null;
    for (let current: typeof scope | null = scope; current && !reference; current = current.upper) {
      reference = current.references.find((candidate) => candidate.identifier === node) ?? null;
    }
    const loopLocal = (expression: TSESTree.Node): boolean =>
      nodes.some(
        (candidate) =>
          candidate.type === AST_NODE_TYPES.Identifier &&
          ['k', 'i', 'x'].includes(candidate.name) &&
          candidate.range[0] >= expression.range[0] &&
          candidate.range[1] <= expression.range[1],
      );
    const awaits = nodes.filter((candidate) => candidate.type === AST_NODE_TYPES.AwaitExpression);
    const usage = classifyUsage(node, target === 'this' ? 'this' : (reference?.resolved ?? target), reference?.isWrite() ?? false, {
      isLoopDependent: loopLocal,
      containsOwnAwait: (expression) => awaits.some((a) => a.range[0] >= expression.range[0] && a.range[1] <= expression.range[1]),
    });
    return { kind: usage.kind, ordered: usage.ordered, straddles: usage.straddles, arrayAdd: usage.arrayAdd, firstProperty: usage.firstProperty };
  });
}

const inLoop = (body: string) => `async function f(xs, out, total, obj, map, set, list, shared) { for (const x of xs) { const k = x.key; const i = x.i; ${body} } }`;

describe('classifyUsage', () => {
  it.each([
    ['out.push(x)', 'out', { kind: 'accumulate', ordered: true, arrayAdd: true }],
    ['out.unshift(x)', 'out', { kind: 'accumulate', ordered: true, arrayAdd: true }],
    ['set.add(x)', 'set', { kind: 'accumulate', ordered: false }],
    ['map.set(k, x)', 'map', { kind: 'accumulate', ordered: false }],
    ["map.set('last', x)", 'map', { kind: 'fixed-slot' }],
    ['map.delete(k)', 'map', { kind: 'accumulate' }],
    ['obj[k] = x', 'obj', { kind: 'accumulate' }],
    ['obj[k].done = true', 'obj', { kind: 'accumulate' }],
    ['obj.last = x', 'obj', { kind: 'fixed-slot', firstProperty: 'last' }],
    ['obj.count++', 'obj', { kind: 'accumulate' }],
    ['obj.text += x.text', 'obj', { kind: 'accumulate', ordered: true }],
    ['delete obj[k]', 'obj', { kind: 'accumulate' }],
    ['delete obj.last', 'obj', { kind: 'fixed-slot' }],
    ['Object.assign(obj, x)', 'obj', { kind: 'fixed-slot' }],
    ['Object.assign(x.a ? obj : shared, x)', 'obj', { kind: 'fixed-slot' }],
    ['total += 1', 'total', { kind: 'accumulate', ordered: false }],
    ['total += x.size', 'total', { kind: 'accumulate', ordered: true }],
    ['total -= x.size', 'total', { kind: 'accumulate', ordered: false }],
    ['total++', 'total', { kind: 'accumulate' }],
    ['total = x', 'total', { kind: 'assign' }],
    ['total ??= x', 'total', { kind: 'assign' }],
    ['[total] = x', 'total', { kind: 'assign' }],
    ['[obj.a] = x', 'obj', { kind: 'assign' }],
    ['list.sort()', 'list', { kind: 'assign' }],
    ['list.splice(0, 1)', 'list', { kind: 'assign' }],
    ['use(list)', 'list', { kind: 'passed' }],
    ['use(...list)', 'list', { kind: 'passed' }],
    ['use(list[i])', 'list', { kind: 'read' }],
    ['use(list.length)', 'list', { kind: 'read' }],
    ['list.includes(x)', 'list', { kind: 'read' }],
    ['this.prefix = x', 'this', { kind: 'fixed-slot', firstProperty: 'prefix' }],
    ['this.cache[k] = x', 'this', { kind: 'accumulate', firstProperty: 'cache' }],
    ['this.load(x)', 'this', { kind: 'read', firstProperty: null }],
    ['this.items.includes(x)', 'this', { kind: 'read', firstProperty: 'items' }],
    ['use(this.items)', 'this', { kind: 'passed', firstProperty: 'items' }],
  ])('%s uses %s as %o', (body, target, expected) => {
    expect(usageOf(inLoop(body), target)).toMatchObject(expected);
  });

  it('marks compound assignments that straddle an await', () => {
    expect(usageOf(inLoop('total += await size(x)'), 'total')).toMatchObject({ kind: 'accumulate', straddles: true });
    expect(usageOf(inLoop('total += size(x)'), 'total')).toMatchObject({ straddles: false });
  });
});

describe('isSameRoot and isWriteUsage', () => {
  const usage = (root: string, firstProperty: string | null, kind: RootUsage['kind'] = 'read'): RootUsage =>
    ({ root, firstProperty, kind, ordered: false, straddles: false, arrayAdd: false, effect: null, node: null }) as unknown as RootUsage;
  it('tells fields of `this` apart, except for methods and whole-object uses', () => {
    expect(isSameRoot(usage('this', 'a'), usage('this', 'b'))).toBe(false);
    expect(isSameRoot(usage('this', 'a'), usage('this', 'a'))).toBe(true);
    expect(isSameRoot(usage('this', 'a'), usage('this', null))).toBe(true);
    expect(isSameRoot(usage('global:a', 'x'), usage('global:a', 'y'))).toBe(true);
    expect(isSameRoot(usage('global:a', null), usage('global:b', null))).toBe(false);
  });
  it('knows which kinds write', () => {
    expect(isWriteUsage(usage('a', null, 'accumulate'))).toBe(true);
    expect(isWriteUsage(usage('a', null, 'fixed-slot'))).toBe(true);
    expect(isWriteUsage(usage('a', null, 'assign'))).toBe(true);
    expect(isWriteUsage(usage('a', null, 'passed'))).toBe(false);
    expect(isWriteUsage(usage('a', null, 'read'))).toBe(false);
  });
});
