import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { TypedPromises } from '../../src/promises/typed-promises.js';
import { withTypedSourceCode } from '../helpers/typed-source-code.js';

const CODE = `import { refresh } from './floating-task-project.js';
declare function remote(): Promise<void>;
declare const remotes: Promise<void>[];
declare const count: number;
async function load() {}
const later = async () => {};
const tools = { save: async () => {} };
const mine = [load()];
`;

function check<T>(statement: string, inspect: (node: TSESTree.Expression, typed: TypedPromises) => T): T {
  return withTypedSourceCode(`${CODE}${statement}`, (context, services) => {
    const node = (context.sourceCode.ast.body.at(-1) as TSESTree.ExpressionStatement).expression;
    return inspect(node, new TypedPromises(context.sourceCode, services));
  });
}

describe('TypedPromises.getPromiseDeclaration', () => {
  const declaration = (statement: string) =>
    check(statement, (node, typed) => {
      const found = typed.getPromiseDeclaration(node);
      return found === null || found === 'library' ? found : found.type;
    });

  it.each<[string, string | null, string]>([
    ['remote();', 'library', 'a library declares it'],
    ['load();', 'FunctionDeclaration', 'a function declaration in this file'],
    ['later();', 'ArrowFunctionExpression', 'a variable in this file that holds a function'],
    ['tools.save();', 'ArrowFunctionExpression', 'a property in this file that holds a function'],
    ['refresh();', null, 'another file of the project: judged by getOtherFileRejection'],
    ['count;', null, 'not a thenable'],
  ])('%s is declared by %s (%s)', (statement, expected) => expect(declaration(statement)).toBe(expected));
});

describe('TypedPromises library questions', () => {
  it.each([
    ['remote;', true, "a library's function that returns a promise"],
    ['load;', false, 'a function in this file'],
  ])('%s is a library promise function: %s (%s)', (statement, expected) =>
    expect(check(statement, (node, typed) => typed.isLibraryPromiseFunction(node))).toBe(expected));

  it.each([
    ['remotes;', true, "a library's array of promises"],
    ['mine;', false, 'an array built in this file'],
  ])('%s is a library promise array: %s (%s)', (statement, expected) =>
    expect(check(statement, (node, typed) => typed.isLibraryPromiseArray(node))).toBe(expected));
});

describe('TypedPromises.getOtherFileRejection', () => {
  it.each<[string, string | null, string]>([
    ['refresh();', 'rejects: body-rejects', 'a function of another project file, judged on its body there'],
    ['remote();', null, 'a library declares it'],
    ['load();', null, 'a function in this file'],
  ])('%s gives %s (%s)', (statement, expected) =>
    expect(
      check(statement, (node, typed) => {
        const verdict = typed.getOtherFileRejection(node as TSESTree.CallExpression);
        return verdict && `${verdict.verdict}: ${verdict.reason}`;
      }),
    ).toBe(expected));
});
