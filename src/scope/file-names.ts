import type { TSESLint } from '@typescript-eslint/utils';

const namesBySourceCode = new WeakMap<Readonly<TSESLint.SourceCode>, ReadonlySet<string>>();

/**
 * Every name a scope of the file declares or reads as a global: the names a new binding must
 * not take. Found once per file, however many fixes ask.
 */
export function getNamesInFile(sourceCode: Readonly<TSESLint.SourceCode>): ReadonlySet<string> {
  let names = namesBySourceCode.get(sourceCode);
  if (!names) {
    const taken = new Set<string>();
    for (const scope of sourceCode.scopeManager?.scopes ?? []) {
      for (const variable of scope.variables) taken.add(variable.name);
      for (const reference of scope.through) taken.add(reference.identifier.name);
    }
    names = taken;
    namesBySourceCode.set(sourceCode, names);
  }
  return names;
}
