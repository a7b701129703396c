import { AST_NODE_TYPES, TSESLint, type TSESTree } from '@typescript-eslint/utils';

const { DefinitionType } = TSESLint.Scope;
import { isFunctionNode, type FunctionNode } from '../ast/function-node.js';
import { getMemberKeyName } from '../ast/names.js';
import { skipTypeWrappers } from '../ast/unwrap.js';
import { getConstantVariable } from './constant-binding.js';

type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

/** What a `this`, class name or variable stands for when a method is looked up on it. */
type Receiver =
  | { kind: 'class'; node: ClassNode; isStatic: boolean }
  | { kind: 'object'; node: TSESTree.ObjectExpression };

const MAX_SUPER_CLASS_DEPTH = 8;

function isReceiver(value: FunctionNode | Receiver): value is Receiver {
  return 'kind' in value && (value.kind === 'class' || value.kind === 'object') && !('type' in value);
}

/**
 * The function or class a constant binding holds: `function f() {}`, `const f = async () => {}`,
 * `class C {}`, `const C = class {}`, `const obj = { ... }`, `const c = new C()` (as a class instance).
 */
function getBindingValue(
  identifier: TSESTree.Identifier,
  sourceCode: Readonly<TSESLint.SourceCode>,
  depth: number,
): FunctionNode | Receiver | null {
  const variable = getConstantVariable(identifier, sourceCode);
  const def = variable?.defs.find((candidate) => candidate.node.type !== AST_NODE_TYPES.TSDeclareFunction);
  if (!def) return null;
  const node = def.node as TSESTree.Node;
  // A parameter's definition node is its function: only the binding kinds below name a value.
  if (def.type === DefinitionType.FunctionName && isFunctionNode(node)) return node;
  if (def.type === DefinitionType.ClassName && (node.type === AST_NODE_TYPES.ClassDeclaration || node.type === AST_NODE_TYPES.ClassExpression)) {
    return { kind: 'class', node, isStatic: true };
  }
  if (def.type !== DefinitionType.Variable || node.type !== AST_NODE_TYPES.VariableDeclarator || node.id.type !== AST_NODE_TYPES.Identifier || !node.init) {
    return null;
  }
  const init = skipTypeWrappers(node.init);
  if (isFunctionNode(init)) return init;
  if (init.type === AST_NODE_TYPES.ClassExpression) return { kind: 'class', node: init, isStatic: true };
  if (init.type === AST_NODE_TYPES.ObjectExpression) return { kind: 'object', node: init };
  if (init.type === AST_NODE_TYPES.NewExpression) return getInstanceReceiver(init, sourceCode, depth);
  return null;
}

function getInstanceReceiver(
  node: TSESTree.NewExpression,
  sourceCode: Readonly<TSESLint.SourceCode>,
  depth: number,
): Receiver | null {
  const callee = skipTypeWrappers(node.callee);
  if (callee.type === AST_NODE_TYPES.ClassExpression) return { kind: 'class', node: callee, isStatic: false };
  if (callee.type !== AST_NODE_TYPES.Identifier || depth > MAX_SUPER_CLASS_DEPTH) return null;
  const value = getBindingValue(callee, sourceCode, depth + 1);
  return value && isReceiver(value) && value.kind === 'class' ? { ...value, isStatic: false } : null;
}

/** What `this` refers to at `node`: the class (instance or static side) or object literal of the nearest method. */
function getThisReceiver(node: TSESTree.Node): Receiver | null {
  let child: TSESTree.Node = node;
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.StaticBlock) {
      const classNode = current.parent.parent;
      return { kind: 'class', node: classNode, isStatic: true };
    }
    if (
      (current.type === AST_NODE_TYPES.PropertyDefinition || current.type === AST_NODE_TYPES.AccessorProperty) &&
      current.value === child
    ) {
      return { kind: 'class', node: current.parent.parent, isStatic: current.static };
    }
    if (isFunctionNode(current) && current.type !== AST_NODE_TYPES.ArrowFunctionExpression) {
      const owner = current.parent;
      if (owner.type === AST_NODE_TYPES.MethodDefinition && owner.value === current) {
        return { kind: 'class', node: owner.parent.parent, isStatic: owner.static };
      }
      if (owner.type === AST_NODE_TYPES.Property && owner.value === current && owner.parent.type === AST_NODE_TYPES.ObjectExpression) {
        return { kind: 'object', node: owner.parent };
      }
      return null;
    }
    child = current;
  }
  return null;
}

