import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { addAwait } from '../fixes/add-await.js';
import { getAsyncContext } from '../blocking/async-context.js';
import { getEnclosingFunction } from '../ast/enclosing-function.js';
import { getArgumentListText } from '../fixes/call-rewrite.js';
import { getAsyncVariantAccess, isTopLevelReferenceAt } from '../blocking/async-variant-call.js';
import {
  getCpuHeavyApiMaps,
  pickMentionedModules,
  type CpuHeavyApi,
  type ExtraCpuFunction,
} from '../blocking/cpu-heavy-apis.js';
import { findCpuLoopNests, getLoopKeyword, isOutermostLoop } from '../blocking/cpu-loop-nest.js';
import { getRepeatingLoop, type LoopNode } from '../ast/loop-node.js';
import { createRule } from '../create-rule.js';
import { ALLOW_OPTION_SCHEMA, getExtraFunctionsSchema } from '../blocking/blocking-apis.js';
import { ensureImport } from '../modules/ensure-import.js';
import { findModuleMemberReferences, type ModuleMemberReference } from '../modules/module-tracker.js';
import { findWorkerConstructions, isWorkerFile } from '../blocking/worker-threads.js';
import { describeAsyncContext, describeFunctionWithArticle } from '../blocking/describe-context.js';
import { getReportDecision, REPORT_IN_VALUES, type ReportIn } from '../blocking/report-scope.js';
import { describeConcurrentContext } from '../blocking/describe-run-context.js';
import { getStringEnumSchema } from '../options/readable-schema.js';

export type Options = [
  {
    allow?: string[];
    extraFunctions?: ExtraCpuFunction[];
    /** Deprecated: the same as `reportIn: 'all-functions'`. */
    checkAllFunctions?: boolean;
    /** Where CPU-heavy calls are reported: concurrent paths and unknown async code (default), every async function too, or every function. */
    reportIn?: ReportIn;
    checkLoops?: boolean;
    loopDepth?: number;
    checkWorkerPerCall?: boolean;
  },
];

export type MessageIds =
  | 'cpuCall'
  | 'cpuCallConcurrent'
  | 'cpuCallWithoutVariant'
  | 'cpuCallWithoutVariantConcurrent'
  | 'cpuLoopNest'
  | 'workerInLoop'
  | 'workerPerCall';

/** Where the reported code runs, for messages, and whether `await` may be written there. */
interface RunContext {
  where: string;
  awaitLegal: boolean;
}

const LOOP_SELECTOR = 'ForStatement, ForInStatement, ForOfStatement, WhileStatement, DoWhileStatement';

