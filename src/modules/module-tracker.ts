import { getStaticStringOf } from '../ast/static-string.js';
import { CALL, CONSTRUCT, ESM, READ, ReferenceTracker, type TraceMap as EslintUtilsTraceMap } from '@eslint-community/eslint-utils';
import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { stripNodePrefix } from './builtin-modules.js';
import { findGlobalReferences } from '../scope/globals.js';
import { memoizeByKey } from '../ast/memoize.js';

/**
 * What to track: module name (without `node:`) to member path (`readFileSync`, `realpathSync.native`,
 * `promises.readFile`, or `default` for the module value itself) to the caller's data about that member.
 */
export type ModuleMemberMap<T> = Record<string, Record<string, T>>;

export type ModuleReferenceType = 'call' | 'construct' | 'read';

export interface ModuleMemberReference<T> {
  /** The call or `new` expression, or for reads the member expression, identifier or import specifier. */
  node: TSESTree.Node;
  type: ModuleReferenceType;
  /** Module name as given in the map (without `node:`). */
  module: string;
  /** Member path as given in the map (`realpathSync.native`). */
  member: string;
  info: T;
}

export interface TrackOptions {
  /** Node built-in modules are also reachable as `node:<name>` and through `process.getBuiltinModule`. */
  builtin?: boolean;
  types?: readonly ModuleReferenceType[];
}

interface TraceInfo<T> {
  module: string;
  member: string;
  info: T;
}

// Trace maps are built dynamically, so they are typed loosely and handed to the tracker as its own type.
type TraceMap = Record<string | symbol, unknown>;

interface FoundReference {
  node: unknown;
  info: unknown;
}

/** eslint-utils is typed against ESTree; typescript-eslint nodes and scopes are supersets of those. */
type EstreeScope = ConstructorParameters<typeof ReferenceTracker>[0];
type EstreeExpression = Parameters<ReferenceTracker['iteratePropertyReferences']>[0];

/**
 * Finds every reference to the tracked module members, whatever the import spelling: default,
 * namespace, named and renamed imports, `node:` prefixes, `require()` (plain, destructured, or
 * called inline), TypeScript `import x = require()`, `process.getBuiltinModule()`, and aliases
 * (`const r = fs.readFileSync`). Local variables that shadow a module binding do not match,
 * because every step resolves through the scope manager.
 */
export function findModuleMemberReferences<T>(
  sourceCode: Readonly<TSESLint.SourceCode>,
  members: ModuleMemberMap<T>,
  options: TrackOptions = {},
): ModuleMemberReference<T>[] {
  const globalScope = sourceCode.scopeManager?.globalScope;
  if (!globalScope) return [];
  const bindings = getModuleBindings(sourceCode);
  const imported = getImportedModules(members, bindings.specifiers, options.builtin === true);
  if (imported === null) return [];
  const types = new Set<ModuleReferenceType>(options.types ?? ['call', 'construct']);
  const moduleTraceMaps = buildModuleTraceMaps(imported, types, options.builtin === true);
  const tracker = new ReferenceTracker(globalScope as unknown as EstreeScope, { mode: 'legacy' });
  const fromNode = (node: TSESTree.Node, traceMap: TraceMap): Iterable<FoundReference> =>
    tracker.iteratePropertyReferences(node as unknown as EstreeExpression, traceMap as EslintUtilsTraceMap<unknown>);
  const results: ModuleMemberReference<T>[] = [];
  const seen = new Set<TSESTree.Node>();
  const collect = (found: Iterable<FoundReference>): void => {
    for (const { node: foundNode, info } of found) {
      const node = foundNode as TSESTree.Node;
      if (seen.has(node)) continue;
      seen.add(node);
      const trace = info as TraceInfo<T>;
      results.push({ node, type: referenceType(node), module: trace.module, member: trace.member, info: trace.info });
    }
  };

  const esmTraceMap: TraceMap = {};
  for (const [specifier, traceMap] of moduleTraceMaps) esmTraceMap[specifier] = getEsmTraceMap(traceMap);
  collect(tracker.iterateEsmReferences(esmTraceMap as EslintUtilsTraceMap<unknown>));

  for (const call of bindings.requireCalls) {
    const traceMap = moduleTraceMaps.get(getStaticStringOf(call.arguments[0]) ?? '');
    if (traceMap) collect(fromNode(call, traceMap));
  }
  if (options.builtin) {
    for (const call of bindings.builtinModuleCalls) {
      const traceMap = moduleTraceMaps.get(getStaticStringOf(call.arguments[0]) ?? '');
      if (traceMap) collect(fromNode(call, traceMap));
    }
  }
  for (const { identifiers, specifier } of bindings.importEquals) {
    const traceMap = moduleTraceMaps.get(specifier);
    if (!traceMap) continue;
    for (const identifier of identifiers) collect(fromNode(identifier, traceMap));
  }
  return results.sort((a, b) => a.node.range[0] - b.node.range[0]);
}

