import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { isFunctionNode } from '../ast/function-node.js';
import { getIdentifierWords, getLastIdentifierName, hasNameWord } from '../ast/names.js';
import { skipValueWrappers } from '../ast/unwrap.js';
import type { SequentialReason } from './loop-independence.js';
import type { LoopState } from './loop-state.js';
import { getAwaitedCall, type CallNode } from './ordered-calls.js';

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
  return (
    variable?.references.some((reference) => {
      const member = reference.identifier.parent;
      return (
        reference.identifier.range[1] <= state.shape.loop.range[0] &&
        member?.type === AST_NODE_TYPES.MemberExpression &&
        member.object === reference.identifier &&
        member.parent.type === AST_NODE_TYPES.CallExpression &&
        member.parent.callee === member &&
        ORDERING_METHODS.has(getLastIdentifierName(member) ?? '')
      );
    }) ?? false
  );
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
