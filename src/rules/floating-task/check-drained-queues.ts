import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { getRepeatingLoop } from '../../ast/loop-node.js';
import { isNodeInside } from '../../ast/ranges.js';
import { skipValueWrappers } from '../../ast/unwrap.js';
import { getMemberKeyName } from '../../ast/names.js';
import { isReported } from './policy.js';
import type { FloatingTaskShared } from './shared-context.js';
import { findVariableOf } from '../../scope/find-variable.js';

/** Expressions that start a new promise when stored. */
const TASK_SHAPES = new Set<string>([AST_NODE_TYPES.CallExpression, AST_NODE_TYPES.NewExpression, AST_NODE_TYPES.ImportExpression]);
const TAKE_METHODS = new Set(['shift', 'pop']);
const STORE_METHODS = new Set(['push', 'unshift']);

/** A loop that takes the stored items of a queue one at a time and awaits each (or a property of each). */
interface Drain {
  key: string;
  /** `await node.promise` awaits the property `promise` of each item; null for `await item`. */
  property: string | null;
  loop: TSESTree.Node;
}

interface Store {
  key: string;
  text: string;
  item: TSESTree.Node;
}

/**
 * The fourth check of floating-task (`drainedQueue`): running promises stored in a queue (a field
 * like `this.#queue`, or a local array) that a loop drains by awaiting the items one at a time
 * (`while (q.length) await q.shift()`, `for (const p of ps) await p`, `await node.promise` of each
 * shifted node). While the loop waits for an earlier item, a later one that rejects has no handler
 * yet, and Node reports an unhandled rejection.
 */
export function createDrainedQueuesCheck(shared: FloatingTaskShared): TSESLint.RuleListener {
  const { sourceCode } = shared;
  // A drain awaits its items: a file without `await` has none, so its stores need no collecting.
  if (!sourceCode.text.includes('await')) return {};
  const drains: Drain[] = [];
  /** The `.push(...)` / `.unshift(...)` calls, whose queues are named only in a file that drains one (few do). */
  const storeCalls: { call: TSESTree.CallExpression; callee: TSESTree.MemberExpression }[] = [];
  return {
    AwaitExpression(node) {
      const drain = getDrain(sourceCode, node);
      if (drain) drains.push(drain);
    },
    CallExpression(node) {
      const callee = node.callee;
      if (callee.type !== AST_NODE_TYPES.MemberExpression || node.arguments.length === 0) return;
      // Most calls are not `.push`/`.unshift`: the plain property name settles them before the general lookup.
      if (!callee.computed && callee.property.type === AST_NODE_TYPES.Identifier && !STORE_METHODS.has(callee.property.name)) return;
      const name = ASTUtils.getPropertyName(callee);
      if (name !== null && STORE_METHODS.has(name)) storeCalls.push({ call: node, callee });
    },
    'Program:exit'() {
      if (drains.length === 0) return;
      for (const { call, callee } of storeCalls) {
        const key = getQueueKey(sourceCode, callee.object);
        if (key === null) continue;
        const text = sourceCode.getText(callee.object);
        for (const item of call.arguments) if (item.type !== AST_NODE_TYPES.SpreadElement) checkStore(shared, drains, { key, text, item });
      }
    },
  };
}

function checkStore(shared: FloatingTaskShared, drains: readonly Drain[], store: Store): void {
  const detector = shared.getDetector();
  for (const drain of drains) {
    if (drain.key !== store.key) continue;
    const promise = getStoredPromise(shared.sourceCode, store.item, drain.property);
    if (!promise || isNodeInside(promise, drain.loop) || detector.isAllowed(promise)) continue;
    if (detector.getPromiseKind(promise) !== 'promise' || !isReported('late-await', detector.getRejection(promise))) continue;
    shared.context.report({
      node: promise,
      messageId: 'drainedQueue',
      data: { queue: store.text, line: String(drain.loop.loc.start.line) },
    });
    return;
  }
}

