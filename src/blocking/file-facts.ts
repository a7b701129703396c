import path from 'node:path';
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { getCalleeName } from '../ast/callee-name.js';
import { forEachChild } from '../ast/walk.js';
import { getModuleSpecifiers } from '../modules/module-tracker.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** Where the file is, for the path-based CLI test. */
export interface FileLocation {
  filename: string;
  cwd: string;
}

/**
 * Facts about one file that the run-context analysis asks for, each computed on first use and
 * kept for the file (both blocking rules share them): nothing is computed for a file without a
 * candidate call.
 */
export interface FileFacts {
  readonly sourceCode: SourceCode;
  readonly filename: string;
  isCliFile(): boolean;
  isServerModule(): boolean;
  /** The file imports a framework that awaits the promise a handler returns (Koa, Fastify, Hapi). */
  awaitsHandlers(): boolean;
  /** Calls whose callee is a member named `name` (`x.name(...)`, `this.name(...)`). */
  getMemberCalls(name: string): readonly TSESTree.CallExpression[];
  /** Takes a complete `MemberCallCollector` index (the first one given wins), so no rule walks the file for it. */
  provideMemberCalls(collector: MemberCallCollector): void;
}

/** Packages that parse a command line: a file that imports one runs as a command-line step. */
const ARGUMENT_PARSERS = new Set(['commander', 'yargs', 'yargs/yargs', 'cac', 'meow', 'minimist', 'sade', 'mri', 'arg', 'clipanion', '@oclif/core']);
const SERVER_MODULES =
  /(?:from\s+|require\()\s*['"](?:node:)?(?:express|koa|fastify|@hapi\/hapi|hapi|connect|polka|restify|http|https|http2|@koa\/router|koa-router|h3|hono)['"]/u;
const AWAITING_FRAMEWORKS = /(?:from\s+|require\()\s*['"](?:koa|@koa\/router|koa-router|fastify|@hapi\/hapi|hapi)['"]/u;
/** A path segment that names command-line code (`bin/`, `cli/`), or a `cli.js` / `CliAuth.js` file name. */
const CLI_SEGMENTS = new Set(['bin', 'cli']);
const CLI_FILE_NAME = /^(?:cli|Cli)(?![a-z])/u;

/**
 * `process.argv` read as the command line: indexed, searched or sliced (`process.argv[2]`,
 * `process.argv.slice(2)`, `.indexOf('--watch')`, `.length`), taken whole (`const args =
 * process.argv`) or handed to a parser as its first argument (`program.parse(process.argv)`).
 * Reporting it (`{ argv: process.argv }`, `field('argv', process.argv)`, a log line's
 * `process.argv.join(' ')`) is what a daemon's status report does, not what a CLI does.
 */
const COMMAND_LINE_READ = /process\.argv\s*(?:\[|\.\s*(?:slice|splice|indexOf|includes|length|at|shift|find|findIndex|some|filter|forEach)\b)|(?:[(=]|\breturn)\s*process\.argv\b/u;

/** Whether the file runs as a command-line step: shebang, a read of `process.argv`, an argument parser, or a CLI path. */
function detectCliFile(sourceCode: SourceCode, location: FileLocation): boolean {
  const text = sourceCode.text;
  if (text.startsWith('#!')) return true;
  if (text.includes('process.argv') && COMMAND_LINE_READ.test(text)) return true;
  if ([...getModuleSpecifiers(sourceCode)].some((specifier) => ARGUMENT_PARSERS.has(specifier)) || /\bparseArgs\s*\(/u.test(text)) return true;
  const relative = path.relative(location.cwd, location.filename);
  const parts = (relative.startsWith('..') || path.isAbsolute(relative) ? location.filename : relative).split(/[\\/]/u);
  const fileName = parts.at(-1) ?? '';
  return parts.slice(0, -1).some((part) => CLI_SEGMENTS.has(part)) || CLI_FILE_NAME.test(fileName);
}

/** Adds `node` to the index under its callee's member name, when it is a member call. */
function addMemberCall(index: Map<string, TSESTree.CallExpression[]>, node: TSESTree.CallExpression): void {
  if (node.callee.type !== AST_NODE_TYPES.MemberExpression) return;
  const name = getCalleeName(node.callee);
  if (name === null) return;
  const calls = index.get(name);
  if (calls) calls.push(node);
  else index.set(name, [node]);
}

/** The member calls of the file by name, in the order ESLint visits them (its visitor keys, depth first). */
function indexMemberCalls(sourceCode: SourceCode): Map<string, TSESTree.CallExpression[]> {
  const index = new Map<string, TSESTree.CallExpression[]>();
  const stack: TSESTree.Node[] = [sourceCode.ast];
  const children: TSESTree.Node[] = [];
  while (stack.length > 0) {
    const node = stack.pop() as TSESTree.Node;
    if (node.type === AST_NODE_TYPES.CallExpression) addMemberCall(index, node);
    forEachChild(node, sourceCode.visitorKeys, (child) => children.push(child));
    while (children.length > 0) stack.push(children.pop() as TSESTree.Node);
  }
  return index;
}

/**
 * Member calls gathered from a rule's `CallExpression` listener, in visiting order: the index
 * `getMemberCalls` would otherwise walk the file for. Complete at `Program:exit`, when the rule
 * hands it to the file's facts (`provideMemberCalls`).
 */
export class MemberCallCollector {
  readonly index = new Map<string, TSESTree.CallExpression[]>();

  readonly add = (node: TSESTree.CallExpression): void => addMemberCall(this.index, node);
}

const factsBySource = new WeakMap<SourceCode, FileFacts>();

/** The facts of the file, created on first request and shared by every rule that lints it. */
export function getFileFacts(sourceCode: SourceCode, location: FileLocation): FileFacts {
  const existing = factsBySource.get(sourceCode);
  if (existing) return existing;
  let cli: boolean | undefined;
  let server: boolean | undefined;
  let awaits: boolean | undefined;
  let memberCalls: Map<string, TSESTree.CallExpression[]> | undefined;
  const facts: FileFacts = {
    sourceCode,
    filename: location.filename,
    isCliFile: () => (cli ??= detectCliFile(sourceCode, location)),
    isServerModule: () => (server ??= SERVER_MODULES.test(sourceCode.text) || /\.listen\s*\(/u.test(sourceCode.text)),
    awaitsHandlers: () => (awaits ??= AWAITING_FRAMEWORKS.test(sourceCode.text)),
    getMemberCalls: (name) => (memberCalls ??= indexMemberCalls(sourceCode)).get(name) ?? [],
    provideMemberCalls: (collector) => {
      memberCalls ??= collector.index;
    },
  };
  factsBySource.set(sourceCode, facts);
  return facts;
}
