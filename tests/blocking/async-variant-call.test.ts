import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import {
  getAsyncVariantAccess,
  isTopLevelReferenceAt,
  type AsyncVariantAccess,
} from '../../src/blocking/async-variant-call.js';
import { withSourceCode, type LintCodeOptions } from '../helpers/lint-code.js';

/** The innermost (last in pre-order) call whose text contains `marker`. */
function findCall(sourceCode: Readonly<TSESLint.SourceCode>, marker: string): TSESTree.CallExpression {
  let found: TSESTree.CallExpression | undefined;
  const visit = (node: TSESTree.Node): void => {
    if (node.type === AST_NODE_TYPES.CallExpression && sourceCode.getText(node).includes(marker)) found = node;
    for (const key of sourceCode.visitorKeys[node.type] ?? []) {
      const value = (node as unknown as Record<string, unknown>)[key];
      for (const child of Array.isArray(value) ? value : [value]) {
        if (child && typeof child === 'object' && 'type' in child) visit(child as TSESTree.Node);
      }
    }
  };
  visit(sourceCode.ast);
  if (!found) throw new Error(`no call with ${marker}`);
  return found;
}

function access(code: string, module: string, asyncName: string, options?: LintCodeOptions): AsyncVariantAccess | null {
  return withSourceCode(code, (context) => getAsyncVariantAccess(findCall(context.sourceCode, '(input'), context.sourceCode, module, asyncName), options);
}

describe('getAsyncVariantAccess', () => {
  it('reaches the variant through the same member expression', () => {
    expect(access("import crypto from 'crypto';\ncrypto.pbkdf2Sync(input);", 'crypto', 'pbkdf2')).toEqual({ kind: 'expression', text: 'crypto.pbkdf2' });
    expect(access("require('node:zlib').gzipSync(input);", 'zlib', 'gzip', { sourceType: 'commonjs' })).toEqual({
      kind: 'expression',
      text: "require('node:zlib').gzip",
    });
    expect(access("process.getBuiltinModule('zlib').gzipSync(input);", 'zlib', 'gzip')).toEqual({
      kind: 'expression',
      text: "process.getBuiltinModule('zlib').gzip",
    });
    expect(access('lib.crypto /* c */ . pbkdf2Sync(input);', 'crypto', 'pbkdf2')).toEqual({ kind: 'expression', text: 'lib.crypto /* c */ . pbkdf2' });
  });

  it('keeps computed string keys computed, with their quotes', () => {
    expect(access('crypto["pbkdf2Sync"](input);', 'crypto', 'pbkdf2')).toEqual({ kind: 'expression', text: 'crypto["pbkdf2"]' });
    expect(access('crypto[`pbkdf2Sync`](input);', 'crypto', 'pbkdf2')).toEqual({ kind: 'expression', text: 'crypto[`pbkdf2`]' });
    expect(access('crypto[name](input);', 'crypto', 'pbkdf2')).toBeNull();
  });

  it('asks for an import of the variant next to named imports and destructured requires', () => {
    expect(access("import { hashSync } from 'bcrypt';\nhashSync(input);", 'bcrypt', 'hash')).toEqual({ kind: 'import', module: 'bcrypt', name: 'hash' });
    expect(access("const { hashSync: h } = require('bcryptjs');\nh(input);", 'bcryptjs', 'hash', { sourceType: 'commonjs' })).toEqual({
      kind: 'import',
      module: 'bcryptjs',
      name: 'hash',
    });
    expect(access("import { pbkdf2Sync } from 'node:crypto';\npbkdf2Sync(input);", 'crypto', 'pbkdf2')).toEqual({
      kind: 'import',
      module: 'crypto',
      name: 'pbkdf2',
    });
  });

  it('imports a built-in variant for aliases, but does not guess for a package alias', () => {
    expect(access("import c from 'crypto';\nconst derive = c.pbkdf2Sync;\nderive(input);", 'crypto', 'pbkdf2')).toEqual({
      kind: 'import',
      module: 'crypto',
      name: 'pbkdf2',
    });
    expect(access("import bcrypt from 'bcrypt';\nconst { hashSync } = bcrypt;\nhashSync(input);", 'bcrypt', 'hash')).toBeNull();
    expect(access("import { hashSync } from 'other';\nhashSync(input);", 'bcrypt', 'hash')).toBeNull();
  });

  it('refuses optional chains and callees of other shapes', () => {
    expect(access('crypto?.pbkdf2Sync(input);', 'crypto', 'pbkdf2')).toBeNull();
    expect(access('lib?.crypto.pbkdf2Sync(input);', 'crypto', 'pbkdf2')).toBeNull();
    expect(access('(0, crypto.pbkdf2Sync)(input);', 'crypto', 'pbkdf2')).toBeNull();
    expect(access('crypto.pbkdf2Sync(input);', 'crypto', 'not-a-name')).toBeNull();
  });
});

describe('isTopLevelReferenceAt', () => {
  const reachable = (code: string, reference: string, options?: LintCodeOptions): boolean =>
    withSourceCode(code, (context) => isTopLevelReferenceAt(reference, findCall(context.sourceCode, '(input'), context.sourceCode), options);

  it('accepts top-level bindings and names nothing declares', () => {
    expect(reachable("import { promisify } from 'util';\nasync function f() { g(input); }", 'promisify')).toBe(true);
    expect(reachable("import util from 'util';\nasync function f() { g(input); }", 'util.promisify')).toBe(true);
    expect(reachable("const util = require('util');\nasync function f() { g(input); }", 'util.promisify', { sourceType: 'commonjs' })).toBe(true);
    expect(reachable('async function f() { g(input); }', 'promisify')).toBe(true);
  });

  it('rejects a name a nearer scope shadows', () => {
    expect(reachable("import { promisify } from 'util';\nasync function f(promisify) { g(input); }", 'promisify')).toBe(false);
    expect(reachable("import util from 'util';\nasync function f() { const util = {}; g(input); }", 'util.promisify')).toBe(false);
    expect(reachable('g(input);', '(x)')).toBe(false);
  });
});
