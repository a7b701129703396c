import { type TSESLint, type TSESTree } from '@typescript-eslint/utils';

export function forEachChild(
  node: TSESTree.Node,
  visitorKeys: TSESLint.SourceCode.VisitorKeys,
  callback: (child: TSESTree.Node) => void,
): void {
  for (const key of visitorKeys[node.type] ?? []) {
    const value = (node as unknown as Record<string, unknown>)[key];
    if (Array.isArray(value)) {
      for (const item of value) {
        if (item && typeof item === 'object' && 'type' in item) callback(item as TSESTree.Node);
      }
    } else if (value && typeof value === 'object' && 'type' in value) {
      callback(value as TSESTree.Node);
    }
  }
}
