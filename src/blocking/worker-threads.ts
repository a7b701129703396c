import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { findModuleMemberReferences } from '../modules/module-tracker.js';

/** What only code running inside a worker (or deciding whether it is one) reads from `node:worker_threads`. */
const WORKER_SIDE_MEMBERS = { worker_threads: { isMainThread: true, parentPort: true, workerData: true } };

const WORKER_CONSTRUCTOR = { worker_threads: { Worker: true } };

/**
 * Whether the file is (or contains) worker code: it reads `isMainThread`, `parentPort` or
 * `workerData` from `node:worker_threads`, in any import spelling. That is where CPU work belongs.
 */
export function isWorkerFile(sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  if (!sourceCode.text.includes('worker_threads')) return false;
  return findModuleMemberReferences(sourceCode, WORKER_SIDE_MEMBERS, { builtin: true, types: ['read'] }).length > 0;
}

/** Every `new Worker(...)` whose `Worker` is the class from `node:worker_threads`, in source order. */
export function findWorkerConstructions(sourceCode: Readonly<TSESLint.SourceCode>): TSESTree.NewExpression[] {
  if (!sourceCode.text.includes('worker_threads')) return [];
  return findModuleMemberReferences(sourceCode, WORKER_CONSTRUCTOR, { builtin: true, types: ['construct'] }).flatMap(
    (reference) => (reference.node.type === AST_NODE_TYPES.NewExpression ? [reference.node] : []),
  );
}
