import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

/**
 * The argument list of `call` as written, with the comments between the callee and its `(`, so a
 * rewrite can put another callee in front: `readFileSync /* big *\/ (p, 'utf8')` →
 * ` /* big *\/ (p, 'utf8')`; type arguments are left behind (`read<T>(p)` → `(p)`), as they
 * belong to the callee being replaced. Null for optional calls (`f?.()`), whose short-circuit a
 * rewrite would change.
 */
export function getArgumentListText(sourceCode: Readonly<TSESLint.SourceCode>, call: TSESTree.CallExpression): string | null {
  if (call.optional) return null;
  const afterCallee = call.typeArguments ?? call.callee;
  const openParen = sourceCode.getTokenAfter(afterCallee, { filter: ASTUtils.isOpeningParenToken });
  if (!openParen || openParen.range[1] > call.range[1]) return null;
  const beforeParen = sourceCode.getTokenBefore(openParen);
  return sourceCode.text.slice(beforeParen ? beforeParen.range[1] : openParen.range[0], call.range[1]);
}

/**
 * When `call` is spelled as a member access `X.a.b(...)` of the module object `X` through the
 * member path `['a', 'b']`, the node `X`; null for a bare identifier (`readFileSync(...)`, an
 * import or alias), another path, or when any step is optional (`fs?.readFileSync`).
 */
export function getModuleObjectNode(call: TSESTree.CallExpression, memberPath: readonly string[]): TSESTree.Expression | null {
  if (memberPath.length === 0) return null;
  let node: TSESTree.Expression = call.callee;
  for (const key of [...memberPath].reverse()) {
    if (node.type !== AST_NODE_TYPES.MemberExpression || node.optional || ASTUtils.getPropertyName(node) !== key) return null;
    node = node.object;
  }
  return node;
}

/**
 * Whether the expression text `reference` (`readFile`, `fsp.readFile`) means, at `node`, the
 * module-level binding it names: its first identifier is not shadowed by a nearer declaration.
 */
export function isModuleBindingReachableAt(
  sourceCode: Readonly<TSESLint.SourceCode>,
  node: TSESTree.Node,
  reference: string,
): boolean {
  const name = reference.split('.')[0] ?? reference;
  const variable = ASTUtils.findVariable(sourceCode.getScope(node), name);
  // Module-level: the scope of the program (global, module, or CommonJS's wrapper function scope).
  return variable?.scope.block.type === AST_NODE_TYPES.Program;
}

/** Whether `node` is in an optional chain whose short-circuit covers it (`a?.b.readFileSync()`'s callee). */
export function isInsideOptionalCallee(call: TSESTree.CallExpression): boolean {
  if (call.optional) return true;
  let node: TSESTree.Node = call.callee;
  while (node.type === AST_NODE_TYPES.MemberExpression || node.type === AST_NODE_TYPES.CallExpression) {
    if (node.optional) return true;
    node = node.type === AST_NODE_TYPES.MemberExpression ? node.object : node.callee;
  }
  return false;
}
