import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { getDeferredPromise } from './deferred-promise.js';
import { getPromiseMethodCall, hasRejectionHandler } from './promise-handling.js';
import { getExecutorRejection } from './promise-executor.js';
import { getPromiseStatic, isNewPromise } from './promise-statics.js';
import type { CannotRejectReason, RejectionVerdict, RejectsReason, UnknownReason } from './rejection-verdict.js';
import type { TypedPromises } from './typed-promises.js';

type GetRejection = (node: TSESTree.Node) => RejectionVerdict;

/**
 * The reasons of `PromiseAnalysis.getRejection`: once the analysis has decided a verdict for
 * `value` (already unwrapped), which of its shapes decided it. A call of a function of this file
 * is judged by `getFunctionRejection` before these are asked.
 */

/** Why `value`, proven unable to reject, cannot. */
export function getSafetyReason(value: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): CannotRejectReason {
  if (hasRejectionHandler(value) || getPromiseMethodCall(value)?.method === 'finally') return 'handled';
  if (isNewPromise(value, sourceCode) || getDeferredPromise(value, sourceCode)) return 'resolves-only';
  switch (value.type) {
    case AST_NODE_TYPES.ConditionalExpression:
    case AST_NODE_TYPES.LogicalExpression:
    case AST_NODE_TYPES.Identifier:
      return 'safe-values';
    case AST_NODE_TYPES.CallExpression: {
      const name = getPromiseStatic(value, sourceCode);
      return name === 'all' || name === 'any' || name === 'race' ? 'safe-elements' : name === null ? 'guarded-body' : 'resolves-only';
    }
    default:
      return 'resolves-only';
  }
}

/** Why `value`, shown to reject, does. */
export function getRejectsReason(value: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>, getRejection: GetRejection): RejectsReason {
  const recurse = (inner: TSESTree.Node): RejectsReason => {
    const verdict = getRejection(inner);
    return verdict.verdict === 'rejects' ? verdict.reason : 'body-rejects';
  };
  if (getPromiseMethodCall(value)) return 'chain-rejects';
  if (isNewPromise(value, sourceCode) || getDeferredPromise(value, sourceCode)) return 'explicit-rejection';
  switch (value.type) {
    case AST_NODE_TYPES.ImportExpression:
      return 'api-can-fail';
    case AST_NODE_TYPES.AwaitExpression:
      return recurse(value.argument);
    case AST_NODE_TYPES.ConditionalExpression: {
      const consequent = getRejection(value.consequent);
      return consequent.verdict === 'rejects' ? consequent.reason : recurse(value.alternate);
    }
    case AST_NODE_TYPES.LogicalExpression: {
      const left = getRejection(value.left);
      return left.verdict === 'rejects' ? left.reason : recurse(value.right);
    }
    case AST_NODE_TYPES.CallExpression:
      switch (getPromiseStatic(value, sourceCode)) {
        case 'reject':
          return 'explicit-rejection';
        case 'all':
        case 'any':
        case 'race':
          return 'element-rejects';
        case 'resolve':
          return value.arguments[0] ? recurse(value.arguments[0]) : 'body-rejects';
        case 'try':
          return 'chain-rejects';
        default:
          return 'api-can-fail';
      }
    default:
      return 'api-can-fail';
  }
}

/** Why the analysis cannot tell whether `value` rejects. */
export function getUnknownReason(
  value: TSESTree.Node,
  sourceCode: Readonly<TSESLint.SourceCode>,
  getRejection: GetRejection,
  typed: TypedPromises | null,
): UnknownReason {
  if (getPromiseMethodCall(value)) return 'unresolved-chain';
  if (isNewPromise(value, sourceCode)) return getExecutorRejection(value, sourceCode) === 'forwarded' ? 'forwarded-callback' : 'unresolved-value';
  if (typed?.isFromOtherFile(value)) return 'other-file';
  if (value.type === AST_NODE_TYPES.CallExpression) {
    const name = getPromiseStatic(value, sourceCode);
    if (name === 'all' || name === 'any' || name === 'race') return 'unknown-elements';
    return name === null ? 'unresolved-call' : 'unresolved-value';
  }
  return 'unresolved-value';
}
