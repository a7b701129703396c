import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { getCalleeName, getCalleePath } from '../../ast/callee-name.js';
import { isAwaitLegalAt } from '../../ast/enclosing-function.js';
import { isAsyncFunction, isFunctionNode, type FunctionNode } from '../../ast/function-node.js';
import { skipBindCall, skipTypeWrappers, skipValueWrappers } from '../../ast/unwrap.js';
import { isGlobalReference } from '../../scope/globals.js';
import { getCalledLocalFunction } from '../../scope/local-functions.js';
import { getThenableKind, isVoidCallbackParameter } from '../../types/thenable-type.js';
import { getMethodCallText } from '../../fixes/statement-edits.js';
import { getForEachStatement, getForOfText, getMapAllFix } from './foreach-rewrite.js';
import { isNeverThenableBySyntax } from './never-thenable.js';
import { NodeEmitters } from './node-emitters.js';
import { isReported, type ReportKind } from './policy.js';
import type { RejectionVerdict } from '../../promises/rejection-verdict.js';
import type { FloatingTaskShared } from './shared-context.js';
import type { MessageIds } from './types.js';

const LISTENER_METHODS = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener']);
const TIMER_FUNCTIONS = new Set(['setTimeout', 'setInterval', 'setImmediate']);
/**
 * Methods whose last argument is a completion callback (`server.close(cb)`, `server.listen(port, cb)`,
 * `stream.end(cb)`): Node calls it once with an error or nothing and ignores what it returns.
 */
const COMPLETION_METHODS = new Set(['close', 'listen', 'end']);

/**
 * The third check of floating-task (option `checkCallbacks`): promise-returning callbacks passed
 * where the return value is ignored: `forEach` (`forEachCallback`), listeners, timers, `new Promise`
 * executors and, with types, parameters typed to return `void` (`voidCallback`).
 */
export function createVoidCallbacksCheck(shared: FloatingTaskShared): TSESLint.RuleListener {
  const emitters = new NodeEmitters(shared.sourceCode);
  return {
    CallExpression: (node) => checkCallbacks(shared, emitters, node),
    NewExpression: (node) => checkCallbacks(shared, emitters, node),
  };
}

interface VoidCallbackReceiver {
  text: string;
  /** The policy that applies: a receiver known to drop the result, or one that may await it. */
  kind: ReportKind;
}

function checkCallbacks(shared: FloatingTaskShared, emitters: NodeEmitters, call: TSESTree.CallExpression | TSESTree.NewExpression): void {
  const { context, services } = shared;
  const callee = skipTypeWrappers(call.callee);
  const memberName = callee.type === AST_NODE_TYPES.MemberExpression ? getCalleeName(callee) : null;
  const isForEach = call.type === AST_NODE_TYPES.CallExpression && memberName === 'forEach';
  // Without types only a few receivers can be reported, and their names settle most calls; with
  // types any receiver can, so the arguments are looked at first (the checker is asked later).
  const serverApi = emitters.getListenerApi(call) !== null;
  if (!services && !isForEach && !serverApi && !mayIgnoreCallbackResult(call, callee, memberName)) return;
  // Only an argument that can return a promise can be reported: most calls pass none.
  const candidates = call.arguments.map((argument) => isCallbackCandidate(shared, argument));
  if (!candidates.includes(true)) return;
  call.arguments.forEach((argument, index) => {
    if (isForEach && index !== 0) return;
    const isMember = callee.type === AST_NODE_TYPES.MemberExpression;
    if (!services && !isForEach && !serverApi && index !== (isMember ? 1 : 0) && !(isMember && index === call.arguments.length - 1)) return;
    if (!candidates[index]) return;
    // The receiver is cheaper to rule out than the callback's return type (which makes the checker resolve the call).
    const receiver = isForEach ? null : serverApi ? { text: getCalleeText(call), kind: 'void-callback' as const } : getVoidCallbackReceiver(shared, emitters, call, index);
    if (!isForEach && receiver === null) return;
    const callback = shared.getDetector().getPromiseCallback(argument);
    if (!callback) return;
    const verdict = getCallbackRejection(shared, argument, callback.fn);
    if (isForEach && call.type === AST_NODE_TYPES.CallExpression) {
      if (isReported('void-callback', verdict)) reportForEach(shared, call, argument);
      return;
    }
    if (receiver === null || !isReported(receiver.kind, verdict)) return;
    context.report({ node: argument, messageId: 'voidCallback', data: { callee: receiver.text }, suggest: getCatchInsideSuggestions(shared, argument) });
  });
}

