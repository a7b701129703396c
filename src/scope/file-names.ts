import type { TSESLint } from '@typescript-eslint/utils';
import { memoizeByKey } from '../ast/memoize.js';

/**
 * Every name a scope of the file declares or reads as a global: the names a new binding must
 * not take. Found once per file, however many fixes ask.
 */
export const getNamesInFile = memoizeByKey((sourceCode: Readonly<TSESLint.SourceCode>): ReadonlySet<string> => {
  const taken = new Set<string>();
  for (const scope of sourceCode.scopeManager?.scopes ?? []) {
    for (const variable of scope.variables) taken.add(variable.name);
    for (const reference of scope.through) taken.add(reference.identifier.name);
  }
  return taken;
});
