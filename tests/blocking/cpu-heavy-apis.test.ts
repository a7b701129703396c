import { describe, expect, it } from 'vitest';
import { getApiKey, getCpuHeavyApiMaps, pickMentionedModules } from '../../src/blocking/cpu-heavy-apis.js';
import { isBuiltinModule } from '../../src/modules/builtin-modules.js';

describe('getCpuHeavyApiMaps', () => {
  it('builds the maps once per pair of option arrays, and once for empty arrays', () => {
    const allow = ['zlib.gzipSync'];
    expect(getCpuHeavyApiMaps([], allow)).toBe(getCpuHeavyApiMaps([], allow));
    expect(getCpuHeavyApiMaps([], [])).toBe(getCpuHeavyApiMaps([], []));
    expect(getCpuHeavyApiMaps([], ['zlib.gzipSync'])).not.toBe(getCpuHeavyApiMaps([], allow));
    expect(getCpuHeavyApiMaps([], allow).builtin.zlib?.gzipSync).toBeUndefined();
    expect(getCpuHeavyApiMaps([], []).builtin.zlib?.gzipSync).toBeDefined();
  });

  it('tracks the crypto and zlib built-ins and the bcrypt packages by default', () => {
    const maps = getCpuHeavyApiMaps([], []);
    expect(Object.keys(maps.builtin).sort()).toEqual(['crypto', 'zlib']);
    expect(Object.keys(maps.packages).sort()).toEqual(['bcrypt', 'bcryptjs']);
    expect(Object.keys(maps.builtin.crypto ?? {}).sort()).toEqual(
      ['checkPrimeSync', 'generateKeyPairSync', 'generatePrimeSync', 'hkdfSync', 'pbkdf2Sync', 'scryptSync'],
    );
    expect(Object.keys(maps.builtin.zlib ?? {})).toHaveLength(11);
    expect(maps.builtin.crypto?.generateKeyPairSync).toMatchObject({ asyncName: 'generateKeyPair', style: 'callback' });
    expect(maps.packages.bcryptjs?.compareSync).toMatchObject({ asyncName: 'compare', style: 'promise' });
  });

  it('every default entry names an async variant that is the sync name without `Sync`', () => {
    const maps = getCpuHeavyApiMaps([], []);
    for (const map of [maps.builtin, maps.packages]) {
      for (const members of Object.values(map)) {
        for (const [member, info] of Object.entries(members)) expect(`${info.asyncName}Sync`).toBe(member);
      }
    }
  });

  it('adds extra functions to built-ins (with or without `node:`) and to packages', () => {
    const maps = getCpuHeavyApiMaps(
      [
        { module: 'node:crypto', names: ['randomFillSync'], replacement: 'randomFill', style: 'callback' },
        { module: 'argon2-sync', names: ['hash', 'verify'], style: 'promise' },
      ],
      [],
    );
    expect(maps.builtin.crypto?.randomFillSync).toMatchObject({ asyncName: 'randomFill', style: 'callback', benefit: null });
    expect(maps.builtin.crypto?.pbkdf2Sync).toBeDefined();
    expect(maps.packages['argon2-sync']?.verify).toMatchObject({ asyncName: null, style: 'promise' });
  });

  it('lets an extra function override a default entry of the same name', () => {
    const maps = getCpuHeavyApiMaps([{ module: 'zlib', names: ['gzipSync'], style: 'callback' }], []);
    expect(maps.builtin.zlib?.gzipSync?.asyncName).toBeNull();
  });

  it('drops allowed members, with or without `node:`, and modules left empty', () => {
    const maps = getCpuHeavyApiMaps([], ['zlib.gunzipSync', 'node:crypto.pbkdf2Sync', 'bcrypt.hashSync', 'bcrypt.compareSync', 'bcrypt.genSaltSync']);
    expect(maps.builtin.zlib?.gunzipSync).toBeUndefined();
    expect(maps.builtin.zlib?.gzipSync).toBeDefined();
    expect(maps.builtin.crypto?.pbkdf2Sync).toBeUndefined();
    expect(maps.packages.bcrypt).toBeUndefined();
    expect(maps.packages.bcryptjs).toBeDefined();
  });

  it('does not share member objects between calls', () => {
    getCpuHeavyApiMaps([], ['zlib.gzipSync']);
    expect(getCpuHeavyApiMaps([], []).builtin.zlib?.gzipSync).toBeDefined();
  });
});

describe('isBuiltinModule / getApiKey', () => {
  it('recognises built-ins with and without `node:`', () => {
    expect(isBuiltinModule('zlib')).toBe(true);
    expect(isBuiltinModule('node:zlib')).toBe(true);
    expect(isBuiltinModule('node:test')).toBe(true);
    expect(isBuiltinModule('bcrypt')).toBe(false);
  });

  it('builds `module.member` keys without `node:`', () => {
    expect(getApiKey('node:zlib', 'gunzipSync')).toBe('zlib.gunzipSync');
    expect(getApiKey('@scope/pkg', 'hashSync')).toBe('@scope/pkg.hashSync');
  });
});

describe('pickMentionedModules', () => {
  const map = { crypto: { pbkdf2Sync: 1 }, zlib: { gzipSync: 2 }, bcrypt: { hashSync: 3 } };

  it('keeps the modules whose names occur in the text, in any spelling', () => {
    expect(pickMentionedModules(map, "import c from 'node:crypto';\nconst z = require(`zlib`);")).toEqual({
      crypto: { pbkdf2Sync: 1 },
      zlib: { gzipSync: 2 },
    });
    expect(pickMentionedModules(map, "import b from 'bcryptjs';")).toEqual({ bcrypt: { hashSync: 3 } });
  });

  it('keeps nothing when no module is mentioned', () => {
    expect(pickMentionedModules(map, 'export const x = 1;')).toEqual({});
  });

  it('keeps a module whose name contains another only when its own name occurs', () => {
    const both = { bcryptjs: { hashSync: 4 }, bcrypt: { hashSync: 3 } };
    expect(pickMentionedModules(both, "const b = require('bcryptjs');")).toEqual({ bcrypt: { hashSync: 3 }, bcryptjs: { hashSync: 4 } });
    expect(pickMentionedModules(both, "const b = require('bcrypt');")).toEqual({ bcrypt: { hashSync: 3 } });
    expect(pickMentionedModules(both, "const b = require('argon2');")).toEqual({});
  });
});
