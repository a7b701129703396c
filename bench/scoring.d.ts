// Types of bench/scoring.js for the TypeScript tests.
export type Family = 'loops' | 'floating' | 'blocking';
export interface Site {
  unit: string;
  file: string;
  line: number;
  [key: string]: unknown;
}
export interface Label extends Site {
  label: string;
  reason?: string;
  sequentialReason?: string;
  context?: string;
}
export interface Score {
  tp: number;
  fp: number;
  fn: number;
  unlabeledCount: number;
  precision: number | null;
  recall: number | null;
  truePositives: { report: Site; label: Label }[];
  falsePositives: { report: Site; label: Label }[];
  missed: Label[];
  unlabeled: Site[];
}
export declare const POSITIVE_LABELS: Record<Family, string[]>;
export declare const LABEL_VALUES: Record<Family, string[]>;
export declare const SEQUENTIAL_REASONS: string[];
export declare function getSiteKey(site: Pick<Site, 'file' | 'line'>): string;
export declare function getReasonGroup(label: Pick<Label, 'label' | 'sequentialReason' | 'context'>): string;
export declare function scoreRule(options: {
  reports: Iterable<Site>;
  labels: readonly Label[];
  positive: readonly string[];
  include?: (site: Site) => boolean;
}): Score;
export declare function groupByReason<T>(items: readonly T[], getLabel?: (item: T) => Label): [string, T[]][];
export declare function formatRatio(value: number | null): string;
export declare function checkLabels(family: Family, labels: readonly Label[]): string[];
