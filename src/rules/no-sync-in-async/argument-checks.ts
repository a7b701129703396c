import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { BlockingApi } from '../../blocking/blocking-apis.js';
import { getTypeServices } from '../../types/type-services.js';
import { hasNumberType } from '../../types/value-types.js';

type RuleContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
type AwaitableApi = Extract<BlockingApi, { kind: 'awaitable' }>;

export function hasCallbackArgument(call: TSESTree.CallExpression): boolean {
  return call.arguments.some(
    (argument) =>
      argument.type === AST_NODE_TYPES.ArrowFunctionExpression || argument.type === AST_NODE_TYPES.FunctionExpression,
  );
}

/** `execSync(cmd, { input })` and `{ stdio }` have no `exec` equivalent. */
export function hasOptionUnsupportedByExec(call: TSESTree.CallExpression): boolean {
  return call.arguments.some(
    (argument) =>
      argument.type === AST_NODE_TYPES.ObjectExpression &&
      argument.properties.some((property) => {
        if (property.type === AST_NODE_TYPES.SpreadElement) return false;
        const key = ASTUtils.getPropertyName(property);
        return key === 'input' || key === 'stdio';
      }),
  );
}

/** Whether the promise API accepts the call's arguments unchanged. */
export function canPassArgumentsTo(context: RuleContext, call: TSESTree.CallExpression, api: AwaitableApi): boolean {
  const [first, second] = call.arguments;
  const constrained = api.hasThrowIfNoEntryOption === true || api.acceptsFileDescriptor === true;
  if (constrained && call.arguments.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) return false;
  if (api.hasThrowIfNoEntryOption && second && !isOptionsWithoutThrowIfNoEntry(second)) return false;
  if (api.acceptsFileDescriptor && first && mayBeFileDescriptor(context, first)) return false;
  return true;
}

function isOptionsWithoutThrowIfNoEntry(node: TSESTree.CallExpressionArgument): boolean {
  return (
    node.type === AST_NODE_TYPES.ObjectExpression &&
    node.properties.every(
      (property) => property.type === AST_NODE_TYPES.Property && ASTUtils.getPropertyName(property) !== 'throwIfNoEntry' && ASTUtils.getPropertyName(property) !== null,
    )
  );
}

const FILE_DESCRIPTOR_NAME = /^fd$|^fd[A-Z_]|Fd$|_fd$/;

/**
 * The `fs/promises` functions take a path or a `FileHandle`, never a numeric descriptor:
 * `readFileSync(0)`, `readFileSync(process.stdin.fd)`, `writeFileSync(fd, data)`, or (with type
 * information) any number-typed first argument keeps the sync call unfixed.
 */
function mayBeFileDescriptor(context: RuleContext, node: TSESTree.CallExpressionArgument): boolean {
  if (node.type === AST_NODE_TYPES.Literal) return typeof node.value === 'number';
  if (node.type === AST_NODE_TYPES.Identifier && FILE_DESCRIPTOR_NAME.test(node.name)) return true;
  if (node.type === AST_NODE_TYPES.MemberExpression) {
    const property = ASTUtils.getPropertyName(node);
    if (property !== null && FILE_DESCRIPTOR_NAME.test(property)) return true;
  }
  const services = getTypeServices(context);
  return services !== null && hasNumberType(services, node);
}
