import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { getVariableValues } from '../../src/scope/variable-values.js';
import { withSourceCode } from '../helpers/lint-code.js';
import { allNodes } from '../helpers/node-by-text.js';

/** The source text of every value `getVariableValues` finds for the last `name` identifier of `code`. */
function values(code: string, name: string, parser: 'espree' | 'typescript' = 'espree'): string[] | null {
  return withSourceCode(
    code,
    (context) => {
      const last = allNodes(context.sourceCode)
        .filter((node): node is TSESTree.Identifier => node.type === AST_NODE_TYPES.Identifier && node.name === name)
        .at(-1);
      if (!last) throw new Error(`no ${name}`);
      const found = getVariableValues(last, context.sourceCode);
      return found?.map((value) => context.sourceCode.getText(value)) ?? null;
    },
    { parser },
  );
}

describe('getVariableValues', () => {
  it('lists the initialiser and the plain assignments', () => {
    expect(values('const p = load();\np;', 'p')).toEqual(['load()']);
    expect(values('let p = load();\nif (quiet) p = p.catch(noop);\np;', 'p')).toEqual(['load()', 'p.catch(noop)']);
    expect(values('let p;\np = load();\np;', 'p')).toEqual(['load()']);
  });

  it('gives up on anything but a simple local', () => {
    expect(values('function f(p) { return p; }', 'p')).toBeNull();
    expect(values('let p = load();\np += 1;\np;', 'p')).toBeNull();
    expect(values('const { p } = o;\np;', 'p')).toBeNull();
    expect(values('for (const p of ps) use(p);', 'p')).toBeNull();
    expect(values('import { p } from "./p.js";\np;', 'p')).toBeNull();
    expect(values('declare const p: Promise<void>;\np;', 'p', 'typescript')).toBeNull();
    expect(values('p;', 'p')).toBeNull();
  });
});
