import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { getLastIdentifierName } from '../ast/names.js';
import { skipValueWrappers } from '../ast/unwrap.js';

/** A variable from outside the loop, `'this'`, or `global:<name>` for an undeclared global. */
export type RootKey = TSESLint.Scope.Variable | string;

export type RootUsageKind =
  /** Only reads it. */
  | 'read'
  /** Hands it to a call, which may read or change it. */
  | 'passed'
  /** Overwrites it or changes it destructively (`x = ...`, `xs.sort()`, `[a, b] = ...`). */
  | 'assign'
  /** Adds one item's result (`push`, `add`, `map.set(k, ...)`, `obj[k] = ...`, `n++`, `sum += ...`). */
  | 'accumulate'
  /** Writes a slot shared by every iteration (`this.prefix = ...`, `obj.last = ...`, `Object.assign(obj, ...)`). */
  | 'fixed-slot';

/** How code uses a variable (or `this`) from outside the loop at one place. */
export interface RootUsage {
  root: RootKey;
  /** For `this`: the first property (`this.items` → `items`), to tell fields apart; null means all of it. */
  firstProperty: string | null;
  kind: RootUsageKind;
  /** Accumulations whose order shows in the result (`push`, `+=` on a possible string). */
  ordered: boolean;
  /** A compound assignment whose right side awaits: it reads before and writes after the await. */
  straddles: boolean;
  /** `push` / `unshift`: the order of the items shows in the array. */
  arrayAdd: boolean;
  /** The expression that reads or writes (identifier, assignment, call, update). */
  effect: TSESTree.Node;
  /** The identifier or `this`. */
  node: TSESTree.Node;
}

export interface UsageContext {
  /** Whether an expression reads a variable of the current iteration (so `obj[k]` is one slot per item). */
  isLoopDependent: (node: TSESTree.Node) => boolean;
  /** Whether an expression contains an `await` of the loop's function. */
  containsOwnAwait: (node: TSESTree.Node) => boolean;
}

interface MemberChain {
  top: TSESTree.Node;
  keyed: boolean;
  firstProperty: string | null;
}

const ORDERED_ARRAY_ADDERS = new Set(['push', 'unshift']);
const DESTRUCTIVE_METHODS = new Set(['pop', 'shift', 'splice', 'sort', 'reverse', 'fill', 'copyWithin', 'clear']);

/** `1`, `true`, `'failed'`, `null`: the same value whichever iteration writes it. */
function isConstantLiteral(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.Literal && !('regex' in node && node.regex);
}

function isNumberLiteral(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.Literal && typeof node.value === 'number';
}

function classifyCompound(
  operator: string,
  right: TSESTree.Node,
  context: UsageContext,
): Pick<RootUsage, 'kind' | 'ordered' | 'straddles'> {
  const straddles = context.containsOwnAwait(right);
  if (operator === '+=') return { kind: 'accumulate', ordered: !isNumberLiteral(right), straddles };
  if (operator === '-=') return { kind: 'accumulate', ordered: false, straddles };
  return { kind: 'assign', ordered: false, straddles };
}

/** `Object.assign(target, ...)` / `Object.defineProperty(target, ...)` with `node` as (a branch of) the target. */
function isMergeTarget(node: TSESTree.Node): TSESTree.CallExpression | null {
  let current = node;
  while (
    (current.parent?.type === AST_NODE_TYPES.ConditionalExpression && current.parent.test !== current) ||
    current.parent?.type === AST_NODE_TYPES.LogicalExpression
  ) {
    current = current.parent;
  }
  const call = current.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== current) return null;
  const callee = skipValueWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.object.type !== AST_NODE_TYPES.Identifier) return null;
  if (callee.object.name !== 'Object') return null;
  const method = getLastIdentifierName(callee);
  return method === 'assign' || method === 'defineProperty' || method === 'defineProperties' ? call : null;
}

function isDestructuringTarget(up: TSESTree.Node, top: TSESTree.Node): boolean {
  switch (up.type) {
    case AST_NODE_TYPES.ForOfStatement:
    case AST_NODE_TYPES.ForInStatement:
      return up.left === top;
    case AST_NODE_TYPES.ArrayPattern:
    case AST_NODE_TYPES.RestElement:
      return true;
    case AST_NODE_TYPES.Property:
      return up.parent.type === AST_NODE_TYPES.ObjectPattern && up.value === top;
    case AST_NODE_TYPES.AssignmentPattern:
      return up.left === top;
    default:
      return false;
  }
}

/**
 * The outermost expression of the member chain rooted at `node` (`results`, `this.cache[key]`,
 * `groups[k].items`), whether a key of the chain depends on the item, and the chain's first
 * property name.
 */
function climbMemberChain(node: TSESTree.Node, context: UsageContext): MemberChain {
  let top: TSESTree.Node = node;
  let keyed = false;
  let firstProperty: string | null = null;
  for (;;) {
    const up: TSESTree.Node | undefined = top.parent;
    if (up?.type === AST_NODE_TYPES.MemberExpression && up.object === top) {
      if (top === node && !up.computed) firstProperty = getLastIdentifierName(up);
      if (up.computed && context.isLoopDependent(up.property)) keyed = true;
      top = up;
    } else if ((up?.type === AST_NODE_TYPES.TSNonNullExpression || up?.type === AST_NODE_TYPES.ChainExpression) && up.expression === top) {
      top = up;
    } else {
      return { top, keyed, firstProperty };
    }
  }
}

