import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

/** Every node of the program, parents before children. */
export function allNodes(sourceCode: Readonly<TSESLint.SourceCode>): TSESTree.Node[] {
  const nodes: TSESTree.Node[] = [];
  const stack: TSESTree.Node[] = [sourceCode.ast];
  while (stack.length > 0) {
    const node = stack.pop() as TSESTree.Node;
    nodes.push(node);
    for (const key of sourceCode.visitorKeys[node.type] ?? []) {
      const value = (node as unknown as Record<string, unknown>)[key];
      const children: unknown[] = Array.isArray(value) ? [...(value as unknown[])] : [value];
      for (const child of children.reverse()) {
        if (child && typeof child === 'object' && 'type' in child) stack.push(child as TSESTree.Node);
      }
    }
  }
  return nodes.sort((a, b) => a.range[0] - b.range[0] || b.range[1] - a.range[1]);
}

/** The node type whose `type` is the string `K` (`'CallExpression'`). */
export type NodeOfType<K extends string> = TSESTree.Node extends infer N
  ? N extends { type: infer T }
    ? `${T & string}` extends K
      ? N
      : never
    : never
  : never;

/** The first node (in source order, outermost first) of `type` whose text is `text`. */
export function nodeByText<K extends `${TSESTree.Node['type']}`>(
  sourceCode: Readonly<TSESLint.SourceCode>,
  type: K,
  text: string,
  occurrence = 0,
): NodeOfType<K> {
  const found = allNodes(sourceCode).filter((node) => node.type === type && sourceCode.getText(node) === text);
  const node = found[occurrence];
  if (!node) throw new Error(`no ${type} with text ${text}`);
  return node as NodeOfType<K>;
}
