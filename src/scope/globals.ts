import { TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { memoizeByKey } from '../ast/memoize.js';
import { findVariableOf } from './find-variable.js';

/**
 * Whether `identifier` reads the global of that name: no declaration in the program shadows it
 * (an unresolved reference, or a global the config declares that the program never redefines).
 */
export function isGlobalReference(identifier: TSESTree.Identifier, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const variable = findVariableOf(identifier, sourceCode);
  if (!variable) return true;
  if (variable.scope.type !== TSESLint.Scope.ScopeType.global || variable.defs.length > 0) return false;
  return !variable.references.some((ref) => ref.isWrite());
}

/**
 * Read references to the global `name` that nothing in the program shadows or reassigns. A global
 * the config declares is a variable of the global scope; one it does not declare (`require` in a
 * file linted as an ES module, `performance` without Node globals) is only an unresolved
 * reference, which `ReferenceTracker.iterateGlobalReferences` would not see.
 */
export function findGlobalReferences(globalScope: TSESLint.Scope.Scope, name: string): TSESTree.Identifier[] {
  const variable = globalScope.set.get(name);
  if (variable) {
    if (variable.defs.length > 0 || variable.references.some((ref) => ref.isWrite())) return [];
    return variable.references.filter((ref) => ref.isRead()).map((ref) => ref.identifier as TSESTree.Identifier);
  }
  const unresolved = findUnresolvedReferences(globalScope, name);
  if (unresolved.some((ref) => ref.isWrite())) return [];
  return unresolved.filter((ref) => ref.isRead()).map((ref) => ref.identifier as TSESTree.Identifier);
}

/**
 * The global scope's unresolved references grouped by name, built once per scope (one scope
 * manager per linted file, so the rules of a file share it): several rules ask for several globals
 * (`require`, `process`, `Date`, `globalThis`, ...), and each lookup would otherwise walk all of them.
 */
const getUnresolvedByName = memoizeByKey((globalScope: TSESLint.Scope.Scope): Map<string, TSESLint.Scope.Reference[]> => {
  const byName = new Map<string, TSESLint.Scope.Reference[]>();
  for (const ref of globalScope.through) {
    if (ref.resolved !== null) continue;
    const list = byName.get(ref.identifier.name);
    if (list) list.push(ref);
    else byName.set(ref.identifier.name, [ref]);
  }
  return byName;
});

/** The references to `name` that nothing in the program declares (reads and writes), from the grouping above. */
export function findUnresolvedReferences(globalScope: TSESLint.Scope.Scope, name: string): readonly TSESLint.Scope.Reference[] {
  return getUnresolvedByName(globalScope).get(name) ?? [];
}
