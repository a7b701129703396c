import { AST_NODE_TYPES, AST_TOKEN_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
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
 * How many tokens of the file spell each of `names` (private names as `#name`): comments and
 * strings do not count, every other mention does (a read, a write, a destructuring key, a
 * variable of that name). One pass over the tokens, whatever the number of names.
 */
function countPropertyMentions(sourceCode: Readonly<TSESLint.SourceCode>, names: ReadonlySet<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const token of sourceCode.ast.tokens) {
    const isName = token.type === AST_TOKEN_TYPES.Identifier || token.type === AST_TOKEN_TYPES.PrivateIdentifier || token.type === AST_TOKEN_TYPES.Keyword;
    if (!isName) continue;
    const text = token.type === AST_TOKEN_TYPES.PrivateIdentifier && !token.value.startsWith('#') ? `#${token.value}` : token.value;
    if (names.has(text)) counts.set(text, (counts.get(text) ?? 0) + 1);
  }
  return counts;
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
    'AssignmentExpression[operator="="][left.type="MemberExpression"]'(node: TSESTree.AssignmentExpression) {
      const target = node.left as TSESTree.MemberExpression;
      const name = getPropertyName(target);
      const method = getPromiseMethodCall(skipValueWrappers(node.right));
      if (name && (method?.method === 'then' || method?.method === 'finally')) chains.push({ write: node, target, name });
    },
    'Program:exit'() {
      if (chains.length === 0) return;
      const sourceCode = shared.sourceCode;
      const mentions = countPropertyMentions(sourceCode, new Set(chains.map((chain) => chain.name)));
      for (const chain of chains) {
        // The write itself mentions the name once.
        if ((mentions.get(chain.name) ?? 0) > 1) continue;
        // Judged as a dropped promise: a chain that only resolves loses nothing but its completion.
        if (!isReported('dropped', shared.getDetector().getRejection(chain.write.right))) continue;
        shared.context.report({ node: chain.write, messageId: 'forgottenTask', data: { name: sourceCode.getText(chain.target) } });
      }
    },
  };
}
