import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkReportCounts, formatPackageShares, medianByPackage, sumStatsByPackage } from '../../bench/bench-report.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const pass = (total: number, rules: Record<string, number>) => ({
  total,
  rules: Object.fromEntries(Object.entries(rules).map(([id, ms]) => [id, { total: ms }])),
});

describe('sumStatsByPackage and medianByPackage', () => {
  it('sums each file\'s passes into its package, and takes the median per package over runs', () => {
    const results = [
      { filePath: '/a/1.js', stats: { times: { passes: [pass(10, { r: 1 }), pass(5, { r: 1 })] } } },
      { filePath: '/a/2.js', stats: { times: { passes: [pass(20, { r: 2 })] } } },
      { filePath: '/b/1.js', stats: { times: { passes: [pass(40, { r: 4 })] } } },
    ];
    const byPackage = sumStatsByPackage(results, { '/a/1.js': 'a', '/a/2.js': 'a', '/b/1.js': 'b' });
    expect(byPackage).toEqual({ a: { lintMs: 35, ruleMs: { r: 4 } }, b: { lintMs: 40, ruleMs: { r: 4 } } });
    const runs = [{ byPackage }, { byPackage: { a: { lintMs: 45, ruleMs: { r: 6 } } } }, { byPackage: { a: { lintMs: 25, ruleMs: { r: 2 } } } }];
    expect(medianByPackage(runs, ['r']).a).toEqual({ lintMs: 35, ruleMs: { r: 4 } });
  });
});

describe('formatPackageShares', () => {
  it('gives each configuration\'s rule time as a share of the floor per package and for all of them', () => {
    const floor = { a: { lintMs: 100, ruleMs: {} }, b: { lintMs: 300, ruleMs: {} } };
    const table = formatPackageShares(['a', 'b'], floor, [{ label: 'rule', byPackage: { a: { lintMs: 0, ruleMs: { r: 2 } }, b: { lintMs: 0, ruleMs: { r: 6 } } }, ruleIds: ['r'] }]);
    expect(table).toMatch(/\| a +\| +100 \| +2\.0% \|/u);
    expect(table).toMatch(/\| b +\| +300 \| +2\.0% \|/u);
    expect(table).toMatch(/\| \*\*all\*\* +\| +400 \| +2\.0% \|/u);
  });
});

describe('checkReportCounts', () => {
  it('writes the first counts as the expectation, then names every rule whose count changed', () => {
    const file = path.join(dir, 'expected.json');
    expect(checkReportCounts(file, 'quick', { 'syntactic: x': { 'event-loop/x': 3 } }).same).toBe(true);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ quick: { 'syntactic: x': { 'event-loop/x': 3 } } });
    expect(checkReportCounts(file, 'quick', { 'syntactic: x': { 'event-loop/x': 3 } }).same).toBe(true);
    const changed = checkReportCounts(file, 'quick', { 'syntactic: x': { 'event-loop/x': 4 } });
    expect(changed.same).toBe(false);
    expect(changed.lines.join('\n')).toContain('x made 4 reports, the expectation is 3');
    // A selection of its own (the full corpus) gets its own expectation.
    expect(checkReportCounts(file, 'full', { 'syntactic: x': { 'event-loop/x': 9 } }).same).toBe(true);
    expect(checkReportCounts(file, 'quick', { 'syntactic: x': { 'event-loop/x': 5 } }, { update: true }).same).toBe(true);
    const written = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, Record<string, number>>>;
    expect(written.quick?.['syntactic: x']?.['event-loop/x']).toBe(5);
  });
});
