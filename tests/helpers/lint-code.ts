import { Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import type { TSESLint } from '@typescript-eslint/utils';

export type ParserName = 'espree' | 'typescript';

export interface LintCodeOptions {
  parser?: ParserName;
  sourceType?: 'module' | 'commonjs' | 'script';
  filename?: string;
}

/**
 * Runs `inspect` on the parsed file inside a real ESLint run (so scope analysis and parser
 * services are exactly what rules see) and returns what it returned.
 */
export function withSourceCode<T>(
  code: string,
  inspect: (context: Readonly<TSESLint.RuleContext<string, []>>) => T,
  options: LintCodeOptions = {},
): T {
  let result: T | undefined;
  let called = false;
  const linter = new Linter({ configType: 'flat' });
  const rule = {
    meta: { type: 'problem' as const, schema: [] },
    create(context: unknown) {
      return {
        'Program:exit'() {
          result = inspect(context as Readonly<TSESLint.RuleContext<string, []>>);
          called = true;
        },
      };
    },
  };
  const messages = linter.verify(
    code,
    {
      files: ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'],
      plugins: { test: { rules: { inspect: rule } } },
      languageOptions: {
        sourceType: options.sourceType ?? 'module',
        ecmaVersion: 'latest',
        ...(options.parser === 'typescript' ? { parser: tsParser } : {}),
      },
      rules: { 'test/inspect': 'error' },
    },
    options.filename ?? (options.parser === 'typescript' ? 'file.ts' : 'file.js'),
  );
  const fatal = messages.find((message) => message.fatal);
  if (fatal) throw new Error(`parse error: ${fatal.message}`);
  if (!called) throw new Error('inspect was not called');
  return result as T;
}

/** Whether `code` parses under the given parser (fix outputs must). */
export function parses(code: string, options: LintCodeOptions = {}): boolean {
  try {
    withSourceCode(code, () => null, options);
    return true;
  } catch {
    return false;
  }
}
