import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tsParser from '@typescript-eslint/parser';
import { ESLintUtils, type ParserServicesWithTypeInformation, type TSESLint } from '@typescript-eslint/utils';
import { Linter } from 'eslint';

const fixturesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures');

/** Like `withSourceCode`, with type information from tests/fixtures/tsconfig.json (the code is `file.ts`). */
export function withTypedSourceCode<T>(
  code: string,
  inspect: (context: Readonly<TSESLint.RuleContext<string, []>>, services: ParserServicesWithTypeInformation) => T,
): T {
  let result: T | undefined;
  let called = false;
  const rule = {
    meta: { type: 'problem' as const, schema: [] },
    create(context: unknown) {
      return {
        'Program:exit'() {
          const ruleContext = context as Readonly<TSESLint.RuleContext<string, []>>;
          result = inspect(ruleContext, ESLintUtils.getParserServices(ruleContext));
          called = true;
        },
      };
    },
  };
  const messages = new Linter({ configType: 'flat' }).verify(
    code,
    {
      files: ['**/*.ts'],
      plugins: { test: { rules: { inspect: rule } } },
      languageOptions: { parser: tsParser, parserOptions: { projectService: true, tsconfigRootDir: fixturesDir } },
      rules: { 'test/inspect': 'error' },
    },
    path.join(fixturesDir, 'file.ts'),
  );
  const fatal = messages.find((message) => message.fatal);
  if (fatal) throw new Error(`parse error: ${fatal.message}`);
  if (!called) throw new Error('inspect was not called');
  return result as T;
}
