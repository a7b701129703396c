import { ASTUtils, AST_NODE_TYPES, type TSESLint } from '@typescript-eslint/utils';
import type { AsyncContext } from './async-context.js';
import type { FunctionNode } from '../ast/function-node.js';
import { describeFunction } from '../ast/function-name.js';

/** "the async function `loadConfig`", "an async arrow function", "a function": a description with its article. */
export function describeFunctionWithArticle(fn: FunctionNode | null, sourceCode: Readonly<TSESLint.SourceCode>): string {
  const text = describeFunction(fn, sourceCode);
  if (text.startsWith('the ')) return text;
  if (text.includes('`')) return `the ${text}`;
  return /^[aeiou]/u.test(text) ? `an ${text}` : `a ${text}`;
}

const ARRAY_CALLBACK_METHODS = new Set(['map', 'flatMap', 'forEach', 'filter', 'some', 'every', 'find', 'findIndex', 'findLast', 'findLastIndex', 'reduce', 'reduceRight']);

/**
 * Where to use the async alternative when the node sits directly in a sync array-method callback
 * or a `new Promise` executor, where `await` is not legal: "", or a phrase appended to the advice
 * (" outside the callback, or in an async callback (`await Promise.all(items.map(async …))`)").
 */
export function getAwaitlessHint(fn: FunctionNode | null): string {
  if (!fn || fn.async) return '';
  const call = fn.parent;
  if (call.type === AST_NODE_TYPES.NewExpression) return ' outside the `new Promise` executor';
  if (call.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== fn || call.callee.type !== AST_NODE_TYPES.MemberExpression) return '';
  const method = ASTUtils.getPropertyName(call.callee);
  if (method === null || !ARRAY_CALLBACK_METHODS.has(method)) return '';
  return ' outside the callback, or in an async callback (`await Promise.all(items.map(async …))`)';
}

/**
 * Where blocking code runs, for both blocking rules' messages: "async function `loadConfig`",
 * "a `.map` callback in async function `loadAll`", "a `.then` callback", ...
 */
export function describeAsyncContext(asyncContext: AsyncContext, sourceCode: Readonly<TSESLint.SourceCode>): string {
  switch (asyncContext.kind) {
    case 'async-function':
    case 'top-level-await':
      return asyncContext.asyncFunction
        ? describeFunctionWithArticle(asyncContext.asyncFunction, sourceCode)
        : 'the top level of a module that uses top-level `await`';
    case 'sync-callback':
      return `${describeCallback(asyncContext.enclosingFunction)} in ${describeFunctionWithArticle(asyncContext.asyncFunction, sourceCode)}`;
    case 'promise-callback':
      return describeCallback(asyncContext.enclosingFunction);
  }
}

function describeCallback(fn: FunctionNode | null): string {
  const call = fn?.parent;
  if (call?.type === AST_NODE_TYPES.NewExpression) return 'a `new Promise` executor';
  if (call?.type === AST_NODE_TYPES.CallExpression && call.callee.type === AST_NODE_TYPES.MemberExpression) {
    const method = ASTUtils.getPropertyName(call.callee);
    if (method) return `a \`.${method}\` callback`;
  }
  return 'a callback';
}
