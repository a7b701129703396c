import { ASTUtils, AST_NODE_TYPES, TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { findUnresolvedReferences, isGlobalReference } from '../scope/globals.js';
import { findModuleMemberReferences, type ModuleMemberMap, type ModuleMemberReference } from '../modules/module-tracker.js';
import { getCalleeName, getCalleePath } from '../ast/callee-name.js';
import { isFunctionNode } from '../ast/function-node.js';
import { isConstantVariable } from '../scope/constant-binding.js';
import { memoizeByKey } from '../ast/memoize.js';
import { createNameMentionTest } from '../ast/name-mentions.js';
import { getAwaitedNames, type AwaitedNames } from '../ast/awaited-names.js';
import { findVariableOf } from '../scope/find-variable.js';

/** Methods of an object a module function returns (or resolves to) that return promises. */
interface Factory {
  /** The object is what the call's promise resolves to (`await open(path)`), not the call's value. */
  awaited: boolean;
  methods: ReadonlySet<string>;
}

interface MemberInfo {
  /** A call of the member returns a promise. */
  returnsPromise?: boolean;
  /** The promise cannot reject for this call (`setTimeout(ms)` from `timers/promises` without a signal). */
  cannotReject?: (call: TSESTree.CallExpression | TSESTree.NewExpression) => boolean;
  factory?: Factory;
  /** `util.promisify`: calling what it returns gives a promise. */
  promisify?: boolean;
  /** Listed in `allowFunctions`: its promise may float. */
  allowed?: boolean;
}

const FS_PROMISE_FUNCTIONS = [
  'access', 'appendFile', 'chmod', 'chown', 'copyFile', 'cp', 'lchmod', 'lchown', 'link', 'lstat', 'lutimes', 'mkdir',
  'mkdtemp', 'mkdtempDisposable', 'open', 'opendir', 'readdir', 'readFile', 'readlink', 'realpath', 'rename', 'rm',
  'rmdir', 'stat', 'statfs', 'symlink', 'truncate', 'unlink', 'utimes', 'writeFile',
];
const DNS_PROMISE_FUNCTIONS = [
  'lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCaa', 'resolveCname', 'resolveMx',
  'resolveNaptr', 'resolveNs', 'resolvePtr', 'resolveSoa', 'resolveSrv', 'resolveTlsa', 'resolveTxt', 'reverse',
];
const FILE_HANDLE: Factory = {
  awaited: true,
  methods: new Set([
    'appendFile', 'chmod', 'chown', 'close', 'datasync', 'read', 'readFile', 'readv', 'stat', 'sync', 'truncate', 'utimes',
    'write', 'writeFile', 'writev',
  ]),
};
const RESPONSE: Factory = { awaited: true, methods: new Set(['arrayBuffer', 'blob', 'bytes', 'formData', 'json', 'text']) };
const READLINE_INTERFACE: Factory = { awaited: false, methods: new Set(['question']) };

/** Timers without an `AbortSignal` in their options only ever resolve. */
const withoutSignal = (optionsIndex: number) => (call: TSESTree.CallExpression | TSESTree.NewExpression) =>
  call.arguments.length <= optionsIndex;

function promiseMembers(prefix: string, names: readonly string[]): Record<string, MemberInfo> {
  return Object.fromEntries(
    names.map((name) => [`${prefix}${name}`, { returnsPromise: true, ...(name === 'open' ? { factory: FILE_HANDLE } : {}) }]),
  );
}

function timerMembers(prefix: string): Record<string, MemberInfo> {
  return {
    [`${prefix}setTimeout`]: { returnsPromise: true, cannotReject: withoutSignal(2) },
    [`${prefix}setImmediate`]: { returnsPromise: true, cannotReject: withoutSignal(1) },
    [`${prefix}scheduler.wait`]: { returnsPromise: true, cannotReject: withoutSignal(1) },
    [`${prefix}scheduler.yield`]: { returnsPromise: true, cannotReject: () => true },
  };
}

/**
 * Node built-ins whose functions return promises. Async iterators (`fs/promises` `watch` and `glob`,
 * `timers/promises` `setInterval`, `events.on`) and sync members are left out.
 */
const BUILTIN_PROMISE_MODULES: ModuleMemberMap<MemberInfo> = {
  'fs/promises': promiseMembers('', FS_PROMISE_FUNCTIONS),
  fs: promiseMembers('promises.', FS_PROMISE_FUNCTIONS),
  'dns/promises': promiseMembers('', DNS_PROMISE_FUNCTIONS),
  dns: promiseMembers('promises.', DNS_PROMISE_FUNCTIONS),
  'timers/promises': timerMembers(''),
  timers: timerMembers('promises.'),
  'stream/promises': promiseMembers('', ['pipeline', 'finished']),
  stream: promiseMembers('promises.', ['pipeline', 'finished']),
  'readline/promises': { createInterface: { factory: READLINE_INTERFACE } },
  events: { once: { returnsPromise: true } },
  util: { promisify: { promisify: true } },
};

export interface KnownPromiseCall {
  /** The promise only ever resolves (a timer without a signal). */
  cannotReject: boolean;
}

export interface PromiseSources {
  /** Calls known to return a promise: promise modules, `fetch`, promisified functions, `promiseFunctions`. */
  getKnownPromiseCall: (node: TSESTree.Node) => KnownPromiseCall | undefined;
  /** Calls whose promise may float (`allowFunctions`). */
  isAllowedCall: (node: TSESTree.Node) => boolean;
}

export interface PromiseSourceOptions {
  /** Bare callee names or `module.member` entries whose calls return promises. */
  promiseFunctions: readonly string[];
  /** Bare callee names, callee paths (`describe.only`) or `module.member` entries whose promises may float. */
  allowFunctions: readonly string[];
}

/** Every way to read `a.b.c` as `module.member`: (`a`, `b.c`) and (`a.b`, `c`) (module names may contain dots). */
function splitModuleMember(entry: string): { module: string; member: string }[] {
  const splits = [];
  for (let index = entry.indexOf('.'); index > 0 && index < entry.length - 1; index = entry.indexOf('.', index + 1)) {
    splits.push({ module: entry.slice(0, index).replace(/^node:/u, ''), member: entry.slice(index + 1) });
  }
  return splits;
}

function buildModuleMap(options: PromiseSourceOptions): ModuleMemberMap<MemberInfo> {
  const map: ModuleMemberMap<MemberInfo> = {};
  const add = (module: string, member: string, info: MemberInfo): void => {
    const members = (map[module] ??= {});
    members[member] = { ...members[member], ...info };
  };
  for (const [module, members] of Object.entries(BUILTIN_PROMISE_MODULES)) {
    for (const [member, info] of Object.entries(members)) add(module, member, info);
  }
  for (const entry of options.promiseFunctions) {
    for (const { module, member } of splitModuleMember(entry)) add(module, member, { returnsPromise: true });
  }
  for (const entry of options.allowFunctions) {
    for (const { module, member } of splitModuleMember(entry)) add(module, member, { allowed: true });
  }
  return map;
}

/** What the options give, built once per distinct options (rules keep no per-file state here: pure functions of the options). */
interface OptionTables {
  moduleMap: ModuleMemberMap<MemberInfo>;
  /** A quoted module specifier (`'fs'`, `"node:fs"`, `` `fs/promises` ``) of a module in `moduleMap`: the module name is group 1. */
  specifierPattern: RegExp | null;
  /**
   * Per module, the first names of its member paths (`promises` of `promises.readFile`): every
   * reference to a member reads that name off the module (or imports it), so a file that never
   * spells one holds none. Null when the module itself is a member (`default`).
   */
  memberFirstNames: Record<string, readonly string[] | null>;
  /** The last name of every member path (`readFile` of `promises.readFile`) and of every factory's methods: `mayBeTrackedCall`. */
  memberLastNames: ReadonlySet<string>;
  isPromiseFunctionName: (callee: TSESTree.Node) => boolean;
  isAllowedName: (callee: TSESTree.Node) => boolean;
}

const optionTables = new Map<string, OptionTables>();

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/gu, '\\$&');
}

