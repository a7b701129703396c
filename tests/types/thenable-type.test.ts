import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import {
  getThenableKind,
  getTypeText,
  hasCallSignatures,
  isCallable,
  isNativePromise,
  isThenableArray,
  isVoidCallbackParameter,
  returnsThenable,
} from '../../src/types/thenable-type.js';
import { nodeByText } from '../helpers/node-by-text.js';
import { withTypedSourceCode } from '../helpers/typed-source-code.js';

const DECLARATIONS = `declare function work(): Promise<void>;
declare function maybe(): void | Promise<void>;
declare function lazy(): PromiseLike<number>;
declare function job(): { then(ok: () => void): void };
declare function notThen(): { then: number };
declare function value(): number;
declare const anything: any;
declare const optional: { run?: () => Promise<void> };
declare const list: Promise<void>[];
declare const pair: [number, Promise<void>];
declare function onVoid(cb: () => void): void;
declare function onEither(cb: () => void | Promise<void>): void;
declare function onRest(name: string, ...listeners: Array<() => void>): void;
declare function overloaded(cb: () => void): void;
declare function overloaded(cb: () => Promise<void>): void;
declare function identity<T>(value: T): T;
declare function wrap<T>(value: T): T[];
declare function box<T>(value: T): { then: T };
declare function pick(key: 'a'): number;
declare function pick(key: 'b'): Promise<number>;
declare function keyed<T>(value: T): { [K in keyof T]: T[K] };
declare const chain: { self(): typeof chain; each(cb: () => void): void };
declare const emitter: { emit(name: string): boolean };
`;

function inspect<T>(code: string, inspector: Parameters<typeof withTypedSourceCode<T>>[1]): T {
  return withTypedSourceCode(`${DECLARATIONS}${code}`, inspector);
}

describe('getThenableKind', () => {
  it.each([
    ['work()', 'always'],
    ['lazy()', 'always'],
    ['job()', 'always'],
    ['maybe()', 'sometimes'],
    ['notThen()', 'never'],
    ['value()', 'never'],
    ['anything.x()', 'unknown'],
    // Calls the callee's own signatures settle without resolving the call...
    ['emitter.emit("x")', 'never'],
    ['chain.self()', 'never'],
    ['chain.each(async () => {})', 'never'],
    // ...and calls whose value depends on how the call is resolved or instantiated.
    ['identity(work())', 'always'],
    ['identity(1)', 'never'],
    ['box(() => {})', 'always'],
    ['pick("b")', 'always'],
    ['pick("a")', 'never'],
    ['keyed(work())', 'always'],
  ])('%s is %s', (call, kind) => {
    inspect(`${call};`, (context, services) => {
      expect(getThenableKind(services, nodeByText(context.sourceCode, 'CallExpression', call))).toBe(kind);
    });
  });

  it('ignores the undefined of an optional chain when asked', () => {
    inspect('optional.run?.();', (context, services) => {
      const call = nodeByText(context.sourceCode, 'CallExpression', 'optional.run?.()');
      const chain = call.parent as TSESTree.ChainExpression;
      expect(getThenableKind(services, chain)).toBe('sometimes');
      expect(getThenableKind(services, call, true)).toBe('always');
    });
  });
});

describe('type helpers', () => {
  it('tells native promises from other thenables', () => {
    inspect('work(); lazy();', (context, services) => {
      expect(isNativePromise(services, nodeByText(context.sourceCode, 'CallExpression', 'work()'))).toBe(true);
      expect(isNativePromise(services, nodeByText(context.sourceCode, 'CallExpression', 'lazy()'))).toBe(false);
      expect(getTypeText(services, nodeByText(context.sourceCode, 'CallExpression', 'work()'))).toBe('Promise<void>');
    });
  });

  it('finds arrays and tuples of thenables', () => {
    inspect('list; pair; [1, 2]; wrap(work()); wrap(1);', (context, services) => {
      expect(isThenableArray(services, nodeByText(context.sourceCode, 'CallExpression', 'wrap(work())'))).toBe(true);
      expect(isThenableArray(services, nodeByText(context.sourceCode, 'CallExpression', 'wrap(1)'))).toBe(false);
      expect(isThenableArray(services, nodeByText(context.sourceCode, 'Identifier', 'list'))).toBe(true);
      expect(isThenableArray(services, nodeByText(context.sourceCode, 'Identifier', 'pair'))).toBe(true);
      expect(isThenableArray(services, nodeByText(context.sourceCode, 'ArrayExpression', '[1, 2]'))).toBe(false);
    });
  });

  it('knows callables and thenable-returning functions', () => {
    inspect('const h = 5; const f = async () => 1; const g = () => 1; h; f; g; anything;', (context, services) => {
      // The statement's own identifier: declarations with a type annotation have a longer text.
      const id = (name: string) => {
        const statement = context.sourceCode.ast.body.findLast(
          (node) => node.type === AST_NODE_TYPES.ExpressionStatement && context.sourceCode.getText(node) === `${name};`,
        ) as TSESTree.ExpressionStatement;
        return statement.expression;
      };
      expect(isCallable(services, id('h'))).toBe(false);
      expect(isCallable(services, id('g'))).toBe(true);
      expect(isCallable(services, id('anything'))).toBe(true);
      expect(hasCallSignatures(services, id('anything'))).toBe(false);
      expect(returnsThenable(services, id('f'))).toBe(true);
      expect(returnsThenable(services, id('g'))).toBe(false);
    });
  });
});

describe('isVoidCallbackParameter', () => {
  it.each([
    ['onVoid(async () => {})', 0, true],
    ['onEither(async () => {})', 0, false],
    ['onRest("x", async () => {}, async () => {})', 2, true],
    ['onRest("x", async () => {})', 0, false],
    ['overloaded(async () => {})', 0, false],
    ['anything(async () => {})', 0, false],
  ])('%s argument %i expects void: %s', (call, index, expected) => {
    inspect(`${call};`, (context, services) => {
      expect(isVoidCallbackParameter(services, nodeByText(context.sourceCode, 'CallExpression', call), index)).toBe(expected);
    });
  });
});
