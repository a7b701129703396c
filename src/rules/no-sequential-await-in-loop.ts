import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { createRule } from '../create-rule.js';
import { ensureImport, type ImportRequest } from '../modules/ensure-import.js';
import { isFunctionNode } from '../ast/function-node.js';
import { isArrayBySyntax } from '../scope/known-array.js';
import {
  analyzeLoopIndependence,
  hasSequentialOptOutComment,
  type IndependentLoop,
  ReportedLoops,
} from '../loops/loop-independence.js';
import { getAwaitedCall } from '../loops/ordered-calls.js';
import { getLoopRewrite, type ConcurrencyRunner } from '../loops/loop-rewrite.js';
import { getLoopShape, type LoopShape } from '../loops/loop-shape.js';
import { findModuleMemberReferences } from '../modules/module-tracker.js';
import { getTypeServices } from '../types/type-services.js';
import { isArrayOrTupleType } from '../types/value-types.js';

export interface ConcurrencyOption {
  /** Module that exports the mapper, e.g. `p-map`. */
  import: string;
  /** The mapper's name: the local name of a default import, or the export's name when `named` is true. */
  name: string;
  /** The `concurrency` passed to the mapper. */
  limit: number;
  /** `import { name } from 'module'` instead of `import name from 'module'`. */
  named?: boolean;
}

export type Options = [
  {
    autofix?: boolean;
    concurrency?: ConcurrencyOption | null;
    pacingCallees?: string[];
    sequentialReceivers?: string[];
    replaceDefaults?: boolean;
  },
];

export type MessageIds =
  | 'sequentialAwait'
  | 'runConcurrently'
  | 'runConcurrentlyInTry'
  | 'runPhases'
  | 'runPhasesInTry';

export const DEFAULT_PACING_CALLEES = ['sleep', 'delay', 'wait', 'setTimeout', 'throttle', 'backoff'];
export const DEFAULT_SEQUENTIAL_RECEIVERS = [
  'tx', 'trx', 'transaction', 'session', 'lock', 'mutex', 'queue', 'stream', 'writer', 'reader', 'cursor', 'iterator',
];

const MAX_AWAITED_TEXT = 40;

type ModuleCallKind = 'delay' | 'process' | 'file-write';

/**
 * Module members whose calls matter, found under any local name in one pass: delays from
 * `timers/promises`, child-process runners (their output and effects follow the order they run in),
 * and file writes that take the path first (the same path in every iteration is a shared file).
 */
const MODULE_CALLS: Record<string, Record<string, ModuleCallKind>> = {
  'timers/promises': { setTimeout: 'delay', setImmediate: 'delay', 'scheduler.wait': 'delay', 'scheduler.yield': 'delay' },
  child_process: { exec: 'process', execFile: 'process', spawn: 'process', fork: 'process' },
  execa: { default: 'process', execa: 'process', execaNode: 'process', execaCommand: 'process', $: 'process' },
  'fs/promises': { writeFile: 'file-write', appendFile: 'file-write' },
  fs: { 'promises.writeFile': 'file-write', 'promises.appendFile': 'file-write' },
};

type CandidateLoop = TSESTree.ForOfStatement | TSESTree.ForInStatement | TSESTree.ForStatement;

/** The `await`ed expression (or the source of a `for await`) as the message shows it: `getUser(id)`, or `getUser(…)` when long. */
function describeAwaited(sourceCode: Readonly<TSESLint.SourceCode>, awaitNode: TSESTree.AwaitExpression | TSESTree.ForOfStatement): string {
  const awaited = awaitNode.type === AST_NODE_TYPES.ForOfStatement ? awaitNode.right : awaitNode.argument;
  const text = sourceCode.getText(awaited);
  if (text.length <= MAX_AWAITED_TEXT && !text.includes('\n')) return text;
  const call = awaitNode.type === AST_NODE_TYPES.ForOfStatement ? (awaited.type === AST_NODE_TYPES.CallExpression ? awaited : null) : getAwaitedCall(awaitNode);
  if (call) {
    const callee = sourceCode.getText(call.callee);
    if (callee.length <= MAX_AWAITED_TEXT && !callee.includes('\n')) return `${callee}(…)`;
  }
  return `${text.slice(0, MAX_AWAITED_TEXT).split('\n')[0]?.trimEnd() ?? ''}…`;
}

const quoteList = (names: readonly string[]): string => names.map((name) => `\`${name}\``).join(', ');

/** What the analysis saw: "each one only reads `id` and writes `users[id]`". */
function describeSeen(seen: IndependentLoop['seen']): string {
  const reads = seen.reads.length > 0 ? `reads ${quoteList(seen.reads)}` : 'reads no loop variable';
  const writes = seen.writes.length > 0 ? `writes ${quoteList(seen.writes)}` : 'writes nothing outside the iteration';
  return `each one only ${reads} and ${writes}`;
}

