import type { ESLint, Linter } from 'eslint';
import type { EventLoopRule } from './rules/index.js';

export const PLUGIN_NAMESPACE = 'event-loop';

type ConfigName = 'recommended' | 'recommended-type-checked' | 'strict' | 'all' | 'disable-type-checked';

function ruleEntries(
  rules: Record<string, EventLoopRule>,
  include: (rule: EventLoopRule) => boolean,
  withStrictOptions: boolean,
): Linter.RulesRecord {
  const entries: Linter.RulesRecord = {};
  for (const [name, rule] of Object.entries(rules)) {
    if (!include(rule)) continue;
    const strictOptions = rule.meta.docs?.strictOptions;
    entries[`${PLUGIN_NAMESPACE}/${name}`] =
      withStrictOptions && strictOptions ? ['error', ...strictOptions] : 'error';
  }
  return entries;
}

/**
 * Builds the flat configs from rule metadata: a rule's `docs.recommended` puts it in `recommended`
 * (and everything stricter), `docs.strictOptions` are the options `strict` and `all` turn on.
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
      rules: ruleEntries(rules, isRecommended, false),
    },
    'recommended-type-checked': {
      name: `${PLUGIN_NAMESPACE}/recommended-type-checked`,
      plugins,
      languageOptions: { parserOptions: { projectService: true } },
      rules: ruleEntries(rules, isRecommendedTyped, false),
    },
    strict: {
      name: `${PLUGIN_NAMESPACE}/strict`,
      plugins,
      rules: ruleEntries(rules, isStrict, true),
    },
    all: {
      name: `${PLUGIN_NAMESPACE}/all`,
      plugins,
      rules: ruleEntries(rules, () => true, true),
    },
    'disable-type-checked': {
      name: `${PLUGIN_NAMESPACE}/disable-type-checked`,
      plugins,
      languageOptions: { parserOptions: { project: false, projectService: false, program: null } },
      rules: Object.fromEntries(typeCheckedRuleNames.map((name) => [name, 'off'])),
    },
  };
}
