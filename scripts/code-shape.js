#!/usr/bin/env node
// Checks the shape limits of src/ that keep it readable (issue 14): no function over 80 own lines
// (its nested functions not counted), no function but a rule's `create` over 200 lines in all,
// no folder over 15 files, no file over 450 lines, no two exported functions with one name.
// Prints each violation; exits 1 when there is one. Run: node scripts/code-shape.js [--list N]
//   --list N   also print the N longest functions by own lines

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const LIMITS = { ownLines: 80, totalLines: 200, folderFiles: 15, fileLines: 450 };

function listFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const absolute = path.join(dir, entry.name);
    if (entry.isDirectory()) return listFiles(absolute);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [absolute] : [];
  });
}

function lineOf(sourceFile, position) {
  return sourceFile.getLineAndCharacterOfPosition(position).line;
}

function getFunctionName(node) {
  if (node.name && ts.isIdentifier(node.name)) return node.name.text;
  if (node.name) return node.name.getText();
  const parent = node.parent;
  if (parent && ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  if (parent && (ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent))) return parent.name.getText();
  return '<anonymous>';
}

/** Every function of a file with its total lines and its own lines (total minus nested functions' lines). */
export function measureFunctions(fileName, text) {
  const sourceFile = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const functions = [];
  const visit = (node, owner) => {
    let current = owner;
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const total = lineOf(sourceFile, node.getEnd()) - lineOf(sourceFile, node.getStart(sourceFile)) + 1;
      current = { name: getFunctionName(node), line: lineOf(sourceFile, node.getStart(sourceFile)) + 1, total, own: total };
      if (owner) owner.own -= total;
      functions.push(current);
    }
    ts.forEachChild(node, (child) => visit(child, current));
  };
  visit(sourceFile, null);
  return functions;
}

export function checkCodeShape(srcDir = path.join(ROOT, 'src')) {
  const violations = [];
  const all = [];
  const exported = new Map();
  const files = listFiles(srcDir);
  const perFolder = new Map();
  for (const file of files) {
    const relative = path.relative(ROOT, file);
    const folder = path.dirname(relative);
    perFolder.set(folder, (perFolder.get(folder) ?? 0) + 1);
    const text = readFileSync(file, 'utf8');
    const lines = text.split('\n').length;
    if (lines > LIMITS.fileLines) violations.push(`${relative}: ${lines} lines (limit ${LIMITS.fileLines})`);
    for (const fn of measureFunctions(file, text)) {
      all.push({ ...fn, file: relative });
      if (fn.own > LIMITS.ownLines) violations.push(`${relative}:${fn.line} ${fn.name}: ${fn.own} own lines (limit ${LIMITS.ownLines})`);
      const isRuleCreate = fn.name === 'create' && relative.startsWith(path.join('src', 'rules'));
      if (!isRuleCreate && fn.total > LIMITS.totalLines) violations.push(`${relative}:${fn.line} ${fn.name}: ${fn.total} lines in all (limit ${LIMITS.totalLines})`);
    }
    for (const match of text.matchAll(/^export (?:async )?function\*? ([\w$]+)/gm)) {
      exported.set(match[1], [...(exported.get(match[1]) ?? []), relative]);
    }
  }
  for (const [folder, count] of perFolder) {
    if (count > LIMITS.folderFiles) violations.push(`${folder}/: ${count} files (limit ${LIMITS.folderFiles})`);
  }
  for (const [name, where] of exported) {
    if (where.length > 1) violations.push(`exported function \`${name}\` is defined ${where.length} times: ${where.join(', ')}`);
  }
  return { violations, functions: all.sort((a, b) => b.own - a.own) };
}

function main() {
  const listIndex = process.argv.indexOf('--list');
  const { violations, functions } = checkCodeShape();
  if (listIndex !== -1) {
    for (const fn of functions.slice(0, Number(process.argv[listIndex + 1] ?? 10))) {
      console.log(`${String(fn.own).padStart(4)} own ${String(fn.total).padStart(4)} total  ${fn.file}:${fn.line} ${fn.name}`);
    }
  }
  for (const violation of violations) console.log(violation);
  console.log(violations.length === 0 ? 'code shape: OK' : `code shape: ${violations.length} violation(s)`);
  process.exitCode = violations.length === 0 ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) main();