/** What a reader must keep in order by hand when the rule offers no rewrite. */
function describeOrder(loopInfo: IndependentLoop): string {
  if (loopInfo.noRewriteReason === 'ordered-output') return ', and print the results afterwards in item order';
  if (loopInfo.noRewriteReason === 'guarded-exit') return ', and test the flag that leaves the loop once, before starting them';
  if (loopInfo.noRewriteReason === 'ordered-fold') {
    return ', then fold the results in item order (`for (const [item, result] of await Promise.all(...))`)';
  }
  if (loopInfo.noRewriteReason === 'ordered-accumulation') return ', keeping the results in item order (`const results = await Promise.all(items.map(...))`)';
  return '';
}

/** Whether a `try` with a `catch` surrounds the loop in its own function. */
function isInsideTryWithCatch(node: TSESTree.Node): boolean {
  let child: TSESTree.Node = node;
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionNode(current)) return false;
    if (current.type === AST_NODE_TYPES.TryStatement && current.block === child && current.handler) return true;
    child = current;
  }
  return false;
}

interface NameLists {
  pacingCallees: readonly string[];
  sequentialReceivers: readonly string[];
}

/** The option lists with the defaults added, once per options object (ESLint passes one per config to every file). */
const nameListsByOptions = new WeakMap<Options[0], NameLists>();

function getNameLists(options: Options[0]): NameLists {
  let lists = nameListsByOptions.get(options);
  if (!lists) {
    const withDefaults = (given: readonly string[] | undefined, defaults: readonly string[]): string[] =>
      options.replaceDefaults ? [...(given ?? [])] : [...defaults, ...(given ?? [])];
    lists = {
      pacingCallees: withDefaults(options.pacingCallees, DEFAULT_PACING_CALLEES),
      sequentialReceivers: withDefaults(options.sequentialReceivers, DEFAULT_SEQUENTIAL_RECEIVERS),
    };
    nameListsByOptions.set(options, lists);
  }
  return lists;
}