/** The verdict for the promise a callback returns: its function's, or (a function the rule cannot read) what its type shows. */
function getCallbackRejection(shared: FloatingTaskShared, argument: TSESTree.Node, fn: FunctionNode | null): RejectionVerdict {
  const detector = shared.getDetector();
  if (fn) return detector.getFunctionRejection(fn);
  if (detector.hasCallbackRejectionEvidence(argument)) return { verdict: 'rejects', reason: 'api-can-fail', node: argument };
  return { verdict: 'unknown', reason: 'unresolved-value', node: argument };
}

function getCalleeText(call: TSESTree.CallExpression | TSESTree.NewExpression): string {
  const callee = skipValueWrappers(call.callee);
  const last = callee.type === AST_NODE_TYPES.SequenceExpression ? callee.expressions[callee.expressions.length - 1] : callee;
  const target = last ?? callee;
  return `\`${getCalleePath(target) ?? getCalleeName(target) ?? 'the callee'}\``;
}

/**
 * The callee's description for the void-callback message, when the argument at `index` is such
 * a callback, and whether only its type says so (a parameter typed to return `void`, not a
 * `forEach`, listener, timer or `new Promise` executor, which are known to ignore it).
 */
function getVoidCallbackReceiver(
  shared: FloatingTaskShared,
  emitters: NodeEmitters,
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  index: number,
): VoidCallbackReceiver | null {
  const { services } = shared;
  const callee = skipTypeWrappers(call.callee);
  const name = getCalleeName(callee);
  const calleeText = `\`${call.type === AST_NODE_TYPES.NewExpression ? 'new ' : ''}${getCalleePath(callee) ?? name ?? 'the callee'}\``;
  const known = getKnownVoidCallbackReceiver(shared, call, index, calleeText);
  if (services && getThenableKind(services, callee) !== 'unknown') {
    // The parameter's declared type decides: a `void` return drops the promise.
    if (!isVoidCallbackParameter(services, call, index)) return null;
    return { text: known ?? calleeText, kind: known === null ? 'unidentified-listener' : 'void-callback' };
  }
  if (known === null) return null;
  // Without types, a listener counts as dropped for sure only on an emitter known to be Node's.
  const isListener = callee.type === AST_NODE_TYPES.MemberExpression;
  const kind: ReportKind = isListener && !emitters.isNodeEmitter(callee.object) ? 'unidentified-listener' : 'void-callback';
  return { text: known, kind };
}

/** Receivers known to ignore what their callback returns, by syntax: `new Promise`, listener registrations, timers. */
function getKnownVoidCallbackReceiver(
  shared: FloatingTaskShared,
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  index: number,
  calleeText: string,
): string | null {
  const { sourceCode } = shared;
  const callee = skipTypeWrappers(call.callee);
  const name = getCalleeName(callee);
  if (call.type === AST_NODE_TYPES.NewExpression) {
    const isPromise = callee.type === AST_NODE_TYPES.Identifier && callee.name === 'Promise' && isGlobalReference(callee, sourceCode);
    return isPromise && index === 0 ? '`new Promise`' : null;
  }
  if (name === null) return null;
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    if (LISTENER_METHODS.has(name)) return index === 1 && call.arguments.length >= 2 ? calleeText : null;
    return COMPLETION_METHODS.has(name) && index === call.arguments.length - 1 ? calleeText : null;
  }
  return callee.type === AST_NODE_TYPES.Identifier && TIMER_FUNCTIONS.has(name) && index === 0 && isGlobalReference(callee, sourceCode)
    ? calleeText
    : null;
}

