import { describe, expect, it } from 'vitest';
import { checkLabels, formatRatio, getReasonGroup, groupByReason, scoreRule, type Label, type Site } from '../../bench/scoring.js';

const site = (file: string, line: number, unit = 'pkg'): Site => ({ unit, file, line });
const label = (file: string, line: number, value: string, extra: Partial<Label> = {}): Label => ({ unit: 'pkg', file, line, label: value, reason: 'why', ...extra });
const POSITIVE = ['independent', 'independent-in-order'];

describe('scoreRule', () => {
  const cases: { name: string; reports: Site[]; labels: Label[]; expected: { tp: number; fp: number; fn: number; unlabeledCount: number; precision: number | null; recall: number | null } }[] = [
    { name: 'nothing reported, nothing labeled', reports: [], labels: [], expected: { tp: 0, fp: 0, fn: 0, unlabeledCount: 0, precision: null, recall: null } },
    { name: 'a report on a positive site is true', reports: [site('a.js', 3)], labels: [label('a.js', 3, 'independent')], expected: { tp: 1, fp: 0, fn: 0, unlabeledCount: 0, precision: 1, recall: 1 } },
    { name: 'every positive label value counts', reports: [site('a.js', 3)], labels: [label('a.js', 3, 'independent-in-order')], expected: { tp: 1, fp: 0, fn: 0, unlabeledCount: 0, precision: 1, recall: 1 } },
    { name: 'a report on a negative site is false', reports: [site('a.js', 3)], labels: [label('a.js', 3, 'sequential', { sequentialReason: 'pagination-or-stream' })], expected: { tp: 0, fp: 1, fn: 0, unlabeledCount: 0, precision: 0, recall: null } },
    { name: 'a positive site without a report is missed', reports: [], labels: [label('a.js', 3, 'independent')], expected: { tp: 0, fp: 0, fn: 1, unlabeledCount: 0, precision: null, recall: 0 } },
    { name: 'a negative site without a report counts nowhere', reports: [], labels: [label('a.js', 3, 'no-benefit')], expected: { tp: 0, fp: 0, fn: 0, unlabeledCount: 0, precision: null, recall: null } },
    { name: 'a report on no labeled site is unlabeled, not false', reports: [site('a.js', 9)], labels: [label('a.js', 3, 'independent')], expected: { tp: 0, fp: 0, fn: 1, unlabeledCount: 1, precision: null, recall: 0 } },
    { name: 'sites match by file and line, not line alone', reports: [site('b.js', 3)], labels: [label('a.js', 3, 'independent')], expected: { tp: 0, fp: 0, fn: 1, unlabeledCount: 1, precision: null, recall: 0 } },
    { name: 'two reports on one line are one site', reports: [site('a.js', 3), site('a.js', 3)], labels: [label('a.js', 3, 'independent')], expected: { tp: 1, fp: 0, fn: 0, unlabeledCount: 0, precision: 1, recall: 1 } },
    {
      name: 'mixed: 2 true, 1 false, 1 missed',
      reports: [site('a.js', 1), site('a.js', 2), site('a.js', 3)],
      labels: [label('a.js', 1, 'independent'), label('a.js', 2, 'independent'), label('a.js', 3, 'sequential'), label('a.js', 4, 'independent')],
      expected: { tp: 2, fp: 1, fn: 1, unlabeledCount: 0, precision: 2 / 3, recall: 2 / 3 },
    },
  ];
  it.each(cases)('$name', ({ reports, labels, expected }) => {
    const score = scoreRule({ reports, labels, positive: POSITIVE });
    expect({ tp: score.tp, fp: score.fp, fn: score.fn, unlabeledCount: score.unlabeledCount, precision: score.precision, recall: score.recall }).toEqual(expected);
  });

  it('scores a subset of units when asked (reports and labels alike)', () => {
    const score = scoreRule({
      reports: [site('a.js', 1, 'lib'), site('b.js', 1, 'app')],
      labels: [label('a.js', 1, 'sequential', { unit: 'lib' }), label('b.js', 1, 'independent', { unit: 'app' }), label('c.js', 1, 'independent', { unit: 'app' })],
      positive: POSITIVE,
      include: (item) => item.unit === 'app',
    });
    expect([score.tp, score.fp, score.fn]).toEqual([1, 0, 1]);
    expect(score.missed.map((item) => item.file)).toEqual(['c.js']);
  });
});

describe('getReasonGroup and groupByReason', () => {
  it.each([
    [{ label: 'sequential', sequentialReason: 'retry-or-poll' }, 'sequential: retry-or-poll'],
    [{ label: 'harmless', context: 'startup' }, 'harmless: startup'],
    [{ label: 'handled' }, 'handled'],
  ])('%o -> %s', (input, expected) => {
    expect(getReasonGroup(input)).toBe(expected);
  });

  it('puts the largest group first', () => {
    const groups = groupByReason([label('a', 1, 'handled'), label('a', 2, 'not-a-promise'), label('a', 3, 'not-a-promise')]);
    expect(groups.map(([group, items]) => [group, items.length])).toEqual([
      ['not-a-promise', 2],
      ['handled', 1],
    ]);
  });
});

describe('checkLabels', () => {
  it.each([
    ['a valid loop label', 'loops', [label('a.js', 1, 'sequential', { sequentialReason: 'transaction' })], 0],
    ['an unknown label value', 'floating', [label('a.js', 1, 'maybe')], 1],
    ['a sequential loop without a known reason', 'loops', [label('a.js', 1, 'sequential')], 1],
    ['a site labeled twice', 'blocking', [label('a.js', 1, 'harmful'), label('a.js', 1, 'harmless')], 1],
  ] as const)('%s', (_name, family, labels, problems) => {
    expect(checkLabels(family, labels)).toHaveLength(problems);
  });
});

describe('formatRatio', () => {
  it.each([
    [null, 'n/a'],
    [1, '100.0%'],
    [2 / 3, '66.7%'],
  ])('%s -> %s', (value, expected) => {
    expect(formatRatio(value)).toBe(expected);
  });
});
