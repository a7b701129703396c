import { getAsiGuard } from '../../src/fixes/asi.js';
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import {
  getArgumentListText,
  getModuleObjectNode,
  isInsideOptionalCallee,
  isModuleBindingReachableAt,
} from '../../src/fixes/call-rewrite.js';
import { withSourceCode, type ParserName } from '../helpers/lint-code.js';

/** Runs `inspect` on the call whose callee text is `calleeText`. */
function onCall<T>(code: string, calleeText: string, inspect: (call: TSESTree.CallExpression, sourceCode: Parameters<typeof getAsiGuard>[0]) => T, parser: ParserName = 'espree'): T {
  return withSourceCode(
    code,
    ({ sourceCode }) => {
      const calls: TSESTree.CallExpression[] = [];
      const visit = (node: TSESTree.Node): void => {
        if (node.type === AST_NODE_TYPES.CallExpression && sourceCode.getText(node.callee) === calleeText) calls.push(node);
        for (const key of sourceCode.visitorKeys[node.type] ?? []) {
          const value = (node as unknown as Record<string, unknown>)[key];
          for (const child of Array.isArray(value) ? value : [value]) {
            if (child && typeof child === 'object' && 'type' in child) visit(child as TSESTree.Node);
          }
        }
      };
      visit(sourceCode.ast);
      const call = calls[0];
      if (!call) throw new Error(`no call of ${calleeText}`);
      return inspect(call, sourceCode);
    },
    { parser },
  );
}

describe('getArgumentListText', () => {
  it('keeps the argument list as written, comments included', () => {
    expect(onCall("fs.readFileSync(p, /* enc */ 'utf8')", 'fs.readFileSync', (call, sc) => getArgumentListText(sc, call))).toBe(
      "(p, /* enc */ 'utf8')",
    );
    expect(onCall('zlib.gzipSync(input,\n  opts,\n)', 'zlib.gzipSync', (call, sc) => getArgumentListText(sc, call))).toBe('(input,\n  opts,\n)');
  });

  it('skips the parentheses of a parenthesized callee and type arguments', () => {
    expect(onCall('(fs.readFileSync)(p)', 'fs.readFileSync', (call, sc) => getArgumentListText(sc, call))).toBe('(p)');
    expect(onCall('zlib.gzipSync /* big */ (b)', 'zlib.gzipSync', (call, sc) => getArgumentListText(sc, call))).toBe(' /* big */ (b)');
    expect(onCall('read<string>(p)', 'read', (call, sc) => getArgumentListText(sc, call), 'typescript')).toBe('(p)');
  });

  it('refuses optional calls', () => {
    expect(onCall('fs.readFileSync?.(p)', 'fs.readFileSync', (call, sc) => getArgumentListText(sc, call))).toBeNull();
  });
});

describe('getModuleObjectNode', () => {
  const objectText = (code: string, callee: string, path: string[]): string | null =>
    onCall(code, callee, (call, sc) => {
      const node = getModuleObjectNode(call, path);
      return node ? sc.getText(node) : null;
    });

  it('finds the module object a member path was read from', () => {
    expect(objectText('fs.readFileSync(p)', 'fs.readFileSync', ['readFileSync'])).toBe('fs');
    expect(objectText('fs.realpathSync.native(p)', 'fs.realpathSync.native', ['realpathSync', 'native'])).toBe('fs');
    expect(objectText("require('fs')['readFileSync'](p)", "require('fs')['readFileSync']", ['readFileSync'])).toBe("require('fs')");
  });

  it('returns null for bare names, other paths and optional steps', () => {
    expect(objectText('readFileSync(p)', 'readFileSync', ['readFileSync'])).toBeNull();
    expect(objectText('r.native(p)', 'r.native', ['realpathSync', 'native'])).toBeNull();
    expect(objectText('fs.read(p)', 'fs.read', ['readFileSync'])).toBeNull();
    expect(objectText('fs?.readFileSync(p)', 'fs?.readFileSync', ['readFileSync'])).toBeNull();
  });
});

describe('isInsideOptionalCallee', () => {
  it.each([
    ['fs?.readFileSync(p)', 'fs?.readFileSync', true],
    ['a?.fs.readFileSync(p)', 'a?.fs.readFileSync', true],
    ['fs.readFileSync(p)?.toString()', 'fs.readFileSync', false],
    ['fs.readFileSync(p)', 'fs.readFileSync', false],
  ])('%s', (code, callee, expected) => {
    expect(onCall(code, callee, (call) => isInsideOptionalCallee(call))).toBe(expected);
  });
});

describe('isModuleBindingReachableAt', () => {
  const code = "import { readFile } from 'fs/promises'; import fsp from 'fs/promises'; function f(readFile) { g(); } h();";
  it('is true where the module binding is visible', () => {
    expect(onCall(code, 'h', (call, sc) => isModuleBindingReachableAt(sc, call, 'readFile'))).toBe(true);
    expect(onCall(code, 'g', (call, sc) => isModuleBindingReachableAt(sc, call, 'fsp.readFile'))).toBe(true);
  });
  it('is true for top-level bindings of CommonJS modules', () => {
    expect(
      withSourceCode(
        "const fsp = require('fs').promises; function f(x) { return g(x); }",
        ({ sourceCode }) => {
          const statement = sourceCode.ast.body[1];
          return statement ? isModuleBindingReachableAt(sourceCode, statement, 'fsp.readFile') : null;
        },
        { sourceType: 'commonjs' },
      ),
    ).toBe(true);
  });
  it('is false where a nearer declaration shadows it, or nothing declares it', () => {
    expect(onCall(code, 'g', (call, sc) => isModuleBindingReachableAt(sc, call, 'readFile'))).toBe(false);
    expect(onCall(code, 'h', (call, sc) => isModuleBindingReachableAt(sc, call, 'missing'))).toBe(false);
  });
});

describe('getAsiGuard', () => {
  it('guards a statement that starts the line after one without a semicolon', () => {
    expect(onCall('a = b\nexecSync(c).toString()', 'execSync', (call, sc) => getAsiGuard(sc, call))).toBe(';');
    expect(onCall('x = {}\nexecSync(c).toString()', 'execSync', (call, sc) => getAsiGuard(sc, call))).toBe(';');
  });
  it('adds nothing after a semicolon, a block, at the start, or inside an expression', () => {
    expect(onCall('a = b;\nexecSync(c).toString()', 'execSync', (call, sc) => getAsiGuard(sc, call))).toBe('');
    expect(onCall('if (a) {}\nexecSync(c).toString()', 'execSync', (call, sc) => getAsiGuard(sc, call))).toBe('');
    expect(onCall('execSync(c).toString()', 'execSync', (call, sc) => getAsiGuard(sc, call))).toBe('');
    expect(onCall('a = b\nx = execSync(c).toString()', 'execSync', (call, sc) => getAsiGuard(sc, call))).toBe('');
  });
});
