import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { isFunctionNode } from '../ast/function-node.js';
import { isRangeWithin } from '../ast/ranges.js';
import { getIdentifierWords, getLastIdentifierName, hasNameWord, isNameEndingWithWord } from '../ast/names.js';
import { getStaticStringOf } from '../ast/static-string.js';
import { skipValueWrappers } from '../ast/unwrap.js';
import { forEachChild } from '../ast/walk.js';
import type { SequentialReason } from './loop-independence.js';
import type { LoopState } from './loop-state.js';
import { getAwaitedCall, type CallNode } from './ordered-calls.js';
import { memoizeByKey } from '../ast/memoize.js';

/**
 * Transactions and sessions: one transaction (a Prisma `tx`, a Knex `trx`, a Sequelize `t`, a
 * TypeORM `manager`, a MongoDB `session`, a pg `client` between `BEGIN` and `COMMIT`) runs one
 * statement at a time, and some drivers forbid overlapping operations in it. A loop that works
 * inside one is sequential, whatever its iterations touch.
 */

/** Names (trailing camelCase words) of values that are a transaction or session. */
const TRANSACTION_NAMES = ['tx', 'trx', 'transaction', 'session', 'manager', 'entityManager'];
/** Names that are a transaction only when they stand alone (`t` in Sequelize's `{ transaction: t }`). */
const SHORT_TRANSACTION_NAMES = new Set(['t']);
/** Option keys that hand a transaction or session to a call: `{ transaction }`, `{ session: s }`. */
const TRANSACTION_KEYS = new Set(['transaction', 'session', 'tx', 'trx', 'transacting']);
const BEGIN = /^\s*(begin|start\s+transaction)\b/i;
const END = /^\s*(commit|rollback|end)\b/i;

function isTransactionName(name: string): boolean {
  return SHORT_TRANSACTION_NAMES.has(name) || isNameEndingWithWord(name, TRANSACTION_NAMES);
}

/** The identifiers of a member chain, outermost object first (`tx`, `user` for `tx.user.create`). */
function getChainNames(node: TSESTree.Node): string[] {
  const names: string[] = [];
  let current = skipValueWrappers(node);
  while (current.type === AST_NODE_TYPES.MemberExpression || current.type === AST_NODE_TYPES.CallExpression) {
    if (current.type === AST_NODE_TYPES.CallExpression) {
      current = skipValueWrappers(current.callee);
      continue;
    }
    const name = getLastIdentifierName(current);
    if (name !== null) names.unshift(name);
    current = skipValueWrappers(current.object);
  }
  if (current.type === AST_NODE_TYPES.Identifier) names.unshift(current.name);
  return names;
}

function getPropertyKey(property: TSESTree.Property): string | null {
  if (property.computed) return null;
  if (property.key.type === AST_NODE_TYPES.Identifier) return property.key.name;
  return property.key.type === AST_NODE_TYPES.Literal ? String(property.key.value) : null;
}

/** An argument that is a transaction (`tx`, `this.session`) or options that carry one (`{ transaction: t }`). */
function isTransactionArgument(argument: TSESTree.Node): boolean {
  const node = skipValueWrappers(argument);
  if (node.type === AST_NODE_TYPES.Identifier || node.type === AST_NODE_TYPES.MemberExpression) {
    const name = getLastIdentifierName(node);
    return name !== null && isTransactionName(name);
  }
  if (node.type !== AST_NODE_TYPES.ObjectExpression) return false;
  return node.properties.some((property) => {
    if (property.type !== AST_NODE_TYPES.Property) return false;
    const key = getPropertyKey(property);
    return (key !== null && TRANSACTION_KEYS.has(key)) || isTransactionArgument(property.value);
  });
}

/** A call made on a transaction (`tx.user.create(...)`, `manager.save(row)`) or handed one. */
function isTransactionCall(call: CallNode): boolean {
  const callee = skipValueWrappers(call.callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression && getChainNames(callee.object).some(isTransactionName)) return true;
  return call.arguments.some(isTransactionArgument);
}

