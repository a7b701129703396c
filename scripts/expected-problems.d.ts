// Types of scripts/expected-problems.js for the TypeScript tests.
export declare function expectedProblems(files: readonly string[], root: string): string[];
export declare function actualProblems(
  results: readonly { filePath: string; messages: readonly { line: number; ruleId: string | null; message: string }[] }[],
  root: string,
): string[];
