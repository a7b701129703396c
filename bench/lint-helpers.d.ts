// Types of bench/lint-helpers.js for the TypeScript tests.
import type { ESLint, Linter } from 'eslint';
import type { CorpusFile } from './corpus-types.js';

export declare const PLUGIN_PREFIX: 'event-loop';
export declare function snapshotPlugin(checkout?: string, name?: string): string;
export declare function loadPlugin(entry?: string): Promise<ESLint.Plugin & { rules: Record<string, unknown>; configs: Record<string, Linter.Config> }>;
export declare function getRuleEntries(
  plugin: { rules: Record<string, unknown>; configs: Record<string, Linter.Config> },
  options?: { config?: string; only?: string[] },
): Linter.RulesRecord;
export declare function shortRuleName(ruleId: string): string;
export declare function createCorpusESLint(spec: Record<string, unknown>): Promise<ESLint>;
export interface Crash {
  ruleId: string | null;
  message: string;
  location: string;
  frame: string;
}
export declare function describeCrash(error: unknown): Crash;
export declare function lintTextSafely(
  eslint: ESLint,
  text: string,
  filePath: string,
): Promise<{ result: ESLint.LintResult; crash?: undefined } | { result?: undefined; crash: Crash }>;
export declare function readText(file: string): string;
export declare function countLines(text: string): number;
export declare function applyFix(text: string, fix: { range: readonly [number, number]; text: string }): string;
export declare function getFatalMessage(result: ESLint.LintResult): Linter.LintMessage | undefined;
export declare function isLinterNotice(message: Linter.LintMessage): boolean;
export declare function selectQuickFiles<T extends CorpusFile>(files: readonly T[], perPackage: number): T[];
export declare function median(values: readonly number[]): number;
export declare function formatTable(headers: readonly string[], rows: readonly (readonly unknown[])[], align?: string): string;
export declare function createRandom(seed: number): () => number;
