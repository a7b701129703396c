import type { JSONSchema4 } from '@typescript-eslint/utils/json-schema';

/**
 * A string option limited to `values`. ESLint prints only the first schema error, without the
 * schema's description, and an `enum` error says "should be equal to one of the allowed values"
 * without naming them; a `pattern` of the same values is checked first and its error lists them:
 * `Value "x" should match pattern "^(auto|syntactic|type-aware)$"`.
 */
export function getStringEnumSchema(values: readonly string[], description: string): JSONSchema4 {
  const alternatives = values.map((value) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  return { type: 'string', enum: [...values], pattern: `^(${alternatives})$`, description };
}

/**
 * A `module.member` name (`fs.existsSync`, `node:zlib.gunzipSync`). The group names are the
 * readable part of ESLint's error: `should match pattern "^(?<module>\S+)\.(?<member>\S+)$"`.
 */
export const MODULE_MEMBER_PATTERN = '^(?<module>\\S+)\\.(?<member>\\S+)$';
