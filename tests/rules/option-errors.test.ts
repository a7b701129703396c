// A user with a wrong option value sees only ESLint's first schema error, without the schema's
// description: it must name what is allowed (the blocking rules' cases are in messages.test.ts).
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../index.js';
import { rules } from '../../src/rules/index.js';

function getOptionError(rule: string, options: unknown): string | null {
  const linter = new Linter({ configType: 'flat' });
  try {
    linter.verify('x;', [{ plugins: { 'event-loop': plugin }, rules: { [`event-loop/${rule}`]: ['error', options] } }], 'file.js');
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

/** Every subschema of `schema` that lists allowed values (`enum`), with its path. */
function findEnums(schema: unknown, path: string): { path: string; node: Record<string, unknown> }[] {
  if (!schema || typeof schema !== 'object') return [];
  const node = schema as Record<string, unknown>;
  const own = Array.isArray(node.enum) ? [{ path, node }] : [];
  return [...own, ...Object.entries(node).flatMap(([key, value]) => findEnums(value, `${path}.${key}`))];
}

describe('option errors name what is allowed', () => {
  it.each([
    ['floating-task', { mode: 'typed' }, 'auto|syntactic|type-aware'],
    ['floating-task', { autofix: 'void' }, 'none|await'],
  ])('%s %j', (rule, options, named) => {
    expect(getOptionError(rule, options)).toContain(named);
  });

  it('accepts the values the errors name', () => {
    expect(getOptionError('no-sync-in-async', { reportIn: 'all-functions', allow: ['node:fs.existsSync'] })).toBeNull();
    expect(getOptionError('floating-task', { mode: 'syntactic', autofix: 'await' })).toBeNull();
  });

  it('gives every option with allowed values the pattern that lists them', () => {
    const enums = Object.entries(rules).flatMap(([name, rule]) => findEnums(rule.meta.schema, name));
    expect(enums.length).toBeGreaterThanOrEqual(5);
    for (const { path, node } of enums) expect([path, node.pattern]).toEqual([path, `^(${(node.enum as string[]).join('|')})$`]);
  });
});