/**
 * The same tables by the option arrays themselves: ESLint merges the defaults into each file's
 * options, but keeps an array it does not merge, so a lookup by identity skips joining the lists.
 */
const optionTablesByArrays = new WeakMap<readonly string[], WeakMap<readonly string[], OptionTables>>();

function getOptionTables(options: PromiseSourceOptions): OptionTables {
  let byAllowFunctions = optionTablesByArrays.get(options.promiseFunctions);
  const known = byAllowFunctions?.get(options.allowFunctions);
  if (known) return known;
  const key = `${options.promiseFunctions.join('\n')}\u0000${options.allowFunctions.join('\n')}`;
  let tables = optionTables.get(key);
  if (!tables) {
    const moduleMap = buildModuleMap(options);
    const modules = Object.keys(moduleMap).sort((a, b) => b.length - a.length);
    tables = {
      moduleMap,
      specifierPattern: modules.length === 0 ? null : new RegExp(`['"\`](?:node:)?(${modules.map(escapeRegExp).join('|')})['"\`]`, 'gu'),
      memberFirstNames: Object.fromEntries(Object.entries(moduleMap).map(([module, members]) => [module, getMemberFirstNames(members)])),
      memberLastNames: getMemberLastNames(moduleMap),
      isPromiseFunctionName: createNameMatcher(options.promiseFunctions),
      isAllowedName: createNameMatcher(options.allowFunctions),
    };
    optionTables.set(key, tables);
  }
  if (!byAllowFunctions) {
    byAllowFunctions = new WeakMap();
    optionTablesByArrays.set(options.promiseFunctions, byAllowFunctions);
  }
  byAllowFunctions.set(options.allowFunctions, tables);
  return tables;
}

