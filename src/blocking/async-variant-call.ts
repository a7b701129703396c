import { getStaticStringOf } from '../ast/static-string.js';
import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { isBuiltinModule } from '../modules/builtin-modules.js';
import { stripNodePrefix } from '../modules/builtin-modules.js';
import { findVariableOf } from '../scope/find-variable.js';

/**
 * How a fix reaches a module's async variant of a sync member:
 * - `expression`: text to write as is (`crypto.pbkdf2`, `require('zlib').gzip`);
 * - `import`: a named export to make reachable with `ensureImport` (`pbkdf2` next to `pbkdf2Sync`).
 */
export type AsyncVariantAccess =
  | { kind: 'expression'; text: string }
  | { kind: 'import'; module: string; name: string };

function isIdentifierName(name: string): boolean {
  return /^[A-Za-z_$][\w$]*$/u.test(name);
}

function isSameModule(specifier: string | null, module: string): boolean {
  if (specifier === null) return false;
  return specifier === module || (isBuiltinModule(specifier) && stripNodePrefix(specifier) === stripNodePrefix(module));
}

/** `require('m')` or `process.getBuiltinModule('m')`: the specifier, else null. */
function getModuleLoadSpecifier(node: TSESTree.Node | null | undefined): string | null {
  if (node?.type !== AST_NODE_TYPES.CallExpression || node.arguments.length !== 1) return null;
  const callee = node.callee;
  const isLoader =
    (callee.type === AST_NODE_TYPES.Identifier && callee.name === 'require') ||
    (callee.type === AST_NODE_TYPES.MemberExpression &&
      callee.object.type === AST_NODE_TYPES.Identifier &&
      callee.object.name === 'process' &&
      ASTUtils.getPropertyName(callee) === 'getBuiltinModule');
  return isLoader ? getStaticStringOf(node.arguments[0]) : null;
}

/** Whether `identifier` is bound by `import { x } from 'module'` or `const { x } = require('module')`. */
function isNamedBindingOf(
  identifier: TSESTree.Identifier,
  module: string,
  sourceCode: Readonly<TSESLint.SourceCode>,
): boolean {
  const variable = findVariableOf(identifier, sourceCode);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!definition) return false;
  const node = definition.node as TSESTree.Node;
  if (node.type === AST_NODE_TYPES.ImportSpecifier) {
    const declaration = node.parent;
    return declaration.type === AST_NODE_TYPES.ImportDeclaration && isSameModule(declaration.source.value, module);
  }
  if (node.type === AST_NODE_TYPES.VariableDeclarator && node.id.type === AST_NODE_TYPES.ObjectPattern) {
    return isSameModule(getModuleLoadSpecifier(node.init), module);
  }
  return false;
}

/** `a?.b.c`: an optional link anywhere in the member chain would short-circuit the whole call. */
function hasOptionalLink(node: TSESTree.Node): boolean {
  for (let current = node; ; ) {
    if (current.type === AST_NODE_TYPES.MemberExpression) {
      if (current.optional) return true;
      current = current.object;
    } else if (current.type === AST_NODE_TYPES.CallExpression) {
      if (current.optional) return true;
      current = current.callee;
    } else {
      return false;
    }
  }
}

/**
 * How to reach `asyncName` through the binding `call` reached the sync member through:
 * `crypto.pbkdf2Sync(...)` → `crypto.pbkdf2`, `require('zlib').gzipSync(...)` → `require('zlib').gzip`,
 * `pbkdf2Sync(...)` from a named import or destructured `require` → an import of `pbkdf2` from the
 * same module. For a built-in, any other identifier (an alias) also gets an import of the variant.
 * Null when the callee has another shape (`(0, f)()`, `obj[key]`, `f!`), where a rewrite would guess.
 */
export function getAsyncVariantAccess(
  call: TSESTree.CallExpression,
  sourceCode: Readonly<TSESLint.SourceCode>,
  module: string,
  asyncName: string,
): AsyncVariantAccess | null {
  if (!isIdentifierName(asyncName)) return null;
  const callee = call.callee;
  if (callee.type === AST_NODE_TYPES.Identifier) {
    if (isBuiltinModule(module) || isNamedBindingOf(callee, module, sourceCode)) {
      return { kind: 'import', module: stripNodePrefix(module), name: asyncName };
    }
    return null;
  }
  if (callee.type !== AST_NODE_TYPES.MemberExpression || hasOptionalLink(callee)) return null;
  const text = sourceCode.text;
  const property = callee.property;
  if (!callee.computed) {
    return { kind: 'expression', text: `${text.slice(callee.range[0], property.range[0])}${asyncName}${text.slice(property.range[1], callee.range[1])}` };
  }
  if (getStaticStringOf(property) === null) return null;
  const quote = text[property.range[0]] ?? "'";
  return {
    kind: 'expression',
    text: `${text.slice(callee.range[0], property.range[0])}${quote}${asyncName}${quote}${text.slice(property.range[1], callee.range[1])}`,
  };
}

/**
 * Whether `reference`'s first identifier (`promisify` in `promisify`, `util` in `util.promisify`)
 * means at `node` what it means at the file's top level: a top-level binding, or not declared at all.
 */
export function isTopLevelReferenceAt(
  reference: string,
  node: TSESTree.Node,
  sourceCode: Readonly<TSESLint.SourceCode>,
): boolean {
  const root = /^[A-Za-z_$][\w$]*/u.exec(reference)?.[0];
  if (root === undefined) return false;
  const variable = ASTUtils.findVariable(sourceCode.getScope(node), root);
  return variable === null || variable.scope.block.type === AST_NODE_TYPES.Program;
}
