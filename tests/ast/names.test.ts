import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import {
  getIdentifierWords,
  getMemberKeyName,
  getLastIdentifierName,
  hasNameWord,
  isNameEndingWithWord,
  isNameStartingWithWord,
} from '../../src/ast/names.js';
import { withSourceCode } from '../helpers/lint-code.js';

describe('getIdentifierWords', () => {
  it.each([
    ['dbSession', ['db', 'session']],
    ['HTTPServer', ['http', 'server']],
    ['SLEEP_MS', ['sleep', 'ms']],
    ['wait_for-idle2x', ['wait', 'for', 'idle', 'x']],
    ['otplease', ['otplease']],
    ['$', ['$']],
    ['_initBrowserServer', ['init', 'browser', 'server']],
  ])('splits %s', (name, words) => {
    expect(getIdentifierWords(name)).toEqual(words);
  });
});

describe('isNameStartingWithWord', () => {
  it.each(['sleep', 'Sleep', 'sleepMs', 'SLEEP_MS', 'waitForIdle', 'setTimeout'])('%s starts with a pacing word', (name) => {
    expect(isNameStartingWithWord(name, ['sleep', 'wait', 'setTimeout'])).toBe(true);
  });
  it.each(['sleeper', 'waitress', 'asleep', 'set', 'clearTimeout'])('%s does not', (name) => {
    expect(isNameStartingWithWord(name, ['sleep', 'wait', 'setTimeout'])).toBe(false);
  });
  it('matches multi-word entries as a whole', () => {
    expect(isNameStartingWithWord('waitForIdle', ['waitFor'])).toBe(true);
    expect(isNameStartingWithWord('waitUntil', ['waitFor'])).toBe(false);
  });
});

describe('isNameEndingWithWord', () => {
  it.each(['tx', 'TX', 'userTx', 'dbSession', 'session', 'user_session'])('%s ends with a receiver word', (name) => {
    expect(isNameEndingWithWord(name, ['tx', 'session'])).toBe(true);
  });
  it.each(['ctx', 'obsession', 'sessions', 'txn'])('%s does not', (name) => {
    expect(isNameEndingWithWord(name, ['tx', 'session'])).toBe(false);
  });
});

describe('hasNameWord', () => {
  const words = new Set(['batch', 'page']);
  it.each(['batch', 'batches', 'pendingBatches', 'nextPage', 'pages'])('%s has a listed word', (name) => {
    expect(hasNameWord(name, words)).toBe(true);
  });
  it.each(['packages', 'paged', 'batched', 'id'])('%s does not', (name) => {
    expect(hasNameWord(name, words)).toBe(false);
  });
});

describe('getLastIdentifierName', () => {
  const lastNameOf = (expression: string): string | null =>
    withSourceCode(`(${expression});`, ({ sourceCode }) => {
      const statement = sourceCode.ast.body[0];
      if (statement?.type !== AST_NODE_TYPES.ExpressionStatement) throw new Error('no expression');
      return getLastIdentifierName(statement.expression);
    });
  it.each([
    ['tx', 'tx'],
    ['this.session', 'session'],
    ["db.collection('x')", 'collection'],
    ["obj['queue']", 'queue'],
    ['a?.b.cursor', 'cursor'],
    ['new Foo.Bar()', 'Bar'],
    ['this', null],
    ['obj[key]', null],
    ['1', null],
  ])('names %s as %s', (expression, name) => {
    expect(lastNameOf(expression)).toBe(name);
  });
  it('sees through TypeScript wrappers', () => {
    const name = withSourceCode(
      'tx! as Tx;',
      ({ sourceCode }) => {
        const statement = sourceCode.ast.body[0];
        if (statement?.type !== AST_NODE_TYPES.ExpressionStatement) throw new Error('no expression');
        return getLastIdentifierName(statement.expression);
      },
      { parser: 'typescript' },
    );
    expect(name).toBe('tx');
  });
});

describe('getMemberKeyName', () => {
  const keyNameOf = (code: string): (string | null)[] =>
    withSourceCode(code, ({ sourceCode }) => {
      const found: (string | null)[] = [];
      const visit = (node: unknown): void => {
        if (!node || typeof node !== 'object') return;
        const typed = node as { type?: string };
        if (typed.type === AST_NODE_TYPES.MemberExpression || typed.type === AST_NODE_TYPES.MethodDefinition || typed.type === AST_NODE_TYPES.PropertyDefinition) {
          found.push(getMemberKeyName(node as Parameters<typeof getMemberKeyName>[0]));
        }
        for (const [key, value] of Object.entries(node)) if (key !== 'parent') (Array.isArray(value) ? value : [value]).forEach(visit);
      };
      visit(sourceCode.ast);
      return found;
    });

  it.each([
    ['a.b;', ['b']],
    ["a['b'];", ['b']],
    ['a[b];', [null]],
    ['class C { #x = 1; m() {} }', ['#x', 'm']],
    ['class C { #x() { this.#x; } }', ['#x', '#x']],
  ])('names the keys of %s', (code, names) => {
    expect(keyNameOf(code)).toEqual(names);
  });
});
