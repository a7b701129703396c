import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { addAwait } from '../fixes/add-await.js';
import { getAsiGuard } from '../fixes/asi.js';
import { hasTopLevelAwait, type AsyncContextOptions } from '../blocking/async-context.js';
import { getReportDecision, REPORT_IN_VALUES, type ReportDecision, type ReportIn } from '../blocking/report-scope.js';
import { describeConcurrentContext } from '../blocking/describe-run-context.js';
import type { FunctionNode } from '../ast/function-node.js';
import {
  getAlternativeText,
  mayMentionBlockingModules,
  mayMentionClocks,
  CLOCK_REFERENCE_MAP,
  getBlockingReferenceMap,
  ALLOW_OPTION_SCHEMA,
  getExtraFunctionsSchema,
  SLEEP_ADVICE,
  type BlockingApi,
  type ExtraFunction,
} from '../blocking/blocking-apis.js';
import { isBusyWaitLoop, type BusyWaitLoop } from '../blocking/busy-wait.js';
import { getFileFacts, MemberCallCollector } from '../blocking/file-facts.js';
import {
  getArgumentListText,
  getModuleObjectNode,
  isInsideOptionalCallee,
  isModuleBindingReachableAt,
} from '../fixes/call-rewrite.js';
import { createRule } from '../create-rule.js';
import { canPassArgumentsTo, hasCallbackArgument, hasOptionUnsupportedByExec } from './no-sync-in-async/argument-checks.js';
import { findFsPromisesBinding } from './no-sync-in-async/fs-promises-binding.js';
import { ensureImport, findImportedBinding } from '../modules/ensure-import.js';
import { findGlobalMemberCalls, type GlobalMemberMap } from '../scope/global-member-calls.js';
import { findModuleMemberReferences } from '../modules/module-tracker.js';
import { stripNodePrefix } from '../modules/builtin-modules.js';
import { canBeMemberObject } from '../fixes/precedence.js';
import { getStringEnumSchema } from '../options/readable-schema.js';

export type Options = [
  {
    /** `module.member` names never to report (`fs.existsSync`), with or without `node:`. */
    allow?: string[];
    /** More blocking module members to report, optionally with an async replacement in the same module. */
    extraFunctions?: ExtraFunction[];
    /** Report blocking calls at the top level of modules that use top-level `await`. */
    checkTopLevelAwaitModules?: boolean;
    /** Report blocking calls in sync array-method callbacks and `new Promise` executors inside async code. */
    checkArrayCallbacks?: boolean;
    /** Where to report: concurrent paths and unknown async code (default), every async function too, or every function. */
    reportIn?: ReportIn;
  },
];

export type MessageIds =
  | 'blockingCall'
  | 'blockingCallConcurrent'
  | 'busyWait'
  | 'busyWaitConcurrent'
  | 'makeHandlerAsync'
  | 'replaceWithAccess'
  | 'replaceWithPromisifiedExec';

type RuleContext = Readonly<TSESLint.RuleContext<MessageIds, Options>>;
type SourceCode = Readonly<TSESLint.SourceCode>;
type AwaitableApi = Extract<BlockingApi, { kind: 'awaitable' }>;


