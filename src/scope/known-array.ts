import { AST_NODE_TYPES, TSESLint, type TSESTree } from '@typescript-eslint/utils';

/** Array methods and functions that always return a new array. */
const ARRAY_RETURNING_METHODS = new Set([
  'map', 'filter', 'slice', 'concat', 'flat', 'flatMap', 'toSorted', 'toReversed', 'toSpliced', 'with', 'split',
]);
const OBJECT_LISTS = new Set(['keys', 'values', 'entries', 'getOwnPropertyNames', 'getOwnPropertySymbols']);
/** Methods that give an array whatever iterable-with-methods they are called on (strings have none of them). */
const ALWAYS_ARRAY_METHODS = new Set(['map', 'filter', 'flatMap', 'split']);

function getStaticMemberCall(node: TSESTree.CallExpression): { object: string; method: string } | null {
  const callee = node.callee;
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed || callee.optional) return null;
  if (callee.object.type !== AST_NODE_TYPES.Identifier || callee.property.type !== AST_NODE_TYPES.Identifier) return null;
  return { object: callee.object.name, method: callee.property.name };
}

/**
 * Whether `node` is an array by its syntax alone: an array literal, `Object.keys/values/entries(...)`,
 * `Array.from/of(...)`, `Reflect.ownKeys(...)`, the result of `.map/.filter/.slice/.concat/...`,
 * `str.split(...)`, or a `const` initialised with one of those.
 */
export function isArrayBySyntax(node: TSESTree.Node, scope: TSESLint.Scope.Scope | null, depth = 0): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.ArrayExpression:
      return true;
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSSatisfiesExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
      return isArrayBySyntax(node.expression, scope, depth);
    case AST_NODE_TYPES.NewExpression:
      return node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'Array' && node.arguments.length !== 1;
    case AST_NODE_TYPES.CallExpression: {
      if (node.optional) return false;
      const staticCall = getStaticMemberCall(node);
      if (staticCall?.object === 'Object' && OBJECT_LISTS.has(staticCall.method)) return true;
      if (staticCall?.object === 'Array' && (staticCall.method === 'from' || staticCall.method === 'of')) return true;
      if (staticCall?.object === 'Reflect' && staticCall.method === 'ownKeys') return true;
      const callee = node.callee;
      return (
        callee.type === AST_NODE_TYPES.MemberExpression &&
        !callee.computed &&
        !callee.optional &&
        callee.property.type === AST_NODE_TYPES.Identifier &&
        ARRAY_RETURNING_METHODS.has(callee.property.name) &&
        // `slice`, `concat`, ... also exist on strings: trust them only on a known array.
        (ALWAYS_ARRAY_METHODS.has(callee.property.name) || isArrayBySyntax(callee.object, scope, depth + 1))
      );
    }
    case AST_NODE_TYPES.Identifier: {
      if (!scope || depth > 2) return false;
      let variable: TSESLint.Scope.Variable | null = null;
      for (let current: TSESLint.Scope.Scope | null = scope; current && !variable; current = current.upper) {
        variable = current.set.get(node.name) ?? null;
      }
      const definition = variable?.defs[0];
      if (!variable || variable.defs.length !== 1 || definition?.type !== TSESLint.Scope.DefinitionType.Variable) return false;
      const declarator = definition.node;
      if (declarator.parent.kind !== 'const' || declarator.id.type !== AST_NODE_TYPES.Identifier || !declarator.init) return false;
      return isArrayBySyntax(declarator.init, scope, depth + 1);
    }
    default:
      return false;
  }
}
