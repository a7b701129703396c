import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { isFunctionNode } from '../ast/function-node.js';
import { skipTypeWrappers } from '../ast/unwrap.js';
import { skipValueWrappers } from '../ast/unwrap.js';
import { getCalleeName } from '../ast/callee-name.js';
import { getMemberKeyName } from '../ast/names.js';

const MAX_DESCRIPTION_LENGTH = 40;

/** `load().then`, `new Repo().save`, `this.db.query`: how a reader names a callee, or null. */
function getCalleeText(node: TSESTree.Node): string | null {
  const value = skipValueWrappers(node);
  switch (value.type) {
    case AST_NODE_TYPES.Identifier:
      return value.name;
    case AST_NODE_TYPES.ThisExpression:
      return 'this';
    case AST_NODE_TYPES.MemberExpression: {
      const object = getCalleeText(value.object);
      const property = getMemberKeyName(value);
      return object === null || property === null ? null : `${object}.${property}`;
    }
    case AST_NODE_TYPES.CallExpression: {
      const callee = getCalleeText(value.callee);
      return callee === null ? null : `${callee}()`;
    }
    case AST_NODE_TYPES.NewExpression: {
      const callee = getCalleeText(value.callee);
      return callee === null ? null : `new ${callee}()`;
    }
    default:
      return null;
  }
}

/** How the message names the promise's source: `` `save()` ``, `` `new Promise()` ``, `` `load().then()` ``. */
export function describePromise(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): string {
  const value = skipValueWrappers(node);
  if (isAsyncIife(value)) return 'this async IIFE';
  const text = getCalleeText(value);
  if (text !== null && text.length <= MAX_DESCRIPTION_LENGTH) return `\`${text}\``;
  if (value.type === AST_NODE_TYPES.CallExpression || value.type === AST_NODE_TYPES.NewExpression) {
    const name = getCalleeName(skipTypeWrappers(value.callee));
    if (name !== null) return `\`${value.type === AST_NODE_TYPES.NewExpression ? 'new ' : ''}${name}()\``;
  }
  const source = sourceCode.getText(value).replace(/\s+/gu, ' ');
  return `\`${source.length > MAX_DESCRIPTION_LENGTH ? `${source.slice(0, MAX_DESCRIPTION_LENGTH - 1)}…` : source}\``;
}

export function isAsyncIife(node: TSESTree.Node): boolean {
  const value = skipValueWrappers(node);
  if (value.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = skipTypeWrappers(value.callee);
  return isFunctionNode(callee) && callee.async;
}

