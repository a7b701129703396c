import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { isFunctionNode, type FunctionNode } from '../ast/function-node.js';
import { getCalleeName, getCalleePath } from '../ast/callee-name.js';
import { getOutermostTypeWrapper } from '../ast/unwrap.js';
import { getCalledLocalFunction } from '../scope/local-functions.js';
import { getAsyncContext } from './async-context.js';
import { getArgumentSiteAnswer, getClassMethodContext, getObjectMemberContext, type SiteAnswer } from './callback-sites.js';
import type { FileFacts } from './file-facts.js';
import { getRouteModuleContext, getRouteObjectContext } from './request-handlers.js';
import { concurrent, sequential, UNKNOWN, type RunContext } from './run-context-types.js';
import { findVariableOf } from '../scope/find-variable.js';

export type { FileFacts } from './file-facts.js';

/** Where a function is used: as a value (an argument, a property, a method) and as a callee. */
interface FunctionUses {
  positions: TSESTree.Node[];
  calls: TSESTree.CallExpression[];
  exportedName: string | null;
}

/** The node that declares a name for `fn`: the declaration itself, or `const fn = ...`. */
function getBindingNode(fn: FunctionNode): TSESTree.FunctionDeclaration | TSESTree.VariableDeclarator | null {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) return fn.id ? fn : null;
  const parent = getOutermostTypeWrapper(fn).parent;
  return parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier ? parent : null;
}

function getExportedName(binding: TSESTree.FunctionDeclaration | TSESTree.VariableDeclarator): string | null {
  const declaration = binding.type === AST_NODE_TYPES.FunctionDeclaration ? binding.parent : binding.parent.parent;
  if (declaration?.type !== AST_NODE_TYPES.ExportNamedDeclaration) return null;
  if (binding.type === AST_NODE_TYPES.FunctionDeclaration) return binding.id?.name ?? null;
  return binding.id.type === AST_NODE_TYPES.Identifier ? binding.id.name : null;
}

/** Member calls that reach `fn`: `this.get()`, `cache.get()` (resolved in this file), `God.handleExit()` for `God.handleExit = function`. */
function getMemberCallsOf(fn: FunctionNode, facts: FileFacts): TSESTree.CallExpression[] {
  const parent = getOutermostTypeWrapper(fn).parent;
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left.type === AST_NODE_TYPES.MemberExpression) {
    const target = getCalleePath(parent.left);
    const name = getCalleeName(parent.left);
    if (target === null || name === null) return [];
    return facts.getMemberCalls(name).filter((call) => getCalleePath(call.callee) === target);
  }
  const isMember = parent?.type === AST_NODE_TYPES.MethodDefinition || parent?.type === AST_NODE_TYPES.Property || parent?.type === AST_NODE_TYPES.PropertyDefinition;
  if (!isMember) return [];
  const name = parent.key.type === AST_NODE_TYPES.Identifier && !parent.computed ? parent.key.name : null;
  if (name === null) return [];
  const classNode = parent.type === AST_NODE_TYPES.Property ? null : parent.parent.parent;
  return facts
    .getMemberCalls(name)
    .filter((call) => getCalledLocalFunction(call.callee, facts.sourceCode) === fn || (classNode !== null && isThisAliasCall(call, classNode, facts)));
}

/** `const self = this; ... self.m()` inside the same class: `m` is the class's own method. */
function isThisAliasCall(call: TSESTree.CallExpression, classNode: TSESTree.Node, facts: FileFacts): boolean {
  const callee = call.callee;
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.object.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = findVariableOf(callee.object, facts.sourceCode);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  const declarator = definition?.node as TSESTree.Node | undefined;
  return (
    declarator?.type === AST_NODE_TYPES.VariableDeclarator &&
    declarator.init?.type === AST_NODE_TYPES.ThisExpression &&
    classNode.range[0] <= declarator.range[0] &&
    declarator.range[1] <= classNode.range[1]
  );
}

