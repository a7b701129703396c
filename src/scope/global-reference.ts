import { ASTUtils, TSESLint, type TSESTree } from '@typescript-eslint/utils';

/**
 * Whether `identifier` reads the global of that name: no declaration in the program shadows it
 * (an unresolved reference, or a global the config declares that the program never redefines).
 */
export function isGlobalReference(identifier: TSESTree.Identifier, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
  if (!variable) return true;
  if (variable.scope.type !== TSESLint.Scope.ScopeType.global || variable.defs.length > 0) return false;
  return !variable.references.some((ref) => ref.isWrite());
}
