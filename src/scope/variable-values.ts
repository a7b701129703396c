import { AST_NODE_TYPES, TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { findVariableOf } from './find-variable.js';

/**
 * Every value the local variable `identifier` refers to can hold: the initialiser of a `const`,
 * or the initialiser and each plain `=` assignment of a `let`/`var`. Null when the variable is
 * not a simple local declared once in this file (a parameter, an import, a destructured,
 * ambient (`declare`) or global binding, a loop variable), or is also written in other ways (`+=`, `++`, `for (x of ...)`, destructuring).
 */
export function getVariableValues(identifier: TSESTree.Identifier, sourceCode: Readonly<TSESLint.SourceCode>): TSESTree.Expression[] | null {
  const variable = findVariableOf(identifier, sourceCode);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!variable || def?.type !== TSESLint.Scope.DefinitionType.Variable) return null;
  const declarator = def.node;
  if (declarator.type !== AST_NODE_TYPES.VariableDeclarator || declarator.id.type !== AST_NODE_TYPES.Identifier) return null;
  if (declarator.parent.declare) return null;
  const loop = declarator.parent.parent;
  if (loop?.type === AST_NODE_TYPES.ForInStatement || loop?.type === AST_NODE_TYPES.ForOfStatement) return null;
  const values: TSESTree.Expression[] = declarator.init ? [declarator.init] : [];
  for (const reference of variable.references) {
    if (!reference.isWrite() || reference.init) continue;
    const assignment = reference.identifier.parent;
    if (assignment?.type !== AST_NODE_TYPES.AssignmentExpression || assignment.operator !== '=' || assignment.left !== reference.identifier) {
      return null;
    }
    values.push(assignment.right);
  }
  return values;
}
