// ESLint's side of the oxlint comparisons: ESLint with the same plugin object oxlint loads, over
// the same files, its messages in the shape scripts/lib/oxlint.js gives oxlint's output.
import { cpSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as tsParser from '@typescript-eslint/parser';
import { ESLint, Linter } from 'eslint';
import type { EventLoopPlugin } from '../../index.js';
import {
  BUILT_PLUGIN_ENTRY,
  compareProblems,
  makeTempDir,
  PLUGIN_PREFIX,
  toPosix,
  type Problem,
  type RuleEntry,
} from '../../scripts/lib/oxlint.js';

/** ESLint messages → problems; fatal (parse) errors are returned as problems with `ruleId` `fatal`. */
export function toEslintProblems(file: string, messages: readonly Linter.LintMessage[]): Problem[] {
  return messages
    .map((message) => ({
      file,
      ruleId: message.fatal ? 'fatal' : (message.ruleId ?? 'fatal'),
      line: message.line,
      column: message.column,
      endLine: message.endLine ?? message.line,
      endColumn: message.endColumn ?? message.column,
      message: message.message,
    }))
    .sort(compareProblems);
}

/** The built plugin (`dist/index.js`), the same module oxlint loads. */
export async function loadBuiltPlugin(): Promise<EventLoopPlugin> {
  if (!existsSync(BUILT_PLUGIN_ENTRY)) throw new Error('dist/index.js is missing: run `npm run build` first.');
  const module = (await import(pathToFileURL(BUILT_PLUGIN_ENTRY).href)) as { default: EventLoopPlugin };
  return module.default;
}

/** How ESLint parses one file of a comparison. */
export interface ParseSettings {
  parser: 'espree' | 'typescript';
  sourceType: 'module' | 'commonjs' | 'script';
  jsx: boolean;
}

/** ESLint's defaults for a file name: espree for JS (`.cjs` CommonJS, other JS modules), the TS parser for TS. */
export function getDefaultParseSettings(file: string): ParseSettings {
  if (/\.[cm]?tsx?$/.test(file)) {
    return { parser: 'typescript', sourceType: file.endsWith('.cts') ? 'commonjs' : 'module', jsx: file.endsWith('.tsx') };
  }
  return { parser: 'espree', sourceType: file.endsWith('.cjs') ? 'commonjs' : 'module', jsx: true };
}

/**
 * The extension that makes oxlint parse a file as ESLint parses it with `settings`. oxlint 1.94
 * has no `sourceType` setting: `.mjs`/`.mts` are modules, `.cjs`/`.cts` CommonJS, and `.js`,
 * `.jsx`, `.ts`, `.tsx` are modules only when they contain `import`/`export` (scripts otherwise).
 */
export function getOxlintExtension(settings: ParseSettings, preferTs = false): string {
  if (settings.parser === 'typescript') {
    if (settings.jsx) return '.tsx';
    if (settings.sourceType === 'commonjs') return '.cts';
    // `preferTs`: the code has `import`/`export` (a `.ts` module for oxlint too) or `<T>x`
    // assertions, which `.mts` forbids.
    return settings.sourceType === 'module' && !preferTs ? '.mts' : '.ts';
  }
  return settings.sourceType === 'commonjs' ? '.cjs' : settings.sourceType === 'module' ? '.mjs' : '.js';
}

const ALL_SOURCE_FILES = ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'];

/** A flat config object with the plugin, the given rules and `settings`' parser options. */
export function getEslintConfig(
  plugin: EventLoopPlugin,
  settings: ParseSettings,
  rules: Record<string, RuleEntry>,
  files: string[] = ALL_SOURCE_FILES,
): Linter.Config {
  return {
    files,
    plugins: { [PLUGIN_PREFIX]: plugin },
    languageOptions: {
      ecmaVersion: 'latest',
      sourceType: settings.sourceType,
      ...(settings.parser === 'typescript' ? { parser: tsParser } : {}),
      parserOptions: { ecmaFeatures: { jsx: settings.jsx } },
    },
    rules,
  };
}

/** ESLint's messages for one text, from `Linter` (the engine of the CLI); parse errors are `fatal` messages. */
export function verifyWithEslint(
  plugin: EventLoopPlugin,
  file: string,
  text: string,
  rules: Record<string, RuleEntry>,
  settings: ParseSettings = getDefaultParseSettings(file),
): Linter.LintMessage[] {
  const linter = new Linter({ configType: 'flat' });
  return linter.verify(text, getEslintConfig(plugin, settings, rules), { filename: file });
}

/** Lints one text with ESLint: its problems (parse errors as `fatal` problems). */
export function lintWithEslint(
  plugin: EventLoopPlugin,
  file: string,
  text: string,
  rules: Record<string, RuleEntry>,
  settings: ParseSettings = getDefaultParseSettings(file),
): Problem[] {
  return toEslintProblems(toPosix(file), verifyWithEslint(plugin, file, text, rules, settings));
}

/** `eslint --fix` on one text: the fixed text after ESLint's passes (up to 10). */
export function fixTextWithEslint(
  plugin: EventLoopPlugin,
  file: string,
  text: string,
  rules: Record<string, RuleEntry>,
  settings: ParseSettings = getDefaultParseSettings(file),
): string {
  const linter = new Linter({ configType: 'flat' });
  return linter.verifyAndFix(text, getEslintConfig(plugin, settings, rules), { filename: file }).output;
}

/** Every kind of source file, with a file name that has ESLint's default parse settings for the kind. */
const FILE_KINDS = [
  { patterns: ['**/*.{js,mjs,jsx}'], sample: 'x.js' },
  { patterns: ['**/*.cjs'], sample: 'x.cjs' },
  { patterns: ['**/*.{ts,mts}'], sample: 'x.ts' },
  { patterns: ['**/*.cts'], sample: 'x.cts' },
  { patterns: ['**/*.tsx'], sample: 'x.tsx' },
];

/** `eslint --fix` through the Node API on every file of `dir` (relative `files`), writing the fixes. */
export async function fixWithEslint(
  plugin: EventLoopPlugin,
  dir: string,
  files: readonly string[],
  rules: Record<string, RuleEntry>,
): Promise<void> {
  const eslint = new ESLint({
    cwd: dir,
    overrideConfigFile: true,
    overrideConfig: FILE_KINDS.map(({ patterns, sample }) => getEslintConfig(plugin, getDefaultParseSettings(sample), rules, patterns)),
    fix: true,
  });
  const results = await eslint.lintFiles([...files]);
  await ESLint.outputFixes(results);
}

/** Copies `source` to a fresh temporary folder and returns it. */
export function copyToTemp(source: string, prefix: string): string {
  const dir = makeTempDir(prefix);
  cpSync(source, dir, { recursive: true });
  return dir;
}

/** File contents of `files` under `dir`, keyed by relative path. */
export function readFiles(dir: string, files: readonly string[]): Record<string, string> {
  return Object.fromEntries(files.map((file) => [file, readFileSync(path.join(dir, file), 'utf8')]));
}
