import { ESLintUtils, type ParserServicesWithTypeInformation, type TSESLint } from '@typescript-eslint/utils';

/** How a rule uses type information: when the file has it, never, or always (required). */
export type TypeInformationMode = 'auto' | 'syntactic' | 'type-aware';

/**
 * The parser services with a TypeScript program for this file, or null when it has none (plain
 * espree, typescript-eslint without `projectService`) or the mode says `syntactic`. In `type-aware`
 * mode a file without type information throws typescript-eslint's own explanation of how to
 * enable it. The one place rules reach for `parserServices`.
 */
export function getTypeServices(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
  mode: TypeInformationMode = 'auto',
): ParserServicesWithTypeInformation | null {
  if (mode === 'syntactic') return null;
  if (mode === 'type-aware') return ESLintUtils.getParserServices(context);
  const services = context.sourceCode.parserServices;
  if (!services?.program || !services.esTreeNodeToTSNodeMap || !services.tsNodeToESTreeNodeMap) return null;
  return ESLintUtils.getParserServices(context);
}