function getMemberLastNames(moduleMap: ModuleMemberMap<MemberInfo>): ReadonlySet<string> {
  const names = new Set([FILE_HANDLE, RESPONSE, READLINE_INTERFACE].flatMap((factory) => [...factory.methods]));
  for (const members of Object.values(moduleMap)) {
    for (const member of Object.keys(members)) names.add(member.slice(member.lastIndexOf('.') + 1));
  }
  return names;
}

/**
 * Whether the tracked calls (module members, factory methods, promisified functions, `fetch`) may
 * hold `call`: each of them is called by a name (a variable or a member's last name), or called
 * on what a call returns (`promisify(f)(x)`). Most calls a file is asked about are methods of other
 * names (`list.push(x)`), and a file whose asked calls are all such never reads its modules.
 */
function mayBeTrackedCall(call: TSESTree.CallExpression, memberLastNames: ReadonlySet<string>): boolean {
  const callee = call.callee;
  if (callee.type === AST_NODE_TYPES.Identifier || callee.type === AST_NODE_TYPES.CallExpression) return true;
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  // A computed key the tracker may still resolve (`fs[name]`) counts as any name.
  const name = ASTUtils.getPropertyName(callee);
  return name === null || memberLastNames.has(name);
}

function getMemberFirstNames(members: Record<string, MemberInfo>): readonly string[] | null {
  const names = new Set(Object.keys(members).map((member) => member.split('.')[0] as string));
  return names.has('default') ? null : [...names];
}

/**
 * The module member references of the modules the file names in a string literal: an import,
 * `require` or `getBuiltinModule` always spells its specifier as a string, so a file without one
 * skips the reference tracker altogether; so does a file that names none of the module's members
 * (`'util'` without `promisify`).
 */
function findMentionedModuleReferences(
  sourceCode: Readonly<TSESLint.SourceCode>,
  options: PromiseSourceOptions,
): ModuleMemberReference<MemberInfo>[] {
  const { moduleMap, specifierPattern, memberFirstNames } = getOptionTables(options);
  if (!specifierPattern) return [];
  const text = sourceCode.text;
  const mentioned: ModuleMemberMap<MemberInfo> = {};
  const skipped = new Set<string>();
  // Modules share first names (`only` of `test.only` and `it.only`): each is searched for once.
  const isSpelled = createNameMentionTest(sourceCode);
  let any = false;
  for (const match of text.matchAll(specifierPattern)) {
    const module = match[1];
    if (module === undefined || mentioned[module] || skipped.has(module)) continue;
    const members = moduleMap[module];
    if (!members) continue;
    const firstNames = memberFirstNames[module] ?? null;
    if (firstNames !== null && !firstNames.some(isSpelled)) {
      skipped.add(module);
      continue;
    }
    mentioned[module] = members;
    any = true;
  }
  return any ? findModuleMemberReferences(sourceCode, mentioned, { builtin: true, types: ['call'] }) : [];
}

