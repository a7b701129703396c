import { AST_NODE_TYPES, type ParserServicesWithTypeInformation, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { isFunctionNode, type FunctionNode } from '../ast/function-node.js';
import { skipBindCall, skipTypeWrappers } from '../ast/unwrap.js';
import { getCalledLocalFunction } from '../scope/local-functions.js';
import { getDeclarationOrigin, type DeclarationOrigin } from '../types/declaration-origin.js';
import { getThenableKind, isCallable, isThenableArray, returnsThenable } from '../types/thenable-type.js';
import { getOtherFileRejection, type OtherFileVerdict } from './other-file-rejection.js';
import type { PromiseKind } from './promise-detection.js';

/**
 * Who declared the thenable an expression gives, as far as its rejections go: a library (an API,
 * which can fail), a function in this file (its code decides), or neither (nothing to go on).
 */
export type PromiseDeclaration = 'library' | FunctionNode | null;

/**
 * Declarations of this file that promise a thenable without the code that makes it: interface and
 * type-literal members, abstract methods. Their implementations are elsewhere (often I/O), so their
 * promises are judged as an API's, which can fail.
 */
const BODILESS_MEMBERS = new Set<string>([
  AST_NODE_TYPES.TSMethodSignature,
  AST_NODE_TYPES.TSPropertySignature,
  AST_NODE_TYPES.TSAbstractMethodDefinition,
  AST_NODE_TYPES.TSCallSignatureDeclaration,
]);

/** The function a declaration found by the checker in this file stands for (`function f`, a method, `const f = () => ...`). */
function getDeclaredFunction(declaration: TSESTree.Node | null): FunctionNode | null {
  if (!declaration) return null;
  if (isFunctionNode(declaration)) return declaration;
  const value =
    declaration.type === AST_NODE_TYPES.MethodDefinition || declaration.type === AST_NODE_TYPES.Property || declaration.type === AST_NODE_TYPES.PropertyDefinition
      ? declaration.value
      : declaration.type === AST_NODE_TYPES.VariableDeclarator
        ? declaration.init
        : null;
  const inner = value ? skipTypeWrappers(value) : null;
  return inner && isFunctionNode(inner) ? inner : null;
}

/**
 * The promise questions only the type checker answers. Each answer is what the types show; where
 * a type says nothing (`any`, no type), the caller falls back to what the code shows.
 */
export class TypedPromises {
  private readonly sourceCode: Readonly<TSESLint.SourceCode>;
  private readonly services: ParserServicesWithTypeInformation;

  /** Per node, the origin of its thenable (null when it is not a thenable): several questions ask it of the same call. */
  private readonly thenableOrigins = new Map<TSESTree.Node, DeclarationOrigin | null>();

  constructor(sourceCode: Readonly<TSESLint.SourceCode>, services: ParserServicesWithTypeInformation) {
    this.sourceCode = sourceCode;
    this.services = services;
  }

  /** Where the thenable at `node` is declared; null when its type is not (or not always) a thenable. */
  private getThenableOrigin(node: TSESTree.Node): DeclarationOrigin | null {
    if (this.thenableOrigins.has(node)) return this.thenableOrigins.get(node) ?? null;
    const kind = getThenableKind(this.services, node);
    const origin = kind === 'always' || kind === 'sometimes' ? getDeclarationOrigin(this.services, node) : null;
    this.thenableOrigins.set(node, origin);
    return origin;
  }

  /** The checker's answer to "is `node` a promise"; undefined when its type does not tell (`any`). */
  getPromiseKind(node: TSESTree.Node, inOptionalChain: boolean): PromiseKind | undefined {
    const kind = getThenableKind(this.services, node, inOptionalChain);
    if (kind === 'always') return 'promise';
    if (kind === 'sometimes') return 'maybe';
    if (kind === 'never') return null;
    return undefined;
  }

  /** The checker's answer to "is `node` an array of promises"; undefined when its type does not tell. */
  isPromiseArray(node: TSESTree.Node): boolean | undefined {
    if (getThenableKind(this.services, node) === 'unknown') return undefined;
    return isThenableArray(this.services, node);
  }

  /** Whether a rejection handler can be called: an argument typed `undefined` or as a non-function handles nothing. */
  isCallable(handler: TSESTree.Node): boolean {
    return isCallable(this.services, handler);
  }

  /** The function value `node` returns a thenable on every call; its node when it is in this file. */
  getPromiseCallback(node: TSESTree.Node): { fn: FunctionNode | null } | null {
    const value = skipTypeWrappers(node);
    const isBound = skipBindCall(value) !== value;
    if (!isBound && !isFunctionNode(value) && value.type !== AST_NODE_TYPES.Identifier && value.type !== AST_NODE_TYPES.MemberExpression) return null;
    if (!returnsThenable(this.services, value)) return null;
    const target = skipBindCall(value);
    return { fn: isFunctionNode(target) ? target : getCalledLocalFunction(target, this.sourceCode) };
  }

  /** The function value `value` is a library's and returns a thenable: an API whose promise can fail. */
  isLibraryPromiseFunction(value: TSESTree.Node): boolean {
    return returnsThenable(this.services, value) && getDeclarationOrigin(this.services, value).kind === 'library';
  }

  /** `value` is an array of thenables a library gives: API promises, which can fail. */
  isLibraryPromiseArray(value: TSESTree.Node): boolean {
    return getDeclarationOrigin(this.services, value).kind === 'library' && isThenableArray(this.services, value);
  }

  /** The thenable at `node` comes from code in another file of the project (not a library, not this file). */
  isFromOtherFile(node: TSESTree.Node): boolean {
    return this.getThenableOrigin(node)?.kind === 'project';
  }

  /**
   * For a call that gives a thenable and runs a function or method declared in another file of the
   * project: the answer its body there gives (see other-file-rejection.ts); null for any other node.
   */
  getOtherFileRejection(call: TSESTree.CallExpression): OtherFileVerdict | null {
    const origin = this.getThenableOrigin(call);
    return origin?.kind === 'project' ? getOtherFileRejection(origin.declaration) : null;
  }

  /** Who declared the thenable at `node`; a function in this file only for a call or `new` of it. */
  getPromiseDeclaration(node: TSESTree.Node): PromiseDeclaration {
    const origin = this.getThenableOrigin(node);
    if (!origin) return null;
    if (origin.kind === 'library') return 'library';
    if (origin.kind !== 'this-file' || (node.type !== AST_NODE_TYPES.CallExpression && node.type !== AST_NODE_TYPES.NewExpression)) return null;
    // `interface Repository<T> { save(item: T): Promise<T> }`: a contract whose code is elsewhere, like an API's.
    if (origin.declaration && BODILESS_MEMBERS.has(origin.declaration.type)) return 'library';
    return getDeclaredFunction(origin.declaration);
  }
}
