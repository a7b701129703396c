import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { addAwait } from '../fixes/add-await.js';
import { getAsiGuard } from '../fixes/asi.js';
import { describeFunction } from '../ast/function-name.js';
import { getAsyncContext, hasTopLevelAwait, type AsyncContext } from '../blocking/async-context.js';
import type { FunctionNode } from '../ast/function-node.js';
import {
  getAlternativeText,
  getBlockingReferenceMap,
  SLEEP_ADVICE,
  type BlockingApi,
} from '../blocking/blocking-apis.js';
import { isBusyWaitLoop, type BusyWaitLoop } from '../blocking/busy-wait.js';
import {
  getArgumentListText,
  getModuleObjectNode,
  isInsideOptionalCallee,
  isModuleBindingReachableAt,
} from '../fixes/call-rewrite.js';
import { createRule } from './create-rule.js';
import { ensureImport, findImportedBinding } from '../modules/ensure-import.js';
import { findGlobalMemberCalls } from '../scope/global-member-calls.js';
import { findModuleMemberReferences } from '../modules/module-tracker.js';
import { stripNodePrefix } from '../modules/builtin-modules.js';
import { canBeMemberObject } from '../fixes/precedence.js';

export type Options = [
  {
    /** `module.member` names never to report (`fs.existsSync`), with or without `node:`. */
    allow?: string[];
    /** More blocking module members to report, optionally with an async replacement in the same module. */
    extraFunctions?: { module: string; names: string[]; replacement?: string }[];
    /** Report blocking calls at the top level of modules that use top-level `await`. */
    checkTopLevelAwaitModules?: boolean;
    /** Report blocking calls in sync array-method callbacks and `new Promise` executors inside async code. */
    checkArrayCallbacks?: boolean;
  },
];

export type MessageIds = 'blockingCall' | 'busyWait' | 'replaceWithAccess' | 'replaceWithPromisifiedExec';

type RuleContext = Readonly<TSESLint.RuleContext<MessageIds, Options>>;
type SourceCode = Readonly<TSESLint.SourceCode>;
type AwaitableApi = Extract<BlockingApi, { kind: 'awaitable' }>;

const MEMBER_NAME_PATTERN = '^[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)*$';
const IDENTIFIER_PATTERN = '^[A-Za-z_$][\\w$]*$';