function createNameMatcher(entries: readonly string[]): (callee: TSESTree.Node) => boolean {
  const names = new Set(entries.filter((entry) => !entry.includes('.')));
  const paths = new Set(entries.filter((entry) => entry.includes('.')));
  // A callee can match a path only if its last name is a path's last name: the path text is built for those alone.
  const pathEnds = new Set([...paths].map((entry) => entry.slice(entry.lastIndexOf('.') + 1)));
  if (names.size === 0 && paths.size === 0) return () => false;
  return (callee) => {
    const name = getCalleeName(callee);
    if (name === null) return false;
    if (names.has(name)) return true;
    if (!pathEnds.has(name)) return false;
    const path = getCalleePath(callee);
    return path !== null && paths.has(path);
  };
}

/** The constant variable `declarator` declares with `init` as its whole initial value. */
function getDeclaredConstant(
  value: TSESTree.Node,
  sourceCode: Readonly<TSESLint.SourceCode>,
): TSESLint.Scope.Variable | null {
  const declarator = value.parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== value) return null;
  if (declarator.id.type !== AST_NODE_TYPES.Identifier) return null;
  const [variable] = sourceCode.getDeclaredVariables(declarator);
  return variable && isConstantVariable(variable) ? variable : null;
}

/** Calls of the form `<variable>(...)` or `<variable>.<method>(...)` for each read of `variable`. */
function findCallsThrough(variable: TSESLint.Scope.Variable, methods: ReadonlySet<string> | null): TSESTree.CallExpression[] {
  const calls: TSESTree.CallExpression[] = [];
  for (const ref of variable.references) {
    if (!ref.isRead()) continue;
    const identifier = ref.identifier as TSESTree.Identifier;
    let callee: TSESTree.Node = identifier;
    if (methods) {
      const member = identifier.parent;
      if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== identifier) continue;
      const name = ASTUtils.getPropertyName(member);
      if (name === null || !methods.has(name)) continue;
      callee = member;
    }
    const call = callee.parent;
    if (call?.type === AST_NODE_TYPES.CallExpression && call.callee === callee) calls.push(call);
  }
  return calls;
}

/** The call `<identifier>.<method>(...)` the identifier is the receiver of, with the method's name. */
function getMethodCall(identifier: TSESTree.Node): { call: TSESTree.CallExpression; name: string } | null {
  const member = identifier.parent;
  if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== identifier) return null;
  const call = member.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== member) return null;
  const name = ASTUtils.getPropertyName(member);
  return name === null ? null : { call, name };
}

/** The methods awaited through `variable` (`await pool.query()`), when it is a constant read at least twice; else none. Once per variable. */
const getMethodsAwaitedThrough = memoizeByKey((variable: TSESLint.Scope.Variable): ReadonlySet<string> => {
  const awaited = new Set<string>();
  if (variable.references.length < 2) return awaited;
  if (variable.defs.some((def) => def.type === TSESLint.Scope.DefinitionType.FunctionName || def.type === TSESLint.Scope.DefinitionType.ClassName)) return awaited;
  for (const ref of variable.references) {
    const found = getMethodCall(ref.identifier);
    if (found?.call.parent?.type === AST_NODE_TYPES.AwaitExpression) awaited.add(found.name);
  }
  // The constant-binding check walks the references again: only for the few variables that qualify.
  return awaited.size > 0 && !isConstantVariable(variable) ? new Set() : awaited;
});

/**
 * Whether `call` is `<variable>.<method>(...)` with a method the file awaits through the same
 * constant variable elsewhere (`await pool.query(a)` makes `pool.query(b)` a promise too): the
 * code itself treats the method as returning a promise. Functions and classes of the file are
 * judged by their bodies instead; an awaited call, or one given a callback (it may be the callback
 * form, or return what the callback returns: `time.start(name, () => ...)`), is judged as it is.
 * Decided per call the rule asks about: the names after each `await` settle most calls, and each
 * variable's references are read once.
 */
function createAwaitedMethodTest(sourceCode: Readonly<TSESLint.SourceCode>): (call: TSESTree.CallExpression) => boolean {
  let names: AwaitedNames | null = null;
  return (call) => {
    const callee = call.callee;
    if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.object.type !== AST_NODE_TYPES.Identifier) return false;
    if (call.parent.type === AST_NODE_TYPES.AwaitExpression) return false;
    const receiver = callee.object;
    const method = ASTUtils.getPropertyName(callee);
    if (method === null) return false;
    names ??= getAwaitedNames(sourceCode);
    if (!names.pairs.has(`${receiver.name}.${method}`) && !names.anyMethod.has(receiver.name)) return false;
    if (call.arguments.some(isFunctionNode)) return false;
    const variable = findVariableOf(receiver, sourceCode);
    return variable !== null && getMethodsAwaitedThrough(variable).has(method);
  };
}

