import { describe, expect, it } from 'vitest';
import { getDeferredPromise } from '../../src/promises/deferred-promise.js';
import { withSourceCode } from '../helpers/lint-code.js';
import { nodeByText } from '../helpers/node-by-text.js';

/** What `getDeferredPromise` says of the expression `text` in `code`. */
function deferred(code: string, type: 'MemberExpression' | 'Identifier', text: string, occurrence = 0): { canReject: boolean } | null {
  return withSourceCode(code, (context) => getDeferredPromise(nodeByText(context.sourceCode, type, text, occurrence), context.sourceCode), {
    parser: 'typescript',
  });
}

describe('getDeferredPromise', () => {
  it('finds the promise of a deferred whose reject is used', () => {
    expect(deferred('const d = Promise.withResolvers();\nemitter.on("error", d.reject);\nd.promise;', 'MemberExpression', 'd.promise')).toEqual({ canReject: true });
    expect(deferred('const d = Promise.withResolvers();\nfail(d);\nd.promise;', 'MemberExpression', 'd.promise')).toEqual({ canReject: true });
    expect(deferred('const { promise, reject } = Promise.withResolvers();\nonError(reject);\npromise;', 'Identifier', 'promise', 1)).toEqual({ canReject: true });
    expect(deferred('const { promise, ...rest } = Promise.withResolvers();\npromise;', 'Identifier', 'promise', 1)).toEqual({ canReject: true });
  });

  it('knows a deferred that only resolves cannot reject', () => {
    expect(deferred('const d = Promise.withResolvers<void>();\nsetTimeout(d.resolve, 10);\nd.promise;', 'MemberExpression', 'd.promise')).toEqual({ canReject: false });
    expect(deferred('Promise.withResolvers().promise;', 'MemberExpression', 'Promise.withResolvers().promise')).toEqual({ canReject: false });
    expect(deferred('const { promise, resolve, reject } = Promise.withResolvers();\nresolve(1);\npromise;', 'Identifier', 'promise', 1)).toEqual({
      canReject: false,
    });
  });

  it('ignores everything else', () => {
    expect(deferred('let d = Promise.withResolvers();\nd = other;\nd.promise;', 'MemberExpression', 'd.promise')).toBeNull();
    expect(deferred('const d = makeDeferred();\nd.promise;', 'MemberExpression', 'd.promise')).toBeNull();
    expect(deferred('const Promise = lib;\nconst d = Promise.withResolvers();\nd.promise;', 'MemberExpression', 'd.promise')).toBeNull();
    expect(deferred('const d = Promise.withResolvers();\nd.resolve;', 'MemberExpression', 'd.resolve')).toBeNull();
    expect(deferred('function f(promise) { return promise; }', 'Identifier', 'promise', 1)).toBeNull();
  });
});
