import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { withSourceCode, type LintCodeOptions, type ParserName } from './lint-code.js';

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

/** Runs `inspect` on the call `mark()` in `code` (the node whose position a test asks about). */
export function atMark<T>(
  code: string,
  inspect: (node: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>) => T,
  options: LintCodeOptions = {},
): T {
  return withSourceCode(
    code,
    ({ sourceCode }) => {
      const index = sourceCode.text.indexOf('mark()');
      const node = sourceCode.getNodeByRangeIndex(index);
      if (!node || node.type !== AST_NODE_TYPES.Identifier || !node.parent) throw new Error('no mark() in code');
      return inspect(node.parent, sourceCode);
    },
    options,
  );
}

/** Runs `inspect` on the call whose callee text is `calleeText`. */
export function onCall<T>(
  code: string,
  calleeText: string,
  inspect: (call: TSESTree.CallExpression, sourceCode: Readonly<TSESLint.SourceCode>) => T,
  parser: ParserName = 'espree',
): T {
  return withSourceCode(
    code,
    ({ sourceCode }) => {
      const call = allNodes(sourceCode).find(
        (node): node is TSESTree.CallExpression => node.type === AST_NODE_TYPES.CallExpression && sourceCode.getText(node.callee) === calleeText,
      );
      if (!call) throw new Error(`no call of ${calleeText}`);
      return inspect(call, sourceCode);
    },
    { parser },
  );
}
