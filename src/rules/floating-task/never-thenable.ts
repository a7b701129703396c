import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

/** Expressions whose value is a primitive, an array, a function or a JSX element: never a thenable. */
const NEVER_THENABLE_SHAPES = new Set<string>([
  AST_NODE_TYPES.Literal,
  AST_NODE_TYPES.TemplateLiteral,
  AST_NODE_TYPES.BinaryExpression,
  AST_NODE_TYPES.UnaryExpression,
  AST_NODE_TYPES.UpdateExpression,
  AST_NODE_TYPES.ArrayExpression,
  AST_NODE_TYPES.ArrowFunctionExpression,
  AST_NODE_TYPES.FunctionExpression,
  AST_NODE_TYPES.JSXElement,
  AST_NODE_TYPES.JSXFragment,
]);

/** An object literal with no `then` key: a computed key or a spread could bring one. */
function isObjectWithoutThen(node: TSESTree.ObjectExpression): boolean {
  return node.properties.every(
    (property) =>
      property.type === AST_NODE_TYPES.Property &&
      !property.computed &&
      !(property.key.type === AST_NODE_TYPES.Identifier ? property.key.name === 'then' : String((property.key as TSESTree.Literal).value) === 'then'),
  );
}

/**
 * Whether the value of `node` is never a thenable, by its syntax alone: what the type checker would
 * answer too, so a caller can skip asking it. Type assertions are not looked through (`x as
 * Promise<void>` is a thenable to the checker), and neither is anything whose value comes from
 * elsewhere (names, members, calls, `new`, `await`, `yield`, classes, which may declare `static then`).
 */
export function isNeverThenableBySyntax(node: TSESTree.Node): boolean {
  if (NEVER_THENABLE_SHAPES.has(node.type)) return true;
  switch (node.type) {
    case AST_NODE_TYPES.ObjectExpression:
      return isObjectWithoutThen(node);
    case AST_NODE_TYPES.LogicalExpression:
      return isNeverThenableBySyntax(node.left) && isNeverThenableBySyntax(node.right);
    case AST_NODE_TYPES.ConditionalExpression:
      return isNeverThenableBySyntax(node.consequent) && isNeverThenableBySyntax(node.alternate);
    case AST_NODE_TYPES.SequenceExpression:
    {
      const last = node.expressions.at(-1);
      return last !== undefined && isNeverThenableBySyntax(last);
    }
    case AST_NODE_TYPES.AssignmentExpression:
      // `a = v` gives `v`; `a += v` a number or string; `a ||= v` may give `a`.
      return node.operator === '=' ? isNeverThenableBySyntax(node.right) : !['||=', '&&=', '??='].includes(node.operator);
    default:
      return false;
  }
}
