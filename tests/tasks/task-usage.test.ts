import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { getOwnerFunction } from '../../src/tasks/control-flow-order.js';
import {
  findLateAwait,
  findUncaughtThrowInLoop,
  getAwaitPoint,
  getObservingReferences,
  getReferenceUse,
  getStoreReceiverNames,
  getStoringNode,
  type AwaitPoint,
  type TaskHolder,
} from '../../src/tasks/task-usage.js';
import { withSourceCode } from '../helpers/lint-code.js';
import { allNodes } from '../helpers/node-by-text.js';

function variableNamed(sourceCode: Readonly<TSESLint.SourceCode>, name: string): TSESLint.Scope.Variable {
  for (const node of allNodes(sourceCode)) {
    if (node.type !== AST_NODE_TYPES.VariableDeclarator) continue;
    const variable = sourceCode.getDeclaredVariables(node).find((candidate) => candidate.name === name);
    if (variable) return variable;
  }
  throw new Error(`no variable ${name}`);
}

/** The use of each read of `t` in `code`. */
function uses(code: string, holder: TaskHolder = 'promise'): string[] {
  return withSourceCode(code, (context) =>
    variableNamed(context.sourceCode, 't')
      .references.filter((reference) => !reference.init)
      .map((reference) => getReferenceUse(reference, holder)),
  );
}

describe('getReferenceUse', () => {
  it('tells observing reads from mere looks', () => {
    expect(uses('const t = p(); await t; f(t); const o = { t }; t.then(g); void t; x = t; export { t };')).toEqual([
      'observe', 'observe', 'observe', 'observe', 'observe', 'observe', 'observe',
    ]);
    expect(uses('const t = p(); if (t) {} t === x; `${t}`; t; !t; typeof t; (a ? b : c) ? t : 1;')).toEqual([
      'ignore', 'ignore', 'ignore', 'ignore', 'ignore', 'ignore', 'ignore',
    ]);
    expect(uses('async function f() { const t = p(); await (x || t); return c ? t : null; }')).toEqual(['observe', 'observe']);
  });

  it('sees stores into collections and element reads', () => {
    expect(uses('const t = []; t.push(p()); t.unshift(p()); t.length; t.a = p(); await t[0]; t[1]; t.forEach(f);', 'collection')).toEqual([
      'store', 'store', 'ignore', 'store', 'observe', 'ignore', 'observe',
    ]);
  });
});

describe('getStoringNode', () => {
  /** The text of the node each store read of `t` stores through. */
  const storingTexts = (code: string): (string | null)[] =>
    withSourceCode(
      code,
      ({ sourceCode }) =>
        variableNamed(sourceCode, 't')
          .references.filter((reference) => getReferenceUse(reference, 'collection') === 'store')
          .map((reference) => {
            const store = getStoringNode(reference.identifier);
            return store && sourceCode.getText(store);
          }),
      { parser: 'typescript' },
    );
  it.each([
    ['a store method call', 'const t = []; t.push(p());', 't.push(p())'],
    ['a member assignment', 'const t = {}; t.a = p();', 't.a = p()'],
    ['a receiver in a type wrapper', 'const t = []; (t as P[]).push(p());', '(t as P[]).push(p())'],
    ['a receiver in a conditional', 'const t = [], u = []; (c ? t : u).push(p());', '(c ? t : u).push(p())'],
  ])('finds %s', (_reason, code, expected) => {
    expect(storingTexts(code)).toEqual([expected]);
  });
});

/** The receiver names of the store written `storeText` (a call or an assignment) in `code`. */
function storeNames(code: string, storeText: string): string[] {
  return withSourceCode(
    code,
    ({ sourceCode }) => {
      const node = allNodes(sourceCode).find(
        (candidate): candidate is TSESTree.CallExpression | TSESTree.AssignmentExpression =>
          (candidate.type === AST_NODE_TYPES.CallExpression || candidate.type === AST_NODE_TYPES.AssignmentExpression) && sourceCode.getText(candidate) === storeText,
      );
      if (!node) throw new Error(`no store ${storeText}`);
      return getStoreReceiverNames(node);
    },
    { parser: 'typescript' },
  );
}

