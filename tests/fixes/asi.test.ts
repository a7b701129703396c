import { onCall } from '../helpers/node-by-text.js';
import { getAsiGuard } from '../../src/fixes/asi.js';
import { describe, expect, it } from 'vitest';

describe('getAsiGuard', () => {
  it('guards a statement that starts the line after one without a semicolon', () => {
    expect(onCall('a = b\nexecSync(c).toString()', 'execSync', (call, sc) => getAsiGuard(sc, call))).toBe(';');
    expect(onCall('x = {}\nexecSync(c).toString()', 'execSync', (call, sc) => getAsiGuard(sc, call))).toBe(';');
  });
  it('adds nothing after a semicolon, a block, at the start, or inside an expression', () => {
    expect(onCall('a = b;\nexecSync(c).toString()', 'execSync', (call, sc) => getAsiGuard(sc, call))).toBe('');
    expect(onCall('if (a) {}\nexecSync(c).toString()', 'execSync', (call, sc) => getAsiGuard(sc, call))).toBe('');
    expect(onCall('execSync(c).toString()', 'execSync', (call, sc) => getAsiGuard(sc, call))).toBe('');
    expect(onCall('a = b\nx = execSync(c).toString()', 'execSync', (call, sc) => getAsiGuard(sc, call))).toBe('');
  });
});
