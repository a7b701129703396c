import { AST_NODE_TYPES, TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { isAsyncFunction, isFunctionNode } from '../ast/function-node.js';
import { memoizeByKey } from '../ast/memoize.js';
import { getMemberKeyName } from '../ast/names.js';
import { getOutermostTypeWrapper, skipTypeWrappers } from '../ast/unwrap.js';

/**
 * The names under which this file binds its async functions: a declaration's or expression's own
 * name, the variable it initialises, the key of the property, method or class field it is the
 * value of. A call resolves to a local async function (`getCalledLocalFunction`) only through one
 * of these names, so a callee named otherwise needs no lookup. Found once per file from the scope
 * manager's function scopes, and shared by the checks (a `WeakMap` keyed by the `SourceCode`).
 */
const getAsyncFunctionNames = memoizeByKey((sourceCode: Readonly<TSESLint.SourceCode>): ReadonlySet<string> => {
  const names = new Set<string>();
  // Every scope would be read; a file that never spells `async` (the keyword has no escaped form) has no async function.
  if (!sourceCode.text.includes('async')) return names;
  for (const scope of sourceCode.scopeManager?.scopes ?? []) {
    const fn = scope.block;
    if (scope.type !== TSESLint.Scope.ScopeType.function || !isFunctionNode(fn) || !isAsyncFunction(fn)) continue;
    if (fn.id) names.add(fn.id.name);
    const value = getOutermostTypeWrapper(fn);
    const owner = value.parent;
    if (owner?.type === AST_NODE_TYPES.VariableDeclarator && owner.init === value && owner.id.type === AST_NODE_TYPES.Identifier) {
      names.add(owner.id.name);
    } else if (
      (owner?.type === AST_NODE_TYPES.Property || owner?.type === AST_NODE_TYPES.MethodDefinition || owner?.type === AST_NODE_TYPES.PropertyDefinition) &&
      owner.value === value
    ) {
      const name = getMemberKeyName(owner);
      if (name !== null) names.add(name);
    }
  }
  return names;
});

/**
 * A test of whether a callee may call an async function of this file: false when its name (a
 * variable, or a member's property) is none of the names the file binds async functions to. A
 * function written in place (an IIFE) is always a candidate. One test per file and check: it keeps
 * the file's names itself, since it is asked of nearly every call.
 */
export function createLocalAsyncCalleeTest(sourceCode: Readonly<TSESLint.SourceCode>): (callee: TSESTree.Node) => boolean {
  let names: ReadonlySet<string> | null = null;
  return (callee) => {
    const node = skipTypeWrappers(callee);
    if (node.type !== AST_NODE_TYPES.Identifier && node.type !== AST_NODE_TYPES.MemberExpression) return true;
    const name = node.type === AST_NODE_TYPES.Identifier ? node.name : getMemberKeyName(node);
    names ??= getAsyncFunctionNames(sourceCode);
    return name !== null && names.has(name);
  };
}