export default createRule<Options, MessageIds>({
  name: 'prefer-worker-for-cpu',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow CPU-heavy synchronous work on the event loop in async code',
      recommended: 'recommended',
      requiresTypeChecking: false,
      strictOptions: [{ checkLoops: true, checkWorkerPerCall: true, reportIn: 'async-functions' }],
      allOptions: [{ checkLoops: true, checkWorkerPerCall: true, reportIn: 'all-functions' }],
    },
    fixable: 'code',
    messages: {
      cpuCall: '`{{name}}` {{action}} on the main thread {{where}}: other requests wait until it finishes. Use `{{replacement}}`{{benefit}}.',
      cpuCallConcurrent: '`{{name}}` {{action}} on the main thread and {{runs}}: {{waiters}}. Use `{{replacement}}`{{benefit}}.',
      cpuCallWithoutVariantConcurrent:
        '`{{name}}` {{action}} on the main thread and {{runs}}: {{waiters}}. Move it to a worker thread (a pool such as piscina).',
      cpuCallWithoutVariant:
        '`{{name}}` {{action}} on the main thread {{where}}: other requests wait until it finishes. Move it to a worker thread (a pool such as piscina).',
      cpuLoopNest:
        'This `{{loop}}` loop nest ({{depth}} levels deep) does CPU-bound work on the main thread {{where}}: other requests wait until it finishes. Move it to a worker thread, or split it into chunks that yield between them.',
      workerInLoop:
        '`{{callee}}` starts a new thread on every iteration of a loop {{where}}: each start costs tens of milliseconds and megabytes of memory. Reuse a pool (such as piscina) or one long-lived worker.',
      workerPerCall:
        '`{{callee}}` starts a new thread each time it runs {{where}}: each start costs tens of milliseconds and megabytes of memory. Reuse a pool (such as piscina) or one long-lived worker.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          allow: ALLOW_OPTION_SCHEMA,
          extraFunctions: getExtraFunctionsSchema('CPU-heavy synchronous'),
          checkAllFunctions: {
            type: 'boolean',
            description: "Deprecated, the same as `reportIn: 'all-functions'`: report in every function (never at module top level).",
          },
          reportIn: getStringEnumSchema(
            REPORT_IN_VALUES,
            "Where to report CPU-heavy calls, one of `concurrent-paths`, `async-functions`, `all-functions`: `concurrent-paths` (request handlers, listeners, job processors, fan-out items, and async code whose context is unknown; silent on sequential paths), `async-functions` (also every async function), `all-functions` (every function body).",
          ),
          checkLoops: {
            type: 'boolean',
            description: 'Report nests of data-bound loops without `await` in async code.',
          },
          loopDepth: {
            type: 'integer',
            minimum: 2,
            description: 'How many nested loops make a nest that `checkLoops` reports.',
          },
          checkWorkerPerCall: {
            type: 'boolean',
            description: 'Report `new Worker(...)` created in a loop inside a function, or in async code.',
          },
        },
      },
    ],
    defaultOptions: [
      {
        allow: [],
        extraFunctions: [],
        checkAllFunctions: false,
        reportIn: 'concurrent-paths',
        checkLoops: false,
        loopDepth: 2,
        checkWorkerPerCall: false,
      },
    ],
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    if (isWorkerFile(sourceCode)) return {};

    const checkAllFunctions = options.checkAllFunctions === true;
    const loopDepth = options.loopDepth ?? 2;
    const describe = (fn: Parameters<typeof describeFunctionWithArticle>[0]): string => describeFunctionWithArticle(fn, sourceCode);

    /** Async code (as `no-sync-in-async` defines it), or with `checkAllFunctions` any function body. */
    function getRunContext(node: TSESTree.Node): RunContext | null {
      const asyncContext = getAsyncContext(node, {
        checkArrayCallbacks: true,
        checkTopLevelAwaitModules: false,
        hasTopLevelAwait: () => false,
      });
      if (asyncContext) return { where: `in ${describeAsyncContext(asyncContext, sourceCode)}`, awaitLegal: asyncContext.awaitLegal };
      if (!checkAllFunctions) return null;
      const enclosing = getEnclosingFunction(node);
      if (!enclosing.fn || enclosing.inParameters) return null;
      return { where: `in ${describe(enclosing.fn)}`, awaitLegal: false };
    }

    /** `await promisify(gzip)(...)`; without `await` where it is not legal. */
    function getVariantLabel(api: CpuHeavyApi, awaitLegal: boolean): string | null {
      if (api.asyncName === null) return null;
      const call = api.style === 'callback' ? `promisify(${api.asyncName})(...)` : `${api.asyncName}(...)`;
      return awaitLegal ? `await ${call}` : call;
    }

    const reportIn: ReportIn = checkAllFunctions ? 'all-functions' : (options.reportIn ?? 'concurrent-paths');
    const scope = {
      context,
      reportIn,
      asyncOptions: { checkArrayCallbacks: true, checkTopLevelAwaitModules: false, hasTopLevelAwait: () => false },
      // A key derivation or a compression costs milliseconds wherever it runs: an exported helper
      // or a method whose callers are in other files is reported unless its path is known sequential.
      reportModuleApi: true,
    };

    /** `await promisify(<variant>)(args)` / `await <variant>(args)`, reaching the variant and `promisify` through the file's bindings. */
    function buildFix(reference: ModuleMemberReference<CpuHeavyApi>, call: TSESTree.CallExpression): TSESLint.ReportFixFunction {
      return (fixer) => {
        const asyncName = reference.info.asyncName;
        // A nested member (`realpathSync.native`) has no sibling variant to re-target to.
        if (asyncName === null || reference.member.includes('.')) return null;
        // A generic or parenthesised callee (`(zlib.gzipSync)(b)`) is left alone: the promisified
        // variant takes no type arguments, and the callee rewrite would land inside the parentheses.
        if (call.typeArguments || ASTUtils.isParenthesized(call.callee, sourceCode)) return null;
        const args = getArgumentListText(sourceCode, call);
        if (args === null) return null;
        const access = getAsyncVariantAccess(call, sourceCode, reference.module, asyncName);
        if (!access) return null;
        const fixes: TSESLint.RuleFix[] = [];
        const reach = (module: string, name: string): string | null => {
          const ensured = ensureImport(fixer, sourceCode, { module, name });
          if (ensured.fix) fixes.push(ensured.fix);
          else if (!isTopLevelReferenceAt(ensured.reference, call, sourceCode)) return null;
          return ensured.reference;
        };
        const variant = access.kind === 'expression' ? access.text : reach(access.module, access.name);
        if (variant === null) return null;
        let callee = variant;
        if (reference.info.style === 'callback') {
          const promisify = reach('util', 'promisify');
          if (promisify === null) return null;
          callee = `${promisify}(${variant})`;
        }
        fixes.push(fixer.replaceText(call, addAwait(sourceCode, call, `${callee}${args}`)));
        return fixes;
      };
    }

    function reportCpuCall(reference: ModuleMemberReference<CpuHeavyApi>): void {
      const call = reference.node;
      if (call.type !== AST_NODE_TYPES.CallExpression) return;
      const decision = getReportDecision(call, scope);
      if (!decision) return;
      const api = reference.info;
      const name = reference.member.split('.').at(-1) ?? reference.member;
      const replacement = getVariantLabel(api, decision.awaitLegal);
      const concurrentData = decision.kind === 'concurrent' ? describeConcurrentContext(decision.context, sourceCode) : null;
      const where = decision.kind === 'function' ? `in ${decision.where}` : '';
      if (replacement === null) {
        context.report({
          node: call,
          ...(concurrentData
            ? { messageId: 'cpuCallWithoutVariantConcurrent', data: { name, action: api.action, ...concurrentData } }
            : { messageId: 'cpuCallWithoutVariant', data: { name, action: api.action, where } }),
        });
        return;
      }
      const benefit = `${api.benefit ? `, which ${api.benefit},` : ''}${decision.hint}`.replace(/,$/u, '');
      context.report({
        node: call,
        ...(concurrentData
          ? { messageId: 'cpuCallConcurrent', data: { name, action: api.action, ...concurrentData, replacement, benefit } }
          : { messageId: 'cpuCall', data: { name, action: api.action, where, replacement, benefit } }),
        fix: decision.awaitLegal ? buildFix(reference, call) : null,
      });
    }

    function reportWorkers(): void {
      for (const construction of findWorkerConstructions(sourceCode)) {
        const callee = `new ${sourceCode.getText(construction.callee)}(...)`;
        const enclosing = getEnclosingFunction(construction);
        if (getRepeatingLoop(construction) && enclosing.fn && !enclosing.inParameters) {
          context.report({
            node: construction,
            messageId: 'workerInLoop',
            data: { callee, where: `in ${describe(enclosing.fn)}` },
          });
          continue;
        }
        const runContext = getRunContext(construction);
        if (runContext) context.report({ node: construction, messageId: 'workerPerCall', data: { callee, where: runContext.where } });
      }
    }

    /** The loop's head (`for (...)`, `while (...)`, `do`), where a reader points, rather than the whole nest. */
    function getLoopHeadLocation(loop: LoopNode): TSESTree.SourceLocation {
      const first = sourceCode.getFirstToken(loop);
      const end = loop.type === AST_NODE_TYPES.DoWhileStatement ? first : sourceCode.getTokenBefore(loop.body);
      return { start: loop.loc.start, end: (end ?? first ?? loop).loc.end };
    }

    /** Analyses each outermost loop once; its nested loops share its function, hence its run context. */
    function reportLoopNests(loop: LoopNode): void {
      if (!isOutermostLoop(loop)) return;
      const runContext = getRunContext(loop);
      if (!runContext) return;
      for (const nest of findCpuLoopNests(loop, sourceCode.visitorKeys, loopDepth)) {
        context.report({
          node: nest.loop,
          loc: getLoopHeadLocation(nest.loop),
          messageId: 'cpuLoopNest',
          data: { loop: getLoopKeyword(nest.loop), depth: String(nest.depth), where: runContext.where },
        });
      }
    }

    const maps = getCpuHeavyApiMaps(options.extraFunctions ?? [], options.allow ?? []);
    const builtinModules = pickMentionedModules(maps.builtin, sourceCode.text);
    const packageModules = pickMentionedModules(maps.packages, sourceCode.text);
    const mentionsModules = Object.keys(builtinModules).length > 0 || Object.keys(packageModules).length > 0;
    // With neither loops nor workers asked for, a file that names none of the modules has nothing to check.
    if (!mentionsModules && options.checkLoops !== true && options.checkWorkerPerCall !== true) return {};
    const listeners: TSESLint.RuleListener = {
      'Program:exit'() {
        const references = mentionsModules
          ? [
              ...findModuleMemberReferences(sourceCode, builtinModules, { builtin: true, types: ['call'] }),
              ...findModuleMemberReferences(sourceCode, packageModules, { builtin: false, types: ['call'] }),
            ]
          : [];
        for (const reference of references) reportCpuCall(reference);
        if (options.checkWorkerPerCall === true) reportWorkers();
      },
    };
    if (options.checkLoops === true) listeners[LOOP_SELECTOR] = reportLoopNests;
    return listeners;
  },
});
