import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { createPromiseDetector } from '../../src/promises/promise-detection.js';
import { findPromiseSources } from '../../src/promises/promise-sources.js';
import type { RejectionVerdict } from '../../src/promises/rejection-verdict.js';
import { withSourceCode } from '../helpers/lint-code.js';

/** The verdict for the expression of the last statement of `code` (syntactic mode). */
function verdictOf(code: string): Pick<RejectionVerdict, 'verdict' | 'reason'> {
  return withSourceCode(code, (context) => {
    const sourceCode: Readonly<TSESLint.SourceCode> = context.sourceCode;
    const statement = sourceCode.ast.body.at(-1) as TSESTree.ExpressionStatement;
    const detector = createPromiseDetector(sourceCode, findPromiseSources(sourceCode, { promiseFunctions: [], allowFunctions: [] }), null);
    const { verdict, reason } = detector.getRejection(statement.expression);
    return { verdict, reason };
  });
}

describe('getRejection: one row per reason', () => {
  it.each([
    // rejects
    ['Promise.reject(new Error("x"));', 'rejects', 'explicit-rejection'],
    ['new Promise((resolve, reject) => reject(new Error("x")));', 'rejects', 'explicit-rejection'],
    ["import { readFile } from 'node:fs/promises';\nreadFile('a');", 'rejects', 'api-can-fail'],
    ["import('./x.js');", 'rejects', 'api-can-fail'],
    ['async function f() { throw new Error("x"); }\nf();', 'rejects', 'body-rejects'],
    ["import { readFile } from 'node:fs/promises';\nreadFile('a').then((text) => text.trim());", 'rejects', 'chain-rejects'],
    ['Promise.all([Promise.reject(new Error("x"))]);', 'rejects', 'element-rejects'],
    // cannot-reject
    ['x.load().catch(() => {});', 'cannot-reject', 'handled'],
    ['Promise.allSettled([a()]);', 'cannot-reject', 'resolves-only'],
    ['new Promise((resolve) => setTimeout(resolve, 10));', 'cannot-reject', 'resolves-only'],
    ['async function f(db) { try { await db.save(); } catch (error) { console.error(error); } }\nf();', 'cannot-reject', 'guarded-body'],
    ['const p = cached ? x.catch(() => {}) : undefined;\np;', 'cannot-reject', 'safe-values'],
    ['Promise.all([a().catch(() => {}), b().catch(() => {})]);', 'cannot-reject', 'safe-elements'],
    // unknown
    ['async function f(db) { return db.query(); }\nf();', 'unknown', 'awaits-unknown'],
    ['async function f(db) { return await db.query(); }\nf();', 'unknown', 'awaits-unknown'],
    ['const f = async (db) => db.query();\nf();', 'unknown', 'awaits-unknown'],
    ['function f(db) { return db.query(); }\nf();', 'unknown', 'returns-unknown'],
    ['async function f(a, done) { try { await a.closed; } catch {} await done(); }\nf();', 'unknown', 'trusted-beside-guard'],
    ['new Promise((resolve, reject) => api((error, value) => (error ? reject(error) : resolve(value))));', 'unknown', 'forwarded-callback'],
    ['server.close().then(() => log("closed"));', 'unknown', 'unresolved-chain'],
    ['db.query();', 'unknown', 'unresolved-call'],
    // A chain on a plain function the rule cannot read is a chain too, even when its callbacks cannot fail.
    ['sleep(10).then(() => next());', 'unknown', 'unresolved-chain'],
    ['Promise.all([a(), b()]);', 'unknown', 'unknown-elements'],
    ['pending;', 'unknown', 'unresolved-value'],
  ] as const)('%s → %s (%s)', (code, verdict, reason) => {
    expect(verdictOf(code)).toEqual({ verdict, reason });
  });

  it('a chain with a handler part-way on an unresolved value cannot reject', () => {
    expect(verdictOf('Promise.resolve(work).then(resolve, reject).then(() => cleanup());')).toEqual({ verdict: 'cannot-reject', reason: 'handled' });
  });
});
