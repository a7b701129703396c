import { describe, expect, it } from 'vitest';
import { createNameMentionTest, hasUnicodeEscape, mayMentionName } from '../../src/ast/name-mentions.js';
import { withSourceCode } from '../helpers/lint-code.js';

const inFile = <T>(text: string, ask: Parameters<typeof withSourceCode<T>>[1]): T => withSourceCode(text, ask);

describe('hasUnicodeEscape', () => {
  it.each([
    ['an escape in a name', 'util.pr\\u006fmisify(read);', true],
    ['an escape in a string', "const m = require('\\u0065vents');", true],
    ['no escape', "const util = require('util');", false],
  ])('%s', (_, text, expected) => {
    expect(inFile(text, (context) => hasUnicodeEscape(context.sourceCode))).toBe(expected);
  });
});

describe('mayMentionName', () => {
  it.each([
    ['one of the names', "const { promisify } = require('util');", true],
    ['a name inside a longer one (a cheap superset)', 'promisifyAll(lib);', true],
    ['a \\u escape, which may spell any name', 'util.pr\\u006fmisify(read);', true],
    ['none of the names and no escape', "const util = require('util'); util.inspect(x);", false],
  ])('%s: %s', (_, text, expected) => {
    expect(inFile(text, (context) => mayMentionName(context.sourceCode, ['promisify', 'callbackify']))).toBe(expected);
  });
});

describe('createNameMentionTest', () => {
  it.each([
    ['a name the text spells', "const { promisify } = require('util');", 'promisify', true],
    ['a name inside a longer one (a cheap superset)', 'promisifyAll(lib);', 'promisify', true],
    ['any name, when the text has a \\u escape', 'util.pr\\u006fmisify(read);', 'callbackify', true],
    ['a name the text does not spell', "const util = require('util'); util.inspect(x);", 'promisify', false],
  ])('%s', (_, text, name, expected) => {
    expect(inFile(text, (context) => createNameMentionTest(context.sourceCode)(name))).toBe(expected);
  });

  it('answers a name asked again as it did the first time', () => {
    const answers = inFile('const only = pick(name);', (context) => {
      const isSpelled = createNameMentionTest(context.sourceCode);
      return [isSpelled('only'), isSpelled('skip'), isSpelled('only'), isSpelled('skip')];
    });
    expect(answers).toEqual([true, false, true, false]);
  });
});
