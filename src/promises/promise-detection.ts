import { ASTUtils, AST_NODE_TYPES, type ParserServicesWithTypeInformation, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { isFunctionNode, type FunctionNode } from '../ast/function-node.js';
import { hasRejectionEvidence, isNonRejectingFunction, returnsValue, type PromiseJudge } from './can-reject.js';
import { getDeclarationOrigin } from '../types/declaration-origin.js';
import { getDeferredPromise } from './deferred-promise.js';
import { getCalledLocalFunction } from '../scope/local-functions.js';
import { isAsyncFunction } from '../ast/function-node.js';
import { skipTypeWrappers } from '../ast/unwrap.js';
import { getChainRoot, getPromiseMethodCall, hasRejectionHandler } from './promise-handling.js';
import { skipValueWrappers } from '../ast/unwrap.js';
import type { PromiseSources } from './promise-sources.js';
import { getExecutorRejection } from './promise-executor.js';
import { getPromiseStatic, isNewPromise } from './promise-statics.js';
import { getThenableKind, isCallable, isThenableArray, returnsThenable } from '../types/thenable-type.js';
import { getVariableValues } from '../scope/variable-values.js';

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
  /**
   * Whether the rule reports the promise at `node` when it is dropped or kept too long: a promise
   * from a source the rule knows (a local async function, a Node API, `new Promise`, ...) that it
   * cannot prove safe, or any other promise (a chain on a value it cannot resolve, a promise only
   * the type checker shows) that it has evidence can reject (`rejects`).
   */
  canReject: (node: TSESTree.Node) => boolean;
  /** Whether the code shows how the promise at `node` rejects (see `hasRejectionEvidence`); the unknown is not evidence. */
  rejects: (node: TSESTree.Node) => boolean;
  /** Whether the function value `node` (a promise callback) shows how its promise rejects. */
  hasCallbackRejectionEvidence: (node: TSESTree.Node) => boolean;
  /** Whether every promise a call of the function `fn` (in this file) returns can never reject. */
  isNonRejectingFunction: (fn: FunctionNode) => boolean;
  /** Whether the function value `node` returns a promise; the function's node when it is in this file. */
  getPromiseCallback: (node: TSESTree.Node) => { fn: FunctionNode | null } | null;
  /** Whether the callee of the call at `node` is one whose promises may float (`allowFunctions`). */
  isAllowed: (node: TSESTree.Node) => boolean;
}

