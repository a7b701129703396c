import type { TSESLint } from '@typescript-eslint/utils';
import { memoizeByKey } from './memoize.js';

/**
 * Whether the file's text has a `\u` escape, which can spell any name (`pr\u006fmisify`). Asked by
 * several checks of most files, and a failed search reads the whole text: once per file.
 */
export const hasUnicodeEscape = memoizeByKey((sourceCode: Readonly<TSESLint.SourceCode>): boolean => sourceCode.text.includes('\\u'));

/**
 * Whether the file may spell one of `names` as an identifier: its text contains one, or a `\u`
 * escape. False means no reference to any of them exists, so a lookup of their references can be skipped.
 */
export function mayMentionName(sourceCode: Readonly<TSESLint.SourceCode>, names: readonly string[]): boolean {
  return names.some(createNameMentionTest(sourceCode));
}

/**
 * `mayMentionName` one name at a time, for a file asked about many names, some of them more than
 * once: each name is searched for once (every search reads the whole text when it fails).
 */
export function createNameMentionTest(sourceCode: Readonly<TSESLint.SourceCode>): (name: string) => boolean {
  const text = sourceCode.text;
  const answers = new Map<string, boolean>();
  return (name) => {
    let found = answers.get(name);
    if (found === undefined) answers.set(name, (found = hasUnicodeEscape(sourceCode) || text.includes(name)));
    return found;
  };
}
