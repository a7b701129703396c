import { createRequire } from 'node:module';
import type * as ts from 'typescript';

let typescript: typeof ts | undefined;

/**
 * The `typescript` module the user's parser loaded (a peer dependency), required on the first
 * type-aware question: a rule file that imports it at the top would fail to load without it.
 */
export function getTypeScript(): typeof ts {
  typescript ??= createRequire(import.meta.url)('typescript') as typeof ts;
  return typescript;
}
