import { ASTUtils, AST_NODE_TYPES, type TSESLint } from '@typescript-eslint/utils';
import type { AsyncContext } from './async-context.js';
import type { FunctionNode } from '../ast/function-node.js';
import { describeFunction } from '../ast/function-name.js';

/**
 * Where blocking code runs, for both blocking rules' messages: "async function `loadConfig`",
 * "a `.map` callback in async function `loadAll`", "a `.then` callback", ...
 */
export function describeAsyncContext(asyncContext: AsyncContext, sourceCode: Readonly<TSESLint.SourceCode>): string {
  switch (asyncContext.kind) {
    case 'async-function':
    case 'top-level-await':
      return asyncContext.asyncFunction
        ? describeFunction(asyncContext.asyncFunction, sourceCode)
        : 'the top level of a module that uses top-level `await`';
    case 'sync-callback':
      return `${describeCallback(asyncContext.enclosingFunction)} in ${describeFunction(asyncContext.asyncFunction, sourceCode)}`;
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
