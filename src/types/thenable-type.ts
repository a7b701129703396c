import { createRequire } from 'node:module';
import { AST_NODE_TYPES, type ParserServicesWithTypeInformation, type TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';

/**
 * How a type relates to promises: every member of it is thenable, only some members are
 * (`void | Promise<void>`), none is, or the checker cannot say (`any`, `unknown`, unresolved imports).
 */
export type ThenableKind = 'always' | 'sometimes' | 'never' | 'unknown';

let typescript: typeof ts | undefined;
/** TypeScript itself, loaded only once type information is in use (it is an optional peer dependency). */
function getTypeScript(): typeof ts {
  typescript ??= createRequire(import.meta.url)('typescript') as typeof ts;
  return typescript;
}

function getUnionParts(type: ts.Type): readonly ts.Type[] {
  return type.isUnion() ? type.types : [type];
}

function hasFlag(type: ts.Type, flags: ts.TypeFlags): boolean {
  return (type.flags & flags) !== 0;
}

/**
 * Answers per type object: a checker's types live as long as its program, and `then` is a
 * property (no narrowing at a location changes its declared type), so one answer per type holds.
 */
const thenableParts = new WeakMap<ts.Type, boolean>();

/** A type with a `then` member that can be called. */
function isThenablePart(checker: ts.TypeChecker, type: ts.Type, location: ts.Node): boolean {
  const known = thenableParts.get(type);
  if (known !== undefined) return known;
  const then = checker.getApparentType(type).getProperty('then');
  const result = then !== undefined && getUnionParts(checker.getTypeOfSymbolAtLocation(then, location)).some((part) => part.getCallSignatures().length > 0);
  thenableParts.set(type, result);
  return result;
}

/**
 * Classifies `type` (seen at `location`) as thenable always, sometimes, never, or unknown.
 * `ignoreNullish` leaves out `undefined` and `null` (which an optional chain adds, not the callee).
 */
export function getThenableKindOfType(
  checker: ts.TypeChecker,
  type: ts.Type,
  location: ts.Node,
  ignoreNullish = false,
): ThenableKind {
  const { TypeFlags } = getTypeScript();
  if (hasFlag(type, TypeFlags.Any | TypeFlags.Unknown)) return 'unknown';
  const ignored = TypeFlags.Never | (ignoreNullish ? TypeFlags.Undefined | TypeFlags.Null : 0);
  const parts = getUnionParts(type).filter((part) => !hasFlag(part, ignored));
  if (parts.length === 0) return 'never';
  const thenable = parts.filter((part) => isThenablePart(checker, part, location)).length;
  if (thenable === 0) return 'never';
  return thenable === parts.length ? 'always' : 'sometimes';
}

/** Types already read, per node (nodes belong to one file's AST: nothing outlives it). */
const nodeTypes = new WeakMap<TSESTree.Node, ts.Type | null>();

/** Reads a node's type, or null when the checker fails on it. */
function getNodeType(services: ParserServicesWithTypeInformation, node: TSESTree.Node): ts.Type | null {
  const known = nodeTypes.get(node);
  if (known !== undefined) return known;
  let type: ts.Type | null;
  try {
    type = services.getTypeAtLocation(node);
  } catch {
    type = null;
  }
  nodeTypes.set(node, type);
  return type;
}

/**
 * Whether every instantiation of `type` has the same answer to "thenable, or an array of thenables":
 * primitives, and object types without a `then` member (arrays and tuples: of such elements).
 * A type parameter, a conditional or mapped type, or a `then` member whose type may depend on one
 * could still become a thenable.
 */
function isInstantiationFree(checker: ts.TypeChecker, type: ts.Type, depth = 0): boolean {
  const { TypeFlags, ObjectFlags } = getTypeScript();
  if (depth > 3) return false;
  if (type.isUnion() || type.isIntersection()) return type.types.every((part) => isInstantiationFree(checker, part, depth + 1));
  if (hasFlag(type, TypeFlags.StringLike | TypeFlags.NumberLike | TypeFlags.BigIntLike | TypeFlags.BooleanLike | TypeFlags.EnumLike | TypeFlags.ESSymbolLike | TypeFlags.VoidLike | TypeFlags.Null | TypeFlags.Any | TypeFlags.Unknown | TypeFlags.Never | TypeFlags.NonPrimitive)) return true;
  if (!hasFlag(type, TypeFlags.Object)) return false;
  if (((type as ts.ObjectType).objectFlags & ObjectFlags.Mapped) !== 0 || type.getProperty('then') !== undefined) return false;
  if (!checker.isArrayType(type) && !checker.isTupleType(type)) return true;
  return checker.getTypeArguments(type as ts.TypeReference).every((element) => isInstantiationFree(checker, element, depth + 1));
}

const plainCalls = new WeakMap<TSESTree.Node, boolean>();

/**
 * Whether the callee's own signatures show that `call` gives neither a thenable nor an array of
 * thenables, whatever they are instantiated with. Then the call itself is never resolved: that
 * checks every argument, inline callbacks included, and is most of what asking for its type costs.
 */
function isPlainCall(services: ParserServicesWithTypeInformation, call: TSESTree.CallExpression): boolean {
  const known = plainCalls.get(call);
  if (known !== undefined) return known;
  let plain = false;
  const calleeType = getNodeType(services, call.callee);
  if (calleeType) {
    const checker = services.program.getTypeChecker();
    const location = services.esTreeNodeToTSNodeMap.get(call);
    const signatures = getUnionParts(calleeType).flatMap((part) => part.getCallSignatures());
    plain =
      signatures.length > 0 &&
      signatures.every((signature) => {
        const returnType = signature.getReturnType();
        return (
          isInstantiationFree(checker, returnType) &&
          getThenableKindOfType(checker, returnType, location) === 'never' &&
          !isThenableArrayType(checker, returnType, location)
        );
      });
  }
  plainCalls.set(call, plain);
  return plain;
}

/** The thenable kind of the value of `node` (`ignoreNullish`: as if an optional chain had not short-circuited). */
export function getThenableKind(services: ParserServicesWithTypeInformation, node: TSESTree.Node, ignoreNullish = false): ThenableKind {
  if (node.type === AST_NODE_TYPES.CallExpression && isPlainCall(services, node)) return 'never';
  const type = getNodeType(services, node);
  if (!type) return 'unknown';
  return getThenableKindOfType(services.program.getTypeChecker(), type, services.esTreeNodeToTSNodeMap.get(node), ignoreNullish);
}

/** The type as the checker prints it, for messages. */
export function getTypeText(services: ParserServicesWithTypeInformation, node: TSESTree.Node): string {
  const type = getNodeType(services, node);
  return type ? services.program.getTypeChecker().typeToString(type) : 'unknown';
}

/** Whether every non-nullish member of `node`'s type is the built-in `Promise` (eager: already running). */
export function isNativePromise(services: ParserServicesWithTypeInformation, node: TSESTree.Node): boolean {
  const type = getNodeType(services, node);
  if (!type) return false;
  const { TypeFlags } = getTypeScript();
  const parts = getUnionParts(type).filter((part) => !hasFlag(part, TypeFlags.Never | TypeFlags.Null | TypeFlags.Undefined));
  return (
    parts.length > 0 &&
    parts.every((part) => {
      const symbol = part.getSymbol();
      if (symbol?.getName() !== 'Promise') return false;
      return (symbol.getDeclarations() ?? []).some((declaration) =>
        services.program.isSourceFileDefaultLibrary(declaration.getSourceFile()),
      );
    })
  );
}

/** Whether `node`'s type is an array or tuple of thenables (`Promise<T>[]`). */
export function isThenableArray(services: ParserServicesWithTypeInformation, node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.CallExpression && isPlainCall(services, node)) return false;
  const type = getNodeType(services, node);
  if (!type) return false;
  return isThenableArrayType(services.program.getTypeChecker(), type, services.esTreeNodeToTSNodeMap.get(node));
}

