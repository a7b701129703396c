import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { isFunctionNode } from './async-context.js';
import type { LoopShape } from './loop-shape.js';
import { isLoopNode } from './loop-shape.js';
import {
  getIdentifierWords,
  getLastIdentifierName,
  hasNameWord,
  isNameEndingWithWord,
  isNameStartingWithWord,
} from './name-matching.js';

export interface LoopIndependenceOptions {
  /** Callee names of delays and retries (`sleep`, `delay`, ...), matched as leading camelCase words. */
  pacingCallees: readonly string[];
  /** Receiver names of shared connections, locks and streams (`tx`, `session`, ...), matched as trailing words. */
  sequentialReceivers: readonly string[];
  /** Calls resolved to a delay whatever their local name (`setTimeout` from `node:timers/promises`). */
  delayCalls: ReadonlySet<TSESTree.Node>;
  /** Calls resolved to a child-process runner (`child_process`, `execa`). */
  processCalls: ReadonlySet<TSESTree.Node>;
  /** Calls resolved to a file write that takes the path first (`fs/promises` `writeFile`, `appendFile`). */
  fileWriteCalls: ReadonlySet<TSESTree.Node>;
  /** Loops already reported (inner loops are judged before the loops around them). */
  reportedLoops: ReadonlySet<TSESTree.Node>;
}

/** Why a loop's iterations must (or may have to) run one after another: the loop is not reported. */
export type SequentialReason =
  | 'no-await'
  | 'started-promises'
  | 'only-in-reported-loop'
  | 'concurrent-batch'
  | 'early-exit'
  | 'yield'
  | 'async-iteration'
  | 'pacing'
  | 'process-runner'
  | 'prompt'
  | 'this-state'
  | 'sequential-receiver'
  | 'calls-item'
  | 'ordered-names'
  | 'loop-invariant-await'
  | 'shared-file'
  | 'index-written'
  | 'iterable-written'
  | 'outer-assignment'
  | 'carried-dependency'
  | 'ordered-effect';

/** Why an independent loop is reported without a rewrite. */
export type NoRewriteReason =
  | 'var'
  | 'for-in'
  | 'function-context'
  | 'label'
  | 'inner-reported-loop'
  | 'counted-form'
  | 'ordered-accumulation'
  | 'pattern-needs-item';

/**
 * The "concurrent phase, then sequential phase" split of a body whose first statement awaits once
 * and whose other statements do not await: the awaited expressions run concurrently, the rest runs
 * afterwards in item order with the awaited value in place of the `await`.
 */
export interface PhaseSplit {
  /** The first statement of the body, which holds the only `await`. */
  head: TSESTree.Statement;
  await: TSESTree.AwaitExpression;
  /** `const|let PATTERN = await E` as the head: PATTERN becomes the sequential phase's loop variable. */
  declaration: { kind: 'const' | 'let'; pattern: TSESTree.Node } | null;
  /** The sequential phase reads the loop variable: the concurrent phase returns it with the value. */
  needsItem: boolean;
  /**
   * The body is only `T.push(await E)` with `T` the same in every iteration: the results can be
   * pushed at once (`T.push(...(await Promise.all(...)))`) when the list is known to be short.
   */
  pushTarget: TSESTree.Expression | null;
}

export interface IndependentLoop {
  independent: true;
  /** The first `await` that runs work of the iteration (where the report goes). */
  firstAwait: TSESTree.AwaitExpression;
  rewrite: 'plain' | 'phase-split' | null;
  noRewriteReason: NoRewriteReason | null;
  phaseSplit: PhaseSplit | null;
  /** `continue` statements that target this loop (`return` in the callback of the plain rewrite). */
  continues: TSESTree.ContinueStatement[];
}

export interface SequentialLoop {
  independent: false;
  reason: SequentialReason;
}

export type LoopIndependence = IndependentLoop | SequentialLoop;

type Reference = TSESLint.Scope.Reference;
type Variable = TSESLint.Scope.Variable;

/** Words in a loop variable's or iterated list's name that say the items must go in order or are already batches. */
const ORDERED_ITEM_WORDS = new Set([
  'batch', 'chunk', 'page', 'attempt', 'retry', 'retrie', 'tries', 'step', 'stage', 'phase',
  'migration', 'hook', 'middleware', 'plugin', 'script', 'command', 'cmd', 'lifecycle',
]);
const PROCESS_WORDS = new Set(['spawn', 'execa', 'fork', 'shell', 'lifecycle']);
const PROCESS_NAMES = new Set(['$', 'sh', 'npx', 'runscript', 'runcommand', 'execcommand']);
const PROMPT_WORDS = new Set(['prompt', 'otp', 'otplease', 'password', 'passphrase', 'confirm', 'question', 'inquire', 'inquirer', 'readline']);
const PROMPT_RECEIVERS = ['inquirer', 'readline', 'rl', 'prompts', 'enquirer', 'prompt'];
const OUTPUT_RECEIVERS = new Set(['console', 'log', 'logger', 'output', 'stdout', 'stderr', 'spinner', 'progress', 'term', 'terminal', 'tty']);
const OUTPUT_CALLEES = new Set(['log', 'output', 'echo', 'print', 'println', 'printf']);
const FILE_WRITE_NAMES = new Set(['writefile', 'appendfile', 'outputfile', 'writejson', 'outputjson', 'writejsonfile', 'appendjson']);
const EVENT_WAITS = new Set(['once', 'finished', 'pevent']);
/** Option keys of calls that run child processes or scripts (`{ stdio: 'inherit' }`). */
const PROCESS_OPTION_KEYS = new Set(['stdio', 'stdioString', 'foregroundScripts', 'scriptShell', 'shell']);
const PROMISE_COMBINATORS = new Set(['all', 'allSettled', 'any', 'race']);
const CONCURRENCY_HELPERS = ['pMap', 'pAll', 'pProps', 'pSettle', 'pFilter', 'pLimit', 'mapLimit', 'eachLimit', 'parallelLimit'];
const ORDERED_ARRAY_ADDERS = new Set(['push', 'unshift']);
const DESTRUCTIVE_METHODS = new Set(['pop', 'shift', 'splice', 'sort', 'reverse', 'fill', 'copyWithin', 'clear']);

