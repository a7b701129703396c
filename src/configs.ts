import type { ESLint, Linter } from 'eslint';
import type { EventLoopRule } from './rules/index.js';

export const PLUGIN_NAMESPACE = 'event-loop';

type ConfigName = 'recommended' | 'recommended-type-checked' | 'strict' | 'all' | 'disable-type-checked';

type OptionLevel = 'default' | 'strict' | 'all';

/**
 * The value of a boolean option that makes the rule find more: `check*` options on, `ignore*`
 * options off. Other booleans (`autofix`) change what a report offers, not what is found.
 */
function getWidestBoolean(name: string): boolean | undefined {
  if (/^check[A-Z]/.test(name)) return true;
  if (/^ignore[A-Z]/.test(name)) return false;
  return undefined;
}

/**
 * The options `all` sets: the strict options, every detection boolean of the rule's schema at its
 * widest (so a new `check*` option is in `all` without anyone remembering it), then the rule's
 * own `docs.allOptions` for options that are not booleans (an enum's widest value).
 */
export function getAllOptions(rule: EventLoopRule): Record<string, unknown> {
  const schema = Array.isArray(rule.meta.schema) ? (rule.meta.schema[0] as { properties?: Record<string, { type?: unknown }> } | undefined) : undefined;
  const widest: Record<string, unknown> = {};
  for (const [name, property] of Object.entries(schema?.properties ?? {})) {
    const value = property.type === 'boolean' ? getWidestBoolean(name) : undefined;
    if (value !== undefined) widest[name] = value;
  }
  const strict = (rule.meta.docs?.strictOptions?.[0] ?? {}) as Record<string, unknown>;
  const own = (rule.meta.docs?.allOptions?.[0] ?? {}) as Record<string, unknown>;
  return { ...strict, ...widest, ...own };
}

function getRuleEntry(rule: EventLoopRule, level: OptionLevel): Linter.RuleEntry {
  if (level === 'all') {
    const options = getAllOptions(rule);
    return Object.keys(options).length > 0 ? ['error', options] : 'error';
  }
  const strictOptions = rule.meta.docs?.strictOptions;
  return level === 'strict' && strictOptions ? ['error', ...strictOptions] : 'error';
}

function ruleEntries(
  rules: Record<string, EventLoopRule>,
  include: (rule: EventLoopRule) => boolean,
  level: OptionLevel,
): Linter.RulesRecord {
  const entries: Linter.RulesRecord = {};
  for (const [name, rule] of Object.entries(rules)) {
    if (include(rule)) entries[`${PLUGIN_NAMESPACE}/${name}`] = getRuleEntry(rule, level);
  }
  return entries;
}

/**
 * Builds the flat configs from rule metadata: a rule's `docs.recommended` puts it in `recommended`
 * (and everything stricter), `docs.strictOptions` are the options `strict` turns on, and `all`
 * turns on every detection option (see `getAllOptions`).
 * Every object is plain data plus the plugin reference, so `--concurrency` and `--cache` can use it.
 */
export function createConfigs(
  plugin: ESLint.Plugin,
  rules: Record<string, EventLoopRule>,
): Record<ConfigName, Linter.Config> {
  const plugins = { [PLUGIN_NAMESPACE]: plugin };
  const isRecommended = (rule: EventLoopRule) =>
    rule.meta.docs?.recommended === 'recommended' && rule.meta.docs?.requiresTypeChecking !== true;
  const isRecommendedTyped = (rule: EventLoopRule) => rule.meta.docs?.recommended === 'recommended';
  const isStrict = (rule: EventLoopRule) => rule.meta.docs?.recommended !== undefined;
  const typeCheckedRuleNames = Object.entries(rules)
    .filter(([, rule]) => rule.meta.docs?.requiresTypeChecking === true)
    .map(([name]) => `${PLUGIN_NAMESPACE}/${name}`);

  return {
    recommended: {
      name: `${PLUGIN_NAMESPACE}/recommended`,
      plugins,
      rules: ruleEntries(rules, isRecommended, 'default'),
    },
    'recommended-type-checked': {
      name: `${PLUGIN_NAMESPACE}/recommended-type-checked`,
      plugins,
      languageOptions: { parserOptions: { projectService: true } },
      rules: ruleEntries(rules, isRecommendedTyped, 'default'),
    },
    strict: {
      name: `${PLUGIN_NAMESPACE}/strict`,
      plugins,
      rules: ruleEntries(rules, isStrict, 'strict'),
    },
    all: {
      name: `${PLUGIN_NAMESPACE}/all`,
      plugins,
      rules: ruleEntries(rules, () => true, 'all'),
    },
    'disable-type-checked': {
      name: `${PLUGIN_NAMESPACE}/disable-type-checked`,
      plugins,
      languageOptions: { parserOptions: { project: false, projectService: false, program: null } },
      rules: Object.fromEntries(typeCheckedRuleNames.map((name) => [name, 'off'])),
    },
  };
}
