import type * as ts from 'typescript';
import { getTypeScript } from '../types/typescript-module.js';
import type { CannotRejectReason, RejectsReason, UnknownReason } from './rejection-verdict.js';

/**
 * The answer for the promise a call of a function declared in another file of the project gives,
 * judged on that file's TypeScript syntax tree (ESTree nodes exist only for the file being linted).
 * The reasons are those of a function in this file, so the rule applies the same policy:
 * - `body-rejects`: an async body that throws, or awaits or returns `Promise.reject(...)`, outside a
 *   `try` whose `catch` swallows the error; a plain function that returns `Promise.reject(...)`;
 * - `guarded-body`: an async body whose awaits and returned calls all sit in such `try` blocks or are
 *   handled chains (`.catch(h)`, `.then(ok, fail)`); a plain function whose every return is handled;
 * - `awaits-unknown`: an async body that awaits or returns, unguarded, a call it cannot judge
 *   (`await queue.add(job)`, `return db.query(sql)`);
 * - `returns-unknown`: a plain function that returns a value it cannot judge;
 * - `trusted-beside-guard`: an async body that guards some awaits in such a `try` and awaits others
 *   beside it: the author has put the work that can fail in the `try`;
 * - `other-file`: a declaration without a body to read (an interface or type member, an abstract
 *   method, an overload signature, a variable that holds a function built elsewhere).
 * Calls inside the other body are not followed: the answer rests on that body's syntax alone.
 */
export type OtherFileVerdict =
  | { verdict: 'rejects'; reason: Extract<RejectsReason, 'body-rejects'> }
  | { verdict: 'cannot-reject'; reason: Extract<CannotRejectReason, 'guarded-body'> }
  | { verdict: 'unknown'; reason: Extract<UnknownReason, 'awaits-unknown' | 'returns-unknown' | 'trusted-beside-guard' | 'other-file'> };

type ValueVerdict = 'rejects' | 'safe' | 'unknown';

/** Per declaration node: its answer depends only on its own syntax, so it holds for every file that calls it. */
const verdicts = new WeakMap<ts.Node, OtherFileVerdict>();

const NO_BODY: OtherFileVerdict = { verdict: 'unknown', reason: 'other-file' };

/** The function a declaration stands for: `function f() {}`, a method, `const f = async () => ...`, `f = () => ...` in a class or object. */
function getFunctionOf(declaration: ts.Node): ts.FunctionLikeDeclaration | null {
  const tsModule = getTypeScript();
  let node: ts.Node | undefined = declaration;
  if (tsModule.isVariableDeclaration(node) || tsModule.isPropertyDeclaration(node) || tsModule.isPropertyAssignment(node)) node = node.initializer;
  while (node && (tsModule.isParenthesizedExpression(node) || tsModule.isAsExpression(node) || tsModule.isSatisfiesExpression(node))) node = node.expression;
  if (!node) return null;
  const isFunction =
    tsModule.isFunctionDeclaration(node) || tsModule.isMethodDeclaration(node) || tsModule.isFunctionExpression(node) || tsModule.isArrowFunction(node);
  return isFunction && (node as ts.FunctionLikeDeclaration).body ? (node as ts.FunctionLikeDeclaration) : null;
}

function skipWrappers(node: ts.Expression): ts.Expression {
  const tsModule = getTypeScript();
  let value = node;
  while (tsModule.isParenthesizedExpression(value) || tsModule.isAsExpression(value) || tsModule.isSatisfiesExpression(value) || tsModule.isNonNullExpression(value)) {
    value = value.expression;
  }
  return value;
}

/** `x.name(...)` with at least `argumentCount` arguments. */
function isMethodCall(node: ts.CallExpression, name: string, argumentCount: number): node is ts.CallExpression & { expression: ts.PropertyAccessExpression } {
  const tsModule = getTypeScript();
  return (
    tsModule.isPropertyAccessExpression(node.expression) &&
    node.expression.name.text === name &&
    node.arguments.length >= argumentCount
  );
}

/**
 * What an awaited or returned value is, from its syntax: `rejects` (`Promise.reject(e)`), `safe` (a
 * handled chain, `Promise.resolve()`, `Promise.allSettled(...)`, a literal or plain name, which is
 * not a promise that can fail), or `unknown` (a call, a property, anything else).
 */
