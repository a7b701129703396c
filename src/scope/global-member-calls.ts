import { CALL, ReferenceTracker, type TraceMap as EslintUtilsTraceMap } from '@eslint-community/eslint-utils';
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { findGlobalReferences } from './globals.js';

/** Global name to member path (`now`, `wait`) to the caller's data about that member. */
export type GlobalMemberMap<T> = Record<string, Record<string, T>>;

export interface GlobalMemberCall<T> {
  node: TSESTree.CallExpression;
  /** `Date.now`, `Atomics.wait`. */
  path: string;
  info: T;
}

const GLOBAL_OBJECT_NAMES = ['globalThis', 'global', 'self', 'window'];

type TraceMap = Record<string | symbol, unknown>;
type EstreeScope = ConstructorParameters<typeof ReferenceTracker>[0];

/**
 * Calls of members of unshadowed globals (`Date.now()`, `Atomics.wait(...)`), also reached through
 * `globalThis.Atomics.wait`, aliases (`const { now } = Date`) and destructuring, resolved through
 * the scope manager. Sorted by position.
 */
export function findGlobalMemberCalls<T>(
  sourceCode: Readonly<TSESLint.SourceCode>,
  members: GlobalMemberMap<T>,
): GlobalMemberCall<T>[] {
  const globalScope = sourceCode.scopeManager?.globalScope;
  if (!globalScope) return [];
  const traceMap: TraceMap = {};
  for (const [name, memberInfos] of Object.entries(members)) {
    const root: TraceMap = {};
    for (const [member, info] of Object.entries(memberInfos)) {
      let node = root;
      for (const key of member.split('.')) {
        node[key] ??= {};
        node = node[key] as TraceMap;
      }
      node[CALL] = { path: `${name}.${member}`, info };
    }
    traceMap[name] = root;
  }

  const tracker = new ReferenceTracker(globalScope as unknown as EstreeScope);
  const results: GlobalMemberCall<T>[] = [];
  const seen = new Set<unknown>();
  const collectFrom = (identifier: TSESTree.Identifier, map: TraceMap): void => {
    for (const found of tracker.iteratePropertyReferences(identifier, map as EslintUtilsTraceMap<unknown>)) {
      if (seen.has(found.node)) continue;
      seen.add(found.node);
      const node = found.node as unknown as TSESTree.Node;
      if (node.type !== AST_NODE_TYPES.CallExpression) continue;
      const { path, info } = found.info as { path: string; info: T };
      results.push({ node, path, info });
    }
  };
  for (const [name, map] of Object.entries(traceMap)) {
    for (const identifier of findGlobalReferences(globalScope, name)) collectFrom(identifier, map as TraceMap);
  }
  for (const name of GLOBAL_OBJECT_NAMES) {
    for (const identifier of findGlobalReferences(globalScope, name)) collectFrom(identifier, traceMap);
  }
  return results.sort((a, b) => a.node.range[0] - b.node.range[0]);
}
