import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  applyFix,
  countLines,
  createRandom,
  describeCrash,
  formatTable,
  median,
  selectQuickFiles,
  shortRuleName,
} from '../../bench/lint-helpers.js';

describe('countLines', () => {
  it('counts lines with or without a final newline', () => {
    expect(countLines('')).toBe(0);
    expect(countLines('a')).toBe(1);
    expect(countLines('a\n')).toBe(1);
    expect(countLines('a\nb')).toBe(2);
    expect(countLines('a\n\nb\n')).toBe(3);
  });
});

describe('applyFix', () => {
  it('replaces the fix range with the fix text', () => {
    expect(applyFix('const x = readFileSync(p)', { range: [10, 10], text: 'await ' })).toBe('const x = await readFileSync(p)');
    expect(applyFix('abcdef', { range: [1, 4], text: 'X' })).toBe('aXef');
  });
});

describe('median', () => {
  it('takes the middle value, or the mean of the two middle values', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });
});

describe('createRandom', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    const first = createRandom(42);
    const second = createRandom(42);
    const sequence = Array.from({ length: 5 }, () => first());
    expect(Array.from({ length: 5 }, () => second())).toEqual(sequence);
    const other = createRandom(43);
    expect(Array.from({ length: 5 }, () => other())).not.toEqual(sequence);
    for (const value of sequence) {
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
    }
  });
});

describe('formatTable', () => {
  it('pads columns, right-aligns numbers and escapes pipes', () => {
    expect(formatTable(['rule', 'reports'], [['a|b', 3], ['floating-task', 12]])).toBe(
      [
        '| rule          | reports |',
        '| ------------- | ------: |',
        '| a\\|b          |       3 |',
        '| floating-task |      12 |',
      ].join('\n'),
    );
  });
});

describe('shortRuleName', () => {
  it('drops only our own prefix', () => {
    expect(shortRuleName('event-loop/floating-task')).toBe('floating-task');
    expect(shortRuleName('n/no-sync')).toBe('n/no-sync');
  });
});

describe('describeCrash', () => {
  it('finds the rule and the linted location in the error ESLint rethrows', () => {
    const error = new Error('boom\nOccurred while linting /x/a.js:12\nRule: "event-loop/floating-task"');
    const crash = describeCrash(error);
    expect(crash.ruleId).toBe('event-loop/floating-task');
    expect(crash.message).toBe('boom');
    expect(crash.location).toBe('/x/a.js:12');
  });

  it('leaves the rule unknown when the error does not name one', () => {
    expect(describeCrash(new Error('parser exploded')).ruleId).toBeNull();
  });
});

describe('selectQuickFiles', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'event-loop-quick-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the most async-dense files of each package, in path order', () => {
    const write = (name: string, text: string) => {
      const file = path.join(dir, name);
      writeFileSync(file, text);
      return file;
    };
    const a = { name: 'a' };
    const b = { name: 'b' };
    const files = [
      { pkg: a, file: write('a1.js', 'const x = 1\n'), relative: 'a/1.js' },
      { pkg: a, file: write('a2.js', 'await f()\nawait g()\n'), relative: 'a/2.js' },
      { pkg: a, file: write('a3.js', 'await f()\n'), relative: 'a/3.js' },
      { pkg: b, file: write('b1.js', 'readFileSync(p)\n'), relative: 'b/1.js' },
    ];
    expect(selectQuickFiles(files, 2).map((entry) => entry.relative)).toEqual(['a/2.js', 'a/3.js', 'b/1.js']);
  });
});
