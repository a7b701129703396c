import { describe, expect, it } from 'vitest';
import { mayMentionName } from '../../src/ast/name-mentions.js';

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
