import { builtinModules } from 'node:module';

const BUILTIN_MODULES = new Set(builtinModules);

/** Whether `module` (with or without `node:`) names a Node built-in, reachable as `node:<name>` too. */
export function isBuiltinModule(module: string): boolean {
  return module.startsWith('node:') || BUILTIN_MODULES.has(module);
}

/** `fs` for `node:fs`; other specifiers unchanged. */
export function stripNodePrefix(specifier: string): string {
  return specifier.startsWith('node:') ? specifier.slice('node:'.length) : specifier;
}
