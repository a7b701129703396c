import type { JSONSchema4 } from '@typescript-eslint/utils/json-schema';
import { isBuiltin } from 'node:module';
import { stripNodePrefix } from '../modules/builtin-modules.js';
import type { ModuleMemberMap } from '../modules/module-tracker.js';
import { getStringEnumSchema, MODULE_MEMBER_PATTERN } from '../options/readable-schema.js';

/**
 * How a blocking call can be replaced:
 * - `awaitable`: `await <asyncModule>.<asyncName>(same arguments)` returns the same value and throws
 *   the same errors, so it is an autofix (subject to the argument checks below);
 * - `exists`: `existsSync(p)` → `await access(p).then(() => true, () => false)` (a suggestion);
 * - `exec`: `execSync` / `execFileSync` → `promisify(exec)` (a suggestion: encoding and stdio differ);
 * - `advice`: no rewrite, the message names what to use.
 */
export type BlockingApi =
  | {
      kind: 'awaitable';
      /** Module the async function comes from, without `node:` (`fs/promises`, `fs-extra`). */
      asyncModule: string;
      asyncName: string;
      /** The call may also be spelled `X.promises.<asyncName>` through the `fs` binding `X`. */
      viaFsPromises: boolean;
      /** A second argument may carry `throwIfNoEntry`, which the promise API does not have. */
      hasThrowIfNoEntryOption?: boolean;
      /** The first argument may be a file descriptor, which the promise API does not accept. */
      acceptsFileDescriptor?: boolean;
    }
  | { kind: 'exists' }
  | { kind: 'exec'; asyncName: 'exec' | 'execFile' }
  | { kind: 'advice'; advice: string };

export type BlockingReference =
  | { kind: 'blocking'; api: BlockingApi }
  /** `performance.now` from `perf_hooks`, a clock for busy-wait detection. */
  | { kind: 'clock' };

const FS_PROMISES = 'fs/promises';

function fsAwaitable(asyncName: string, extra: { hasThrowIfNoEntryOption?: boolean; acceptsFileDescriptor?: boolean } = {}): BlockingApi {
  return { kind: 'awaitable', asyncModule: FS_PROMISES, asyncName, viaFsPromises: true, ...extra };
}

const FILE_HANDLE_ADVICE = 'the methods of a `FileHandle` from `await open()` in `node:fs/promises`';

function advice(text: string): BlockingApi {
  return { kind: 'advice', advice: text };
}

/** The blocking `fs` functions, by member path. */
export const BLOCKING_FS_APIS: Readonly<Record<string, BlockingApi>> = {
  accessSync: fsAwaitable('access'),
  appendFileSync: fsAwaitable('appendFile', { acceptsFileDescriptor: true }),
  chmodSync: fsAwaitable('chmod'),
  chownSync: fsAwaitable('chown'),
  closeSync: advice(FILE_HANDLE_ADVICE),
  copyFileSync: fsAwaitable('copyFile'),
  cpSync: fsAwaitable('cp'),
  existsSync: { kind: 'exists' },
  fchmodSync: advice(FILE_HANDLE_ADVICE),
  fchownSync: advice(FILE_HANDLE_ADVICE),
  fdatasyncSync: advice(FILE_HANDLE_ADVICE),
  fstatSync: advice(FILE_HANDLE_ADVICE),
  fsyncSync: advice(FILE_HANDLE_ADVICE),
  ftruncateSync: advice(FILE_HANDLE_ADVICE),
  futimesSync: advice(FILE_HANDLE_ADVICE),
  globSync: advice('`glob` from `node:fs/promises` (an async iterator: `for await (const file of glob(pattern))`)'),
  lchmodSync: advice('`await lchmod` from `node:fs/promises`'),
  lchownSync: fsAwaitable('lchown'),
  linkSync: fsAwaitable('link'),
  lstatSync: fsAwaitable('lstat', { hasThrowIfNoEntryOption: true }),
  lutimesSync: fsAwaitable('lutimes'),
  mkdirSync: fsAwaitable('mkdir'),
  mkdtempDisposableSync: advice('`await mkdtempDisposable` from `node:fs/promises`'),
  mkdtempSync: fsAwaitable('mkdtemp'),
  openSync: advice('`await open` from `node:fs/promises` and the methods of its `FileHandle`'),
  opendirSync: advice('`await opendir` from `node:fs/promises`'),
  readFileSync: fsAwaitable('readFile', { acceptsFileDescriptor: true }),
  readSync: advice(FILE_HANDLE_ADVICE),
  readdirSync: fsAwaitable('readdir'),
  readlinkSync: fsAwaitable('readlink'),
  readvSync: advice(FILE_HANDLE_ADVICE),
  realpathSync: fsAwaitable('realpath'),
  'realpathSync.native': fsAwaitable('realpath'),
  renameSync: fsAwaitable('rename'),
  rmSync: fsAwaitable('rm'),
  rmdirSync: fsAwaitable('rmdir'),
  statSync: fsAwaitable('stat', { hasThrowIfNoEntryOption: true }),
  statfsSync: fsAwaitable('statfs'),
  symlinkSync: fsAwaitable('symlink'),
  truncateSync: fsAwaitable('truncate', { acceptsFileDescriptor: true }),
  unlinkSync: fsAwaitable('unlink'),
  utimesSync: fsAwaitable('utimes'),
  writeFileSync: fsAwaitable('writeFile', { acceptsFileDescriptor: true }),
  writeSync: advice(FILE_HANDLE_ADVICE),
  writevSync: advice(FILE_HANDLE_ADVICE),
};

