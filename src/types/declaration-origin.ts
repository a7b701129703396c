import { AST_NODE_TYPES, type ParserServicesWithTypeInformation, type TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import { getTypeScript } from './typescript-module.js';

/**
 * Where the checker finds what an expression calls or reads:
 * - `library`: a declaration without code the project owns: a declaration file (`.d.ts`, the
 *   standard library, `@types`), a file of an external library, or an ambient `declare`;
 * - `this-file`: code in the file being linted (`node` is the ESTree function when it has a body);
 * - `project`: code in another source file of the project: `declaration` is its TypeScript node
 *   (no ESTree exists for that file, only the program's syntax tree);
 * - `unknown`: the checker names no declaration.
 */
export type DeclarationOrigin =
  | { kind: 'library' }
  | { kind: 'this-file'; declaration: TSESTree.Node | null }
  | { kind: 'project'; declaration: ts.Node }
  | { kind: 'unknown' };

/** Inside a `declare` statement (`declare function f()`, `declare const x: T`, `declare module 'm' { ... }`). */
function isAmbient(declaration: ts.Node): boolean {
  const tsModule = getTypeScript();
  for (let node: ts.Node | undefined = declaration; node; node = node.parent) {
    const isStatement =
      tsModule.isVariableStatement(node) || tsModule.isFunctionDeclaration(node) || tsModule.isClassDeclaration(node) || tsModule.isModuleDeclaration(node);
    if (isStatement && tsModule.getModifiers(node as ts.HasModifiers)?.some((modifier) => modifier.kind === tsModule.SyntaxKind.DeclareKeyword)) return true;
  }
  return false;
}

/** The declarations behind a call (its resolved signature) or a read (its symbol, through import aliases). */
function getDeclarations(services: ParserServicesWithTypeInformation, node: TSESTree.Node): readonly ts.Node[] {
  const checker = services.program.getTypeChecker();
  const tsNode = services.esTreeNodeToTSNodeMap.get(node);
  if (node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression) {
    const declaration = checker.getResolvedSignature(tsNode as ts.CallExpression | ts.NewExpression)?.declaration;
    if (declaration && !getTypeScript().isJSDocSignature(declaration)) return [declaration];
    return getDeclarations(services, node.callee);
  }
  // `a.b` names its property; `a[b]` is asked as a whole (its property node is the key's own expression).
  const target = node.type === AST_NODE_TYPES.MemberExpression && !node.computed ? services.esTreeNodeToTSNodeMap.get(node.property) : tsNode;
  let symbol = checker.getSymbolAtLocation(target);
  if (symbol && (symbol.flags & getTypeScript().SymbolFlags.Alias) !== 0) symbol = checker.getAliasedSymbol(symbol);
  const declarations = symbol?.getDeclarations() ?? [];
  // An index signature has no symbol of its own: the value belongs to the object it is read from.
  if (declarations.length === 0 && node.type === AST_NODE_TYPES.MemberExpression && node.computed) return getDeclarations(services, node.object);
  return declarations;
}

/**
 * Where `node` (a call, `new`, identifier or member read) is declared, as far as the checker
 * says. A declaration in a library wins over one in the project (an overload set declared in
 * both is a library's).
 */
export function getDeclarationOrigin(services: ParserServicesWithTypeInformation, node: TSESTree.Node): DeclarationOrigin {
  let declarations: readonly ts.Node[];
  let current: ts.SourceFile;
  try {
    declarations = getDeclarations(services, node);
    current = services.esTreeNodeToTSNodeMap.get(node).getSourceFile();
  } catch {
    return { kind: 'unknown' };
  }
  if (declarations.length === 0) return { kind: 'unknown' };
  const program = services.program;
  const isLibrary = (declaration: ts.Node): boolean => {
    const file = declaration.getSourceFile();
    return file.isDeclarationFile || program.isSourceFileFromExternalLibrary(file) || isAmbient(declaration);
  };
  if (declarations.some(isLibrary)) return { kind: 'library' };
  const local = declarations.find((declaration) => declaration.getSourceFile() === current);
  if (local) return { kind: 'this-file', declaration: services.tsNodeToESTreeNodeMap.get(local) ?? null };
  return { kind: 'project', declaration: declarations[0] as ts.Node };
}
