import { ASTUtils, AST_NODE_TYPES, type TSESLint } from '@typescript-eslint/utils';
import { findImportedBinding } from '../../modules/ensure-import.js';
import { memoizeByKey } from '../../ast/memoize.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

/**
 * A binding of `fs.promises` itself: `import { promises as fsp } from 'fs'`,
 * `const { promises } = require('fs')`, `const fsp = require('fs').promises`. (The `fs` module
 * object's `X.promises` is used only when the call itself was spelled through `X`.)
 */
export const findFsPromisesBinding = memoizeByKey((sourceCode: SourceCode): string | null => {
  // Asked once per fix: a file with many reports scans its top level once.
  const named = findImportedBinding(sourceCode, { module: 'fs', name: 'promises' });
  return named !== null && !named.includes('.') ? named : findRequiredFsPromises(sourceCode);
});

/** A top-level `const fsp = require('fs').promises` (or `node:fs`). */
function findRequiredFsPromises(sourceCode: SourceCode): string | null {
  for (const statement of sourceCode.ast.body) {
    if (statement.type !== AST_NODE_TYPES.VariableDeclaration) continue;
    for (const declarator of statement.declarations) {
      const init = declarator.init;
      if (
        declarator.id.type === AST_NODE_TYPES.Identifier &&
        init?.type === AST_NODE_TYPES.MemberExpression &&
        ASTUtils.getPropertyName(init) === 'promises' &&
        init.object.type === AST_NODE_TYPES.CallExpression &&
        init.object.callee.type === AST_NODE_TYPES.Identifier &&
        init.object.callee.name === 'require' &&
        init.object.arguments.length === 1 &&
        init.object.arguments[0]?.type === AST_NODE_TYPES.Literal &&
        (init.object.arguments[0].value === 'fs' || init.object.arguments[0].value === 'node:fs')
      ) {
        return declarator.id.name;
      }
    }
  }
  return null;
}
