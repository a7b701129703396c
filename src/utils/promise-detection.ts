import { ASTUtils, AST_NODE_TYPES, type ParserServicesWithTypeInformation, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { isFunctionNode, type FunctionNode } from './async-context.js';
import { isNonRejectingFunction, type PromiseJudge } from './can-reject.js';
import { isGlobalReference } from './global-reference.js';
import { getCalledLocalFunction, isAsyncFunction, skipTypeWrappers } from './local-functions.js';
import { getPromiseMethodCall, hasRejectionHandler, skipValueWrappers } from './promise-handling.js';
import type { PromiseSources } from './promise-sources.js';
import { getThenableKind, isCallable, isThenableArray, returnsThenable } from './thenable-type.js';

/** A promise for sure, a promise in some forms only (a `void | Promise<void>` type), or not known to be one. */
export type PromiseKind = 'promise' | 'maybe' | null;

export interface PromiseDetector {
  /**
   * Whether the value of `node` is a promise (with types: a thenable). `inOptionalChain`: the
   * `undefined` an optional chain (`a?.b()`) adds does not make it a promise "in some forms".
   */
  getPromiseKind: (node: TSESTree.Node, inOptionalChain?: boolean) => PromiseKind;
  /** Whether `node` is an array of promises: `xs.map(async (x) => ...)`, `[load(a), load(b)]`. */
  isPromiseArray: (node: TSESTree.Node) => boolean;
  /** Whether the promise at `node` can never reject (handled, or it only ever resolves). */
  isNonRejecting: (node: TSESTree.Node) => boolean;
  /** Whether every promise a call of the function `fn` (in this file) returns can never reject. */
  isNonRejectingFunction: (fn: FunctionNode) => boolean;
  /** Whether the function value `node` returns a promise; the function's node when it is in this file. */
  getPromiseCallback: (node: TSESTree.Node) => { fn: FunctionNode | null } | null;
  /** Whether the callee of the call at `node` is one whose promises may float (`allowFunctions`). */
  isAllowed: (node: TSESTree.Node) => boolean;
}

const PROMISE_STATICS = new Set(['resolve', 'reject', 'all', 'allSettled', 'any', 'race', 'try']);

/** `Promise.<name>` with the global `Promise`: the static method's name, else null. */
function getPromiseStatic(node: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): string | null {
  if (node.type !== AST_NODE_TYPES.CallExpression) return null;
  const callee = skipTypeWrappers(node.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.object.type !== AST_NODE_TYPES.Identifier) return null;
  if (callee.object.name !== 'Promise' || !isGlobalReference(callee.object, sourceCode)) return null;
  return ASTUtils.getPropertyName(callee) ?? null;
}

function isNewPromise(node: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): node is TSESTree.NewExpression {
  if (node.type !== AST_NODE_TYPES.NewExpression) return false;
  const callee = skipTypeWrappers(node.callee);
  return callee.type === AST_NODE_TYPES.Identifier && callee.name === 'Promise' && isGlobalReference(callee, sourceCode);
}

/**
 * A `new Promise(executor)` that cannot reject on its own: the executor never takes `reject` (it
 * only rejects if it throws synchronously; an async executor cannot even do that), or only stores
 * `reject` for later (a deferred: it rejects when other code calls that function, which the rule
 * cannot follow).
 */
function isSelfResolvingPromise(node: TSESTree.NewExpression, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const executor = node.arguments[0];
  if (executor === undefined || !isFunctionNode(executor)) return false;
  const reject = executor.params[1];
  if (executor.params.length < 2) return true;
  if (reject?.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = sourceCode.getDeclaredVariables(executor).find((candidate) => candidate.name === reject.name);
  return (
    variable !== undefined &&
    variable.references.every((reference) => {
      const parent = reference.identifier.parent;
      return (
        (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === reference.identifier) ||
        (parent?.type === AST_NODE_TYPES.Property && parent.value === reference.identifier)
      );
    })
  );
}

/**
 * Decides, without the type checker, which expressions are promises (the syntactic mode), and with
 * it when `services` is given (the type-aware mode; the syntactic answer is kept for `any` types).
 */
export function createPromiseDetector(
  sourceCode: Readonly<TSESLint.SourceCode>,
  sources: PromiseSources,
  services: ParserServicesWithTypeInformation | null,
): PromiseDetector {
  const nonRejectingFunctions = new Map<FunctionNode, boolean>();

  function isSyntacticPromise(node: TSESTree.Node): boolean {
    const value = skipValueWrappers(node);
    switch (value.type) {
      case AST_NODE_TYPES.CallExpression: {
        if (sources.getKnownPromiseCall(value)) return true;
        if (getPromiseMethodCall(value)) return true;
        const name = getPromiseStatic(value, sourceCode);
        if (name !== null) return PROMISE_STATICS.has(name);
        const fn = getCalledLocalFunction(value.callee, sourceCode);
        return fn !== null && isAsyncFunction(fn);
      }
      case AST_NODE_TYPES.NewExpression:
        return isNewPromise(value, sourceCode);
      case AST_NODE_TYPES.MemberExpression: {
        // `Promise.withResolvers().promise`
        const object = skipValueWrappers(value.object);
        return ASTUtils.getPropertyName(value) === 'promise' && getPromiseStatic(object, sourceCode) === 'withResolvers';
      }
      case AST_NODE_TYPES.ImportExpression:
        return true;
      default:
        return false;
    }
  }

  function getPromiseKind(node: TSESTree.Node, inOptionalChain = false): PromiseKind {
    if (services) {
      const kind = getThenableKind(services, node, inOptionalChain);
      if (kind === 'always') return 'promise';
      if (kind === 'sometimes') return 'maybe';
      if (kind === 'never') return null;
    }
    return isSyntacticPromise(node) ? 'promise' : null;
  }

  const judge: PromiseJudge = {
    isSafe: (node) => isNonRejecting(node),
    isPromise: (node) => isSyntacticPromise(node),
  };

  function isNonRejectingLocalFunction(fn: FunctionNode): boolean {
    const known = nonRejectingFunctions.get(fn);
    if (known !== undefined) return known;
    nonRejectingFunctions.set(fn, false); // a recursive call is not proof of safety
    const result = isNonRejectingFunction(fn, judge);
    nonRejectingFunctions.set(fn, result);
    return result;
  }

  function isNonRejecting(node: TSESTree.Node): boolean {
    const value = skipValueWrappers(node);
    if (hasRejectionHandler(value, services ? (handler) => isCallable(services, handler) : undefined)) return true;
    const method = getPromiseMethodCall(value);
    if (method?.method === 'finally') return isNonRejecting(method.object);
    if (isNewPromise(value, sourceCode)) return isSelfResolvingPromise(value, sourceCode);
    if (value.type !== AST_NODE_TYPES.CallExpression) return false;
    if (sources.getKnownPromiseCall(value)?.cannotReject) return true;
    const name = getPromiseStatic(value, sourceCode);
    if (name === 'allSettled') return true;
    if (name === 'resolve') return value.arguments.length === 0 || value.arguments[0]?.type === AST_NODE_TYPES.Literal;
    if (name !== null) return false;
    const fn = getCalledLocalFunction(value.callee, sourceCode);
    return fn !== null && isNonRejectingLocalFunction(fn);
  }

  function isSyntacticPromiseArray(node: TSESTree.Node): boolean {
    const value = skipValueWrappers(node);
    if (value.type === AST_NODE_TYPES.ArrayExpression) {
      return value.elements.some((element) => element !== null && element.type !== AST_NODE_TYPES.SpreadElement && isSyntacticPromise(element));
    }
    if (value.type !== AST_NODE_TYPES.CallExpression) return false;
    const callee = skipTypeWrappers(value.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || ASTUtils.getPropertyName(callee) !== 'map') return false;
    const callback = value.arguments[0];
    return callback !== undefined && getSyntacticPromiseCallback(callback) !== null;
  }

  function getSyntacticPromiseCallback(node: TSESTree.Node): { fn: FunctionNode | null } | null {
    const value = skipTypeWrappers(node);
    if (isFunctionNode(value)) {
      if (isAsyncFunction(value)) return { fn: value };
      // A plain arrow whose expression body is a promise: `(x) => save(x)`.
      const body = value.body;
      return body && body.type !== AST_NODE_TYPES.BlockStatement && isSyntacticPromise(body) ? { fn: value } : null;
    }
    if (value.type !== AST_NODE_TYPES.Identifier && value.type !== AST_NODE_TYPES.MemberExpression) return null;
    const fn = getCalledLocalFunction(value, sourceCode);
    return fn && isAsyncFunction(fn) ? { fn } : null;
  }

  return {
    getPromiseKind,
    isPromiseArray(node) {
      if (services && getThenableKind(services, node) !== 'unknown') return isThenableArray(services, node);
      return isSyntacticPromiseArray(node);
    },
    isNonRejecting,
    isNonRejectingFunction: isNonRejectingLocalFunction,
    getPromiseCallback(node) {
      const syntactic = getSyntacticPromiseCallback(node);
      if (syntactic || !services) return syntactic;
      const value = skipTypeWrappers(node);
      if (!isFunctionNode(value) && value.type !== AST_NODE_TYPES.Identifier && value.type !== AST_NODE_TYPES.MemberExpression) return null;
      if (!returnsThenable(services, value)) return null;
      return { fn: isFunctionNode(value) ? value : getCalledLocalFunction(value, sourceCode) };
    },
    isAllowed(node) {
      const value = skipValueWrappers(node);
      return sources.isAllowedCall(value);
    },
  };
}
