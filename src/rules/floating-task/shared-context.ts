import type { ParserServicesWithTypeInformation, TSESLint, TSESTree } from '@typescript-eslint/utils';
import { createLocalAsyncCalleeTest } from '../../promises/async-function-names.js';
import { createPromiseDetector, type PromiseDetector } from '../../promises/promise-detection.js';
import { findPromiseSources } from '../../promises/promise-sources.js';
import type { MessageIds, Options } from './types.js';

/** What floating-task's three checks share for one file: the context, the options, type services and one promise detector. */
export interface FloatingTaskShared {
  context: Readonly<TSESLint.RuleContext<MessageIds, Options>>;
  sourceCode: Readonly<TSESLint.SourceCode>;
  options: Options[0];
  /** The parser services with a TypeScript program, or null when the file has none or the mode is `syntactic`. */
  services: ParserServicesWithTypeInformation | null;
  /** The file's promise detector, built on first use (a file none of the checks asks about never builds one). */
  getDetector(): PromiseDetector;
  /** Whether a callee may name an async function of this file (`createLocalAsyncCalleeTest`). */
  mayCallLocalAsyncFunction(callee: TSESTree.Node): boolean;
}

export function createFloatingTaskShared(
  context: Readonly<TSESLint.RuleContext<MessageIds, Options>>,
  options: Options[0],
  services: ParserServicesWithTypeInformation | null,
): FloatingTaskShared {
  const sourceCode = context.sourceCode;
  let detector: PromiseDetector | null = null;
  return {
    context,
    sourceCode,
    options,
    services,
    mayCallLocalAsyncFunction: createLocalAsyncCalleeTest(sourceCode),
    getDetector() {
      detector ??= createPromiseDetector(
        sourceCode,
        findPromiseSources(sourceCode, {
          promiseFunctions: options.promiseFunctions ?? [],
          allowFunctions: options.allowFunctions ?? [],
        }),
        services,
      );
      return detector;
    },
  };
}
