import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import {
  getChainRoot,
  getPromiseMethodCall,
  getRejectionHandler,
  hasRejectionHandler,
} from '../../src/promises/promise-handling.js';
import { skipValueWrappers } from '../../src/ast/unwrap.js';
import { withSourceCode } from '../helpers/lint-code.js';
import type { TSESTree } from '@typescript-eslint/utils';

function statementExpression(code: string, parser: 'espree' | 'typescript' = 'espree'): (inspect: (node: TSESTree.Expression) => unknown) => unknown {
  return (inspect) =>
    withSourceCode(code, (context) => inspect((context.sourceCode.ast.body[0] as TSESTree.ExpressionStatement).expression), { parser });
}

describe('getPromiseMethodCall', () => {
  it('finds then/catch/finally calls, also optional and computed', () => {
    for (const [code, method] of [['p.then(f);', 'then'], ['p?.catch(f);', 'catch'], ["p['finally'](f);", 'finally']] as const) {
      statementExpression(code)((node) => expect(getPromiseMethodCall(node)?.method).toBe(method));
    }
    statementExpression('p.thenable(f);')((node) => expect(getPromiseMethodCall(node)).toBeNull());
    statementExpression('then(f);')((node) => expect(getPromiseMethodCall(node)).toBeNull());
  });
});

describe('getRejectionHandler / hasRejectionHandler', () => {
  it.each([
    ['p.catch(onError);', 'onError'],
    ['p.then(ok, onError);', 'onError'],
    ['p.catch(onError).finally(done);', 'onError'],
    ['p.then(ok, onError).finally(a).finally(b);', 'onError'],
  ])('%s is handled', (code, handler) => {
    statementExpression(code)((node) => {
      expect((getRejectionHandler(node) as TSESTree.Identifier | null)?.name).toBe(handler);
      expect(hasRejectionHandler(node)).toBe(true);
    });
  });

  it.each(['p.catch();', 'p.then(ok);', 'p.finally(done);', 'p.catch(null);', 'p.catch(undefined);', 'p.then(ok, void 0);', 'p.catch(...handlers);', 'p.catch(h).then(ok);', 'p;'])(
    '%s is not handled',
    (code) => {
      statementExpression(code)((node) => expect(hasRejectionHandler(node)).toBe(false));
    },
  );

  it('lets the caller refine what a handler is', () => {
    statementExpression('p.catch(5);')((node) => expect(hasRejectionHandler(node, (handler) => handler.type !== AST_NODE_TYPES.Literal)).toBe(false));
  });

  it('sees through optional chains and type wrappers', () => {
    statementExpression('(p as Promise<void>)!.catch(h);', 'typescript')((node) => expect(hasRejectionHandler(node)).toBe(true));
    statementExpression('a?.b.catch(h);')((node) => expect(skipValueWrappers(node).type).toBe('CallExpression'));
  });
});

describe('getChainRoot', () => {
  it.each([
    ['load().then(f).catch(g).finally(h);', 'load()'],
    ['(p as Promise<void>)?.then(f);', 'p'],
    ['load();', 'load()'],
  ])('%s starts from %s', (code, root) => {
    withSourceCode(code, (context) => {
      const node = (context.sourceCode.ast.body[0] as TSESTree.ExpressionStatement).expression;
      expect(context.sourceCode.getText(getChainRoot(node))).toBe(root);
    }, { parser: 'typescript' });
  });
});
