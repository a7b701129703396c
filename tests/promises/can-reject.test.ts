import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import {
  hasRejectionEvidence,
  isNonRejectingFunction,
  returnsValue,
  type PromiseJudge,
} from '../../src/promises/can-reject.js';
import type { FunctionNode } from '../../src/ast/function-node.js';
import { getPromiseMethodCall, hasRejectionHandler } from '../../src/promises/promise-handling.js';
import { withSourceCode } from '../helpers/lint-code.js';

/** A judge that knows `load()` rejects, `safe()` does not, and handled chains are safe. */
const judge: Omit<PromiseJudge, 'visitorKeys'> = {
  isSafe: (node) => hasRejectionHandler(node) || (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'safe'),
  isPromise: (node) =>
    getPromiseMethodCall(node) !== null ||
    (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.Identifier && ['load', 'safe'].includes(node.callee.name)) ||
    (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.MemberExpression && node.callee.object.type === AST_NODE_TYPES.Identifier && node.callee.object.name === 'Promise'),
};

function cannotReject(code: string): boolean {
  return withSourceCode(code, (context) => {
    const statement = context.sourceCode.ast.body[0] as TSESTree.Node;
    const fn = (statement.type === AST_NODE_TYPES.VariableDeclaration ? statement.declarations[0]?.init : statement) as FunctionNode;
    return isNonRejectingFunction(fn, { ...judge, visitorKeys: context.sourceCode.visitorKeys });
  });
}

describe('isNonRejectingFunction', () => {
  it.each([
    'async function f() { try { await load(); } catch (error) { console.error(error); } }',
    'async function f() { let value = null; try { value = await load(); } catch { return null; } return value; }',
    'async function f() { if (closed) return; running = true; try { await load(); } catch {} running = false; next?.(); }',
    'async function f() { if (retry) { try { await load(); } catch {} } else { report(); } }',
    'async function f() { try { return await load(); } catch (error) { return describe(error); } }',
    'async function f() { try { await load(); } catch { await safe(); } finally { cleanup(); } }',
    'async function f() { state.done = true; }',
    'async function f() { await safe(); if (queue.size > 0) queue.dequeue()(); }',
    'async function f() { await null; next(); }',
    'async function f() {}',
    'async function f() { return load().catch(() => {}); }',
    'async function f() { await load().catch(() => {}); return 1; }',
    'const f = async () => load().catch(() => {});',
    'const f = () => load().catch(() => {});',
    'async function f(source, onEnd) { try { await watch(source); } catch {} await onEnd(); source.destroy(); }',
    'function f(cb) { if (cb) { cb(); return; } return load().catch(() => {}); }',
    'function f() { return safe(); }',
  ])('%s cannot reject', (code) => expect(cannotReject(code)).toBe(true));

  it.each([
    'async function f() { await load(); }',
    'async function f() { try { await load(); } catch (error) { throw error; } }',
    'async function f() { try { await load(); } catch (error) { if (fatal) throw error; } }',
    'async function f() { try { await load(); } finally { throw new Error("x"); } }',
    'async function f() { try { return load(); } catch { return null; } }',
    'async function f() { try { await load(); } catch (error) { return Promise.reject(error); } }',
    'async function f() { await load(); try { await load(); } catch {} }',
    'async function f(onEnd) { try { await load(); } catch {} await Promise.all([load()]); await onEnd(); }',
    'async function f(onEnd) { await onEnd(); }',
    'async function f(onEnd) { try { cleanup(); } catch {} await onEnd(); }',
    'async function f() { for await (const x of xs) use(x); }',
    'async function f() { throw new Error("x"); }',
    'async function f() { return load(); }',
    'async function* f() {}',
    'const f = async () => load();',
    'function f() { return load(); }',
    'function f() { if (x) return load().catch(() => {}); return load(); }',
    'function f() { doSomething(); }',
  ])('%s can reject', (code) => expect(cannotReject(code)).toBe(false));
});

/** Evidence of rejection: only `load()` and `Promise.reject()` are known to reject; anything else is unknown. */
const rejects = (node: TSESTree.Expression): boolean =>
  node.type === AST_NODE_TYPES.CallExpression &&
  ((node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'load') ||
    (node.callee.type === AST_NODE_TYPES.MemberExpression && node.callee.object.type === AST_NODE_TYPES.Identifier && node.callee.object.name === 'Promise' && node.callee.property.type === AST_NODE_TYPES.Identifier && node.callee.property.name === 'reject'));

function firstFunction(code: string, inspect: (fn: FunctionNode, visitorKeys: TSESLint.SourceCode.VisitorKeys) => boolean): boolean {
  return withSourceCode(code, (context) => {
    const statement = context.sourceCode.ast.body[0] as TSESTree.Node;
    const fn = (statement.type === AST_NODE_TYPES.VariableDeclaration ? statement.declarations[0]?.init : statement) as FunctionNode;
    return inspect(fn, context.sourceCode.visitorKeys);
  });
}

describe('hasRejectionEvidence', () => {
  it.each([
    ['async function f() { await load(); }', false],
    ['async function f() { if (bad) throw new Error("x"); }', false],
    ['async function f() { try { await load(); } catch (error) { throw error; } }', false],
    ['async function f() { try { return load(); } catch { return null; } }', false],
    ['const f = async () => load();', false],
    ['function f() { if (cached) return null; return load(); }', false],
    ['function f() { return Promise.reject(new Error("x")); }', false],
    ['const f = () => { throw new Error("x"); };', true],
  ])('%s shows how it rejects (throw counts: %s)', (code, throwRejects) => {
    expect(firstFunction(code, (fn, keys) => hasRejectionEvidence(fn, rejects, { throwRejects }, keys))).toBe(true);
  });

  it.each([
    ['async function f() { await unknown(); }', false],
    ['async function f() { try { await load(); } catch (error) { console.error(error); } }', false],
    ['async function f() { await param; return other(); }', false],
    ['function f() { if (bad) throw new Error("x"); return unknown(); }', false],
    ['function f() { return load; }', true],
    ['async function* f() { throw new Error("x"); }', true],
  ])('%s shows no rejection (throw counts: %s)', (code, throwRejects) => {
    expect(firstFunction(code, (fn, keys) => hasRejectionEvidence(fn, rejects, { throwRejects }, keys))).toBe(false);
  });
});

describe('returnsValue', () => {
  it.each([
    ['function f() { return 1; }', true],
    ['const f = () => x;', true],
    ['function f() { if (x) return; g(); }', false],
    ['function f() { return function () { return 1; }; }', true],
    ['function f() { const g = () => 1; g(); }', false],
  ])('%s gives a value back: %s', (code, expected) => expect(firstFunction(code, returnsValue)).toBe(expected));
});