/** An ES module's trace map: its members, and the same under `default` (a CommonJS module imported by default), built once per map. */
const getEsmTraceMap = memoizeByKey((traceMap: TraceMap): TraceMap => ({ [ESM]: true, default: traceMap, ...traceMap }));

/**
 * Every module specifier the file imports, re-exports, `require`s, `getBuiltinModule`s or
 * `import x = require()`s (as written: `node:fs` and `fs` differ).
 */
export function getModuleSpecifiers(sourceCode: Readonly<TSESLint.SourceCode>): ReadonlySet<string> {
  return getModuleBindings(sourceCode).specifiers;
}

/** Where a file binds modules: what the tracker starts from, whatever members a caller tracks. */
interface ModuleBindings {
  /** Every specifier the file imports, re-exports, `require`s, `getBuiltinModule`s or `import x = require()`s. */
  specifiers: ReadonlySet<string>;
  requireCalls: readonly TSESTree.CallExpression[];
  builtinModuleCalls: readonly TSESTree.CallExpression[];
  importEquals: readonly { specifier: string; identifiers: TSESTree.Identifier[] }[];
}

/**
 * Found once per file and shared by every rule and every member map (the four rules ask for
 * several maps each): keyed by the `SourceCode`, which ESLint makes once per linted file, so it is
 * safe with `--concurrency` and in editors.
 */
const getModuleBindings = memoizeByKey((sourceCode: Readonly<TSESLint.SourceCode>): ModuleBindings => {
  const specifiers = new Set<string>();
  for (const statement of sourceCode.ast.body) {
    if ('source' in statement && statement.source?.type === AST_NODE_TYPES.Literal && typeof statement.source.value === 'string') {
      specifiers.add(statement.source.value);
    }
  }
  const withSpecifier = (call: TSESTree.CallExpression): boolean => {
    const specifier = getStaticStringOf(call.arguments[0]);
    if (specifier !== null) specifiers.add(specifier);
    return specifier !== null;
  };
  const globalScope = sourceCode.scopeManager?.globalScope;
  const bindings: ModuleBindings = {
    specifiers,
    requireCalls: globalScope ? findGlobalCalls(globalScope, 'require').filter(withSpecifier) : [],
    builtinModuleCalls: globalScope ? findGlobalMethodCalls(globalScope, 'process', 'getBuiltinModule').filter(withSpecifier) : [],
    importEquals: findImportEqualsRequires(sourceCode),
  };
  for (const { specifier } of bindings.importEquals) specifiers.add(specifier);
  return bindings;
});

/**
 * The tracked modules the file binds (`fs` also as `node:fs` for built-ins), or null when it binds
 * none: most files bind none of a rule's modules, and then no trace map is built.
 */
function getImportedModules<T>(members: ModuleMemberMap<T>, specifiers: ReadonlySet<string>, builtin: boolean): ModuleMemberMap<T> | null {
  let imported: ModuleMemberMap<T> | null = null;
  for (const [module, memberInfos] of Object.entries(members)) {
    const name = stripNodePrefix(module);
    if (specifiers.has(name) || (builtin && specifiers.has(`node:${name}`))) (imported ??= {})[module] = memberInfos;
  }
  return imported;
}

