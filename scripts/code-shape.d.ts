// Types of scripts/code-shape.js for the TypeScript tests.
export interface MeasuredFunction {
  name: string;
  line: number;
  total: number;
  own: number;
}
export declare const LIMITS: { ownLines: number; totalLines: number; folderFiles: number; fileLines: number };
export declare function measureFunctions(fileName: string, text: string): MeasuredFunction[];
export declare function checkCodeShape(srcDir?: string): { violations: string[]; functions: (MeasuredFunction & { file: string })[] };