/** A promise-returning callback (async function, promise-returning arrow, local async function). */
function isCallbackCandidate(shared: FloatingTaskShared, argument: TSESTree.Node): boolean {
  const value = skipBindCall(argument);
  // A plain function returns a promise by syntax only from an expression body (a block body's
  // `return` is not read here), and not from one whose value is never a thenable.
  if (isFunctionNode(value)) {
    if (value.async || !value.body) return true;
    return value.body.type !== AST_NODE_TYPES.BlockStatement && !isNeverThenableBySyntax(value.body);
  }
  if (value.type !== AST_NODE_TYPES.Identifier && value.type !== AST_NODE_TYPES.MemberExpression) return false;
  if (!shared.mayCallLocalAsyncFunction(value)) return false;
  const fn = getCalledLocalFunction(value, shared.sourceCode);
  return fn !== null && isAsyncFunction(fn);
}

/** Without types only `forEach` and the receivers `getKnownVoidCallbackReceiver` knows can be reported: a cheap look at the callee's name first. */
function mayIgnoreCallbackResult(call: TSESTree.CallExpression | TSESTree.NewExpression, callee: TSESTree.Node, memberName: string | null): boolean {
  if (callee.type === AST_NODE_TYPES.Identifier) {
    return call.type === AST_NODE_TYPES.NewExpression ? callee.name === 'Promise' : TIMER_FUNCTIONS.has(callee.name);
  }
  if (call.type === AST_NODE_TYPES.NewExpression || memberName === null) return false;
  return (LISTENER_METHODS.has(memberName) && call.arguments.length >= 2) || COMPLETION_METHODS.has(memberName);
}

function reportForEach(shared: FloatingTaskShared, call: TSESTree.CallExpression, argument: TSESTree.Node): void {
  const { context, sourceCode } = shared;
  const forEach = getForEachStatement(call);
  const suggest: TSESLint.ReportSuggestionArray<MessageIds> = [];
  if (forEach && isAwaitLegalAt(forEach.statement, sourceCode)) {
    suggest.push({ messageId: 'suggestMapAll', fix: (fixer) => getMapAllFix(fixer, forEach) });
    const forOf = getForOfText(sourceCode, forEach);
    if (forOf !== null) suggest.push({ messageId: 'suggestForOf', fix: (fixer) => fixer.replaceText(forEach.statement, forOf) });
  }
  // Outside an async function `await` is a syntax error: the message then gives no `await` advice.
  const awaitLegal = forEach ? isAwaitLegalAt(forEach.statement, sourceCode) : isAwaitLegalAt(call, sourceCode);
  context.report({ node: argument, messageId: awaitLegal ? 'forEachCallback' : 'forEachCallbackOutsideAsync', suggest });
}

/**
 * Handle the errors inside a callback written inline, since its caller drops the promise: wrap an
 * async block body in `try`/`catch`, or end an expression body's promise with `.catch(...)`. The
 * handler is `catchHandler` or `console.error`.
 */
function getCatchInsideSuggestions(shared: FloatingTaskShared, argument: TSESTree.Node): TSESLint.ReportSuggestionArray<MessageIds> {
  const { sourceCode, options } = shared;
  const fn = skipBindCall(argument);
  if (!isFunctionNode(fn) || !fn.body) return [];
  const body = fn.body;
  const handler = options.catchHandler ?? 'console.error';
  if (body.type === AST_NODE_TYPES.BlockStatement) {
    if (!fn.async) return [];
    const text = `{ try ${sourceCode.getText(body)} catch (error) { ${handler}(error); } }`;
    return [{ messageId: 'suggestTryCatchInside', data: { handler }, fix: (fixer) => fixer.replaceText(body, text) }];
  }
  const text = getMethodCallText(sourceCode, body, 'catch', handler);
  return [{ messageId: 'suggestCatchInside', data: { handler }, fix: (fixer) => fixer.replaceText(body, text) }];
}
