// Types of bench/bench-report.js for the TypeScript tests.
export interface PackageStats {
  lintMs: number;
  ruleMs: Record<string, number>;
}
export declare function sumStatsByPackage(
  results: { filePath: string; stats?: { times: { passes: { total?: number; rules?: Record<string, { total: number }> }[] } } }[],
  packageOf: Record<string, string>,
): Record<string, PackageStats>;
export declare function medianByPackage(runs: { byPackage?: Record<string, PackageStats> }[], ruleIds: string[]): Record<string, PackageStats>;
export declare function formatPackageShares(
  packages: string[],
  floorByPackage: Record<string, PackageStats>,
  columns: { label: string; byPackage: Record<string, PackageStats>; ruleIds: string[] }[],
): string;
export declare function checkReportCounts(
  file: string,
  selection: string,
  measured: Record<string, Record<string, number>>,
  options?: { update?: boolean },
): { same: boolean; lines: string[] };
export declare function countMatched(peerReports: unknown[][], ourReports: unknown[][]): number;
export declare function describeMachine(): string;
export declare function describeCorpus(files: unknown[]): string;
