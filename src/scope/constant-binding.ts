import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { findVariableOf } from './find-variable.js';

/** Whether a variable (of one file's scope analysis) holds one value all its life, per variable. */
const constantVariables = new WeakMap<TSESLint.Scope.Variable, boolean>();

/**
 * Whether `variable` holds exactly one value all its life: one definition (overload signatures
 * do not count) and no write after its initialisation.
 */
export function isConstantVariable(variable: TSESLint.Scope.Variable): boolean {
  let constant = constantVariables.get(variable);
  if (constant === undefined) {
    const valueDefs = variable.defs.filter((def) => def.node.type !== AST_NODE_TYPES.TSDeclareFunction);
    constant = valueDefs.length === 1 && !variable.references.some((ref) => ref.isWrite() && !ref.init);
    constantVariables.set(variable, constant);
  }
  return constant;
}

/** The variable `identifier` reads when it holds one value all its life (see `isConstantVariable`), or null. */
export function getConstantVariable(
  identifier: TSESTree.Identifier,
  sourceCode: Readonly<TSESLint.SourceCode>,
): TSESLint.Scope.Variable | null {
  const variable = findVariableOf(identifier, sourceCode);
  return variable && isConstantVariable(variable) ? variable : null;
}