interface TrackedCalls {
  known: ReadonlyMap<TSESTree.Node, KnownPromiseCall>;
  allowed: ReadonlySet<TSESTree.Node>;
}

/** The calls of the file the module tracker and the global `fetch` give: `findPromiseSources` reads them on first need. */
function findTrackedCalls(sourceCode: Readonly<TSESLint.SourceCode>, options: PromiseSourceOptions): TrackedCalls {
  const known = new Map<TSESTree.Node, KnownPromiseCall>();
  const allowed = new Set<TSESTree.Node>();
  const addFactoryCalls = (call: TSESTree.Node, factory: Factory): void => {
    const value = factory.awaited && call.parent?.type === AST_NODE_TYPES.AwaitExpression ? call.parent : call;
    const variable = getDeclaredConstant(value, sourceCode);
    if (!variable) return;
    for (const methodCall of findCallsThrough(variable, factory.methods)) known.set(methodCall, { cannotReject: false });
  };

  const references = findMentionedModuleReferences(sourceCode, options);
  for (const { node, info } of references) {
    if (node.type !== AST_NODE_TYPES.CallExpression) continue;
    if (info.allowed) allowed.add(node);
    if (info.returnsPromise) known.set(node, { cannotReject: info.cannotReject?.(node) ?? false });
    if (info.factory) addFactoryCalls(node, info.factory);
    if (info.promisify) {
      const parent = node.parent;
      if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === node) known.set(parent, { cannotReject: false });
      const variable = getDeclaredConstant(node, sourceCode);
      if (variable) for (const call of findCallsThrough(variable, null)) known.set(call, { cannotReject: false });
    }
  }

  // The global `fetch`: unresolved, or a global the config declares and the program never declares again.
  const globalScope = sourceCode.text.includes('fetch') ? sourceCode.scopeManager?.globalScope : undefined;
  const declaredFetch = globalScope?.set.get('fetch');
  const fetchReferences = globalScope
    ? [...findUnresolvedReferences(globalScope, 'fetch'), ...(declaredFetch && declaredFetch.defs.length === 0 ? declaredFetch.references : [])]
    : [];
  for (const ref of fetchReferences) {
    const identifier = ref.identifier as TSESTree.Identifier;
    const call = identifier.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== identifier || known.has(call)) continue;
    if (!isGlobalReference(identifier, sourceCode)) continue;
    known.set(call, { cannotReject: false });
    addFactoryCalls(call, RESPONSE);
  }

  return { known, allowed };
}

/**
 * Finds, once per file, the calls that are known to return promises without type information:
 * promise-returning members of Node built-ins (any import spelling), methods of the objects some of
 * them create (`rl.question()`, `(await open(p)).close()`, `(await fetch(u)).json()`), the global
 * `fetch`, `util.promisify(f)(...)` and `const g = promisify(f); g()`, and `promiseFunctions`.
 * Also finds the calls `allowFunctions` lets float. The tracked calls are read only when a call
 * that may be one of them is asked about (`mayBeTrackedCall`).
 */
export function findPromiseSources(
  sourceCode: Readonly<TSESLint.SourceCode>,
  options: PromiseSourceOptions,
): PromiseSources {
  let tracked: TrackedCalls | null = null;
  const getTracked = (): TrackedCalls => (tracked ??= findTrackedCalls(sourceCode, options));
  const { isPromiseFunctionName, isAllowedName, memberLastNames } = getOptionTables(options);
  const isCallOfAwaitedMethod = createAwaitedMethodTest(sourceCode);
  return {
    getKnownPromiseCall(node) {
      if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
      const found = mayBeTrackedCall(node, memberLastNames) ? getTracked().known.get(node) : undefined;
      if (found) return found;
      return isPromiseFunctionName(node.callee) || isCallOfAwaitedMethod(node) ? { cannotReject: false } : undefined;
    },
    isAllowedCall(node) {
      if (node.type === AST_NODE_TYPES.NewExpression) return isAllowedName(node.callee);
      if (node.type !== AST_NODE_TYPES.CallExpression) return false;
      if (mayBeTrackedCall(node, memberLastNames) && getTracked().allowed.has(node)) return true;
      return isAllowedName(node.callee);
    },
  };
}
