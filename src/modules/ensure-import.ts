import { builtinModules } from 'node:module';
import { AST_NODE_TYPES, AST_TOKEN_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { memoizeByKey } from '../ast/memoize.js';
import { getNamesInFile } from '../scope/file-names.js';
import { stripNodePrefix } from './builtin-modules.js';

export interface ImportRequest {
  /** Module specifier, without `node:` for built-ins (`fs/promises`, `p-map`). */
  module: string;
  /** Export name (`readFile`) or `default`. */
  name: string;
  /** The name to give a new default import's binding (defaults to `name` for named imports). */
  localName?: string;
}

export interface EnsuredImport {
  /** The expression that reaches the export in this file: `readFile`, `fsp.readFile`, `readFileAsync`. */
  reference: string;
  /** The edit that adds the import, or null when an existing binding is reused. */
  fix: TSESLint.RuleFix | null;
}

const BUILTIN_MODULES = new Set(builtinModules);

function isBuiltinSpecifier(specifier: string): boolean {
  return specifier.startsWith('node:') || BUILTIN_MODULES.has(specifier);
}

function matchesModule(specifier: unknown, module: string): boolean {
  if (typeof specifier !== 'string') return false;
  return specifier === module || (isBuiltinSpecifier(specifier) && stripNodePrefix(specifier) === module);
}

function isRequireCall(node: TSESTree.Node | null | undefined): node is TSESTree.CallExpression {
  return (
    node?.type === AST_NODE_TYPES.CallExpression &&
    node.callee.type === AST_NODE_TYPES.Identifier &&
    node.callee.name === 'require' &&
    node.arguments.length === 1 &&
    node.arguments[0]?.type === AST_NODE_TYPES.Literal &&
    typeof node.arguments[0].value === 'string'
  );
}

function requiredSpecifier(call: TSESTree.CallExpression): string {
  return (call.arguments[0] as TSESTree.StringLiteral).value;
}

// The top-level scans are memoized per program: a rule asks them once for each fix it builds, and a
// file with a thousand reports must not scan its top level a thousand times.
const valueImports = memoizeByKey((program: TSESTree.Program): readonly TSESTree.ImportDeclaration[] =>
  program.body.filter(
    (statement): statement is TSESTree.ImportDeclaration =>
      statement.type === AST_NODE_TYPES.ImportDeclaration && statement.importKind !== 'type',
  ),
);

interface RequireDeclarator {
  statement: TSESTree.VariableDeclaration;
  declarator: TSESTree.VariableDeclarator;
  call: TSESTree.CallExpression;
}

/** Top-level `const x = require('m')` / `const { a } = require('m')` declarators. */
const requireDeclarators = memoizeByKey((program: TSESTree.Program): readonly RequireDeclarator[] => {
  const found: RequireDeclarator[] = [];
  for (const statement of program.body) {
    if (statement.type !== AST_NODE_TYPES.VariableDeclaration) continue;
    for (const declarator of statement.declarations) {
      if (isRequireCall(declarator.init)) found.push({ statement, declarator, call: declarator.init });
    }
  }
  return found;
});

/**
 * An existing top-level binding that reaches `request` (named import, namespace or default import
 * of a built-in, CommonJS `require` with or without destructuring), as the expression to write.
 */
export function findImportedBinding(sourceCode: Readonly<TSESLint.SourceCode>, request: ImportRequest): string | null {
  const program = sourceCode.ast;
  const wantsDefault = request.name === 'default';
  for (const declaration of valueImports(program)) {
    if (!matchesModule(declaration.source.value, request.module)) continue;
    for (const specifier of declaration.specifiers) {
      if (specifier.type === AST_NODE_TYPES.ImportSpecifier) {
        if (specifier.importKind === 'type') continue;
        const imported = specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value;
        if (imported === request.name) return specifier.local.name;
      } else if (specifier.type === AST_NODE_TYPES.ImportDefaultSpecifier && wantsDefault) {
        return specifier.local.name;
      } else if (!wantsDefault && isBuiltinSpecifier(declaration.source.value)) {
        // A built-in's default export and namespace are both the module object.
        return `${specifier.local.name}.${request.name}`;
      }
    }
  }
  for (const { declarator, call } of requireDeclarators(program)) {
    if (!matchesModule(requiredSpecifier(call), request.module)) continue;
    const id = declarator.id;
    if (id.type === AST_NODE_TYPES.Identifier) return wantsDefault ? id.name : `${id.name}.${request.name}`;
    if (id.type !== AST_NODE_TYPES.ObjectPattern || wantsDefault) continue;
    for (const property of id.properties) {
      if (
        property.type === AST_NODE_TYPES.Property &&
        !property.computed &&
        property.key.type === AST_NODE_TYPES.Identifier &&
        property.key.name === request.name &&
        property.value.type === AST_NODE_TYPES.Identifier
      ) {
        return property.value.name;
      }
    }
  }
  return null;
}

/** Whether the file is written as CommonJS: not an ES module, or an ES-module parse with `require`s and no imports. */
export const usesCommonJs = memoizeByKey((sourceCode: Readonly<TSESLint.SourceCode>): boolean => {
  const program = sourceCode.ast;
  if (program.sourceType !== 'module') return true;
  const hasModuleSyntax = program.body.some(
    (statement) =>
      statement.type === AST_NODE_TYPES.ImportDeclaration ||
      statement.type === AST_NODE_TYPES.ExportAllDeclaration ||
      statement.type === AST_NODE_TYPES.ExportDefaultDeclaration ||
      statement.type === AST_NODE_TYPES.ExportNamedDeclaration,
  );
  return !hasModuleSyntax && requireDeclarators(program).length > 0;
});

/** `node:fs/promises` or `fs/promises`, following the file's own spelling of built-ins (`node:` when it has none). */
function moduleSpecifierFor(sourceCode: Readonly<TSESLint.SourceCode>, module: string): string {
  if (!BUILTIN_MODULES.has(module)) return module;
  const program = sourceCode.ast;
  const specifiers = [
    ...valueImports(program).map((declaration) => declaration.source.value),
    ...requireDeclarators(program).map(({ call }) => requiredSpecifier(call)),
  ];
  const builtins = specifiers.filter(isBuiltinSpecifier);
  const usesBarePrefix = builtins.length > 0 && builtins.every((specifier) => !specifier.startsWith('node:'));
  return usesBarePrefix ? module : `node:${module}`;
}

/** A name no scope of the file declares or reads as a global: `readFile`, else `readFileAsync`, `readFileAsync2`, ... */
export function getUnusedName(sourceCode: Readonly<TSESLint.SourceCode>, preferred: string): string {
  const taken = getNamesInFile(sourceCode);
  if (!taken.has(preferred)) return preferred;
  for (let index = 1; ; index++) {
    const candidate = `${preferred}Async${index === 1 ? '' : index}`;
    if (!taken.has(candidate)) return candidate;
  }
}

interface StatementStyle {
  quote: string;
  semicolon: string;
}

const SEMICOLON_TERMINATED = new Set<string>([
  AST_NODE_TYPES.ImportDeclaration,
  AST_NODE_TYPES.VariableDeclaration,
  AST_NODE_TYPES.ExpressionStatement,
  AST_NODE_TYPES.TSImportEqualsDeclaration,
]);

/** Quotes and semicolons as the file writes them: the statement the new one goes next to decides, else the whole file. */
function styleOf(sourceCode: Readonly<TSESLint.SourceCode>, statement: TSESTree.Node | undefined): StatementStyle {
  const tokens = sourceCode.ast.tokens ?? [];
  const stringToken = tokens.find((token) => token.type === AST_TOKEN_TYPES.String);
  const quote = stringToken?.value.startsWith('"') ? '"' : "'";
  if (statement && SEMICOLON_TERMINATED.has(statement.type)) {
    return { quote, semicolon: sourceCode.getLastToken(statement)?.value === ';' ? ';' : '' };
  }
  const fileUsesSemicolons = tokens.length === 0 || tokens.some((token) => token.value === ';');
  return { quote, semicolon: fileUsesSemicolons ? ';' : '' };
}

/** The last import-like statement (value or type import, `import x = require()`): new imports go after it. */
const lastImportStatement = memoizeByKey((program: TSESTree.Program): TSESTree.ProgramStatement | undefined =>
  program.body.findLast(
    (statement) =>
      statement.type === AST_NODE_TYPES.ImportDeclaration ||
      (statement.type === AST_NODE_TYPES.TSImportEqualsDeclaration &&
        statement.moduleReference.type === AST_NODE_TYPES.TSExternalModuleReference),
  ),
);

/** The first statement that is not a directive (`'use strict'`), before which new imports go when there are none. */
function firstNonDirective(program: TSESTree.Program): TSESTree.ProgramStatement | undefined {
  return program.body.find((statement) => !(statement.type === AST_NODE_TYPES.ExpressionStatement && typeof statement.directive === 'string'));
}

const lastDirective = memoizeByKey((program: TSESTree.Program): TSESTree.ProgramStatement | undefined =>
  program.body.findLast((statement) => statement.type === AST_NODE_TYPES.ExpressionStatement && typeof statement.directive === 'string'),
);

function insertStatement(
  fixer: TSESLint.RuleFixer,
  sourceCode: Readonly<TSESLint.SourceCode>,
  after: TSESTree.Node | undefined,
  text: string,
): TSESLint.RuleFix {
  if (after) return fixer.insertTextAfter(after, `\n${text}`);
  const program = sourceCode.ast;
  const directive = lastDirective(program);
  if (directive) return fixer.insertTextAfter(directive, `\n${text}`);
  const first = firstNonDirective(program);
  if (first) return fixer.insertTextBefore(first, `${text}\n`);
  return fixer.insertTextAfterRange([program.range[1], program.range[1]], `${text}\n`);
}

/**
 * Makes `request` reachable in the file: reuses an existing binding, or adds a specifier to an
 * existing import of the module, or adds an import (ESM) or `require` (CommonJS) in the file's own
 * style (quotes, semicolons, `node:` prefix) after the last one, under a name nothing else uses.
 * Idempotent across `--fix` passes: the next pass finds the binding this one added.
 */
export function ensureImport(
  fixer: TSESLint.RuleFixer,
  sourceCode: Readonly<TSESLint.SourceCode>,
  request: ImportRequest,
): EnsuredImport {
  const existing = findImportedBinding(sourceCode, request);
  if (existing !== null) return { reference: existing, fix: null };

  const program = sourceCode.ast;
  const isDefault = request.name === 'default';
  const local = getUnusedName(sourceCode, isDefault ? (request.localName ?? 'imported') : request.name);
  const named = local === request.name ? local : `${request.name} as ${local}`;

  if (!usesCommonJs(sourceCode)) {
    const imports = valueImports(program);
    if (!isDefault) {
      const sameModule = imports.find(
        (declaration) =>
          matchesModule(declaration.source.value, request.module) &&
          declaration.specifiers.some((specifier) => specifier.type === AST_NODE_TYPES.ImportSpecifier),
      );
      const lastSpecifier = sameModule?.specifiers.at(-1);
      if (lastSpecifier) return { reference: local, fix: fixer.insertTextAfter(lastSpecifier, `, ${named}`) };
    }
    const lastImport = lastImportStatement(program);
    const { quote, semicolon } = styleOf(sourceCode, lastImport ?? firstNonDirective(program));
    const binding = isDefault ? local : `{ ${named} }`;
    const specifier = moduleSpecifierFor(sourceCode, request.module);
    const text = `import ${binding} from ${quote}${specifier}${quote}${semicolon}`;
    return { reference: local, fix: insertStatement(fixer, sourceCode, lastImport, text) };
  }

  if (!isDefault) {
    const destructured = requireDeclarators(program).find(
      ({ declarator, call }) =>
        matchesModule(requiredSpecifier(call), request.module) &&
        declarator.id.type === AST_NODE_TYPES.ObjectPattern &&
        declarator.id.properties.every((property) => property.type === AST_NODE_TYPES.Property),
    );
    const lastProperty = destructured?.declarator.id.type === AST_NODE_TYPES.ObjectPattern ? destructured.declarator.id.properties.at(-1) : undefined;
    if (lastProperty) {
      const property = local === request.name ? local : `${request.name}: ${local}`;
      return { reference: local, fix: fixer.insertTextAfter(lastProperty, `, ${property}`) };
    }
  }
  const lastRequire = requireDeclarators(program).at(-1)?.statement;
  const { quote, semicolon } = styleOf(sourceCode, lastRequire ?? firstNonDirective(program));
  const binding = isDefault ? local : `{ ${local === request.name ? local : `${request.name}: ${local}`} }`;
  const specifier = moduleSpecifierFor(sourceCode, request.module);
  const text = `const ${binding} = require(${quote}${specifier}${quote})${semicolon}`;
  return { reference: local, fix: insertStatement(fixer, sourceCode, lastRequire, text) };
}
