import { ESLintUtils, type TSESLint } from '@typescript-eslint/utils';

const REPOSITORY_DOCS = 'https://github.com/eslint-plugin-event-loop/eslint-plugin-event-loop/blob/main/rules-docs';

/** Docs fields every rule of this plugin declares; configs are derived from them. */
export interface EventLoopRuleDocs {
  /** Level in the `recommended` config; rules without it appear only in `strict` and `all`. */
  recommended?: 'recommended' | 'strict';
  /** The rule needs type information to run at all (only such rules go to `recommended-type-checked` alone). */
  requiresTypeChecking?: boolean;
  /** Options the `strict` config sets (detection the `recommended` config leaves off). */
  strictOptions?: readonly unknown[];
  /** Options of `all` that are not `check*`/`ignore*` booleans (those are derived from the schema). */
  allOptions?: readonly unknown[];
}

const createNamedRule = ESLintUtils.RuleCreator<EventLoopRuleDocs>((name) => `${REPOSITORY_DOCS}/${name}.md`);

/**
 * typescript-eslint's `RuleCreator` (docs URL, typed `create(context, options)`), except that the
 * options come straight from `context.options`: ESLint (9.15 and later, so every version we
 * support) and oxlint already merge `meta.defaultOptions` into them, and `RuleCreator` would
 * deep-copy the defaults again for every file and every rule.
 */
export function createRule<Options extends readonly unknown[], MessageIds extends string>(
  rule: Readonly<ESLintUtils.RuleWithMetaAndName<Options, MessageIds, EventLoopRuleDocs>>,
): ESLintUtils.RuleModule<MessageIds, Options, EventLoopRuleDocs> {
  const named = createNamedRule(rule);
  return {
    ...named,
    create: (context: Readonly<TSESLint.RuleContext<MessageIds, Options>>) => rule.create(context, context.options),
  };
}