/** The blocking `child_process` functions. */
export const BLOCKING_CHILD_PROCESS_APIS: Readonly<Record<string, BlockingApi>> = {
  execFileSync: { kind: 'exec', asyncName: 'execFile' },
  execSync: { kind: 'exec', asyncName: 'exec' },
  spawnSync: advice("`spawn` from `node:child_process` and `await once(child, 'exit')` from `node:events`"),
};

export const SLEEP_ADVICE = '`await setTimeout(ms)` from `node:timers/promises`';

/** How an async variant gives its result: a Node-style callback (wrapped in `promisify`), or a returned promise. */
export type AsyncVariantStyle = 'callback' | 'promise';

export const ASYNC_VARIANT_STYLES: readonly AsyncVariantStyle[] = ['callback', 'promise'];

/** One `extraFunctions` entry, the same shape in both blocking rules. */
export interface ExtraFunction {
  module: string;
  names: readonly string[];
  replacement?: string;
  /** How `replacement` gives its result; `promise` when left out. */
  style?: AsyncVariantStyle;
}

/** The `allow` option schema both blocking rules share. */
export const ALLOW_OPTION_SCHEMA: JSONSchema4 = {
  type: 'array',
  description:
    'Calls never to report, each as `module.member` with a dot: `fs.existsSync`, `node:zlib.gunzipSync`, `child_process.execSync`, `Atomics.wait`.',
  items: {
    type: 'string',
    pattern: MODULE_MEMBER_PATTERN,
    description: 'A `module.member` name with a dot, e.g. `fs.existsSync` (`node:` prefix optional).',
  },
  uniqueItems: true,
};

/** The `extraFunctions` option schema both blocking rules share (`what` says what the members do). */
export function getExtraFunctionsSchema(what: string): JSONSchema4 {
  return {
    type: 'array',
    description: `More ${what} module members to report, each as \`{ module, names, replacement?, style? }\`.`,
    items: {
      type: 'object',
      additionalProperties: false,
      required: ['module', 'names'],
      properties: {
        module: { type: 'string', minLength: 1, description: 'Module specifier (`fs-extra`, or a built-in with or without `node:`).' },
        names: {
          type: 'array',
          description: 'The synchronous members of the module (`readJsonSync`, or a path like `sync.read`).',
          items: { type: 'string', pattern: '^[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)*$', description: 'A member name or dotted path, e.g. `readJsonSync`.' },
          minItems: 1,
          uniqueItems: true,
        },
        replacement: {
          type: 'string',
          pattern: '^[A-Za-z_$][\\w$]*$',
          description: 'The async member of the same module that takes the same arguments and gives the same value (`readJson`).',
        },
        style: getStringEnumSchema(
          ASYNC_VARIANT_STYLES,
          "How `replacement` gives its result, one of `'promise'` (the default: it returns a promise) or `'callback'` (it takes a Node-style callback, so the fix wraps it in `promisify`).",
        ),
      },
    },
  };
}

/** The clock of `perf_hooks` alone, for a file with clocks but no blocking call to track. */
export const CLOCK_REFERENCE_MAP: ModuleMemberMap<BlockingReference> = { perf_hooks: { 'performance.now': { kind: 'clock' } } };

