import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { FunctionNode } from '../ast/function-node.js';
import { describeAsyncContext, describeFunctionWithArticle, getAwaitlessHint } from './describe-context.js';
import { getEnclosingFunction } from '../ast/enclosing-function.js';
import { getAsyncContext, type AsyncContextOptions } from './async-context.js';
import { getFileFacts } from './file-facts.js';
import { getRunContext, isModuleApi } from './run-context.js';
import type { ConcurrentContext } from './run-context-types.js';

/**
 * Where the blocking rules report (the `reportIn` option):
 * - `concurrent-paths`: code on a concurrent path (sync or async), and async code whose context is unknown;
 * - `async-functions`: that, and every async function, even on sequential paths (the rules' earlier behaviour);
 * - `all-functions`: every function body, whatever its context (never the module top level).
 */
export type ReportIn = 'concurrent-paths' | 'async-functions' | 'all-functions';

export const REPORT_IN_VALUES: readonly ReportIn[] = ['concurrent-paths', 'async-functions', 'all-functions'];

export type ReportDecision =
  | {
      kind: 'concurrent';
      context: ConcurrentContext;
      /** `await` may be written at the node. */
      awaitLegal: boolean;
      /** The sync handler the node sits in directly, when its framework awaits handlers, so it may become async. */
      asyncableHandler: FunctionNode | null;
      /** Where to use the alternative when `await` is not legal in a sync callback (see `getAwaitlessHint`), or "". */
      hint: string;
    }
  /** Async code (or a function, with `all-functions`) whose context is not known: `where` names it. */
  | { kind: 'function'; where: string; awaitLegal: boolean; hint: string };

export interface ReportScopeInput {
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
  reportIn: ReportIn;
  asyncOptions: AsyncContextOptions;
  /**
   * Also report in a sync function whose context is unknown when other modules can call it (an
   * export, a method): for work costly enough (CPU-heavy calls) to hurt on whatever path reaches it.
   */
  reportModuleApi?: boolean;
}

/** Whether and how a blocking call (or loop) at `node` is reported, from where it runs. */
export function getReportDecision(node: TSESTree.Node, { context, reportIn, asyncOptions, reportModuleApi = false }: ReportScopeInput): ReportDecision | null {
  const sourceCode = context.sourceCode;
  const facts = getFileFacts(sourceCode, { filename: context.filename, cwd: context.cwd });
  const runContext = getRunContext(node, facts);
  const enclosing = getEnclosingFunction(node);
  const hintFor = (awaitLegal: boolean): string => (awaitLegal || enclosing.inParameters ? '' : getAwaitlessHint(enclosing.fn));
  if (runContext.kind === 'concurrent') {
    const awaitLegal = enclosing.fn !== null && enclosing.fn.async && !enclosing.inParameters;
    const handler = runContext.handler;
    const asyncableHandler =
      !awaitLegal && handler !== null && handler === enclosing.fn && !enclosing.inParameters && runContext.handlerAwaited && !handler.async && !handler.generator
        ? handler
        : null;
    return { kind: 'concurrent', context: runContext, awaitLegal, asyncableHandler, hint: hintFor(awaitLegal) };
  }
  const asyncContext = getAsyncContext(node, asyncOptions);
  // `checkTopLevelAwaitModules` asks for the top level of such modules, which is sequential.
  const askedFor = asyncContext?.kind === 'top-level-await';
  if (runContext.kind === 'sequential' && reportIn === 'concurrent-paths' && !askedFor) return null;
  if (asyncContext) {
    return { kind: 'function', where: describeAsyncContext(asyncContext, sourceCode), awaitLegal: asyncContext.awaitLegal, hint: hintFor(asyncContext.awaitLegal) };
  }
  if (runContext.kind === 'unknown' && runContext.asyncCaller && runContext.helper) {
    const where = `${describeFunctionWithArticle(runContext.helper, sourceCode)}, called from ${describeFunctionWithArticle(runContext.asyncCaller, sourceCode)}`;
    return { kind: 'function', where, awaitLegal: false, hint: '' };
  }
  if (reportIn === 'all-functions' && enclosing.fn && !enclosing.inParameters) {
    return { kind: 'function', where: describeFunctionWithArticle(enclosing.fn, sourceCode), awaitLegal: false, hint: hintFor(false) };
  }
  if (reportModuleApi && runContext.kind === 'unknown' && enclosing.fn && !enclosing.inParameters && isModuleApi(enclosing.fn, facts)) {
    const where = `${describeFunctionWithArticle(enclosing.fn, sourceCode)}, which other modules can call from any path (a request handler, say)`;
    return { kind: 'function', where, awaitLegal: false, hint: hintFor(false) };
  }
  return null;
}
