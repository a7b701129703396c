import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { forEachChild } from '../ast/walk.js';
import { getAwaitedCallReason } from './awaited-calls.js';
import { getBodyCallReason } from './body-calls.js';
import { collectLoopBodyFacts } from './loop-body-facts.js';
import {
  getIndexWrittenReason,
  getIterableWrittenReason,
  getLoopInvariantAwaitReason,
  getOrderReason,
  getOuterAssignmentReason,
  getThisStateReason,
} from './loop-carried-state.js';
import { getAsyncSourceReason, getControlFlowReason, getExitGuardReason } from './loop-control-flow.js';
import type { LoopShape } from './loop-shape.js';
import { LoopState } from './loop-state.js';
import { isAlreadyStartedPromise } from './ordered-calls.js';
import { getPhaseSplit, type PhaseSplit } from './phase-split.js';
import {
  getCascadeReason,
  getOrderedListReason,
  getScopedWrapperReason,
  getSharedRunnerReason,
  getTransactionReason,
} from './shared-resources.js';
import { getConcurrentBatchReason, getDeliberateReason, getOrderedNamesReason } from './sequential-intent.js';
import { memoizeByKey } from '../ast/memoize.js';

export interface LoopIndependenceOptions {
  /** Callee names of delays and retries (`sleep`, `delay`, ...), matched as leading camelCase words. */
  pacingCallees: readonly string[];
  /** Receiver names of shared connections, locks and streams (`tx`, `session`, ...), matched as trailing words. */
  sequentialReceivers: readonly string[];
  /** Calls resolved to a delay whatever their local name (`setTimeout` from `node:timers/promises`). */
  delayCalls: ReadonlySet<TSESTree.Node>;
  /** Calls resolved to a child-process runner (`child_process`, `execa`). */
  processCalls: ReadonlySet<TSESTree.Node>;
  /** Calls resolved to a file write that takes the path first (`fs/promises` `writeFile`, `appendFile`). */
  fileWriteCalls: ReadonlySet<TSESTree.Node>;
  /** Loops already reported (inner loops are judged before the loops around them). */
  reportedLoops: ReportedLoops;
}

/** Why a loop's iterations must (or may have to) run one after another: the loop is not reported. */
export type SequentialReason =
  | 'no-await'
  | 'started-promises'
  | 'only-in-reported-loop'
  | 'concurrent-batch'
  | 'early-exit'
  | 'yield'
  | 'async-iteration'
  | 'pacing'
  | 'process-runner'
  | 'prompt'
  | 'ordered-unit'
  | 'sequential-receiver'
  | 'shared-argument'
  | 'hidden-shared-write'
  | 'this-state'
  | 'calls-item'
  | 'ordered-names'
  | 'loop-invariant-await'
  | 'shared-file'
  | 'deliberate'
  | 'index-written'
  | 'iterable-written'
  | 'outer-assignment'
  | 'carried-dependency'
  | 'ordered-effect'
  | 'transaction'
  | 'shared-runner'
  | 'ordered-list'
  | 'scoped-resource'
  | 'cascading-work';

/** Why an independent loop is reported without a rewrite. */
export type NoRewriteReason =
  | 'var'
  | 'for-in'
  | 'function-context'
  | 'label'
  | 'inner-reported-loop'
  | 'counted-form'
  | 'ordered-accumulation'
  | 'ordered-output'
  | 'ordered-fold'
  | 'guarded-exit';

export interface IndependentLoop {
  independent: true;
  /** The first `await`, or `for await` over the item's own source, that runs work of the iteration (where the report goes). */
  firstAwait: TSESTree.AwaitExpression | TSESTree.ForOfStatement;
  rewrite: 'plain' | 'phase-split' | null;
  noRewriteReason: NoRewriteReason | null;
  phaseSplit: PhaseSplit | null;
  /** `continue` statements that target this loop (`return` in the callback of the plain rewrite). */
  continues: TSESTree.ContinueStatement[];
  /** What the analysis saw each iteration use: the loop variable's names it reads, the outer places it writes. */
  seen: { reads: string[]; writes: string[] };
}

export interface SequentialLoop {
  independent: false;
  reason: SequentialReason;
}

export type LoopIndependence = IndependentLoop | SequentialLoop;

/**
 * Whether a comment containing `sequential` (any case) sits on the loop's first line or on the
 * line directly above it: the documented opt-out.
 */
