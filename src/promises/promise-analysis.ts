import { ASTUtils, AST_NODE_TYPES, type ParserServicesWithTypeInformation, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { FunctionNode } from '../ast/function-node.js';
import { skipTypeWrappers, skipValueWrappers } from '../ast/unwrap.js';
import { getCalledLocalFunction } from '../scope/local-functions.js';
import { getVariableValues } from '../scope/variable-values.js';
import { hasRejectionEvidence, isNonRejectingFunction, returnsValue, type PromiseJudge } from './can-reject.js';
import { getDeferredPromise } from './deferred-promise.js';
import type { PromiseDetector, PromiseKind } from './promise-detection.js';
import { getExecutorRejection } from './promise-executor.js';
import { getChainRoot, getPromiseMethodCall, hasRejectionHandler } from './promise-handling.js';
import type { PromiseSources } from './promise-sources.js';
import { getPromiseStatic, isNewPromise } from './promise-statics.js';
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
  private readonly nonRejectingFunctions = new Map<FunctionNode, boolean>();
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

  readonly isNonRejectingFunction = (fn: FunctionNode): boolean => {
    const known = this.nonRejectingFunctions.get(fn);
    if (known !== undefined) return known;
    this.nonRejectingFunctions.set(fn, false); // a recursive call is not proof of safety
    const result = isNonRejectingFunction(fn, this.judge);
    this.nonRejectingFunctions.set(fn, result);
    return result;
  };

  readonly getPromiseCallback = (node: TSESTree.Node): { fn: FunctionNode | null } | null => {
    const syntactic = this.syntax.getPromiseCallback(node);
    if (syntactic || !this.typed) return syntactic;
    return this.typed.getPromiseCallback(node);
  };

  readonly isAllowed = (node: TSESTree.Node): boolean => this.sources.isAllowedCall(skipValueWrappers(node));

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
    if (name === 'resolve') return call.arguments.length === 0 || call.arguments[0]?.type === AST_NODE_TYPES.Literal;
    if (name !== null) return false;
    const fn = getCalledLocalFunction(call.callee, this.sourceCode);
    if (fn === null) return false;
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

  /** The promise a call of the local function `fn` returns shows how it rejects (a local async function: unless proven safe). */
  private functionRejects(fn: FunctionNode): boolean {
    if (fn.generator) return false;
    if (fn.async) return !this.isNonRejectingFunction(fn);
    const known = this.rejectingPlainFunctions.get(fn);
    if (known !== undefined) return known;
    this.rejectingPlainFunctions.set(fn, false); // a recursive call is no evidence
    const result = this.showsRejection(fn, false);
    this.rejectingPlainFunctions.set(fn, result);
    return result;
  }

  /** With types: the value is a thenable declared by a library (the promise of an API, which can fail), or by a function in this file that rejects. */
  private rejectsByDeclaration(node: TSESTree.Node): boolean {
    const declaration = this.typed?.getPromiseDeclaration(node) ?? null;
    if (declaration === 'library') return true;
    return declaration !== null && this.functionRejects(declaration);
  }

  /** A callback of a chain (`.then(f)`, `.finally(f)`, `Promise.try(f)`) whose code shows it rejects (a local async function: unless proven safe). */
  private callbackRejects(node: TSESTree.Node | undefined): boolean {
    if (!node || node.type === AST_NODE_TYPES.SpreadElement) return false;
    const value = skipTypeWrappers(node);
    const fn = this.syntax.getCallbackFunction(value);
    if (fn) return fn.async && !fn.generator ? !this.isNonRejectingFunction(fn) : this.showsRejection(fn, true);
    return this.typed?.isLibraryPromiseFunction(value) ?? false;
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