/** `prisma.$transaction(fn)`, `sequelize.transaction(fn)`, `withTransaction(fn)`, `session.withTransaction(fn)`. */
function isTransactionRunner(call: TSESTree.CallExpression): boolean {
  const name = getLastIdentifierName(skipValueWrappers(call.callee));
  return name !== null && getIdentifierWords(name).at(-1) === 'transaction';
}

/** Access modes that open a transaction only to read (IndexedDB's `'readonly'`): its reads may be issued together. */
const READ_ONLY_MODES = new Set(['readonly']);

/** `executeTransaction(db, stores, 'readonly', fn)`: the runner is told the transaction only reads. */
function isReadOnlyRunner(call: TSESTree.CallExpression): boolean {
  return call.arguments.some((argument) => {
    const text = getStaticStringOf(argument);
    return text !== null && READ_ONLY_MODES.has(text);
  });
}

/** Whether the loop runs inside a function handed to a transaction runner (one opened to write). */
function isInTransactionCallback(loop: TSESTree.Node): boolean {
  for (let current = loop.parent; current; current = current.parent) {
    if (!isFunctionNode(current)) continue;
    const parent = current.parent;
    if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments.some((argument) => argument === current) && isTransactionRunner(parent) && !isReadOnlyRunner(parent)) {
      return true;
    }
  }
  return false;
}

interface StatementMark {
  receiver: string;
  start: number;
  begins: boolean;
}

/** `client.query('BEGIN')` / `client.query('COMMIT')` calls of one function, in source order. */
const marksByFunction = new WeakMap<TSESTree.Node, StatementMark[]>();

function getStatementMarks(sourceCode: Readonly<TSESLint.SourceCode>, container: TSESTree.Node): StatementMark[] {
  const cached = marksByFunction.get(container);
  if (cached) return cached;
  const marks: StatementMark[] = [];
  const visit = (node: TSESTree.Node): void => {
    if (node !== container && isFunctionNode(node)) return;
    if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.MemberExpression) {
      const text = getStaticStringOf(node.arguments[0]);
      if (text !== null && (BEGIN.test(text) || END.test(text))) {
        marks.push({ receiver: sourceCode.getText(node.callee.object), start: node.range[0], begins: BEGIN.test(text) });
      }
    }
    forEachChild(node, sourceCode.visitorKeys, visit);
  };
  visit(container);
  marks.sort((a, b) => a.start - b.start);
  marksByFunction.set(container, marks);
  return marks;
}

