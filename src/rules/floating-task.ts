import { AST_NODE_TYPES, ESLintUtils, TSESLint, type ParserServicesWithTypeInformation, type TSESTree } from '@typescript-eslint/utils';
import { isAwaitLegalAt } from '../ast/enclosing-function.js';
import { isFunctionNode } from '../ast/function-node.js';
import { findLoopLoss, getCollectionStores, type CollectionStore } from '../tasks/collection-stores.js';
import { getOwnerFunction } from '../tasks/control-flow-order.js';
import { createRule } from './create-rule.js';
import { getDeferredPromise } from '../promises/deferred-promise.js';
import { describePromise, isAsyncIife } from '../promises/describe-promise.js';
import { getForEachStatement, getForOfText, getMapAllFix } from './floating-task/foreach-rewrite.js';
import { isGlobalReference } from '../scope/globals.js';
import { getCalledLocalFunction } from '../scope/local-functions.js';
import { isAsyncFunction } from '../ast/function-node.js';
import { skipTypeWrappers } from '../ast/unwrap.js';
import { canCombineAwaits, getAwaitStatement, getCombinedAwaitFix } from './floating-task/promise-all-combine.js';
import { createPromiseDetector, type PromiseDetector, type PromiseKind } from '../promises/promise-detection.js';
import {
  getMethodCallText,
  getPrefixedText,
  insertAfterStatement,
  insertAtBlockEnd,
} from '../fixes/statement-edits.js';
import { skipValueWrappers } from '../ast/unwrap.js';
import { findPromiseSources } from '../promises/promise-sources.js';
import { getCalleeName, getCalleePath } from '../ast/callee-name.js';
import {
  findLateAwait,
  getAwaitPoint,
  getObservingReferences,
  type AwaitPoint,
  type TaskHolder,
} from '../tasks/task-usage.js';
import {
  getThenableKind,
  getTypeText,
  hasCallSignatures,
  isNativePromise,
  isVoidCallbackParameter,
} from '../types/thenable-type.js';
import { getAsiGuard } from '../fixes/asi.js';

export type Options = [
  {
    ignoreVoid?: boolean;
    ignoreIIFE?: boolean;
    promiseFunctions?: string[];
    allowFunctions?: string[];
    catchHandler?: string | null;
    checkLateAwait?: boolean;
    checkCallbacks?: boolean;
    autofix?: 'none' | 'await';
    mode?: 'auto' | 'syntactic' | 'type-aware';
  },
];

export type MessageIds =
  | 'floating'
  | 'floatingMaybe'
  | 'floatingArray'
  | 'forgottenTask'
  | 'forgottenTasks'
  | 'lateAwait'
  | 'lateAwaitTasks'
  | 'loopThrow'
  | 'forEachCallback'
  | 'voidCallback'
  | 'suggestAwait'
  | 'suggestVoid'
  | 'suggestCatch'
  | 'suggestAwaitAll'
  | 'suggestAwaitTask'
  | 'suggestVoidInit'
  | 'suggestPromiseAll'
  | 'suggestCatchTask'
  | 'suggestMapAll'
  | 'suggestForOf';

const TEST_RUNNER_FUNCTIONS = ['describe', 'it', 'test', 'suite'].flatMap((name) => [name, `${name}.only`, `${name}.skip`]);
const LISTENER_METHODS = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener']);
const TIMER_FUNCTIONS = new Set(['setTimeout', 'setInterval', 'setImmediate']);
/** Expressions whose value can be a promise; the checker is asked about nothing else. */
const PROMISE_SHAPES = new Set<string>([
  AST_NODE_TYPES.CallExpression,
  AST_NODE_TYPES.NewExpression,
  AST_NODE_TYPES.MemberExpression,
  AST_NODE_TYPES.Identifier,
  AST_NODE_TYPES.TaggedTemplateExpression,
  AST_NODE_TYPES.ImportExpression,
  AST_NODE_TYPES.ArrayExpression,
]);
/** Expressions that start a new task; a task variable or collection element must be created by one of them. */
const TASK_SHAPES = new Set<string>([
  AST_NODE_TYPES.CallExpression,
  AST_NODE_TYPES.NewExpression,
  AST_NODE_TYPES.ImportExpression,
  AST_NODE_TYPES.TaggedTemplateExpression,
]);

