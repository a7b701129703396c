import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { getEnclosingFunction } from '../ast/enclosing-function.js';
import { isFunctionNode } from '../ast/function-node.js';

/**
 * How the executor of `new Promise(executor)` can reject the promise:
 * - `never`: it never takes `reject` (it rejects only if it throws synchronously; an async
 *   executor cannot even do that), or only stores `reject` for later (a deferred: it rejects when
 *   other code calls that function, which the rule cannot follow);
 * - `forwarded`: it only passes on the error of an error-first callback it gives to some API
 *   (`api(x, (error, value) => (error ? reject(error) : resolve(value)))`): it rejects when that
 *   API reports an error;
 * - `direct`: anything else (`reject(new Error(...))`, `stream.on('error', reject)`, an executor
 *   the rule cannot read).
 */
export type ExecutorRejection = 'never' | 'forwarded' | 'direct';

/** `reject(error)` where `error` is the first parameter of the callback the call sits in (not the executor). */
function isForwardedError(reference: TSESLint.Scope.Reference, executor: TSESTree.Node): boolean {
  const identifier = reference.identifier as TSESTree.Identifier;
  const call = identifier.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== identifier || call.arguments.length !== 1) return false;
  const argument = call.arguments[0];
  const callback = getEnclosingFunction(call).fn;
  if (!callback || callback === executor || argument?.type !== AST_NODE_TYPES.Identifier) return false;
  const first = callback.params[0];
  return first?.type === AST_NODE_TYPES.Identifier && first.name === argument.name;
}

function isStoredForLater(reference: TSESLint.Scope.Reference): boolean {
  const parent = reference.identifier.parent;
  return (
    (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === reference.identifier) ||
    (parent?.type === AST_NODE_TYPES.Property && parent.value === reference.identifier)
  );
}

export function getExecutorRejection(node: TSESTree.NewExpression, sourceCode: Readonly<TSESLint.SourceCode>): ExecutorRejection {
  const executor = node.arguments[0];
  if (executor === undefined || !isFunctionNode(executor)) return 'direct';
  if (executor.params.length < 2) return 'never';
  const reject = executor.params[1];
  if (reject?.type !== AST_NODE_TYPES.Identifier) return 'direct';
  const variable = sourceCode.getDeclaredVariables(executor).find((candidate) => candidate.name === reject.name);
  if (!variable) return 'direct';
  if (variable.references.every(isStoredForLater)) return 'never';
  return variable.references.every((reference) => isStoredForLater(reference) || isForwardedError(reference, executor)) ? 'forwarded' : 'direct';
}
