import { ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

/**
 * The variable `identifier` names, looked up by name from its own scope outward. `getScope`
 * already gives the innermost scope around the identifier; eslint-utils' `findVariable` given the
 * node would look for a deeper one among that scope's child scopes one by one, which in a function
 * with thousands of blocks makes each lookup as long as the function.
 */
export function findVariableOf(identifier: TSESTree.Identifier, sourceCode: Readonly<TSESLint.SourceCode>): TSESLint.Scope.Variable | null {
  return ASTUtils.findVariable(sourceCode.getScope(identifier), identifier.name);
}