export default createRule<Options, MessageIds>({
  name: 'no-sync-in-async',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow blocking synchronous I/O, `Atomics.wait` and busy-wait loops inside async code',
      recommended: 'recommended',
      requiresTypeChecking: false,
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: {
      blockingCall: '`{{name}}` blocks the event loop inside {{where}}; use {{alternative}}.',
      busyWait: 'This busy-wait loop blocks the event loop inside {{where}}; use {{alternative}}.',
      replaceWithAccess: 'Replace with `await access(…).then(() => true, () => false)` from `node:fs/promises`.',
      replaceWithPromisifiedExec:
        'Replace with `promisify({{asyncName}})` from `node:child_process`; note that it resolves to a string (not a Buffer) unless `encoding` is set, and captures stderr instead of printing it.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          allow: {
            type: 'array',
            description: 'Module members never to report, as `module.member` (`fs.existsSync`, `node:child_process.execSync`, `Atomics.wait`).',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
          },
          extraFunctions: {
            type: 'array',
            description: 'More blocking module members to report.',
            items: {
              type: 'object',
              properties: {
                module: { type: 'string', minLength: 1, description: 'Module specifier (`fs-extra`, or a built-in with or without `node:`).' },
                names: {
                  type: 'array',
                  description: 'Blocking members of the module (`readJsonSync`, or a path like `sync.read`).',
                  items: { type: 'string', pattern: MEMBER_NAME_PATTERN },
                  minItems: 1,
                  uniqueItems: true,
                },
                replacement: {
                  type: 'string',
                  pattern: IDENTIFIER_PATTERN,
                  description:
                    'Promise-returning member of the same module that takes the same arguments and resolves to the same value; enables the autofix `await <replacement>(...)` for every name of the entry.',
                },
              },
              required: ['module', 'names'],
              additionalProperties: false,
            },
          },
          checkTopLevelAwaitModules: {
            type: 'boolean',
            description: 'Also report at the top level of ES modules that use top-level `await`.',
          },
          checkArrayCallbacks: {
            type: 'boolean',
            description: 'Also report in sync callbacks of array methods and `new Promise` executors inside async code.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ allow: [], extraFunctions: [], checkTopLevelAwaitModules: false, checkArrayCallbacks: true }],
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const allowed = new Set((options.allow ?? []).map(stripNodePrefix));
    let topLevelAwait: boolean | undefined;
    const contextOptions = {
      checkArrayCallbacks: options.checkArrayCallbacks !== false,
      checkTopLevelAwaitModules: options.checkTopLevelAwaitModules === true,
      hasTopLevelAwait: () => (topLevelAwait ??= hasTopLevelAwait(sourceCode)),
    };
    /** `Date.now()` / `performance.now()` calls that reach the real clock, found in `Program`. */
    const clockCalls = new Set<TSESTree.Node>();

    function checkLoop(loop: BusyWaitLoop): void {
      if (clockCalls.size === 0) return;
      const asyncContext = getAsyncContext(loop, contextOptions);
      if (!asyncContext) return;
      if (!isBusyWaitLoop(loop, (call) => clockCalls.has(call))) return;
      const headerEnd =
        loop.type === AST_NODE_TYPES.DoWhileStatement ? loop.loc.end : (sourceCode.getTokenBefore(loop.body)?.loc.end ?? loop.loc.end);
      context.report({
        node: loop,
        loc: { start: loop.loc.start, end: headerEnd },
        messageId: 'busyWait',
        data: { where: describeContext(asyncContext, sourceCode), alternative: SLEEP_ADVICE },
      });
    }

    return {
      Program() {
        const references = findModuleMemberReferences(sourceCode, getBlockingReferenceMap(options.extraFunctions ?? []), {
          builtin: true,
          types: ['call'],
        });
        for (const reference of references) {
          if (reference.info.kind === 'clock') {
            clockCalls.add(reference.node);
            continue;
          }
          if (reference.node.type !== AST_NODE_TYPES.CallExpression) continue;
          if (allowed.has(`${stripNodePrefix(reference.module)}.${reference.member}`)) continue;
          reportBlockingCall(context, reference.node, reference.info.api, {
            name: reference.member === 'default' ? reference.module : reference.member,
            memberPath: reference.member === 'default' ? [] : reference.member.split('.'),
            contextOptions,
          });
        }
        const sleep: BlockingApi = { kind: 'advice', advice: SLEEP_ADVICE };
        const clock = { kind: 'clock' as const };
        const globals = findGlobalMemberCalls<{ kind: 'clock' } | { kind: 'blocking'; api: BlockingApi }>(sourceCode, {
          Atomics: { wait: { kind: 'blocking', api: sleep } },
          Date: { now: clock },
          performance: { now: clock },
        });
        for (const { node, path, info } of globals) {
          if (info.kind === 'clock') {
            clockCalls.add(node);
          } else if (!allowed.has(path)) {
            reportBlockingCall(context, node, info.api, { name: path, memberPath: [], contextOptions });
          }
        }
      },
      WhileStatement: checkLoop,
      DoWhileStatement: checkLoop,
      ForStatement: checkLoop,
    };
  },
});

interface ReportOptions {
  /** The member as the message names it (`readFileSync`, `realpathSync.native`, `Atomics.wait`). */
  name: string;
  /** The member steps from the module object to the called function (`['realpathSync', 'native']`). */
  memberPath: readonly string[];
  contextOptions: Parameters<typeof getAsyncContext>[1];
}

