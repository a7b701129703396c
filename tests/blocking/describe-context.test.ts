import { describe, expect, it } from 'vitest';
import { getAsyncContext } from '../../src/blocking/async-context.js';
import { describeAsyncContext } from '../../src/blocking/describe-context.js';
import { atMark } from '../helpers/node-by-text.js';

const options = { checkArrayCallbacks: true, checkTopLevelAwaitModules: true, hasTopLevelAwait: () => true };

const where = (code: string): string | null =>
  atMark(code, (node, sourceCode) => {
    const context = getAsyncContext(node, options);
    return context ? describeAsyncContext(context, sourceCode) : null;
  });

describe('describeAsyncContext', () => {
  it.each([
    ['async function loadConfig() { mark(); }', 'the async function `loadConfig`'],
    ['async function loadAll(xs) { xs.map((x) => mark()); }', 'a `.map` callback in the async function `loadAll`'],
    ['async function f() { new Promise(() => mark()); }', 'a `new Promise` executor in the async function `f`'],
    ['p.then(() => mark());', 'a `.then` callback'],
    ['mark(); await x;', 'the top level of a module that uses top-level `await`'],
  ])('%s -> %s', (code, expected) => expect(where(code)).toBe(expected));
});
