import { AST_NODE_TYPES, TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { getCalleeName } from '../../ast/callee-name.js';
import { isAwaitLegalAt } from '../../ast/enclosing-function.js';
import { isNodeInside } from '../../ast/ranges.js';
import { skipValueWrappers } from '../../ast/unwrap.js';
import { getPrefixedText, insertAfterStatement, insertAtBlockEnd } from '../../fixes/statement-edits.js';
import { getDeferredPromise } from '../../promises/deferred-promise.js';
import { findLoopLoss, getCollectionStores, getInitialValues, isEmptyKeyedCollection, type CollectionStore } from '../../tasks/collection-stores.js';
import { isGlobalReference } from '../../scope/globals.js';
import { getOwnerFunction } from '../../tasks/control-flow-order.js';
import {
  findLateAwait,
  getAwaitPoint,
  getObservingReferences,
  getStoreReceiverNames,
  type AwaitPoint,
  type TaskHolder,
} from '../../tasks/task-usage.js';
import { getThenableKind, isNativePromise } from '../../types/thenable-type.js';
import { canCombineAwaits, getAwaitStatement, getCombinedAwaitFix } from './promise-all-combine.js';
import { isReported, type ReportKind } from './policy.js';
import type { FloatingTaskShared } from './shared-context.js';
import type { MessageIds } from './types.js';

/** Expressions that start a new task; a task variable or collection element must be created by one of them. */
const TASK_SHAPES = new Set<string>([
  AST_NODE_TYPES.CallExpression,
  AST_NODE_TYPES.NewExpression,
  AST_NODE_TYPES.ImportExpression,
  AST_NODE_TYPES.TaggedTemplateExpression,
]);

/** A `const t = <value>` or `t = <value>` of a plain name whose value may start a task or hold tasks, as the walk saw it. */
interface VariableWrite {
  write: TSESTree.VariableDeclarator | TSESTree.AssignmentExpression;
  identifier: TSESTree.Identifier;
  value: TSESTree.Expression;
  /** The value without wrappers (`skipValueWrappers`). */
  inner: TSESTree.Node;
  /** An array or object literal, or an empty `new Map()` / `new Set()`: what the collection analysis follows. */
  isCollection: boolean;
}

interface TaskWrite {
  variable: TSESLint.Scope.Variable;
  /** The declarator or assignment that puts the value in the variable. */
  write: TSESTree.VariableDeclarator | TSESTree.AssignmentExpression;
  value: TSESTree.Expression;
  holder: TaskHolder;
}

type AwaitNode = TSESTree.AwaitExpression | TSESTree.ForOfStatement;

/** The `await`s (and `for await` loops) of each function, in source order. */
type AwaitsByOwner = Map<TSESTree.Node, AwaitPoint[]>;

/**
 * The second check of floating-task: tasks kept in local variables or collections that are never
 * observed (`forgottenTask`, `forgottenTasks`), observed only after an `await` of other work
 * (`lateAwait`, `lateAwaitTasks`), or lost when a loop throws part-way (`loopThrow`). Writes and
 * awaits are collected during the walk and analysed at the end of the file.
 */
export function createStoredTasksCheck(shared: FloatingTaskShared): TSESLint.RuleListener {
  const awaits: AwaitNode[] = [];
  const writes: VariableWrite[] = [];
  /** Names the file awaits directly (`await t`): without one, a variable is never awaited directly. */
  const awaitedNames = new Set<string>();
  const addAwaitPoint = (node: AwaitNode): void => {
    if (node.type === AST_NODE_TYPES.AwaitExpression && node.argument.type === AST_NODE_TYPES.Identifier) awaitedNames.add(node.argument.name);
    awaits.push(node);
  };
  // Most values are neither a task nor a collection (`const n = a + b`): only the others are kept.
  const addWrite = (write: VariableWrite['write'], identifier: TSESTree.Identifier, value: TSESTree.Expression): void => {
    const inner = skipValueWrappers(value);
    const isCollection = isCollectionShape(inner);
    if (isCollection || isTaskShape(shared, inner)) writes.push({ write, identifier, value, inner, isCollection });
  };
  /** Names some store of a task-shaped value goes into (`xs.push(load(x))`, `pending[k] = load(k)`): `mayHoldTasks`. */
  const storeNames = new Set<string>();
  const addStoreNames = (store: TSESTree.CallExpression | TSESTree.AssignmentExpression, values: readonly TSESTree.Node[]): void => {
    const names = getStoreReceiverNames(store);
    if (names.length === 0 || !values.some((value) => value.type !== AST_NODE_TYPES.SpreadElement && startsTask(shared, value))) return;
    for (const name of names) storeNames.add(name);
  };
  return {
    AwaitExpression: addAwaitPoint,
    'ForOfStatement[await=true]': addAwaitPoint,
    VariableDeclarator(node) {
      const declaration = node.parent;
      if (declaration.kind !== 'const' && declaration.kind !== 'let' && declaration.kind !== 'var') return;
      if (declaration.declare || node.id.type !== AST_NODE_TYPES.Identifier || !node.init) return;
      addWrite(node, node.id, node.init);
    },
    CallExpression: (node) => addStoreNames(node, node.arguments),
    AssignmentExpression(node) {
      if (node.left.type === AST_NODE_TYPES.MemberExpression) addStoreNames(node, [node.right]);
      if (node.operator !== '=' || node.left.type !== AST_NODE_TYPES.Identifier) return;
      addWrite(node, node.left, node.right);
    },
    // Decided at the end, when every `await` of the file is known.
    'Program:exit'() {
      const reported = new Set<TSESLint.Scope.Variable>();
      // Most files keep no task: their awaits are never grouped.
      let awaitsByOwner: AwaitsByOwner | null = null;
      for (const write of writes) {
        if (!mayHoldTasks(shared, write, storeNames)) continue;
        const task = getTaskWrite(shared, write, awaitedNames);
        if (!task) continue;
        awaitsByOwner ??= groupAwaitsByOwner(awaits);
        analyzeTask(shared, awaitsByOwner, task, reported);
      }
    },
  };
}

function groupAwaitsByOwner(awaits: readonly AwaitNode[]): AwaitsByOwner {
  const awaitsByOwner: AwaitsByOwner = new Map();
  for (const node of awaits) {
    const owner = getOwnerFunction(node);
    if (!owner) continue;
    let points = awaitsByOwner.get(owner);
    if (!points) {
      points = [];
      awaitsByOwner.set(owner, points);
    }
    points.push(getAwaitPoint(node));
  }
  return awaitsByOwner;
}

/** An expression that starts a task (a call, `new`, `import()`) or takes a deferred's promise (`deferred.promise`). */
function isTaskShape(shared: FloatingTaskShared, node: TSESTree.Node): boolean {
  return TASK_SHAPES.has(node.type) || getDeferredPromise(node, shared.sourceCode) !== null;
}

/** A value that starts a task once its wrappers are taken off (`load() as Promise<void>`): what a store into a collection must be to count. */
function startsTask(shared: FloatingTaskShared, value: TSESTree.Node): boolean {
  return isTaskShape(shared, skipValueWrappers(value));
}

/** An array or object literal, or an empty `new Map()` / `new Set()` (whether it is the global's is asked of the few kept). */
function isCollectionShape(inner: TSESTree.Node): boolean {
  return inner.type === AST_NODE_TYPES.ArrayExpression || inner.type === AST_NODE_TYPES.ObjectExpression || isEmptyKeyedCollection(inner);
}

/**
 * Whether the write may hold tasks: an array or object literal holds one only if a value it starts
 * with or a store into it (`storeNames`) starts one. Most literals are neither (`const opts = { a: 1 }`),
 * and are settled without reading their references.
 */
function mayHoldTasks(shared: FloatingTaskShared, { identifier, inner }: VariableWrite, storeNames: ReadonlySet<string>): boolean {
  if (inner.type !== AST_NODE_TYPES.ArrayExpression && inner.type !== AST_NODE_TYPES.ObjectExpression) return true;
  return storeNames.has(identifier.name) || getInitialValues(inner).some((value) => startsTask(shared, value));
}

/** The `const t = <value>` or `t = <value>` write of a local variable the end-of-file analysis looks at, if this is one. */
function getTaskWrite(
  shared: FloatingTaskShared,
  { write, identifier, value, inner, isCollection }: VariableWrite,
  awaitedNames: ReadonlySet<string>,
): TaskWrite | null {
  const { sourceCode, services } = shared;
  if (isCollection && isEmptyKeyedCollection(inner)) {
    // A local class named `Map` makes no keyed collection: the value is then judged as a task (`new Map()`).
    const callee = (inner as TSESTree.NewExpression).callee as TSESTree.Identifier;
    if (isGlobalReference(callee, sourceCode)) return getKeyedTaskWrite(shared, write, identifier, value);
    return getTaskWrite(shared, { write, identifier, value, inner, isCollection: false }, awaitedNames);
  }
  if (write.type === AST_NODE_TYPES.AssignmentExpression && isCollection) return null;
  const isMapCall =
    inner.type === AST_NODE_TYPES.CallExpression && getCalleeName(inner.callee) === 'map' && inner.callee.type === AST_NODE_TYPES.MemberExpression;
  const holder: TaskHolder = isCollection || isMapCall ? 'collection' : 'promise';
  // Without types, a single task must be a promise by syntax or awaited later (`analyzeSingleTask`);
  // the name settles "awaited" for most variables before their references are read.
  const needsSyntacticPromise = !services && holder === 'promise';
  const mayBeAwaited = awaitedNames.has(identifier.name);
  const isPromiseBySyntax = (): boolean => shared.getDetector().getPromiseKind(value) === 'promise';
  if (needsSyntacticPromise && !mayBeAwaited && !isPromiseBySyntax()) return null;
  const variable =
    write.type === AST_NODE_TYPES.VariableDeclarator
      ? sourceCode.getDeclaredVariables(write).find((candidate) => candidate.name === identifier.name)
      : sourceCode.getScope(identifier).references.find((reference) => reference.identifier === identifier)?.resolved;
  if (!variable || variable.scope.type === TSESLint.Scope.ScopeType.global) return null;
  if (needsSyntacticPromise && mayBeAwaited && !isAwaitedVariable(variable) && !isPromiseBySyntax()) return null;
  if (variable.defs.some((def) => def.node.type !== AST_NODE_TYPES.VariableDeclarator || isExported(def.node) || isAmbient(def.node))) {
    return null;
  }
  return { variable, write, value, holder };
}

/** A `const m = new Map()` (or `Set`) declared in a function, whose stores the collection analysis follows. */
function getKeyedTaskWrite(
  shared: FloatingTaskShared,
  write: TSESTree.VariableDeclarator | TSESTree.AssignmentExpression,
  identifier: TSESTree.Identifier,
  value: TSESTree.Expression,
): TaskWrite | null {
  if (write.type !== AST_NODE_TYPES.VariableDeclarator) return null;
  const variable = shared.sourceCode.getDeclaredVariables(write).find((candidate) => candidate.name === identifier.name);
  if (!variable || variable.scope.type === TSESLint.Scope.ScopeType.global || variable.scope.type === TSESLint.Scope.ScopeType.module) return null;
  if (isExported(write) || isAmbient(write)) return null;
  return { variable, write, value, holder: 'collection' };
}

function isAmbient(declarator: TSESTree.Node): boolean {
  const declaration = declarator.parent;
  return declaration?.type === AST_NODE_TYPES.VariableDeclaration && declaration.declare;
}

function isExported(declarator: TSESTree.Node): boolean {
  const declaration = declarator.parent;
  return declaration?.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration;
}

/**
 * A promise the task analysis may report in a report of `kind`: a promise (by type or syntax, or,
 * without types, awaited later: `awaitedLater`), not allowed to float, reported by the policy for
 * its rejection verdict; eager (a native promise, already running) for late awaits.
 */
function isReportableTask(shared: FloatingTaskShared, value: TSESTree.Node, kind: ReportKind, awaitedLater = false): boolean {
  const { services } = shared;
  const promises = shared.getDetector();
  if (promises.isAllowed(value)) return false;
  const isPromise = promises.getPromiseKind(value) === 'promise' || (awaitedLater && !services);
  if (!isPromise || !isReported(kind, promises.getRejection(value))) return false;
  if (kind !== 'late-await' || !services || getThenableKind(services, value) === 'unknown') return true;
  return isNativePromise(services, value);
}

/** Whether some read of `variable` awaits it directly (`await t`): the code treats its value as a promise. */
function isAwaitedVariable(variable: TSESLint.Scope.Variable): boolean {
  return variable.references.some((reference) => {
    const parent = reference.identifier.parent;
    return parent?.type === AST_NODE_TYPES.AwaitExpression && parent.argument === reference.identifier;
  });
}

/** The `await`s of the function that holds `node`, if it has any. */
function getOwnerAwaits(awaitsByOwner: AwaitsByOwner, node: TSESTree.Node): AwaitPoint[] | undefined {
  const owner = getOwnerFunction(node);
  return owner ? awaitsByOwner.get(owner) : undefined;
}

function analyzeTask(shared: FloatingTaskShared, awaitsByOwner: AwaitsByOwner, task: TaskWrite, reported: Set<TSESLint.Scope.Variable>): void {
  if (reported.has(task.variable)) return;
  if (task.holder === 'promise') {
    analyzeSingleTask(shared, awaitsByOwner, task, getObservingReferences(task.variable, 'promise'), reported);
  } else {
    analyzeTaskCollection(shared, awaitsByOwner, task, reported);
  }
}

/** A variable holding one task: never observed, or observed only after an `await` of other work. */
function analyzeSingleTask(
  shared: FloatingTaskShared,
  awaitsByOwner: AwaitsByOwner,
  task: TaskWrite,
  observers: TSESLint.Scope.Reference[],
  reported: Set<TSESLint.Scope.Variable>,
): void {
  if (observers.length === 0) {
    if (!isReportableTask(shared, task.value, 'forgotten')) return;
    reported.add(task.variable);
    reportForgotten(shared, task);
    return;
  }
  if (!shared.options.checkLateAwait) return;
  const awaits = getOwnerAwaits(awaitsByOwner, task.write);
  // With no `await` in the owner function, nothing can wait before the task is observed.
  const late = awaits ? findLateAwait(task.variable, task.write, 'promise', awaits) : null;
  if (!late || !isReportableTask(shared, task.value, 'late-await', isAwaitedVariable(task.variable))) return;
  reported.add(task.variable);
  reportLate(shared, task, late.await, late.observer.identifier as TSESTree.Identifier);
}

/** A collection of tasks: never observed, observed only after an `await` of other work, or lost when a loop throws. */
function analyzeTaskCollection(
  shared: FloatingTaskShared,
  awaitsByOwner: AwaitsByOwner,
  task: TaskWrite,
  reported: Set<TSESLint.Scope.Variable>,
): void {
  const { context, sourceCode } = shared;
  const name = task.variable.name;
  // Most collections never hold a task: their stores are found before their readers.
  const stores = getCollectionStores(task.variable, task.write, task.value, (node) => isTaskShape(shared, node));
  if (stores.length === 0) return;
  const observers = getObservingReferences(task.variable, 'collection');
  const promises = shared.getDetector();
  const isPromiseStore = (store: CollectionStore, kind: ReportKind = 'late-await'): boolean =>
    store.value === task.value ? promises.isPromiseArray(store.value) : isReportableTask(shared, store.value, kind);
  if (observers.length === 0) {
    if (!stores.some((store) => isPromiseStore(store, 'forgotten'))) return;
    reported.add(task.variable);
    reportForgotten(shared, task);
    return;
  }
  if (!shared.options.checkLateAwait) return;
  const writes = [...new Set(stores.map((store) => store.write))];
  for (const write of writes) {
    const awaits = getOwnerAwaits(awaitsByOwner, write);
    const late = awaits ? findLateAwait(task.variable, write, 'collection', awaits) : null;
    const thrown = late ? null : findLoopLoss(task.variable, write, observers, sourceCode.visitorKeys);
    if (!late && !thrown) continue;
    if (!stores.some((store) => store.write === write && isPromiseStore(store))) continue;
    reported.add(task.variable);
    if (late) {
      context.report({ node: write, messageId: 'lateAwaitTasks', data: { name, line: String(late.await.node.loc.start.line) } });
    } else if (thrown) {
      context.report({ node: write, messageId: 'loopThrow', data: { name, line: String(thrown.loc.start.line) } });
    }
    return;
  }
}

function getWriteStatement(task: TaskWrite): TSESTree.Node | null {
  const statement = task.write.parent;
  if (task.write.type === AST_NODE_TYPES.VariableDeclarator) {
    return statement?.type === AST_NODE_TYPES.VariableDeclaration ? statement : null;
  }
  return statement?.type === AST_NODE_TYPES.ExpressionStatement ? statement : null;
}

function insertAtBlockEndPossible(statement: TSESTree.Node): boolean {
  const parent = statement.parent;
  return parent?.type === AST_NODE_TYPES.BlockStatement || parent?.type === AST_NODE_TYPES.Program;
}

function reportForgotten(shared: FloatingTaskShared, task: TaskWrite): void {
  const { context, sourceCode } = shared;
  const name = task.variable.name;
  const statement = getWriteStatement(task);
  const suggest: TSESLint.ReportSuggestionArray<MessageIds> = [];
  const inner = skipValueWrappers(task.value);
  const isMap = inner.type === AST_NODE_TYPES.NewExpression && inner.callee.type === AST_NODE_TYPES.Identifier && inner.callee.name === 'Map';
  const awaitText =
    task.holder === 'promise'
      ? `await ${name};`
      : inner.type === AST_NODE_TYPES.ObjectExpression
        ? null
        : `await Promise.all(${isMap ? `${name}.values()` : name});`;
  if (statement && awaitText && isAwaitLegalAt(statement, sourceCode) && insertAtBlockEndPossible(statement)) {
    suggest.push({
      messageId: 'suggestAwaitTask',
      data: { text: awaitText },
      fix: (fixer) => insertAtBlockEnd(fixer, sourceCode, statement, awaitText),
    });
  }
  if (task.holder === 'promise') {
    suggest.push({
      messageId: 'suggestVoidInit',
      fix: (fixer) => fixer.replaceText(task.value, getPrefixedText(sourceCode, task.value, 'void')),
    });
  }
  context.report({ node: task.write, messageId: task.holder === 'promise' ? 'forgottenTask' : 'forgottenTasks', data: { name }, suggest });
}

function reportLate(shared: FloatingTaskShared, task: TaskWrite, other: AwaitPoint, observer: TSESTree.Identifier): void {
  const { context, sourceCode } = shared;
  const name = task.variable.name;
  const suggest: TSESLint.ReportSuggestionArray<MessageIds> = [];
  const taskAwait = observer.parent.type === AST_NODE_TYPES.AwaitExpression ? getAwaitStatement(observer.parent, sourceCode) : null;
  const otherAwait = other.node.type === AST_NODE_TYPES.AwaitExpression ? getAwaitStatement(other.node, sourceCode) : null;
  if (taskAwait && otherAwait && canCombineAwaits(taskAwait, otherAwait)) {
    suggest.push({
      messageId: 'suggestPromiseAll',
      data: { name },
      fix: (fixer) => getCombinedAwaitFix(fixer, sourceCode, name, taskAwait, otherAwait),
    });
  } else {
    const statement = getWriteStatement(task);
    // `const a = load(x), b = await load(y);`: a handler added after the statement would come after
    // the other await it must precede, so there is no such suggestion there.
    if (statement && insertAtBlockEndPossible(statement) && !isNodeInside(other.node, statement)) {
      suggest.push({
        messageId: 'suggestCatchTask',
        data: { name },
        fix: (fixer) => insertAfterStatement(fixer, sourceCode, statement, `${name}.catch(() => {});`),
      });
    }
  }
  context.report({
    node: task.write,
    messageId: 'lateAwait',
    data: { name, line: String(other.node.loc.start.line) },
    suggest,
  });
}