function isThenableArrayType(checker: ts.TypeChecker, type: ts.Type, location: ts.Node): boolean {
  return getUnionParts(type).some((part) => {
    const apparent = checker.getApparentType(part);
    if (!checker.isArrayType(apparent) && !checker.isTupleType(apparent)) return false;
    return checker
      .getTypeArguments(apparent as ts.TypeReference)
      .some((element) => getThenableKindOfType(checker, element, location) === 'always');
  });
}

/** The thenable kind of what the function type `type` returns, over all its call signatures. */
function getReturnThenableKind(checker: ts.TypeChecker, type: ts.Type, location: ts.Node): ThenableKind | null {
  const kinds = getUnionParts(type).flatMap((part) =>
    part.getCallSignatures().map((signature) => getThenableKindOfType(checker, signature.getReturnType(), location)),
  );
  if (kinds.length === 0) return null;
  if (kinds.includes('always')) return 'always';
  if (kinds.includes('sometimes')) return 'sometimes';
  return kinds.includes('unknown') ? 'unknown' : 'never';
}

/** Whether the function value at `node` returns a thenable on every call. */
export function returnsThenable(services: ParserServicesWithTypeInformation, node: TSESTree.Node): boolean {
  const type = getNodeType(services, node);
  if (!type) return false;
  const checker = services.program.getTypeChecker();
  return getReturnThenableKind(checker, type, services.esTreeNodeToTSNodeMap.get(node)) === 'always';
}

