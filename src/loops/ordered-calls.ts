import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { getIdentifierWords, getLastIdentifierName, isNameEndingWithWord } from '../ast/names.js';
import { skipValueWrappers } from '../ast/unwrap.js';

/**
 * What a call in a loop body is, as far as running the loop's iterations concurrently goes: work
 * already started, a concurrent batch, or an operation whose effects must happen in item order
 * (child processes, prompts, output, module loading, messages, running units of work).
 */

export type CallNode = TSESTree.CallExpression | TSESTree.NewExpression;

const PROCESS_WORDS = new Set(['spawn', 'execa', 'fork', 'shell', 'lifecycle']);
const PROCESS_NAMES = new Set(['$', 'sh', 'npx', 'runscript', 'runcommand', 'execcommand']);
/** Option keys of calls that run child processes or scripts (`{ stdio: 'inherit' }`). */
const PROCESS_OPTION_KEYS = new Set(['stdio', 'stdioString', 'foregroundScripts', 'scriptShell', 'shell']);
const PROMPT_WORDS = new Set(['prompt', 'otp', 'otplease', 'password', 'passphrase', 'confirm', 'question', 'inquire', 'inquirer', 'readline']);
const PROMPT_RECEIVERS = ['inquirer', 'readline', 'rl', 'prompts', 'enquirer', 'prompt'];
/** Receivers that read what the user types, when asked to `read` (`input.read(ask)`, `stdin.read()`). */
const INPUT_RECEIVERS = ['input', 'stdin'];
const OUTPUT_RECEIVERS = new Set(['console', 'log', 'logger', 'output', 'stdout', 'stderr', 'spinner', 'progress', 'term', 'terminal', 'tty']);
const OUTPUT_CALLEES = new Set(['log', 'output', 'echo', 'print', 'println', 'printf']);
const FILE_WRITE_NAMES = new Set(['writefile', 'appendfile', 'outputfile', 'writejson', 'outputjson', 'writejsonfile', 'appendjson']);
const EVENT_WAITS = new Set(['once', 'finished', 'pevent']);
const PROMISE_COMBINATORS = new Set(['all', 'allSettled', 'any', 'race']);
const CONCURRENCY_HELPERS = new Set(['pmap', 'pall', 'pprops', 'psettle', 'pfilter', 'plimit', 'maplimit', 'eachlimit', 'parallellimit']);
/**
 * First words of callees that run a unit of work whose effects are ordered: tests, tasks, scripts,
 * migrations (`runTask`), messages (`publish`, `emit`), module loading (`importFile`), builds.
 */
const ORDERED_CALLEE_WORDS = new Set([
  'run', 'execute', 'invoke', 'publish', 'emit', 'dispatch', 'notify', 'broadcast', 'enqueue', 'deploy', 'migrate',
  'install', 'uninstall', 'import', 'require', 'build', 'bundle', 'compile',
]);
/** First words of a loop item's methods that run the item (a hook, plugin, task, server) rather than read it. */
const ITEM_LIFECYCLE_WORDS = new Set([
  'run', 'collect', 'execute', 'exec', 'invoke', 'apply', 'call', 'handle', 'handler', 'callback', 'listener', 'hook',
  'fn', 'cb', 'start', 'stop', 'init', 'initialize', 'setup', 'teardown', 'up', 'down', 'install', 'uninstall',
  'register', 'unregister', 'mount', 'unmount', 'dispose', 'destroy', 'close', 'cleanup', 'publish', 'emit',
  'dispatch', 'notify', 'trigger', 'fire', 'process', 'build', 'compile', 'migrate',
]);
/** Receivers that carry one ordered conversation (always on, beside the `sequentialReceivers` option). */
export const ORDERED_CHANNEL_RECEIVERS = ['connection', 'conn', 'socket', 'channel', 'port', 'pipe', 'build', 'bundle'];
/** Names of values passed around to collect state across calls: `seen`, `visited`, `cache`, `state`, ... */
const SHARED_STATE_WORDS = new Set([
  'state', 'result', 'results', 'seen', 'visited', 'cache', 'context', 'ctx', 'acc', 'accumulator', 'memo', 'registry',
  'store', 'graph', 'tree', 'collector', 'stats', 'bag', 'sink',
]);

