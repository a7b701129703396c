// ESLint options module for the corpus scripts (validate, fuzz, bench, review).
//
// Load it with `ESLint.fromOptionsModule(getOptionsURL(spec))`: the spec travels in the URL's
// `?spec=` query, so `--concurrency` workers (which import the same URL) build the same options.
// A plugin object inside `overrideConfig` cannot be cloned to workers; a module URL can.
//
// spec: {
//   cwd: string                  absolute folder the corpus paths are relative to (bench/corpus or a mirror of it)
//   rules: Record<string, Linter.RuleEntry>   fully resolved rule entries ('event-loop/x', 'n/no-sync', ...)
//   typed?: boolean              TypeScript files get projectService type information
//   fix?: boolean, stats?: boolean, concurrency?: 'off' | 'auto' | number
//   pluginModules?: Record<prefix, path>   more plugins (default export), e.g. to check the
//                                          scripts themselves with a deliberately broken rule
// }
// Plugins are loaded from the rule ids' prefixes: `event-loop/` (this package's dist build),
// `n/` (eslint-plugin-n), `@typescript-eslint/` (typescript-eslint).

import path from 'node:path';
import { pathToFileURL } from 'node:url';
import tsParser from '@typescript-eslint/parser';
import { CORPUS_PACKAGES } from './corpus-manifest.js';

/** Imports a development tool of the root package, with the install command when it is missing. */
export async function importTool(name) {
  try {
    return await import(name);
  } catch (error) {
    if (error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
    throw new Error(`${name} is not installed: run \`npm install --save-dev --save-exact ${name}\` in the repository root.`);
  }
}

async function loadPlugins(rules, pluginModules = {}) {
  const prefixes = new Set(
    Object.keys(rules)
      .filter((id) => id.includes('/'))
      .map((id) => id.slice(0, id.lastIndexOf('/'))),
  );
  const plugins = {};
  for (const prefix of prefixes) {
    if (pluginModules[prefix]) plugins[prefix] = (await import(pathToFileURL(path.resolve(pluginModules[prefix])).href)).default;
    else if (prefix === 'event-loop') plugins[prefix] = (await import('eslint-plugin-event-loop')).default;
    else if (prefix === 'n') plugins[prefix] = (await importTool('eslint-plugin-n')).default;
    else if (prefix === '@typescript-eslint') plugins[prefix] = (await import('typescript-eslint')).default.plugin;
    else throw new Error(`bench/eslint-options.js: no plugin known for rule prefix "${prefix}"`);
  }
  return plugins;
}

/** Flat config for the corpus layout under `spec.cwd` (globs are relative to it). */
export async function buildConfig(spec) {
  const rules = spec.rules ?? {};
  const config = [
    // ESLint ignores node_modules by default; the corpus lives there.
    { name: 'corpus/unignore', ignores: ['!**/node_modules/'] },
    {
      name: 'corpus/base',
      files: ['**/*.{js,mjs,cjs,ts,mts,cts,tsx}'],
      plugins: await loadPlugins(rules, spec.pluginModules),
      languageOptions: { ecmaVersion: 'latest', sourceType: 'module' },
      linterOptions: { reportUnusedDisableDirectives: 'off' },
      rules,
    },
  ];
  // ESLint's own default (`.cjs` is CommonJS), which the object above overrode; `.cts` alike.
  config.push({ name: 'corpus/commonjs-extensions', files: ['**/*.{cjs,cts}'], languageOptions: { sourceType: 'commonjs' } });
  for (const pkg of CORPUS_PACKAGES) {
    if (pkg.sourceType !== 'module') {
      config.push({ name: `corpus/${pkg.name}`, files: [`${pkg.dir}/**/*.js`], languageOptions: { sourceType: pkg.sourceType } });
    }
  }
  config.push({
    name: 'corpus/typescript',
    files: ['**/*.{ts,mts,cts,tsx}'],
    languageOptions: {
      parser: tsParser,
      parserOptions: spec.typed ? { projectService: true, tsconfigRootDir: spec.cwd } : {},
    },
  });
  return config;
}

/** ESLint constructor options for a spec (what `fromOptionsModule` receives). */
export async function buildOptions(spec) {
  return {
    cwd: spec.cwd,
    overrideConfigFile: true,
    overrideConfig: await buildConfig(spec),
    // The corpus's own `eslint-disable` comments name rules that are not loaded here and would
    // hide reports of the rules under test (or of their peers): ignore inline config.
    allowInlineConfig: false,
    cache: false,
    fix: spec.fix ?? false,
    stats: spec.stats ?? false,
    concurrency: spec.concurrency ?? 'off',
    errorOnUnmatchedPattern: false,
  };
}

/** URL of this module carrying `spec`, for `ESLint.fromOptionsModule`. */
export function getOptionsURL(spec) {
  const url = new URL(import.meta.url);
  url.searchParams.set('spec', JSON.stringify({ ...spec, cwd: path.resolve(spec.cwd) }));
  return url;
}

const specParam = new URL(import.meta.url).searchParams.get('spec');
export default specParam ? await buildOptions(JSON.parse(specParam)) : undefined;
