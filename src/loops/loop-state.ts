import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { isFunctionNode } from '../ast/function-node.js';
import { isRangeWithin } from '../ast/ranges.js';
import { findValueReferencesWithin } from '../scope/references-within.js';
import type { LoopBodyFacts } from './loop-body-facts.js';
import type { LoopIndependenceOptions } from './loop-independence.js';
import type { LoopShape } from './loop-shape.js';
import { getAwaitedCall, isOutputCall, type CallNode } from './ordered-calls.js';
import { classifyUsage, isSameRoot, isWriteUsage, type RootUsage, type UsageContext } from './root-usage.js';

type Reference = TSESLint.Scope.Reference;
type Variable = TSESLint.Scope.Variable;

/**
 * What the checks of one loop share, computed once: which variables belong to one iteration (and
 * which of them the loop variable binds), the awaits that start this item's work and the calls
 * they await, and how the body uses what lives outside the loop. Every check asks it questions
 * instead of walking the loop again.
 */
export class LoopState implements UsageContext {
  /** Every value reference in the loop, header included. */
  readonly references: Reference[];
  /** The references in the body (not in the header). */
  readonly bodyReferences: Reference[];
  /** The calls that the awaits of `working` await directly. */
  readonly awaitedCalls = new Set<CallNode>();
  private readonly iterationVariables = new Set<Variable>();
  private readonly itemVariables = new Set<Variable>();
  private outerUsages: RootUsage[] | null = null;
  private foldUsages: RootUsage[] | null = null;

  constructor(
    readonly shape: LoopShape,
    readonly sourceCode: Readonly<TSESLint.SourceCode>,
    readonly options: LoopIndependenceOptions,
    readonly facts: LoopBodyFacts,
    /** The awaits of the loop's function that start work for this item (not promises started before the loop). */
    readonly working: readonly TSESTree.AwaitExpression[],
  ) {
    this.references = findValueReferencesWithin(sourceCode, shape.loop);
    const loopRange = shape.loop.range;
    for (const reference of this.references) {
      const variable = reference.resolved;
      if (variable?.defs.some((definition) => isRangeWithin(definition.name.range, loopRange))) this.iterationVariables.add(variable);
    }
    for (const variable of this.iterationVariables) {
      if (variable.defs.some((definition) => isRangeWithin(definition.name.range, shape.binding.range))) this.itemVariables.add(variable);
    }
    this.bodyReferences = this.references.filter((reference) => isRangeWithin(reference.identifier.range, shape.body.range));
    for (const node of working) {
      const call = getAwaitedCall(node);
      if (call) this.awaitedCalls.add(call);
    }
  }

  /** Whether a variable is declared inside the loop, so each iteration has its own. */
  isIterationVariable(variable: Variable): boolean {
    return this.iterationVariables.has(variable);
  }

  /** Whether a variable is bound by the loop variable's pattern (the item itself). */
  isItemVariable(variable: Variable): boolean {
    return this.itemVariables.has(variable);
  }

  isLoopDependent(node: TSESTree.Node): boolean {
    return this.references.some(
      (reference) =>
        reference.resolved !== null &&
        this.iterationVariables.has(reference.resolved) &&
        isRangeWithin(reference.identifier.range, node.range),
    );
  }

  containsOwnAwait(node: TSESTree.Node): boolean {
    return this.facts.ownAwaits.some((awaitNode) => isRangeWithin(awaitNode.range, node.range));
  }

  /** The variable an identifier of the loop refers to, if the scope manager resolved it. */
  resolve(node: TSESTree.Node): Variable | null {
    return this.references.find((reference) => reference.identifier === node)?.resolved ?? null;
  }

  /** Whether a call's result is awaited by this item's work (directly, or inside an awaited expression). */
  isAwaited(call: CallNode): boolean {
    return this.awaitedCalls.has(call) || this.working.some((awaitNode) => isRangeWithin(call.range, awaitNode.argument.range));
  }

  /** How the code inside `node` uses variables, globals and `this` from outside the loop. */
  getOuterUsagesIn(node: TSESTree.Node): RootUsage[] {
    const usages: RootUsage[] = [];
    for (const reference of this.references) {
      if (!isRangeWithin(reference.identifier.range, node.range)) continue;
      const variable = reference.resolved;
      if (variable && this.iterationVariables.has(variable)) continue;
      usages.push(classifyUsage(reference.identifier, variable ?? `global:${reference.identifier.name}`, reference.isWrite(), this));
    }
    for (const thisNode of this.facts.thisNodes) {
      if (isRangeWithin(thisNode.range, node.range)) usages.push(classifyUsage(thisNode, 'this', false, this));
    }
    return usages;
  }