function getUses(fn: FunctionNode, facts: FileFacts): FunctionUses {
  const uses: FunctionUses = { positions: [], calls: getMemberCallsOf(fn, facts), exportedName: null };
  if (fn.type !== AST_NODE_TYPES.FunctionDeclaration) uses.positions.push(getOutermostTypeWrapper(fn));
  const binding = getBindingNode(fn);
  if (!binding) return uses;
  uses.exportedName = getExportedName(binding);
  for (const variable of facts.sourceCode.getDeclaredVariables(binding)) {
    for (const reference of variable.references) {
      if (reference.init === true) continue;
      const identifier = reference.identifier as TSESTree.Node;
      const parent = getOutermostTypeWrapper(identifier).parent;
      if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === identifier) uses.calls.push(parent);
      else if (parent?.type === AST_NODE_TYPES.ExportSpecifier) uses.exportedName = parent.exported.type === AST_NODE_TYPES.Identifier ? parent.exported.name : null;
      else uses.positions.push(getOutermostTypeWrapper(identifier));
    }
  }
  return uses;
}

/** What the place `position` (a function or a name of one) is used at says about when `fn` runs. */
function getPositionAnswer(position: TSESTree.Node, fn: FunctionNode, facts: FileFacts): SiteAnswer | null {
  const parent = position.parent;
  if (!parent) return null;
  if (parent.type === AST_NODE_TYPES.CallExpression || parent.type === AST_NODE_TYPES.NewExpression) {
    if (parent.callee === position) return { kind: 'continue', at: parent };
    const answer = getArgumentSiteAnswer(parent, position, fn, facts);
    // An inline callback of a call we do not know runs on behalf of the code that passes it.
    if (answer === null && isFunctionNode(position)) return { kind: 'continue', at: parent, registered: true };
    return answer;
  }
  if (parent.type === AST_NODE_TYPES.Property && parent.value === position) return getRouteObjectContext(parent, fn) ?? getObjectMemberContext(parent);
  if (parent.type === AST_NODE_TYPES.MethodDefinition) return getClassMethodContext(parent);
  return null;
}

/** Concurrent if any answer is; sequential if every one is; else unknown. */
function combine(answers: readonly RunContext[]): RunContext {
  const found = answers.find((answer) => answer.kind === 'concurrent');
  if (found) return found;
  if (answers.length > 0 && answers.every((answer) => answer.kind === 'sequential')) return answers[0] as RunContext;
  return UNKNOWN;
}

const ASYNC_CONTEXT_OPTIONS = { checkArrayCallbacks: true, checkTopLevelAwaitModules: false, hasTopLevelAwait: () => false };
const memo = [new WeakMap<FunctionNode, RunContext>(), new WeakMap<FunctionNode, RunContext>()] as const;

/** One level up: how the same-file callers of `fn` run (their own callers are not followed). */
function getCallerContext(fn: FunctionNode, calls: readonly TSESTree.CallExpression[], facts: FileFacts): RunContext {
  const contexts = calls.map((call) => getCodeContext(call, facts, 1));
  const combined = combine(contexts);
  if (combined.kind === 'concurrent') return { ...combined, via: fn, handler: null, handlerAwaited: false };
  if (combined.kind === 'sequential') return combined;
  for (const [index, context] of contexts.entries()) {
    if (context.kind !== 'unknown') continue;
    const asyncContext = getAsyncContext(calls[index] as TSESTree.CallExpression, ASYNC_CONTEXT_OPTIONS);
    const caller = asyncContext?.asyncFunction ?? asyncContext?.enclosingFunction ?? null;
    if (caller) return { kind: 'unknown', asyncCaller: caller, helper: fn };
  }
  return UNKNOWN;
}

/** Calls that write an HTTP response (Node, Express-style, uWebSockets.js); a fetch `Response` has none of them. */
const RESPONSE_WRITES = new Set(['writeHead', 'setHeader', 'end', 'send', 'status', 'sendFile', 'redirect', 'writeStatus', 'onAborted', 'tryEnd', 'cork']);

function writesResponse(param: TSESTree.Identifier, fn: FunctionNode, facts: FileFacts): boolean {
  const variable = facts.sourceCode.getDeclaredVariables(fn).find((candidate) => candidate.name === param.name);
  return (variable?.references ?? []).some((reference) => {
    const member = reference.identifier.parent;
    return (
      member?.type === AST_NODE_TYPES.MemberExpression &&
      member.object === reference.identifier &&
      member.parent.type === AST_NODE_TYPES.CallExpression &&
      member.parent.callee === member &&
      RESPONSE_WRITES.has(getCalleeName(member) ?? '')
    );
  });
}

