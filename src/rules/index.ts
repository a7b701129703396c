import type { TSESLint } from '@typescript-eslint/utils';
import type { EventLoopRuleDocs } from '../utils/create-rule.js';

export type EventLoopRule = TSESLint.RuleModule<string, readonly unknown[], EventLoopRuleDocs>;

/** The one ordered map of rule name to rule; the plugin, its configs and the tests all read it. */
export const rules: Record<string, EventLoopRule> = {};
