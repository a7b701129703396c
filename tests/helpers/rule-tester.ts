import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RuleTester, type InvalidTestCase, type ValidTestCase } from '@typescript-eslint/rule-tester';
import type { TSESLint } from '@typescript-eslint/utils';
import * as espree from 'espree';

const fixturesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures');

/** ESLint's default parser (espree): plain JavaScript as most users lint it. */
export const jsRuleTester = new RuleTester({
  languageOptions: {
    parser: espree as unknown as TSESLint.Parser.LooseParserModule,
    ecmaVersion: 'latest',
    sourceType: 'module',
    parserOptions: { ecmaFeatures: { jsx: true } },
  },
});

/** `@typescript-eslint/parser` without type information. */
export const tsRuleTester = new RuleTester();

/** `@typescript-eslint/parser` with a program from `tests/fixtures/tsconfig.json` (cases use `file.ts`). */
export const typedRuleTester = new RuleTester({
  languageOptions: {
    parserOptions: { projectService: true, tsconfigRootDir: fixturesDir },
  },
});

export interface RuleCases<MessageIds extends string, Options extends readonly unknown[]> {
  valid: readonly (ValidTestCase<Options> | string)[];
  invalid: readonly InvalidTestCase<MessageIds, Options>[];
}

/**
 * Runs the same cases, written in plain JavaScript, under espree and under the TypeScript parser
 * (without type information); with `withTypes`, also under the typed tester (`runWithTypes`).
 * Suite names hold no `/`: RuleTester reads `@typescript-eslint/parser` in a name as a plugin name.
 */
export function runWithBothParsers<MessageIds extends string, Options extends readonly unknown[]>(
  name: string,
  rule: TSESLint.RuleModule<MessageIds, Options>,
  cases: RuleCases<MessageIds, Options>,
  { withTypes = false }: { withTypes?: boolean } = {},
): void {
  jsRuleTester.run(`${name} (espree)`, rule, cases);
  tsRuleTester.run(`${name} (typescript-eslint parser)`, rule, cases);
  if (withTypes) runWithTypes(name, rule, cases);
}

/** Runs the cases with type information (`file.ts` in the fixture project). */
export function runWithTypes<MessageIds extends string, Options extends readonly unknown[]>(
  name: string,
  rule: TSESLint.RuleModule<MessageIds, Options>,
  cases: RuleCases<MessageIds, Options>,
): void {
  typedRuleTester.run(`${name} (type-aware)`, rule, cases);
}

/**
 * `languageOptions` for a CommonJS case. typescript-eslint's RuleTester sets
 * `parserOptions.sourceType: 'module'` itself, so both fields must say CommonJS.
 */
export const commonjs = { sourceType: 'commonjs', parserOptions: { sourceType: 'commonjs' } } as const;
