import { AST_NODE_TYPES, AST_TOKEN_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { IndependentLoop } from './loop-independence.js';
import type { PhaseSplit } from './phase-split.js';
import type { LoopShape } from './loop-shape.js';
import { getIdentifierWords, getLastIdentifierName } from '../ast/names.js';
import { getNamesInFile } from '../scope/file-names.js';

/** How the rewrite runs the iterations: all at once, or through a concurrency-limited mapper (`pMap`). */
export type ConcurrencyRunner =
  | { kind: 'promise-all' }
  | { kind: 'limited'; reference: string; limit: number };

export interface LoopRewriteOptions {
  runner: ConcurrencyRunner;
  /** The iterated expression is known to be an array (`xs.map(...)` instead of `Array.from(xs, ...)`). */
  iterableIsArray: boolean;
}

export interface LoopRewrite {
  range: TSESTree.Range;
  text: string;
}

interface TextEdit {
  range: TSESTree.Range;
  text: string;
}

/** A binding pattern without its type annotation (a `for...of` head cannot have one). */
function getPatternText(sourceCode: Readonly<TSESLint.SourceCode>, pattern: TSESTree.Node): string {
  const annotation = 'typeAnnotation' in pattern ? (pattern.typeAnnotation as TSESTree.Node | undefined) : undefined;
  if (!annotation) return sourceCode.getText(pattern);
  return sourceCode.text.slice(pattern.range[0], annotation.range[0]).trimEnd();
}

/** Lists at most this long may be spread into `push(...)` (engines limit the number of call arguments). */
const MAX_SPREAD_LENGTH = 1000;

const RESERVED_WORDS = new Set([
  'await', 'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do', 'else', 'enum',
  'export', 'extends', 'false', 'finally', 'for', 'function', 'if', 'implements', 'import', 'in', 'instanceof',
  'interface', 'let', 'new', 'null', 'package', 'private', 'protected', 'public', 'return', 'static', 'super',
  'switch', 'this', 'throw', 'true', 'try', 'typeof', 'var', 'void', 'while', 'with', 'yield', 'arguments', 'eval',
  'undefined', 'async', 'of',
]);
/** Nouns too vague to name a value (`fetchOne` → `result`, not `one`). */
const VAGUE_NAMES = new Set([
  'one', 'all', 'many', 'each', 'some', 'any', 'first', 'last', 'next', 'item', 'items', 'async', 'sync', 'file', 'files',
  'dir', 'path', 'url', 'by', 'for',
]);
const FETCH_VERBS = new Set([
  'get', 'fetch', 'load', 'read', 'find', 'resolve', 'lookup', 'query', 'request', 'create', 'build', 'compute', 'make',
  'download', 'retrieve', 'open', 'parse', 'check', 'validate', 'render', 'compile', 'generate',
]);

/** Text with `edits` (sorted, not overlapping, inside `range`) applied. */
function applyEdits(sourceCode: Readonly<TSESLint.SourceCode>, range: TSESTree.Range, edits: readonly TextEdit[]): string {
  const text = sourceCode.text;
  let result = '';
  let position = range[0];
  for (const edit of [...edits].sort((a, b) => a.range[0] - b.range[0])) {
    result += text.slice(position, edit.range[0]) + edit.text;
    position = edit.range[1];
  }
  return result + text.slice(position, range[1]);
}

/** A name for the awaited value: `user` for `getUser(id)`, else `result`; never one the file already uses. */
export function getResultName(sourceCode: Readonly<TSESLint.SourceCode>, awaited: TSESTree.Node): string {
  const calleeName = awaited.type === AST_NODE_TYPES.CallExpression ? getLastIdentifierName(awaited.callee) : null;
  const words = calleeName === null ? [] : getIdentifierWords(calleeName);
  let base = 'result';
  if (words.length > 1 && FETCH_VERBS.has(words[0] ?? '')) {
    const candidate = words.slice(1).map((word, index) => (index === 0 ? word : word[0]?.toUpperCase() + word.slice(1))).join('');
    if (/^[a-z][A-Za-z]{2,}$/.test(candidate) && !RESERVED_WORDS.has(candidate) && !VAGUE_NAMES.has(candidate)) base = candidate;
  }
  const taken = getNamesInFile(sourceCode);
  if (!taken.has(base)) return base;
  for (let index = 2; ; index++) {
    if (!taken.has(`${base}${index}`)) return `${base}${index}`;
  }
}

/** `xs` as the object of `.map(...)`: parenthesized unless it is a plain chain, call or literal. */
function asMemberObject(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Expression): string {
  const text = sourceCode.getText(node);
  switch (node.type) {
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.ThisExpression:
    case AST_NODE_TYPES.ArrayExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
      return text;
    case AST_NODE_TYPES.MemberExpression:
      return node.optional ? `(${text})` : text;
    case AST_NODE_TYPES.CallExpression:
      return node.optional ? `(${text})` : text;
    default:
      return `(${text})`;
  }
}

/** An expression as a call argument or property value: only a comma expression needs parentheses. */
function asArgument(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Expression): string {
  const text = sourceCode.getText(node);
  return node.type === AST_NODE_TYPES.SequenceExpression ? `(${text})` : text;
}

/** An expression as a concise arrow body: object literals and comma expressions need parentheses. */
function asArrowBody(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Expression): string {
  const text = sourceCode.getText(node);
  return node.type === AST_NODE_TYPES.ObjectExpression || node.type === AST_NODE_TYPES.SequenceExpression || text.startsWith('{')
    ? `(${text})`
    : text;
}

/** `_`, or another name for the unused first parameter when the body already uses `_` (lodash). */
function getPlaceholderName(sourceCode: Readonly<TSESLint.SourceCode>, shape: LoopShape): string {
  const used = new Set(sourceCode.getTokens(shape.loop).filter((token) => token.type === AST_TOKEN_TYPES.Identifier).map((token) => token.value));
  for (const candidate of ['_', '__', '_item', '_element']) {
    if (!used.has(candidate)) return candidate;
  }
  return '_unused';
}

/**
 * Whether the statement that replaces the loop should end with `;`: the file's own style, judged
 * from the statements around the loop, and always when the next line could continue the expression.
 */
function getTerminator(sourceCode: Readonly<TSESLint.SourceCode>, statement: TSESTree.Node): string {
  const next = sourceCode.getTokenAfter(statement);
  if (next && /^[([`+\-/]/.test(next.value)) return ';';
  const parent = statement.parent;
  const siblings: TSESTree.Node[] =
    parent?.type === AST_NODE_TYPES.BlockStatement || parent?.type === AST_NODE_TYPES.Program || parent?.type === AST_NODE_TYPES.StaticBlock
      ? parent.body
      : parent?.type === AST_NODE_TYPES.SwitchCase
        ? parent.consequent
        : [];
  const candidates = [...siblings, ...sourceCode.ast.body].filter(
    (node) =>
      node !== statement &&
      (node.type === AST_NODE_TYPES.ExpressionStatement ||
        node.type === AST_NODE_TYPES.VariableDeclaration ||
        node.type === AST_NODE_TYPES.ReturnStatement ||
        node.type === AST_NODE_TYPES.ImportDeclaration),
  );
  const sample = candidates[0];
  if (!sample) return ';';
  return sourceCode.getLastToken(sample)?.value === ';' ? ';' : '';
}

interface CallbackParts {
  /** Parameter list of the async callback: `(x)`, `({ id, name })`, `(_, i)`. */
  params: string;
  /** Argument that lists the items for the runner: `xs`, `Array.from({ length: n }, (_, i) => i)`. */
  mapped: (callback: string) => string;
}

function getCallbackParts(sourceCode: Readonly<TSESLint.SourceCode>, shape: LoopShape, options: LoopRewriteOptions): CallbackParts {
  const { runner } = options;
  if (shape.counted) {
    const index = shape.counted.index.name;
    const length = asArgument(sourceCode, shape.counted.end);
    if (runner.kind === 'limited') {
      const placeholder = getPlaceholderName(sourceCode, shape);
      return {
        params: `(${index})`,
        mapped: (callback) =>
          `${runner.reference}(Array.from({ length: ${length} }, (${placeholder}, ${index}) => ${index}), ${callback}, { concurrency: ${runner.limit} })`,
      };
    }
    return {
      params: `(${getPlaceholderName(sourceCode, shape)}, ${index})`,
      mapped: (callback) => `Promise.all(Array.from({ length: ${length} }, ${callback}))`,
    };
  }
  const iterable = shape.iterable as TSESTree.Expression;
  const params = `(${sourceCode.getText(shape.binding)})`;
  if (runner.kind === 'limited') {
    return {
      params,
      mapped: (callback) => `${runner.reference}(${asArgument(sourceCode, iterable)}, ${callback}, { concurrency: ${runner.limit} })`,
    };
  }
  if (options.iterableIsArray) {
    return { params, mapped: (callback) => `Promise.all(${asMemberObject(sourceCode, iterable)}.map(${callback}))` };
  }
  return { params, mapped: (callback) => `Promise.all(Array.from(${asArgument(sourceCode, iterable)}, ${callback}))` };
}

/** `for (...) { BODY }` → `await Promise.all(Array.from(xs, async (x) => { BODY }))`, `continue` → `return`. */
function getPlainRewrite(
  sourceCode: Readonly<TSESLint.SourceCode>,
  shape: LoopShape,
  loopInfo: IndependentLoop,
  options: LoopRewriteOptions,
): LoopRewrite {
  const body = shape.body;
  const edits: TextEdit[] = loopInfo.continues.map((statement) => ({
    range: [statement.range[0], statement.range[0] + 'continue'.length],
    text: 'return',
  }));
  const bodyText = applyEdits(sourceCode, body.range, edits);
  const block = body.type === AST_NODE_TYPES.BlockStatement ? bodyText : `{ ${bodyText} }`;
  const parts = getCallbackParts(sourceCode, shape, options);
  const replaced = shape.label ?? shape.loop;
  const text = `await ${parts.mapped(`async ${parts.params} => ${block}`)}${getTerminator(sourceCode, replaced)}`;
  return { range: replaced.range, text };
}

/** The range that removes `statement` together with its line when it stands alone on it. */
function getStatementRemovalRange(sourceCode: Readonly<TSESLint.SourceCode>, statement: TSESTree.Node): TSESTree.Range {
  const text = sourceCode.text;
  let start = statement.range[0];
  let end = statement.range[1];
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  const aloneFromLineStart = start === 0 || text[start - 1] === '\n';
  let after = end;
  while (after < text.length && (text[after] === ' ' || text[after] === '\t')) after++;
  if (aloneFromLineStart && (text[after] === '\n' || text.startsWith('\r\n', after))) {
    end = after + (text[after] === '\r' ? 2 : 1);
    return [start, end];
  }
  // Inside a line (`{ const v = await E; REST }`): take the spaces after it too.
  return [statement.range[0], after];
}

function isShortList(shape: LoopShape): boolean {
  if (shape.counted) {
    const end = shape.counted.end;
    return end.type === AST_NODE_TYPES.Literal && typeof end.value === 'number' && end.value <= MAX_SPREAD_LENGTH;
  }
  const iterable = shape.iterable;
  return (
    iterable?.type === AST_NODE_TYPES.ArrayExpression &&
    iterable.elements.length <= MAX_SPREAD_LENGTH &&
    iterable.elements.every((element) => element?.type !== AST_NODE_TYPES.SpreadElement)
  );
}

/**
 * `for (const x of xs) { const v = await E; REST }` → `for (const v of await Promise.all(xs.map(async (x) => E))) { REST }`:
 * the awaited work runs concurrently, then REST runs in item order as before. When REST reads the
 * loop variable, the concurrent phase returns the names it binds with the value: `({ x, v: await E })`.
 */
function getPhaseSplitRewrite(
  sourceCode: Readonly<TSESLint.SourceCode>,
  shape: LoopShape,
  split: PhaseSplit,
  options: LoopRewriteOptions,
): LoopRewrite | null {
  const parts = getCallbackParts(sourceCode, shape, options);
  const argument = split.await.argument;

  if (split.pushTarget && split.carriedNames.length === 0 && isShortList(shape)) {
    const callback = `async ${parts.params} => ${asArrowBody(sourceCode, argument)}`;
    const replaced = shape.label ?? shape.loop;
    const text = `${sourceCode.getText(split.pushTarget)}.push(...(await ${parts.mapped(callback)}))${getTerminator(sourceCode, replaced)}`;
    return { range: replaced.range, text };
  }

  const edits: TextEdit[] = [];
  let valueText: string;
  let kind: 'const' | 'let' = 'const';
  if (split.declaration) {
    valueText = getPatternText(sourceCode, split.declaration.pattern);
    kind = split.declaration.kind;
    edits.push({ range: getStatementRemovalRange(sourceCode, split.head), text: '' });
  } else {
    valueText = getResultName(sourceCode, argument);
    edits.push({ range: split.await.range, text: valueText });
  }

  let head: string;
  let callback: string;
  const carried = split.carriedNames;
  if (carried.length > 0) {
    // The sequential phase reads the loop variable: the concurrent phase hands it back with the value.
    if (shape.declarationKind === 'let' && !shape.counted) kind = 'let';
    const valueIsName = /^[A-Za-z_$][\w$]*$/.test(valueText) && !carried.includes(valueText);
    const key = ['value', 'result', 'awaited'].find((candidate) => !carried.includes(candidate)) ?? 'value_';
    const property = valueIsName ? valueText : key;
    head = `{ ${[...carried, valueIsName ? valueText : `${key}: ${valueText}`].join(', ')} }`;
    callback = `async ${parts.params} => ({ ${[...carried, `${property}: ${sourceCode.getText(split.await)}`].join(', ')} })`;
  } else {
    head = valueText;
    callback = `async ${parts.params} => ${asArrowBody(sourceCode, argument)}`;
  }

  const loop = shape.loop;
  const closingParen = sourceCode.getTokenBefore(shape.body);
  if (!closingParen || closingParen.value !== ')') return null;
  const headerText = `for (${kind} ${head} of await ${parts.mapped(callback)})`;
  const bodyText = applyEdits(sourceCode, [closingParen.range[1], shape.body.range[1]], edits);
  return { range: [loop.range[0], shape.body.range[1]], text: headerText + bodyText };
}

/** The text that replaces an independent loop, or null when the loop has no rewrite. */
export function getLoopRewrite(
  sourceCode: Readonly<TSESLint.SourceCode>,
  shape: LoopShape,
  loopInfo: IndependentLoop,
  options: LoopRewriteOptions,
): LoopRewrite | null {
  if (loopInfo.rewrite === 'plain') return getPlainRewrite(sourceCode, shape, loopInfo, options);
  if (loopInfo.rewrite === 'phase-split' && loopInfo.phaseSplit) {
    return getPhaseSplitRewrite(sourceCode, shape, loopInfo.phaseSplit, options);
  }
  return null;
}
