import { AST_TOKEN_TYPES, type TSESLint } from '@typescript-eslint/utils';
import { findTokenIndexAt } from './tokens.js';

/** The names after a file's `await`s: `receiver.method` pairs, and receivers awaited through a method not spelled after a dot. */
export interface AwaitedNames {
  pairs: ReadonlySet<string>;
  anyMethod: ReadonlySet<string>;
}

/**
 * The receiver and method names each `await` is followed by (`await pool.query(` gives `pool.query`;
 * past opening parentheses), from the few `await` tokens (text search, then the token index).
 * A receiver followed by anything but `.` or `?.` and a name (`await (pool).query()`,
 * `await pool['query']()`) may still be awaited through a method: it is kept with any method.
 */
export function getAwaitedNames(sourceCode: Readonly<TSESLint.SourceCode>): AwaitedNames {
  const pairs = new Set<string>();
  const anyMethod = new Set<string>();
  const text = sourceCode.text;
  const tokens = sourceCode.ast.tokens;
  for (let index = text.indexOf('await'); index !== -1; index = text.indexOf('await', index + 5)) {
    let at = findTokenIndexAt(tokens, index);
    const token = tokens[at];
    if (token?.range[0] !== index || token.value !== 'await') continue;
    at++;
    while (tokens[at]?.value === '(') at++;
    const receiver = tokens[at];
    if (receiver?.type !== AST_TOKEN_TYPES.Identifier) continue;
    const next = tokens[at + 1];
    const method = next?.value === '.' || next?.value === '?.' ? tokens[at + 2] : undefined;
    if (method) pairs.add(`${receiver.value}.${method.value}`);
    else if (next?.value === ')' || next?.value === '[') anyMethod.add(receiver.value);
  }
  return { pairs, anyMethod };
}
