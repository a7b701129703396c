import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { someInSameFunction } from '../ast/walk.js';
import type { FunctionNode } from '../ast/function-node.js';
import { skipValueWrappers } from '../ast/unwrap.js';

type IsSafeExpression = PromiseJudge['isSafe'];

export interface PromiseJudge {
  /** The expression is a promise that cannot reject: a handled chain, a call of a non-rejecting function. */
  isSafe: (node: TSESTree.Expression) => boolean;
  /** The expression is known to be a promise (returned without `await` from a `try`, its rejection escapes). */
  isPromise: (node: TSESTree.Expression) => boolean;
  /** The file's visitor keys, to walk function bodies. */
  visitorKeys: TSESLint.SourceCode.VisitorKeys;
}

/** Values whose evaluation cannot throw and that are not promises: literals, plain names, empty containers. */
function isInertValue(node: TSESTree.Node): boolean {
  const value = skipValueWrappers(node);
  switch (value.type) {
    case AST_NODE_TYPES.Literal:
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.ThisExpression:
      return true;
    case AST_NODE_TYPES.TemplateLiteral:
      return value.expressions.length === 0;
    case AST_NODE_TYPES.ArrayExpression:
      return value.elements.length === 0;
    case AST_NODE_TYPES.ObjectExpression:
      return value.properties.length === 0;
    case AST_NODE_TYPES.UnaryExpression:
      return value.operator === 'void' && isInertValue(value.argument);
    default:
      return false;
  }
}

/**
 * A returned value that may be a promise the function's own promise adopts: a call, `new`, `import()`,
 * a tagged template, or a branch or sequence ending in one (`return a ? load() : null`). Plain
 * values (`{ ok: true }`, `rows.length > 0`, a name) are results.
 */
function mayBePromiseValue(node: TSESTree.Node, judge: PromiseJudge): boolean {
  const value = skipValueWrappers(node);
  switch (value.type) {
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression:
    case AST_NODE_TYPES.ImportExpression:
    case AST_NODE_TYPES.TaggedTemplateExpression:
      return true;
    case AST_NODE_TYPES.ConditionalExpression:
      return mayBePromiseValue(value.consequent, judge) || mayBePromiseValue(value.alternate, judge);
    case AST_NODE_TYPES.LogicalExpression:
      return mayBePromiseValue(value.left, judge) || mayBePromiseValue(value.right, judge);
    case AST_NODE_TYPES.SequenceExpression: {
      const last = value.expressions[value.expressions.length - 1];
      return last !== undefined && mayBePromiseValue(last, judge);
    }
    default:
      return judge.isPromise(value as TSESTree.Expression);
  }
}

/** A `catch` (and `finally`) that never lets the error out: no `throw`, no `return Promise.reject(...)`. */
function isSwallowingTry(statement: TSESTree.TryStatement, judge: PromiseJudge): boolean {
  if (!statement.handler) return false;
  const isSafe = judge.isSafe;
  // `try { return load(); }` hands the promise out unawaited: the `catch` never sees its rejection.
  const returnsPromiseUnawaited = (node: TSESTree.Node): boolean =>
    node.type === AST_NODE_TYPES.ReturnStatement &&
    node.argument !== null &&
    judge.isPromise(node.argument) &&
    !isSafe(node.argument);
  if (someInSameFunction(statement.block, judge.visitorKeys, returnsPromiseUnawaited)) return false;
  const letsErrorOut = (node: TSESTree.Node): boolean => {
    if (node.type === AST_NODE_TYPES.ThrowStatement) return true;
    // `return Promise.reject(error)` or another promise that can reject; other values are results.
    if (node.type === AST_NODE_TYPES.ReturnStatement && node.argument) return judge.isPromise(node.argument) && !isSafe(node.argument);
    return false;
  };
  if (someInSameFunction(statement.handler.body, judge.visitorKeys, letsErrorOut)) return false;
  return !statement.finalizer || !someInSameFunction(statement.finalizer, judge.visitorKeys, letsErrorOut);
}

function isSafeReturnValue(node: TSESTree.Expression, isSafe: IsSafeExpression): boolean {
  const value = skipValueWrappers(node);
  if (value.type === AST_NODE_TYPES.AwaitExpression) return isSafeReturnValue(value.argument, isSafe);
  return isInertValue(value) || isSafe(value as TSESTree.Expression);
}

