import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

export type CandidateLoop = TSESTree.ForOfStatement | TSESTree.ForInStatement | TSESTree.ForStatement;

export interface CountedLoop {
  /** The index variable's identifier in the loop header (`i` in `let i = 0`). */
  index: TSESTree.Identifier;
  start: TSESTree.Expression;
  /** The bound (`n` in `i < n`). */
  end: TSESTree.Expression;
  inclusive: boolean;
  step: number;
  /** `for (let i = 0; i < END; i++)` with one declarator: the only counted form that is rewritten. */
  isSimple: boolean;
}

export interface LoopShape {
  loop: CandidateLoop;
  kind: 'for-of' | 'for-in' | 'counted';
  /** `const`, `let` or `var`: how the loop variable is declared. */
  declarationKind: 'const' | 'let' | 'var';
  /** The loop variable: a binding pattern for `for...of`/`for...in`, the index for counted loops. */
  binding: TSESTree.Node;
  /** The iterated expression (`for...of`/`for...in`), or null for counted loops. */
  iterable: TSESTree.Expression | null;
  counted: CountedLoop | null;
  body: TSESTree.Statement;
  /** The label statement directly around the loop, if any. */
  label: TSESTree.LabeledStatement | null;
}

function getStep(update: TSESTree.Expression | null, index: string): number | null {
  if (!update) return null;
  if (update.type === AST_NODE_TYPES.UpdateExpression) {
    return update.operator === '++' && update.argument.type === AST_NODE_TYPES.Identifier && update.argument.name === index
      ? 1
      : null;
  }
  if (
    update.type === AST_NODE_TYPES.AssignmentExpression &&
    update.operator === '+=' &&
    update.left.type === AST_NODE_TYPES.Identifier &&
    update.left.name === index &&
    update.right.type === AST_NODE_TYPES.Literal &&
    typeof update.right.value === 'number' &&
    update.right.value > 0
  ) {
    return update.right.value;
  }
  return null;
}

function getCountedLoop(loop: TSESTree.ForStatement): { counted: CountedLoop; kind: 'let' | 'var' } | null {
  const { init, test, update } = loop;
  if (init?.type !== AST_NODE_TYPES.VariableDeclaration || (init.kind !== 'let' && init.kind !== 'var')) return null;
  if (test?.type !== AST_NODE_TYPES.BinaryExpression || (test.operator !== '<' && test.operator !== '<=')) return null;
  if (test.left.type !== AST_NODE_TYPES.Identifier) return null;
  const indexName = test.left.name;
  const declarator = init.declarations.find(
    (candidate) => candidate.id.type === AST_NODE_TYPES.Identifier && candidate.id.name === indexName,
  );
  if (!declarator?.init || declarator.id.type !== AST_NODE_TYPES.Identifier) return null;
  const step = getStep(update, indexName);
  if (step === null) return null;
  const start = declarator.init;
  const isSimple =
    init.declarations.length === 1 &&
    start.type === AST_NODE_TYPES.Literal &&
    start.value === 0 &&
    test.operator === '<' &&
    step === 1;
  return {
    kind: init.kind,
    counted: { index: declarator.id, start, end: test.right, inclusive: test.operator === '<=', step, isSimple },
  };
}

/**
 * The loops whose iteration space is known before they run: `for...of` and `for...in` over a
 * declared binding (`const`/`let`/`var`, any pattern), and counted loops `for (let i = S; i < E; i++)`
 * (also `<=`, `++i`, `i += k`). `for await`, `while`, `do...while`, `using` bindings and loops that
 * assign an existing variable (`for (x of xs)`) are not candidates.
 */
export function getLoopShape(node: TSESTree.Node): LoopShape | null {
  const label = node.parent?.type === AST_NODE_TYPES.LabeledStatement ? node.parent : null;
  if (node.type === AST_NODE_TYPES.ForOfStatement || node.type === AST_NODE_TYPES.ForInStatement) {
    if (node.type === AST_NODE_TYPES.ForOfStatement && node.await) return null;
    const left = node.left;
    if (left.type !== AST_NODE_TYPES.VariableDeclaration) return null;
    if (left.kind !== 'const' && left.kind !== 'let' && left.kind !== 'var') return null;
    const declarator = left.declarations[0];
    if (!declarator || left.declarations.length !== 1) return null;
    return {
      loop: node,
      kind: node.type === AST_NODE_TYPES.ForOfStatement ? 'for-of' : 'for-in',
      declarationKind: left.kind,
      binding: declarator.id,
      iterable: node.right,
      counted: null,
      body: node.body,
      label,
    };
  }
  if (node.type === AST_NODE_TYPES.ForStatement) {
    const found = getCountedLoop(node);
    if (!found) return null;
    return {
      loop: node,
      kind: 'counted',
      declarationKind: found.kind,
      binding: found.counted.index,
      iterable: null,
      counted: found.counted,
      body: node.body,
      label,
    };
  }
  return null;
}
