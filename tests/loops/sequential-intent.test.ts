import { describe, expect, it } from 'vitest';
import {
  getConcurrentBatchReason,
  getDeliberateReason,
  getOrderedNamesReason,
} from '../../src/loops/sequential-intent.js';
import { loop, withLoopFacts, withLoopState } from '../helpers/with-loop-state.js';

describe('getConcurrentBatchReason', () => {
  it('concurrent-batch: each iteration already runs a batch at once', () => {
    expect(withLoopFacts(loop('await Promise.all(x.map(g));'), (_shape, facts) => getConcurrentBatchReason(facts))).toBe('concurrent-batch');
  });
  it('gives no reason for a single await per item', () => {
    expect(withLoopFacts(loop('await g(x);'), (_shape, facts) => getConcurrentBatchReason(facts))).toBeNull();
  });
});

describe('getOrderedNamesReason', () => {
  it.each([
    loop('await g(batch);', 'const batch of batches', 'batches'),
    loop('await g(s);', 'const s of migrationSteps', 'migrationSteps'),
    loop('await g(name);', 'const { name } of plugins', 'plugins'),
    loop('await g(i);', 'let i = 0; i < pageCount; i++', 'pageCount'),
  ])('ordered-names: %s', (code) => {
    expect(withLoopState(code, getOrderedNamesReason)).toBe('ordered-names');
  });
  it('gives no reason for plain item names', () => {
    expect(withLoopState(loop('await g(user);', 'const user of users', 'users'), getOrderedNamesReason)).toBeNull();
  });
});

describe('getDeliberateReason', () => {
  it.each([
    'async function f(xs, p) { if (p) await Promise.all(xs.map(g)); else for (const x of xs) await g(x); }',
    'async function f(xs, p) { if (p) await Promise.all(Array.from(xs, g)); else for (const x of xs) await g(x); }',
  ])('deliberate: %s', (code) => {
    expect(withLoopState(code, getDeliberateReason)).toBe('deliberate');
  });
  it('gives no reason when no Promise.all runs the same list', () => {
    expect(withLoopState('async function f(xs, ys) { await Promise.all(ys.map(g)); for (const x of xs) await g(x); }', getDeliberateReason)).toBeNull();
  });
});