function getValueVerdict(node: ts.Expression): ValueVerdict {
  const tsModule = getTypeScript();
  const value = skipWrappers(node);
  if (tsModule.isAwaitExpression(value)) return getValueVerdict(value.expression);
  if (tsModule.isConditionalExpression(value)) return combine(getValueVerdict(value.whenTrue), getValueVerdict(value.whenFalse));
  if (tsModule.isBinaryExpression(value) && isShortCircuit(value.operatorToken.kind)) return combine(getValueVerdict(value.left), getValueVerdict(value.right));
  if (tsModule.isIdentifier(value) || tsModule.isLiteralExpression(value) || value.kind === tsModule.SyntaxKind.ThisKeyword) return 'safe';
  if (value.kind === tsModule.SyntaxKind.TrueKeyword || value.kind === tsModule.SyntaxKind.FalseKeyword || value.kind === tsModule.SyntaxKind.NullKeyword) return 'safe';
  if (!tsModule.isCallExpression(value)) return 'unknown';
  if (isMethodCall(value, 'catch', 1) || isMethodCall(value, 'then', 2)) return 'safe';
  if (isMethodCall(value, 'finally', 1)) return getValueVerdict(value.expression.expression) === 'safe' ? 'safe' : 'unknown';
  const callee = value.expression;
  if (tsModule.isPropertyAccessExpression(callee) && tsModule.isIdentifier(callee.expression) && callee.expression.text === 'Promise') {
    if (callee.name.text === 'reject') return 'rejects';
    if (callee.name.text === 'allSettled' || (callee.name.text === 'resolve' && value.arguments.length === 0)) return 'safe';
  }
  return 'unknown';
}

function isShortCircuit(kind: ts.SyntaxKind): boolean {
  const { SyntaxKind } = getTypeScript();
  return kind === SyntaxKind.BarBarToken || kind === SyntaxKind.AmpersandAmpersandToken || kind === SyntaxKind.QuestionQuestionToken;
}

function combine(left: ValueVerdict, right: ValueVerdict): ValueVerdict {
  if (left === 'rejects' || right === 'rejects') return 'rejects';
  return left === 'safe' && right === 'safe' ? 'safe' : 'unknown';
}

/** Calls `visit` on every node of `root` in the same function (nested functions are skipped), not entering nodes `skip` names. */
function forEachInFunction(root: ts.Node, visit: (node: ts.Node) => void, skip: (node: ts.Node) => boolean = () => false): void {
  const tsModule = getTypeScript();
  const walk = (node: ts.Node): void => {
    if (tsModule.isFunctionLike(node) || tsModule.isClassLike(node) || skip(node)) return;
    visit(node);
    tsModule.forEachChild(node, walk);
  };
  tsModule.forEachChild(root, walk);
}

function someInFunction(root: ts.Node, test: (node: ts.Node) => boolean): boolean {
  let found = false;
  forEachInFunction(root, (node) => {
    found ||= test(node);
  });
  return found;
}

/**
 * A `try` whose `catch` lets no error out (no `throw`, no returned call) and whose block hands out
 * no promise unawaited (`try { return load(); }`: the `catch` never sees its rejection).
 */
function isSwallowingTry(node: ts.Node): node is ts.TryStatement {
  const tsModule = getTypeScript();
  if (!tsModule.isTryStatement(node) || !node.catchClause) return false;
  const returnsCall = (inner: ts.Node): boolean => tsModule.isReturnStatement(inner) && inner.expression !== undefined && getValueVerdict(inner.expression) !== 'safe' && !tsModule.isAwaitExpression(skipWrappers(inner.expression));
  const letsErrorOut = (inner: ts.Node): boolean => tsModule.isThrowStatement(inner) || returnsCall(inner);
  if (someInFunction(node.tryBlock, returnsCall)) return false;
  return !someInFunction(node.catchClause.block, letsErrorOut) && !(node.finallyBlock && someInFunction(node.finallyBlock, letsErrorOut));
}

