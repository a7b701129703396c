import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { skipTypeWrappers } from '../ast/unwrap.js';
import { getPromiseStatic } from './promise-statics.js';
import { getConstantVariable } from '../scope/constant-binding.js';
import { memoizeByKey } from '../ast/memoize.js';
import { findVariableOf } from '../scope/find-variable.js';

export interface DeferredPromise {
  /**
   * The deferred's `reject` is read somewhere (called, passed on, stored) or the deferred object
   * itself escapes: the promise can reject. Without that, only `resolve` can settle it.
   */
  canReject: boolean;
}

/** Every deferred is made by a `withResolvers` call, so a file that never spells it has none (asked for most variables). */
const mentionsWithResolvers = memoizeByKey((sourceCode: Readonly<TSESLint.SourceCode>): boolean => sourceCode.text.includes('withResolvers'));

/** The single-definition, never reassigned variable `declarator` declares with a `Promise.withResolvers()` initialiser. */
function isWithResolversDeclarator(
  declarator: TSESTree.Node | undefined,
  sourceCode: Readonly<TSESLint.SourceCode>,
): declarator is TSESTree.VariableDeclarator & { init: TSESTree.Expression } {
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || !declarator.init) return false;
  return getPromiseStatic(skipTypeWrappers(declarator.init), sourceCode) === 'withResolvers';
}

/** The one definition of the constant variable `identifier` reads. */
function getConstantDefinition(
  identifier: TSESTree.Identifier,
  sourceCode: Readonly<TSESLint.SourceCode>,
): { variable: TSESLint.Scope.Variable; node: TSESTree.Node } | null {
  const variable = getConstantVariable(identifier, sourceCode);
  const def = variable?.defs.find((definition) => definition.node.type !== AST_NODE_TYPES.TSDeclareFunction);
  return variable && def ? { variable, node: def.node as TSESTree.Node } : null;
}

/** Whether a read of the deferred object does more than take its `promise` or `resolve`. */
function exposesReject(reference: TSESLint.Scope.Reference): boolean {
  if (!reference.isRead()) return false;
  const member = reference.identifier.parent;
  if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== reference.identifier) return true;
  const name = ASTUtils.getPropertyName(member);
  return name !== 'promise' && name !== 'resolve';
}

/** For `const { promise, reject } = Promise.withResolvers()`: whether `reject` (or a rest element) is bound and read. */
function patternExposesReject(pattern: TSESTree.ObjectPattern, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  return pattern.properties.some((property) => {
    if (property.type === AST_NODE_TYPES.RestElement) return true;
    if (ASTUtils.getPropertyName(property) !== 'reject') return false;
    const value = property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.left : property.value;
    if (value.type !== AST_NODE_TYPES.Identifier) return true;
    const variable = findVariableOf(value, sourceCode);
    return !variable || variable.references.some((reference) => reference.isRead());
  });
}

/**
 * The promise of a deferred made by `Promise.withResolvers()`: `Promise.withResolvers().promise`,
 * `d.promise` for `const d = Promise.withResolvers()`, and `promise` for
 * `const { promise, resolve } = Promise.withResolvers()`. Null for anything else.
 */
export function getDeferredPromise(node: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): DeferredPromise | null {
  const value = skipTypeWrappers(node);
  if (value.type !== AST_NODE_TYPES.MemberExpression && value.type !== AST_NODE_TYPES.Identifier) return null;
  if (!mentionsWithResolvers(sourceCode)) return null;
  if (value.type === AST_NODE_TYPES.MemberExpression) {
    if (ASTUtils.getPropertyName(value) !== 'promise') return null;
    const object = skipTypeWrappers(value.object);
    if (getPromiseStatic(object, sourceCode) === 'withResolvers') return { canReject: false };
    if (object.type !== AST_NODE_TYPES.Identifier) return null;
    const definition = getConstantDefinition(object, sourceCode);
    if (!definition || !isWithResolversDeclarator(definition.node, sourceCode) || definition.node.id.type !== AST_NODE_TYPES.Identifier) {
      return null;
    }
    return { canReject: definition.variable.references.some(exposesReject) };
  }
  if (value.type !== AST_NODE_TYPES.Identifier) return null;
  const definition = getConstantDefinition(value, sourceCode);
  if (!definition || !isWithResolversDeclarator(definition.node, sourceCode)) return null;
  const pattern = definition.node.id;
  if (pattern.type !== AST_NODE_TYPES.ObjectPattern) return null;
  const isPromiseBinding = pattern.properties.some(
    (property) =>
      property.type === AST_NODE_TYPES.Property &&
      ASTUtils.getPropertyName(property) === 'promise' &&
      property.value.type === AST_NODE_TYPES.Identifier &&
      property.value.name === value.name,
  );
  return isPromiseBinding ? { canReject: patternExposesReject(pattern, sourceCode) } : null;
}
