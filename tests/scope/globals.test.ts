import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { findGlobalReferences, findUnresolvedReferences, isGlobalReference } from '../../src/scope/globals.js';
import { withSourceCode } from '../helpers/lint-code.js';
import { allNodes } from '../helpers/node-by-text.js';

function globalNames(code: string, name: string): boolean[] {
  return withSourceCode(code, (context) =>
    allNodes(context.sourceCode)
      .filter((node): node is TSESTree.Identifier => node.type === AST_NODE_TYPES.Identifier && node.name === name && node.parent?.type === AST_NODE_TYPES.CallExpression)
      .map((node) => isGlobalReference(node, context.sourceCode)),
  );
}

describe('isGlobalReference', () => {
  it('is true for unresolved names and false for shadowing bindings', () => {
    expect(globalNames('fetch("/a");', 'fetch')).toEqual([true]);
    expect(globalNames('function f(fetch) { fetch("/a"); } fetch("/b");', 'fetch')).toEqual([false, true]);
    expect(globalNames('const fetch = () => 1; fetch("/a");', 'fetch')).toEqual([false]);
    expect(globalNames('import fetch from "node-fetch"; fetch("/a");', 'fetch')).toEqual([false]);
  });
});

describe('findGlobalReferences', () => {
  const countReads = (code: string, name: string): number =>
    withSourceCode(code, ({ sourceCode }) => {
      const globalScope = sourceCode.scopeManager?.globalScope;
      if (!globalScope) throw new Error('no global scope');
      return findGlobalReferences(globalScope, name).length;
    });

  it.each([
    ['require("a"); require("b");', 2, 'unresolved reads of an undeclared global'],
    ['const require = () => 1; require("a");', 0, 'shadowed at the top level'],
    ['require = null; require("a");', 0, 'reassigned, so no read can be trusted'],
    ['function f(require) { require("a"); }', 0, 'a parameter of that name is not the global'],
  ])('%s: %s (%s)', (code, expected) => expect(countReads(code, 'require')).toBe(expected));
});

describe('findUnresolvedReferences', () => {
  const describeRefs = (code: string, name: string): string[] =>
    withSourceCode(code, ({ sourceCode }) => {
      const globalScope = sourceCode.scopeManager?.globalScope;
      if (!globalScope) throw new Error('no global scope');
      return findUnresolvedReferences(globalScope, name).map((ref) => (ref.isWrite() ? 'write' : 'read'));
    });

  it.each([
    ['fetch("/a"); function f() { return fetch("/b"); }', ['read', 'read'], 'reads anywhere in the file'],
    ['fetch = wrap(fetch);', ['write', 'read'], 'writes too (callers decide what a write means)'],
    ['function f(fetch) { fetch("/a"); }', [], 'a binding of that name is not unresolved'],
    ['other("/a");', [], 'other names'],
  ])('%s: %j (%s)', (code, expected) => expect(describeRefs(code, 'fetch')).toEqual(expected));
});
