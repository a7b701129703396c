import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { ParserServicesWithTypeInformation, TSESLint, TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { createPromiseDetector, type PromiseDetector } from '../../src/promises/promise-detection.js';
import { findPromiseSources } from '../../src/promises/promise-sources.js';
import { withSourceCode } from '../helpers/lint-code.js';
import { withTypedSourceCode } from '../helpers/typed-source-code.js';

const LOCAL = `async function load() { throw new Error('x'); }
async function safe() { try { await load(); } catch {} }
function quiet() { return load().catch(() => {}); }
async function* lines() {}
`;

function detector(sourceCode: Readonly<TSESLint.SourceCode>, services: ParserServicesWithTypeInformation | null = null): PromiseDetector {
  return createPromiseDetector(sourceCode, findPromiseSources(sourceCode, { promiseFunctions: ['query'], allowFunctions: ['allowed'] }), services);
}

/** Runs `inspect` on the expression of the last statement of `LOCAL + code`. */
function last<T>(code: string, inspect: (node: TSESTree.Expression, promises: PromiseDetector) => T): T {
  return withSourceCode(`${LOCAL}${code}`, (context) => {
    const statement = context.sourceCode.ast.body.at(-1) as TSESTree.ExpressionStatement;
    return inspect(statement.expression, detector(context.sourceCode));
  });
}

describe('createPromiseDetector (syntactic)', () => {
  it.each([
    'load();',
    '(async () => {})();',
    'new Promise(() => {});',
    'Promise.all([]);',
    'Promise.try(() => 1);',
    'Promise.withResolvers().promise;',
    'x.then(f);',
    'x.finally(f);',
    "import('./x.js');",
    'query();',
    'fetch("/");',
  ])('%s is a promise', (code) => expect(last(code, (node, promises) => promises.getPromiseKind(node))).toBe('promise'));

  it.each(['lines();', 'Promise.withResolvers();', 'value();', 'x;', 'await load();', 'const Promise = {}; Promise.all([]);'])(
    '%s is not known to be a promise',
    (code) => expect(last(code, (node, promises) => (node ? promises.getPromiseKind(node) : null))).toBeNull(),
  );

  it.each([
    ['safe();', true],
    ['quiet();', true],
    ['load().catch(() => {});', true],
    ['load().catch(() => {}).finally(() => {});', true],
    ['safe().finally(() => {});', true],
    ['Promise.allSettled([]);', true],
    ['Promise.resolve(1);', true],
    ['new Promise((resolve) => resolve());', true],
    ['new Promise((resolve, reject) => { rejectLater = reject; });', true],
    ['load();', false],
    ['load().finally(() => {});', false],
    ['Promise.resolve(value);', false],
    ['new Promise((resolve, reject) => emitter.on("error", reject));', false],
  ])('%s can never reject: %s', (code, expected) => expect(last(code, (node, promises) => promises.isNonRejecting(node))).toBe(expected));

  it.each([
    ['const p = load().catch(() => {}); p;', true],
    ['let p = load(); p = p.catch(() => {}); p;', false],
    ['flag ? load().catch(() => {}) : Promise.resolve();', true],
    ['flag ? load().catch(() => {}) : undefined;', true],
    ['flag ? load() : undefined;', false],
    ['let cached = null; cached ?? quiet();', true],
    ['cached ?? quiet();', false],
    ['function release(r) { r.releaseLock(); }\nrelease(reader);', true],
    ['const d = Promise.withResolvers(); later(d.resolve); d.promise;', true],
    ['const d = Promise.withResolvers(); stream.on("error", d.reject); d.promise;', false],
  ])('%s can never reject: %s (values, branches, void helpers, deferreds)', (code, expected) =>
    expect(last(code, (node, promises) => promises.isNonRejecting(node))).toBe(expected));

  it.each([
    // Sources the rule knows: reported unless proven safe.
    ['load();', true],
    ['safe();', false],
    ['Promise.all(xs);', true],
    ['const d = Promise.withResolvers(); stream.on("error", d.reject); d.promise;', true],
    // Chains: a root the rule knows decides; otherwise only visible evidence counts.
    ['load().catch(() => {}).then(() => {});', true],
    ['safe().then(() => {});', false],
    ['client.close().then(() => report());', false],
    ['client.close().then(() => { throw new Error("closed"); });', true],
    ['client.close().then(() => load());', true],
    ['client.close().then(load);', true],
    ['client.close().then(() => quiet());', false],
    ['client.close().finally(() => Promise.reject(new Error("x")));', true],
    ['Promise.resolve(input).then(resolve, reject).then(() => cleanup());', false],
    ['Promise.resolve(load()).then(() => {});', true],
    ['function pause() { return new Promise((resolve) => later(resolve)).then(() => notify()); }\npause().then(run);', false],
    ['function open() { return new Promise((resolve, reject) => connect((error) => (error ? reject(error) : resolve()))); }\nready().then(() => open());', false],
    ['function open() { return new Promise((resolve, reject) => { socket.once("error", reject); socket.once("ready", resolve); }); }\nready().then(() => open());', true],
    ['new Promise((resolve, reject) => connect((error) => (error ? reject(error) : resolve())));', true],
    ['function closeAll(cs) { const all = []; for (const c of cs) all.push(c.close()); return Promise.all(all); }\ncloseAll(cs).then(done);', false],
  ])('%s is reported when dropped: %s', (code, expected) => expect(last(code, (node, promises) => promises.canReject(node))).toBe(expected));

  it.each([
    ['xs.map(async (x) => x);', true],
    ['xs.map((x) => load(x));', true],
    ['xs.map(load);', true],
    ['[load(), 1];', true],
    ['xs.map((x) => x);', false],
    ['[1, 2];', false],
  ])('%s is an array of promises: %s', (code, expected) => expect(last(code, (node, promises) => promises.isPromiseArray(node))).toBe(expected));

  it('recognises promise callbacks and allowed callees', () => {
    last('f(async () => {}, (x) => load(x), load, () => 1, function () {});', (node, promises) => {
      const args = (node as TSESTree.CallExpression).arguments;
      expect(args.map((argument) => promises.getPromiseCallback(argument) !== null)).toEqual([true, true, true, false, false]);
    });
    expect(last('allowed();', (node, promises) => promises.isAllowed(node))).toBe(true);
    expect(last('other();', (node, promises) => promises.isAllowed(node))).toBe(false);
  });

  it('answers through members taken off the detector', () => {
    const answers = last('load();', (node, promises) => {
      const { canReject, getPromiseKind, isNonRejecting } = promises;
      return [getPromiseKind(node), canReject(node), isNonRejecting(node)];
    });
    expect(answers).toEqual(['promise', true, false]);
  });
});

describe('createPromiseDetector (type-aware)', () => {
  it('asks the checker, and falls back to syntax for any', () => {
    withTypedSourceCode(
      `declare function remote(): Promise<void>;
declare function maybe(): void | Promise<void>;
declare const api: any;
async function load() { throw new Error('x'); }
remote(); maybe(); api.x(); load(); (1 as any as () => number)();`,
      (context, services) => {
        const promises = detector(context.sourceCode, services);
        const calls = context.sourceCode.ast.body
          .filter((node): node is TSESTree.ExpressionStatement => node.type === AST_NODE_TYPES.ExpressionStatement)
          .map((statement) => promises.getPromiseKind(statement.expression));
        expect(calls).toEqual(['promise', 'maybe', null, 'promise', null]);
      },
    );
  });
});

describe('createPromiseDetector evidence with types', () => {
  const CODE = `import { refresh, handled, type Runner } from './floating-task-project.js';
declare function remote(): Promise<void>;
declare const runner: Runner;
function wrapped(): Promise<unknown> { return runner.start(); }
function terminate(done: boolean): void | Promise<void> { if (done) return; return remote().catch(() => {}); }
`;

  function check(statement: string, inspect: (node: TSESTree.Expression, promises: PromiseDetector) => boolean): boolean {
    return withTypedSourceCode(`${CODE}${statement}`, (context, services) => {
      const node = (context.sourceCode.ast.body.at(-1) as TSESTree.ExpressionStatement).expression;
      return inspect(node, detector(context.sourceCode, services));
    });
  }

  it.each([
    ['remote();', true],
    ['remote().catch(() => {}).then(() => {});', true],
    // refresh throws in its own file (read there with types); handled returns a variable, not judged there.
    ['refresh();', true],
    ['handled();', false],
    ['runner.start();', false],
    ['wrapped();', false],
    ['terminate(false);', false],
    ['refresh().then(() => remote());', true],
  ])('%s is reported when dropped: %s', (statement, expected) => {
    expect(check(statement, (node, promises) => promises.canReject(node))).toBe(expected);
  });

  it('asks a callback given to a parameter typed void for visible evidence', () => {
    const callbacks = (statement: string) =>
      check(statement, (node, promises) => promises.hasCallbackRejectionEvidence((node as TSESTree.CallExpression).arguments[0] as TSESTree.Node));
    expect(callbacks('setTimeout(async () => { await remote(); });')).toBe(true);
    expect(callbacks('setTimeout(async () => { if (!runner) throw new Error("no runner"); });')).toBe(true);
    expect(callbacks('setTimeout(async () => { await wrapped(); });')).toBe(false);
    expect(callbacks('setTimeout(async () => { await refresh(); });')).toBe(true);
    expect(callbacks('setTimeout(async () => { await handled(); });')).toBe(false);
    expect(callbacks('setTimeout(remote);')).toBe(true);
  });
});