function referenceType(node: TSESTree.Node): ModuleReferenceType {
  if (node.type === AST_NODE_TYPES.CallExpression) return 'call';
  if (node.type === AST_NODE_TYPES.NewExpression) return 'construct';
  return 'read';
}

/** One trace map per module specifier (`fs` and `node:fs` share one). */
function buildModuleTraceMaps<T>(
  members: ModuleMemberMap<T>,
  types: ReadonlySet<ModuleReferenceType>,
  builtin: boolean,
): Map<string, TraceMap> {
  const maps = new Map<string, TraceMap>();
  for (const [module, memberInfos] of Object.entries(members)) {
    const root = getModuleTraceMap(module, memberInfos, types);
    const name = stripNodePrefix(module);
    maps.set(name, root);
    if (builtin) maps.set(`node:${name}`, root);
  }
  return maps;
}

/**
 * A module's trace map, built once per member table and reference types: callers keep their
 * tables for the whole run (one per rule and options), and the tracker only reads the maps.
 */
const traceMapsByMembers = new WeakMap<object, Map<string, TraceMap>>();

function getModuleTraceMap<T>(module: string, memberInfos: Record<string, T>, types: ReadonlySet<ModuleReferenceType>): TraceMap {
  let byKey = traceMapsByMembers.get(memberInfos);
  if (!byKey) traceMapsByMembers.set(memberInfos, (byKey = new Map<string, TraceMap>()));
  const key = `${module}\u0000${[...types].join(',')}`;
  const known = byKey.get(key);
  if (known) return known;
  const root: TraceMap = {};
  for (const [member, info] of Object.entries(memberInfos)) {
    const trace: TraceInfo<T> = { module, member, info };
    let node: TraceMap = root;
    if (member !== 'default') {
      for (const part of member.split('.')) {
        node[part] ??= {};
        node = node[part] as TraceMap;
      }
    }
    if (types.has('call')) node[CALL] = trace;
    if (types.has('construct')) node[CONSTRUCT] = trace;
    if (types.has('read')) node[READ] = trace;
  }
  byKey.set(key, root);
  return root;
}

function findGlobalCalls(globalScope: TSESLint.Scope.Scope, name: string): TSESTree.CallExpression[] {
  return findGlobalReferences(globalScope, name).flatMap((identifier) => {
    const parent = identifier.parent;
    return parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === identifier ? [parent] : [];
  });
}

function findGlobalMethodCalls(
  globalScope: TSESLint.Scope.Scope,
  objectName: string,
  property: string,
): TSESTree.CallExpression[] {
  return findGlobalReferences(globalScope, objectName).flatMap((identifier) => {
    const member = identifier.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== identifier) return [];
    if (ASTUtils.getPropertyName(member) !== property) return [];
    const call = member.parent;
    return call?.type === AST_NODE_TYPES.CallExpression && call.callee === member ? [call] : [];
  });
}

/** `import fs = require('fs')`: the module specifier and the identifiers that read the binding. */
function findImportEqualsRequires(
  sourceCode: Readonly<TSESLint.SourceCode>,
): { specifier: string; identifiers: TSESTree.Identifier[] }[] {
  const found: { specifier: string; identifiers: TSESTree.Identifier[] }[] = [];
  for (const statement of sourceCode.ast.body) {
    const declaration =
      statement.type === AST_NODE_TYPES.ExportNamedDeclaration ? statement.declaration : statement;
    if (declaration?.type !== AST_NODE_TYPES.TSImportEqualsDeclaration) continue;
    if (declaration.importKind === 'type') continue;
    const reference = declaration.moduleReference;
    if (reference.type !== AST_NODE_TYPES.TSExternalModuleReference) continue;
    const specifier = getStaticStringOf(reference.expression);
    if (specifier === null) continue;
    const identifiers = sourceCode.scopeManager
      ?.getDeclaredVariables(declaration)
      .flatMap((variable) => variable.references.filter((ref) => ref.isRead()))
      .map((ref) => ref.identifier as TSESTree.Identifier);
    found.push({ specifier, identifiers: identifiers ?? [] });
  }
  return found;
}
