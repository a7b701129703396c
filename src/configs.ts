import type { ESLint, Linter } from 'eslint';
import type { EventLoopRule } from './rules/index.js';

export const PLUGIN_NAMESPACE = 'event-loop';

type ConfigName = 'recommended' | 'recommended-type-checked' | 'strict' | 'all' | 'disable-type-checked';

function ruleEntries(
  rules: Record<string, EventLoopRule>,
  include: (rule: EventLoopRule) => boolean,
  level: 'default' | 'strict' | 'all',
): Linter.RulesRecord {
  const entries: Linter.RulesRecord = {};
  for (const [name, rule] of Object.entries(rules)) {
    if (!include(rule)) continue;
    const docs = rule.meta.docs;
    const options = level === 'all' ? (docs?.allOptions ?? docs?.strictOptions) : level === 'strict' ? docs?.strictOptions : undefined;
    entries[`${PLUGIN_NAMESPACE}/${name}`] = options ? ['error', ...options] : 'error';
  }
  return entries;
}

/**
 * Builds the flat configs from rule metadata: a rule's `docs.recommended` puts it in `recommended`
 * (and everything stricter), `docs.strictOptions` are the options `strict` turns on, and
 * `docs.allOptions` (or else `strictOptions`) the ones `all` turns on.
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