/** The awaits and `return`s of an async body, outside the blocks of swallowing `try` statements. */
function judgeAsyncBody(body: ts.ConciseBody): OtherFileVerdict {
  const tsModule = getTypeScript();
  if (!tsModule.isBlock(body)) return fromValue(getValueVerdict(body), 'awaits-unknown');
  let rejects = false;
  let unknown = false;
  let guardsAwaits = false;
  const note = (verdict: ValueVerdict): void => {
    rejects ||= verdict === 'rejects';
    unknown ||= verdict === 'unknown';
  };
  const isGuardedBlock = (node: ts.Node): boolean => {
    const parent = node.parent;
    if (!tsModule.isTryStatement(parent) || parent.tryBlock !== node || !isSwallowingTry(parent)) return false;
    guardsAwaits ||= someInFunction(node, (inner) => tsModule.isAwaitExpression(inner) || (tsModule.isForOfStatement(inner) && inner.awaitModifier !== undefined));
    return true;
  };
  forEachInFunction(
    body,
    (node) => {
      if (tsModule.isThrowStatement(node)) rejects = true;
      else if (tsModule.isAwaitExpression(node)) note(getValueVerdict(node.expression));
      else if (tsModule.isForOfStatement(node) && node.awaitModifier) unknown = true;
      else if (tsModule.isReturnStatement(node) && node.expression && !tsModule.isAwaitExpression(skipWrappers(node.expression))) {
        note(mayBePromise(node.expression) ? getValueVerdict(node.expression) : 'safe');
      }
    },
    isGuardedBlock,
  );
  if (rejects) return { verdict: 'rejects', reason: 'body-rejects' };
  if (!unknown) return { verdict: 'cannot-reject', reason: 'guarded-body' };
  return { verdict: 'unknown', reason: guardsAwaits ? 'trusted-beside-guard' : 'awaits-unknown' };
}

/** A returned value an async function's promise may adopt: a call, `new`, a branch ending in one; plain values are results. */
function mayBePromise(node: ts.Expression): boolean {
  const tsModule = getTypeScript();
  const value = skipWrappers(node);
  if (tsModule.isConditionalExpression(value)) return mayBePromise(value.whenTrue) || mayBePromise(value.whenFalse);
  if (tsModule.isBinaryExpression(value) && isShortCircuit(value.operatorToken.kind)) return mayBePromise(value.left) || mayBePromise(value.right);
  return tsModule.isCallExpression(value) || tsModule.isNewExpression(value) || tsModule.isTaggedTemplateExpression(value);
}

/** Every `return` of a plain function: all handled is safe, one `Promise.reject(...)` rejects, anything else is unknown. */
function judgePlainBody(body: ts.ConciseBody): OtherFileVerdict {
  const tsModule = getTypeScript();
  if (!tsModule.isBlock(body)) return fromValue(getValueVerdict(body), 'returns-unknown');
  let verdict: ValueVerdict | null = null;
  forEachInFunction(body, (node) => {
    if (!tsModule.isReturnStatement(node) || !node.expression) return;
    const value = getValueVerdict(node.expression);
    verdict = verdict === null ? value : combine(verdict, value);
  });
  return fromValue(verdict ?? 'unknown', 'returns-unknown');
}

function fromValue(value: ValueVerdict, unknownReason: 'awaits-unknown' | 'returns-unknown'): OtherFileVerdict {
  if (value === 'rejects') return { verdict: 'rejects', reason: 'body-rejects' };
  if (value === 'safe') return { verdict: 'cannot-reject', reason: 'guarded-body' };
  return { verdict: 'unknown', reason: unknownReason };
}

function isAsync(fn: ts.FunctionLikeDeclaration): boolean {
  const tsModule = getTypeScript();
  return tsModule.getModifiers(fn)?.some((modifier) => modifier.kind === tsModule.SyntaxKind.AsyncKeyword) ?? false;
}

/**
 * The answer for the promise a call of `declaration` (a TypeScript node in another source file of
 * the project) gives. Linear in the size of that function's body, and cached per declaration.
 */
export function getOtherFileRejection(declaration: ts.Node): OtherFileVerdict {
  const known = verdicts.get(declaration);
  if (known) return known;
  const fn = getFunctionOf(declaration);
  let verdict = NO_BODY;
  if (fn?.body && !fn.asteriskToken) verdict = isAsync(fn) ? judgeAsyncBody(fn.body) : judgePlainBody(fn.body);
  verdicts.set(declaration, verdict);
  return verdict;
}
