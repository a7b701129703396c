import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { withSourceCode, type LintCodeOptions } from './lint-code.js';
import { allNodes } from './node-by-text.js';

type Inspect<T> = (node: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>) => T;

/** Runs `inspect` on the first node of `code` (source order, outermost first) that `matches`; `what` names it in the error. */
function withFirstMatching<T>(code: string, matches: (node: TSESTree.Node) => boolean, what: string, inspect: Inspect<T>, options: LintCodeOptions): T {
  return withSourceCode(
    code,
    ({ sourceCode }) => {
      const node = allNodes(sourceCode).find(matches);
      if (!node) throw new Error(`no ${what} in ${code}`);
      return inspect(node, sourceCode);
    },
    options,
  );
}

/** Runs `inspect` on the first node of `type` in `code` (the first loop, the first await, ...). */
export function withFirst<T>(code: string, type: `${AST_NODE_TYPES}`, inspect: Inspect<T>, options: LintCodeOptions = {}): T {
  return withFirstMatching(code, (candidate) => String(candidate.type) === type, type, inspect, options);
}

const LOOP_TYPES: readonly AST_NODE_TYPES[] = [AST_NODE_TYPES.ForOfStatement, AST_NODE_TYPES.ForInStatement, AST_NODE_TYPES.ForStatement];

/** The first for-of, for-in or for loop of `code`. */
export function withFirstLoop<T>(code: string, inspect: Inspect<T>, options: LintCodeOptions = {}): T {
  return withFirstMatching(code, (candidate) => LOOP_TYPES.includes(candidate.type), 'loop', inspect, options);
}
