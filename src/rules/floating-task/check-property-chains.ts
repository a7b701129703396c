import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { hasUnicodeEscape } from '../../ast/name-mentions.js';
import { findTokenIndexAt, getTokenName } from '../../ast/tokens.js';
import { skipValueWrappers } from '../../ast/unwrap.js';
import { getPromiseMethodCall } from '../../promises/promise-handling.js';
import { isReported } from './policy.js';
import type { FloatingTaskShared } from './shared-context.js';

interface PropertyChain {
  write: TSESTree.AssignmentExpression;
  target: TSESTree.MemberExpression;
  name: string;
}

/** The name of a non-computed property (`a.fork`, `this.#fork`), or null. */
function getPropertyName(member: TSESTree.MemberExpression): string | null {
  if (member.computed) return null;
  return member.property.type === AST_NODE_TYPES.PrivateIdentifier ? `#${member.property.name}` : member.property.name;
}

/**
 * Whether at least `count` tokens of the file spell `name` (private names as `#name`): comments
 * and strings do not count, every other mention does (a read, a write, a destructuring key, a
 * variable of that name). The text is searched for the name and each hit checked against the
 * token it starts; a `\u` escape can spell the name without its letters, so then every token is read.
 */
function hasNameMentions(sourceCode: Readonly<TSESLint.SourceCode>, name: string, count: number): boolean {
  const { text, ast } = sourceCode;
  const tokens = ast.tokens;
  let found = 0;
  if (hasUnicodeEscape(sourceCode)) {
    for (const token of tokens) if (getTokenName(token) === name && ++found >= count) return true;
    return false;
  }
  for (let index = text.indexOf(name); index !== -1; index = text.indexOf(name, index + 1)) {
    const token = tokens[findTokenIndexAt(tokens, index)];
    if (token?.range[0] === index && getTokenName(token) === name && ++found >= count) return true;
  }
  return false;
}

/**
 * The fourth check of floating-task: a chain derived from a promise (`.then(cb)` / `.finally(cb)`
 * without a rejection handler) stored on an object's property that nothing in the file mentions
 * again (`entry.fork = entry.promise.then(cb)` and no other `fork`): its rejection, which the
 * source's rejection becomes, is lost. A property named anywhere else in the file (read, passed
 * on, destructured, or declared as a class field) is taken as observed; the check looks at the
 * file's tokens only for the names of such writes, at the end of the file.
 */
export function createPropertyChainsCheck(shared: FloatingTaskShared): TSESLint.RuleListener {
  const chains: PropertyChain[] = [];
  return {
    // A plain selector, merged with the stored-task check's into one listener (an attribute selector is matched per node).
    AssignmentExpression(node) {
      if (node.operator !== '=' || node.left.type !== AST_NODE_TYPES.MemberExpression) return;
      const target = node.left;
      const name = getPropertyName(target);
      const method = getPromiseMethodCall(skipValueWrappers(node.right));
      if (name && (method?.method === 'then' || method?.method === 'finally')) chains.push({ write: node, target, name });
    },
    'Program:exit'() {
      if (chains.length === 0) return;
      const sourceCode = shared.sourceCode;
      const mentionedElsewhere = new Map<string, boolean>();
      for (const chain of chains) {
        // The write itself mentions the name once.
        let elsewhere = mentionedElsewhere.get(chain.name);
        if (elsewhere === undefined) mentionedElsewhere.set(chain.name, (elsewhere = hasNameMentions(sourceCode, chain.name, 2)));
        if (elsewhere) continue;
        // Judged as a dropped promise: a chain that only resolves loses nothing but its completion.
        if (!isReported('dropped', shared.getDetector().getRejection(chain.write.right))) continue;
        shared.context.report({ node: chain.write, messageId: 'forgottenTask', data: { name: sourceCode.getText(chain.target) } });
      }
    },
  };
}
