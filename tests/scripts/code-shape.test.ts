import { describe, expect, it } from 'vitest';
import { checkCodeShape, measureFunctions } from '../../scripts/code-shape.js';

describe('measureFunctions', () => {
  it('counts a function’s own lines without its nested functions', () => {
    const code = ['function outer() {', '  const a = 1;', '  function inner() {', '    return a;', '  }', '  return inner;', '}'].join('\n');
    expect(measureFunctions('x.ts', code)).toEqual([
      { name: 'outer', line: 1, total: 7, own: 4 },
      { name: 'inner', line: 3, total: 3, own: 3 },
    ]);
  });

  it('names arrow functions by the variable or class field that holds them', () => {
    const code = 'const load = () => 1;\nclass C {\n  run = () => 2;\n}';
    expect(measureFunctions('x.ts', code).map((fn) => fn.name)).toEqual(['load', 'run']);
  });
});

describe('src/ keeps its shape limits', () => {
  it('has no function, file or folder over the limits and no exported function name twice', () => {
    expect(checkCodeShape().violations).toEqual([]);
  });
});
