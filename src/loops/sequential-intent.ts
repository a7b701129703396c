import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { isFunctionNode } from '../ast/function-node.js';
import { getLastIdentifierName, hasNameWord } from '../ast/names.js';
import { skipValueWrappers } from '../ast/unwrap.js';
import { forEachChild } from '../ast/walk.js';
import type { LoopBodyFacts } from './loop-body-facts.js';
import type { SequentialReason } from './loop-independence.js';
import type { LoopShape } from './loop-shape.js';
import type { LoopState } from './loop-state.js';
import { isConcurrentBatchCall } from './ordered-calls.js';

/** Words in a loop variable's or iterated list's name that say the items must go in order or are already batches. */
const ORDERED_ITEM_WORDS = new Set([
  'batch', 'chunk', 'page', 'attempt', 'retry', 'retrie', 'tries', 'step', 'stage', 'phase',
  'migration', 'hook', 'middleware', 'plugin', 'script', 'command', 'cmd', 'lifecycle', 'task', 'job',
]);

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

/** Per function (or program): the lists its `Promise.all` calls run through, as spelled. */
const concurrentListTexts = new WeakMap<TSESTree.Node, ReadonlySet<string>>();

/**
 * The lists the concurrent batch calls anywhere in `container` run through, as the source spells
 * them: `xs` of `Promise.all(xs)` and of `Promise.all(xs.map(...))`, and of `Array.from(xs, ...)`.
 * Read once per container, so a function with many loops is walked once, not once per loop.
 */
function getConcurrentListTexts(sourceCode: Readonly<TSESLint.SourceCode>, container: TSESTree.Node): ReadonlySet<string> {
  const known = concurrentListTexts.get(container);
  if (known) return known;
  const texts = new Set<string>();
  const visit = (node: TSESTree.Node): void => {
    if (node.type === AST_NODE_TYPES.CallExpression && isConcurrentBatchCall(node)) {
      const list = node.arguments[0];
      const mapped =
        list?.type === AST_NODE_TYPES.CallExpression && list.callee.type === AST_NODE_TYPES.MemberExpression
          ? list.callee.object
          : list;
      const listed = list?.type === AST_NODE_TYPES.CallExpression && getLastIdentifierName(list.callee) === 'from' ? list.arguments[0] : mapped;
      if (mapped) texts.add(sourceCode.getText(mapped));
      if (listed) texts.add(sourceCode.getText(listed));
    }
    forEachChild(node, sourceCode.visitorKeys, visit);
  };
  visit(container);
  concurrentListTexts.set(container, texts);
  return texts;
}

/** Whether the enclosing function (or the program) runs the loop's list through `Promise.all` somewhere. */
function hasConcurrentTwin(sourceCode: Readonly<TSESLint.SourceCode>, shape: LoopShape): boolean {
  const iterable = shape.iterable ?? shape.counted?.end;
  if (!iterable) return false;
  let container: TSESTree.Node = shape.loop;
  while (container.parent && !isFunctionNode(container)) container = container.parent;
  return getConcurrentListTexts(sourceCode, container).has(sourceCode.getText(iterable));
}

/** `Promise.all([a(x), b(x)])`: a fixed tuple of this item's own calls, not a batch of the list. */
function isFixedTupleCall(node: TSESTree.Node): boolean {
  const expression = skipValueWrappers(node);
  return expression.type === AST_NODE_TYPES.CallExpression && expression.arguments[0]?.type === AST_NODE_TYPES.ArrayExpression;
}

/**
 * Each iteration already runs a batch concurrently (`await Promise.all(batch.map(...))`): the
 * batches go one at a time on purpose. Two or three calls of one item awaited together
 * (`await Promise.all([readMeta(k), readBody(k)])`) are that item's work, not a batch.
 */
export function getConcurrentBatchReason(facts: LoopBodyFacts): SequentialReason | null {
  return facts.ownAwaits.some((node) => isConcurrentBatchCall(node.argument) && !isFixedTupleCall(node.argument)) ? 'concurrent-batch' : null;
}

/** The loop variable or the list is named as ordered steps or batches: `for (const batch of batches)`, `for (const step of steps)`. */
export function getOrderedNamesReason({ shape }: LoopState): SequentialReason | null {
  const names = [
    ...getBindingNames(shape.counted ? null : shape.binding),
    getLastIdentifierName(shape.iterable) ?? '',
    getLastIdentifierName(shape.counted?.end) ?? '',
  ].filter((name) => name !== '');
  return names.some((name) => hasNameWord(name, ORDERED_ITEM_WORDS)) ? 'ordered-names' : null;
}

function containsConcurrentBatch(sourceCode: Readonly<TSESLint.SourceCode>, root: TSESTree.Node): boolean {
  let found = false;
  const visit = (node: TSESTree.Node): void => {
    if (found || (node !== root && isFunctionNode(node))) return;
    if (node.type === AST_NODE_TYPES.CallExpression && isConcurrentBatchCall(node)) {
      found = true;
      return;
    }
    forEachChild(node, sourceCode.visitorKeys, visit);
  };
  visit(root);
  return found;
}

/** The loop is one branch of an `if` whose other branch runs the work concurrently: `if (ordered) { for ... } else { await Promise.all(...) }`. */
function hasConcurrentBranch(sourceCode: Readonly<TSESLint.SourceCode>, shape: LoopShape): boolean {
  let child: TSESTree.Node = shape.loop;
  for (let current: TSESTree.Node | undefined = shape.loop.parent; current && !isFunctionNode(current); child = current, current = current.parent) {
    if (current.type !== AST_NODE_TYPES.IfStatement || current.test === child) continue;
    const other = current.consequent === child ? current.alternate : current.consequent;
    if (other && containsConcurrentBatch(sourceCode, other)) return true;
  }
  return false;
}

/** The same list goes through `Promise.all` elsewhere in the function, or the other branch of an `if` runs the work concurrently: this loop is sequential by choice. */
export function getDeliberateReason({ sourceCode, shape }: LoopState): SequentialReason | null {
  return hasConcurrentTwin(sourceCode, shape) || hasConcurrentBranch(sourceCode, shape) ? 'deliberate' : null;
}
