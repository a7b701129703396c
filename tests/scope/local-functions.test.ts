import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { getCalledLocalFunction } from '../../src/scope/local-functions.js';
import { isAsyncFunction } from '../../src/ast/function-node.js';
import { skipTypeWrappers } from '../../src/ast/unwrap.js';
import { withSourceCode } from '../helpers/lint-code.js';
import { nodeByText } from '../helpers/node-by-text.js';

/** The first line of the function a call's callee resolves to, or null. */
function resolve(code: string, call: string, parser: 'espree' | 'typescript' = 'espree'): string | null {
  return withSourceCode(
    code,
    (context) => {
      const node = nodeByText(context.sourceCode, 'CallExpression', call);
      const fn = getCalledLocalFunction(node.callee, context.sourceCode);
      return fn ? context.sourceCode.getText(fn).split('\n')[0] ?? null : null;
    },
    { parser },
  );
}

describe('getCalledLocalFunction', () => {
  it('resolves function declarations and constant function variables', () => {
    expect(resolve('async function load() {}\nload();', 'load()')).toBe('async function load() {}');
    expect(resolve('const save = async () => 1;\nsave();', 'save()')).toBe('async () => 1');
    expect(resolve('let save = async function () {};\nsave();', 'save()')).toBe('async function () {}');
  });

  it('does not resolve parameters, reassigned variables, imports or globals', () => {
    expect(resolve('async function run(cb) { cb(); }', 'cb()')).toBeNull();
    expect(resolve('let save = async () => 1;\nsave = other;\nsave();', 'save()')).toBeNull();
    expect(resolve('import { load } from "./x.js";\nload();', 'load()')).toBeNull();
    expect(resolve('fetch();', 'fetch()')).toBeNull();
  });

  it('resolves methods through this, instances, static calls and object literals', () => {
    const code = `class Repo {
  async save() {}
  static async open() {}
  tick = async () => {};
  async #flush() {}
  run() { this.save(); this.tick(); this.#flush(); }
  static make() { this.open(); }
}
const repo = new Repo();
repo.save();
new Repo().save();
Repo.open();
Repo.save();
const store = { async sync() {}, go() { this.sync(); } };
store.sync();`;
    expect(resolve(code, 'this.save()')).toBe('() {}');
    expect(resolve(code, 'this.tick()')).toBe('async () => {}');
    expect(resolve(code, 'this.#flush()')).toBe('() {}');
    expect(resolve(code, 'this.open()')).toBe('() {}');
    expect(resolve(code, 'repo.save()')).toBe('() {}');
    expect(resolve(code, 'new Repo().save()')).toBe('() {}');
    expect(resolve(code, 'Repo.open()')).toBe('() {}');
    expect(resolve(code, 'Repo.save()')).toBeNull();
    expect(resolve(code, 'this.sync()')).toBe('() {}');
    expect(resolve(code, 'store.sync()')).toBe('() {}');
  });

  it('takes the first class member of a name on the matching side, and a getter of that name hides the method', () => {
    const code =
      'class A {\n  static async run() { return 0; }\n  run() { return 1; }\n  async run() { return 2; }\n  get load() { return 3; }\n  async load() {}\n  go() { this.run(); this.load(); A.run(); }\n}';
    expect(resolve(code, 'this.run()')).toBe('() { return 1; }');
    expect(resolve(code, 'this.load()')).toBeNull();
    expect(resolve(code, 'A.run()')).toBe('() { return 0; }');
  });

  it('follows extends to a class in the file and stops at spreads', () => {
    expect(resolve('class A { async save() {} }\nclass B extends A { run() { this.save(); } }', 'this.save()')).toBe('() {}');
    expect(resolve('class B extends Remote { run() { this.save(); } }', 'this.save()')).toBeNull();
    expect(resolve('const o = { async go() {}, ...other };\no.go();', 'o.go()')).toBeNull();
    expect(resolve('const o = { ...other, async go() {} };\no.go();', 'o.go()')).toBe('() {}');
  });

  it('sees through TypeScript wrappers and resolves IIFEs', () => {
    expect(resolve('const save = (async () => 1) as () => Promise<number>;\nsave();', 'save()', 'typescript')).toBe('async () => 1');
    expect(resolve('(async () => 1)();', '(async () => 1)()')).toBe('async () => 1');
  });
});

describe('isAsyncFunction and skipTypeWrappers', () => {
  it('treats async generators as not returning promises', () => {
    withSourceCode('async function* g() {}\nasync function f() {}', (context) => {
      const [generator, plain] = context.sourceCode.ast.body as TSESTree.FunctionDeclaration[];
      expect(isAsyncFunction(generator as TSESTree.FunctionDeclaration)).toBe(false);
      expect(isAsyncFunction(plain as TSESTree.FunctionDeclaration)).toBe(true);
    });
  });

  it('skips as, satisfies and non-null wrappers', () => {
    withSourceCode(
      'x! as unknown satisfies unknown;',
      (context) => {
        const statement = context.sourceCode.ast.body[0] as TSESTree.ExpressionStatement;
        expect(skipTypeWrappers(statement.expression).type).toBe('Identifier');
      },
      { parser: 'typescript' },
    );
  });
});