function isWithin(inner: TSESTree.Range, outer: TSESTree.Range): boolean {
  return outer[0] <= inner[0] && inner[1] <= outer[1];
}

function overlaps(a: TSESTree.Range, b: TSESTree.Range): boolean {
  return a[0] < b[1] && b[0] < a[1];
}

function forEachChild(
  node: TSESTree.Node,
  visitorKeys: TSESLint.SourceCode.VisitorKeys,
  callback: (child: TSESTree.Node) => void,
): void {
  for (const key of visitorKeys[node.type] ?? []) {
    const value = (node as unknown as Record<string, unknown>)[key];
    if (Array.isArray(value)) {
      for (const item of value) {
        if (item && typeof item === 'object' && 'type' in item) callback(item as TSESTree.Node);
      }
    } else if (value && typeof value === 'object' && 'type' in value) {
      callback(value as TSESTree.Node);
    }
  }
}

/** `a`, `a.b`, `a[0].c`, `this.x` (no call anywhere): reading it starts nothing. */
function isValueChain(node: TSESTree.Node): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.ThisExpression:
      return true;
    case AST_NODE_TYPES.MemberExpression:
      return isValueChain(node.object) && (!node.computed || isValueChain(node.property) || node.property.type === AST_NODE_TYPES.Literal);
    case AST_NODE_TYPES.ChainExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSSatisfiesExpression:
      return isValueChain(node.expression);
    default:
      return false;
  }
}

function unwrapExpression(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (
    current.type === AST_NODE_TYPES.ChainExpression ||
    current.type === AST_NODE_TYPES.TSNonNullExpression ||
    current.type === AST_NODE_TYPES.TSAsExpression ||
    current.type === AST_NODE_TYPES.TSSatisfiesExpression
  ) {
    current = current.expression;
  }
  return current;
}

