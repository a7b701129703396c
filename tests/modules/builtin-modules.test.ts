import { describe, expect, it } from 'vitest';
import { isBuiltinModule, stripNodePrefix } from '../../src/modules/builtin-modules.js';

describe('isBuiltinModule and stripNodePrefix', () => {
  it.each([
    ['fs', true],
    ['node:fs', true],
    ['node:test', true],
    ['fs/promises', true],
    ['bcrypt', false],
  ])('%s is a Node built-in: %s', (specifier, expected) => expect(isBuiltinModule(specifier)).toBe(expected));

  it('strips only a leading node: prefix', () => {
    expect(stripNodePrefix('node:fs')).toBe('fs');
    expect(stripNodePrefix('fs')).toBe('fs');
    expect(stripNodePrefix('@scope/node:x')).toBe('@scope/node:x');
  });
});
