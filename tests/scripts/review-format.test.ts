import { describe, expect, it } from 'vitest';
import { formatTable } from '../../bench/lint-helpers.js';
import { getDisplayPath, getExcerpt, getVerdictKind, readVerdicts, toCell } from '../../bench/review-format.js';

describe('getDisplayPath', () => {
  it('names corpus files by package', () => {
    expect(getDisplayPath('node_modules/@trpc/server/src/index.ts')).toBe('@trpc/server/src/index.ts');
    expect(getDisplayPath('npm-lib/commands/ci.js')).toBe('npm/lib/commands/ci.js');
  });
});

describe('getExcerpt', () => {
  const text = Array.from({ length: 60 }, (_, index) => `line ${index + 1}`).join('\n');

  it('shows three lines around the report and marks the reported lines', () => {
    expect(getExcerpt(text, 10, 11)).toBe(
      ['   7 | line 7', '   8 | line 8', '   9 | line 9', '> 10 | line 10', '> 11 | line 11', '  12 | line 12', '  13 | line 13', '  14 | line 14'].join('\n'),
    );
  });

  it('stays inside the file', () => {
    expect(getExcerpt(text, 1, 1).split('\n')[0]).toBe('> 1 | line 1');
    expect(getExcerpt(text, 60, 60).split('\n').at(-1)).toBe('> 60 | line 60');
  });

  it('cuts long spans in the middle', () => {
    const excerpt = getExcerpt(text, 5, 50).split('\n');
    expect(excerpt.length).toBeLessThan(30);
    expect(excerpt).toContain('     …');
    expect(excerpt.at(-1)).toBe('  53 | line 53');
  });
});

describe('readVerdicts', () => {
  it('reads back the verdicts written into the review table, pipes included', () => {
    const table = formatTable(
      ['#', 'location', 'message', 'verdict'],
      [
        ['1', '[a/x.ts:3:5](#r1)', toCell('`f` is dropped | fix it'), 'true'],
        ['2', '[a/y.ts:9:1](#r2)', 'other', 'false: the loop stops at the first failure'],
        ['3', '[a/z.ts:1:1](#r3)', 'open one', ''],
      ],
      'rlll',
    );
    const verdicts = readVerdicts(`# Review\n\n${table}\n`);
    expect([...verdicts.entries()]).toEqual([
      ['a/x.ts:3:5 `f` is dropped | fix it', 'true'],
      ['a/y.ts:9:1 other', 'false: the loop stops at the first failure'],
    ]);
  });
});

describe('getVerdictKind', () => {
  it('reads true / false at the start of a verdict, whatever follows', () => {
    expect(getVerdictKind('true')).toBe('true');
    expect(getVerdictKind('False: already started')).toBe('false');
    expect(getVerdictKind('**true** (real leak)')).toBe('true');
    expect(getVerdictKind('')).toBeNull();
    expect(getVerdictKind('unsure')).toBeNull();
    expect(getVerdictKind(undefined)).toBeNull();
  });
});
