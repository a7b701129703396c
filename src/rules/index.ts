import type { TSESLint } from '@typescript-eslint/utils';
import type { EventLoopRuleDocs } from '../create-rule.js';
import floatingTask from './floating-task.js';
import noSequentialAwaitInLoop from './no-sequential-await-in-loop.js';
import noSyncInAsync from './no-sync-in-async.js';
import preferWorkerForCpu from './prefer-worker-for-cpu.js';

export type EventLoopRule = TSESLint.RuleModule<string, readonly unknown[], EventLoopRuleDocs>;

/** The one ordered map of rule name to rule; the plugin, its configs and the tests all read it. */
export const rules: Record<string, EventLoopRule> = {
  'no-sync-in-async': noSyncInAsync,
  'no-sequential-await-in-loop': noSequentialAwaitInLoop,
  'prefer-worker-for-cpu': preferWorkerForCpu,
  'floating-task': floatingTask,
};
