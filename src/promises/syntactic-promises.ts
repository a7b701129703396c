import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { isAsyncFunction, isFunctionNode, type FunctionNode } from '../ast/function-node.js';
import { skipBindCall, skipTypeWrappers, skipValueWrappers } from '../ast/unwrap.js';
import { getCalledLocalFunction } from '../scope/local-functions.js';
import { createLocalAsyncCalleeTest } from './async-function-names.js';
import { getDeferredPromise } from './deferred-promise.js';
import { getPromiseMethodCall } from './promise-handling.js';
import type { PromiseSources } from './promise-sources.js';
import { getPromiseStatic, isNewPromise } from './promise-statics.js';

const PROMISE_STATICS = new Set(['resolve', 'reject', 'all', 'allSettled', 'any', 'race', 'try']);

/**
 * The promise questions the code answers without the type checker: what the rule knows to be a
 * promise (a local async function, a Node API, `new Promise`, a chain, ...), and which function
 * of this file a callback is.
 */
export class SyntacticPromises {
  private readonly sourceCode: Readonly<TSESLint.SourceCode>;
  private readonly sources: PromiseSources;
  private readonly mayCallLocalAsyncFunction: (callee: TSESTree.Node) => boolean;

  constructor(sourceCode: Readonly<TSESLint.SourceCode>, sources: PromiseSources) {
    this.sourceCode = sourceCode;
    this.sources = sources;
    this.mayCallLocalAsyncFunction = createLocalAsyncCalleeTest(sourceCode);
  }

  isPromise(node: TSESTree.Node): boolean {
    const value = skipValueWrappers(node);
    switch (value.type) {
      case AST_NODE_TYPES.CallExpression: {
        if (this.sources.getKnownPromiseCall(value)) return true;
        if (getPromiseMethodCall(value)) return true;
        const name = getPromiseStatic(value, this.sourceCode);
        if (name !== null) return PROMISE_STATICS.has(name);
        if (!this.mayCallLocalAsyncFunction(value.callee)) return false;
        const fn = getCalledLocalFunction(value.callee, this.sourceCode);
        return fn !== null && isAsyncFunction(fn);
      }
      case AST_NODE_TYPES.NewExpression:
        return isNewPromise(value, this.sourceCode);
      case AST_NODE_TYPES.MemberExpression:
      case AST_NODE_TYPES.Identifier:
        // `Promise.withResolvers().promise`, `deferred.promise`, `promise` of `const { promise } = Promise.withResolvers()`
        return getDeferredPromise(value, this.sourceCode) !== null;
      case AST_NODE_TYPES.ImportExpression:
        return true;
      default:
        return false;
    }
  }

  /**
   * A promise from a source the rule knows (local async function, Node API, `new Promise`,
   * `Promise.all`, `import()`, a deferred), which is judged by whether it can be proven safe.
   * Chains are judged by their root instead; `Promise.resolve(value)` by the value it wraps.
   */
  isKnownSource(node: TSESTree.Node): boolean {
    const value = skipValueWrappers(node);
    if (getPromiseMethodCall(value)) return false;
    const name = getPromiseStatic(value, this.sourceCode);
    if (name === 'resolve') return false;
    return this.isPromise(value);
  }

  isPromiseArray(node: TSESTree.Node): boolean {
    const value = skipValueWrappers(node);
    if (value.type === AST_NODE_TYPES.ArrayExpression) {
      return value.elements.some((element) => element !== null && element.type !== AST_NODE_TYPES.SpreadElement && this.isPromise(element));
    }
    if (value.type !== AST_NODE_TYPES.CallExpression) return false;
    const callee = skipTypeWrappers(value.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || ASTUtils.getPropertyName(callee) !== 'map') return false;
    const callback = value.arguments[0];
    return callback !== undefined && this.getPromiseCallback(callback) !== null;
  }

  /** The function value `node` returns a promise the rule knows; with its node (always in this file). */
  getPromiseCallback(node: TSESTree.Node): { fn: FunctionNode | null } | null {
    const value = skipBindCall(node);
    if (isFunctionNode(value)) {
      if (isAsyncFunction(value)) return { fn: value };
      // A plain arrow whose expression body is a promise: `(x) => save(x)`.
      const body = value.body;
      return body && body.type !== AST_NODE_TYPES.BlockStatement && this.isPromise(body) ? { fn: value } : null;
    }
    if (value.type !== AST_NODE_TYPES.Identifier && value.type !== AST_NODE_TYPES.MemberExpression) return null;
    if (!this.mayCallLocalAsyncFunction(value)) return null;
    const fn = getCalledLocalFunction(value, this.sourceCode);
    return fn && isAsyncFunction(fn) ? { fn } : null;
  }

  /** The function a callback argument is: written inline, or a local function it names (also through `.bind(...)`). */
  getCallbackFunction(node: TSESTree.Node): FunctionNode | null {
    const value = skipBindCall(node);
    if (isFunctionNode(value)) return value;
    return value.type === AST_NODE_TYPES.Identifier || value.type === AST_NODE_TYPES.MemberExpression ? getCalledLocalFunction(value, this.sourceCode) : null;
  }
}