/** A statement of an async body that cannot make the function's promise reject. */
function isSafeAsyncStatement(statement: TSESTree.Statement, judge: PromiseJudge): boolean {
  const isSafe = judge.isSafe;
  switch (statement.type) {
    case AST_NODE_TYPES.TryStatement:
      return isSwallowingTry(statement, judge);
    case AST_NODE_TYPES.ReturnStatement:
      return !statement.argument || isSafeReturnValue(statement.argument, isSafe);
    case AST_NODE_TYPES.EmptyStatement:
      return true;
    case AST_NODE_TYPES.VariableDeclaration:
      return (
        (statement.kind === 'const' || statement.kind === 'let' || statement.kind === 'var') &&
        statement.declarations.every((declarator) => !declarator.init || isInertValue(declarator.init))
      );
    case AST_NODE_TYPES.ExpressionStatement: {
      const expression = skipValueWrappers(statement.expression);
      return expression.type === AST_NODE_TYPES.AwaitExpression && isSafe(expression.argument);
    }
    default:
      return false;
  }
}

/** The block of a `try` whose `catch` swallows its errors: what runs there cannot make the function reject. */
function isGuardedBlock(judge: PromiseJudge): (child: TSESTree.Node, parent: TSESTree.Node) => boolean {
  return (child, parent) => parent.type === AST_NODE_TYPES.TryStatement && child === parent.block && isSwallowingTry(parent, judge);
}

/**
 * How the code of `root`, outside the blocks of `try` statements that swallow their errors (their
 * `catch` and `finally` clauses do count), only does bookkeeping: it awaits nothing that can
 * reject, throws nothing on purpose and returns nothing that can reject (`running = false`,
 * `clearTimeout(t)`, `if (closed) return;`). A `return x()` in an async function counts like
 * `return await x()`: the function's promise adopts it. `'trusted'` when some await or return of a
 * value the rule cannot judge (not known to be a promise: a callback the function was given) was
 * let through only because the function guards other awaits with such a `try`: the author has put
 * the work that can fail in a `try`, so the rule does not guess. Null when it is not bookkeeping.
 */
function getBookkeeping(root: TSESTree.Node, judge: PromiseJudge, isAsync: boolean): 'safe' | 'trusted' | null {
  const skip = isGuardedBlock(judge);
  const guardsAwaits = someInSameFunction(
    root,
    judge.visitorKeys,
    (node) =>
      node.type === AST_NODE_TYPES.TryStatement &&
      isSwallowingTry(node, judge) &&
      someInSameFunction(node.block, judge.visitorKeys, (inner) => inner.type === AST_NODE_TYPES.AwaitExpression),
  );
  let trusted = false;
  // An awaited (or, in an async function, returned) value: a pause or a safe promise, trusted, or a failure.
  const failsOn = (value: TSESTree.Expression): boolean => {
    if (isInertValue(value) || judge.isSafe(value)) return false;
    if (guardsAwaits && !judge.isPromise(value)) {
      trusted = true;
      return false;
    }
    return true;
  };
  const fails = someInSameFunction(
    root,
    judge.visitorKeys,
    (node) => {
      switch (node.type) {
        case AST_NODE_TYPES.AwaitExpression:
          return failsOn(node.argument);
        case AST_NODE_TYPES.ThrowStatement:
        case AST_NODE_TYPES.YieldExpression:
          return true;
        case AST_NODE_TYPES.ForOfStatement:
          return node.await;
        case AST_NODE_TYPES.VariableDeclaration:
          return node.kind === 'await using';
        case AST_NODE_TYPES.ReturnStatement: {
          if (node.argument === null) return false;
          const value = skipValueWrappers(node.argument);
          // `return await x` is judged at its await.
          if (value.type === AST_NODE_TYPES.AwaitExpression) return false;
          const returned = value as TSESTree.Expression;
          if (!isAsync || !mayBePromiseValue(returned, judge)) return judge.isPromise(returned) && !judge.isSafe(returned);
          return failsOn(returned);
        }
        default:
          return false;
      }
    },
    { skip },
  );
  if (fails) return null;
  return trusted ? 'trusted' : 'safe';
}

/** Every `return` of a non-async function (nested functions excluded). */
function getReturnStatements(body: TSESTree.BlockStatement, visitorKeys: TSESLint.SourceCode.VisitorKeys): TSESTree.ReturnStatement[] {
  const returns: TSESTree.ReturnStatement[] = [];
  someInSameFunction(body, visitorKeys, (node) => {
    if (node.type === AST_NODE_TYPES.ReturnStatement) returns.push(node);
    return false;
  });
  return returns;
}

