import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { skipTypeWrappers } from '../ast/unwrap.js';
import { isLoopNode } from '../ast/loop-node.js';
import type { LoopNode } from '../ast/loop-node.js';
import { getLoopHead } from '../ast/loop-node.js';
import { getRepeatingLoop } from '../ast/loop-node.js';
import { isIterationBoundary } from '../ast/loop-node.js';
import { forEachChild } from '../ast/walk.js';

/** Whether no other loop in the same function runs `loop` repeatedly: where a loop-nest analysis starts. */
export function isOutermostLoop(loop: LoopNode): boolean {
  return getRepeatingLoop(loop) === null;
}

function isNumericLiteral(node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.Literal) return typeof node.value === 'number' || typeof node.value === 'bigint';
  return (
    node.type === AST_NODE_TYPES.UnaryExpression &&
    (node.operator === '-' || node.operator === '+') &&
    isNumericLiteral(node.argument)
  );
}

const COMPARISONS = new Set(['<', '<=', '>', '>=', '!=', '!==']);

/**
 * Whether the loop runs a number of times fixed in the source: a `for` whose test compares with a
 * numeric literal (`i < 10`), a `for...of` over an array literal, or a `for...in` over an object or
 * array literal. `while` loops and everything else have a bound that depends on data.
 */
export function hasLiteralBound(loop: LoopNode): boolean {
  switch (loop.type) {
    case AST_NODE_TYPES.ForStatement: {
      const test = loop.test;
      return (
        test?.type === AST_NODE_TYPES.BinaryExpression &&
        COMPARISONS.has(test.operator) &&
        (isNumericLiteral(test.left) || isNumericLiteral(test.right))
      );
    }
    case AST_NODE_TYPES.ForOfStatement: {
      const right = skipTypeWrappers(loop.right);
      return (
        right.type === AST_NODE_TYPES.ArrayExpression &&
        right.elements.every((element) => element?.type !== AST_NODE_TYPES.SpreadElement)
      );
    }
    case AST_NODE_TYPES.ForInStatement: {
      const right = skipTypeWrappers(loop.right);
      if (right.type === AST_NODE_TYPES.ArrayExpression) {
        return right.elements.every((element) => element?.type !== AST_NODE_TYPES.SpreadElement);
      }
      return (
        right.type === AST_NODE_TYPES.ObjectExpression &&
        right.properties.every((property) => property.type !== AST_NODE_TYPES.SpreadElement)
      );
    }
    default:
      return false;
  }
}

/** Whether `node` itself waits: `await`, `yield`, `for await`, `await using`. */
function isWaitPoint(node: TSESTree.Node): boolean {
  return (
    node.type === AST_NODE_TYPES.AwaitExpression ||
    node.type === AST_NODE_TYPES.YieldExpression ||
    (node.type === AST_NODE_TYPES.ForOfStatement && node.await) ||
    (node.type === AST_NODE_TYPES.VariableDeclaration && node.kind === 'await using')
  );
}

export interface CpuLoopNest {
  /** The outermost loop of the nest that satisfies every condition. */
  loop: LoopNode;
  /** The length of its longest chain of nested loops. */
  depth: number;
}

interface LoopSummary {
  /** Longest chain of nested loops starting here. */
  depth: number;
  /** Longest chain starting here that contains a loop without a literal bound (-Infinity if none). */
  dataBoundDepth: number;
  /** Whether the loop, or anything the enclosing loop runs with it (its head included), waits. */
  waits: boolean;
  /** The outermost qualifying nests at or below this loop. */
  nests: CpuLoopNest[];
}

interface ScanState {
  childDepth: number;
  childDataBoundDepth: number;
  waits: boolean;
  nests: CpuLoopNest[];
}

/**
 * The CPU-bound loop nests in and under `loop` (which should be outermost, see `isOutermostLoop`):
 * chains of at least `minDepth` nested loops, not all with literal bounds, with no `await`/`yield`
 * in them. Each nest is given once, by its outermost loop that qualifies. Walks `loop`'s subtree
 * once; nested functions and class bodies are skipped (their loops are analysed on their own).
 */
export function findCpuLoopNests(
  loop: LoopNode,
  visitorKeys: TSESLint.SourceCode.VisitorKeys,
  minDepth: number,
): CpuLoopNest[] {
  const scan = (node: TSESTree.Node, state: ScanState): void => {
    if (isIterationBoundary(node)) return;
    if (isLoopNode(node)) {
      const summary = summarize(node);
      state.childDepth = Math.max(state.childDepth, summary.depth);
      state.childDataBoundDepth = Math.max(state.childDataBoundDepth, summary.dataBoundDepth);
      state.waits ||= summary.waits;
      state.nests.push(...summary.nests);
      return;
    }
    if (isWaitPoint(node)) state.waits = true;
    forEachChild(node, visitorKeys, (child) => scan(child, state));
  };

  const summarize = (current: LoopNode): LoopSummary => {
    const head = getLoopHead(current);
    const inner: ScanState = { childDepth: 0, childDataBoundDepth: -Infinity, waits: isWaitPoint(current), nests: [] };
    const headState: ScanState = { childDepth: 0, childDataBoundDepth: -Infinity, waits: false, nests: [] };
    forEachChild(current, visitorKeys, (child) => scan(child, child === head ? headState : inner));
    const depth = inner.childDepth + 1;
    const dataBoundDepth = hasLiteralBound(current) ? inner.childDataBoundDepth + 1 : depth;
    const qualifies = !inner.waits && dataBoundDepth >= minDepth;
    return {
      depth,
      dataBoundDepth,
      waits: inner.waits || headState.waits,
      nests: qualifies ? [{ loop: current, depth }] : [...headState.nests, ...inner.nests],
    };
  };

  return summarize(loop).nests;
}

/** `for`, `for...of`, `for await...of`, `for...in`, `while`, `do...while`: how messages name a loop. */
export function getLoopKeyword(loop: LoopNode): string {
  switch (loop.type) {
    case AST_NODE_TYPES.ForStatement:
      return 'for';
    case AST_NODE_TYPES.ForOfStatement:
      return loop.await ? 'for await...of' : 'for...of';
    case AST_NODE_TYPES.ForInStatement:
      return 'for...in';
    case AST_NODE_TYPES.WhileStatement:
      return 'while';
    default:
      return 'do...while';
  }
}