/**
 * Expression bodies whose value is never a thenable (and block bodies, which do not give the value
 * of a non-async function by syntax): a plain arrow with one returns no promise.
 */
const NEVER_THENABLE_BODIES = new Set<string>([
  AST_NODE_TYPES.BlockStatement,
  AST_NODE_TYPES.Literal,
  AST_NODE_TYPES.TemplateLiteral,
  AST_NODE_TYPES.BinaryExpression,
  AST_NODE_TYPES.UnaryExpression,
  AST_NODE_TYPES.UpdateExpression,
  AST_NODE_TYPES.ArrayExpression,
]);

interface FloatingPart {
  /** The promise-valued expression that nobody handles. */
  promise: TSESTree.Node;
  kind: Exclude<PromiseKind, null> | 'array';
  /** The expression the fixes wrap: the statement's expression, or one element of a sequence. */
  target: TSESTree.Node;
}

interface TaskWrite {
  variable: TSESLint.Scope.Variable;
  /** The declarator or assignment that puts the value in the variable. */
  write: TSESTree.VariableDeclarator | TSESTree.AssignmentExpression;
  value: TSESTree.Expression;
  holder: TaskHolder;
}

/** A call that passes a function: the callback form of an API that returns a promise only without one (`close(cb)`). */
function passesCallback(node: TSESTree.Node, services: ParserServicesWithTypeInformation): boolean {
  const value = skipValueWrappers(node);
  if (value.type !== AST_NODE_TYPES.CallExpression && value.type !== AST_NODE_TYPES.NewExpression) return false;
  return value.arguments.some(
    (argument) => isFunctionNode(argument) || (argument.type !== AST_NODE_TYPES.SpreadElement && hasCallSignatures(services, argument)),
  );
}

