import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { findFirstStartingFrom, isNodeInside } from '../ast/ranges.js';
import { getRepeatingLoop } from '../ast/loop-node.js';
import { getOwnerFunction, isInContinuation } from './control-flow-order.js';
import { someInSameFunction } from '../ast/walk.js';

/** What a variable holds: one promise, or a collection (array, object) that promises are stored in. */
export type TaskHolder = 'promise' | 'collection';

/**
 * How a read of a task variable treats the task:
 * - `observe`: the promise (or the collection) reaches something that can await or handle it:
 *   awaited, returned, yielded, passed as an argument, stored elsewhere, `.then/.catch/.finally`,
 *   exported, `void`-ed on purpose, or anything the analysis cannot follow;
 * - `store`: a promise is put into the collection (`ps.push(p)`, `pending.a = p`);
 * - `ignore`: the read looks at the value without observing it (`if (t)`, `t === x`, `ps.length`, `` `${t}` ``, `t;`).
 */
export type ReferenceUse = 'observe' | 'store' | 'ignore';

/** Methods that put a value into an array (`push`, `unshift`), a `Map` (`set`) or a `Set` (`add`). */
const STORE_METHODS = new Set(['push', 'unshift', 'set', 'add']);

const NO_VALUES: readonly TSESTree.Node[] = [];

/** The children whose value `node` passes on unchanged (`t!`, `t as P`, `a ? t : b`, `x || t`, `(a, t)`); none for other nodes. */
function getPassedOnValues(node: TSESTree.Node): readonly TSESTree.Node[] {
  switch (node.type) {
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
    case AST_NODE_TYPES.TSSatisfiesExpression:
    case AST_NODE_TYPES.TSTypeAssertion:
    case AST_NODE_TYPES.ChainExpression:
      return [node.expression];
    case AST_NODE_TYPES.ConditionalExpression:
      return [node.consequent, node.alternate];
    case AST_NODE_TYPES.LogicalExpression:
      return [node.left, node.right];
    case AST_NODE_TYPES.SequenceExpression:
      return node.expressions.slice(-1);
    default:
      return NO_VALUES;
  }
}

/** Climbs through the wrappers that pass the value on unchanged (`getPassedOnValues`). */
function climbValueWrappers(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  for (let parent = current.parent; parent && getPassedOnValues(parent).includes(current); parent = current.parent) current = parent;
  return current;
}

function getValueUse(node: TSESTree.Node, holder: TaskHolder): ReferenceUse {
  const value = climbValueWrappers(node);
  const parent = value.parent;
  if (!parent) return 'observe';
  switch (parent.type) {
    case AST_NODE_TYPES.MemberExpression: {
      if (parent.object !== value) return 'observe';
      const name = parent.property.type === AST_NODE_TYPES.PrivateIdentifier ? null : ASTUtils.getPropertyName(parent);
      if (holder === 'promise') return 'observe';
      const grandparent = parent.parent;
      if (name !== null && STORE_METHODS.has(name) && grandparent?.type === AST_NODE_TYPES.CallExpression && grandparent.callee === parent) {
        return 'store';
      }
      if (name === 'length') return 'ignore';
      if (grandparent?.type === AST_NODE_TYPES.AssignmentExpression && grandparent.left === parent) return 'store';
      if (grandparent?.type === AST_NODE_TYPES.CallExpression && grandparent.callee === parent) return 'observe';
      // An element read (`ps[0]`, `pending.user`): what happens to the element decides.
      return getValueUse(parent, 'promise');
    }
    case AST_NODE_TYPES.UnaryExpression:
      return parent.operator === 'void' ? 'observe' : 'ignore';
    case AST_NODE_TYPES.BinaryExpression:
    case AST_NODE_TYPES.TemplateLiteral:
    case AST_NODE_TYPES.ExpressionStatement:
      return 'ignore';
    case AST_NODE_TYPES.IfStatement:
    case AST_NODE_TYPES.WhileStatement:
    case AST_NODE_TYPES.DoWhileStatement:
    case AST_NODE_TYPES.ForStatement:
    case AST_NODE_TYPES.ConditionalExpression:
      return 'test' in parent && parent.test === value ? 'ignore' : 'observe';
    case AST_NODE_TYPES.AssignmentExpression:
      return parent.right === value ? 'observe' : 'ignore';
    default:
      return 'observe';
  }
}

/**
 * The call or assignment a read of a collection stores through, when its use is `store`
 * (`ps.push(p)`, `pending.a = p`, `(ps as P[]).push(p)`): found past the same wrappers.
 */
export function getStoringNode(identifier: TSESTree.Node): TSESTree.CallExpression | TSESTree.AssignmentExpression | null {
  const store = climbValueWrappers(identifier).parent?.parent;
  return store?.type === AST_NODE_TYPES.CallExpression || store?.type === AST_NODE_TYPES.AssignmentExpression ? store : null;
}

/** The names at the bottom of the wrappers that pass a value on (`a ?? (c ? b : d)` gives `a`, `b`, `d`). */
function collectPassedOnNames(node: TSESTree.Node, names: string[]): void {
  if (node.type === AST_NODE_TYPES.Identifier) names.push(node.name);
  else for (const value of getPassedOnValues(node)) collectPassedOnNames(value, names);
}

/**
 * The variable names a store at `node` may put its value into: the receiver of `push`, `unshift`,
 * `set` or `add`, or the object of an assigned member, as the `store` use of a collection's read
 * is seen from the store's side (`(a ?? b).push(t)` names both). A collection whose name no store
 * gives holds only its initial elements.
 */
