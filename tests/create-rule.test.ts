import { describe, expect, it } from 'vitest';
import { Linter } from 'eslint';
import { createRule } from '../src/create-rule.js';

type Options = [{ level?: number; tags?: string[] }];

/** A rule that reports the options it was created with, to see what `createRule` hands `create`. */
const echoOptions = createRule<Options, 'seen'>({
  name: 'echo-options',
  meta: {
    type: 'problem',
    docs: { description: 'Reports its options.' },
    messages: { seen: '{{options}}' },
    schema: [{ type: 'object', additionalProperties: false, properties: { level: { type: 'number' }, tags: { type: 'array', items: { type: 'string' } } } }],
    defaultOptions: [{ level: 1, tags: ['a'] }],
  },
  create(context, [options]) {
    return { Program: (node) => context.report({ node, messageId: 'seen', data: { options: JSON.stringify(options) } }) };
  },
});

function optionsSeen(ruleEntry: Linter.RuleEntry): unknown {
  const linter = new Linter({ configType: 'flat' });
  const [message] = linter.verify('x;', { plugins: { test: { rules: { echo: echoOptions as never } } }, rules: { 'test/echo': ruleEntry } });
  return JSON.parse(message?.message ?? 'null');
}

describe('createRule', () => {
  it('links the rule doc by name', () => {
    expect(echoOptions.meta.docs?.url).toMatch(/\/rules-docs\/echo-options\.md$/);
  });

  it('hands create the defaults ESLint merged from meta.defaultOptions', () => {
    expect(optionsSeen('error')).toEqual({ level: 1, tags: ['a'] });
  });

  it('hands create the user options merged over the defaults, arrays replaced', () => {
    expect(optionsSeen(['error', { tags: ['b'] }])).toEqual({ level: 1, tags: ['b'] });
  });
});
