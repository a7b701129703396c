// Types of bench/fuzz-templates.js for the TypeScript tests.
export interface GeneratedProgram {
  code: string;
  language: 'js' | 'ts';
  commonjs: boolean;
}
export declare function generateAsyncProgram(seed: number, options?: { language?: 'js' | 'ts'; commonjs?: boolean }): GeneratedProgram;
export declare function getExtension(program: Pick<GeneratedProgram, 'language' | 'commonjs'>): 'ts' | 'cts' | 'mjs' | 'cjs';
