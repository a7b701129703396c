import { describe, expect, it } from 'vitest';
import { findModuleMemberReferences, type TrackOptions } from '../../src/modules/module-tracker.js';
import { withSourceCode, type LintCodeOptions } from '../helpers/lint-code.js';

const members = {
  fs: { readFileSync: 'read', 'realpathSync.native': 'native', 'promises.readFile': 'promise' },
  'fs-extra': { readJsonSync: 'json' },
};

function find(code: string, lint: LintCodeOptions = {}, track: TrackOptions = { builtin: true }): string[] {
  return withSourceCode(
    code,
    ({ sourceCode }) =>
      findModuleMemberReferences(sourceCode, members, track).map(
        (reference) => `${reference.type} ${reference.module}.${reference.member}: ${sourceCode.getText(reference.node)}`,
      ),
    lint,
  );
}

describe('findModuleMemberReferences', () => {
  it.each([
    ["import fs from 'fs'; fs.readFileSync(p);", 'fs.readFileSync(p)'],
    ["import fs from 'node:fs'; fs.readFileSync(p);", 'fs.readFileSync(p)'],
    ["import * as fs from 'node:fs'; fs.readFileSync(p);", 'fs.readFileSync(p)'],
    ["import { readFileSync } from 'fs'; readFileSync(p);", 'readFileSync(p)'],
    ["import { readFileSync as r } from 'node:fs'; r(p);", 'r(p)'],
    ["import fs from 'fs'; const r = fs.readFileSync; r(p);", 'r(p)'],
    ["import fs from 'fs'; const { readFileSync: r } = fs; r(p);", 'r(p)'],
    ["const fs = require('fs'); fs.readFileSync(p);", 'fs.readFileSync(p)'],
    ["const { readFileSync } = require('node:fs'); readFileSync(p);", 'readFileSync(p)'],
    ["require('fs').readFileSync(p);", "require('fs').readFileSync(p)"],
    ["process.getBuiltinModule('node:fs').readFileSync(p);", "process.getBuiltinModule('node:fs').readFileSync(p)"],
  ])('finds %s', (code, expected) => {
    expect(find(code)).toEqual([`call fs.readFileSync: ${expected}`]);
  });

  it('finds require() in CommonJS and in files linted as ES modules', () => {
    const code = "const fs = require('fs'); fs.readFileSync(p);";
    expect(find(code, { sourceType: 'commonjs' })).toEqual(['call fs.readFileSync: fs.readFileSync(p)']);
    expect(find(code, { sourceType: 'module' })).toEqual(['call fs.readFileSync: fs.readFileSync(p)']);
  });

  it('finds TypeScript import-equals requires', () => {
    expect(find("import fs = require('fs'); fs.readFileSync(p);", { parser: 'typescript' })).toEqual([
      'call fs.readFileSync: fs.readFileSync(p)',
    ]);
    expect(find("export import fs = require('node:fs'); fs.readFileSync(p);", { parser: 'typescript' })).toEqual([
      'call fs.readFileSync: fs.readFileSync(p)',
    ]);
  });

  it('follows nested member paths', () => {
    expect(find("import fs from 'fs'; fs.realpathSync.native(p); fs.promises.readFile(p);")).toEqual([
      'call fs.realpathSync.native: fs.realpathSync.native(p)',
      'call fs.promises.readFile: fs.promises.readFile(p)',
    ]);
  });

  it('does not match local variables that shadow the module binding', () => {
    expect(find("import fs from 'fs'; function f(fs) { fs.readFileSync(p); }")).toEqual([]);
    expect(find("function f() { const fs = { readFileSync() {} }; fs.readFileSync(p); }")).toEqual([]);
    expect(find("function f(require) { require('fs').readFileSync(p); }")).toEqual([]);
    expect(find("const require = () => ({}); require('fs').readFileSync(p);")).toEqual([]);
  });

  it('does not match other modules or members', () => {
    expect(find("import fs from 'fsx'; fs.readFileSync(p); import { writeFileSync } from 'fs'; writeFileSync(p);")).toEqual([]);
  });

  it('gives `node:` only to built-ins', () => {
    expect(find("import fse from 'fs-extra'; fse.readJsonSync(p); import x from 'node:fs-extra'; x.readJsonSync(p);", {}, {})).toEqual([
      'call fs-extra.readJsonSync: fse.readJsonSync(p)',
    ]);
  });

  it('reports reads and constructions when asked', () => {
    const code = "import { Worker, isMainThread } from 'node:worker_threads'; new Worker(f); if (isMainThread) {}";
    const result = withSourceCode(code, ({ sourceCode }) =>
      findModuleMemberReferences(
        sourceCode,
        { worker_threads: { Worker: 'w', isMainThread: 'm' } },
        { builtin: true, types: ['construct', 'read'] },
      ).map((reference) => `${reference.type} ${reference.member}`),
    );
    // Reads are reported where the binding is taken (the import specifier), constructions at the `new`.
    expect(result).toEqual(['read Worker', 'read isMainThread', 'construct Worker']);
  });

  it('returns nothing for an empty member map', () => {
    expect(withSourceCode("import fs from 'fs'; fs.readFileSync(p);", ({ sourceCode }) => findModuleMemberReferences(sourceCode, {}))).toEqual([]);
  });
});
