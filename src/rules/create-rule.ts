import { ESLintUtils } from '@typescript-eslint/utils';

const REPOSITORY_DOCS = 'https://github.com/eslint-plugin-event-loop/eslint-plugin-event-loop/blob/main/rules-docs';

/** Docs fields every rule of this plugin declares; configs are derived from them. */
export interface EventLoopRuleDocs {
  /** Level in the `recommended` config; rules without it appear only in `strict` and `all`. */
  recommended?: 'recommended' | 'strict';
  /** The rule needs type information to run at all (only such rules go to `recommended-type-checked` alone). */
  requiresTypeChecking?: boolean;
  /** Options the `strict` and `all` configs set (detection the `recommended` config leaves off). */
  strictOptions?: readonly unknown[];
  /** Options the `all` config sets instead (the widest detection), when they differ from `strictOptions`. */
  allOptions?: readonly unknown[];
}

export const createRule = ESLintUtils.RuleCreator<EventLoopRuleDocs>(
  (name) => `${REPOSITORY_DOCS}/${name}.md`,
);