  /** How the body uses what lives outside the loop. */
  get bodyUsages(): RootUsage[] {
    this.outerUsages ??= this.getOuterUsagesIn(this.shape.body);
    return this.outerUsages;
  }

  /** Outer state each iteration adds to or writes: accumulations and fixed slots. */
  get writtenUsages(): RootUsage[] {
    return this.bodyUsages.filter((usage) => usage.kind === 'accumulate' || usage.kind === 'fixed-slot');
  }

  /**
   * Outer variables each iteration folds its result into once its work is done
   * (`output = output.replace(url, hash(data))` after the last `await`): every use of the variable
   * in the body comes after the body's last `await`, in the loop's own code, and the new value is
   * computed from the old one. The work can run concurrently; the fold must stay in item order.
   */
  get folds(): RootUsage[] {
    this.foldUsages ??= this.findFolds();
    return this.foldUsages;
  }

  private findFolds(): RootUsage[] {
    const lastAwaitEnd = Math.max(...[...this.facts.ownAwaits, ...this.facts.ownAsyncLoops].map((node) => node.range[1]));
    const body = this.shape.body;
    const isOwnCode = (node: TSESTree.Node): boolean => {
      for (let current = node.parent; current && current !== body; current = current.parent) {
        if (isFunctionNode(current)) return false;
      }
      return true;
    };
    // Assignments whose right side reads the variable they assign (`out = out.replace(...)`),
    // found by walking up from each read: linear in the body's size.
    const assignedVariable = new Map<TSESTree.Node, RootUsage['root']>();
    for (const usage of this.bodyUsages) {
      if (usage.kind === 'assign' && usage.effect.type === AST_NODE_TYPES.AssignmentExpression && usage.effect.left === usage.node) {
        assignedVariable.set(usage.effect, usage.root);
      }
    }
    const readsOld = new Set<TSESTree.Node>();
    const badVariables = new Set<RootUsage['root']>();
    for (const usage of this.bodyUsages) {
      if (typeof usage.root === 'string') continue;
      const fits = (usage.kind === 'read' || usage.kind === 'assign') && usage.node.range[0] >= lastAwaitEnd && isOwnCode(usage.node);
      if (!fits) badVariables.add(usage.root);
      if (usage.kind !== 'read') continue;
      for (let current = usage.node.parent; current && current !== body && !isFunctionNode(current); current = current.parent) {
        const readsItself = current.type === AST_NODE_TYPES.AssignmentExpression && assignedVariable.get(current) === usage.root && isRangeWithin(usage.node.range, current.right.range);
        if (readsItself) readsOld.add(current);
      }
    }
    return this.bodyUsages.filter((usage) => {
      const effect = usage.effect;
      if (usage.kind !== 'assign' || typeof usage.root === 'string' || badVariables.has(usage.root)) return false;
      return effect.type === AST_NODE_TYPES.AssignmentExpression && effect.left === usage.node && readsOld.has(effect);
    });
  }

  /** Reads of outer state that the iterations also write: a value may flow from one item to the next. */
  get readsOfWritten(): RootUsage[] {
    const written = this.writtenUsages;
    return this.bodyUsages.filter((usage) => !isWriteUsage(usage) && written.some((write) => isSameRoot(write, usage)));
  }

  /** Writes whose order shows in the result (`push`, a string `+=`, a fixed slot, a write across an await). */
  get orderedWrites(): RootUsage[] {
    return this.writtenUsages.filter((usage) => usage.kind === 'fixed-slot' || usage.ordered || usage.straddles);
  }

  /** Output calls of the loop's own code outside `catch` blocks: their order shows. */
  get outputCalls(): CallNode[] {
    // `output.replace(...)` on a string the loop folds into is no output, whatever the variable's name.
    const foldRoots = new Set(this.folds.map((usage) => usage.root));
    const isFoldMethod = (call: CallNode): boolean =>
      call.callee.type === AST_NODE_TYPES.MemberExpression && foldRoots.has(this.resolve(call.callee.object) ?? '');
    return this.facts.calls.flatMap(({ node, own, inCatch }) => (own && !inCatch && isOutputCall(node) && !isFoldMethod(node) ? [node] : []));
  }

  /** Whether the loop reads its function's `arguments`, which a callback would not see. */
  usesArguments(): boolean {
    return this.references.some((reference) => {
      const variable = reference.resolved;
      if (reference.identifier.name !== 'arguments' || !variable || variable.defs.length > 0) return false;
      // The implicit `arguments` of a function declared inside the loop is that function's own.
      return !isRangeWithin(variable.scope.block.range, this.shape.loop.range);
    });
  }
}