/** A `BEGIN` is a string literal's start: a file with none has no open transaction, and its functions are not walked. */
const mayOpenTransactions = memoizeByKey((sourceCode: Readonly<TSESLint.SourceCode>): boolean =>
  /['"`]\s*(?:begin|start\s+transaction)\b/iu.test(sourceCode.text),
);

/** Receivers (by their text) on which a `BEGIN` ran before the loop and no `COMMIT`/`ROLLBACK` since. */
function getOpenTransactionReceivers(state: LoopState): Set<string> {
  if (!mayOpenTransactions(state.sourceCode)) return new Set();
  let container: TSESTree.Node = state.shape.loop;
  while (container.parent && !isFunctionNode(container)) container = container.parent;
  const open = new Set<string>();
  for (const mark of getStatementMarks(state.sourceCode, container)) {
    if (mark.start >= state.shape.loop.range[0]) break;
    if (mark.begins) open.add(mark.receiver);
    else open.delete(mark.receiver);
  }
  return open;
}

/**
 * The loop works inside a transaction or session: a call on one or handed one, the callback of a
 * transaction runner, or statements on a client between its `BEGIN` and `COMMIT`.
 */
export function getTransactionReason(state: LoopState): SequentialReason | null {
  const calls = state.facts.calls.filter(({ own }) => own).map(({ node }) => node);
  if (calls.some(isTransactionCall)) return 'transaction';
  if (isInTransactionCallback(state.shape.loop)) return 'transaction';
  const open = getOpenTransactionReceivers(state);
  if (open.size === 0) return null;
  const inSpan = calls.some((call) => {
    const callee = skipValueWrappers(call.callee);
    return callee.type === AST_NODE_TYPES.MemberExpression && open.has(state.sourceCode.getText(callee.object));
  });
  return inSpan ? 'transaction' : null;
}

/**
 * Work the loop runs in an order built for it: statements on a runner the instance holds (one
 * connection; a schema script needs the tables and keys the statement before made), items of a list sorted or reversed for this loop, and work inside a scoped wrapper that
 * holds a connection or a lock for its callback (`withLock(async () => ...)`).
 */

/** Methods that run a statement on a connection or query runner. */
const STATEMENT_METHODS = new Set(['query', 'execute', 'exec', 'raw', 'run']);
const ORDERING_METHODS = new Set(['sort', 'reverse', 'toSorted', 'toReversed']);
const ORDERED_LIST_WORDS = new Set(['sorted', 'ordered', 'reversed', 'topo', 'toposorted', 'prioritized']);
/** First words of wrappers that hold a resource for the callback they run: `withLock`, `withClient`. */
const SCOPED_WRAPPER_WORD = 'with';
const NOT_SCOPED_WRAPPERS = new Set(['retry', 'retries', 'timeout', 'backoff', 'spinner', 'progress', 'span', 'context']);

function getMethod(call: CallNode): { name: string; object: TSESTree.Node } | null {
  const callee = skipValueWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  const name = getLastIdentifierName(callee);
  return name === null ? null : { name, object: skipValueWrappers(callee.object) };
}

function isRootedAtThis(node: TSESTree.Node): boolean {
  let current = skipValueWrappers(node);
  while (current.type === AST_NODE_TYPES.MemberExpression) current = skipValueWrappers(current.object);
  return current.type === AST_NODE_TYPES.ThisExpression;
}

/** `this.sequelize.query(sql)`, `this.db.execute(sql)`: a statement on the one connection the instance holds. */
function isThisRunnerStatement(call: CallNode): boolean {
  const method = getMethod(call);
  return method !== null && STATEMENT_METHODS.has(method.name) && method.object.type === AST_NODE_TYPES.MemberExpression && isRootedAtThis(method.object);
}

/** Statements on a runner held by `this` (schema scripts, one statement after another), awaited by the iterations. */
export function getSharedRunnerReason(state: LoopState): SequentialReason | null {
  return [...state.awaitedCalls].some(isThisRunnerStatement) ? 'shared-runner' : null;
}

/**
 * Where the first `xs.sort()` / `xs.reverse()` of `variable` ends (Infinity without one): read once
 * per variable, since every loop over the same list asks whether one comes before it.
 */
const getFirstOrderingCallEnd = memoizeByKey((variable: TSESLint.Scope.Variable): number => {
  let end = Infinity;
  for (const reference of variable.references) {
    const member = reference.identifier.parent;
    const callsOrdering =
      member?.type === AST_NODE_TYPES.MemberExpression &&
      member.object === reference.identifier &&
      member.parent.type === AST_NODE_TYPES.CallExpression &&
      member.parent.callee === member &&
      ORDERING_METHODS.has(getLastIdentifierName(member) ?? '');
    if (callsOrdering) end = Math.min(end, reference.identifier.range[1]);
  }
  return end;
});

/** Whether a list was built in an order for this loop: `xs.sort()`/`xs.reverse()` in the header or before the loop, a name that says so. */
function isOrderedList(state: LoopState, iterable: TSESTree.Node, depth = 0): boolean {
  const node = skipValueWrappers(iterable);
  const name = getLastIdentifierName(node);
  if (name !== null && (ORDERING_METHODS.has(name) || hasNameWord(name, ORDERED_LIST_WORDS))) return true;
  if (node.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = state.resolve(node);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  const init = definition?.node.type === AST_NODE_TYPES.VariableDeclarator ? definition.node.init : null;
  if (init && depth === 0 && init.type !== AST_NODE_TYPES.Identifier && isOrderedList(state, init, depth + 1)) return true;
  return variable !== null && getFirstOrderingCallEnd(variable) <= state.shape.loop.range[0];
}

/** The items come sorted or reversed for this loop and each is awaited for its effect: the order is the point. */
export function getOrderedListReason(state: LoopState): SequentialReason | null {
  const iterable = state.shape.iterable;
  if (!iterable || !isOrderedList(state, iterable)) return null;
  const forEffect = state.working.some((node) => skipValueWrappers(node.parent).type === AST_NODE_TYPES.ExpressionStatement && getAwaitedCall(node) !== null);
  return forEffect ? 'ordered-list' : null;
}

function isScopedWrapper(call: TSESTree.CallExpression): boolean {
  const name = getLastIdentifierName(skipValueWrappers(call.callee));
  if (name === null) return false;
  const words = getIdentifierWords(name);
  return words[0] === SCOPED_WRAPPER_WORD && words.length > 1 && !words.slice(1).some((word) => NOT_SCOPED_WRAPPERS.has(word));
}

/** The loop runs in the callback of `withLock(...)`, `withConnection(...)`, `withForeignKeysOff(...)`: the wrapper holds one resource for it. */
export function getScopedWrapperReason(state: LoopState): SequentialReason | null {
  for (let current: TSESTree.Node | undefined = state.shape.loop.parent; current; current = current.parent) {
    if (!isFunctionNode(current)) continue;
    const parent = current.parent;
    if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments.some((argument) => argument === current) && isScopedWrapper(parent)) {
      return 'scoped-resource';
    }
  }
  return null;
}

/** Option keys that make one item's statement reach other items' rows or tables (`DROP TABLE ... CASCADE`, a cascading delete). */
const CASCADE_KEYS = new Set(['cascade']);

/** `{ cascade: true }`, `{ ...options, cascade }`: options asking the call to cascade. */
function isCascadeOptions(argument: TSESTree.Node): boolean {
  const node = skipValueWrappers(argument);
  if (node.type !== AST_NODE_TYPES.ObjectExpression) return false;
  return node.properties.some((property) => {
    if (property.type !== AST_NODE_TYPES.Property) return false;
    const key = getPropertyKey(property);
    const value = skipValueWrappers(property.value);
    return key !== null && CASCADE_KEYS.has(key) && !(value.type === AST_NODE_TYPES.Literal && value.value === false);
  });
}

/** Whether a test reads `name.cascade` (`options && options.cascade`, `opts?.cascade`) for one of `names`. */
function testsCascadeOf(test: TSESTree.Node, names: ReadonlySet<string>, visitorKeys: TSESLint.SourceCode.VisitorKeys): boolean {
  let found = false;
  const visit = (node: TSESTree.Node): void => {
    if (found || isFunctionNode(node)) return;
    if (node.type === AST_NODE_TYPES.MemberExpression && !node.computed && node.property.type === AST_NODE_TYPES.Identifier) {
      const object = skipValueWrappers(node.object);
      if (CASCADE_KEYS.has(node.property.name) && object.type === AST_NODE_TYPES.Identifier && names.has(object.name)) {
        found = true;
        return;
      }
    }
    forEachChild(node, visitorKeys, visit);
  };
  visit(test);
  return found;
}

/**
 * Each item's work cascades to other items (`await model.drop({ cascade: true })`, or the loop runs
 * only when the options it hands on say `cascade`): a cascading drop or truncate reaches the
 * tables that reference this one, so concurrent ones contend for the same tables.
 */
export function getCascadeReason(state: LoopState): SequentialReason | null {
  const calls = [...state.awaitedCalls];
  if (calls.some((call) => call.arguments.some(isCascadeOptions))) return 'cascading-work';
  const passed = new Set<string>();
  for (const call of calls) {
    for (const argument of call.arguments) {
      const node = skipValueWrappers(argument);
      if (node.type === AST_NODE_TYPES.Identifier) passed.add(node.name);
    }
  }
  if (passed.size === 0) return null;
  const loop = state.shape.label ?? state.shape.loop;
  for (let current: TSESTree.Node | undefined = loop.parent; current && !isFunctionNode(current); current = current.parent) {
    if (current.type === AST_NODE_TYPES.IfStatement && isRangeWithin(loop.range, current.consequent.range) && testsCascadeOf(current.test, passed, state.sourceCode.visitorKeys)) {
      return 'cascading-work';
    }
  }
  return null;
}