function reportBlockingCall(
  context: RuleContext,
  call: TSESTree.CallExpression,
  api: BlockingApi,
  { name, memberPath, contextOptions }: ReportOptions,
): void {
  const sourceCode = context.sourceCode;
  const asyncContext = getAsyncContext(call, contextOptions);
  if (!asyncContext) return;
  const data = { name, where: describeContext(asyncContext, sourceCode), alternative: getAlternativeText(api) };
  const rewrite = asyncContext.awaitLegal ? getRewrite(context, call, api, memberPath) : null;
  context.report({
    node: call,
    messageId: 'blockingCall',
    data,
    fix: rewrite?.kind === 'fix' ? rewrite.fix : null,
    suggest: rewrite?.kind === 'suggestion' ? [rewrite.suggestion] : [],
  });
}

type Rewrite =
  | { kind: 'fix'; fix: TSESLint.ReportFixFunction }
  | { kind: 'suggestion'; suggestion: TSESLint.SuggestionReportDescriptor<MessageIds> };

function getRewrite(context: RuleContext, call: TSESTree.CallExpression, api: BlockingApi, memberPath: readonly string[]): Rewrite | null {
  const sourceCode = context.sourceCode;
  if (api.kind === 'advice' || isInsideOptionalCallee(call) || hasCallbackArgument(call)) return null;
  const argumentList = getArgumentListText(sourceCode, call);
  if (argumentList === null) return null;
  const moduleObject = getModuleObjectNode(call, memberPath);
  switch (api.kind) {
    case 'awaitable': {
      if (!canPassArgumentsTo(context, call, api)) return null;
      return {
        kind: 'fix',
        fix: (fixer) => {
          const callee = getAwaitableCallee(fixer, sourceCode, call, api, moduleObject);
          if (!callee) return null;
          return [fixer.replaceText(call, addAwait(sourceCode, call, `${callee.reference}${argumentList}`)), ...callee.fixes];
        },
      };
    }
    case 'exists': {
      const access: AwaitableApi = { kind: 'awaitable', asyncModule: 'fs/promises', asyncName: 'access', viaFsPromises: true };
      return {
        kind: 'suggestion',
        suggestion: {
          messageId: 'replaceWithAccess',
          fix: (fixer) => {
            const callee = getAwaitableCallee(fixer, sourceCode, call, access, moduleObject);
            if (!callee) return null;
            const replacement = `${callee.reference}${argumentList}.then(() => true, () => false)`;
            return [fixer.replaceText(call, addAwait(sourceCode, call, replacement)), ...callee.fixes];
          },
        },
      };
    }
    case 'exec': {
      if (hasOptionUnsupportedByExec(call)) return null;
      return {
        kind: 'suggestion',
        suggestion: {
          messageId: 'replaceWithPromisifiedExec',
          data: { asyncName: api.asyncName },
          fix: (fixer) => {
            const exec = getModuleMemberReference(fixer, sourceCode, call, { module: 'child_process', name: api.asyncName }, moduleObject);
            const promisify = getModuleMemberReference(fixer, sourceCode, call, { module: 'util', name: 'promisify' }, null);
            if (!exec || !promisify) return null;
            const awaited = `await ${promisify.reference}(${exec.reference})${argumentList}`;
            const replacement =
              call.parent.type === AST_NODE_TYPES.ExpressionStatement
                ? awaited
                : `${getAsiGuard(sourceCode, call)}(${awaited}).stdout`;
            return [fixer.replaceText(call, replacement), ...exec.fixes, ...promisify.fixes];
          },
        },
      };
    }
  }
}

interface CalleeText {
  reference: string;
  fixes: TSESLint.RuleFix[];
}

/**
 * How to reach the async function at `call`, in order: an existing binding of its module
 * (`import { readFile } from 'node:fs/promises'`, `import fsp from 'fs/promises'`, and for
 * `fs/promises` also `fs.promises` bindings such as `const fsp = require('fs').promises`); the
 * module object the sync call was spelled through (`X.promises.readFile`, `fse.readJson`); a new
 * import. Null when the only binding is shadowed at the call.
 */
