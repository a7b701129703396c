import { describe, expect, it } from 'vitest';
import { getNamesInFile } from '../../src/scope/file-names.js';
import { withSourceCode } from '../helpers/lint-code.js';

const namesOf = (code: string): string[] => withSourceCode(code, (context) => [...getNamesInFile(context.sourceCode)].sort());

describe('getNamesInFile', () => {
  it('has the names every scope declares', () => {
    expect(namesOf('import fs from "fs"; function load(path) { const text = 1; } class Store {}')).toEqual(expect.arrayContaining(['Store', 'fs', 'load', 'path', 'text']));
  });

  it('has the globals the file reads without declaring them', () => {
    expect(namesOf('fetchUsers(); window.x;')).toEqual(expect.arrayContaining(['fetchUsers', 'window']));
  });

  it('leaves out property names, which no binding can clash with', () => {
    expect(namesOf('const o = { a: 1 }; o.b();')).not.toEqual(expect.arrayContaining(['a']));
    expect(namesOf('const o = { a: 1 }; o.b();')).not.toEqual(expect.arrayContaining(['b']));
  });

  it('answers the same set for the same file', () => {
    withSourceCode('const a = 1;', (context) => {
      expect(getNamesInFile(context.sourceCode)).toBe(getNamesInFile(context.sourceCode));
    });
  });
});