/** The promise an item stored in the queue carries: the item itself, or its property `property` (`{ promise: load() }`). */
function getStoredPromise(sourceCode: Readonly<TSESLint.SourceCode>, item: TSESTree.Node, property: string | null): TSESTree.Node | null {
  let value = skipValueWrappers(item);
  if (property !== null) {
    if (value.type === AST_NODE_TYPES.Identifier) {
      const def = findVariableOf(value, sourceCode)?.defs[0];
      const init = def?.node.type === AST_NODE_TYPES.VariableDeclarator ? def.node.init : null;
      if (!init) return null;
      value = skipValueWrappers(init);
    }
    if (value.type !== AST_NODE_TYPES.ObjectExpression) return null;
    const found = value.properties.find(
      (candidate): candidate is TSESTree.Property =>
        candidate.type === AST_NODE_TYPES.Property && !candidate.computed && ASTUtils.getPropertyName(candidate) === property,
    );
    if (!found) return null;
    value = skipValueWrappers(found.value);
  }
  return TASK_SHAPES.has(value.type) ? value : null;
}

/**
 * For `await item` or `await item.prop` in a loop, where `item` is taken from a queue in that loop
 * (`const item = q.shift()`, `for (const item of q)`): the queue and the awaited property.
 */
function getDrain(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.AwaitExpression): Drain | null {
  const loop = getRepeatingLoop(node);
  if (!loop) return null;
  let argument = skipValueWrappers(node.argument);
  let property: string | null = null;
  if (argument.type === AST_NODE_TYPES.MemberExpression && !argument.computed && argument.property.type === AST_NODE_TYPES.Identifier) {
    property = argument.property.name;
    argument = skipValueWrappers(argument.object);
  }
  if (argument.type === AST_NODE_TYPES.CallExpression) {
    // `await q.shift()`
    return property === null ? getTakeDrain(sourceCode, argument, loop) : null;
  }
  if (argument.type !== AST_NODE_TYPES.Identifier) return null;
  const def = findVariableOf(argument, sourceCode)?.defs[0];
  if (def?.node.type !== AST_NODE_TYPES.VariableDeclarator || !isNodeInside(def.node, loop)) return null;
  const declaration = def.node.parent;
  if (declaration.parent?.type === AST_NODE_TYPES.ForOfStatement && declaration.parent === loop && !declaration.parent.await) {
    const key = getQueueKey(sourceCode, declaration.parent.right);
    return key === null ? null : { key, property, loop };
  }
  const init = def.node.init ? skipValueWrappers(def.node.init) : null;
  if (init?.type !== AST_NODE_TYPES.CallExpression) return null;
  const drain = getTakeDrain(sourceCode, init, loop);
  return drain ? { ...drain, property } : null;
}

function getTakeDrain(sourceCode: Readonly<TSESLint.SourceCode>, call: TSESTree.CallExpression, loop: TSESTree.Node): Drain | null {
  const callee = call.callee;
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  const name = ASTUtils.getPropertyName(callee);
  if (name === null || !TAKE_METHODS.has(name)) return null;
  const key = getQueueKey(sourceCode, callee.object);
  return key === null ? null : { key, property: null, loop };
}

/**
 * What names a queue the same way at every use: a field of `this` (per class), or a local
 * variable; a local `const queue = this.#queue` stands for the field.
 */
function getQueueKey(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node, depth = 0): string | null {
  const value = skipValueWrappers(node);
  if (value.type === AST_NODE_TYPES.MemberExpression && value.object.type === AST_NODE_TYPES.ThisExpression && !value.computed) {
    const classBody = getEnclosingClassBody(value);
    const name = getMemberKeyName(value);
    return classBody && name !== null ? `${classBody.range[0]}:this.${name}` : null;
  }
  if (value.type !== AST_NODE_TYPES.Identifier) return null;
  const variable = findVariableOf(value, sourceCode);
  const def = variable?.defs[0];
  if (!variable || def?.node.type !== AST_NODE_TYPES.VariableDeclarator || variable.defs.length !== 1) return null;
  if (variable.references.some((reference) => reference.isWrite() && reference.identifier !== def.name)) return null;
  const init = def.node.init ? skipValueWrappers(def.node.init) : null;
  if (init?.type === AST_NODE_TYPES.MemberExpression && depth === 0) return getQueueKey(sourceCode, init, 1);
  return `${def.name.range[0]}:${variable.name}`;
}

function getEnclosingClassBody(node: TSESTree.Node): TSESTree.ClassBody | null {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.ClassBody) return current;
  }
  return null;
}