const NO_EXTRA_FUNCTIONS: readonly ExtraFunction[] = [];
/** One map per `extraFunctions` array: ESLint hands every file of a config the same option array. */
const referenceMaps = new WeakMap<readonly ExtraFunction[], ModuleMemberMap<BlockingReference>>();

/**
 * The module member map to track: the built-in tables, the user's `extraFunctions` (built-in
 * entries win over user entries of the same member), and `perf_hooks`' `performance.now` clock.
 * Built once per option array (an empty one shares one entry); callers must not change the map.
 */
export function getBlockingReferenceMap(extraFunctions: readonly ExtraFunction[]): ModuleMemberMap<BlockingReference> {
  const key = extraFunctions.length === 0 ? NO_EXTRA_FUNCTIONS : extraFunctions;
  let map = referenceMaps.get(key);
  if (!map) referenceMaps.set(key, (map = buildBlockingReferenceMap(extraFunctions)));
  return map;
}

function buildBlockingReferenceMap(extraFunctions: readonly ExtraFunction[]): ModuleMemberMap<BlockingReference> {
  const blocking = (api: BlockingApi): BlockingReference => ({ kind: 'blocking', api });
  const map: ModuleMemberMap<BlockingReference> = {
    fs: Object.fromEntries(Object.entries(BLOCKING_FS_APIS).map(([member, api]) => [member, blocking(api)])),
    child_process: Object.fromEntries(
      Object.entries(BLOCKING_CHILD_PROCESS_APIS).map(([member, api]) => [member, blocking(api)]),
    ),
    ...CLOCK_REFERENCE_MAP,
  };
  for (const { module: rawModule, names, replacement, style } of extraFunctions) {
    const module = stripNodePrefix(rawModule);
    const members = (map[module] ??= {});
    for (const name of names) {
      if (members[name]) continue;
      members[name] = blocking(
        replacement === undefined
          ? advice('an asynchronous alternative')
          : style === 'callback'
            ? advice(`\`await promisify(${replacement})(…)\` with \`${replacement}\` from \`${displayModule(module)}\``)
            : { kind: 'awaitable', asyncModule: module, asyncName: replacement, viaFsPromises: false },
      );
    }
  }
  return map;
}

/** A built-in module with blocking members, as an import, `require` or `getBuiltinModule` spells it. */
const BLOCKING_BUILTIN_SPECIFIER = /['"`](?:node:)?(?:fs|child_process|perf_hooks)['"`]/u;

/**
 * Whether the text may hold a call of a blocking module member this rule's tables know: every
 * blocking `fs` and `child_process` member ends in `Sync` and comes from a module the file names
 * in a string, and a module of `extraFunctions` is named in the string that imports it. False
 * means the module tracker has nothing to find.
 */
export function mayMentionBlockingModules(text: string, extraFunctions: readonly ExtraFunction[]): boolean {
  if (text.includes('Sync') && BLOCKING_BUILTIN_SPECIFIER.test(text)) return true;
  return extraFunctions.some((extra) => text.includes(stripNodePrefix(extra.module)));
}

/** Whether the text may read a clock a busy wait polls (`Date.now`, `performance.now`). False means no loop can be a busy wait. */
export function mayMentionClocks(text: string): boolean {
  return text.includes('Date') || text.includes('performance');
}

/** What the message recommends instead of the blocking call; without `await` where it is not legal. */
export function getAlternativeText(api: BlockingApi, awaitLegal = true): string {
  const text = getAwaitedAlternativeText(api);
  return awaitLegal ? text : text.replaceAll('`await ', '`');
}

function getAwaitedAlternativeText(api: BlockingApi): string {
  switch (api.kind) {
    case 'awaitable':
      return `\`await ${api.asyncName}\` from \`${displayModule(api.asyncModule)}\``;
    case 'exists':
      return '`await access` from `node:fs/promises`';
    case 'exec':
      return `\`${api.asyncName}\` from \`node:child_process\` through \`promisify\` from \`node:util\``;
    case 'advice':
      return api.advice;
  }
}

/** Node built-ins are named with `node:` in messages (`node:fs/promises`), packages as given. */
function displayModule(module: string): string {
  return isBuiltin(module) ? `node:${module}` : module;
}