export default createRule<Options, MessageIds>({
  name: 'no-sequential-await-in-loop',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Disallow loops that await independent work one item at a time',
      recommended: 'recommended',
      requiresTypeChecking: false,
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: {
      sequentialAwait:
        'This loop awaits `{{awaited}}` one item at a time, and the iterations appear independent: {{seen}}. Run them concurrently with `{{runner}}`{{order}}.',
      runConcurrently: 'Run the iterations concurrently with `{{runner}}`.',
      runConcurrentlyInTry:
        'Run the iterations concurrently with `{{runner}}` (inside this `try`, the other iterations keep running when one throws).',
      runPhases: 'Await `{{awaited}}` for all items concurrently with `{{runner}}`, then run the rest of the body in item order.',
      runPhasesInTry:
        'Await `{{awaited}}` for all items concurrently with `{{runner}}`, then run the rest of the body in item order (inside this `try`, the other items keep running when one throws).',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          autofix: {
            type: 'boolean',
            description: 'Apply the rewrite as an autofix instead of offering it as a suggestion.',
          },
          concurrency: {
            description:
              'Rewrite with a concurrency-limited mapper instead of `Promise.all`, e.g. `{ "import": "p-map", "name": "pMap", "limit": 8 }`; null for `Promise.all`.',
            oneOf: [
              { type: 'null', description: 'Rewrite with `Promise.all`.' },
              {
                type: 'object',
                description: 'The mapper to rewrite with, and how many iterations it may run at once.',
                additionalProperties: false,
                required: ['import', 'name', 'limit'],
                properties: {
                  import: { type: 'string', minLength: 1, description: 'Module that exports the mapper.' },
                  name: {
                    type: 'string',
                    pattern: '^[A-Za-z_$][\\w$]*$',
                    description: 'Local name of the default export, or the export name when `named` is true.',
                  },
                  limit: { type: 'integer', minimum: 1, description: 'How many iterations may run at once.' },
                  named: {
                    type: 'boolean',
                    description: 'The mapper is a named export (`import { name } from ...`) rather than the default export.',
                  },
                },
              },
            ],
          },
          pacingCallees: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
            description:
              'More callee names (leading camelCase words, any case) of delays and retries that pace a loop on purpose; added to the defaults unless `replaceDefaults` is true.',
          },
          sequentialReceivers: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
            description:
              'More receiver names (trailing camelCase words, any case; for `this`, its class name) of connections, locks and streams whose operations must not overlap; added to the defaults unless `replaceDefaults` is true.',
          },
          replaceDefaults: {
            type: 'boolean',
            description: 'The given `pacingCallees` and `sequentialReceivers` replace the default lists instead of adding to them.',
          },
        },
      },
    ],
    defaultOptions: [
      {
        autofix: false,
        concurrency: null,
        pacingCallees: [],
        sequentialReceivers: [],
        replaceDefaults: false,
      },
    ],
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    // Every report is on an `await` (or a `for await`): a file that never spells it has nothing to check.
    if (!sourceCode.text.includes('await')) return {};
    const concurrency = options.concurrency ?? null;
    const { pacingCallees, sequentialReceivers } = getNameLists(options);
    const runnerName = concurrency ? concurrency.name : 'Promise.all';
    const loopsWithAwait = new Set<TSESTree.Node>();
    const reportedLoops = new ReportedLoops();
    let moduleCalls: Record<ModuleCallKind, Set<TSESTree.Node>> | null = null;

    const getModuleCalls = (): Record<ModuleCallKind, Set<TSESTree.Node>> => {
      if (moduleCalls) return moduleCalls;
      const found: Record<ModuleCallKind, Set<TSESTree.Node>> = { delay: new Set(), process: new Set(), 'file-write': new Set() };
      for (const reference of findModuleMemberReferences(sourceCode, MODULE_CALLS, { builtin: true, types: ['call'] })) {
        found[reference.info].add(reference.node);
      }
      moduleCalls = found;
      return found;
    };

    const services = getTypeServices(context);
    const isArrayByType = (node: TSESTree.Node): boolean => services !== null && isArrayOrTupleType(services, node);
    const isIterableArray = (shape: LoopShape): boolean => {
      const iterable = shape.iterable;
      if (!iterable) return false;
      return isArrayBySyntax(iterable, sourceCode.getScope(shape.loop)) || isArrayByType(iterable);
    };

    const report = (shape: LoopShape, loopInfo: IndependentLoop): void => {
      const awaited = describeAwaited(sourceCode, loopInfo.firstAwait);
      // A `for await` is reported on the inner loop, as core `no-await-in-loop` reports it.
      const node = loopInfo.firstAwait;
      const data = { awaited, runner: runnerName, seen: describeSeen(loopInfo.seen), order: describeOrder(loopInfo) };
      const iterableIsArray = loopInfo.rewrite !== null && concurrency === null && isIterableArray(shape);
      const probe = getLoopRewrite(sourceCode, shape, loopInfo, { runner: { kind: 'promise-all' }, iterableIsArray });
      if (!probe) {
        context.report({ node, messageId: 'sequentialAwait', data });
        return;
      }
      const fix = (fixer: TSESLint.RuleFixer): TSESLint.RuleFix[] => {
        const fixes: TSESLint.RuleFix[] = [];
        let runner: ConcurrencyRunner = { kind: 'promise-all' };
        if (concurrency) {
          const request: ImportRequest = concurrency.named
            ? { module: concurrency.import, name: concurrency.name }
            : { module: concurrency.import, name: 'default', localName: concurrency.name };
          const ensured = ensureImport(fixer, sourceCode, request);
          if (ensured.fix) fixes.push(ensured.fix);
          runner = { kind: 'limited', reference: ensured.reference, limit: concurrency.limit };
        }
        // Without a concurrency helper the rewrite is the probe's.
        const rewrite = concurrency ? getLoopRewrite(sourceCode, shape, loopInfo, { runner, iterableIsArray }) : probe;
        if (rewrite) fixes.push(fixer.replaceTextRange(rewrite.range, rewrite.text));
        return fixes;
      };
      const inTry = isInsideTryWithCatch(shape.label ?? shape.loop);
      const phases = loopInfo.rewrite === 'phase-split';
      const suggestionId: MessageIds = phases ? (inTry ? 'runPhasesInTry' : 'runPhases') : inTry ? 'runConcurrentlyInTry' : 'runConcurrently';
      const suggestionData = phases && loopInfo.phaseSplit ? { awaited: describeAwaited(sourceCode, loopInfo.phaseSplit.await), runner: runnerName } : data;
      // Inside a try/catch the rewrite changes what a throw stops: it stays a suggestion, whose text says so.
      if (options.autofix && !inTry) {
        context.report({ node, messageId: 'sequentialAwait', data, fix });
      } else {
        context.report({
          node,
          messageId: 'sequentialAwait',
          data,
          suggest: [{ messageId: suggestionId, data: suggestionData, fix }],
        });
      }
    };

    const checkLoop = (node: CandidateLoop): void => {
      if (!loopsWithAwait.has(node)) return;
      const shape = getLoopShape(node);
      if (!shape || hasSequentialOptOutComment(sourceCode, node)) return;
      const calls = getModuleCalls();
      const result = analyzeLoopIndependence(shape, sourceCode, {
        pacingCallees,
        sequentialReceivers,
        delayCalls: calls.delay,
        processCalls: calls.process,
        fileWriteCalls: calls['file-write'],
        reportedLoops,
      });
      if (!result.independent) return;
      reportedLoops.add(node);
      report(shape, result);
    };

    return {
      'AwaitExpression, ForOfStatement[await=true]'(node: TSESTree.AwaitExpression | TSESTree.ForOfStatement) {
        // Mark the loops of this function that contain the await (cheap filter for the analysis).
        for (let current: TSESTree.Node | undefined = node.parent; current && !isFunctionNode(current); current = current.parent) {
          if (
            current.type === AST_NODE_TYPES.ForOfStatement ||
            current.type === AST_NODE_TYPES.ForInStatement ||
            current.type === AST_NODE_TYPES.ForStatement
          ) {
            loopsWithAwait.add(current);
          }
        }
      },
      'ForOfStatement:exit': checkLoop,
      'ForInStatement:exit': checkLoop,
      'ForStatement:exit': checkLoop,
    };
  },
});
