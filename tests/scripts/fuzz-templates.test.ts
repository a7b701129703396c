import { describe, expect, it } from 'vitest';
import { generateAsyncProgram, getExtension } from '../../bench/fuzz-templates.js';
import { parses } from '../helpers/lint-code.js';

const SEEDS = Array.from({ length: 80 }, (_, index) => index + 1);

describe('generateAsyncProgram', () => {
  it('gives the same program for the same seed', () => {
    expect(generateAsyncProgram(7).code).toBe(generateAsyncProgram(7).code);
    expect(generateAsyncProgram(7).code).not.toBe(generateAsyncProgram(8).code);
  });

  it('writes programs that parse with the parser and source type their extension selects', () => {
    const failures: number[] = [];
    for (const seed of SEEDS) {
      const program = generateAsyncProgram(seed);
      const extension = getExtension(program);
      const ok = parses(program.code, {
        parser: program.language === 'ts' ? 'typescript' : 'espree',
        sourceType: program.commonjs ? 'commonjs' : 'module',
        filename: `case.${extension}`,
      });
      if (!ok) failures.push(seed);
    }
    expect(failures).toEqual([]);
  });

  it('honours a fixed language and module kind', () => {
    const program = generateAsyncProgram(3, { language: 'ts', commonjs: true });
    expect(program).toMatchObject({ language: 'ts', commonjs: true });
    expect(getExtension(program)).toBe('cts');
    expect(program.code).not.toMatch(/^import .* from /m);
  });

  it('exercises the shapes the rules look at', () => {
    const all = SEEDS.map((seed) => generateAsyncProgram(seed).code).join('\n');
    const shapes: Record<string, RegExp> = {
      'ESM named import of fs': /import \{[^}]*\} from '(node:)?fs'/,
      'namespace import': /import \* as \w+ from/,
      'require destructuring': /const \{[^}]*\} = require\('/,
      'inline require': /require\('(node:)?\w+'\)\.\w+\(/,
      'process.getBuiltinModule': /process\.getBuiltinModule\('/,
      'import = require': /import \w+ = require\('/,
      'blocking fs call': /\b\w*(readFileSync|writeFileSync|existsSync|statSync)\w*\(/,
      'crypto / zlib sync call': /\b\w*(pbkdf2Sync|scryptSync|gzipSync|deflateSync)\w*\(/,
      'await in a for-of loop': /for \(const \w+ of [^)]*\) \{\n(\s+.*\n)*?\s+.*await /,
      'for await': /for await \(/,
      'dropped promise then': /^\s*[\w.]+\([^)]*\)\.then\(/m,
      'void promise': /void \w+\(/,
      'stored promise awaited later': /const (p\d+) = [\s\S]*?await \1\b/,
      'busy wait': /while \((Date\.now|performance\.now|!ready)/,
      'nested CPU loop': /for \(let (i\d+) = 0; \1 < 1000/,
      'using declaration': /\busing \w+ =/,
      'ASI guard': /^\s*;[([`]/m,
    };
    const missing = Object.entries(shapes)
      .filter(([, pattern]) => !pattern.test(all))
      .map(([name]) => name);
    expect(missing).toEqual([]);
  });
});
