import { stripNodePrefix } from '../modules/builtin-modules.js';
import type { ModuleMemberMap } from '../modules/module-tracker.js';
import { isBuiltinModule } from '../modules/builtin-modules.js';

import type { AsyncVariantStyle, ExtraFunction } from './blocking-apis.js';

/** A synchronous module member that keeps the CPU busy, and its variant that does not block the event loop. */
export interface CpuHeavyApi {
  /** What the call does, for messages: "derives a key". */
  action: string;
  /** The member of the same module that does the same work off the event loop, or null when there is none. */
  asyncName: string | null;
  style: AsyncVariantStyle;
  /** Why the variant is better, for messages ("runs on the thread pool"), or null to say nothing. */
  benefit: string | null;
}

/** A user addition from the `extraFunctions` option (the shape `no-sync-in-async` takes too). */
export type ExtraCpuFunction = ExtraFunction;

const THREAD_POOL = 'runs on the thread pool';

function api(action: string, asyncName: string, style: AsyncVariantStyle, benefit: string | null): CpuHeavyApi {
  return { action, asyncName, style, benefit };
}

const callback = (action: string, asyncName: string): CpuHeavyApi => api(action, asyncName, 'callback', THREAD_POOL);

const COMPRESSES = 'compresses data';
const DECOMPRESSES = 'decompresses data';

/** Node built-ins: their callback variants run on libuv's thread pool and give the same value and errors. */
const BUILTIN_APIS: ModuleMemberMap<CpuHeavyApi> = {
  crypto: {
    pbkdf2Sync: callback('derives a key', 'pbkdf2'),
    scryptSync: callback('derives a key', 'scrypt'),
    hkdfSync: callback('derives a key', 'hkdf'),
    generateKeyPairSync: callback('generates a key pair', 'generateKeyPair'),
    generatePrimeSync: callback('generates a prime', 'generatePrime'),
    checkPrimeSync: callback('tests a number for primality', 'checkPrime'),
  },
  zlib: {
    gzipSync: callback(COMPRESSES, 'gzip'),
    gunzipSync: callback(DECOMPRESSES, 'gunzip'),
    deflateSync: callback(COMPRESSES, 'deflate'),
    inflateSync: callback(DECOMPRESSES, 'inflate'),
    deflateRawSync: callback(COMPRESSES, 'deflateRaw'),
    inflateRawSync: callback(DECOMPRESSES, 'inflateRaw'),
    unzipSync: callback(DECOMPRESSES, 'unzip'),
    brotliCompressSync: callback(COMPRESSES, 'brotliCompress'),
    brotliDecompressSync: callback(DECOMPRESSES, 'brotliDecompress'),
    zstdCompressSync: callback(COMPRESSES, 'zstdCompress'),
    zstdDecompressSync: callback(DECOMPRESSES, 'zstdDecompress'),
  },
};

function bcryptApis(benefit: string): Record<string, CpuHeavyApi> {
  return {
    hashSync: api('hashes a password', 'hash', 'promise', benefit),
    compareSync: api('checks a password against its hash', 'compare', 'promise', benefit),
    genSaltSync: api('generates a salt', 'genSalt', 'promise', benefit),
  };
}

/**
 * npm packages. `bcrypt` is native and runs its async calls on the thread pool; `bcryptjs` is plain
 * JavaScript whose async calls work in short slices, letting other tasks run in between.
 */
const PACKAGE_APIS: ModuleMemberMap<CpuHeavyApi> = {
  bcrypt: bcryptApis(THREAD_POOL),
  bcryptjs: bcryptApis('works in short slices that let other tasks run'),
};

/** `zlib.gunzipSync` for a tracked member: the key `allow` entries are compared with. */
export function getApiKey(module: string, member: string): string {
  return `${stripNodePrefix(module)}.${member}`;
}

export interface CpuHeavyApiMaps {
  /** Built-in modules (track with `builtin: true`), keyed without `node:`. */
  builtin: ModuleMemberMap<CpuHeavyApi>;
  /** Packages from npm. */
  packages: ModuleMemberMap<CpuHeavyApi>;
}

const NO_ENTRIES: readonly never[] = [];
/** Maps per `extraFunctions` array, then per `allow` array: ESLint hands every file of a config the same option arrays. */
const mapsByOptions = new WeakMap<readonly ExtraCpuFunction[], WeakMap<readonly string[], CpuHeavyApiMaps>>();

/**
 * The members to track: the built-in table, plus `extraFunctions` (which override a built-in entry
 * of the same name), minus the `allow` list (`zlib.gunzipSync` or `node:zlib.gunzipSync`). Built
 * once per pair of option arrays (empty arrays share one entry); callers must not change the maps.
 */
export function getCpuHeavyApiMaps(extraFunctions: readonly ExtraCpuFunction[], allow: readonly string[]): CpuHeavyApiMaps {
  const extraKey = extraFunctions.length === 0 ? NO_ENTRIES : extraFunctions;
  const allowKey = allow.length === 0 ? NO_ENTRIES : allow;
  let byAllow = mapsByOptions.get(extraKey);
  if (!byAllow) mapsByOptions.set(extraKey, (byAllow = new WeakMap()));
  let maps = byAllow.get(allowKey);
  if (!maps) byAllow.set(allowKey, (maps = buildCpuHeavyApiMaps(extraFunctions, allow)));
  return maps;
}

function buildCpuHeavyApiMaps(extraFunctions: readonly ExtraCpuFunction[], allow: readonly string[]): CpuHeavyApiMaps {
  const maps: CpuHeavyApiMaps = { builtin: {}, packages: {} };
  const add = (module: string, member: string, info: CpuHeavyApi): void => {
    const name = stripNodePrefix(module);
    const target = isBuiltinModule(module) ? maps.builtin : maps.packages;
    target[name] = { ...target[name], [member]: info };
  };
  for (const table of [BUILTIN_APIS, PACKAGE_APIS]) {
    for (const [module, members] of Object.entries(table)) {
      for (const [member, info] of Object.entries(members)) add(module, member, info);
    }
  }
  for (const extra of extraFunctions) {
    for (const name of extra.names) {
      add(extra.module, name, {
        action: 'runs CPU-heavy work',
        asyncName: extra.replacement ?? null,
        style: extra.style ?? 'promise',
        benefit: null,
      });
    }
  }
  const allowed = new Set(allow.map(stripNodePrefix));
  for (const map of [maps.builtin, maps.packages]) {
    for (const [module, members] of Object.entries(map)) {
      for (const member of Object.keys(members)) {
        if (allowed.has(getApiKey(module, member))) delete members[member];
      }
      if (Object.keys(members).length === 0) delete map[module];
    }
  }
  return maps;
}

/**
 * The part of `map` whose modules the file's text mentions at all. Every way of reaching a module
 * (import, `require`, `process.getBuiltinModule`, `import x = require()`) spells its name in a string,
 * so a module whose name is absent has no references, and the tracker need not look for it.
 */
export function pickMentionedModules<T>(map: ModuleMemberMap<T>, text: string): ModuleMemberMap<T> {
  const picked: ModuleMemberMap<T> = {};
  // A name that contains an absent one is absent too (`bcryptjs` without `bcrypt`): shorter names
  // are searched first, and each failed search reads the whole text.
  const absent: string[] = [];
  for (const module of Object.keys(map).sort((a, b) => a.length - b.length)) {
    if (absent.some((name) => module.includes(name))) continue;
    if (text.includes(module)) picked[module] = map[module] as Record<string, T>;
    else absent.push(module);
  }
  return picked;
}
