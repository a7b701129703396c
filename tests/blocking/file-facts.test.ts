import { Linter } from 'eslint';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { getFileFacts, MemberCallCollector } from '../../src/blocking/file-facts.js';

const CODE = [
  'cache.get(a.get(key)).then(show);',
  "this.get(); obj['get'](); get(); self?.get?.();",
  'function f() { return store.get(x, () => inner.get()); }',
].join('\n');

/** The member calls named `name` as `line:column` texts: from the file walk, or from a `MemberCallCollector` handed in at `Program:exit`. */
function memberCalls(name: string, source: 'walk' | 'collector'): string[] {
  let found: string[] = [];
  const collector = new MemberCallCollector();
  const rule = {
    meta: { type: 'problem' as const, schema: [] },
    create(context: Readonly<TSESLint.RuleContext<string, []>>) {
      const listeners: TSESLint.RuleListener = {
        'Program:exit'() {
          const facts = getFileFacts(context.sourceCode, { filename: context.filename, cwd: context.cwd });
          if (source === 'collector') facts.provideMemberCalls(collector);
          found = facts.getMemberCalls(name).map((call: TSESTree.CallExpression) => `${call.loc.start.line}:${call.loc.start.column}`);
        },
      };
      if (source === 'collector') listeners.CallExpression = collector.add;
      return listeners;
    },
  };
  new Linter({ configType: 'flat' }).verify(CODE, {
    plugins: { test: { rules: { calls: rule as never } } },
    languageOptions: { ecmaVersion: 'latest', sourceType: 'module' },
    rules: { 'test/calls': 'error' },
  });
  return found;
}

describe('getMemberCalls', () => {
  it('indexes member calls by name, computed and optional ones too, in the order ESLint visits them', () => {
    expect(memberCalls('get', 'walk')).toEqual(['1:0', '1:10', '2:0', '2:12', '2:33', '3:22', '3:41']);
    expect(memberCalls('then', 'walk')).toEqual(['1:0']);
  });

  it('gives the same index from the calls a rule collected while ESLint walked the file', () => {
    expect(memberCalls('get', 'collector')).toEqual(memberCalls('get', 'walk'));
    expect(memberCalls('then', 'collector')).toEqual(['1:0']);
  });
});
