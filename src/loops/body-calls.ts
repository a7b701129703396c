import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { getCalleeName } from '../ast/callee-name.js';
import { getIdentifierWords, getLastIdentifierName, isNameEndingWithWord, isNameStartingWithWord } from '../ast/names.js';
import { skipValueWrappers } from '../ast/unwrap.js';
import { someInSameFunction } from '../ast/walk.js';
import type { LoopIndependenceOptions, SequentialReason } from './loop-independence.js';
import { getSameClassMethod } from './loop-carried-state.js';
import type { LoopState } from './loop-state.js';
import {
  isOrderedUnitCall,
  isProcessRunnerCall,
  isProcessRunnerTag,
  isPromptCall,
  ORDERED_CHANNEL_RECEIVERS,
  type CallNode,
} from './ordered-calls.js';
import { getReceiverName } from './receiver-name.js';

const TIMER_GLOBALS = ['setTimeout', 'setImmediate'];

function isTimerGlobalCall(state: LoopState, call: CallNode): boolean {
  const callee = call.callee;
  if (callee.type !== AST_NODE_TYPES.Identifier || !TIMER_GLOBALS.includes(callee.name)) return false;
  const variable = state.resolve(callee);
  return !variable || variable.defs.length === 0;
}

function isInsideNewPromise(node: TSESTree.Node, loop: TSESTree.Node): boolean {
  for (let current = node.parent; current && current !== loop; current = current.parent) {
    if (current.type === AST_NODE_TYPES.NewExpression && current.callee.type === AST_NODE_TYPES.Identifier && current.callee.name === 'Promise') {
      return true;
    }
  }
  return false;
}

/** A delay between items: a resolved delay, a callee named like `sleep`/`backoff`, or a timer wrapped in `new Promise`. */
function isPacingCall(state: LoopState, call: CallNode): boolean {
  if (state.options.delayCalls.has(call)) return true;
  const calleeName = getLastIdentifierName(skipValueWrappers(call.callee));
  if (calleeName !== null && isNameStartingWithWord(calleeName, state.options.pacingCallees)) return true;
  return isTimerGlobalCall(state, call) && isInsideNewPromise(call, state.shape.loop);
}

/**
 * Whether `node` names a shared connection, transaction, lock or stream (`tx`, `db.session`, `socket`,
 * `this` in `class EventCursor`): work on it goes one request at a time, in order.
 */
export function isSequentialReceiver(node: TSESTree.Node, options: LoopIndependenceOptions): boolean {
  const name = getReceiverName(node);
  return name !== null && (isNameEndingWithWord(name, options.sequentialReceivers) || isNameEndingWithWord(name, ORDERED_CHANNEL_RECEIVERS));
}

/**
 * Why a method the class declares runs a child process or a prompt, read from the calls its own
 * body makes (one level): its name alone (`this.exec(args)`) says nothing.
 */
function getSameClassMethodReason(state: LoopState, method: TSESTree.FunctionExpression): SequentialReason | null {
  let reason: SequentialReason | null = null;
  someInSameFunction(
    method.body,
    state.sourceCode.visitorKeys,
    (node) => {
      if (node.type !== AST_NODE_TYPES.CallExpression && node.type !== AST_NODE_TYPES.NewExpression) return false;
      if (getSameClassMethod(node)) return false;
      if (isProcessRunnerCall(node, true, state.options.processCalls.has(node))) reason = 'process-runner';
      else if (isPromptCall(node)) reason = 'prompt';
      return reason !== null;
    },
    { enterArrows: true },
  );
  return reason;
}

function getCallReasonByName(state: LoopState, call: CallNode, awaited: boolean): SequentialReason | null {
  if (isPacingCall(state, call)) return 'pacing';
  if (isProcessRunnerCall(call, awaited, state.options.processCalls.has(call))) return 'process-runner';
  if (isPromptCall(call)) return 'prompt';
  return awaited && isOrderedUnitCall(call) && (isModuleLoadCall(call) || handsItem(state, call)) ? 'ordered-unit' : null;
}

/** `requireOrImport(path)`, `importFile(f)`: loading a module runs its top-level code, in the order loaded. */
function isModuleLoadCall(call: CallNode): boolean {
  const name = getCalleeName(call.callee);
  const first = name === null ? undefined : getIdentifierWords(name)[0];
  return first === 'import' || first === 'require';
}

/**
 * Whether a call is handed a loop item itself (`runTask(task)`, `publish(event.payload)`): a unit
 * of work the loop was given, run in the order given. A value the iteration builds for the call
 * (`run('npx', ['esbuild', entry])`, `execute(new DropOp(name))`) is per-item work like any other.
 */
function handsItem(state: LoopState, call: CallNode): boolean {
  return call.arguments.some((argument) => {
    let root: TSESTree.Node = skipValueWrappers(argument);
    while (root.type === AST_NODE_TYPES.MemberExpression) root = skipValueWrappers(root.object);
    if (root.type !== AST_NODE_TYPES.Identifier) return false;
    const variable = state.resolve(root);
    return variable !== null && state.isItemVariable(variable);
  });
}

function getCallReason(state: LoopState, call: CallNode, own: boolean): SequentialReason | null {
  const awaited = state.isAwaited(call);
  const method = getSameClassMethod(call);
  const byName = method ? getSameClassMethodReason(state, method) : getCallReasonByName(state, call, awaited);
  if (byName) return byName;
  if (!own) return null;
  const callee = skipValueWrappers(call.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression && isSequentialReceiver(callee.object, state.options) ? 'sequential-receiver' : null;
}

/**
 * Why a call anywhere in the body (callbacks included) orders the iterations on purpose: a delay,
 * a child process, a prompt, a unit of work that runs in order, a request on a shared connection.
 * The first call that gives a reason decides.
 */
export function getBodyCallReason(state: LoopState): SequentialReason | null {
  for (const { node, own } of state.facts.calls) {
    const reason = getCallReason(state, node, own);
    if (reason) return reason;
  }
  if (state.facts.taggedTemplates.some(isProcessRunnerTag)) return 'process-runner';
  if (state.working.some((node) => skipValueWrappers(node.argument).type === AST_NODE_TYPES.ImportExpression)) return 'ordered-unit';
  return null;
}