const PROMISE_STATICS = new Set(['resolve', 'reject', 'all', 'allSettled', 'any', 'race', 'try']);

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
  const rejectingPlainFunctions = new Map<FunctionNode, boolean>();

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
      case AST_NODE_TYPES.MemberExpression:
      case AST_NODE_TYPES.Identifier:
        // `Promise.withResolvers().promise`, `deferred.promise`, `promise` of `const { promise } = Promise.withResolvers()`
        return getDeferredPromise(value, sourceCode) !== null;
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
    visitorKeys: sourceCode.visitorKeys,
  };

  function isNonRejectingLocalFunction(fn: FunctionNode): boolean {
    const known = nonRejectingFunctions.get(fn);
    if (known !== undefined) return known;
    nonRejectingFunctions.set(fn, false); // a recursive call is not proof of safety
    const result = isNonRejectingFunction(fn, judge);
    nonRejectingFunctions.set(fn, result);
    return result;
  }

  /** Nodes whose safety is being decided: a value that depends on itself is not proof of safety. */
  const visiting = new Set<TSESTree.Node>();

  /** A branch value that is not a promise at all (`undefined`, a literal) or a promise that cannot reject. */
  function isSafeValue(node: TSESTree.Node): boolean {
    const value = skipValueWrappers(node);
    switch (value.type) {
      case AST_NODE_TYPES.Literal:
      case AST_NODE_TYPES.TemplateLiteral:
      case AST_NODE_TYPES.ObjectExpression:
      case AST_NODE_TYPES.ArrayExpression:
        return true;
      case AST_NODE_TYPES.Identifier:
        return value.name === 'undefined' || isNonRejecting(value);
      case AST_NODE_TYPES.UnaryExpression:
        return value.operator === 'void';
      default:
        return isNonRejecting(value);
    }
  }

  /** Runs `check` on the unwrapped value, answering false for a value already being checked (a cycle). */
  function checkOnce(node: TSESTree.Node, check: (value: TSESTree.Node) => boolean): boolean {
    const value = skipValueWrappers(node);
    if (visiting.has(value)) return false;
    visiting.add(value);
    try {
      return check(value);
    } finally {
      visiting.delete(value);
    }
  }

  function isNonRejecting(node: TSESTree.Node): boolean {
    return checkOnce(node, isNonRejectingValue);
  }

  function isNonRejectingValue(value: TSESTree.Node): boolean {
    if (hasRejectionHandler(value, services ? (handler) => isCallable(services, handler) : undefined)) return true;
    const method = getPromiseMethodCall(value);
    if (method?.method === 'finally') return isNonRejecting(method.object);
    if (isNewPromise(value, sourceCode)) return getExecutorRejection(value, sourceCode) === 'never';
    switch (value.type) {
      case AST_NODE_TYPES.ConditionalExpression:
        return isSafeValue(value.consequent) && isSafeValue(value.alternate);
      case AST_NODE_TYPES.LogicalExpression:
        return isSafeValue(value.left) && isSafeValue(value.right);
      case AST_NODE_TYPES.Identifier:
      case AST_NODE_TYPES.MemberExpression: {
        const deferred = getDeferredPromise(value, sourceCode);
        if (deferred) return !deferred.canReject;
        if (value.type === AST_NODE_TYPES.MemberExpression) return false;
        const values = getVariableValues(value, sourceCode);
        return values !== null && values.length > 0 && values.every(isSafeValue);
      }
      case AST_NODE_TYPES.CallExpression:
        break;
      default:
        return false;
    }
    if (sources.getKnownPromiseCall(value)?.cannotReject) return true;
    const name = getPromiseStatic(value, sourceCode);
    if (name === 'allSettled') return true;
    if (name === 'resolve') return value.arguments.length === 0 || value.arguments[0]?.type === AST_NODE_TYPES.Literal;
    if (name !== null) return false;
    const fn = getCalledLocalFunction(value.callee, sourceCode);
    if (fn === null) return false;
    // A plain function that returns nothing gives no promise at all.
    if (!fn.async && !fn.generator && !returnsValue(fn, sourceCode.visitorKeys)) return true;
    return isNonRejectingLocalFunction(fn);
  }

  /** The promise a call of the local function `fn` returns shows how it rejects (a local async function: unless proven safe). */
  function functionRejects(fn: FunctionNode): boolean {
    if (fn.generator) return false;
    if (fn.async) return !isNonRejectingLocalFunction(fn);
    const known = rejectingPlainFunctions.get(fn);
    if (known !== undefined) return known;
    rejectingPlainFunctions.set(fn, false); // a recursive call is no evidence
    const result = hasRejectionEvidence(fn, rejects, { throwRejects: false }, sourceCode.visitorKeys);
    rejectingPlainFunctions.set(fn, result);
    return result;
  }

  /** The function a declaration found by the checker in this file stands for (`function f`, a method, `const f = () => ...`). */
  function getDeclaredFunction(declaration: TSESTree.Node | null): FunctionNode | null {
    if (!declaration) return null;
    if (isFunctionNode(declaration)) return declaration;
    const value =
      declaration.type === AST_NODE_TYPES.MethodDefinition || declaration.type === AST_NODE_TYPES.Property || declaration.type === AST_NODE_TYPES.PropertyDefinition
        ? declaration.value
        : declaration.type === AST_NODE_TYPES.VariableDeclarator
          ? declaration.init
          : null;
    const inner = value ? skipTypeWrappers(value) : null;
    return inner && isFunctionNode(inner) ? inner : null;
  }

  /** With types: the value is a thenable declared by a library (the promise of an API, which can fail), or by a function in this file that rejects. */
  function rejectsByDeclaration(node: TSESTree.Node): boolean {
    if (!services) return false;
    const kind = getThenableKind(services, node);
    if (kind !== 'always' && kind !== 'sometimes') return false;
    const origin = getDeclarationOrigin(services, node);
    if (origin.kind === 'library') return true;
    if (origin.kind !== 'this-file' || (node.type !== AST_NODE_TYPES.CallExpression && node.type !== AST_NODE_TYPES.NewExpression)) return false;
    const fn = getDeclaredFunction(origin.declaration);
    return fn !== null && functionRejects(fn);
  }

  /** The function a callback argument is: written inline, or a local function it names. */
  function getCallbackFunction(value: TSESTree.Node): FunctionNode | null {
    if (isFunctionNode(value)) return value;
    return value.type === AST_NODE_TYPES.Identifier || value.type === AST_NODE_TYPES.MemberExpression ? getCalledLocalFunction(value, sourceCode) : null;
  }

  /** A callback of a chain (`.then(f)`, `.finally(f)`, `Promise.try(f)`) whose code shows it rejects (a local async function: unless proven safe). */
  function callbackRejects(node: TSESTree.Node | undefined): boolean {
    if (!node || node.type === AST_NODE_TYPES.SpreadElement) return false;
    const value = skipTypeWrappers(node);
    const fn = getCallbackFunction(value);
    if (fn) return fn.async && !fn.generator ? !isNonRejectingLocalFunction(fn) : hasRejectionEvidence(fn, rejects, { throwRejects: true }, sourceCode.visitorKeys);
    return services !== null && returnsThenable(services, value) && getDeclarationOrigin(services, value).kind === 'library';
  }

  /** An array (the argument of `Promise.all`) with an element that shows how it rejects. */
  function arrayRejects(node: TSESTree.Node | undefined): boolean {
    if (!node || node.type === AST_NODE_TYPES.SpreadElement) return false;
    const value = skipValueWrappers(node);
    if (value.type === AST_NODE_TYPES.ArrayExpression) {
      return value.elements.some((element) => element !== null && element.type !== AST_NODE_TYPES.SpreadElement && rejects(element));
    }
    if (value.type === AST_NODE_TYPES.CallExpression) {
      const callee = skipTypeWrappers(value.callee);
      if (callee.type === AST_NODE_TYPES.MemberExpression && ASTUtils.getPropertyName(callee) === 'map') return callbackRejects(value.arguments[0]);
    }
    if (value.type === AST_NODE_TYPES.Identifier) {
      const values = getVariableValues(value, sourceCode);
      if (values) return values.some(arrayRejects);
    }
    return services !== null && getDeclarationOrigin(services, value).kind === 'library' && isThenableArray(services, value);
  }

  function rejects(node: TSESTree.Node): boolean {
    return checkOnce(node, rejectsValue);
  }

  function rejectsValue(value: TSESTree.Node): boolean {
    switch (value.type) {
      case AST_NODE_TYPES.ConditionalExpression:
        return rejects(value.consequent) || rejects(value.alternate);
      case AST_NODE_TYPES.LogicalExpression:
        return rejects(value.left) || rejects(value.right);
      case AST_NODE_TYPES.SequenceExpression:
        return value.expressions.length > 0 && rejects(value.expressions[value.expressions.length - 1] as TSESTree.Expression);
      case AST_NODE_TYPES.AwaitExpression:
        return rejects(value.argument);
      case AST_NODE_TYPES.ImportExpression:
        return true;
      case AST_NODE_TYPES.Identifier:
      case AST_NODE_TYPES.MemberExpression: {
        const deferred = getDeferredPromise(value, sourceCode);
        if (deferred) return deferred.canReject;
        const values = value.type === AST_NODE_TYPES.Identifier ? getVariableValues(value, sourceCode) : null;
        if (values && values.length > 0) return values.some(rejects);
        return rejectsByDeclaration(value);
      }
      case AST_NODE_TYPES.NewExpression:
        // A wrapper that forwards a callback API's error rejects only if that API fails, which the rule cannot see.
        return isNewPromise(value, sourceCode) ? getExecutorRejection(value, sourceCode) === 'direct' : rejectsByDeclaration(value);
      case AST_NODE_TYPES.CallExpression:
        return callRejects(value);
      default:
        return false;
    }
  }

  function callRejects(call: TSESTree.CallExpression): boolean {
    const method = getPromiseMethodCall(call);
    if (method) {
      if (hasRejectionHandler(call, services ? (handler) => isCallable(services, handler) : undefined)) return false;
      if (method.method === 'catch') return rejects(method.object);
      return rejects(method.object) || callbackRejects(call.arguments[0]);
    }
    const known = sources.getKnownPromiseCall(call);
    if (known) return !known.cannotReject;
    const name = getPromiseStatic(call, sourceCode);
    switch (name) {
      case null:
        break;
      case 'reject':
        return true;
      case 'resolve':
        return call.arguments[0] !== undefined && rejects(call.arguments[0]);
      case 'all':
      case 'any':
      case 'race':
        return arrayRejects(call.arguments[0]);
      case 'try':
        return callbackRejects(call.arguments[0]);
      default:
        return false;
    }
    const fn = getCalledLocalFunction(call.callee, sourceCode);
    return fn ? functionRejects(fn) : rejectsByDeclaration(call);
  }

  /**
   * A promise from a source the rule knows (local async function, Node API, `new Promise`,
   * `Promise.all`, `import()`, a deferred): judged by `isNonRejecting`. Chains are judged by
   * their root; `Promise.resolve(value)` by the value it wraps.
   */
  function isKnownSource(node: TSESTree.Node): boolean {
    const value = skipValueWrappers(node);
    if (getPromiseMethodCall(value)) return false;
    const name = getPromiseStatic(value, sourceCode);
    if (name === 'resolve') return false;
    return isSyntacticPromise(value);
  }

  function canReject(node: TSESTree.Node): boolean {
    if (isNonRejecting(node)) return false;
    const value = skipValueWrappers(node);
    if (getPromiseMethodCall(value)) {
      // A chain not ended by a handler rejects when its root can (`p.catch(h).then(f)` too: `f` may throw).
      const root = getChainRoot(value);
      if (isKnownSource(root) ? !isNonRejecting(root) : rejects(root)) return true;
      return rejects(value);
    }
    return isKnownSource(value) || rejects(value);
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
    canReject,
    rejects,
    hasCallbackRejectionEvidence(node) {
      const value = skipTypeWrappers(node);
      const fn = getCallbackFunction(value);
      if (fn) return hasRejectionEvidence(fn, rejects, { throwRejects: false }, sourceCode.visitorKeys);
      return services !== null && returnsThenable(services, value) && getDeclarationOrigin(services, value).kind === 'library';
    },
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
