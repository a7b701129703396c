import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { findVariableOf } from '../../src/scope/find-variable.js';
import { withSourceCode, type ParserName } from '../helpers/lint-code.js';
import { allNodes } from '../helpers/node-by-text.js';

/** For each identifier `x` in `code`: the line of the definition its variable has, or null when it has none. */
function definitionLines(code: string, parser: ParserName = 'espree'): (number | null)[] {
  return withSourceCode(
    code,
    ({ sourceCode }) =>
      allNodes(sourceCode)
        .filter((node): node is TSESTree.Identifier => node.type === AST_NODE_TYPES.Identifier && node.name === 'x')
        .map((node) => findVariableOf(node, sourceCode)?.defs[0]?.name.loc.start.line ?? null),
    { parser },
  );
}

describe('findVariableOf', () => {
  it.each([
    ['the binding of the enclosing scope', 'const x = 1;\nuse(x);', [1, 1]],
    ['the innermost of two bindings', 'const x = 1;\n{ const x = 2;\nuse(x); }\nuse(x);', [1, 2, 2, 1]],
    ['a binding of a block among many', `${Array.from({ length: 50 }, () => '{ }').join(' ')}\n{ const x = 2;\nuse(x); }`, [2, 2]],
    ['a parameter read in its function', 'function f(x) {\nreturn x; }', [1, 1]],
    ['a function by its name', 'function x() {}\nx();', [1, 1]],
    ['a class by its name inside it', 'class x {\nm() { return x; } }', [1, 1]],
  ])('finds %s', (_reason, code, expected) => {
    expect(definitionLines(code)).toEqual(expected);
    expect(definitionLines(code, 'typescript')).toEqual(expected);
  });
  it('finds nothing for a name the program never declares', () => {
    expect(definitionLines('use(x);')).toEqual([null]);
  });
});