export default createRule<Options, MessageIds>({
  name: 'no-sync-in-async',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow blocking synchronous I/O, `Atomics.wait` and busy-wait loops inside async code',
      recommended: 'recommended',
      requiresTypeChecking: false,
      strictOptions: [{ reportIn: 'async-functions' }],
      allOptions: [{ reportIn: 'all-functions', checkTopLevelAwaitModules: true }],
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: {
      blockingCall: '`{{name}}` holds the thread in {{where}}: other requests wait until it finishes. Use {{alternative}}.',
      blockingCallConcurrent: '`{{name}}` holds the thread and {{runs}}: {{waiters}}. Use {{alternative}}.',
      busyWait: 'This busy-wait loop holds the thread in {{where}}: other requests wait until it finishes. Use {{alternative}}.',
      busyWaitConcurrent: 'This busy-wait loop holds the thread and {{runs}}: {{waiters}}. Use {{alternative}}.',
      makeHandlerAsync: 'Make the handler async and use `await {{asyncName}}` (its framework awaits the promise a handler returns).',
      replaceWithAccess:
        'Replace with `await access(…).then(() => true, () => false)` from `node:fs/promises` (a suggestion, not a fix: `access` rejects where `existsSync` returned false, so check what the result guards).',
      replaceWithPromisifiedExec:
        'Replace with `promisify({{asyncName}})` from `node:child_process`; note that it resolves to a string (not a Buffer) unless `encoding` is set, and captures stderr instead of printing it.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          allow: ALLOW_OPTION_SCHEMA,
          extraFunctions: getExtraFunctionsSchema('blocking'),
          checkTopLevelAwaitModules: {
            type: 'boolean',
            description: 'Also report at the top level of ES modules that use top-level `await`.',
          },
          checkArrayCallbacks: {
            type: 'boolean',
            description: 'Also report in sync callbacks of array methods and `new Promise` executors inside async code.',
          },
          reportIn: getStringEnumSchema(
            REPORT_IN_VALUES,
            "Where to report, one of `concurrent-paths`, `async-functions`, `all-functions`: `concurrent-paths` (request handlers, listeners, job processors, fan-out items, and async code whose context is unknown; silent on sequential paths), `async-functions` (also every async function, even in a CLI or a build step), `all-functions` (every function body).",
          ),
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [
      { allow: [], extraFunctions: [], checkTopLevelAwaitModules: false, checkArrayCallbacks: true, reportIn: 'concurrent-paths' },
    ],
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const allowed = new Set((options.allow ?? []).map(stripNodePrefix));
    const tracksModules = mayMentionBlockingModules(sourceCode.text, options.extraFunctions ?? []);
    /** `Date.now()` / `performance.now()` calls that reach the real clock: `perf_hooks` with the blocking calls, the globals at the first loop. */
    const clockCalls = new Set<TSESTree.Node>();
    // The blocking calls are found before the walk (from the scopes), so a file without one skips it.
    const calls = [
      ...(tracksModules ? findBlockingModuleCalls(sourceCode, options.extraFunctions ?? [], allowed, clockCalls) : []),
      // `Atomic`, not `Atomics`: V8 searches a needle of seven or more characters by a slower method (4 ms against 1 over the corpus).
      ...(sourceCode.text.includes('Atomic') ? findAtomicsWaits(sourceCode, allowed) : []),
    ];
    const checksLoops = mayMentionClocks(sourceCode.text);
    if (calls.length === 0 && !checksLoops) return {};
    let topLevelAwait: boolean | undefined;
    const contextOptions: AsyncContextOptions = {
      checkArrayCallbacks: options.checkArrayCallbacks !== false,
      checkTopLevelAwaitModules: options.checkTopLevelAwaitModules === true,
      hasTopLevelAwait: () => (topLevelAwait ??= hasTopLevelAwait(sourceCode)),
    };
    const scope = { context, reportIn: options.reportIn ?? 'concurrent-paths', asyncOptions: contextOptions };
    let globalClocksFound = false;

    /**
     * The global clocks matter only to a loop, and only the ones the file spells are looked for.
     * The `perf_hooks` clock is found with the blocking calls; a file without those tracks it alone.
     */
    function addGlobalClockCalls(): void {
      globalClocksFound = true;
      if (!tracksModules && sourceCode.text.includes('perf_hooks')) {
        for (const { node } of findModuleMemberReferences(sourceCode, CLOCK_REFERENCE_MAP, { builtin: true, types: ['call'] })) clockCalls.add(node);
      }
      const members: GlobalMemberMap<true> = {};
      for (const name of ['Date', 'performance']) if (sourceCode.text.includes(name)) members[name] = { now: true };
      if (Object.keys(members).length === 0) return;
      for (const { node } of findGlobalMemberCalls(sourceCode, members)) clockCalls.add(node);
    }

    function checkLoop(loop: BusyWaitLoop): void {
      // With every call taken for a clock, a loop that still is no busy wait never is one (most loops): the clocks need no finding.
      if (!isBusyWaitLoop(loop, () => true)) return;
      if (!globalClocksFound) addGlobalClockCalls();
      if (clockCalls.size === 0) return;
      if (!isBusyWaitLoop(loop, (call) => clockCalls.has(call))) return;
      const decision = getReportDecision(loop, scope);
      if (!decision) return;
      const headerEnd =
        loop.type === AST_NODE_TYPES.DoWhileStatement ? loop.loc.end : (sourceCode.getTokenBefore(loop.body)?.loc.end ?? loop.loc.end);
      const loc = { start: loop.loc.start, end: headerEnd };
      const alternative = getAlternativeText({ kind: 'advice', advice: SLEEP_ADVICE }, decision.awaitLegal) + decision.hint;
      if (decision.kind === 'concurrent') {
        const { runs, waiters } = describeConcurrentContext(decision.context, sourceCode);
        context.report({ node: loop, loc, messageId: 'busyWaitConcurrent', data: { runs, waiters, alternative } });
      } else {
        context.report({ node: loop, loc, messageId: 'busyWait', data: { where: decision.where, alternative } });
      }
    }

    // Decided at the end, when the member calls the walk collected tell where methods are called from.
    const memberCalls = new MemberCallCollector();
    const loops: BusyWaitLoop[] = [];
    const addLoop = (loop: BusyWaitLoop): void => {
      loops.push(loop);
    };
    const listeners: TSESLint.RuleListener = {
      'Program:exit'() {
        if (calls.length > 0) {
          getFileFacts(sourceCode, { filename: context.filename, cwd: context.cwd }).provideMemberCalls(memberCalls);
          for (const call of calls) reportBlockingCall(context, call.node, call.api, { ...call.naming, scope });
        }
        for (const loop of loops) checkLoop(loop);
      },
    };
    if (calls.length > 0) listeners.CallExpression = memberCalls.add;
    if (checksLoops) Object.assign(listeners, { WhileStatement: addLoop, DoWhileStatement: addLoop, ForStatement: addLoop });
    return listeners;
  },
});

