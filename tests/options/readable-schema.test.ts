import { Linter } from 'eslint';
import type { JSONSchema4 } from '@typescript-eslint/utils/json-schema';
import { describe, expect, it } from 'vitest';
import { getStringEnumSchema, MODULE_MEMBER_PATTERN } from '../../src/options/readable-schema.js';

/** The error ESLint prints for `value` given to a one-option rule with `schema`, or null when it is accepted. */
function getOptionError(schema: JSONSchema4, value: unknown): string | null {
  const rule = { meta: { schema: [schema] }, create: () => ({}) };
  const linter = new Linter({ configType: 'flat' });
  try {
    linter.verify('x;', [{ plugins: { test: { rules: { option: rule } } }, rules: { 'test/option': ['error', value] } }], 'file.js');
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

describe('getStringEnumSchema', () => {
  const schema = getStringEnumSchema(['auto', 'type-aware', 'a.b'], 'How.');

  it('accepts each value', () => {
    for (const value of ['auto', 'type-aware', 'a.b']) expect(getOptionError(schema, value)).toBeNull();
  });

  it('names every allowed value in the error for another one', () => {
    expect(getOptionError(schema, 'typed')).toContain('should match pattern "^(auto|type-aware|a\\.b)$"');
  });

  it('takes values literally (a dot is not any character)', () => {
    expect(getOptionError(schema, 'aXb')).not.toBeNull();
  });
});

describe('MODULE_MEMBER_PATTERN', () => {
  const schema: JSONSchema4 = { type: 'string', pattern: MODULE_MEMBER_PATTERN };

  it.each(['fs.existsSync', 'node:zlib.gunzipSync', '@scope/pkg.readSync', 'Atomics.wait'])('accepts %s', (value) => {
    expect(getOptionError(schema, value)).toBeNull();
  });

  it('says a member alone needs its module, in the pattern the error shows', () => {
    expect(getOptionError(schema, 'existsSync')).toContain('(?<module>\\S+)\\.(?<member>\\S+)');
  });
});
