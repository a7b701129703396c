// Types of bench/review-format.js for the TypeScript tests.
export declare function getDisplayPath(relative: string): string;
export declare function getExcerpt(text: string, line: number, endLine: number): string;
export declare const toCell: (text: string) => string;
export declare const fromCell: (text: string) => string;
export declare function readVerdicts(markdown: string): Map<string, string>;
export declare function getVerdictKind(verdict: string | undefined): 'true' | 'false' | null;