function getMethodName(call: TSESTree.CallExpression | TSESTree.NewExpression): string | null {
  const callee = unwrapExpression(call.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression ? getLastIdentifierName(callee) : null;
}

/**
 * The call that does the work of `await X`: `f(x)` for `await f(x)`, `await f(x).catch(h)`,
 * `await f(x).then(a, b)`. Null when the awaited expression is not a call.
 */
export function getAwaitedCall(awaitNode: TSESTree.AwaitExpression): TSESTree.CallExpression | TSESTree.NewExpression | null {
  let expression = unwrapExpression(awaitNode.argument);
  while (expression.type === AST_NODE_TYPES.CallExpression) {
    const callee = unwrapExpression(expression.callee);
    const method = getMethodName(expression);
    if (callee.type === AST_NODE_TYPES.MemberExpression && (method === 'then' || method === 'catch' || method === 'finally')) {
      const inner = unwrapExpression(callee.object);
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
  const node = unwrapExpression(expression);
  if (isValueChain(node)) return true;
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = unwrapExpression(node.callee);
  const method = getMethodName(node);
  if (callee.type === AST_NODE_TYPES.MemberExpression && (method === 'then' || method === 'catch' || method === 'finally')) {
    return isAlreadyStartedPromise(callee.object);
  }
  const name = getLastIdentifierName(callee);
  return name !== null && EVENT_WAITS.has(name.toLowerCase());
}

/** `Promise.all(...)`, `pMap(...)`: a call that already runs work concurrently. */
function isConcurrentBatchCall(node: TSESTree.Node): boolean {
  const expression = unwrapExpression(node);
  if (expression.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = unwrapExpression(expression.callee);
  if (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    callee.object.name === 'Promise'
  ) {
    const method = getLastIdentifierName(callee);
    return method !== null && PROMISE_COMBINATORS.has(method);
  }
  const name = getLastIdentifierName(callee);
  return name !== null && CONCURRENCY_HELPERS.some((helper) => helper.toLowerCase() === name.toLowerCase());
}

/**
 * Whether a comment containing `sequential` (any case) sits on the loop's first line or on the
 * line directly above it: the documented opt-out.
 */
export function hasSequentialOptOutComment(sourceCode: Readonly<TSESLint.SourceCode>, loop: TSESTree.Node): boolean {
  const statement = loop.parent?.type === AST_NODE_TYPES.LabeledStatement ? loop.parent : loop;
  const firstLine = statement.loc.start.line;
  const loopLine = loop.loc.start.line;
  return sourceCode.getAllComments().some((comment) => {
    const line = comment.loc.end.line;
    const onLines = line === firstLine - 1 || line === firstLine || comment.loc.start.line === loopLine;
    return onLines && /sequential/i.test(comment.value);
  });
}

interface BodyFacts {
  ownAwaits: TSESTree.AwaitExpression[];
  /** Calls and `new` anywhere in the body, with whether they run in the loop's own function. */
  calls: { node: TSESTree.CallExpression | TSESTree.NewExpression; own: boolean; inCatch: boolean }[];
  /** `this` that means the loop's own `this` (own code and arrow functions in it). */
  thisNodes: TSESTree.ThisExpression[];
  continues: TSESTree.ContinueStatement[];
  exits: boolean;
  hasYield: boolean;
  hasAsyncIteration: boolean;
  labelUsed: boolean;
  functionContext: boolean;
  declaresVar: boolean;
}

function findJumpTarget(
  jump: TSESTree.BreakStatement | TSESTree.ContinueStatement,
  loop: TSESTree.Node,
): 'inside' | 'this-loop' | 'outside' {
  const label = jump.label?.name;
  for (let current: TSESTree.Node | undefined = jump.parent; current && current !== loop; current = current.parent) {
    if (label !== undefined) {
      if (current.type === AST_NODE_TYPES.LabeledStatement && current.label.name === label) return 'inside';
    } else if (isLoopNode(current) || (jump.type === AST_NODE_TYPES.BreakStatement && current.type === AST_NODE_TYPES.SwitchStatement)) {
      return 'inside';
    }
  }
  if (label === undefined) return 'this-loop';
  const parent = loop.parent;
  return parent?.type === AST_NODE_TYPES.LabeledStatement && parent.label.name === label ? 'this-loop' : 'outside';
}

function isCaughtWithin(node: TSESTree.Node, loop: TSESTree.Node): boolean {
  let child: TSESTree.Node = node;
  for (let current = node.parent; current && current !== loop; current = current.parent) {
    if (current.type === AST_NODE_TYPES.TryStatement && current.block === child && current.handler) return true;
    child = current;
  }
  return false;
}

function isInCatchClauseWithin(node: TSESTree.Node, loop: TSESTree.Node): boolean {
  for (let current = node.parent; current && current !== loop; current = current.parent) {
    if (current.type === AST_NODE_TYPES.CatchClause) return true;
  }
  return false;
}

function isProcessExit(call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  const callee = unwrapExpression(call.callee);
  return (
    call.type === AST_NODE_TYPES.CallExpression &&
    callee.type === AST_NODE_TYPES.MemberExpression &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    callee.object.name === 'process' &&
    getLastIdentifierName(callee) === 'exit'
  );
}

function collectBodyFacts(shape: LoopShape, visitorKeys: TSESLint.SourceCode.VisitorKeys): BodyFacts {
  const loop = shape.loop;
  const facts: BodyFacts = {
    ownAwaits: [],
    calls: [],
    thisNodes: [],
    continues: [],
    exits: false,
    hasYield: false,
    hasAsyncIteration: false,
    labelUsed: false,
    functionContext: false,
    declaresVar: false,
  };
  // `own`: code of the loop's function; `lexical`: own code or arrows in it (same `this`, `arguments`).
  const visit = (node: TSESTree.Node, own: boolean, lexical: boolean): void => {
    switch (node.type) {
      case AST_NODE_TYPES.AwaitExpression:
        if (own) facts.ownAwaits.push(node);
        break;
      case AST_NODE_TYPES.YieldExpression:
        if (own) facts.hasYield = true;
        break;
      case AST_NODE_TYPES.ForOfStatement:
        if (own && node.await) facts.hasAsyncIteration = true;
        break;
      case AST_NODE_TYPES.VariableDeclaration:
        if (own && node.kind === 'await using') facts.hasAsyncIteration = true;
        if (own && node.kind === 'var') facts.declaresVar = true;
        break;
      case AST_NODE_TYPES.ReturnStatement:
        if (own) facts.exits = true;
        break;
      case AST_NODE_TYPES.ThrowStatement:
        if (own && !isCaughtWithin(node, loop)) facts.exits = true;
        break;
      case AST_NODE_TYPES.BreakStatement:
      case AST_NODE_TYPES.ContinueStatement:
        if (own) {
          const target = findJumpTarget(node, loop);
          if (target === 'outside' || (target === 'this-loop' && node.type === AST_NODE_TYPES.BreakStatement)) {
            facts.exits = true;
          } else if (target === 'this-loop' && node.type === AST_NODE_TYPES.ContinueStatement) {
            facts.continues.push(node);
            if (node.label) facts.labelUsed = true;
          }
        }
        break;
      case AST_NODE_TYPES.CallExpression:
      case AST_NODE_TYPES.NewExpression:
        facts.calls.push({ node, own, inCatch: own && isInCatchClauseWithin(node, loop) });
        if (own && isProcessExit(node)) facts.exits = true;
        break;
      case AST_NODE_TYPES.ThisExpression:
        if (lexical) facts.thisNodes.push(node);
        break;
      case AST_NODE_TYPES.Super:
        if (lexical) facts.functionContext = true;
        break;
      case AST_NODE_TYPES.MetaProperty:
        if (lexical && node.meta.name === 'new') facts.functionContext = true;
        break;
      default:
        break;
    }
    if (isFunctionNode(node)) {
      const arrow = node.type === AST_NODE_TYPES.ArrowFunctionExpression;
      forEachChild(node, visitorKeys, (child) => visit(child, false, lexical && arrow));
      return;
    }
    if (node.type === AST_NODE_TYPES.ClassBody) {
      forEachChild(node, visitorKeys, (child) => visit(child, false, false));
      return;
    }
    forEachChild(node, visitorKeys, (child) => visit(child, own, lexical));
  };
  visit(shape.body, true, true);
  if (shape.loop.type === AST_NODE_TYPES.ForStatement) {
    for (const part of [shape.loop.test, shape.loop.update]) {
      if (part) visit(part, true, true);
    }
  }
  return facts;
}

/** Every value reference inside `node` (type-only references left out), found through the scope manager. */
function collectReferences(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): Reference[] {
  let scope: TSESLint.Scope.Scope | null = sourceCode.getScope(node);
  while (scope && scope.block.range[0] >= node.range[0] && scope.block !== sourceCode.ast && scope.upper) {
    scope = scope.upper;
  }
  const found: Reference[] = [];
  const visit = (current: TSESLint.Scope.Scope): void => {
    for (const reference of current.references) {
      if ((reference as { isValueReference?: boolean }).isValueReference === false) continue;
      if (isWithin(reference.identifier.range, node.range)) found.push(reference);
    }
    for (const child of current.childScopes) {
      if (overlaps(child.block.range, node.range)) visit(child);
    }
  };
  if (scope) visit(scope);
  return found;
}

type RootKey = Variable | string;

interface RootUsage {
  root: RootKey;
  /** For `this`: the first property (`this.items` → `items`), to tell fields apart. */
  firstProperty: string | null;
  kind: 'read' | 'passed' | 'assign' | 'accumulate' | 'fixed-slot';
  /** Accumulations whose order shows in the result (`push`, `+=` on a possible string). */
  ordered: boolean;
  /** A compound assignment whose right side awaits: it reads before and writes after the await. */
  straddles: boolean;
  /** `push` / `unshift`: the order of the items shows in the array. */
  arrayAdd: boolean;
  /** The expression that reads or writes (identifier, assignment, call, update). */
  effect: TSESTree.Node;
  node: TSESTree.Node;
}

interface UsageContext {
  isLoopDependent: (node: TSESTree.Node) => boolean;
  containsOwnAwait: (node: TSESTree.Node) => boolean;
}

function isNumberLiteral(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.Literal && typeof node.value === 'number';
}

function classifyCompound(
  operator: string,
  right: TSESTree.Node,
  context: UsageContext,
): Pick<RootUsage, 'kind' | 'ordered' | 'straddles'> {
  const straddles = context.containsOwnAwait(right);
  if (operator === '+=') return { kind: 'accumulate', ordered: !isNumberLiteral(right), straddles };
  if (operator === '-=') return { kind: 'accumulate', ordered: false, straddles };
  return { kind: 'assign', ordered: false, straddles };
}

/** How code uses a variable (or `this`) from outside the loop at `node`: read, accumulate, or overwrite. */
function classifyUsage(node: TSESTree.Node, root: RootKey, isWrite: boolean, context: UsageContext): RootUsage {
  const base = { root, node, effect: node, firstProperty: null, ordered: false, straddles: false, arrayAdd: false };
  const parent = node.parent;
  if (isWrite) {
    if (parent?.type === AST_NODE_TYPES.UpdateExpression) return { ...base, kind: 'accumulate', effect: parent };
    if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === node) {
      if (parent.operator === '=') return { ...base, kind: 'assign', effect: parent };
      return { ...base, ...classifyCompound(parent.operator, parent.right, context), effect: parent };
    }
    return { ...base, kind: 'assign' };
  }
  // Climb the member chain rooted at `node`: `results`, `this.cache[key]`, `groups[k].items`.
  let top: TSESTree.Node = node;
  let keyed = false;
  let firstProperty: string | null = null;
  for (;;) {
    const up: TSESTree.Node | undefined = top.parent;
    if (up?.type === AST_NODE_TYPES.MemberExpression && up.object === top) {
      if (firstProperty === null && top === node) firstProperty = up.computed ? null : getLastIdentifierName(up);
      if (up.computed && context.isLoopDependent(up.property)) keyed = true;
      top = up;
    } else if (
      (up?.type === AST_NODE_TYPES.TSNonNullExpression || up?.type === AST_NODE_TYPES.ChainExpression) &&
      up.expression === top
    ) {
      top = up;
    } else {
      break;
    }
  }
  const withChain = { ...base, firstProperty };
  const up = top.parent;
  if (top === node) {
    if (up && (up.type === AST_NODE_TYPES.CallExpression || up.type === AST_NODE_TYPES.NewExpression) && up.arguments.includes(node as TSESTree.Expression)) {
      return { ...withChain, kind: 'passed' };
    }
    if (up?.type === AST_NODE_TYPES.SpreadElement) return { ...withChain, kind: 'passed' };
    return { ...withChain, kind: 'read' };
  }
  if (!up) return { ...withChain, kind: 'read' };
  if (up.type === AST_NODE_TYPES.AssignmentExpression && up.left === top) {
    if (up.operator === '=') return { ...withChain, kind: keyed ? 'accumulate' : 'fixed-slot', effect: up };
    const compound = classifyCompound(up.operator, up.right, context);
    const kind = compound.kind === 'assign' ? (keyed ? 'accumulate' : 'fixed-slot') : 'accumulate';
    return { ...withChain, ...compound, kind, ordered: compound.ordered && !keyed, effect: up };
  }
  if (up.type === AST_NODE_TYPES.UpdateExpression) return { ...withChain, kind: 'accumulate', effect: up };
  if (up.type === AST_NODE_TYPES.UnaryExpression && up.operator === 'delete') {
    return { ...withChain, kind: keyed ? 'accumulate' : 'fixed-slot', effect: up };
  }
  if (
    up.type === AST_NODE_TYPES.ForOfStatement ||
    up.type === AST_NODE_TYPES.ForInStatement ||
    up.type === AST_NODE_TYPES.ArrayPattern ||
    up.type === AST_NODE_TYPES.Property ||
    up.type === AST_NODE_TYPES.AssignmentPattern
  ) {
    // A member as a destructuring or loop target: `[this.a, this.b] = pair`.
    const isTarget =
      (up.type === AST_NODE_TYPES.ForOfStatement || up.type === AST_NODE_TYPES.ForInStatement) ? up.left === top
        : up.type === AST_NODE_TYPES.ArrayPattern || (up.type === AST_NODE_TYPES.Property && up.parent.type === AST_NODE_TYPES.ObjectPattern && up.value === top) || (up.type === AST_NODE_TYPES.AssignmentPattern && up.left === top);
    if (isTarget) return { ...withChain, kind: 'assign', effect: up };
  }
  const unwrappedTop = unwrapExpression(top);
  if (up.type === AST_NODE_TYPES.CallExpression && up.callee === top && unwrappedTop.type === AST_NODE_TYPES.MemberExpression) {
    const method = getLastIdentifierName(unwrappedTop);
    // `this.load(id)`: a method of the object may read any of its fields.
    if (unwrappedTop.object === node) withChain.firstProperty = null;
    if (method !== null) {
      if (ORDERED_ARRAY_ADDERS.has(method)) return { ...withChain, kind: 'accumulate', ordered: true, arrayAdd: true, effect: up };
      if (method === 'add') return { ...withChain, kind: 'accumulate', effect: up };
      if (method === 'set' || method === 'delete') {
        const key = up.arguments[0];
        const perItem = key !== undefined && context.isLoopDependent(key);
        return { ...withChain, kind: perItem ? 'accumulate' : 'fixed-slot', effect: up };
      }
      if (DESTRUCTIVE_METHODS.has(method)) return { ...withChain, kind: 'assign', effect: up };
    }
    return { ...withChain, kind: 'read' };
  }
  if ((up.type === AST_NODE_TYPES.CallExpression || up.type === AST_NODE_TYPES.NewExpression) && up.arguments.includes(top as TSESTree.Expression)) {
    return { ...withChain, kind: 'passed' };
  }
  return { ...withChain, kind: 'read' };
}

function isSameRoot(a: RootUsage, b: RootUsage): boolean {
  if (a.root !== b.root) return false;
  if (a.root !== 'this') return true;
  return a.firstProperty === null || b.firstProperty === null || a.firstProperty === b.firstProperty;
}

function getBindingNames(node: TSESTree.Node | null | undefined, names: string[] = []): string[] {
  if (!node) return names;
  switch (node.type) {
    case AST_NODE_TYPES.Identifier:
      names.push(node.name);
      break;
    case AST_NODE_TYPES.ObjectPattern:
      for (const property of node.properties) {
        getBindingNames(property.type === AST_NODE_TYPES.RestElement ? property.argument : property.value, names);
      }
      break;
    case AST_NODE_TYPES.ArrayPattern:
      for (const element of node.elements) getBindingNames(element, names);
      break;
    case AST_NODE_TYPES.RestElement:
      getBindingNames(node.argument, names);
      break;
    case AST_NODE_TYPES.AssignmentPattern:
      getBindingNames(node.left, names);
      break;
    default:
      break;
  }
  return names;
}

function isGlobalCall(call: TSESTree.CallExpression | TSESTree.NewExpression, names: readonly string[], references: readonly Reference[]): boolean {
  const callee = call.callee;
  if (callee.type !== AST_NODE_TYPES.Identifier || !names.includes(callee.name)) return false;
  const reference = references.find((candidate) => candidate.identifier === callee);
  const variable = reference?.resolved;
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

function isProcessRunner(call: TSESTree.CallExpression | TSESTree.NewExpression, awaited: boolean, options: LoopIndependenceOptions): boolean {
  if (options.processCalls.has(call)) return true;
  const callee = unwrapExpression(call.callee);
  const name = getLastIdentifierName(callee);
  if (name === null) return false;
  if (PROCESS_NAMES.has(name.toLowerCase())) return true;
  const words = getIdentifierWords(name);
  if (words.some((word) => PROCESS_WORDS.has(word))) return true;
  if (words[0] === 'run' && (words[1] === 'script' || words[1] === 'lifecycle')) return true;
  // `exec`, `callExec`: a shell runner when called as a function or awaited (`RegExp#exec` is neither).
  if (words.includes('exec') && (callee.type === AST_NODE_TYPES.Identifier || awaited)) return true;
  return awaited && call.arguments.some(hasProcessOptions);
}

function hasProcessOptions(node: TSESTree.Node): boolean {
  return (
    node.type === AST_NODE_TYPES.ObjectExpression &&
    node.properties.some((property) => {
      if (property.type !== AST_NODE_TYPES.Property) return false;
      const key = property.computed ? null : getLastIdentifierName(property.key) ?? (property.key.type === AST_NODE_TYPES.Literal ? String(property.key.value) : null);
      return key !== null && PROCESS_OPTION_KEYS.has(key);
    })
  );
}

function isPrompt(call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  const callee = unwrapExpression(call.callee);
  const name = getLastIdentifierName(callee);
  if (name !== null) {
    const words = getIdentifierWords(name);
    if (words.some((word) => PROMPT_WORDS.has(word)) || words[0] === 'ask') return true;
  }
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    const receiver = getLastIdentifierName(callee.object);
    if (receiver !== null && isNameEndingWithWord(receiver, PROMPT_RECEIVERS)) return true;
  }
  return false;
}

/** `console.log`, `process.stdout.write`, `output.standard`, `print(...)`, `this.log(...)`: output a reader sees in order. */
export function isOutputCall(call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  if (call.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = unwrapExpression(call.callee);
  const name = getLastIdentifierName(callee);
  if (callee.type === AST_NODE_TYPES.Identifier) {
    return name !== null && (OUTPUT_CALLEES.has(name.toLowerCase()) || getIdentifierWords(name)[0] === 'print');
  }
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  if (name !== null && (name === 'log' || getIdentifierWords(name)[0] === 'print')) return true;
  const receiver = getLastIdentifierName(callee.object);
  return receiver !== null && OUTPUT_RECEIVERS.has(receiver.toLowerCase());
}

function isFileWrite(call: TSESTree.CallExpression | TSESTree.NewExpression, options: LoopIndependenceOptions): boolean {
  if (options.fileWriteCalls.has(call)) return true;
  const name = getLastIdentifierName(call.callee);
  return name !== null && FILE_WRITE_NAMES.has(name.toLowerCase());
}

/** Whether `node` is evaluated only on some paths of `head` (right of `&&`, a `?:` branch, after `?.`, an `if` branch). */
function isConditionallyEvaluated(node: TSESTree.Node, head: TSESTree.Node): boolean {
  let child = node;
  for (let current = node.parent; current && current !== head.parent; current = current.parent) {
    switch (current.type) {
      case AST_NODE_TYPES.LogicalExpression:
        if (current.right === child) return true;
        break;
      case AST_NODE_TYPES.ConditionalExpression:
        if (current.test !== child) return true;
        break;
      case AST_NODE_TYPES.IfStatement:
        if (current.test !== child) return true;
        break;
      case AST_NODE_TYPES.ChainExpression:
        return true;
      case AST_NODE_TYPES.AssignmentPattern:
        return true;
      default:
        if (isFunctionNode(current)) return true;
        break;
    }
    child = current;
  }
  return false;
}

/** Nodes of `head` evaluated before `awaitNode` that have effects (calls, writes): they cannot move after the concurrent phase. */
function hasEffectBefore(head: TSESTree.Node, awaitNode: TSESTree.Node, visitorKeys: TSESLint.SourceCode.VisitorKeys): boolean {
  let found = false;
  const visit = (node: TSESTree.Node): void => {
    if (found || node.range[0] >= awaitNode.range[0]) return;
    if (isFunctionNode(node)) return;
    const endsBefore = node.range[1] <= awaitNode.range[0];
    if (
      endsBefore &&
      (node.type === AST_NODE_TYPES.CallExpression ||
        node.type === AST_NODE_TYPES.NewExpression ||
        node.type === AST_NODE_TYPES.AssignmentExpression ||
        node.type === AST_NODE_TYPES.UpdateExpression ||
        node.type === AST_NODE_TYPES.TaggedTemplateExpression ||
        node.type === AST_NODE_TYPES.YieldExpression ||
        (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === 'delete'))
    ) {
      found = true;
      return;
    }
    forEachChild(node, visitorKeys, visit);
  };
  visit(head);
  return found;
}

interface Analysis {
  shape: LoopShape;
  facts: BodyFacts;
  usages: RootUsage[];
  outputCalls: TSESTree.Node[];
  bindingVariables: Set<Variable>;
  bodyReferences: Reference[];
  isLoopDependent: (node: TSESTree.Node) => boolean;
  visitorKeys: TSESLint.SourceCode.VisitorKeys;
}

function getPhaseSplit(analysis: Analysis): PhaseSplit | null {
  const { shape, facts, usages, outputCalls, visitorKeys } = analysis;
  const statements = shape.body.type === AST_NODE_TYPES.BlockStatement ? shape.body.body : [shape.body];
  const head = statements[0];
  if (!head) return null;
  const outermost = facts.ownAwaits.filter(
    (candidate) => !facts.ownAwaits.some((other) => other !== candidate && isWithin(candidate.range, other.argument.range)),
  );
  const awaitNode = outermost[0];
  if (!awaitNode || outermost.length !== 1 || !isWithin(awaitNode.range, head.range)) return null;

  let declaration: PhaseSplit['declaration'] = null;
  if (head.type === AST_NODE_TYPES.VariableDeclaration) {
    const declarator = head.declarations[0];
    if (head.declarations.length !== 1 || !declarator?.init || (head.kind !== 'const' && head.kind !== 'let')) return null;
    if (declarator.init === awaitNode) declaration = { kind: head.kind, pattern: declarator.id };
    else if (!isWithin(awaitNode.range, declarator.init.range)) return null;
  } else if (head.type === AST_NODE_TYPES.IfStatement) {
    if (!isWithin(awaitNode.range, head.test.range)) return null;
  } else if (head.type !== AST_NODE_TYPES.ExpressionStatement) {
    return null;
  }
  if (isConditionallyEvaluated(awaitNode, head) || hasEffectBefore(head, awaitNode, visitorKeys)) return null;

  const argumentRange = awaitNode.argument.range;
  // The concurrent phase runs only the awaited expression: no writes or output inside it, and it
  // reads nothing that the sequential phase writes.
  if (usages.some((usage) => usage.kind !== 'read' && usage.kind !== 'passed' && isWithin(usage.effect.range, argumentRange))) {
    return null;
  }
  if (outputCalls.some((call) => isWithin(call.range, argumentRange))) return null;
  const written = usages.filter((usage) => usage.kind === 'accumulate' || usage.kind === 'fixed-slot');
  const readsWritten = usages.some(
    (usage) =>
      (usage.kind === 'read' || usage.kind === 'passed') &&
      isWithin(usage.node.range, argumentRange) &&
      written.some((write) => isSameRoot(write, usage)),
  );
  if (readsWritten) return null;

  const needsItem = analysis.bodyReferences.some(
    (reference) =>
      reference.resolved !== null &&
      analysis.bindingVariables.has(reference.resolved) &&
      !isWithin(reference.identifier.range, argumentRange),
  );
  let pushTarget: TSESTree.Expression | null = null;
  if (statements.length === 1 && head.type === AST_NODE_TYPES.ExpressionStatement) {
    const expression = head.expression;
    if (
      expression.type === AST_NODE_TYPES.CallExpression &&
      expression.callee.type === AST_NODE_TYPES.MemberExpression &&
      !expression.callee.computed &&
      !expression.callee.optional &&
      getLastIdentifierName(expression.callee) === 'push' &&
      expression.arguments.length === 1 &&
      expression.arguments[0] === awaitNode &&
      isValueChain(expression.callee.object) &&
      !analysis.isLoopDependent(expression.callee.object)
    ) {
      pushTarget = expression.callee.object;
    }
  }
  return { head, await: awaitNode, declaration, needsItem, pushTarget };
}

/**
 * Decides whether the iterations of a candidate loop are independent, so running them concurrently
 * keeps the program's meaning (apart from the order of completion and of errors): no value flows
 * from one iteration to the next, nothing leaves the loop early, nothing paces or orders the
 * iterations on purpose (delays, shared connections and streams, child processes, prompts, output
 * before the await), and every `await` starts new work for this item. When the rule cannot tell,
 * the answer is "sequential": the loop is not reported.
 */
export function analyzeLoopIndependence(
  shape: LoopShape,
  sourceCode: Readonly<TSESLint.SourceCode>,
  options: LoopIndependenceOptions,
): LoopIndependence {
  const sequential = (reason: SequentialReason): SequentialLoop => ({ independent: false, reason });
  const loop = shape.loop;
  const visitorKeys = sourceCode.visitorKeys;
  const facts = collectBodyFacts(shape, visitorKeys);

  if (facts.ownAwaits.length === 0) return sequential('no-await');
  if (facts.hasYield) return sequential('yield');
  if (facts.hasAsyncIteration) return sequential('async-iteration');
  if (facts.exits) return sequential('early-exit');
  if (loop.type === AST_NODE_TYPES.ForStatement) {
    const header = [loop.test, loop.update].filter((part): part is TSESTree.Expression => part !== null);
    if (facts.ownAwaits.some((node) => header.some((part) => isWithin(node.range, part.range)))) return sequential('early-exit');
  }
  if (facts.ownAwaits.some((node) => isConcurrentBatchCall(node.argument))) return sequential('concurrent-batch');

  const isInReportedLoop = (node: TSESTree.Node): boolean => {
    for (let current = node.parent; current && current !== loop; current = current.parent) {
      if (options.reportedLoops.has(current)) return true;
    }
    return false;
  };
  const working = facts.ownAwaits.filter((node) => !isAlreadyStartedPromise(node.argument));
  if (working.length === 0) return sequential('started-promises');
  const qualifying = working.filter((node) => !isInReportedLoop(node));
  const firstAwait = qualifying[0];
  if (!firstAwait) return sequential('only-in-reported-loop');

  // Scope analysis: which variables belong to one iteration, and how the body uses the others.
  const references = collectReferences(sourceCode, loop);
  const loopRange = loop.range;
  const localVariables = new Set<Variable>();
  for (const reference of references) {
    const variable = reference.resolved;
    if (variable && variable.defs.some((definition) => isWithin(definition.name.range, loopRange))) localVariables.add(variable);
  }
  const bindingVariables = new Set<Variable>();
  for (const variable of localVariables) {
    if (variable.defs.some((definition) => isWithin(definition.name.range, shape.binding.range))) bindingVariables.add(variable);
  }
  const isLoopDependent = (node: TSESTree.Node): boolean =>
    references.some(
      (reference) =>
        reference.resolved !== null && localVariables.has(reference.resolved) && isWithin(reference.identifier.range, node.range),
    );
  const containsOwnAwait = (node: TSESTree.Node): boolean => facts.ownAwaits.some((awaitNode) => isWithin(awaitNode.range, node.range));
  const usageContext: UsageContext = { isLoopDependent, containsOwnAwait };

  const bodyRange = shape.body.range;
  const bodyReferences = references.filter((reference) => isWithin(reference.identifier.range, bodyRange));

  if (shape.counted) {
    const index = shape.counted.index;
    if (bodyReferences.some((reference) => reference.isWrite() && reference.resolved?.defs.some((definition) => definition.name === index))) {
      return sequential('index-written');
    }
  }

  // Names that say the items are ordered steps or already batches: `for (const batch of batches)`.
  const orderNames = [
    ...getBindingNames(shape.counted ? null : shape.binding),
    getLastIdentifierName(shape.iterable) ?? '',
    getLastIdentifierName(shape.counted?.end) ?? '',
  ].filter((name) => name !== '');
  if (orderNames.some((name) => hasNameWord(name, ORDERED_ITEM_WORDS))) return sequential('ordered-names');

  // Calls: delays, child processes, prompts, shared connections, calling the item itself.
  const awaitedCalls = new Set<TSESTree.Node>();
  for (const node of working) {
    const call = getAwaitedCall(node);
    if (call) awaitedCalls.add(call);
  }
  const inAwaitArgument = (node: TSESTree.Node): boolean => working.some((awaitNode) => isWithin(node.range, awaitNode.argument.range));
  const outputCalls: TSESTree.Node[] = [];
  for (const { node: call, own, inCatch } of facts.calls) {
    const calleeName = getLastIdentifierName(unwrapExpression(call.callee));
    if (options.delayCalls.has(call)) return sequential('pacing');
    if (calleeName !== null && isNameStartingWithWord(calleeName, options.pacingCallees)) return sequential('pacing');
    if (isGlobalCall(call, ['setTimeout', 'setImmediate'], references) && isInsideNewPromise(call, loop)) return sequential('pacing');
    if (isProcessRunner(call, awaitedCalls.has(call) || inAwaitArgument(call), options)) return sequential('process-runner');
    if (isPrompt(call)) return sequential('prompt');
    if (!own) continue;
    const callee = unwrapExpression(call.callee);
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      const receiver = getLastIdentifierName(callee.object);
      if (receiver !== null && isNameEndingWithWord(receiver, options.sequentialReceivers)) return sequential('sequential-receiver');
    }
    if (!inCatch && isOutputCall(call)) outputCalls.push(call);
  }
  for (const call of awaitedCalls) {
    if (call.type !== AST_NODE_TYPES.CallExpression && call.type !== AST_NODE_TYPES.NewExpression) continue;
    for (const argument of call.arguments) {
      const name = isValueChain(argument) ? getLastIdentifierName(argument) : null;
      if (name !== null && isNameEndingWithWord(name, options.sequentialReceivers)) return sequential('sequential-receiver');
    }
    const callee = unwrapExpression(call.callee);
    const calledItem = callee.type === AST_NODE_TYPES.MemberExpression && ['call', 'apply'].includes(getLastIdentifierName(callee) ?? '')
      ? unwrapExpression(callee.object)
      : callee;
    if (calledItem.type === AST_NODE_TYPES.Identifier) {
      const reference = references.find((candidate) => candidate.identifier === calledItem);
      if (reference?.resolved && bindingVariables.has(reference.resolved)) return sequential('calls-item');
    }
    if (isFileWrite(call, options)) {
      const path = call.arguments[0];
      if (!path || !isLoopDependent(path)) return sequential('shared-file');
    }
  }
  // Methods of `this` awaited for their effect (`await this.install(pkg)`), or awaited beside sync
  // calls on `this` in the same iteration: the instance's state may carry from one item to the next.
  const awaitsThisMethod = working.some((node) => {
    const call = getAwaitedCall(node);
    return call !== null && isThisMethodCall(call);
  });
  if (awaitsThisMethod) {
    const forEffect = working.some((node) => {
      const call = getAwaitedCall(node);
      return call !== null && isThisMethodCall(call) && unwrapExpression(node.parent).type === AST_NODE_TYPES.ExpressionStatement;
    });
    const syncThisCall = facts.calls.some(({ node: call, own }) => own && !awaitedCalls.has(call) && isRootedAtThis(call.callee));
    if (forEffect || syncThisCall) return sequential('this-state');
  }
  // Every awaited operation must depend on the item: an await that does not (`await save()`,
  // `await readFile(CONFIG)`) touches shared state or repeats the same work on purpose.
  if (working.some((node) => !isLoopDependent(node.argument))) return sequential('loop-invariant-await');

  // Writes to variables and objects from outside the loop.
  const usages: RootUsage[] = [];
  for (const reference of bodyReferences) {
    const variable = reference.resolved;
    if (variable && localVariables.has(variable)) continue;
    const root: RootKey = variable ?? `global:${reference.identifier.name}`;
    usages.push(classifyUsage(reference.identifier as TSESTree.Node, root, reference.isWrite(), usageContext));
  }
  for (const node of facts.thisNodes) {
    if (isWithin(node.range, bodyRange)) usages.push(classifyUsage(node, 'this', false, usageContext));
  }
  if (usages.some((usage) => usage.kind === 'assign')) return sequential('outer-assignment');

  // The iterated list (or the bound of a counted loop) must not change while the loop runs.
  const header = shape.iterable ?? shape.counted?.end ?? null;
  if (header) {
    const headerRoots: RootUsage[] = [];
    for (const reference of references) {
      if (!isWithin(reference.identifier.range, header.range)) continue;
      const variable = reference.resolved;
      if (variable && localVariables.has(variable)) continue;
      headerRoots.push({ root: variable ?? `global:${reference.identifier.name}`, firstProperty: null, kind: 'read', ordered: false, straddles: false, arrayAdd: false, effect: reference.identifier as TSESTree.Node, node: reference.identifier as TSESTree.Node });
    }
    for (const usage of facts.thisNodes.filter((node) => isWithin(node.range, header.range))) {
      headerRoots.push(classifyUsage(usage, 'this', false, usageContext));
    }
    const changesHeader = usages.some(
      (usage) => usage.kind !== 'read' && headerRoots.some((headerRoot) => isSameRoot(headerRoot, usage)),
    );
    if (changesHeader) return sequential('iterable-written');
  }

  const written = usages.filter((usage) => usage.kind === 'accumulate' || usage.kind === 'fixed-slot');
  const readsWritten = usages.filter(
    (usage) => (usage.kind === 'read' || usage.kind === 'passed') && written.some((write) => isSameRoot(write, usage)),
  );
  const orderedWrites = written.filter((usage) => usage.kind === 'fixed-slot' || usage.ordered || usage.straddles);

  const analysis: Analysis = { shape, facts, usages, outputCalls, bindingVariables, bodyReferences, isLoopDependent, visitorKeys };
  let rewrite: IndependentLoop['rewrite'];
  let phaseSplit: PhaseSplit | null = null;
  let noRewriteReason: NoRewriteReason | null = null;
  if (orderedWrites.length === 0 && outputCalls.length === 0 && readsWritten.length === 0) {
    rewrite = 'plain';
  } else {
    phaseSplit = getPhaseSplit(analysis);
    if (phaseSplit) {
      rewrite = 'phase-split';
    } else if (
      readsWritten.length === 0 &&
      outputCalls.length === 0 &&
      orderedWrites.every((usage) => usage.arrayAdd && !usage.straddles)
    ) {
      // `push` accumulations the split cannot keep in order: independent, but no rewrite (a string
      // built with `+=` in item order is not: the loop is left alone).
      rewrite = null;
      noRewriteReason = 'ordered-accumulation';
    } else {
      return sequential(readsWritten.length > 0 ? 'carried-dependency' : 'ordered-effect');
    }
  }

  // What keeps an independent loop from being rewritten into callbacks.
  const blockers: [boolean, NoRewriteReason][] = [
    [shape.kind === 'for-in', 'for-in'],
    [shape.declarationKind === 'var' || facts.declaresVar, 'var'],
    [facts.functionContext || usesArguments(references, loopRange), 'function-context'],
    [facts.labelUsed, 'label'],
    [[...options.reportedLoops].some((reported) => reported !== loop && isWithin(reported.range, loopRange)), 'inner-reported-loop'],
    [shape.counted !== null && !isSimpleCountedLoop(shape, visitorKeys), 'counted-form'],
    [phaseSplit !== null && phaseSplit.needsItem && shape.binding.type !== AST_NODE_TYPES.Identifier, 'pattern-needs-item'],
  ];
  const blocker = blockers.find(([applies]) => applies);
  if (blocker && rewrite !== null) {
    rewrite = null;
    noRewriteReason = blocker[1];
  }
  return { independent: true, firstAwait, rewrite, noRewriteReason, phaseSplit: rewrite === 'phase-split' ? phaseSplit : null, continues: facts.continues };
}

function isRootedAtThis(node: TSESTree.Node): boolean {
  const expression = unwrapExpression(node);
  if (expression.type === AST_NODE_TYPES.ThisExpression) return true;
  return expression.type === AST_NODE_TYPES.MemberExpression && isRootedAtThis(expression.object);
}

/** `this.load(id)`, `this.#load(id)`, `this[kLoad](id)`: a method of the instance itself. */
function isThisMethodCall(call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  const callee = unwrapExpression(call.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression && unwrapExpression(callee.object).type === AST_NODE_TYPES.ThisExpression;
}

function usesArguments(references: readonly Reference[], loopRange: TSESTree.Range): boolean {
  return references.some((reference) => {
    const variable = reference.resolved;
    if (reference.identifier.name !== 'arguments' || !variable || variable.defs.length > 0) return false;
    // The implicit `arguments` of a function declared inside the loop is that function's own.
    return !isWithin(variable.scope.block.range, loopRange);
  });
}

function isSimpleCountedLoop(shape: LoopShape, visitorKeys: TSESLint.SourceCode.VisitorKeys): boolean {
  const counted = shape.counted;
  if (!counted?.isSimple) return false;
  // The bound is read once by `Array.from({ length })`: it must not call anything.
  let callsSomething = false;
  const visit = (node: TSESTree.Node): void => {
    if (node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression || node.type === AST_NODE_TYPES.TaggedTemplateExpression || node.type === AST_NODE_TYPES.AwaitExpression) {
      callsSomething = true;
    }
    if (!callsSomething) forEachChild(node, visitorKeys, visit);
  };
  visit(counted.end);
  return !callsSomething;
}
