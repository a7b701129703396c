import { describe, expect, it } from 'vitest';
import { getAllOptions } from '../src/configs.js';
import { rules } from '../src/rules/index.js';
import plugin from '../index.js';

/** Every boolean option of a rule's schema that widens or narrows what it finds. */
function detectionBooleans(rule: (typeof rules)[string]): { name: string; widest: boolean }[] {
  const schema = (rule.meta.schema as unknown as { properties?: Record<string, { type?: unknown }> }[])[0];
  return Object.entries(schema?.properties ?? {})
    .filter(([name, property]) => property.type === 'boolean' && /^(check|ignore)[A-Z]/.test(name))
    .map(([name]) => ({ name, widest: name.startsWith('check') }));
}

function configOptions(config: 'strict' | 'all', ruleName: string): Record<string, unknown> {
  const entry = plugin.configs[config].rules?.[`event-loop/${ruleName}`];
  return Array.isArray(entry) ? ((entry[1] ?? {}) as Record<string, unknown>) : {};
}

describe('the all config', () => {
  it.each(Object.entries(rules))('%s: turns on every detection option of the schema', (name, rule) => {
    const all = configOptions('all', name);
    for (const option of detectionBooleans(rule)) expect(all[option.name], option.name).toBe(option.widest);
  });

  it.each(Object.entries(rules))('%s: differs from strict by every detection option strict leaves off', (name, rule) => {
    const strict = configOptions('strict', name);
    const all = configOptions('all', name);
    for (const option of detectionBooleans(rule)) {
      if (strict[option.name] !== option.widest) expect(all[option.name], option.name).not.toBe(strict[option.name]);
    }
  });

  it('is not a copy of strict', () => {
    expect(plugin.configs.all.rules).not.toEqual(plugin.configs.strict.rules);
  });

  it('sets options that are not detection booleans as the rule’s allOptions say, else as strict does', () => {
    for (const [name, rule] of Object.entries(rules)) {
      const strict = (rule.meta.docs?.strictOptions?.[0] ?? {}) as Record<string, unknown>;
      const own = (rule.meta.docs?.allOptions?.[0] ?? {}) as Record<string, unknown>;
      const all = getAllOptions(rule);
      for (const [option, value] of Object.entries({ ...strict, ...own })) {
        if (!/^(check|ignore)[A-Z]/.test(option)) expect(all[option], `${name}.${option}`).toEqual(value);
      }
    }
  });
});
