import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { findPromiseSources } from '../../src/promises/promise-sources.js';
import { SyntacticPromises } from '../../src/promises/syntactic-promises.js';
import { withSourceCode } from '../helpers/lint-code.js';

const LOCAL = `async function load() { throw new Error('x'); }
const tools = { save: async () => {} };
`;

/** Runs `inspect` on the expression of the last statement of `LOCAL + code`. */
function last<T>(code: string, inspect: (node: TSESTree.Expression, syntax: SyntacticPromises) => T): T {
  return withSourceCode(`${LOCAL}${code}`, (context) => {
    const statement = context.sourceCode.ast.body.at(-1) as TSESTree.ExpressionStatement;
    const sources = findPromiseSources(context.sourceCode, { promiseFunctions: [], allowFunctions: [] });
    return inspect(statement.expression, new SyntacticPromises(context.sourceCode, sources));
  });
}

describe('SyntacticPromises.isKnownSource', () => {
  it.each([
    ['load();', true, 'a local async function'],
    ['new Promise(() => {});', true, '`new Promise`'],
    ['Promise.all([]);', true, 'a `Promise` static'],
    ["import('./x.js');", true, '`import()`'],
    ['load().then(f);', false, 'a chain is judged by its root'],
    ['Promise.resolve(load());', false, '`Promise.resolve` is judged by the value it wraps'],
    ['value();', false, 'a call the rule cannot resolve'],
  ])('%s is a known source: %s (%s)', (code, expected) => expect(last(code, (node, syntax) => syntax.isKnownSource(node))).toBe(expected));
});

describe('SyntacticPromises.getCallbackFunction', () => {
  const callbackName = (code: string) =>
    last(code, (node, syntax) => {
      const fn = syntax.getCallbackFunction((node as TSESTree.CallExpression).arguments[0] as TSESTree.Node);
      return fn === null ? null : (fn.id?.name ?? fn.parent.type);
    });

  it.each<[string, string | null, string]>([
    ['f(() => {});', 'CallExpression', 'written inline'],
    ['f(load);', 'load', 'a local function it names'],
    ['f(tools.save);', 'Property', 'a method of a local object'],
    ['f(other);', null, 'a name the rule cannot resolve'],
    ['f(42);', null, 'not a function'],
  ])('%s gives %s (%s)', (code, expected) => expect(callbackName(code)).toBe(expected));
});