export default createRule<Options, MessageIds>({
  name: 'floating-task',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require promises to be awaited or handled, and tasks kept in variables to be awaited before other work',
      recommended: 'recommended',
      requiresTypeChecking: false,
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: {
      floating:
        'The promise from {{what}} is dropped: nothing awaits it or handles its rejection, so its result is lost and a rejection crashes the process. Await it, return it, end it with `.catch(...)`, or mark it `void` if it is meant to run detached.',
      floatingMaybe:
        '{{what}} returns a promise only in some forms (its type is `{{type}}`); if it returns one here, that promise is dropped and a rejection crashes the process. Await it or end it with `.catch(...)` if this form returns a promise.',
      floatingArray:
        'The promises in the array from {{what}} are dropped: nothing awaits them or handles their rejections. Await them with `Promise.all(...)`, or mark the array `void` if they are meant to run detached.',
      forgottenTask:
        'Task `{{name}}` is started here but never observed: its result and any rejection are lost (a rejection crashes the process). Await it, return it, or pass it on.',
      forgottenTasks:
        'The promises stored in `{{name}}` are started but never observed: their results and rejections are lost (a rejection crashes the process). Await them (`Promise.all`), return them, or pass them on.',
      lateAwait:
        'Task `{{name}}` is not awaited or handled yet when the `await` on line {{line}} waits for something else: if `{{name}}` rejects meanwhile, Node reports an unhandled rejection and exits. Await both together with `Promise.all`, or attach a rejection handler before that `await`.',
      lateAwaitTasks:
        'The promises stored in `{{name}}` are not awaited or handled yet when the `await` on line {{line}} waits for something else: if one rejects meanwhile, Node reports an unhandled rejection and exits. Await them together with that work (`Promise.all`), or handle each one as it is stored.',
      loopThrow:
        'The promises stored in `{{name}}` in this loop are awaited only after it, but the loop can throw part-way (line {{line}}): the promises already started are then never awaited and a rejection crashes the process. Await them in a `finally` (`Promise.allSettled`), or handle each one as it is stored.',
      forEachCallback:
        '`forEach` ignores the promise its callback returns: nothing waits for the work to finish and a rejection crashes the process. Use a `for...of` loop with `await`, or `await Promise.all(xs.map(...))`.',
      voidCallback:
        'This callback returns a promise, but {{callee}} ignores what its callback returns: nothing waits for it and a rejection crashes the process. Catch errors inside the callback, or pass it to an API that awaits it.',
      suggestAwait: 'Add `await` operator.',
      suggestVoid: 'Add `void` operator to mark the promise as intentionally detached.',
      suggestCatch: 'Add `.catch({{handler}})`.',
      suggestAwaitAll: 'Await the promises with `Promise.all`.',
      suggestAwaitTask: 'Add `{{text}}` at the end of the block.',
      suggestVoidInit: 'Add `void` operator to the initialiser to mark the task as intentionally detached.',
      suggestPromiseAll: 'Await `{{name}}` together with the other promise in one `Promise.all`.',
      suggestCatchTask: 'Attach a rejection handler to `{{name}}` right after it starts (the later `await` still throws).',
      suggestMapAll: 'Rewrite as `await Promise.all(… .map(…))` (runs the callbacks concurrently).',
      suggestForOf: 'Rewrite as a `for...of` loop with `await` (runs the callbacks one after another).',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          ignoreVoid: { type: 'boolean', description: 'Whether a `void`-ed promise counts as intentionally detached.' },
          ignoreIIFE: { type: 'boolean', description: 'Whether to ignore async IIFEs (`(async () => { ... })();`).' },
          promiseFunctions: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description: 'More functions that return promises: bare callee names (`query`) or `module.member` entries (`axios.get`).',
          },
          allowFunctions: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description:
              'Functions whose promises may be dropped: bare callee names, callee paths (`describe.only`) or `module.member` entries. Replaces the default list of test-runner functions.',
          },
          catchHandler: {
            type: ['string', 'null'],
            description: 'A function name to offer as `.catch(<name>)` suggestion on floating promises (null: no such suggestion).',
          },
          checkLateAwait: {
            type: 'boolean',
            description: 'Whether to report tasks kept in a variable that are awaited only after an `await` of something else.',
          },
          checkCallbacks: {
            type: 'boolean',
            description: 'Whether to report promise-returning callbacks passed where the return value is ignored (`forEach`, listeners, timers).',
          },
          autofix: {
            type: 'string',
            enum: ['none', 'await'],
            description: '`await` turns the "Add `await`" suggestion into an autofix where `await` is legal.',
          },
          mode: {
            type: 'string',
            enum: ['auto', 'syntactic', 'type-aware'],
            description: 'How promises are recognised: `auto` uses type information when the parser provides it.',
          },
        },
      },
    ],
    defaultOptions: [
      {
        ignoreVoid: true,
        ignoreIIFE: false,
        promiseFunctions: [],
        allowFunctions: TEST_RUNNER_FUNCTIONS,
        catchHandler: null,
        checkLateAwait: true,
        checkCallbacks: true,
        autofix: 'none',
        mode: 'auto',
      },
    ],
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const services = getServices(context, options.mode ?? 'auto');
    let detector: PromiseDetector | null = null;
    const awaitsByOwner = new Map<TSESTree.Node, AwaitPoint[]>();
    const taskWrites: TaskWrite[] = [];

    /** An expression that starts a task (a call, `new`, `import()`) or takes a deferred's promise (`deferred.promise`). */
    function isTaskShape(node: TSESTree.Node): boolean {
      return TASK_SHAPES.has(node.type) || getDeferredPromise(node, sourceCode) !== null;
    }

    function getDetector(): PromiseDetector {
      detector ??= createPromiseDetector(
        sourceCode,
        findPromiseSources(sourceCode, {
          promiseFunctions: options.promiseFunctions ?? [],
          allowFunctions: options.allowFunctions ?? [],
        }),
        services,
      );
      return detector;
    }

    /** Finds the part of a statement's expression that is a floating promise. */
    function findFloatingPart(node: TSESTree.Node, target: TSESTree.Node, inOptionalChain = false): FloatingPart | null {
      switch (node.type) {
        case AST_NODE_TYPES.SequenceExpression:
          for (const expression of node.expressions) {
            const found = findFloatingPart(expression, node === target ? expression : target);
            if (found) return found;
          }
          return null;
        case AST_NODE_TYPES.ConditionalExpression:
          return findFloatingPart(node.consequent, target) ?? findFloatingPart(node.alternate, target);
        case AST_NODE_TYPES.LogicalExpression:
          return findFloatingPart(node.left, target) ?? findFloatingPart(node.right, target);
        case AST_NODE_TYPES.UnaryExpression:
          return node.operator === 'void' && !options.ignoreVoid ? findFloatingPart(node.argument, target) : null;
        case AST_NODE_TYPES.ChainExpression:
          return findFloatingPart(node.expression, target, true);
        case AST_NODE_TYPES.TSAsExpression:
        case AST_NODE_TYPES.TSNonNullExpression:
        case AST_NODE_TYPES.TSSatisfiesExpression:
        case AST_NODE_TYPES.TSTypeAssertion:
          return findFloatingPart(node.expression, target, inOptionalChain);
        default:
          break;
      }
      if (!PROMISE_SHAPES.has(node.type)) return null;
      if (options.ignoreIIFE && isAsyncIife(node)) return null;
      const promises = getDetector();
      if (promises.isAllowed(node)) return null;
      const kind = node.type === AST_NODE_TYPES.ArrayExpression && !services ? null : promises.getPromiseKind(node, inOptionalChain);
      if (kind === 'promise' || kind === 'maybe') {
        if (!promises.canReject(node)) return null;
        if (kind === 'maybe' && services && passesCallback(node, services)) return null;
        return { promise: node, kind, target };
      }
      return promises.isPromiseArray(node) ? { promise: node, kind: 'array', target } : null;
    }

    function checkStatement(statement: TSESTree.ExpressionStatement): void {
      if (statement.directive !== undefined && statement.directive !== null) return;
      const expression = statement.expression;
      if (expression.type === AST_NODE_TYPES.AssignmentExpression || expression.type === AST_NODE_TYPES.AwaitExpression) return;
      const found = findFloatingPart(expression, expression);
      if (!found) return;
      reportFloating(statement, found);
    }

    function reportFloating(statement: TSESTree.ExpressionStatement, found: FloatingPart): void {
      const { target, kind } = found;
      const awaitLegal = isAwaitLegalAt(statement, sourceCode);
      const voidTarget = target.type === AST_NODE_TYPES.UnaryExpression && target.operator === 'void' ? target : null;
      const awaitFix = (fixer: TSESLint.RuleFixer): TSESLint.RuleFix => {
        if (voidTarget) return fixer.replaceTextRange([voidTarget.range[0], voidTarget.range[0] + 'void'.length], 'await');
        if (kind === 'array') return fixer.replaceText(target, `await Promise.all(${sourceCode.getText(target)})`);
        return fixer.replaceText(target, getPrefixedText(sourceCode, target, 'await'));
      };
      const useAutofix = awaitLegal && options.autofix === 'await';
      const suggest: TSESLint.ReportSuggestionArray<MessageIds> = [];
      if (awaitLegal && !useAutofix) suggest.push({ messageId: kind === 'array' ? 'suggestAwaitAll' : 'suggestAwait', fix: awaitFix });
      if (!voidTarget) {
        suggest.push({ messageId: 'suggestVoid', fix: (fixer) => fixer.replaceText(target, getPrefixedText(sourceCode, target, 'void')) });
      }
      const handler = options.catchHandler;
      if (handler && !voidTarget && kind === 'promise') {
        suggest.push({
          messageId: 'suggestCatch',
          data: { handler },
          fix(fixer) {
            const text = getMethodCallText(sourceCode, target, 'catch', handler);
            return fixer.replaceText(target, text.startsWith('(') ? `${getAsiGuard(sourceCode, target)}${text}` : text);
          },
        });
      }
      const messageId = kind === 'array' ? 'floatingArray' : kind === 'maybe' ? 'floatingMaybe' : 'floating';
      const what = describePromise(sourceCode, found.promise);
      context.report({
        node: statement,
        messageId,
        data: { what, type: services && kind === 'maybe' ? getTypeText(services, found.promise) : '' },
        ...(useAutofix ? { fix: awaitFix } : {}),
        suggest,
      });
    }

    /** Records `const t = <value>` and `t = <value>` writes of local variables for the end-of-file analysis. */
    function recordWrite(
      write: TSESTree.VariableDeclarator | TSESTree.AssignmentExpression,
      identifier: TSESTree.Identifier,
      value: TSESTree.Expression,
    ): void {
      const inner = skipValueWrappers(value);
      const isCollection = inner.type === AST_NODE_TYPES.ArrayExpression || inner.type === AST_NODE_TYPES.ObjectExpression;
      if (!isCollection && !isTaskShape(inner)) return;
      if (write.type === AST_NODE_TYPES.AssignmentExpression && isCollection) return;
      const isMapCall =
        inner.type === AST_NODE_TYPES.CallExpression && getCalleeName(inner.callee) === 'map' && inner.callee.type === AST_NODE_TYPES.MemberExpression;
      const holder: TaskHolder = isCollection || isMapCall ? 'collection' : 'promise';
      // Without types, `analyzeTask` drops a single task whose value is not a promise by syntax: skip the scope work for it.
      if (!services && holder === 'promise' && getDetector().getPromiseKind(value) !== 'promise') return;
      const scope = sourceCode.getScope(identifier);
      const variable =
        write.type === AST_NODE_TYPES.VariableDeclarator
          ? sourceCode.getDeclaredVariables(write).find((candidate) => candidate.name === identifier.name)
          : scope.references.find((reference) => reference.identifier === identifier)?.resolved;
      if (!variable || variable.scope.type === TSESLint.Scope.ScopeType.global) return;
      if (variable.defs.some((def) => def.node.type !== AST_NODE_TYPES.VariableDeclarator || isExported(def.node) || isAmbient(def.node))) {
        return;
      }
      taskWrites.push({ variable, write, value, holder });
    }

    function isAmbient(declarator: TSESTree.Node): boolean {
      const declaration = declarator.parent;
      return declaration?.type === AST_NODE_TYPES.VariableDeclaration && declaration.declare;
    }

    function isExported(declarator: TSESTree.Node): boolean {
      const declaration = declarator.parent;
      return declaration?.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration;
    }

    /** A promise the task analysis may report: known, not allowed to float, able to reject; eager for late awaits. */
    function isReportableTask(value: TSESTree.Node, needsEager: boolean): boolean {
      const promises = getDetector();
      if (promises.isAllowed(value) || promises.getPromiseKind(value) !== 'promise' || !promises.canReject(value)) return false;
      if (!needsEager || !services || getThenableKind(services, value) === 'unknown') return true;
      return isNativePromise(services, value);
    }

    function analyzeTask(task: TaskWrite, reported: Set<TSESLint.Scope.Variable>): void {
      if (reported.has(task.variable)) return;
      const observers = getObservingReferences(task.variable, task.holder);
      const name = task.variable.name;
      if (task.holder === 'promise') {
        if (observers.length === 0) {
          if (!isReportableTask(task.value, false)) return;
          reported.add(task.variable);
          reportForgotten(task);
          return;
        }
        if (!options.checkLateAwait) return;
        const owner = getOwnerFunction(task.write);
        const awaits = owner ? awaitsByOwner.get(owner) : undefined;
        // With no `await` in the owner function, nothing can wait before the task is observed.
        const late = awaits ? findLateAwait(task.variable, task.write, 'promise', awaits) : null;
        if (!late || !isReportableTask(task.value, true)) return;
        reported.add(task.variable);
        reportLate(task, late.await, late.observer.identifier as TSESTree.Identifier);
        return;
      }
      const stores = getCollectionStores(task.variable, task.write, task.value, isTaskShape);
      if (stores.length === 0) return;
      const promises = getDetector();
      const isPromiseStore = (store: CollectionStore): boolean =>
        store.value === task.value ? promises.isPromiseArray(store.value) : isReportableTask(store.value, true);
      if (observers.length === 0) {
        if (!stores.some(isPromiseStore)) return;
        reported.add(task.variable);
        reportForgotten(task);
        return;
      }
      if (!options.checkLateAwait) return;
      const writes = [...new Set(stores.map((store) => store.write))];
      for (const write of writes) {
        const owner = getOwnerFunction(write);
        const awaits = owner ? awaitsByOwner.get(owner) : undefined;
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

    function reportForgotten(task: TaskWrite): void {
      const name = task.variable.name;
      const statement = getWriteStatement(task);
      const suggest: TSESLint.ReportSuggestionArray<MessageIds> = [];
      const inner = skipValueWrappers(task.value);
      const awaitText =
        task.holder === 'promise' ? `await ${name};` : inner.type === AST_NODE_TYPES.ObjectExpression ? null : `await Promise.all(${name});`;
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

    function insertAtBlockEndPossible(statement: TSESTree.Node): boolean {
      const parent = statement.parent;
      return parent?.type === AST_NODE_TYPES.BlockStatement || parent?.type === AST_NODE_TYPES.Program;
    }

    function reportLate(task: TaskWrite, other: AwaitPoint, observer: TSESTree.Identifier): void {
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
        if (statement && insertAtBlockEndPossible(statement)) {
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

    function addAwaitPoint(node: TSESTree.AwaitExpression | TSESTree.ForOfStatement): void {
      const owner = getOwnerFunction(node);
      if (!owner) return;
      let points = awaitsByOwner.get(owner);
      if (!points) {
        points = [];
        awaitsByOwner.set(owner, points);
      }
      points.push(getAwaitPoint(node));
    }

    /**
     * The callee's description for the void-callback message, when the argument at `index` is such
     * a callback, and whether only its type says so (a parameter typed to return `void`, not a
     * `forEach`, listener, timer or `new Promise` executor, which are known to ignore it).
     */
    function getVoidCallbackReceiver(
      call: TSESTree.CallExpression | TSESTree.NewExpression,
      index: number,
    ): { text: string; typedOnly: boolean } | null {
      const callee = skipTypeWrappers(call.callee);
      const name = getCalleeName(callee);
      const calleeText = `\`${call.type === AST_NODE_TYPES.NewExpression ? 'new ' : ''}${getCalleePath(callee) ?? name ?? 'the callee'}\``;
      const known = getKnownVoidCallbackReceiver(call, index, calleeText);
      if (services && getThenableKind(services, callee) !== 'unknown') {
        return isVoidCallbackParameter(services, call, index) ? { text: known ?? calleeText, typedOnly: known === null } : null;
      }
      return known === null ? null : { text: known, typedOnly: false };
    }

    /** Receivers known to ignore what their callback returns, by syntax: `new Promise`, listener registrations, timers. */
    function getKnownVoidCallbackReceiver(call: TSESTree.CallExpression | TSESTree.NewExpression, index: number, calleeText: string): string | null {
      const callee = skipTypeWrappers(call.callee);
      const name = getCalleeName(callee);
      if (call.type === AST_NODE_TYPES.NewExpression) {
        const isPromise = callee.type === AST_NODE_TYPES.Identifier && callee.name === 'Promise' && isGlobalReference(callee, sourceCode);
        return isPromise && index === 0 ? '`new Promise`' : null;
      }
      if (name === null) return null;
      if (callee.type === AST_NODE_TYPES.MemberExpression) {
        return LISTENER_METHODS.has(name) && index === 1 && call.arguments.length >= 2 ? calleeText : null;
      }
      return callee.type === AST_NODE_TYPES.Identifier && TIMER_FUNCTIONS.has(name) && index === 0 && isGlobalReference(callee, sourceCode)
        ? calleeText
        : null;
    }

    /** A promise-returning callback (async function, promise-returning arrow, local async function). */
    function isCallbackCandidate(argument: TSESTree.Node): boolean {
      const value = skipTypeWrappers(argument);
      if (isFunctionNode(value)) return value.async || !NEVER_THENABLE_BODIES.has(value.body?.type ?? '');
      if (value.type !== AST_NODE_TYPES.Identifier && value.type !== AST_NODE_TYPES.MemberExpression) return false;
      const fn = getCalledLocalFunction(value, sourceCode);
      return fn !== null && isAsyncFunction(fn);
    }

    /** Without types only `forEach` and the receivers `getKnownVoidCallbackReceiver` knows can be reported: a cheap look at the callee's name first. */
    function mayIgnoreCallbackResult(call: TSESTree.CallExpression | TSESTree.NewExpression, callee: TSESTree.Node): boolean {
      if (callee.type === AST_NODE_TYPES.Identifier) {
        return call.type === AST_NODE_TYPES.NewExpression ? callee.name === 'Promise' : TIMER_FUNCTIONS.has(callee.name);
      }
      if (call.type === AST_NODE_TYPES.NewExpression || callee.type !== AST_NODE_TYPES.MemberExpression || call.arguments.length < 2) return false;
      const name = getCalleeName(callee);
      return name !== null && LISTENER_METHODS.has(name);
    }

    function checkCallbacks(call: TSESTree.CallExpression | TSESTree.NewExpression): void {
      if (call.arguments.length === 0) return;
      const callee = skipTypeWrappers(call.callee);
      const isForEach = call.type === AST_NODE_TYPES.CallExpression && callee.type === AST_NODE_TYPES.MemberExpression && getCalleeName(callee) === 'forEach';
      if (!services && !isForEach && !mayIgnoreCallbackResult(call, callee)) return;
      call.arguments.forEach((argument, index) => {
        if (isForEach && index !== 0) return;
        if (!services && !isForEach && index !== (callee.type === AST_NODE_TYPES.MemberExpression ? 1 : 0)) return;
        if (!isCallbackCandidate(argument)) return;
        // The receiver is cheaper to rule out than the callback's return type (which makes the checker resolve the call).
        const receiver = isForEach ? null : getVoidCallbackReceiver(call, index);
        if (!isForEach && receiver === null) return;
        const callback = getDetector().getPromiseCallback(argument);
        if (!callback) return;
        if (isForEach && call.type === AST_NODE_TYPES.CallExpression) {
          reportForEach(call, argument);
          return;
        }
        if (receiver === null) return;
        if (callback.fn && getDetector().isNonRejectingFunction(callback.fn)) return;
        // A parameter merely typed `() => void` may still be awaited by its API: report only a visible rejection.
        if (receiver.typedOnly && !getDetector().hasCallbackRejectionEvidence(argument)) return;
        context.report({ node: argument, messageId: 'voidCallback', data: { callee: receiver.text } });
      });
    }

    function reportForEach(call: TSESTree.CallExpression, argument: TSESTree.Node): void {
      const forEach = getForEachStatement(call);
      const suggest: TSESLint.ReportSuggestionArray<MessageIds> = [];
      if (forEach && isAwaitLegalAt(forEach.statement, sourceCode)) {
        suggest.push({ messageId: 'suggestMapAll', fix: (fixer) => getMapAllFix(fixer, forEach) });
        const forOf = getForOfText(sourceCode, forEach);
        if (forOf !== null) suggest.push({ messageId: 'suggestForOf', fix: (fixer) => fixer.replaceText(forEach.statement, forOf) });
      }
      context.report({ node: argument, messageId: 'forEachCallback', suggest });
    }

    return {
      ExpressionStatement: checkStatement,
      AwaitExpression: addAwaitPoint,
      'ForOfStatement[await=true]': addAwaitPoint,
      VariableDeclarator(node) {
        const declaration = node.parent;
        if (declaration.kind !== 'const' && declaration.kind !== 'let' && declaration.kind !== 'var') return;
        if (declaration.declare || node.id.type !== AST_NODE_TYPES.Identifier || !node.init) return;
        recordWrite(node, node.id, node.init);
      },
      AssignmentExpression(node) {
        if (node.operator !== '=' || node.left.type !== AST_NODE_TYPES.Identifier) return;
        recordWrite(node, node.left, node.right);
      },
      CallExpression(node) {
        if (options.checkCallbacks) checkCallbacks(node);
      },
      NewExpression(node) {
        if (options.checkCallbacks) checkCallbacks(node);
      },
      'Program:exit'() {
        const reported = new Set<TSESLint.Scope.Variable>();
        for (const task of taskWrites) analyzeTask(task, reported);
      },
    };
  },
});

function getServices(
  context: Readonly<TSESLint.RuleContext<MessageIds, Options>>,
  mode: 'auto' | 'syntactic' | 'type-aware',
): ParserServicesWithTypeInformation | null {
  if (mode === 'syntactic') return null;
  // Without type information this throws typescript-eslint's own explanation of how to enable it.
  if (mode === 'type-aware') return ESLintUtils.getParserServices(context);
  const services = context.sourceCode.parserServices;
  if (!services?.program || !services.esTreeNodeToTSNodeMap || !services.tsNodeToESTreeNodeMap) return null;
  return ESLintUtils.getParserServices(context);
}
