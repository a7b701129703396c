import { describe, expect, it } from 'vitest';
import { getLoopShape } from '../../src/loops/loop-shape.js';
import { isLoopNode } from '../../src/ast/loop-node.js';
import { withFirst, withFirstLoop } from '../helpers/loop-test-helpers.js';

const shapeOf = (code: string) =>
  withFirstLoop(code, (node, sourceCode) => {
    const shape = getLoopShape(node);
    if (!shape) return null;
    return {
      kind: shape.kind,
      declarationKind: shape.declarationKind,
      binding: sourceCode.getText(shape.binding),
      iterable: shape.iterable ? sourceCode.getText(shape.iterable) : null,
      counted: shape.counted
        ? { end: sourceCode.getText(shape.counted.end), inclusive: shape.counted.inclusive, step: shape.counted.step, isSimple: shape.counted.isSimple }
        : null,
      label: shape.label?.label.name ?? null,
    };
  });

describe('getLoopShape', () => {
  it('reads for...of loops with any binding pattern', () => {
    expect(shapeOf('for (const [k, { v }] of Object.entries(o)) f(k, v);')).toEqual({
      kind: 'for-of',
      declarationKind: 'const',
      binding: '[k, { v }]',
      iterable: 'Object.entries(o)',
      counted: null,
      label: null,
    });
    expect(shapeOf('each: for (let x of xs) f(x);')).toMatchObject({ kind: 'for-of', declarationKind: 'let', label: 'each' });
    expect(shapeOf('for (var x in o) f(x);')).toMatchObject({ kind: 'for-in', declarationKind: 'var', binding: 'x', iterable: 'o' });
  });

  it.each([
    ['for (let i = 0; i < n; i++) f(i);', { end: 'n', inclusive: false, step: 1, isSimple: true }],
    ['for (let i = 0; i < xs.length; ++i) f(i);', { end: 'xs.length', inclusive: false, step: 1, isSimple: true }],
    ['for (let i = 0; i < n; i += 1) f(i);', { end: 'n', inclusive: false, step: 1, isSimple: true }],
    ['for (let i = 1; i < n; i++) f(i);', { end: 'n', inclusive: false, step: 1, isSimple: false }],
    ['for (let i = 0; i <= n; i++) f(i);', { end: 'n', inclusive: true, step: 1, isSimple: false }],
    ['for (let i = 0; i < n; i += 2) f(i);', { end: 'n', inclusive: false, step: 2, isSimple: false }],
    ['for (let i = 0, len = xs.length; i < len; i++) f(i);', { end: 'len', inclusive: false, step: 1, isSimple: false }],
  ])('reads the counted loop %s', (code, counted) => {
    expect(shapeOf(code)).toMatchObject({ kind: 'counted', binding: 'i', counted });
  });

  it.each([
    'async function f(s) { for await (const x of s) f(x); }',
    'for (x of xs) f(x);',
    'for (const a = 1, b = 2; ;) f();',
    'for (let i = n; i > 0; i--) f(i);',
    'for (let i = 0; i < n; i--) f(i);',
    'for (let i = 0; n > i; i++) f(i);',
    'for (let i = 0; i < n; j++) f(i);',
    'for (;;) f();',
    'for (i = 0; i < n; i++) f(i);',
  ])('is not a candidate: %s', (code) => {
    expect(shapeOf(code)).toBeNull();
  });

  it('leaves `using` bindings alone', () => {
    expect(withFirst('for (using r of rs) f(r);', 'ForOfStatement', (node) => getLoopShape(node), { parser: 'typescript' })).toBeNull();
  });

  it('knows loop nodes', () => {
    expect(withFirst('while (a) f();', 'WhileStatement', (node) => isLoopNode(node))).toBe(true);
    expect(withFirst('switch (a) {}', 'SwitchStatement', (node) => isLoopNode(node))).toBe(false);
  });
});