export function hasSequentialOptOutComment(sourceCode: Readonly<TSESLint.SourceCode>, loop: TSESTree.Node): boolean {
  const statement = loop.parent?.type === AST_NODE_TYPES.LabeledStatement ? loop.parent : loop;
  const firstLine = statement.loc.start.line;
  const lines = getOptOutCommentLines(sourceCode);
  return lines.ends.has(firstLine - 1) || lines.ends.has(firstLine) || lines.starts.has(loop.loc.start.line);
}

interface OptOutCommentLines {
  /** The lines the `sequential` comments end on, and the lines they start on. */
  ends: ReadonlySet<number>;
  starts: ReadonlySet<number>;
}

/** Read once per file: a file with many loops does not read every comment for each. */
const getOptOutCommentLines = memoizeByKey((sourceCode: Readonly<TSESLint.SourceCode>): OptOutCommentLines => {
  const ends = new Set<number>();
  const starts = new Set<number>();
  for (const comment of sourceCode.getAllComments()) {
    if (!/sequential/i.test(comment.value)) continue;
    ends.add(comment.loc.end.line);
    starts.add(comment.loc.start.line);
  }
  return { ends, starts };
});

/**
 * The loops already reported, and the nodes around them: inner loops are judged before the loops
 * around them, and an outer loop asks whether it holds a reported one.
 */
export class ReportedLoops {
  private readonly reported = new Set<TSESTree.Node>();
  private readonly around = new Set<TSESTree.Node>();

  add(loop: TSESTree.Node): void {
    this.reported.add(loop);
    // Ancestors already marked have their own ancestors marked: each node is marked once.
    for (let current = loop.parent; current && !this.around.has(current); current = current.parent) this.around.add(current);
  }

  has(node: TSESTree.Node): boolean {
    return this.reported.has(node);
  }

  /** Whether a reported loop sits inside `node`. */
  hasInside(node: TSESTree.Node): boolean {
    return this.around.has(node);
  }
}

type Check = (state: LoopState) => SequentialReason | null;

const MAX_SEEN = 3;

/** The place a write changes, as the source spells it: `users[i]` for `users[i] = v`, `results` for `results.push(v)`. */
function getWrittenPlace(state: LoopState, effect: TSESTree.Node): string {
  let target: TSESTree.Node = effect;
  if (effect.type === AST_NODE_TYPES.AssignmentExpression) target = effect.left;
  else if (effect.type === AST_NODE_TYPES.UpdateExpression) target = effect.argument;
  else if (effect.type === AST_NODE_TYPES.CallExpression && effect.callee.type === AST_NODE_TYPES.MemberExpression) target = effect.callee.object;
  else if (effect.type === AST_NODE_TYPES.UnaryExpression) target = effect.argument;
  const text = state.sourceCode.getText(target);
  return text.length > 30 || text.includes('\n') ? `${text.slice(0, 30).split('\n')[0] ?? ''}…` : text;
}

/** The loop variable's names that the body reads, and the outer places it writes (a few of each). */
function describeIteration(state: LoopState): IndependentLoop['seen'] {
  const reads = new Set<string>();
  for (const reference of state.bodyReferences) {
    if (reference.resolved && state.isItemVariable(reference.resolved)) reads.add(reference.resolved.name);
  }
  const writes = new Set([...state.writtenUsages, ...state.folds].map((usage) => getWrittenPlace(state, usage.effect)));
  return { reads: [...reads].slice(0, MAX_SEEN), writes: [...writes].slice(0, MAX_SEEN) };
}

/** The checks that need the loop's scope analysis, in the order they are asked: the first reason decides. */
const ITERATION_CHECKS: readonly Check[] = [
  getExitGuardReason,
  getAsyncSourceReason,
  getTransactionReason,
  getScopedWrapperReason,
  getSharedRunnerReason,
  getCascadeReason,
  getOrderedListReason,
  getIndexWrittenReason,
  getOrderedNamesReason,
  getBodyCallReason,
  getAwaitedCallReason,
  getThisStateReason,
  getLoopInvariantAwaitReason,
  getOuterAssignmentReason,
  getIterableWrittenReason,
  getDeliberateReason,
];

/** An await inside a loop already reported within this one belongs to that report. */
function isInReportedLoop(node: TSESTree.Node, loop: TSESTree.Node, reportedLoops: ReportedLoops): boolean {
  for (let current = node.parent; current && current !== loop; current = current.parent) {
    if (reportedLoops.has(current)) return true;
  }
  return false;
}

