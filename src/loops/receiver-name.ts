import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { getLastIdentifierName } from '../ast/names.js';
import { skipValueWrappers } from '../ast/unwrap.js';

function getClassName(node: TSESTree.ClassDeclaration | TSESTree.ClassExpression): string | null {
  if (node.id) return node.id.name;
  // `const ChangeCursor = class { ... }`
  const parent = node.parent;
  return parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === node && parent.id.type === AST_NODE_TYPES.Identifier
    ? parent.id.name
    : null;
}

/**
 * The name of the class whose instance (or, in static code, the class itself) `this` means at
 * `node`: the class of the method, accessor, field initializer or static block the code is in,
 * seen through arrow functions. Null when `this` belongs to a plain function, an object literal's
 * method or the module, or when the class has no name.
 */
export function getThisClassName(node: TSESTree.Node): string | null {
  let child: TSESTree.Node = node;
  for (let current = node.parent; current; child = current, current = current.parent) {
    switch (current.type) {
      case AST_NODE_TYPES.FunctionDeclaration:
        return null;
      case AST_NODE_TYPES.FunctionExpression: {
        const owner = current.parent;
        if (owner?.type !== AST_NODE_TYPES.MethodDefinition || owner.value !== current) return null;
        return getClassName(owner.parent.parent);
      }
      case AST_NODE_TYPES.PropertyDefinition:
      case AST_NODE_TYPES.AccessorProperty:
        // A field's initializer runs with the instance as `this`; a computed key sees the outer `this`.
        if (current.value === child) return getClassName(current.parent.parent);
        break;
      case AST_NODE_TYPES.StaticBlock:
        return getClassName(current.parent.parent);
      default:
        break;
    }
  }
  return null;
}

/**
 * The name a reader gives the object a method is called on: the receiver's last identifier
 * (`session` for `db.session`, `userTx` for `userTx`), or for `this` the name of its class
 * (`this.next()` inside `class ChangeCursor` is a call on a cursor). Null when there is none.
 */
export function getReceiverName(node: TSESTree.Node): string | null {
  const object = skipValueWrappers(node);
  if (object.type === AST_NODE_TYPES.ThisExpression) return getThisClassName(object);
  return getLastIdentifierName(object);
}
