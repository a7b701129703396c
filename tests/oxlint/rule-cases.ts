// Turns RuleTester cases (collected from tests/rules/*.test.ts) and our own cases into files that
// oxlint and ESLint lint the same way.
import * as tsParser from '@typescript-eslint/parser';
import type { InvalidTestCase, RuleTesterConfig, ValidTestCase } from '@typescript-eslint/rule-tester';
import { getDefaultParseSettings, getOxlintExtension, type ParseSettings } from './oxlint-harness.js';
import type { OwnCase } from './own-cases.js';

/** One `RuleTester#run` call seen while a rule's test file was imported. */
export interface CollectedRun {
  /** The rule the test file is named after. */
  rule: string;
  /** The `name` argument of `run` (says which tester: espree, TypeScript syntax, typed, ...). */
  title: string;
  testerConfig: RuleTesterConfig;
  valid: readonly (ValidTestCase<readonly unknown[]> | string)[];
  invalid: readonly InvalidTestCase<string, readonly unknown[]>[];
}

/** A file to lint with one rule and one set of options. */
export interface CaseFile {
  rule: string;
  /** Where the case comes from, for failure messages (`tests/rules/x.test.ts invalid #3 (espree)`). */
  origin: string;
  code: string;
  options: readonly unknown[];
  settings: ParseSettings;
  /** ESLint had type information for this case; both linters run it without (the syntactic mode). */
  typed: boolean;
  /** File name for oxlint and ESLint: `case-<n><extension>`. */
  file: string;
  /** Own cases only: ESLint must report nothing (else at least one problem). */
  clean?: boolean;
  /** Own cases only: a documented oxlint difference (see `OwnCase`). */
  knownDifference?: string;
}

interface LanguageOptionsLike {
  parser?: unknown;
  sourceType?: unknown;
  parserOptions?: { ecmaFeatures?: { jsx?: unknown }; project?: unknown; projectService?: unknown };
}

function getParserName(parser: unknown): 'espree' | 'typescript' | undefined {
  if (parser === undefined || parser === null) return undefined;
  // `meta.name` (ESLint's parser convention) or espree's own `name` export.
  const { meta, name: exportedName } = parser as { meta?: { name?: unknown }; name?: unknown };
  const rawName = meta?.name ?? exportedName;
  const name = typeof rawName === 'string' ? rawName : '';
  if (name === 'espree') return 'espree';
  if (name.includes('typescript')) return 'typescript';
  // An unknown custom parser: no comparison is possible.
  return undefined;
}

function isCustomParser(options: LanguageOptionsLike | undefined): boolean {
  return options?.parser !== undefined && options.parser !== null && getParserName(options.parser) === undefined;
}

/** Parser settings of a case: its own `languageOptions` over the tester's; `@typescript-eslint/parser` by default. */
export function getCaseSettings(
  testerConfig: RuleTesterConfig,
  testCase: { languageOptions?: unknown; filename?: string },
): { settings: ParseSettings; typed: boolean } | null {
  const tester = (testerConfig as { languageOptions?: LanguageOptionsLike }).languageOptions;
  const own = testCase.languageOptions as LanguageOptionsLike | undefined;
  if (isCustomParser(tester) || isCustomParser(own)) return null;
  const parser = getParserName(own?.parser) ?? getParserName(tester?.parser) ?? 'typescript';
  const sourceType = own?.sourceType ?? tester?.sourceType ?? 'module';
  if (sourceType !== 'module' && sourceType !== 'commonjs' && sourceType !== 'script') return null;
  const filename = testCase.filename ?? '';
  const jsx =
    Boolean(own?.parserOptions?.ecmaFeatures?.jsx ?? tester?.parserOptions?.ecmaFeatures?.jsx) ||
    (parser === 'typescript' && /\.tsx$/.test(filename)) ||
    (parser === 'espree' && /\.jsx$/.test(filename));
  const parserOptions = { ...tester?.parserOptions, ...own?.parserOptions };
  const typed = Boolean(parserOptions.project ?? parserOptions.projectService);
  return { settings: { parser, sourceType, jsx: parser === 'typescript' ? jsx : true }, typed };
}