/**
 * The parameter that makes `fn` per-request code: `req`, Node's name for a request, or a `res`
 * that `fn` writes a response to (`res` alone is also short for "result").
 */
function getRequestParameter(fn: FunctionNode, facts: FileFacts): string | null {
  for (const param of fn.params) {
    const node = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
    if (node.type !== AST_NODE_TYPES.Identifier) continue;
    if (node.name === 'req' || (node.name === 'res' && writesResponse(node, fn, facts))) return node.name;
  }
  return null;
}

function getFunctionContext(fn: FunctionNode, facts: FileFacts, depth: 0 | 1): RunContext {
  const known = memo[depth].get(fn);
  if (known) return known;
  memo[depth].set(fn, UNKNOWN);
  const uses = getUses(fn, facts);
  const answers: RunContext[] = [];
  for (const position of uses.positions) {
    const answer = getPositionAnswer(position, fn, facts);
    if (answer === null) answers.push(UNKNOWN);
    else if (answer.kind !== 'continue') answers.push(answer);
    else answers.push(getContinuationContext(answer.at, answer.registered === true, facts, depth));
  }
  const routeModule = getRouteModuleContext(fn, uses.exportedName, facts.filename);
  if (routeModule) answers.push(routeModule);
  let result = combine(answers);
  const requestParameter = result.kind === 'unknown' ? getRequestParameter(fn, facts) : null;
  if (result.kind === 'unknown' && facts.isCliFile()) result = sequential('cli', '');
  else if (requestParameter !== null) result = concurrent('request-parameter', requestParameter);
  else if (result.kind === 'unknown' && depth === 0 && uses.calls.length > 0) result = getCallerContext(fn, uses.calls, facts);
  memo[depth].set(fn, result);
  return result;
}

/**
 * The context of the code a callback continues. A callback handed to an unknown callee at the
 * module top level is registered there but runs later, so it does not inherit "top level".
 */
function getContinuationContext(at: TSESTree.Node, registered: boolean, facts: FileFacts, depth: 0 | 1): RunContext {
  const context = getCodeContext(at, facts, depth);
  return registered && context.kind === 'sequential' && context.why === 'module-top-level' ? UNKNOWN : context;
}

/** Where the code at `node` runs: its `catch` block, its function (with that function's uses), or the module top level. */
function getCodeContext(node: TSESTree.Node, facts: FileFacts, depth: 0 | 1): RunContext {
  let child: TSESTree.Node = node;
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.CatchClause && current.body === child) return sequential('error-path', 'catch');
    if (isFunctionNode(current)) return getFunctionContext(current, facts, depth);
    if (current.type === AST_NODE_TYPES.StaticBlock) return sequential('module-top-level', 'static');
    if ((current.type === AST_NODE_TYPES.PropertyDefinition || current.type === AST_NODE_TYPES.AccessorProperty) && current.value === child) return UNKNOWN;
    child = current;
  }
  return sequential('module-top-level', '');
}

/**
 * Whether other modules can call `fn` directly: an exported function (`export`, `module.exports =`,
 * `exports.x =`), a class method, or a function stored on an object (`Store.prototype.get = function`).
 */
export function isModuleApi(fn: FunctionNode, facts: FileFacts): boolean {
  const parent = getOutermostTypeWrapper(fn).parent;
  const isMember = parent?.type === AST_NODE_TYPES.MethodDefinition || parent?.type === AST_NODE_TYPES.PropertyDefinition;
  if (isMember || parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration) return true;
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === getOutermostTypeWrapper(fn) && parent.left.type === AST_NODE_TYPES.MemberExpression) return true;
  return getUses(fn, facts).exportedName !== null;
}

/**
 * Where the code at `node` runs, with the reason: concurrently with other work (a request
 * handler, a listener, a job processor, an item of a fan-out, a per-module bundler hook, a
 * function that takes a request's `req` or writes to a `res`; also when a same-file caller of its function is one of those), alone (module top level, a CLI, a
 * once-per-build hook, startup, an error path, shutdown), or unknown. Per-function answers are
 * kept, so the many calls of one function cost one analysis.
 */
export function getRunContext(node: TSESTree.Node, facts: FileFacts): RunContext {
  return getCodeContext(node, facts, 0);
}
