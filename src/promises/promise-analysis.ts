import { ASTUtils, AST_NODE_TYPES, type ParserServicesWithTypeInformation, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { FunctionNode } from '../ast/function-node.js';
import { skipTypeWrappers, skipValueWrappers } from '../ast/unwrap.js';
import { getCalledLocalFunction } from '../scope/local-functions.js';
import { getVariableValues } from '../scope/variable-values.js';
import { getFunctionSafety, hasRejectionEvidence, returnsValue, type PromiseJudge } from './can-reject.js';
import { getDeferredPromise } from './deferred-promise.js';
import type { PromiseDetector, PromiseKind } from './promise-detection.js';
import { getExecutorRejection } from './promise-executor.js';
import { getChainRoot, getPromiseMethodCall, hasRejectionHandler } from './promise-handling.js';
import type { PromiseSources } from './promise-sources.js';
import { getPromiseStatic, isNewPromise } from './promise-statics.js';
import type { RejectionVerdict } from './rejection-verdict.js';
import { getRejectsReason, getSafetyReason, getUnknownReason } from './verdict-reasons.js';
import { SyntacticPromises } from './syntactic-promises.js';
import { TypedPromises } from './typed-promises.js';

/**
 * The promise analysis of one file: which expressions are promises, and which of them can reject.
 * Two questions meet here: "can it never reject" (`isNonRejecting`: proof of safety, where the
 * unknown counts as unsafe) and "does the code show how it rejects" (`rejects`: evidence, where
 * the unknown counts as no evidence). They recurse into each other through values, branches and
 * local functions, so the answers per function and the values being decided are kept here.
 */
export class PromiseAnalysis implements PromiseDetector {
  private readonly sourceCode: Readonly<TSESLint.SourceCode>;
  private readonly sources: PromiseSources;
  private readonly syntax: SyntacticPromises;
  private readonly typed: TypedPromises | null;
  private readonly judge: PromiseJudge;
  private readonly functionSafety = new Map<FunctionNode, 'safe' | 'trusted' | null>();
  private readonly verdicts = new Map<TSESTree.Node, RejectionVerdict>();
  private readonly rejectingPlainFunctions = new Map<FunctionNode, boolean>();
  /** Nodes whose safety is being decided: a value that depends on itself is not proof of safety. */
  private readonly visiting = new Set<TSESTree.Node>();

  constructor(sourceCode: Readonly<TSESLint.SourceCode>, sources: PromiseSources, services: ParserServicesWithTypeInformation | null) {
    this.sourceCode = sourceCode;
    this.sources = sources;
    this.syntax = new SyntacticPromises(sourceCode, sources);
    this.typed = services ? new TypedPromises(sourceCode, services) : null;
    this.judge = {
      isSafe: (node) => this.isNonRejecting(node),
      isPromise: (node) => this.syntax.isPromise(node),
      visitorKeys: sourceCode.visitorKeys,
    };
  }

  // PromiseDetector's members are function-valued properties, so a caller may take one off the
  // object (`const { canReject } = detector`): they are arrow fields, bound to this analysis.

  readonly getPromiseKind = (node: TSESTree.Node, inOptionalChain = false): PromiseKind => {
    const kind = this.typed?.getPromiseKind(node, inOptionalChain);
    if (kind !== undefined) return kind;
    return this.syntax.isPromise(node) ? 'promise' : null;
  };

  readonly isPromiseArray = (node: TSESTree.Node): boolean => this.typed?.isPromiseArray(node) ?? this.syntax.isPromiseArray(node);

  readonly isNonRejecting = (node: TSESTree.Node): boolean => this.checkOnce(node, (value) => this.isNonRejectingValue(value));

  readonly canReject = (node: TSESTree.Node): boolean => {
    if (this.isNonRejecting(node)) return false;
    const value = skipValueWrappers(node);
    if (getPromiseMethodCall(value)) {
      // A chain not ended by a handler rejects when its root can (`p.catch(h).then(f)` too: `f` may throw).
      const root = getChainRoot(value);
      if (this.syntax.isKnownSource(root) ? !this.isNonRejecting(root) : this.rejects(root)) return true;
      return this.rejects(value);
    }
    return this.syntax.isKnownSource(value) || this.rejects(value);
  };

  readonly rejects = (node: TSESTree.Node): boolean => this.checkOnce(node, (value) => this.rejectsValue(value));

  readonly hasCallbackRejectionEvidence = (node: TSESTree.Node): boolean => {
    const value = skipTypeWrappers(node);
    const fn = this.syntax.getCallbackFunction(value);
    if (fn) return this.showsRejection(fn, false);
    return this.typed?.isLibraryPromiseFunction(value) ?? false;
  };

  readonly isNonRejectingFunction = (fn: FunctionNode): boolean => this.getFunctionSafety(fn) !== null;

  /**
   * The one answer to "can the promise at `node` reject": `rejects`, `cannot-reject` or `unknown`,
   * with the reason (see rejection-verdict.ts). Cached per node; every check asks this and applies
   * its policy for `unknown`.
   */
  readonly getRejection = (node: TSESTree.Node): RejectionVerdict => {
    const value = skipValueWrappers(node);
    const known = this.verdicts.get(value);
    if (known) return known;
    const verdict = this.decideRejection(value);
    this.verdicts.set(value, verdict);
    return verdict;
  };

  /** The answer for the promise a call of the function `fn` (in this file) returns. */
  readonly getFunctionRejection = (fn: FunctionNode): RejectionVerdict => {
    const safety = this.getFunctionSafety(fn);
    if (safety === 'trusted') return { verdict: 'unknown', reason: 'trusted-beside-guard', node: fn };
    if (safety === 'safe') return { verdict: 'cannot-reject', reason: 'guarded-body', node: fn };
    if (this.functionRejects(fn)) return { verdict: 'rejects', reason: 'body-rejects', node: fn };
    return { verdict: 'unknown', reason: fn.async ? 'awaits-unknown' : 'returns-unknown', node: fn };
  };

  /** The local function a call or function value stands for (through `.bind(...)`), for the reasons. */
  readonly getLocalFunction = (callee: TSESTree.Node): FunctionNode | null => getCalledLocalFunction(callee, this.sourceCode);

  readonly getPromiseCallback = (node: TSESTree.Node): { fn: FunctionNode | null } | null => {
    const syntactic = this.syntax.getPromiseCallback(node);
    if (syntactic || !this.typed) return syntactic;
    return this.typed.getPromiseCallback(node);
  };

  readonly isAllowed = (node: TSESTree.Node): boolean => this.sources.isAllowedCall(skipValueWrappers(node));

  private getFunctionSafety(fn: FunctionNode): 'safe' | 'trusted' | null {
    if (this.functionSafety.has(fn)) return this.functionSafety.get(fn) ?? null;
    this.functionSafety.set(fn, null); // a recursive call is not proof of safety
    const result = getFunctionSafety(fn, this.judge);
    this.functionSafety.set(fn, result);
    return result;
  }

  private decideRejection(value: TSESTree.Node): RejectionVerdict {
    const fn = value.type === AST_NODE_TYPES.CallExpression ? this.getCallFunction(value) : null;
    if (fn && !fn.generator && (fn.async || returnsValue(fn, this.sourceCode.visitorKeys))) {
      const verdict = this.getFunctionRejection(fn);
      return { ...verdict, node: value };
    }
    const other = value.type === AST_NODE_TYPES.CallExpression ? this.getOtherFileRejection(value) : null;
    if (other) return { ...other, node: value };
    if (this.isNonRejecting(value)) return { verdict: 'cannot-reject', reason: getSafetyReason(value, this.sourceCode), node: value };
    if (getPromiseMethodCall(value)) return this.decideChain(value);
    if (this.rejects(value)) return { verdict: 'rejects', reason: getRejectsReason(value, this.sourceCode, this.getRejection), node: value };
    return { verdict: 'unknown', reason: getUnknownReason(value, this.sourceCode, this.getRejection, this.typed), node: value };
  }

  /**
   * A `.then/.catch/.finally` chain not ended by a handler: it rejects when a callback shows how, or
   * as its root does (`load().catch(h).then(f)` still needs a handler when `load()` can fail). On a
   * root that cannot reject, callbacks that show no way to reject are trusted; on a root the rule
   * cannot resolve, a handler part-way (`p.then(ok, fail).then(cleanup)`) handles it.
   */
  private decideChain(value: TSESTree.Node): RejectionVerdict {
    if (this.rejects(value)) return { verdict: 'rejects', reason: 'chain-rejects', node: value };
    const root = this.getRejection(getChainRoot(value));
    if (root.verdict === 'rejects') return { verdict: 'rejects', reason: 'chain-rejects', node: value };
    if (root.verdict === 'cannot-reject') return { verdict: 'cannot-reject', reason: root.reason, node: value };
    if (root.reason !== 'unresolved-call' && root.reason !== 'unresolved-value') return { ...root, node: value };
    for (let link = getPromiseMethodCall(value); link; link = getPromiseMethodCall(link.object)) {
      if (this.isHandled(link.object)) return { verdict: 'cannot-reject', reason: 'handled', node: value };
    }
    return { verdict: 'unknown', reason: 'unresolved-chain', node: value };
  }

  /** The function of this file a call runs: a local function, or (with types) one the checker finds declared in this file. */
  private getCallFunction(call: TSESTree.CallExpression): FunctionNode | null {
    if (getPromiseMethodCall(call) || getPromiseStatic(call, this.sourceCode) !== null || this.sources.getKnownPromiseCall(call)) return null;
    const local = getCalledLocalFunction(call.callee, this.sourceCode);
    if (local) return local;
    const declaration = this.typed?.getPromiseDeclaration(call) ?? null;
    return declaration === 'library' ? null : declaration;
  }

  /** With types, the answer for a call of a function declared in another file of the project, judged on its body there. */
  private getOtherFileRejection(call: TSESTree.CallExpression): ReturnType<TypedPromises['getOtherFileRejection']> {
    if (!this.typed || getPromiseMethodCall(call) || getPromiseStatic(call, this.sourceCode) !== null || this.sources.getKnownPromiseCall(call)) return null;
    if (getCalledLocalFunction(call.callee, this.sourceCode)) return null;
    return this.typed.getOtherFileRejection(call);
  }

  /** Runs `check` on the unwrapped value, answering false for a value already being checked (a cycle). */
  private checkOnce(node: TSESTree.Node, check: (value: TSESTree.Node) => boolean): boolean {
    const value = skipValueWrappers(node);
    if (this.visiting.has(value)) return false;
    this.visiting.add(value);
    try {
      return check(value);
    } finally {
      this.visiting.delete(value);
    }
  }

  /** With types, a handler whose type cannot be called (a variable that holds `undefined`) handles nothing. */
  private isHandled(node: TSESTree.Node): boolean {
    const typed = this.typed;
    return typed ? hasRejectionHandler(node, (handler) => typed.isCallable(handler)) : hasRejectionHandler(node);
  }

  /** The code of `fn` shows how its promise rejects; `throwRejects` for a chain callback, whose `throw` rejects the chain. */
  private showsRejection(fn: FunctionNode, throwRejects: boolean): boolean {
    return hasRejectionEvidence(fn, this.rejects, { throwRejects }, this.sourceCode.visitorKeys);
  }

  /** A branch value that is not a promise at all (`undefined`, a literal) or a promise that cannot reject. */
  private isSafeValue(node: TSESTree.Node): boolean {
    const value = skipValueWrappers(node);
    switch (value.type) {
      case AST_NODE_TYPES.Literal:
      case AST_NODE_TYPES.TemplateLiteral:
      case AST_NODE_TYPES.ObjectExpression:
      case AST_NODE_TYPES.ArrayExpression:
        return true;
      case AST_NODE_TYPES.Identifier:
        return value.name === 'undefined' || this.isNonRejecting(value);
      case AST_NODE_TYPES.UnaryExpression:
        return value.operator === 'void';
      default:
        return this.isNonRejecting(value);
    }
  }

  private isNonRejectingValue(value: TSESTree.Node): boolean {
    if (this.isHandled(value)) return true;
    const method = getPromiseMethodCall(value);
    if (method?.method === 'finally') return this.isNonRejecting(method.object);
    if (isNewPromise(value, this.sourceCode)) return getExecutorRejection(value, this.sourceCode) === 'never';
    switch (value.type) {
      case AST_NODE_TYPES.ConditionalExpression:
        return this.isSafeValue(value.consequent) && this.isSafeValue(value.alternate);
      case AST_NODE_TYPES.LogicalExpression:
        return this.isSafeValue(value.left) && this.isSafeValue(value.right);
      case AST_NODE_TYPES.Identifier:
      case AST_NODE_TYPES.MemberExpression: {
        const deferred = getDeferredPromise(value, this.sourceCode);
        if (deferred) return !deferred.canReject;
        if (value.type === AST_NODE_TYPES.MemberExpression) return false;
        const values = getVariableValues(value, this.sourceCode);
        return values !== null && values.length > 0 && values.every((each) => this.isSafeValue(each));
      }
      case AST_NODE_TYPES.CallExpression:
        return this.isNonRejectingCall(value);
      default:
        return false;
    }
  }

  private isNonRejectingCall(call: TSESTree.CallExpression): boolean {
    if (this.sources.getKnownPromiseCall(call)?.cannotReject) return true;
    const name = getPromiseStatic(call, this.sourceCode);
    if (name === 'allSettled') return true;
    if (name === 'all' || name === 'any' || name === 'race') return this.isSafeArray(call.arguments[0]);
    if (name === 'resolve') return call.arguments.length === 0 || call.arguments[0]?.type === AST_NODE_TYPES.Literal;
    if (name !== null) return false;
    const fn = getCalledLocalFunction(call.callee, this.sourceCode);
    if (fn === null) return this.getOtherFileRejection(call)?.verdict === 'cannot-reject';
    // A plain function that returns nothing gives no promise at all.
    if (!fn.async && !fn.generator && !returnsValue(fn, this.sourceCode.visitorKeys)) return true;
    return this.isNonRejectingFunction(fn);
  }

  private rejectsValue(value: TSESTree.Node): boolean {
    switch (value.type) {
      case AST_NODE_TYPES.ConditionalExpression:
        return this.rejects(value.consequent) || this.rejects(value.alternate);
      case AST_NODE_TYPES.LogicalExpression:
        return this.rejects(value.left) || this.rejects(value.right);
      case AST_NODE_TYPES.SequenceExpression:
        return value.expressions.length > 0 && this.rejects(value.expressions[value.expressions.length - 1] as TSESTree.Expression);
      case AST_NODE_TYPES.AwaitExpression:
        return this.rejects(value.argument);
      case AST_NODE_TYPES.ImportExpression:
        return true;
      case AST_NODE_TYPES.Identifier:
      case AST_NODE_TYPES.MemberExpression: {
        const deferred = getDeferredPromise(value, this.sourceCode);
        if (deferred) return deferred.canReject;
        const values = value.type === AST_NODE_TYPES.Identifier ? getVariableValues(value, this.sourceCode) : null;
        if (values && values.length > 0) return values.some(this.rejects);
        return this.rejectsByDeclaration(value);
      }
      case AST_NODE_TYPES.NewExpression:
        // A wrapper that forwards a callback API's error rejects only if that API fails, which the rule cannot see.
        return isNewPromise(value, this.sourceCode) ? getExecutorRejection(value, this.sourceCode) === 'direct' : this.rejectsByDeclaration(value);
      case AST_NODE_TYPES.CallExpression:
        return this.callRejects(value);
      default:
        return false;
    }
  }

  private callRejects(call: TSESTree.CallExpression): boolean {
    const method = getPromiseMethodCall(call);
    if (method) {
      if (this.isHandled(call)) return false;
      if (method.method === 'catch') return this.rejects(method.object);
      return this.rejects(method.object) || this.callbackRejects(call.arguments[0]);
    }
    const known = this.sources.getKnownPromiseCall(call);
    if (known) return !known.cannotReject;
    switch (getPromiseStatic(call, this.sourceCode)) {
      case null:
        break;
      case 'reject':
        return true;
      case 'resolve':
        return call.arguments[0] !== undefined && this.rejects(call.arguments[0]);
      case 'all':
      case 'any':
      case 'race':
        return this.arrayRejects(call.arguments[0]);
      case 'try':
        return this.callbackRejects(call.arguments[0]);
      default:
        return false;
    }
    const fn = getCalledLocalFunction(call.callee, this.sourceCode);
    return fn ? this.functionRejects(fn) : this.rejectsByDeclaration(call);
  }

  /** The code of the local function `fn` shows how the promise a call of it returns rejects (what it cannot judge is no evidence). */
  private functionRejects(fn: FunctionNode): boolean {
    if (fn.generator || this.isNonRejectingFunction(fn)) return false;
    const known = this.rejectingPlainFunctions.get(fn);
    if (known !== undefined) return known;
    this.rejectingPlainFunctions.set(fn, false); // a recursive call is no evidence
    const result = this.showsRejection(fn, false);
    this.rejectingPlainFunctions.set(fn, result);
    return result;
  }

  /** With types: the value is a thenable declared by a library (the promise of an API, which can fail), or by a function in this file that rejects. */
  private rejectsByDeclaration(node: TSESTree.Node): boolean {
    if (node.type === AST_NODE_TYPES.CallExpression && this.getOtherFileRejection(node)?.verdict === 'rejects') return true;
    const declaration = this.typed?.getPromiseDeclaration(node) ?? null;
    if (declaration === 'library') return true;
    return declaration !== null && this.functionRejects(declaration);
  }

  /** A callback of a chain (`.then(f)`, `.finally(f)`, `Promise.try(f)`) whose code shows it rejects. */
  private callbackRejects(node: TSESTree.Node | undefined): boolean {
    if (!node || node.type === AST_NODE_TYPES.SpreadElement) return false;
    const value = skipTypeWrappers(node);
    const fn = this.syntax.getCallbackFunction(value);
    if (fn) return !this.isNonRejectingFunction(fn) && this.showsRejection(fn, !fn.async);
    return this.typed?.isLibraryPromiseFunction(value) ?? false;
  }

  /** An array (the argument of `Promise.all`) whose every element cannot reject: literal elements, or `.map(f)` with such an `f`. */
  private isSafeArray(node: TSESTree.Node | undefined): boolean {
    if (!node || node.type === AST_NODE_TYPES.SpreadElement) return false;
    const value = skipValueWrappers(node);
    if (value.type === AST_NODE_TYPES.ArrayExpression) {
      return value.elements.every((element) => element !== null && element.type !== AST_NODE_TYPES.SpreadElement && this.isSafeValue(element));
    }
    if (value.type !== AST_NODE_TYPES.CallExpression) return false;
    const callee = skipTypeWrappers(value.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || ASTUtils.getPropertyName(callee) !== 'map') return false;
    const callback = value.arguments[0];
    const fn = callback && callback.type !== AST_NODE_TYPES.SpreadElement ? this.syntax.getCallbackFunction(skipTypeWrappers(callback)) : null;
    return fn !== null && this.isNonRejectingFunction(fn);
  }

  /** An array (the argument of `Promise.all`) with an element that shows how it rejects. */
  private arrayRejects(node: TSESTree.Node | undefined): boolean {
    if (!node || node.type === AST_NODE_TYPES.SpreadElement) return false;
    const value = skipValueWrappers(node);
    if (value.type === AST_NODE_TYPES.ArrayExpression) {
      return value.elements.some((element) => element !== null && element.type !== AST_NODE_TYPES.SpreadElement && this.rejects(element));
    }
    if (value.type === AST_NODE_TYPES.CallExpression) {
      const callee = skipTypeWrappers(value.callee);
      if (callee.type === AST_NODE_TYPES.MemberExpression && ASTUtils.getPropertyName(callee) === 'map') return this.callbackRejects(value.arguments[0]);
    }
    if (value.type === AST_NODE_TYPES.Identifier) {
      const values = getVariableValues(value, this.sourceCode);
      if (values) return values.some((each) => this.arrayRejects(each));
    }
    return this.typed?.isLibraryPromiseArray(value) ?? false;
  }
}
