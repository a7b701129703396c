import { ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { getAsiGuard } from './asi.js';
import { needsParenthesesForAwait } from './precedence.js';

/**
 * The text that replaces `node` with `await <replacement>` (default: `node`'s own text), adding
 * parentheses only where the surrounding expression needs them:
 * `fs.readFileSync(p).toString()` → `(await readFile(p)).toString()`, `JSON.parse(await readFile(p))`.
 */
export function addAwait(
  sourceCode: Readonly<TSESLint.SourceCode>,
  node: TSESTree.Node,
  replacement: string = sourceCode.getText(node),
): string {
  const awaited = `await ${replacement}`;
  if (ASTUtils.isParenthesized(node, sourceCode) || !needsParenthesesForAwait(node)) return awaited;
  return `${getAsiGuard(sourceCode, node)}(${awaited})`;
}