/** `a`, `a.b`, `a[0].c`, `this.x` (no call anywhere): reading it starts nothing. */
export function isValueChain(node: TSESTree.Node): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.ThisExpression:
      return true;
    case AST_NODE_TYPES.MemberExpression:
      return (
        isValueChain(node.object) &&
        (!node.computed || node.property.type === AST_NODE_TYPES.Literal || isValueChain(node.property))
      );
    case AST_NODE_TYPES.ChainExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSSatisfiesExpression:
      return isValueChain(node.expression);
    default:
      return false;
  }
}

function getCalleeName(call: CallNode): string | null {
  return getLastIdentifierName(skipValueWrappers(call.callee));
}

function getMethodName(call: CallNode): string | null {
  const callee = skipValueWrappers(call.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression ? getLastIdentifierName(callee) : null;
}

function isPromiseHandlerMethod(name: string | null): boolean {
  return name === 'then' || name === 'catch' || name === 'finally';
}

/**
 * The call that does the work of `await X`: `f(x)` for `await f(x)`, `await f(x).catch(h)`,
 * `await f(x).then(a, b)`. Null when the awaited expression is not a call.
 */
export function getAwaitedCall(awaitNode: TSESTree.AwaitExpression): CallNode | null {
  let expression = skipValueWrappers(awaitNode.argument);
  while (expression.type === AST_NODE_TYPES.CallExpression) {
    const callee = skipValueWrappers(expression.callee);
    if (callee.type === AST_NODE_TYPES.MemberExpression && isPromiseHandlerMethod(getMethodName(expression))) {
      const inner = skipValueWrappers(callee.object);
      if (inner.type !== AST_NODE_TYPES.CallExpression && inner.type !== AST_NODE_TYPES.NewExpression) return expression;
      expression = inner;
      continue;
    }
    return expression;
  }
  return expression.type === AST_NODE_TYPES.NewExpression ? expression : null;
}

/**
 * Whether `await X` only waits for work that started before: a promise held in a variable or a
 * property (`await task.promise`), a handler chained on one, or an event of an existing emitter.
 */
export function isAlreadyStartedPromise(expression: TSESTree.Node): boolean {
  const node = skipValueWrappers(expression);
  if (isValueChain(node)) return true;
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = skipValueWrappers(node.callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression && isPromiseHandlerMethod(getMethodName(node))) {
    return isAlreadyStartedPromise(callee.object);
  }
  const name = getCalleeName(node);
  return name !== null && EVENT_WAITS.has(name.toLowerCase());
}

/** `Promise.all(...)`, `pMap(...)`: a call that already runs work concurrently. */
export function isConcurrentBatchCall(node: TSESTree.Node): boolean {
  const expression = skipValueWrappers(node);
  if (expression.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = skipValueWrappers(expression.callee);
  if (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    callee.object.name === 'Promise'
  ) {
    const method = getLastIdentifierName(callee);
    return method !== null && PROMISE_COMBINATORS.has(method);
  }
  const name = getLastIdentifierName(callee);
  return name !== null && CONCURRENCY_HELPERS.has(name.toLowerCase());
}

function hasProcessOptions(node: TSESTree.Node): boolean {
  if (node.type !== AST_NODE_TYPES.ObjectExpression) return false;
  return node.properties.some((property) => {
    if (property.type !== AST_NODE_TYPES.Property || property.computed) return false;
    const key = property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : property.key.type === AST_NODE_TYPES.Literal ? String(property.key.value) : null;
    return key !== null && PROCESS_OPTION_KEYS.has(key);
  });
}

/**
 * A child process or script: `spawn`, `execa`, `exec` (as a function, or awaited, unlike
 * `RegExp#exec`), `runScript`, `$`, a call given `{ stdio }` / `{ foregroundScripts }` options, or a
 * call resolved to `child_process` / `execa` (`resolved`).
 */
export function isProcessRunnerCall(call: CallNode, awaited: boolean, resolved: boolean): boolean {
  if (resolved) return true;
  const callee = skipValueWrappers(call.callee);
  const name = getLastIdentifierName(callee);
  if (name === null) return false;
  if (PROCESS_NAMES.has(name.toLowerCase())) return true;
  const words = getIdentifierWords(name);
  if (words.some((word) => PROCESS_WORDS.has(word))) return true;
  if (words[0] === 'run' && (words[1] === 'script' || words[1] === 'lifecycle')) return true;
  if (words.includes('exec') && (callee.type === AST_NODE_TYPES.Identifier || awaited)) return true;
  return awaited && call.arguments.some(hasProcessOptions);
}

/** `` $`npm test` ``, `` execa.sync`ls` ``, `` sh`make` ``: a tagged template that runs a command. */
export function isProcessRunnerTag(node: TSESTree.TaggedTemplateExpression): boolean {
  const name = getLastIdentifierName(skipValueWrappers(node.tag));
  if (name === null) return false;
  return PROCESS_NAMES.has(name.toLowerCase()) || getIdentifierWords(name).some((word) => PROCESS_WORDS.has(word));
}

/** An interactive step: `prompt(...)`, `confirm(...)`, `rl.question(...)`, `input.read(...)`, `otplease(...)`, `askName()`. */
export function isPromptCall(call: CallNode): boolean {
  const callee = skipValueWrappers(call.callee);
  const name = getLastIdentifierName(callee);
  if (name !== null) {
    const words = getIdentifierWords(name);
    if (words.some((word) => PROMPT_WORDS.has(word) || PROMPT_WORDS.has(word.replace(/s$/, ''))) || words[0] === 'ask') return true;
  }
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    const receiver = getLastIdentifierName(callee.object);
    if (receiver !== null && isNameEndingWithWord(receiver, PROMPT_RECEIVERS)) return true;
    if (receiver !== null && name === 'read' && isNameEndingWithWord(receiver, INPUT_RECEIVERS)) return true;
  }
  return false;
}

/** `console.log`, `process.stdout.write`, `output.standard`, `print(...)`, `this.log(...)`: output a reader sees in order. */
export function isOutputCall(call: CallNode): boolean {
  if (call.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = skipValueWrappers(call.callee);
  const name = getLastIdentifierName(callee);
  if (callee.type === AST_NODE_TYPES.Identifier) {
    return name !== null && (OUTPUT_CALLEES.has(name.toLowerCase()) || getIdentifierWords(name)[0] === 'print');
  }
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  if (name !== null && (name === 'log' || getIdentifierWords(name)[0] === 'print')) return true;
  const receiver = getLastIdentifierName(callee.object);
  return receiver !== null && OUTPUT_RECEIVERS.has(receiver.toLowerCase());
}

/** `writeFile(path, ...)`, `appendFile(path, ...)`, `outputJson(path, ...)`: a write to the file named first. */
export function isFileWriteCall(call: CallNode, resolved: boolean): boolean {
  if (resolved) return true;
  const name = getCalleeName(call);
  return name !== null && FILE_WRITE_NAMES.has(name.toLowerCase());
}

/**
 * A call that runs a unit of work whose effects are ordered: `runTask(t)`, `publish(msg)`,
 * `importFile(f)`, `build(config)`, or a dynamic `import()`.
 */
export function isOrderedUnitCall(node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.ImportExpression) return true;
  if (node.type !== AST_NODE_TYPES.CallExpression && node.type !== AST_NODE_TYPES.NewExpression) return false;
  const name = getCalleeName(node);
  if (name === null) return false;
  const first = getIdentifierWords(name)[0];
  return first !== undefined && ORDERED_CALLEE_WORDS.has(first);
}

/** Lifecycle words that end an item's life (`row.destroy()`, `conn.close()`, `r.dispose()`). */
const DISPOSER_WORDS = new Set(['stop', 'teardown', 'down', 'uninstall', 'unregister', 'unmount', 'dispose', 'destroy', 'close', 'cleanup']);

/** A method that disposes of its item: `destroy`, `closeAll`, `dispose`. */
export function isDisposerMethodName(name: string): boolean {
  const first = getIdentifierWords(name)[0];
  return first !== undefined && DISPOSER_WORDS.has(first);
}

/** A method of a loop item that runs it (`plugin.setup()`, `hook.handler(ctx)`, `server.close()`). */
export function isLifecycleMethodName(name: string): boolean {
  const first = getIdentifierWords(name)[0];
  return first !== undefined && ITEM_LIFECYCLE_WORDS.has(first);
}

/** Last words that name one value taken from the state rather than the state (`cachePath`, `cacheKeys`). */
const STATE_VALUE_WORDS = new Set(['path', 'dir', 'file', 'name', 'url', 'key', 'keys', 'id', 'ids', 'size', 'count', 'dirname']);

/** A variable name that says it collects state across calls (`seen`, `visitedDirs`, `resultCache`; not `cachePath`). */
export function isSharedStateName(name: string): boolean {
  const words = getIdentifierWords(name);
  const last = words.at(-1) ?? '';
  if (SHARED_STATE_WORDS.has(last)) return true;
  return SHARED_STATE_WORDS.has(words[0] ?? '') && !STATE_VALUE_WORDS.has(last);
}
