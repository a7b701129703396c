import type { ParserServicesWithTypeInformation, TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { FunctionNode } from '../ast/function-node.js';
import { PromiseAnalysis } from './promise-analysis.js';
import type { PromiseSources } from './promise-sources.js';
import type { RejectionVerdict } from './rejection-verdict.js';

/** A promise for sure, a promise in some forms only (a `void | Promise<void>` type), or not known to be one. */
export type PromiseKind = 'promise' | 'maybe' | null;

export interface PromiseDetector {
  /**
   * Whether the value of `node` is a promise (with types: a thenable). `inOptionalChain`: the
   * `undefined` an optional chain (`a?.b()`) adds does not make it a promise "in some forms".
   */
  getPromiseKind: (node: TSESTree.Node, inOptionalChain?: boolean) => PromiseKind;
  /** Whether `node` is an array of promises: `xs.map(async (x) => ...)`, `[load(a), load(b)]`. */
  isPromiseArray: (node: TSESTree.Node) => boolean;
  /** The one answer to "can the promise at `node` reject", with its reason: what every check asks. */
  getRejection: (node: TSESTree.Node) => RejectionVerdict;
  /** The same answer for the promise a call of the function `fn` (in this file) returns. */
  getFunctionRejection: (fn: FunctionNode) => RejectionVerdict;
  /** Whether the promise at `node` can never reject (handled, or it only ever resolves). */
  isNonRejecting: (node: TSESTree.Node) => boolean;
  /**
   * Whether the rule reports the promise at `node` when it is dropped or kept too long: a promise
   * from a source the rule knows (a local async function, a Node API, `new Promise`, ...) that it
   * cannot prove safe, or any other promise (a chain on a value it cannot resolve, a promise only
   * the type checker shows) that it has evidence can reject (`rejects`).
   */
  canReject: (node: TSESTree.Node) => boolean;
  /** Whether the code shows how the promise at `node` rejects (see `hasRejectionEvidence`); the unknown is not evidence. */
  rejects: (node: TSESTree.Node) => boolean;
  /** Whether the function value `node` (a promise callback) shows how its promise rejects. */
  hasCallbackRejectionEvidence: (node: TSESTree.Node) => boolean;
  /** Whether every promise a call of the function `fn` (in this file) returns can never reject. */
  isNonRejectingFunction: (fn: FunctionNode) => boolean;
  /** Whether the function value `node` returns a promise; the function's node when it is in this file. */
  getPromiseCallback: (node: TSESTree.Node) => { fn: FunctionNode | null } | null;
  /** Whether the callee of the call at `node` is one whose promises may float (`allowFunctions`). */
  isAllowed: (node: TSESTree.Node) => boolean;
}

/**
 * Decides, without the type checker, which expressions are promises (the syntactic mode), and with
 * it when `services` is given (the type-aware mode; the syntactic answer is kept for `any` types).
 */
export function createPromiseDetector(
  sourceCode: Readonly<TSESLint.SourceCode>,
  sources: PromiseSources,
  services: ParserServicesWithTypeInformation | null,
): PromiseDetector {
  return new PromiseAnalysis(sourceCode, sources, services);
}