type ClassMember = TSESTree.MethodDefinition | TSESTree.PropertyDefinition;

/** Per class: the first method or field of each name, static and instance side apart (built on first lookup). */
const classMembers = new WeakMap<ClassNode, { static: Map<string, ClassMember>; instance: Map<string, ClassMember> }>();

function getClassMember(classNode: ClassNode, isStatic: boolean, name: string): ClassMember | undefined {
  let members = classMembers.get(classNode);
  if (!members) {
    members = { static: new Map(), instance: new Map() };
    for (const member of classNode.body.body) {
      if (member.type !== AST_NODE_TYPES.MethodDefinition && member.type !== AST_NODE_TYPES.PropertyDefinition) continue;
      const key = getMemberKeyName(member);
      if (key === null) continue;
      const side = member.static ? members.static : members.instance;
      if (!side.has(key)) side.set(key, member);
    }
    classMembers.set(classNode, members);
  }
  return (isStatic ? members.static : members.instance).get(name);
}

function findClassMember(
  receiver: Extract<Receiver, { kind: 'class' }>,
  name: string,
  sourceCode: Readonly<TSESLint.SourceCode>,
  depth: number,
): FunctionNode | null {
  const member = getClassMember(receiver.node, receiver.isStatic, name);
  if (member) {
    if (member.type === AST_NODE_TYPES.MethodDefinition) {
      return member.kind === 'method' && member.value.type === AST_NODE_TYPES.FunctionExpression ? member.value : null;
    }
    const value = member.value ? skipTypeWrappers(member.value) : null;
    return value && isFunctionNode(value) ? value : null;
  }
  const superClass = receiver.node.superClass;
  if (superClass?.type !== AST_NODE_TYPES.Identifier || depth > MAX_SUPER_CLASS_DEPTH) return null;
  const parent = getBindingValue(superClass, sourceCode, depth + 1);
  if (!parent || !isReceiver(parent) || parent.kind !== 'class') return null;
  return findClassMember({ ...parent, isStatic: receiver.isStatic }, name, sourceCode, depth + 1);
}

function findObjectMember(object: TSESTree.ObjectExpression, name: string): FunctionNode | null {
  let found: FunctionNode | null = null;
  for (const property of object.properties) {
    if (property.type === AST_NODE_TYPES.SpreadElement) {
      // A later spread may replace the method with anything.
      found = null;
      continue;
    }
    if (getMemberKeyName(property) !== name) continue;
    const value = skipTypeWrappers(property.value);
    found = property.kind === 'init' && isFunctionNode(value) ? value : null;
  }
  return found;
}

function getReceiver(
  object: TSESTree.Node,
  sourceCode: Readonly<TSESLint.SourceCode>,
): Receiver | null {
  const node = skipTypeWrappers(object);
  if (node.type === AST_NODE_TYPES.ThisExpression) return getThisReceiver(node);
  if (node.type === AST_NODE_TYPES.NewExpression) return getInstanceReceiver(node, sourceCode, 0);
  if (node.type === AST_NODE_TYPES.ObjectExpression) return { kind: 'object', node };
  if (node.type !== AST_NODE_TYPES.Identifier) return null;
  const value = getBindingValue(node, sourceCode, 0);
  return value && isReceiver(value) ? value : null;
}

/**
 * The function declared in this file that `callee` calls, when the binding shows it for sure:
 * `f()` for `function f` or `const f = () => {}`, `this.m()` inside a class or object literal,
 * `obj.m()` for `const obj = { m() {} }`, `C.m()` (static), `new C().m()` and `c.m()` for
 * `const c = new C()`, methods inherited from a class in this file, and direct calls of function
 * expressions (IIFEs). Returns null when the callee could be anything else.
 */
export function getCalledLocalFunction(
  callee: TSESTree.Node,
  sourceCode: Readonly<TSESLint.SourceCode>,
): FunctionNode | null {
  const node = skipTypeWrappers(callee);
  if (isFunctionNode(node)) return node;
  if (node.type === AST_NODE_TYPES.Identifier) {
    const value = getBindingValue(node, sourceCode, 0);
    return value && !isReceiver(value) ? value : null;
  }
  if (node.type !== AST_NODE_TYPES.MemberExpression) return null;
  const name = getMemberKeyName(node);
  if (name === null) return null;
  const receiver = getReceiver(node.object, sourceCode);
  if (!receiver) return null;
  return receiver.kind === 'class' ? findClassMember(receiver, name, sourceCode, 0) : findObjectMember(receiver.node, name);
}
