import { ASTUtils, AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { FunctionNode } from '../ast/function-node.js';
import { getCalleeName, getCalleePath } from '../ast/callee-name.js';
import { getStaticStringOf } from '../ast/static-string.js';
import type { FileFacts } from './file-facts.js';
import { getRouteCallContext } from './request-handlers.js';
import { concurrent, sequential, UNKNOWN, type RunContext } from './run-context-types.js';

/** What a position tells: a context, "runs as part of the code at `at`", or nothing known. */
export type SiteAnswer =
  | RunContext
  /** Runs as part of the code at `at`; `registered`: a callback handed to a callee we do not know, which may run later. */
  | { kind: 'continue'; at: TSESTree.Node; registered?: boolean };

const LISTENER_METHODS = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener', 'addEventListener']);
const ONCE_METHODS = new Set(['once', 'prependOnceListener']);
/** Events a stream, socket or child process emits at most once, at the end of its life. */
const END_OF_LIFE_EVENTS = new Set(['end', 'finish', 'close', 'exit']);
const SHUTDOWN_EVENTS = new Set(['exit', 'beforeExit', 'SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT', 'SIGBREAK', 'SIGUSR2']);
const ERROR_EVENTS = new Set(['error', 'uncaughtException', 'uncaughtExceptionMonitor', 'unhandledRejection']);
const SYNC_ARRAY_METHODS = new Set([
  'every', 'filter', 'find', 'findIndex', 'findLast', 'findLastIndex', 'flatMap', 'forEach', 'map', 'reduce', 'reduceRight', 'some', 'sort', 'toSorted',
]);
const FAN_OUT_STATICS = new Set(['all', 'allSettled', 'any', 'race']);
const FAN_OUT_HELPERS = new Set(['pMap', 'pmap', 'pFilter', 'Promise.map', 'Bluebird.map', 'async.map', 'async.each', 'async.eachLimit', 'async.mapLimit', 'async.parallel']);
const DEFERRED_CONTINUATIONS = new Set(['nextTick', 'setImmediate', 'queueMicrotask']);
const TIMERS = new Set(['setInterval', 'setTimeout']);

function isArgumentOf(call: TSESTree.CallExpression | TSESTree.NewExpression, argument: TSESTree.Node): boolean {
  return (call.arguments as readonly TSESTree.Node[]).includes(argument);
}

/** `Promise.all(items.map(fn))` (also `allSettled`, `any`, `race`, and `flatMap`): the static's name, else null. */
function getFanOutStatic(arrayCall: TSESTree.CallExpression): string | null {
  const outer = arrayCall.parent;
  if (outer.type !== AST_NODE_TYPES.CallExpression || outer.arguments[0] !== arrayCall) return null;
  const path = getCalleePath(outer.callee);
  const [object, method, extra] = path?.split('.') ?? [];
  return object === 'Promise' && method !== undefined && extra === undefined && FAN_OUT_STATICS.has(method) ? `Promise.${method}` : null;
}

/** `x.once(event, fn)`, `target.addEventListener(event, fn, { once: true })`. */
function isOnceListener(call: TSESTree.CallExpression, name: string): boolean {
  if (ONCE_METHODS.has(name)) return true;
  const options = call.arguments[2];
  return (
    name === 'addEventListener' &&
    options?.type === AST_NODE_TYPES.ObjectExpression &&
    options.properties.some((property) => property.type === AST_NODE_TYPES.Property && ASTUtils.getPropertyName(property) === 'once' && property.value.type === AST_NODE_TYPES.Literal && property.value.value === true)
  );
}

/**
 * A listener runs once per event; but a `once` listener, or one for an event an emitter sends at
 * most once (`'end'`, `'close'`, ...), runs once per registration, so it runs as often as the code
 * that registers it (a per-request `req.on('end')` is per request, a reporter's
 * `runner.once('end')` is once per run).
 */
function getListenerContext(call: TSESTree.CallExpression, name: string, facts: FileFacts): SiteAnswer {
  const event = getStaticStringOf(call.arguments[0]);
  const receiver = call.callee.type === AST_NODE_TYPES.MemberExpression ? getCalleePath(call.callee.object) : null;
  if (event !== null && ERROR_EVENTS.has(event)) return sequential('error-path', `'${event}'`);
  if (receiver === 'process' && event !== null && SHUTDOWN_EVENTS.has(event)) return sequential('shutdown', `'${event}'`);
  if (event === 'request') return concurrent('server-callback', "'request'");
  if (event === 'listening') return sequential('startup', "'listening'");
  if (facts.isCliFile()) return sequential('cli', '');
  if (isOnceListener(call, name) || (event !== null && END_OF_LIFE_EVENTS.has(event))) return { kind: 'continue', at: call, registered: true };
  return concurrent('listener', event === null ? 'event' : `'${event}'`);
}

/** `new Worker('queue', fn)` (BullMQ; `worker_threads` takes no function) and `queue.process(fn)` (Bull, Bee). */
function getJobContext(call: TSESTree.CallExpression | TSESTree.NewExpression, argument: TSESTree.Node, name: string): RunContext | null {
  const isJobWorker = call.type === AST_NODE_TYPES.NewExpression && name === 'Worker' && call.arguments[0] !== argument;
  const isProcess = call.type === AST_NODE_TYPES.CallExpression && name === 'process' && call.callee.type === AST_NODE_TYPES.MemberExpression;
  if (!isJobWorker && !isProcess) return null;
  return concurrent('job-processor', getStaticStringOf(call.arguments[0]) ?? name);
}

/** The order of a callback's position in `.then(onFulfilled, onRejected)`. */
function getPromiseHandlerAnswer(call: TSESTree.CallExpression, argument: TSESTree.Node, name: string): SiteAnswer | null {
  if (call.callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  if (name === 'catch' || (name === 'then' && call.arguments[1] === argument)) return sequential('error-path', '.catch');
  if (name === 'then' || name === 'finally') return { kind: 'continue', at: call };
  return null;
}

/** Callbacks run as part of the code that passes them: array methods, `new Promise` executors, `nextTick`. */
function getContinuationAnswer(call: TSESTree.CallExpression | TSESTree.NewExpression, argument: TSESTree.Node, name: string): SiteAnswer | null {
  if (call.type === AST_NODE_TYPES.NewExpression) return name === 'Promise' && call.arguments[0] === argument ? { kind: 'continue', at: call } : null;
  if (SYNC_ARRAY_METHODS.has(name) && call.callee.type === AST_NODE_TYPES.MemberExpression) {
    const fanOut = name === 'map' || name === 'flatMap' ? getFanOutStatic(call) : null;
    return fanOut === null ? { kind: 'continue', at: call } : concurrent('fan-out', fanOut);
  }
  if (DEFERRED_CONTINUATIONS.has(name)) return { kind: 'continue', at: call };
  return null;
}

/** Bundler hooks given as calls: webpack `compiler.hooks.x.tap(...)`, esbuild `build.onLoad(...)`. */
function getHookCallContext(call: TSESTree.CallExpression, name: string): RunContext | null {
  if (call.callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  if ((name === 'tap' || name === 'tapAsync' || name === 'tapPromise') && (getCalleePath(call.callee) ?? '').includes('hooks.')) {
    return sequential('build-hook', getCalleePath(call.callee.object)?.split('.').at(-1) ?? name);
  }
  if (name === 'onLoad' || name === 'onResolve') return concurrent('per-module-hook', name);
  if (name === 'onStart' || name === 'onEnd') return sequential('build-hook', name);
  return null;
}

/**
 * What it means that `argument` (a function, or a name bound to one) is passed to `call`: a
 * request handler, listener, job processor, fan-out item, timer, bundler hook, a callback that
 * runs as part of the caller (`continue`), or null when the callee is not known.
 */
export function getArgumentSiteAnswer(
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  argument: TSESTree.Node,
  fn: FunctionNode | null,
  facts: FileFacts,
): SiteAnswer | null {
  if (!isArgumentOf(call, argument)) return null;
  const route = getRouteCallContext(call, argument, fn, facts);
  if (route) return route;
  const name = getCalleeName(call.callee);
  if (name === null) return null;
  const path = getCalleePath(call.callee);
  if (call.type === AST_NODE_TYPES.CallExpression && LISTENER_METHODS.has(name) && call.callee.type === AST_NODE_TYPES.MemberExpression && call.arguments[0] !== argument) {
    return getListenerContext(call, name, facts);
  }
  if (path !== null && FAN_OUT_HELPERS.has(path) && call.arguments[0] !== argument) return concurrent('fan-out', path);
  const job = getJobContext(call, argument, name);
  if (job) return job;
  if (call.type === AST_NODE_TYPES.CallExpression) {
    const handler = getPromiseHandlerAnswer(call, argument, name) ?? getHookCallContext(call, name);
    if (handler) return handler;
    if (name === 'listen') return sequential('startup', 'listen');
  }
  const continuation = getContinuationAnswer(call, argument, name);
  if (continuation) return continuation;
  if (TIMERS.has(name)) {
    if (facts.isCliFile()) return sequential('cli', '');
    return facts.isServerModule() ? concurrent('timer', name) : UNKNOWN;
  }
  return null;
}

const PER_MODULE_HOOKS = new Set(['load', 'transform', 'resolveId', 'renderChunk', 'resolveDynamicImport', 'moduleParsed']);
const BUILD_HOOKS = new Set([
  'options', 'buildStart', 'buildEnd', 'generateBundle', 'writeBundle', 'closeBundle', 'renderStart', 'renderError', 'outputOptions',
  'config', 'configResolved', 'configureServer', 'configurePreviewServer', 'closeWatcher', 'watchChange', 'setup', 'apply',
]);
const STREAM_CLASSES = new Set(['Writable', 'Readable', 'Duplex', 'Transform', 'PassThrough']);
const STREAM_METHODS = new Set(['write', 'writev', 'final', 'read', 'transform', 'flush']);

function hasHookShape(object: TSESTree.ObjectExpression): boolean {
  let hooks = 0;
  for (const property of object.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    const key = ASTUtils.getPropertyName(property);
    if (key === 'name') return true;
    if (key !== null && (PER_MODULE_HOOKS.has(key) || BUILD_HOOKS.has(key))) hooks++;
  }
  return hooks >= 2;
}

/** A function given as `key` of an object literal: a bundler plugin hook or a stream implementation method. */
export function getObjectMemberContext(property: TSESTree.Property): RunContext | null {
  const object = property.parent;
  const key = ASTUtils.getPropertyName(property);
  if (object.type !== AST_NODE_TYPES.ObjectExpression || key === null) return null;
  const owner = object.parent;
  if (owner.type === AST_NODE_TYPES.NewExpression && STREAM_METHODS.has(key) && STREAM_CLASSES.has(getCalleeName(owner.callee) ?? '')) {
    return concurrent('stream-callback', key);
  }
  if (!PER_MODULE_HOOKS.has(key) && !BUILD_HOOKS.has(key)) return null;
  if (!hasHookShape(object)) return null;
  return PER_MODULE_HOOKS.has(key) ? concurrent('per-module-hook', key) : sequential('build-hook', key);
}

/** `class X extends Transform { _transform() {} }`: the stream's per-chunk methods. */
export function getClassMethodContext(method: TSESTree.MethodDefinition): RunContext | null {
  const key = ASTUtils.getPropertyName(method);
  const classNode = method.parent.parent;
  if (key === null || !key.startsWith('_') || !STREAM_METHODS.has(key.slice(1))) return null;
  const superName = classNode.superClass ? getCalleeName(classNode.superClass) : null;
  return superName !== null && STREAM_CLASSES.has(superName) ? concurrent('stream-callback', key) : null;
}