/**
 * How the code at `node` (an identifier that refers to `root`, or `this`) uses it: reads it, hands it
 * to a call, overwrites it, accumulates one item's result into it, or writes a slot that every
 * iteration shares. `isWrite` is the scope manager's verdict for identifiers.
 */
export function classifyUsage(node: TSESTree.Node, root: RootKey, isWrite: boolean, context: UsageContext): RootUsage {
  const base: RootUsage = {
    root,
    node,
    effect: node,
    firstProperty: null,
    kind: 'read',
    ordered: false,
    straddles: false,
    arrayAdd: false,
  };
  const parent = node.parent;
  if (isWrite) {
    if (parent?.type === AST_NODE_TYPES.UpdateExpression) return { ...base, kind: 'accumulate', effect: parent };
    if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === node) {
      if (parent.operator === '=') return { ...base, kind: 'assign', effect: parent };
      return { ...base, ...classifyCompound(parent.operator, parent.right, context), effect: parent };
    }
    return { ...base, kind: 'assign' };
  }
  const { top, keyed, firstProperty } = climbMemberChain(node, context);
  const chain: RootUsage = { ...base, firstProperty };
  const merge = isMergeTarget(top);
  if (merge) return { ...chain, kind: keyed ? 'accumulate' : 'fixed-slot', effect: merge };
  const up = top.parent;
  if (!up) return chain;
  if (top === node) {
    if ((up.type === AST_NODE_TYPES.CallExpression || up.type === AST_NODE_TYPES.NewExpression) && up.arguments.includes(node as TSESTree.Expression)) {
      return { ...chain, kind: 'passed' };
    }
    return up.type === AST_NODE_TYPES.SpreadElement ? { ...chain, kind: 'passed' } : chain;
  }
  if (up.type === AST_NODE_TYPES.AssignmentExpression && up.left === top) {
    // A flag set to one constant by every iteration (`process.exitCode = 1`) ends the same in any order.
    if (up.operator === '=') return { ...chain, kind: keyed || isConstantLiteral(up.right) ? 'accumulate' : 'fixed-slot', effect: up };
    const compound = classifyCompound(up.operator, up.right, context);
    const kind = compound.kind === 'assign' ? (keyed ? 'accumulate' : 'fixed-slot') : 'accumulate';
    return { ...chain, ...compound, kind, ordered: compound.ordered && !keyed, effect: up };
  }
  if (up.type === AST_NODE_TYPES.UpdateExpression) return { ...chain, kind: 'accumulate', effect: up };
  if (up.type === AST_NODE_TYPES.UnaryExpression && up.operator === 'delete') {
    return { ...chain, kind: keyed ? 'accumulate' : 'fixed-slot', effect: up };
  }
  if (isDestructuringTarget(up, top)) return { ...chain, kind: 'assign', effect: up };
  const member = skipValueWrappers(top);
  if (up.type === AST_NODE_TYPES.CallExpression && up.callee === top && member.type === AST_NODE_TYPES.MemberExpression) {
    // `this.load(id)`: a method of the object may read any of its fields.
    if (member.object === node) chain.firstProperty = null;
    const method = getLastIdentifierName(member);
    if (method !== null) {
      if (ORDERED_ARRAY_ADDERS.has(method)) return { ...chain, kind: 'accumulate', ordered: true, arrayAdd: true, effect: up };
      if (method === 'add') return { ...chain, kind: 'accumulate', effect: up };
      if (method === 'set' || method === 'delete') {
        const key = up.arguments[0];
        const perItem = key !== undefined && context.isLoopDependent(key);
        return { ...chain, kind: perItem ? 'accumulate' : 'fixed-slot', effect: up };
      }
      if (DESTRUCTIVE_METHODS.has(method)) return { ...chain, kind: 'assign', effect: up };
    }
    return chain;
  }
  if ((up.type === AST_NODE_TYPES.CallExpression || up.type === AST_NODE_TYPES.NewExpression) && up.arguments.includes(top as TSESTree.Expression)) {
    // Handing over `this.items` hands over the field; handing over `list[i]` hands over an element, not the list.
    const isField = node.type === AST_NODE_TYPES.ThisExpression && member.type === AST_NODE_TYPES.MemberExpression && member.object === node;
    return isField ? { ...chain, kind: 'passed' } : chain;
  }
  return chain;
}

/** Whether two usages touch the same thing (for `this`, the same field, or any field through a method). */
export function isSameRoot(a: RootUsage, b: RootUsage): boolean {
  if (a.root !== b.root) return false;
  if (a.root !== 'this') return true;
  return a.firstProperty === null || b.firstProperty === null || a.firstProperty === b.firstProperty;
}

/** Whether a usage changes what it touches (every kind but reading and handing over). */
export function isWriteUsage(usage: RootUsage): boolean {
  return usage.kind === 'assign' || usage.kind === 'accumulate' || usage.kind === 'fixed-slot';
}
