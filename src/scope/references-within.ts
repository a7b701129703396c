import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findFirstStartingFrom, isRangeWithin, rangesOverlap } from '../ast/ranges.js';

type Reference = TSESLint.Scope.Reference;
type Scope = TSESLint.Scope.Scope;

/** An item of a scope's own list, with where it starts and its place in that list. */
interface Placed<T> {
  item: T;
  start: number;
  index: number;
}

/** A scope's references and child scopes sorted by where they start. */
interface SortedContents {
  references: readonly Placed<Reference>[];
  children: readonly Placed<Scope>[];
}

const sortedContents = new WeakMap<Scope, SortedContents>();

function sortByStart<T>(items: readonly T[], startOf: (item: T) => number): Placed<T>[] {
  return items.map((item, index) => ({ item, start: startOf(item), index })).sort((a, b) => a.start - b.start || a.index - b.index);
}

/**
 * The contents of the scope that holds `node`, sorted once per scope: a function with many loops
 * asks for each loop's part of its references, and reading all of them every time would make the
 * function cost the square of its length.
 */
function getSortedContents(scope: Scope): SortedContents {
  let contents = sortedContents.get(scope);
  if (!contents) {
    contents = {
      references: sortByStart(scope.references, (reference) => reference.identifier.range[0]),
      children: sortByStart(scope.childScopes, (child) => child.block.range[0]),
    };
    sortedContents.set(scope, contents);
  }
  return contents;
}

/** The items that start inside `range`, in the order of the scope's own list. */
function getStartingWithin<T>(sorted: readonly Placed<T>[], range: TSESTree.Range): T[] {
  const picked: Placed<T>[] = [];
  for (let at = findFirstStartingFrom(sorted, range[0], (placed) => placed.start); at < sorted.length; at++) {
    const placed = sorted[at] as Placed<T>;
    if (placed.start >= range[1]) break;
    picked.push(placed);
  }
  return picked.sort((a, b) => a.index - b.index).map((placed) => placed.item);
}

function isValueReference(reference: Reference): boolean {
  return (reference as { isValueReference?: boolean }).isValueReference !== false;
}

/** Every reference of `scope` and the scopes inside it that lies in `range` (all of them, for a scope inside the range). */
function collectFrom(scope: Scope, range: TSESTree.Range, found: Reference[]): void {
  for (const reference of scope.references) {
    if (isValueReference(reference) && isRangeWithin(reference.identifier.range, range)) found.push(reference);
  }
  for (const child of scope.childScopes) {
    if (rangesOverlap(child.block.range, range)) collectFrom(child, range, found);
  }
}

/**
 * Every value reference inside `node` (type-only references left out), found through the scope
 * manager: the references of the innermost scope that starts before `node` and lie in its range,
 * then those of the scopes inside it. The outer scope's references and child scopes are found by
 * position (a scope nested in the AST inside `node` starts inside it), in their own order.
 */
export function findValueReferencesWithin(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): Reference[] {
  let scope: Scope | null = sourceCode.getScope(node);
  while (scope && scope.block.range[0] >= node.range[0] && scope.block !== sourceCode.ast && scope.upper) {
    scope = scope.upper;
  }
  const found: Reference[] = [];
  if (!scope) return found;
  const contents = getSortedContents(scope);
  for (const reference of getStartingWithin(contents.references, node.range)) {
    if (isValueReference(reference) && isRangeWithin(reference.identifier.range, node.range)) found.push(reference);
  }
  for (const child of getStartingWithin(contents.children, node.range)) {
    if (rangesOverlap(child.block.range, node.range)) collectFrom(child, node.range, found);
  }
  return found;
}