function getAwaitableCallee(
  fixer: TSESLint.RuleFixer,
  sourceCode: SourceCode,
  call: TSESTree.CallExpression,
  api: AwaitableApi,
  moduleObject: TSESTree.Expression | null,
): CalleeText | null {
  const existing = findImportedBinding(sourceCode, { module: api.asyncModule, name: api.asyncName });
  if (existing !== null && isModuleBindingReachableAt(sourceCode, call, existing)) return { reference: existing, fixes: [] };
  if (api.viaFsPromises) {
    const promises = findFsPromisesBinding(sourceCode);
    if (promises !== null && isModuleBindingReachableAt(sourceCode, call, promises)) {
      return { reference: `${promises}.${api.asyncName}`, fixes: [] };
    }
  }
  if (moduleObject) {
    const objectText = sourceCode.getText(moduleObject);
    const path = api.viaFsPromises ? `promises.${api.asyncName}` : api.asyncName;
    return { reference: `${canBeMemberObject(moduleObject, sourceCode) ? objectText : `(${objectText})`}.${path}`, fixes: [] };
  }
  if (existing !== null) return null;
  const ensured = ensureImport(fixer, sourceCode, { module: api.asyncModule, name: api.asyncName });
  return { reference: ensured.reference, fixes: ensured.fix ? [ensured.fix] : [] };
}

/** `child_process.exec`, `util.promisify`: an existing binding, the namespace the call came through, or a new import. */
function getModuleMemberReference(
  fixer: TSESLint.RuleFixer,
  sourceCode: SourceCode,
  call: TSESTree.CallExpression,
  request: { module: string; name: string },
  moduleObject: TSESTree.Expression | null,
): CalleeText | null {
  return getAwaitableCallee(
    fixer,
    sourceCode,
    call,
    { kind: 'awaitable', asyncModule: request.module, asyncName: request.name, viaFsPromises: false },
    moduleObject,
  );
}

/**
 * A binding of `fs.promises` itself: `import { promises as fsp } from 'fs'`,
 * `const { promises } = require('fs')`, `const fsp = require('fs').promises`. (The `fs` module
 * object's `X.promises` is used only when the call itself was spelled through `X`.)
 */
function findFsPromisesBinding(sourceCode: SourceCode): string | null {
  const named = findImportedBinding(sourceCode, { module: 'fs', name: 'promises' });
  if (named !== null && !named.includes('.')) return named;
  return findRequiredFsPromises(sourceCode);
}

/** A top-level `const fsp = require('fs').promises` (or `node:fs`). */
function findRequiredFsPromises(sourceCode: SourceCode): string | null {
  for (const statement of sourceCode.ast.body) {
    if (statement.type !== AST_NODE_TYPES.VariableDeclaration) continue;
    for (const declarator of statement.declarations) {
      const init = declarator.init;
      if (
        declarator.id.type === AST_NODE_TYPES.Identifier &&
        init?.type === AST_NODE_TYPES.MemberExpression &&
        ASTUtils.getPropertyName(init) === 'promises' &&
        init.object.type === AST_NODE_TYPES.CallExpression &&
        init.object.callee.type === AST_NODE_TYPES.Identifier &&
        init.object.callee.name === 'require' &&
        init.object.arguments.length === 1 &&
        init.object.arguments[0]?.type === AST_NODE_TYPES.Literal &&
        (init.object.arguments[0].value === 'fs' || init.object.arguments[0].value === 'node:fs')
      ) {
        return declarator.id.name;
      }
    }
  }
  return null;
}

function hasCallbackArgument(call: TSESTree.CallExpression): boolean {
  return call.arguments.some(
    (argument) =>
      argument.type === AST_NODE_TYPES.ArrowFunctionExpression || argument.type === AST_NODE_TYPES.FunctionExpression,
  );
}

/** `execSync(cmd, { input })` and `{ stdio }` have no `exec` equivalent. */
function hasOptionUnsupportedByExec(call: TSESTree.CallExpression): boolean {
  return call.arguments.some(
    (argument) =>
      argument.type === AST_NODE_TYPES.ObjectExpression &&
      argument.properties.some((property) => {
        if (property.type === AST_NODE_TYPES.SpreadElement) return false;
        const key = ASTUtils.getPropertyName(property);
        return key === 'input' || key === 'stdio';
      }),
  );
}

