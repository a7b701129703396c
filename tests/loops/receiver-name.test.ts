import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { getReceiverName, getThisClassName } from '../../src/loops/receiver-name.js';
import { withSourceCode, type ParserName } from '../helpers/lint-code.js';
import { allNodes } from '../helpers/node-by-text.js';

/** The class name `getThisClassName` gives the first `this` of the code. */
function classOfFirstThis(code: string, parser: ParserName = 'espree'): string | null {
  return withSourceCode(
    code,
    (context) => {
      const node = allNodes(context.sourceCode).find((candidate) => candidate.type === AST_NODE_TYPES.ThisExpression);
      if (!node) throw new Error('no `this` in the code');
      return getThisClassName(node);
    },
    { parser },
  );
}

/** The receiver name of the first call's callee object (`a.b` in `a.b.c()`). */
function receiverOfFirstCall(code: string, parser: ParserName = 'espree'): string | null {
  return withSourceCode(
    code,
    (context) => {
      const call = allNodes(context.sourceCode).find((candidate) => candidate.type === AST_NODE_TYPES.CallExpression);
      if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.MemberExpression) throw new Error('no method call in the code');
      return getReceiverName(call.callee.object);
    },
    { parser },
  );
}

describe('getThisClassName', () => {
  it.each([
    ['a method', 'class ChangeCursor { next() { return this; } }', 'ChangeCursor'],
    ['an async method, through an arrow', 'class UploadSession { async send() { return () => this; } }', 'UploadSession'],
    ['a getter', 'class Pool { get size() { return this.items.length; } }', 'Pool'],
    ['a static method', 'class Registry { static create() { return new this(); } }', 'Registry'],
    ['a field initializer', 'class Feed { handler = () => this.emit(); }', 'Feed'],
    ['a static block', 'class Config { static { this.ready = true; } }', 'Config'],
    ['a named class expression', 'const X = class JobQueue { run() { return this; } };', 'JobQueue'],
    ['an anonymous class expression bound to a const', 'const LineReader = class { read() { return this; } };', 'LineReader'],
  ])('names the class for %s', (_label, code, expected) => {
    expect(classOfFirstThis(code)).toBe(expected);
  });

  it.each([
    ['a plain function', 'function load() { return this; }'],
    ['a function expression used as a field value', 'class A { f = function () { return this; }; }'],
    ['an object literal method', 'const store = { load() { return this; } };'],
    ['a function nested in a method', 'class A { m() { return function () { return this; }; } }'],
    ['module code', 'this.x = 1;'],
    ['an anonymous class passed along', 'register(class { m() { return this; } });'],
  ])('gives null for %s', (_label, code) => {
    expect(classOfFirstThis(code)).toBeNull();
  });

  it('sees the outer `this` in a computed field key', () => {
    expect(classOfFirstThis('class Outer { m() { return class Inner { [this.key] = 1; }; } }')).toBe('Outer');
  });

  it('works with TypeScript syntax (accessor fields, parameter `this`, casts)', () => {
    expect(classOfFirstThis('class EventStream<T> { accessor last = this.first; first?: T; }', 'typescript')).toBe('EventStream');
    expect(receiverOfFirstCall('class DbSession { async run(this: DbSession) { await (this as DbSession)!.exec(); } }', 'typescript')).toBe('DbSession');
  });
});

describe('getReceiverName', () => {
  it.each([
    ['an identifier', 'tx.query(1);', 'tx'],
    ['a member chain', 'db.userSession.run();', 'userSession'],
    ['a call result', 'db.collection("x").find();', 'collection'],
    ['`this` in a class method', 'class SessionPool { m() { this.acquire(); } }', 'SessionPool'],
    ['`this.field`', 'class A { m() { this.cursor.next(); } }', 'cursor'],
  ])('reads %s', (_label, code, expected) => {
    expect(receiverOfFirstCall(code)).toBe(expected);
  });

  it('gives null for `this` outside a class and for computed keys', () => {
    expect(receiverOfFirstCall('function f() { this.load(); }')).toBeNull();
    expect(receiverOfFirstCall('items[0].load();')).toBeNull();
  });
});