/**
 * Whether the promise that a call of `fn` returns can never reject, judged from its body alone:
 * - an async function whose awaits all sit in `try` blocks whose `catch` does not rethrow, and whose
 *   other code only does bookkeeping (see `getBookkeeping`): it rejects only if some call throws by
 *   accident, as a plain function would throw;
 * - an async function that only returns or awaits promises that are already handled (`p.catch(noop)`);
 * - a plain function whose every `return` gives a handled promise or nothing (`close(cb)` that
 *   returns `p.catch(noop)` without a callback and nothing with one).
 * `'trusted'` when the proof rests on the author's guard (see `getBookkeeping`), null when there is
 * no proof. `judge` says which expressions are promises, and which of them cannot reject (handled
 * chains, calls of such functions). Errors thrown by a `catch` block's own calls (logging) are not considered.
 */
export function getFunctionSafety(fn: FunctionNode, judge: PromiseJudge): 'safe' | 'trusted' | null {
  const isSafe = judge.isSafe;
  if (fn.generator) return null;
  const body = fn.body;
  if (!body) return null;
  if (body.type !== AST_NODE_TYPES.BlockStatement) {
    return (fn.async ? isSafeReturnValue(body, isSafe) : isSafe(body)) ? 'safe' : null;
  }
  if (fn.async) {
    if (body.body.every((statement) => isSafeAsyncStatement(statement, judge))) return 'safe';
    return getBookkeeping(body, judge, true);
  }
  const returns = getReturnStatements(body, judge.visitorKeys);
  const safe = returns.some((statement) => statement.argument !== null) && returns.every((statement) => !statement.argument || isSafe(statement.argument));
  return safe ? 'safe' : null;
}

/** Whether the promise that a call of `fn` returns can never reject (`getFunctionSafety` found a proof). */
export function isNonRejectingFunction(fn: FunctionNode, judge: PromiseJudge): boolean {
  return getFunctionSafety(fn, judge) !== null;
}

export interface EvidenceOptions {
  /** A `throw` of a plain function counts: it is a callback whose throw rejects the chain (`.then(() => { throw e; })`). */
  throwRejects: boolean;
}

/**
 * Whether the code of `fn` shows how the promise a call of it returns (or, for a `.then`
 * callback, the chain it continues) rejects: an async function that throws, or awaits or returns
 * something `rejects` says rejects, outside a `try` whose `catch` swallows the error; a plain
 * function that returns such a value (and, with `throwRejects`, one that throws). Unlike
 * `isNonRejectingFunction`, what the rule cannot judge (a parameter, a call it cannot resolve)
 * is no evidence either way, so this is false for it.
 */
export function hasRejectionEvidence(
  fn: FunctionNode,
  rejects: (node: TSESTree.Expression) => boolean,
  options: EvidenceOptions,
  visitorKeys: TSESLint.SourceCode.VisitorKeys,
): boolean {
  if (fn.generator) return false;
  const body = fn.body;
  if (!body) return false;
  if (body.type !== AST_NODE_TYPES.BlockStatement) return rejects(body);
  const judge: PromiseJudge = { isSafe: (node) => !rejects(node), isPromise: rejects, visitorKeys };
  const skip = isGuardedBlock(judge);
  const returnsRejecting = (node: TSESTree.Node): boolean =>
    node.type === AST_NODE_TYPES.ReturnStatement && node.argument !== null && rejects(node.argument);
  if (!fn.async) {
    if (someInSameFunction(body, visitorKeys, returnsRejecting)) return true;
    return (
      options.throwRejects &&
      someInSameFunction(body, visitorKeys, (node) => node.type === AST_NODE_TYPES.ThrowStatement, { skip })
    );
  }
  return someInSameFunction(
    body,
    visitorKeys,
    (node) =>
      node.type === AST_NODE_TYPES.ThrowStatement ||
      (node.type === AST_NODE_TYPES.AwaitExpression && rejects(node.argument)) ||
      returnsRejecting(node),
    { skip },
  );
}

/** Whether `fn` gives a value back: an expression body, or a `return` with an argument (nested functions excluded). */
export function returnsValue(fn: FunctionNode, visitorKeys: TSESLint.SourceCode.VisitorKeys): boolean {
  const body = fn.body;
  if (!body) return false;
  if (body.type !== AST_NODE_TYPES.BlockStatement) return true;
  return someInSameFunction(body, visitorKeys, (node) => node.type === AST_NODE_TYPES.ReturnStatement && node.argument !== null);
}
