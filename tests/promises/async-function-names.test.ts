import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { createLocalAsyncCalleeTest } from '../../src/promises/async-function-names.js';
import { getCalledLocalFunction } from '../../src/scope/local-functions.js';
import { allNodes } from '../helpers/node-by-text.js';
import { withSourceCode } from '../helpers/lint-code.js';

/** For each call in `code`: its callee's text, whether it may call a local async function, and whether the lookup finds an async one. */
function describeCalls(code: string, parser?: 'typescript'): [string, boolean, boolean][] {
  return withSourceCode(
    code,
    ({ sourceCode }) => {
      const mayCallLocalAsyncFunction = createLocalAsyncCalleeTest(sourceCode);
      return allNodes(sourceCode)
        .filter((node): node is TSESTree.CallExpression => node.type === AST_NODE_TYPES.CallExpression)
        .map((call) => {
          const fn = getCalledLocalFunction(call.callee, sourceCode);
          return [sourceCode.getText(call.callee), mayCallLocalAsyncFunction(call.callee), fn !== null && fn.async];
        });
    },
    parser ? { parser } : {},
  );
}

describe('createLocalAsyncCalleeTest', () => {
  it('is true for every name the file binds an async function to, and every call the lookup resolves to one is among them', () => {
    const code = `
      async function load() {}
      const save = async () => {};
      const obj = { async get() {}, put: async () => {} };
      class Store { async read() {} write = async () => {}; async #flush() {} run() { this.#flush(); this.read(); this.write(); } }
      const store = new Store();
      load(); save(); obj.get(); obj.put(); store.read(); (async () => {})();
      plain(); obj.other(); store.run(); console.log();
      function plain() {}
    `;
    const calls = describeCalls(code);
    for (const [callee, may, resolved] of calls) {
      // The filter may let a call through that the lookup then rejects, never the other way.
      if (resolved) expect(may, callee).toBe(true);
    }
    const may = Object.fromEntries(calls.map(([callee, value]) => [callee, value]));
    expect(may).toMatchObject({ load: true, save: true, 'obj.get': true, 'obj.put': true, 'store.read': true, 'this.#flush': true, 'this.write': true });
    expect(may).toMatchObject({ plain: false, 'obj.other': false, 'store.run': false, 'console.log': false });
  });

  it('reads names through TypeScript type wrappers, as the lookup does', () => {
    const calls = describeCalls('const run = (async () => {}) as () => Promise<void>; run(); other();', 'typescript');
    expect(calls).toEqual([
      ['run', true, true],
      ['other', false, false],
    ]);
  });
});
