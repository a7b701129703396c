import { AST_NODE_TYPES, type TSESLint, ASTUtils } from '@typescript-eslint/utils';
import type { FunctionNode } from './function-node.js';

/** A name a reader recognises the function by: its own name, its method key, or the variable it is assigned to. */
export function getFunctionName(fn: FunctionNode, sourceCode: Readonly<TSESLint.SourceCode>): string | null {
  if (fn.id) return fn.id.name;
  const parent = fn.parent;
  switch (parent.type) {
    case AST_NODE_TYPES.MethodDefinition:
    case AST_NODE_TYPES.Property:
    case AST_NODE_TYPES.PropertyDefinition:
      return ASTUtils.getPropertyName(parent, sourceCode.getScope(fn)) ?? null;
    case AST_NODE_TYPES.VariableDeclarator:
      return parent.id.type === AST_NODE_TYPES.Identifier ? parent.id.name : null;
    case AST_NODE_TYPES.AssignmentExpression:
      return parent.left.type === AST_NODE_TYPES.Identifier
        ? parent.left.name
        : parent.left.type === AST_NODE_TYPES.MemberExpression
          ? ASTUtils.getPropertyName(parent.left) ?? null
          : null;
    default:
      return null;
  }
}

/** "async function `loadConfig`", "async arrow function", ... for messages. */
export function describeFunction(fn: FunctionNode | null, sourceCode: Readonly<TSESLint.SourceCode>): string {
  if (!fn) return 'the module top level';
  const name = getFunctionName(fn, sourceCode);
  const isMethod = fn.parent.type === AST_NODE_TYPES.MethodDefinition || (fn.parent.type === AST_NODE_TYPES.Property && fn.parent.method);
  const kind = isMethod ? 'method' : fn.type === AST_NODE_TYPES.ArrowFunctionExpression ? 'arrow function' : 'function';
  const prefix = `${fn.async ? 'async ' : ''}${fn.generator ? 'generator ' : ''}${kind}`;
  return name ? `${prefix} \`${name}\`` : prefix;
}
