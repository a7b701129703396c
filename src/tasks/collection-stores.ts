import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { isNodeInside } from '../ast/ranges.js';
import { getRepeatingLoop } from '../ast/loop-node.js';
import { isInContinuation } from './control-flow-order.js';
import { skipValueWrappers } from '../ast/unwrap.js';
import { findUncaughtThrowInLoop, getReferenceUse, getStoringNode } from './task-usage.js';

/** A value put into a collection variable, and the node that puts it there. */
export interface CollectionStore {
  /** The declarator, `push` call or property assignment that stores the value. */
  write: TSESTree.Node;
  value: TSESTree.Node;
}

/**
 * Stores into the collection `variable` (declared by `declarator` with `init`) of values that
 * `isTaskShape` says may start a new promise: the initial elements or property values, `push` and
 * `unshift` arguments, `Map#set` and `Set#add` arguments of an empty `new Map()` / `new Set()`,
 * property assignments. An initial value that is neither an array nor an
 * object literal (`xs.map(async (x) => ...)`) is itself the one store.
 */
export function getCollectionStores(
  variable: TSESLint.Scope.Variable,
  declarator: TSESTree.Node,
  init: TSESTree.Expression,
  isTaskShape: (node: TSESTree.Node) => boolean,
): CollectionStore[] {
  const stores: CollectionStore[] = [];
  const add = (write: TSESTree.Node, value: TSESTree.Node | null): void => {
    if (value && isTaskShape(skipValueWrappers(value))) stores.push({ write, value });
  };
  const inner = skipValueWrappers(init);
  if (inner.type === AST_NODE_TYPES.ArrayExpression || inner.type === AST_NODE_TYPES.ObjectExpression) {
    for (const value of getInitialValues(inner)) add(declarator, value);
  } else if (!isEmptyKeyedCollection(inner)) {
    return [{ write: declarator, value: init }];
  }
  for (const reference of variable.references) {
    if (getReferenceUse(reference, 'collection') !== 'store') continue;
    const store = getStoringNode(reference.identifier);
    if (store?.type === AST_NODE_TYPES.CallExpression) {
      for (const argument of store.arguments) if (argument.type !== AST_NODE_TYPES.SpreadElement) add(store, argument);
    } else if (store) {
      add(store, store.right);
    }
  }
  return stores;
}

/** The values an array or object literal starts with: its elements and property values (not spreads, methods or accessors). */
export function getInitialValues(literal: TSESTree.ArrayExpression | TSESTree.ObjectExpression): TSESTree.Node[] {
  const values: TSESTree.Node[] = [];
  if (literal.type === AST_NODE_TYPES.ArrayExpression) {
    for (const element of literal.elements) if (element && element.type !== AST_NODE_TYPES.SpreadElement) values.push(element);
  } else {
    for (const property of literal.properties) {
      if (property.type === AST_NODE_TYPES.Property && !property.method && property.kind === 'init') values.push(property.value);
    }
  }
  return values;
}

/** `new Map()` or `new Set()` with nothing in it yet: its promises come from `set` and `add` calls. */
export function isEmptyKeyedCollection(node: TSESTree.Node): boolean {
  return (
    node.type === AST_NODE_TYPES.NewExpression &&
    node.arguments.length === 0 &&
    node.callee.type === AST_NODE_TYPES.Identifier &&
    (node.callee.name === 'Map' || node.callee.name === 'Set')
  );
}

/**
 * For a store in a loop (the collection declared outside it) whose collection is observed only
 * after the loop: the first `throw` in the loop that the loop does not catch. If it runs part-way,
 * the promises already stored are never observed.
 */
export function findLoopLoss(
  variable: TSESLint.Scope.Variable,
  write: TSESTree.Node,
  observers: readonly TSESLint.Scope.Reference[],
  visitorKeys: TSESLint.SourceCode.VisitorKeys,
): TSESTree.ThrowStatement | null {
  const loop = getRepeatingLoop(write);
  const declaration = variable.defs[0]?.name as TSESTree.Node | undefined;
  if (!loop || !declaration || isNodeInside(declaration, loop)) return null;
  if (observers.some((reference) => isNodeInside(reference.identifier, loop))) return null;
  const observedAfter = observers.some((reference) => isInContinuation(loop, reference.identifier));
  return observedAfter ? findUncaughtThrowInLoop(loop.body, visitorKeys) : null;
}