function isSimpleCountedLoop(shape: LoopShape, visitorKeys: TSESLint.SourceCode.VisitorKeys): boolean {
  const counted = shape.counted;
  if (!counted?.isSimple) return false;
  // The bound is read once by `Array.from({ length })`: it must not call anything.
  let callsSomething = false;
  const visit = (node: TSESTree.Node): void => {
    if (
      node.type === AST_NODE_TYPES.CallExpression ||
      node.type === AST_NODE_TYPES.NewExpression ||
      node.type === AST_NODE_TYPES.TaggedTemplateExpression ||
      node.type === AST_NODE_TYPES.AwaitExpression
    ) {
      callsSomething = true;
    }
    if (!callsSomething) forEachChild(node, visitorKeys, visit);
  };
  visit(counted.end);
  return !callsSomething;
}

/**
 * Which callback form keeps the body's meaning once no check found a reason to stay sequential:
 * null when only `push` accumulations in item order stand in the way.
 */
function getRewriteForm(state: LoopState, phaseSplit: PhaseSplit | null): IndependentLoop['rewrite'] {
  const plainKeepsMeaning =
    state.orderedWrites.length === 0 && state.outputCalls.length === 0 && state.readsOfWritten.length === 0 && state.folds.length === 0;
  // The split keeps even the insertion order of keyed results (`obj[k] = ...`, `map.set`).
  if (phaseSplit && (!plainKeepsMeaning || (state.writtenUsages.length > 0 && state.shape.counted === null))) return 'phase-split';
  return plainKeepsMeaning ? 'plain' : null;
}

/** What must stay in item order when neither callback form keeps it: output, a fold, or pushes. */
function getOrderedNoRewriteReason(state: LoopState): NoRewriteReason {
  if (state.outputCalls.length > 0) return 'ordered-output';
  return state.folds.length > 0 ? 'ordered-fold' : 'ordered-accumulation';
}

/** What keeps an independent loop from being rewritten into callbacks. */
function getNoRewriteReason(state: LoopState): NoRewriteReason | null {
  const { shape, facts } = state;
  if (shape.kind === 'for-in') return 'for-in';
  if (shape.declarationKind === 'var' || facts.declaresVar) return 'var';
  if (facts.functionContext || state.usesArguments()) return 'function-context';
  if (facts.labelUsed) return 'label';
  if (facts.exitGuards.length > 0) return 'guarded-exit';
  if (state.options.reportedLoops.hasInside(shape.loop)) return 'inner-reported-loop';
  if (shape.counted !== null && !isSimpleCountedLoop(shape, state.sourceCode.visitorKeys)) return 'counted-form';
  return null;
}

/**
 * Decides whether the iterations of a candidate loop are independent, so running them concurrently
 * keeps the program's meaning (apart from the order of completion and of errors): no value flows
 * from one iteration to the next, nothing leaves the loop early, nothing paces or orders the
 * iterations on purpose (delays, shared connections and streams, child processes, prompts, output
 * before the await, units of work that run in order), and every `await` starts new work for this
 * item. When the rule cannot tell, the answer is "sequential": the loop is not reported.
 */
export function analyzeLoopIndependence(
  shape: LoopShape,
  sourceCode: Readonly<TSESLint.SourceCode>,
  options: LoopIndependenceOptions,
): LoopIndependence {
  const sequential = (reason: SequentialReason): SequentialLoop => ({ independent: false, reason });
  const facts = collectLoopBodyFacts(shape, sourceCode.visitorKeys);
  const flowReason = getControlFlowReason(shape, facts) ?? getConcurrentBatchReason(facts);
  if (flowReason) return sequential(flowReason);

  const working = facts.ownAwaits.filter((node) => !isAlreadyStartedPromise(node.argument));
  if (working.length === 0 && facts.ownAsyncLoops.length === 0) return sequential('started-promises');
  const firstAwait = [...working, ...facts.ownAsyncLoops]
    .sort((a, b) => a.range[0] - b.range[0])
    .find((node) => !isInReportedLoop(node, shape.loop, options.reportedLoops));
  if (!firstAwait) return sequential('only-in-reported-loop');

  const state = new LoopState(shape, sourceCode, options, facts, working);
  for (const check of ITERATION_CHECKS) {
    const reason = check(state);
    if (reason) return sequential(reason);
  }
  const phaseSplit = getPhaseSplit(state);
  const orderReason = getOrderReason(state, phaseSplit);
  if (orderReason) return sequential(orderReason);

  const form = getRewriteForm(state, phaseSplit);
  const noRewriteReason = form === null ? getOrderedNoRewriteReason(state) : getNoRewriteReason(state);
  const rewrite = noRewriteReason === null ? form : null;
  return {
    independent: true,
    firstAwait,
    rewrite,
    noRewriteReason,
    phaseSplit: rewrite === 'phase-split' ? phaseSplit : null,
    continues: facts.continues,
    seen: describeIteration(state),
  };
}