export function getStoreReceiverNames(node: TSESTree.CallExpression | TSESTree.AssignmentExpression): string[] {
  const member = node.type === AST_NODE_TYPES.CallExpression ? node.callee : node.left;
  if (member.type !== AST_NODE_TYPES.MemberExpression) return [];
  if (node.type === AST_NODE_TYPES.CallExpression) {
    const name = member.property.type === AST_NODE_TYPES.PrivateIdentifier ? null : ASTUtils.getPropertyName(member);
    if (name === null || !STORE_METHODS.has(name)) return [];
  }
  const names: string[] = [];
  collectPassedOnNames(member.object, names);
  return names;
}

/** How the read `reference` of a task variable uses the task. */
export function getReferenceUse(reference: TSESLint.Scope.Reference, holder: TaskHolder): ReferenceUse {
  if (!reference.isRead()) return 'ignore';
  // `t += x` and `t++` read and replace the value; nothing observes the old promise, but be safe.
  if (reference.isWrite()) return 'observe';
  return getValueUse(reference.identifier, holder);
}

export function getObservingReferences(variable: TSESLint.Scope.Variable, holder: TaskHolder): TSESLint.Scope.Reference[] {
  return variable.references.filter((reference) => getReferenceUse(reference, holder) === 'observe');
}

/** Where the code waits for something: an `await`, or a `for await` loop (each step of it). */
export interface AwaitPoint {
  node: TSESTree.AwaitExpression | TSESTree.ForOfStatement;
  /** Where the wait starts: the end of the awaited expression. */
  suspendsAt: number;
}

export function getAwaitPoint(node: TSESTree.AwaitExpression | TSESTree.ForOfStatement): AwaitPoint {
  return { node, suspendsAt: node.type === AST_NODE_TYPES.ForOfStatement ? node.right.range[1] : node.range[1] };
}

/** An `await` of a literal resumes within the same microtask checkpoint: nothing can be reported unhandled meanwhile. */
function isImmediateAwait(point: AwaitPoint): boolean {
  if (point.node.type !== AST_NODE_TYPES.AwaitExpression) return false;
  const argument = point.node.argument;
  return argument.type === AST_NODE_TYPES.Literal || (argument.type === AST_NODE_TYPES.Identifier && argument.name === 'undefined');
}

export interface LateAwait {
  /** The other `await` that runs while the task is unobserved. */
  await: AwaitPoint;
  /** The first read that observes the task afterwards. */
  observer: TSESLint.Scope.Reference;
}

/**
 * For a promise written into `variable` at `write` (a declaration, assignment or store), the first
 * `await` of something else (in `awaits`, the owner function's waits in source order) that runs
 * after the write and before anything observes the task, on a path from the write to the first
 * observer. A write in a loop also waits at the loop's own `await`s of later iterations when the
 * observer comes after the loop. Returns null when the order cannot be told: the task is observed
 * in a closure or on a loop's back edge, or not observed on the write's path at all.
 */
export function findLateAwait(
  variable: TSESLint.Scope.Variable,
  write: TSESTree.Node,
  holder: TaskHolder,
  awaits: readonly AwaitPoint[],
): LateAwait | null {
  const owner = getOwnerFunction(write);
  if (!owner) return null;
  const observers = getObservingReferences(variable, holder);
  if (observers.some((reference) => getOwnerFunction(reference.identifier) !== owner)) return null;
  const declaration = variable.defs[0]?.name as TSESTree.Node | undefined;
  let loop = getRepeatingLoop(write);
  if (loop && declaration && isNodeInside(declaration, loop)) loop = null;
  if (loop) {
    const loopNode = loop;
    const observedOnBackEdge = observers.some(
      (reference) => isNodeInside(reference.identifier, loopNode) && reference.identifier.range[0] < write.range[0],
    );
    if (observedOnBackEdge) return null;
  }
  const observer = observers.find(
    (reference) => reference.identifier.range[0] >= write.range[1] && isInContinuation(write, reference.identifier as TSESTree.Node),
  );
  if (!observer) return null;
  const observedAt = observer.identifier.range[0];
  const observerInLoop = loop !== null && isNodeInside(observer.identifier, loop);
  const waitsMeanwhile = (point: AwaitPoint): boolean => {
    if (isImmediateAwait(point) || point.suspendsAt > observedAt) return false;
    if (point.node.range[0] >= write.range[1] && isInContinuation(write, point.node)) return true;
    // The next iteration's `await` runs while this iteration's task is still unobserved.
    return loop !== null && !observerInLoop && isNodeInside(point.node, loop) && !isNodeInside(write, point.node);
  };
  // Only the awaits from the write (or its loop) to the observer can wait meanwhile: a function
  // with many tasks and awaits reads each task's stretch, not all its awaits.
  const from = loop ? Math.min(loop.range[0], write.range[1]) : write.range[1];
  for (let at = findFirstStartingFrom(awaits, from, (point) => point.node.range[0]); at < awaits.length; at++) {
    const point = awaits[at] as AwaitPoint;
    if (point.node.range[0] > observedAt) break;
    if (waitsMeanwhile(point)) return { await: point, observer };
  }
  return null;
}

/** A `throw` in `loop`'s body that no `try` inside the loop catches: the loop can stop part-way. */
export function findUncaughtThrowInLoop(
  loop: TSESTree.Node,
  visitorKeys: TSESLint.SourceCode.VisitorKeys,
): TSESTree.ThrowStatement | null {
  let first: TSESTree.ThrowStatement | null = null;
  someInSameFunction(
    loop,
    visitorKeys,
    (node) => {
      if (node.type === AST_NODE_TYPES.ThrowStatement && (!first || node.range[0] < first.range[0])) first = node;
      return false;
    },
    // A throw inside a `try` block with a `catch` is caught before it leaves the loop.
    { skip: (child, parent) => parent.type === AST_NODE_TYPES.TryStatement && child === parent.block && parent.handler !== null },
  );
  return first;
}
