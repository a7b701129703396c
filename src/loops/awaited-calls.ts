import { AST_NODE_TYPES, TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { isFunctionNode } from '../ast/function-node.js';
import { getLastIdentifierName } from '../ast/names.js';
import { skipValueWrappers } from '../ast/unwrap.js';
import { isSequentialReceiver } from './body-calls.js';
import type { SequentialReason } from './loop-independence.js';
import type { LoopState } from './loop-state.js';
import {
  isFileWriteCall,
  isDisposerMethodName, isLifecycleMethodName,
  isSharedStateName,
  isValueChain,
  type CallNode,
} from './ordered-calls.js';
import { classifyUsage, isWriteUsage, type UsageContext } from './root-usage.js';

type Variable = TSESLint.Scope.Variable;

const MUTABLE_CONTAINERS = new Set(['Map', 'Set', 'WeakMap', 'WeakSet']);

/** Identifiers an argument hands to the callee as they are: `x`, `{ cache }`, `{ seen: visited }`, `[a, b]`. */
function getHandedIdentifiers(argument: TSESTree.Node): TSESTree.Identifier[] {
  if (argument.type === AST_NODE_TYPES.Identifier) return [argument];
  if (argument.type === AST_NODE_TYPES.ObjectExpression) {
    return argument.properties.flatMap((property) =>
      property.type === AST_NODE_TYPES.Property && property.value.type === AST_NODE_TYPES.Identifier ? [property.value] : [],
    );
  }
  if (argument.type === AST_NODE_TYPES.ArrayExpression) {
    return argument.elements.flatMap((element) => (element?.type === AST_NODE_TYPES.Identifier ? [element] : []));
  }
  return [];
}

/** The function a call's callee names in this file (`function f` or `const f = async () => ...`), if any. */
function getLocalFunction(variable: Variable | null | undefined): TSESTree.Node | null {
  if (!variable || variable.defs.length !== 1) return null;
  const definition = variable.defs[0];
  if (definition?.type === TSESLint.Scope.DefinitionType.FunctionName) return definition.node;
  if (definition?.type !== TSESLint.Scope.DefinitionType.Variable) return null;
  const declarator = definition.node;
  if (declarator.parent.kind !== 'const' || !declarator.init || !isFunctionNode(declarator.init)) return null;
  return declarator.init;
}

/**
 * Whether a function of this file writes state it shares with its callers in an order-dependent
 * way: assigns a captured variable, pushes to it, writes a fixed property, merges into it.
 * (One level deep: functions it calls in turn are not followed.)
 */
function hasHiddenSharedWrites(sourceCode: Readonly<TSESLint.SourceCode>, fn: TSESTree.Node): boolean {
  const scope = sourceCode.scopeManager?.acquire(fn);
  if (!scope) return false;
  const context: UsageContext = { isLoopDependent: () => false, containsOwnAwait: () => false };
  return scope.through.some((reference) => {
    if (!reference.resolved) return false;
    const usage = classifyUsage(reference.identifier, reference.resolved, reference.isWrite(), context);
    return isWriteUsage(usage) && !(usage.kind === 'accumulate' && !usage.ordered);
  });
}

/** The identifier a member chain starts from (`plugin` in `plugin.hooks.setup`). */
function getChainRoot(node: TSESTree.Node): TSESTree.Node {
  let current = skipValueWrappers(node);
  while (current.type === AST_NODE_TYPES.MemberExpression) current = skipValueWrappers(current.object);
  return current;
}

/** A shared connection, or state handed to every call (`seen`, `cache`, `new Map()`, also as `{ cache }`): the calls may read each other's writes. */
function getArgumentReason(state: LoopState, argument: TSESTree.Node): SequentialReason | null {
  if (isValueChain(argument) && isSequentialReceiver(argument, state.options)) return 'sequential-receiver';
  for (const handed of getHandedIdentifiers(argument)) {
    const variable = state.resolve(handed);
    if (!variable || state.isIterationVariable(variable)) continue;
    const init = variable.defs[0]?.type === TSESLint.Scope.DefinitionType.Variable ? variable.defs[0].node.init : null;
    const isContainer =
      init?.type === AST_NODE_TYPES.NewExpression && init.callee.type === AST_NODE_TYPES.Identifier && MUTABLE_CONTAINERS.has(init.callee.name);
    if (isContainer || isSharedStateName(handed.name)) return 'shared-argument';
  }
  return null;
}

/** The item is what runs (`await x()`, `await plugin.setup()`), or the callee is a local function that writes shared state. */
function getCalleeReason(state: LoopState, call: CallNode): SequentialReason | null {
  const callee = skipValueWrappers(call.callee);
  const method = callee.type === AST_NODE_TYPES.MemberExpression ? getLastIdentifierName(callee) : null;
  const calledItem = method === 'call' || method === 'apply' ? skipValueWrappers((callee as TSESTree.MemberExpression).object) : callee;
  if (calledItem.type === AST_NODE_TYPES.Identifier) {
    const variable = state.resolve(calledItem);
    if (variable && state.isItemVariable(variable)) return 'calls-item';
    const fn = getLocalFunction(variable);
    if (fn && hasHiddenSharedWrites(state.sourceCode, fn)) return 'hidden-shared-write';
  }
  if (callee.type === AST_NODE_TYPES.MemberExpression && method !== null && isLifecycleMethodName(method)) {
    const root = getChainRoot(callee.object);
    const variable = root.type === AST_NODE_TYPES.Identifier ? state.resolve(root) : null;
    if (variable && state.isItemVariable(variable) && !(isDisposerMethodName(method) && isLoadedList(state))) return 'calls-item';
  }
  return null;
}

/**
 * The loop walks a list its own function awaited from a query (`let rows = await findAll(q)`): the
 * items are records it loaded, not code or resources handed in to run in their order, so disposing
 * of each (`row.destroy()`) is work per record.
 */
function isLoadedList(state: LoopState): boolean {
  const iterable = state.shape.iterable && skipValueWrappers(state.shape.iterable);
  if (iterable?.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = state.resolve(iterable);
  if (!variable || variable.defs.length !== 1 || variable.defs[0]?.type !== TSESLint.Scope.DefinitionType.Variable) return false;
  const writes = variable.references.filter((reference) => reference.isWrite());
  return writes.some((reference) => reference.writeExpr && skipValueWrappers(reference.writeExpr).type === AST_NODE_TYPES.AwaitExpression);
}

/** Every iteration writes the same file: the writes must not interleave. */
function writesSharedFile(state: LoopState, call: CallNode): boolean {
  if (!isFileWriteCall(call, state.options.fileWriteCalls.has(call))) return false;
  const path = call.arguments[0];
  return !path || !state.isLoopDependent(path);
}

/**
 * Why an awaited call orders the iterations, judged by what it is handed and what it calls. The
 * first awaited call that gives a reason decides.
 */
export function getAwaitedCallReason(state: LoopState): SequentialReason | null {
  for (const call of state.awaitedCalls) {
    for (const argument of call.arguments) {
      const reason = getArgumentReason(state, argument);
      if (reason) return reason;
    }
    const reason = getCalleeReason(state, call) ?? (writesSharedFile(state, call) ? 'shared-file' : null);
    if (reason) return reason;
  }
  return null;
}