const MODULE_DECLARATIONS = new Set(['ImportDeclaration', 'ExportAllDeclaration', 'ExportDefaultDeclaration', 'ExportNamedDeclaration']);

/**
 * Whether a TypeScript module case needs the `.ts` extension rather than `.mts`: it has a top-level
 * `import`/`export` (so oxlint parses a `.ts` file as a module too), or it uses `<T>x` assertions,
 * which `.mts` files forbid (then oxlint parses it as a script when it has no import/export).
 */
function needsTsExtension(code: string, settings: ParseSettings): boolean {
  if (settings.parser !== 'typescript' || settings.sourceType !== 'module' || settings.jsx) return false;
  try {
    const ast = tsParser.parse(code, { sourceType: 'module', jsx: false, range: true });
    return ast.body.some((statement) => MODULE_DECLARATIONS.has(statement.type)) || hasTypeAssertion(ast);
  } catch {
    return false;
  }
}

function hasTypeAssertion(node: unknown): boolean {
  if (!node || typeof node !== 'object') return false;
  if ((node as { type?: unknown }).type === 'TSTypeAssertion') return true;
  return Object.entries(node).some(([key, value]) =>
    key !== 'parent' && (Array.isArray(value) ? value.some(hasTypeAssertion) : typeof value === 'object' && hasTypeAssertion(value)),
  );
}

/**
 * Every valid and invalid case of the collected runs as a case file, once per distinct
 * (rule, code, options, parse settings): `runWithBothParsers` gives most cases twice.
 */
export function getCaseFiles(runs: readonly CollectedRun[], startIndex = 0): { files: CaseFile[]; skipped: string[] } {
  const files: CaseFile[] = [];
  const skipped: string[] = [];
  const seen = new Set<string>();
  for (const run of runs) {
    const cases: (readonly [kind: 'valid' | 'invalid', index: number, testCase: ValidTestCase<readonly unknown[]>])[] = [
      ...run.valid.map((testCase, index) => ['valid', index, typeof testCase === 'string' ? { code: testCase } : testCase] as const),
      ...run.invalid.map((testCase, index) => ['invalid', index, testCase] as const),
    ];
    for (const [kind, index, testCase] of cases) {
      const origin = `tests/rules/${run.rule}.test.ts ${run.title} ${kind} #${index}`;
      if (testCase.skip === true) continue;
      if (testCase.settings !== undefined && Object.keys(testCase.settings).length > 0) {
        skipped.push(`${origin}: shared settings`);
        continue;
      }
      const parsed = getCaseSettings(run.testerConfig, testCase);
      if (!parsed) {
        skipped.push(`${origin}: custom parser or sourceType`);
        continue;
      }
      const options = testCase.options ?? [];
      const key = JSON.stringify([run.rule, testCase.code, options, parsed.settings]);
      if (seen.has(key)) continue;
      seen.add(key);
      const extension = getOxlintExtension(parsed.settings, needsTsExtension(testCase.code, parsed.settings));
      const file = `case-${String(startIndex + files.length).padStart(4, '0')}${extension}`;
      files.push({ rule: run.rule, origin, code: testCase.code, options, settings: parsed.settings, typed: parsed.typed, file });
    }
  }
  return { files, skipped };
}

/** Our own cases (tests/oxlint/own-cases.ts) as case files, numbered from `startIndex`. */
export function getOwnCaseFiles(cases: Record<string, readonly OwnCase[]>, startIndex: number): CaseFile[] {
  return Object.entries(cases).flatMap(([rule, ruleCases]) =>
    ruleCases.map((ownCase, index) => ({
      rule,
      origin: `tests/oxlint/own-cases.ts ${rule} #${index}`,
      code: ownCase.code,
      options: ownCase.options ?? [],
      settings: getDefaultParseSettings(`x${ownCase.extension}`),
      typed: false,
      file: '',
      clean: ownCase.clean === true,
      ...(ownCase.knownDifference ? { knownDifference: ownCase.knownDifference } : {}),
      extension: ownCase.extension,
    })),
  ).map(({ extension, ...caseFile }, index) => ({ ...caseFile, file: `case-${String(startIndex + index).padStart(4, '0')}${extension}` }));
}
