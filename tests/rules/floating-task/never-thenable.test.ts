import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { isNeverThenableBySyntax } from '../../../src/rules/floating-task/never-thenable.js';
import { withSourceCode } from '../../helpers/lint-code.js';

/** What `isNeverThenableBySyntax` says of the expression of `const value = <text>;`. */
function neverThenable(text: string): boolean {
  return withSourceCode(
    `const value = ${text};`,
    (context) => {
      const declaration = context.sourceCode.ast.body[0] as TSESTree.VariableDeclaration;
      return isNeverThenableBySyntax(declaration.declarations[0]?.init as TSESTree.Expression);
    },
    { parser: 'typescript', filename: 'file.tsx' },
  );
}

describe('isNeverThenableBySyntax', () => {
  it.each([
    ['a literal', '"text"'],
    ['a template literal', '`id ${id}`'],
    ['an operator', 'a + b'],
    ['a unary operator, `void` too', 'void save()'],
    ['an update', 'count++'],
    ['an array literal', '[load(a)]'],
    ['an arrow function', '() => load()'],
    ['a function expression', 'function () { return load(); }'],
    ['a JSX element', '<Item id={id} />'],
    ['a JSX fragment', '<></>'],
    ['an object literal without a `then` key', '{ id, load: () => load(), "name": name }'],
    ['a logical expression of such values', 'a > 1 && `x`'],
    ['a conditional expression of such values', 'ok ? 1 : { reason }'],
    ['a sequence ending in such a value', '(load(), 1)'],
    ['an assignment of such a value', 'x = 1'],
    ['an arithmetic assignment', 'x += y'],
  ])('settles %s', (_reason, text) => {
    expect(neverThenable(text)).toBe(true);
  });

  it.each([
    ['a call', 'load()'],
    ['a name', 'promise'],
    ['a member', 'task.promise'],
    ['`new`', 'new Promise(run)'],
    ['`await`', 'await next()'],
    ['a type assertion, which the checker reads as written', '(x as Promise<void>)'],
    ['an object literal with a `then` method', '{ then(resolve) { resolve(1); } }'],
    ['an object literal with a quoted `then` key', '{ "then": run }'],
    ['an object literal with a computed key', '{ [key]: run }'],
    ['an object literal with a spread', '{ ...task }'],
    ['a class, which may declare `static then`', 'class { static then() {} }'],
    ['a logical expression with a call', 'cached || load()'],
    ['a conditional expression with a name', 'ok ? promise : 1'],
    ['a sequence ending in a call', '(log(), load())'],
    ['an assignment of a call', 'x = load()'],
    ['a logical assignment, which may give the old value', 'x ||= 1'],
  ])('leaves %s to the checker', (_reason, text) => {
    expect(neverThenable(text)).toBe(false);
  });
});
