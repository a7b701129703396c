import { describe, expect, it } from 'vitest';
import { createNameMentionTest, mayMentionName } from '../../src/ast/name-mentions.js';

describe('mayMentionName', () => {
  it.each([
    ['one of the names', "const { promisify } = require('util');", true],
    ['a name inside a longer one (a cheap superset)', 'promisifyAll(lib);', true],
    ['a \\u escape, which may spell any name', 'util.pr\\u006fmisify(read);', true],
    ['none of the names and no escape', "const util = require('util'); util.inspect(x);", false],
  ])('%s: %s', (_, text, expected) => {
    expect(mayMentionName(text, ['promisify', 'callbackify'])).toBe(expected);
  });
});

describe('createNameMentionTest', () => {
  it.each([
    ['a name the text spells', "const { promisify } = require('util');", 'promisify', true],
    ['a name inside a longer one (a cheap superset)', 'promisifyAll(lib);', 'promisify', true],
    ['any name, when the text has a \\u escape', 'util.pr\\u006fmisify(read);', 'callbackify', true],
    ['a name the text does not spell', "const util = require('util'); util.inspect(x);", 'promisify', false],
  ])('%s', (_, text, name, expected) => {
    expect(createNameMentionTest(text)(name)).toBe(expected);
  });

  it('answers a name asked again as it did the first time', () => {
    const isSpelled = createNameMentionTest('test.only(name, run);');
    expect([isSpelled('only'), isSpelled('skip'), isSpelled('only'), isSpelled('skip')]).toEqual([true, false, true, false]);
  });
});