/** The parameter type a signature gives argument `index` (rest parameters give their element type). */
function getParameterType(checker: ts.TypeChecker, signature: ts.Signature, index: number, location: ts.Node): ts.Type | null {
  const parameters = signature.getParameters();
  const last = parameters[parameters.length - 1];
  const lastDeclaration = last?.valueDeclaration as ts.ParameterDeclaration | undefined;
  const isRest = lastDeclaration !== undefined && 'dotDotDotToken' in lastDeclaration && lastDeclaration.dotDotDotToken !== undefined;
  const parameter = index < parameters.length - (isRest ? 1 : 0) ? parameters[index] : isRest ? last : undefined;
  if (!parameter) return null;
  const type = checker.getTypeOfSymbolAtLocation(parameter, location);
  if (parameter !== last || !isRest) return type;
  return checker.isArrayType(type) ? (checker.getTypeArguments(type as ts.TypeReference)[0] ?? null) : null;
}

/**
 * Whether the callee of `call` takes argument `index` as a function whose return value it ignores:
 * every signature types that parameter as a function returning `void`, and none accepts a
 * function returning a thenable (overloads such as `(cb: () => void) | (cb: () => Promise<void>)`).
 */
export function isVoidCallbackParameter(
  services: ParserServicesWithTypeInformation,
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  index: number,
): boolean {
  const checker = services.program.getTypeChecker();
  const tsCall = services.esTreeNodeToTSNodeMap.get(call) as ts.CallExpression | ts.NewExpression;
  const calleeType = getNodeType(services, call.callee);
  if (!calleeType) return false;
  const { TypeFlags } = getTypeScript();
  let expectsVoid = false;
  for (const part of getUnionParts(calleeType)) {
    const signatures = call.type === AST_NODE_TYPES.NewExpression ? part.getConstructSignatures() : part.getCallSignatures();
    for (const signature of signatures) {
      const parameterType = getParameterType(checker, signature, index, tsCall);
      if (!parameterType) continue;
      for (const fnPart of getUnionParts(parameterType)) {
        for (const callback of fnPart.getCallSignatures()) {
          const returnType = callback.getReturnType();
          if (getThenableKindOfType(checker, returnType, tsCall) !== 'never') return false;
          if (hasFlag(returnType, TypeFlags.Void)) expectsVoid = true;
        }
      }
    }
  }
  return expectsVoid;
}

/** Whether the value at `node` can be called (a usable rejection handler). */
export function isCallable(services: ParserServicesWithTypeInformation, node: TSESTree.Node): boolean {
  const type = getNodeType(services, node);
  if (!type) return true;
  const { TypeFlags } = getTypeScript();
  if (hasFlag(type, TypeFlags.Any | TypeFlags.Unknown)) return true;
  return getUnionParts(type).some((part) => part.getCallSignatures().length > 0);
}

/** Whether the value at `node` is known to be a function (its type has call signatures; `any` is not known). */
export function hasCallSignatures(services: ParserServicesWithTypeInformation, node: TSESTree.Node): boolean {
  const type = getNodeType(services, node);
  if (!type) return false;
  const checker = services.program.getTypeChecker();
  return getUnionParts(checker.getApparentType(type)).some((part) => part.getCallSignatures().length > 0);
}
