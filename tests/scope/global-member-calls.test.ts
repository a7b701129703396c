import { describe, expect, it } from 'vitest';
import { findGlobalMemberCalls } from '../../src/scope/global-member-calls.js';
import { withSourceCode, type LintCodeOptions } from '../helpers/lint-code.js';

const members = { Atomics: { wait: 'sleep' }, Date: { now: 'clock' }, performance: { now: 'clock' } };

function find(code: string, options: LintCodeOptions = {}): string[] {
  return withSourceCode(
    code,
    ({ sourceCode }) =>
      findGlobalMemberCalls(sourceCode, members).map(({ node, path, info }) => `${path} ${info}: ${sourceCode.getText(node)}`),
    options,
  );
}

describe('findGlobalMemberCalls', () => {
  it.each(['espree', 'typescript'] as const)('finds calls of unshadowed globals (%s)', (parser) => {
    expect(find('Atomics.wait(a, 0, 0, 5); const t = Date.now(); performance.now();', { parser })).toEqual([
      'Atomics.wait sleep: Atomics.wait(a, 0, 0, 5)',
      'Date.now clock: Date.now()',
      'performance.now clock: performance.now()',
    ]);
  });

  it('finds calls through the global object and aliases', () => {
    expect(find('globalThis.Atomics.wait(a, 0, 0, 5); const { now } = Date; now();')).toEqual([
      'Atomics.wait sleep: globalThis.Atomics.wait(a, 0, 0, 5)',
      'Date.now clock: now()',
    ]);
  });

  it('ignores shadowed and reassigned globals', () => {
    expect(find('function f(Atomics) { Atomics.wait(a, 0, 0, 5); } const performance = { now() {} }; performance.now();')).toEqual([]);
    expect(find('Date = Fake; Date.now();', { sourceType: 'script' })).toEqual([]);
  });

  it('ignores other members and reads that are not calls', () => {
    expect(find('Atomics.waitAsync(a, 0, 0); const f = Date.now; Date.parse(s);')).toEqual([]);
  });

  it('works in CommonJS', () => {
    expect(find('const x = Date.now();', { sourceType: 'commonjs' })).toEqual(['Date.now clock: Date.now()']);
  });
});