/** Whether the promise API accepts the call's arguments unchanged. */
function canPassArgumentsTo(context: RuleContext, call: TSESTree.CallExpression, api: AwaitableApi): boolean {
  const [first, second] = call.arguments;
  const constrained = api.hasThrowIfNoEntryOption === true || api.acceptsFileDescriptor === true;
  if (constrained && call.arguments.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) return false;
  if (api.hasThrowIfNoEntryOption && second && !isOptionsWithoutThrowIfNoEntry(second)) return false;
  if (api.acceptsFileDescriptor && first && mayBeFileDescriptor(context, first)) return false;
  return true;
}

function isOptionsWithoutThrowIfNoEntry(node: TSESTree.CallExpressionArgument): boolean {
  return (
    node.type === AST_NODE_TYPES.ObjectExpression &&
    node.properties.every(
      (property) => property.type === AST_NODE_TYPES.Property && ASTUtils.getPropertyName(property) !== 'throwIfNoEntry' && ASTUtils.getPropertyName(property) !== null,
    )
  );
}

const FILE_DESCRIPTOR_NAME = /^fd$|^fd[A-Z_]|Fd$|_fd$/;

/**
 * The `fs/promises` functions take a path or a `FileHandle`, never a numeric descriptor:
 * `readFileSync(0)`, `readFileSync(process.stdin.fd)`, `writeFileSync(fd, data)`, or (with type
 * information) any number-typed first argument keeps the sync call unfixed.
 */
function mayBeFileDescriptor(context: RuleContext, node: TSESTree.CallExpressionArgument): boolean {
  if (node.type === AST_NODE_TYPES.Literal) return typeof node.value === 'number';
  if (node.type === AST_NODE_TYPES.Identifier && FILE_DESCRIPTOR_NAME.test(node.name)) return true;
  if (node.type === AST_NODE_TYPES.MemberExpression) {
    const property = ASTUtils.getPropertyName(node);
    if (property !== null && FILE_DESCRIPTOR_NAME.test(property)) return true;
  }
  return hasNumberType(context, node);
}

function hasNumberType(context: RuleContext, node: TSESTree.Node): boolean {
  const services = context.sourceCode.parserServices;
  const program = services?.program;
  const tsNode = services?.esTreeNodeToTSNodeMap?.get(node);
  if (!program || !tsNode) return false;
  const checker = program.getTypeChecker();
  const numberType = checker.getNumberType();
  const type = checker.getTypeAtLocation(tsNode);
  const parts = type.isUnion() ? type.types : [type];
  return parts.some((part) => checker.getBaseTypeOfLiteralType(part) === numberType);
}

/** "async function `loadConfig`", "a `.map` callback in async function `loadAll`", ... */
function describeContext(asyncContext: AsyncContext, sourceCode: SourceCode): string {
  switch (asyncContext.kind) {
    case 'async-function':
    case 'top-level-await':
      return asyncContext.asyncFunction
        ? describeFunction(asyncContext.asyncFunction, sourceCode)
        : 'the top level of a module that uses top-level `await`';
    case 'sync-callback':
      return `${describeCallback(asyncContext.enclosingFunction)} in ${describeFunction(asyncContext.asyncFunction, sourceCode)}`;
    case 'promise-callback':
      return describeCallback(asyncContext.enclosingFunction);
  }
}

function describeCallback(fn: FunctionNode | null): string {
  const call = fn?.parent;
  if (call?.type === AST_NODE_TYPES.NewExpression) return 'a `new Promise` executor';
  if (call?.type === AST_NODE_TYPES.CallExpression && call.callee.type === AST_NODE_TYPES.MemberExpression) {
    const method = ASTUtils.getPropertyName(call.callee);
    if (method) return `a \`.${method}\` callback`;
  }
  return 'a callback';
}
