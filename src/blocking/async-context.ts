import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { FunctionNode } from '../ast/function-node.js';
import { getEnclosingFunction } from '../ast/enclosing-function.js';
import { someInSameFunction } from '../ast/walk.js';

const SYNC_ARRAY_METHODS = new Set([
  'every', 'filter', 'find', 'findIndex', 'findLast', 'findLastIndex', 'flatMap', 'forEach', 'map', 'reduce', 'reduceRight', 'some', 'sort', 'toSorted',
]);
const PROMISE_HANDLER_METHODS = new Set(['then', 'catch', 'finally']);

function getCalleeMethodName(callbackArgument: FunctionNode): { call: TSESTree.CallExpression | TSESTree.NewExpression; method: string | null } | null {
  const call = callbackArgument.parent;
  if (
    (call.type !== AST_NODE_TYPES.CallExpression && call.type !== AST_NODE_TYPES.NewExpression) ||
    !(call.arguments as readonly TSESTree.Node[]).includes(callbackArgument)
  ) {
    return null;
  }
  const callee = call.callee;
  if (callee.type === AST_NODE_TYPES.MemberExpression) return { call, method: ASTUtils.getPropertyName(callee) ?? null };
  if (callee.type === AST_NODE_TYPES.Identifier) return { call, method: callee.name };
  return { call, method: null };
}

/** A sync callback that runs while its caller waits: array iteration methods and the `new Promise` executor. */
export function isSynchronousCallback(fn: FunctionNode): boolean {
  if (fn.async || fn.generator) return false;
  const callee = getCalleeMethodName(fn);
  if (!callee) return false;
  if (callee.call.type === AST_NODE_TYPES.NewExpression) return callee.method === 'Promise' && (callee.call.arguments[0] as TSESTree.Node | undefined) === fn;
  return callee.method !== null && SYNC_ARRAY_METHODS.has(callee.method) && callee.call.callee.type === AST_NODE_TYPES.MemberExpression;
}

/** A `.then` / `.catch` / `.finally` callback: it runs as a microtask of the promise chain. */
export function isPromiseHandlerCallback(fn: FunctionNode): boolean {
  const callee = getCalleeMethodName(fn);
  return (
    callee !== null &&
    callee.call.type === AST_NODE_TYPES.CallExpression &&
    callee.call.callee.type === AST_NODE_TYPES.MemberExpression &&
    callee.method !== null &&
    PROMISE_HANDLER_METHODS.has(callee.method)
  );
}

export type AsyncContextKind = 'async-function' | 'sync-callback' | 'promise-callback' | 'top-level-await';

export interface AsyncContext {
  kind: AsyncContextKind;
  /** The async function the code runs for (null for top-level-await modules and promise callbacks that are not async). */
  asyncFunction: FunctionNode | null;
  /** The function that directly contains the code (null at top level). */
  enclosingFunction: FunctionNode | null;
  /** Whether `await` may be inserted at the node. */
  awaitLegal: boolean;
}

export interface AsyncContextOptions {
  /** Sync array-method callbacks and `new Promise` executors inside async code count as async code. */
  checkArrayCallbacks: boolean;
  /** Module top-level statements count as async code when the module uses top-level `await`. */
  checkTopLevelAwaitModules: boolean;
  /** Whether the module uses top-level `await` (ask `hasTopLevelAwait` once per file, lazily). */
  hasTopLevelAwait: () => boolean;
}

/**
 * Whether code at `node` runs as part of async work, where blocking the thread delays every other
 * task: the body of an async function, a chain of sync callbacks (array methods, promise executors)
 * ending in one, a promise handler, or (opt-in) the top level of a module that uses top-level await.
 * Returns null for startup code: ordinary sync functions, constructors, static blocks, module top level.
 */
export function getAsyncContext(node: TSESTree.Node, options: AsyncContextOptions): AsyncContext | null {
  const enclosing = getEnclosingFunction(node);
  const enclosingFunction = enclosing.fn;
  if (!enclosingFunction) {
    if (enclosing.inSyncBoundary || !options.checkTopLevelAwaitModules || !options.hasTopLevelAwait()) return null;
    return { kind: 'top-level-await', asyncFunction: null, enclosingFunction: null, awaitLegal: true };
  }
  if (enclosing.inParameters) return null;
  if (enclosingFunction.async) {
    return { kind: 'async-function', asyncFunction: enclosingFunction, enclosingFunction, awaitLegal: true };
  }
  if (isPromiseHandlerCallback(enclosingFunction)) {
    return { kind: 'promise-callback', asyncFunction: null, enclosingFunction, awaitLegal: false };
  }
  if (!options.checkArrayCallbacks) return null;
  let callback: FunctionNode = enclosingFunction;
  while (isSynchronousCallback(callback)) {
    const outer = getEnclosingFunction(callback);
    if (!outer.fn || outer.inParameters) return null;
    if (outer.fn.async) {
      return { kind: 'sync-callback', asyncFunction: outer.fn, enclosingFunction, awaitLegal: false };
    }
    callback = outer.fn;
  }
  return null;
}

/** Whether the program has an `await` (or `for await`) outside every function: a top-level-await module. */
export function hasTopLevelAwait(sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  if (sourceCode.ast.sourceType !== 'module') return false;
  return someInSameFunction(
    sourceCode.ast,
    sourceCode.visitorKeys,
    (node) =>
      node.type === AST_NODE_TYPES.AwaitExpression ||
      (node.type === AST_NODE_TYPES.ForOfStatement && node.await) ||
      (node.type === AST_NODE_TYPES.VariableDeclaration && node.kind === 'await using'),
  );
}
