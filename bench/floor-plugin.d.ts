// Types of bench/floor-plugin.js for the TypeScript tests.
import type { TSESLint } from '@typescript-eslint/utils';

export interface CheckerWork {
  programs: number;
  types: number;
  instantiations: number;
}

export declare function getCheckerWork(): CheckerWork;

declare const floorPlugin: {
  meta: { name: string };
  rules: Record<'program' | 'checker-work', { create(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): TSESLint.RuleListener }>;
};
export default floorPlugin;
