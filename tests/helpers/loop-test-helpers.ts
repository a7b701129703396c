import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { withSourceCode, type LintCodeOptions } from './lint-code.js';

/** Every node of the program, in source order (parents before children). */
export function allNodes(sourceCode: Readonly<TSESLint.SourceCode>): TSESTree.Node[] {
  const nodes: TSESTree.Node[] = [];
  const visit = (node: TSESTree.Node): void => {
    nodes.push(node);
    for (const key of sourceCode.visitorKeys[node.type] ?? []) {
      const value = (node as unknown as Record<string, unknown>)[key];
      const children = Array.isArray(value) ? value : [value];
      for (const child of children) {
        if (child && typeof child === 'object' && 'type' in child) visit(child as TSESTree.Node);
      }
    }
  };
  visit(sourceCode.ast);
  return nodes;
}

/** Runs `inspect` on the first node of `type` in `code` (the first loop, the first await, ...). */
export function withFirst<T>(
  code: string,
  type: `${AST_NODE_TYPES}`,
  inspect: (node: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>) => T,
  options: LintCodeOptions = {},
): T {
  return withSourceCode(
    code,
    ({ sourceCode }) => {
      const node = allNodes(sourceCode).find((candidate) => String(candidate.type) === type);
      if (!node) throw new Error(`no ${type} in ${code}`);
      return inspect(node, sourceCode);
    },
    options,
  );
}

/** The first for-of, for-in or for loop of `code`. */
export function withFirstLoop<T>(
  code: string,
  inspect: (node: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>) => T,
  options: LintCodeOptions = {},
): T {
  return withSourceCode(
    code,
    ({ sourceCode }) => {
      const node = allNodes(sourceCode).find((candidate) => [AST_NODE_TYPES.ForOfStatement, AST_NODE_TYPES.ForInStatement, AST_NODE_TYPES.ForStatement].includes(candidate.type));
      if (!node) throw new Error(`no loop in ${code}`);
      return inspect(node, sourceCode);
    },
    options,
  );
}