describe('getStoreReceiverNames', () => {
  it.each([
    ['a store method call names its receiver', 'ps.push(p())', ['ps']],
    ['a Map store names its receiver', 'm.set(k, p())', ['m']],
    ['a Set store names its receiver', 's.add(p())', ['s']],
    ['unshift names its receiver', 'q.unshift(p())', ['q']],
    ['a computed store method counts', "ps['push'](p())", ['ps']],
    ['an optional call names its receiver', 'ps?.push(p())', ['ps']],
    ['a member assignment names its object', 'pending[k] = p()', ['pending']],
    ['a compound member assignment names its object', 'pending.a ||= p()', ['pending']],
    ['type wrappers pass the receiver on', '(ps as P[]).push(p())', ['ps']],
    ['both sides of a logical or conditional receiver', '(a ?? (c ? b : d)).push(p())', ['a', 'b', 'd']],
    ['the last expression of a sequence', '(f(), ps).push(p())', ['ps']],
  ])('%s', (_reason, code, expected) => {
    expect(storeNames(code, code)).toEqual(expected);
  });
  it.each([
    ['a method that stores nothing', 'ps.map(p)'],
    ['a plain call', 'push(p())'],
    ['an assignment to a name', 't = p()'],
    ['a receiver that is not a name', 'make().push(p())'],
    ['a private method', 'class A { #push() {} f() { this.#push(p()); } }', 'this.#push(p())'],
  ])('names nothing for %s', (_reason, code, store = code) => {
    expect(storeNames(code, store)).toEqual([]);
  });
});

/** Runs findLateAwait for the first declarator of `t`, or for the given write (a `push` call). */
function late(code: string, holder: TaskHolder = 'promise', writeText?: string): number | null {
  return withSourceCode(code, (context) => {
    const sourceCode = context.sourceCode;
    const variable = variableNamed(sourceCode, 't');
    const nodes = allNodes(sourceCode);
    const write = writeText
      ? (nodes.find((node) => node.type === AST_NODE_TYPES.CallExpression && sourceCode.getText(node) === writeText) as TSESTree.Node)
      : (variable.defs[0]?.node as TSESTree.Node);
    const owner = getOwnerFunction(write);
    const awaits: AwaitPoint[] = nodes
      .filter((node): node is TSESTree.AwaitExpression | TSESTree.ForOfStatement => node.type === AST_NODE_TYPES.AwaitExpression || (node.type === AST_NODE_TYPES.ForOfStatement && node.await))
      .filter((node) => getOwnerFunction(node) === owner)
      .map(getAwaitPoint);
    return findLateAwait(variable, write, holder, awaits)?.await.node.loc.start.line ?? null;
  });
}

describe('findLateAwait', () => {
  it('finds the other await before the task is observed', () => {
    expect(late('async function f() {\n const t = p();\n await q();\n await t;\n}')).toBe(3);
    expect(late('async function f() {\n const t = p();\n for await (const x of xs) {}\n return t;\n}')).toBe(3);
    expect(late('async function f() {\n const t = p();\n if (c) {\n await q();\n }\n await t;\n}')).toBe(4);
  });

  it('is silent when the task is observed first, in a closure, in another branch, or on a back edge', () => {
    expect(late('async function f() { const t = p(); t.catch(h); await q(); await t; }')).toBeNull();
    expect(late('async function f() { const t = p(); await Promise.all([t, q()]); }')).toBeNull();
    expect(late('async function f() { const t = p(); const g = () => t; await q(); await g(); }')).toBeNull();
    expect(late('async function f() { const t = p(); if (c) { await t; } else { await q(); await t; } }')).toBeNull();
    expect(late('async function f() { let t = p(); for (;;) { await t; t = p(); } }')).toBeNull();
    expect(late('async function f() { const t = p(); await null; await t; }')).toBeNull();
    expect(late('async function f() { const t = p(); await t; await q(); }')).toBeNull();
  });

  it('counts the awaits of later iterations for a store in a loop', () => {
    const code = 'async function f(xs) {\n const t = [];\n for (const x of xs) {\n  await log(x);\n  t.push(p(x));\n }\n await Promise.all(t);\n}';
    expect(late(code, 'collection', 't.push(p(x))')).toBe(4);
    const observedInLoop = 'async function f(xs) { const t = []; for (const x of xs) { t.push(p(x)); await Promise.race(t); } }';
    expect(late(observedInLoop, 'collection', 't.push(p(x))')).toBeNull();
  });
});

describe('getObservingReferences and findUncaughtThrowInLoop', () => {
  it('lists observing reads only', () => {
    withSourceCode('const t = p(); if (t) {} f(t);', (context) => {
      expect(getObservingReferences(variableNamed(context.sourceCode, 't'), 'promise')).toHaveLength(1);
    });
  });

  it('finds the first throw a loop does not catch itself', () => {
    withSourceCode(
      'for (const x of xs) { try { throw a; } catch {} if (x) throw b; throw c; }\nwhile (y) { try { throw d; } catch {} }\nfor (;;) { const g = () => { throw e; }; }',
      (context) => {
        const loops = context.sourceCode.ast.body;
        const thrown = loops.map((loop) => findUncaughtThrowInLoop(loop, context.sourceCode.visitorKeys));
        expect(thrown.map((node) => (node ? context.sourceCode.getText(node.argument) : null))).toEqual(['b', null, null]);
      },
    );
  });
});
