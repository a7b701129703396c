import * as ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { getOtherFileRejection } from '../../src/promises/other-file-rejection.js';

/** The answer for the first declaration named `target` in `code`, read as another file's syntax tree. */
function judge(code: string): string {
  const file = ts.createSourceFile('other.ts', code, ts.ScriptTarget.Latest, true);
  let found: ts.Node | undefined;
  const visit = (node: ts.Node): void => {
    const name = (node as { name?: ts.Node }).name;
    if (!found && name && ts.isIdentifier(name) && name.text === 'target') found = node;
    ts.forEachChild(node, visit);
  };
  visit(file);
  if (!found) throw new Error('no declaration named target');
  const verdict = getOtherFileRejection(found);
  return `${verdict.verdict}: ${verdict.reason}`;
}

describe('getOtherFileRejection', () => {
  it.each<[string, string, string]>([
    ['an async body that throws', 'async function target() { throw new Error("x"); }', 'rejects: body-rejects'],
    ['an async body that returns Promise.reject', 'async function target() { return Promise.reject(new Error("x")); }', 'rejects: body-rejects'],
    ['a plain function that returns Promise.reject', 'function target() { return Promise.reject(new Error("x")); }', 'rejects: body-rejects'],
    ['an async body whose awaits sit in a swallowing try', 'async function target(q) { try { await q.add(); } catch (e) { console.log(e); } }', 'cannot-reject: guarded-body'],
    ['an async body that awaits a handled chain', 'async function target(q) { await q.add().catch(() => {}); }', 'cannot-reject: guarded-body'],
    ['an async body that returns a plain value', 'async function target(rows) { return rows.length; }', 'cannot-reject: guarded-body'],
    ['a plain function whose every return is handled', 'function target(q) { return q.add().then(() => 1, () => 0); }', 'cannot-reject: guarded-body'],
    ['a class-field arrow that catches everything', 'class A { target = async () => { try { await this.q.add(); } catch {} }; }', 'cannot-reject: guarded-body'],
    ['an async body that awaits a call it cannot judge', 'async function target(q) { await q.add("job"); }', 'unknown: awaits-unknown'],
    ['an async arrow that returns such a call', 'const target = async (q) => q.add("job");', 'unknown: awaits-unknown'],
    ['an async method that returns such a call unawaited from a try', 'class A { async target() { try { return this.q.add(); } catch {} } }', 'unknown: awaits-unknown'],
    ['a catch that rethrows', 'async function target(q) { try { await q.add(); } catch (e) { throw e; } }', 'rejects: body-rejects'],
    ['a plain function that returns a call it cannot judge', 'function target(q) { return q.add("job"); }', 'unknown: returns-unknown'],
    ['a guarded await beside an unguarded one', 'async function target(q, done) { try { await q.add(); } catch {} await done(); }', 'unknown: trusted-beside-guard'],
    ['an interface member', 'interface Q { target(): Promise<void>; }', 'unknown: other-file'],
    ['an overload signature', 'function target(): Promise<void>;', 'unknown: other-file'],
    ['a variable that holds a function built elsewhere', 'const target = makeSender();', 'unknown: other-file'],
    ['a generator', 'async function* target() { yield 1; }', 'unknown: other-file'],
  ])('%s', (_name, code, expected) => expect(judge(code)).toBe(expected));

  it('awaits in a nested function do not count for the outer body', () => {
    expect(judge('async function target(q) { const later = async () => { await q.add(); }; return later; }')).toBe('cannot-reject: guarded-body');
  });
});