interface ReportOptions {
  /** The member as the message names it (`readFileSync`, `realpathSync.native`, `Atomics.wait`). */
  name: string;
  /** The member steps from the module object to the called function (`['realpathSync', 'native']`). */
  memberPath: readonly string[];
  scope: Omit<Parameters<typeof getReportDecision>[1], 'context'>;
}

interface BlockingCall {
  node: TSESTree.CallExpression;
  api: BlockingApi;
  /** How the report names the call: the member (`readFileSync`) and its path in the module. */
  naming: Pick<ReportOptions, 'name' | 'memberPath'>;
}

const SLEEP_API: BlockingApi = { kind: 'advice', advice: SLEEP_ADVICE };

/**
 * The file's calls of blocking module members (in any import spelling) that `allow` does not
 * exempt. The `perf_hooks` clock calls the same tracking finds go to `clockCalls`.
 */
function findBlockingModuleCalls(
  sourceCode: SourceCode,
  extraFunctions: readonly ExtraFunction[],
  allowed: ReadonlySet<string>,
  clockCalls: Set<TSESTree.Node>,
): BlockingCall[] {
  const calls: BlockingCall[] = [];
  for (const reference of findModuleMemberReferences(sourceCode, getBlockingReferenceMap(extraFunctions), { builtin: true, types: ['call'] })) {
    if (reference.info.kind === 'clock') {
      clockCalls.add(reference.node);
      continue;
    }
    if (reference.node.type !== AST_NODE_TYPES.CallExpression) continue;
    if (allowed.has(`${stripNodePrefix(reference.module)}.${reference.member}`)) continue;
    const isModule = reference.member === 'default';
    calls.push({
      node: reference.node,
      api: reference.info.api,
      naming: { name: isModule ? reference.module : reference.member, memberPath: isModule ? [] : reference.member.split('.') },
    });
  }
  return calls;
}

/** The global `Atomics.wait` calls (any spelling) that `allow` does not exempt. */
function findAtomicsWaits(sourceCode: SourceCode, allowed: ReadonlySet<string>): BlockingCall[] {
  return findGlobalMemberCalls(sourceCode, { Atomics: { wait: true } })
    .filter(({ path }) => !allowed.has(path))
    .map(({ node, path }) => ({ node, api: SLEEP_API, naming: { name: path, memberPath: [] } }));
}

function reportBlockingCall(
  context: RuleContext,
  call: TSESTree.CallExpression,
  api: BlockingApi,
  { name, memberPath, scope }: ReportOptions,
): void {
  const sourceCode = context.sourceCode;
  const decision = getReportDecision(call, { ...scope, context });
  if (!decision) return;
  const alternative = getAlternativeText(api, decision.awaitLegal) + decision.hint;
  const rewrite = decision.awaitLegal ? getRewrite(context, call, api, memberPath) : getHandlerRewrite(context, call, api, memberPath, decision);
  context.report({
    node: call,
    ...(decision.kind === 'concurrent'
      ? { messageId: 'blockingCallConcurrent', data: { name, ...describeConcurrentContext(decision.context, sourceCode), alternative } }
      : { messageId: 'blockingCall', data: { name, where: decision.where, alternative } }),
    fix: rewrite?.kind === 'fix' ? rewrite.fix : null,
    suggest: rewrite?.kind === 'suggestion' ? [rewrite.suggestion] : [],
  });
}

/**
 * In a sync handler whose framework awaits handlers (Koa, Fastify, Hapi, route modules): the
 * awaited rewrite as a suggestion that also makes the handler async. Nothing elsewhere (Node's
 * `createServer`, Express, unknown frameworks: an async handler's rejection would go unhandled).
 */
function getHandlerRewrite(
  context: RuleContext,
  call: TSESTree.CallExpression,
  api: BlockingApi,
  memberPath: readonly string[],
  decision: ReportDecision,
): Rewrite | null {
  if (decision.kind !== 'concurrent' || decision.asyncableHandler === null || api.kind !== 'awaitable') return null;
  const rewrite = getRewrite(context, call, api, memberPath);
  if (rewrite?.kind !== 'fix') return null;
  const handler = decision.asyncableHandler;
  return {
    kind: 'suggestion',
    suggestion: {
      messageId: 'makeHandlerAsync',
      data: { asyncName: api.asyncName },
      fix: (fixer) => {
        const edits = rewrite.fix(fixer);
        if (!edits) return null;
        const at = getAsyncInsertionPoint(handler);
        const list: TSESLint.RuleFix[] = 'range' in edits ? [edits] : [...(edits as Iterable<TSESLint.RuleFix>)];
        return [fixer.insertTextBeforeRange([at, at], 'async '), ...list];
      },
    },
  };
}

/** Where `async ` goes: before the function, or before the key of a method (`handler(request, h) {}`). */
function getAsyncInsertionPoint(fn: FunctionNode): number {
  const parent = fn.parent;
  if ((parent.type === AST_NODE_TYPES.Property && parent.method) || parent.type === AST_NODE_TYPES.MethodDefinition) {
    return parent.computed ? parent.range[0] : parent.key.range[0];
  }
  return fn.range[0];
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
