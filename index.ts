import { createRequire } from 'node:module';
import type { ESLint, Linter, Rule } from 'eslint';
import { createConfigs } from './src/configs.js';
import { rules } from './src/rules/index.js';

const packageJson = createRequire(import.meta.url)('eslint-plugin-event-loop/package.json') as {
  name: string;
  version: string;
};

type ConfigName = keyof ReturnType<typeof createConfigs>;

export interface EventLoopPlugin extends ESLint.Plugin {
  meta: { name: string; version: string; namespace: string };
  rules: Record<string, Rule.RuleModule>;
  configs: Record<ConfigName, Linter.Config>;
}

const plugin = {
  meta: { name: packageJson.name, version: packageJson.version, namespace: 'event-loop' },
  // typescript-eslint's RuleModule is structurally ESLint's; its stricter node types need the cast.
  rules: rules as unknown as Record<string, Rule.RuleModule>,
  configs: {} as Record<ConfigName, Linter.Config>,
} satisfies EventLoopPlugin;

Object.assign(plugin.configs, createConfigs(plugin, rules));

export { plugin as default, plugin as 'module.exports' };
