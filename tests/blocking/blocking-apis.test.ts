import { describe, expect, it } from 'vitest';
import {
  BLOCKING_CHILD_PROCESS_APIS,
  BLOCKING_FS_APIS,
  getAlternativeText,
  getBlockingReferenceMap,
  mayMentionBlockingModules,
  mayMentionClocks,
} from '../../src/blocking/blocking-apis.js';
import * as fs from 'node:fs';
import * as fsPromises from 'node:fs/promises';

describe('BLOCKING_FS_APIS', () => {
  it('tracks every *Sync function of node:fs that this Node has', () => {
    const syncNames = Object.keys(fs).filter((name) => name.endsWith('Sync') && typeof (fs as Record<string, unknown>)[name] === 'function');
    for (const name of syncNames) expect(BLOCKING_FS_APIS, name).toHaveProperty([name]);
    expect(BLOCKING_FS_APIS).toHaveProperty(['realpathSync.native']);
  });

  it('rewrites only to functions node:fs/promises exports', () => {
    for (const [name, api] of Object.entries(BLOCKING_FS_APIS)) {
      if (api.kind !== 'awaitable') continue;
      expect(typeof (fsPromises as Record<string, unknown>)[api.asyncName], name).toBe('function');
    }
  });

  it('leaves file-descriptor APIs and APIs with different results without an autofix', () => {
    for (const name of ['openSync', 'readSync', 'writeSync', 'closeSync', 'fstatSync', 'fsyncSync', 'readvSync', 'writevSync', 'opendirSync', 'globSync']) {
      expect(BLOCKING_FS_APIS[name]?.kind, name).toBe('advice');
    }
    expect(BLOCKING_FS_APIS.existsSync?.kind).toBe('exists');
  });
});

describe('getBlockingReferenceMap', () => {
  it('adds user functions, strips node: and keeps built-in entries', () => {
    const map = getBlockingReferenceMap([
      { module: 'fs-extra', names: ['readJsonSync', 'readJSONSync'], replacement: 'readJson' },
      { module: 'node:fs', names: ['readFileSync', 'futureSync'] },
    ]);
    expect(map['fs-extra']?.readJsonSync).toEqual({
      kind: 'blocking',
      api: { kind: 'awaitable', asyncModule: 'fs-extra', asyncName: 'readJson', viaFsPromises: false },
    });
    expect(map['fs-extra']?.readJSONSync).toEqual(map['fs-extra']?.readJsonSync);
    expect(map.fs?.readFileSync).toEqual({ kind: 'blocking', api: BLOCKING_FS_APIS.readFileSync });
    expect(map.fs?.futureSync).toEqual({ kind: 'blocking', api: { kind: 'advice', advice: 'an asynchronous alternative' } });
    expect(map['node:fs']).toBeUndefined();
    expect(map.perf_hooks).toEqual({ 'performance.now': { kind: 'clock' } });
    expect(map.child_process).toHaveProperty(['execSync']);
  });

  it('builds one map per option array, and one for every empty array', () => {
    const extra = [{ module: 'fs-extra', names: ['readJsonSync'] }];
    expect(getBlockingReferenceMap(extra)).toBe(getBlockingReferenceMap(extra));
    expect(getBlockingReferenceMap([])).toBe(getBlockingReferenceMap([]));
    expect(getBlockingReferenceMap([{ module: 'fs-extra', names: ['readJsonSync'] }])).not.toBe(getBlockingReferenceMap(extra));
    expect(getBlockingReferenceMap([])['fs-extra']).toBeUndefined();
  });
});

describe('getAlternativeText', () => {
  it('names built-ins with node: and packages as given', () => {
    expect(getAlternativeText(BLOCKING_FS_APIS.readFileSync!)).toBe('`await readFile` from `node:fs/promises`');
    expect(getAlternativeText({ kind: 'awaitable', asyncModule: 'fs-extra', asyncName: 'readJson', viaFsPromises: false })).toBe(
      '`await readJson` from `fs-extra`',
    );
    expect(getAlternativeText(BLOCKING_CHILD_PROCESS_APIS.execSync!)).toBe(
      '`exec` from `node:child_process` through `promisify` from `node:util`',
    );
  });
});

describe('mayMentionBlockingModules', () => {
  it.each([
    ['a Sync member of fs', "const { readFileSync } = require('fs');"],
    ['a Sync member of node:child_process', 'import cp from "node:child_process"; cp.execSync(cmd);'],
    ['a module named in a template', 'const fs = process.getBuiltinModule(`fs`); fs.statSync(p);'],
  ])('finds %s', (_, text) => {
    expect(mayMentionBlockingModules(text, [])).toBe(true);
  });

  it.each([
    ['a file without those words', "import { readFile } from 'node:fs/promises'; await readFile(p);"],
    ['a clock alone', 'while (Date.now() < end) {}'],
    ['a Sync name without a blocking module', "import { SyncHook } from 'tapable'; new SyncHook();"],
    ['Atomics.wait (a global, not a module member)', 'Atomics.wait(view, 0, 0, 100);'],
  ])('finds nothing in %s', (_, text) => {
    expect(mayMentionBlockingModules(text, [])).toBe(false);
  });

  it('counts a module of extraFunctions, with or without node:', () => {
    const text = "import Database from 'better-sqlite3'; new Database(p).prepare(sql).all();";
    expect(mayMentionBlockingModules(text, [{ module: 'better-sqlite3', names: ['default'] }])).toBe(true);
    expect(mayMentionBlockingModules("import dns from 'dns';", [{ module: 'node:dns', names: ['lookup'] }])).toBe(true);
    expect(mayMentionBlockingModules(text, [{ module: 'fs-extra', names: ['readJson'] }])).toBe(false);
  });
});

describe('mayMentionClocks', () => {
  it.each([
    ['a Date.now busy wait', 'while (Date.now() < end) {}'],
    ['a performance.now busy wait', "const { performance } = require('node:perf_hooks');"],
  ])('finds %s', (_, text) => {
    expect(mayMentionClocks(text)).toBe(true);
  });

  it('finds nothing in a file without a clock', () => {
    expect(mayMentionClocks("const { readFileSync } = require('fs');")).toBe(false);
  });
});
