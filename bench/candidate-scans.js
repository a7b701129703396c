// A small ESLint plugin of scans for scripts/candidates.js and scripts/score.js (prefix `scan/`):
// not rules to ship, but the candidate lists that labels are written for. Every report's message
// is a JSON object, read back by bench/candidate-lint.js.
//   scan/loops            every loop (its range), and every await that core no-await-in-loop
//                         would report, with the loop it belongs to
//   scan/late-await       a variable initialised with a call or `new Promise` whose first await or
//                         `.then` comes after another await in the same function
//   scan/dropped-async-callback   an async function or arrow passed as an argument to a call whose
//                         result is not awaited or returned (and not `.then`/`Promise.all(x.map())`)
//   scan/dropped-call     a statement that calls a function declared async in the same file, or a
//                         well-known promise API, without await/return/void/.catch
//   scan/blocking         every call of a built-in sync I/O or CPU-heavy API, resolved through the
//                         plugin's module tracker (aliases and destructuring count)
// Imports the tables and the tracker from this checkout's dist/ (npm run build), at the paths of
// either layout (src/utils/ today, src/modules/ + src/blocking/ after the refactor).

import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const DIST = fileURLToPath(new URL('../dist/src/', import.meta.url));

async function importFirst(candidates) {
  for (const candidate of candidates) {
    const file = `${DIST}${candidate}`;
    if (existsSync(file)) return import(pathToFileURL(file).href);
  }
  throw new Error(`bench/candidate-scans.js: none of ${candidates.map((c) => `dist/src/${c}`).join(', ')} exists: run npm run build`);
}

const tracker = await importFirst(['modules/module-tracker.js', 'utils/module-tracker.js']);
const blockingApis = await importFirst(['blocking/blocking-apis.js', 'utils/blocking-apis.js']);
const cpuApis = await importFirst(['blocking/cpu-heavy-apis.js', 'utils/cpu-heavy-apis.js']);

const FUNCTION_TYPES = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);
const LOOP_TYPES = new Set(['ForStatement', 'ForInStatement', 'ForOfStatement', 'WhileStatement', 'DoWhileStatement']);

function isFunction(node) {
  return FUNCTION_TYPES.has(node?.type);
}

function report(context, node, data) {
  context.report({ node, messageId: 'found', data: { json: JSON.stringify(data) } });
}

const meta = (description) => ({ type: 'problem', docs: { description }, schema: [], messages: { found: '{{json}}' } });

/** Core no-await-in-loop's `isLooped`: is `node` (a child of `parent`) evaluated once per iteration? */
function isLooped(node, parent) {
  switch (parent.type) {
    case 'ForStatement':
      return node === parent.test || node === parent.update || node === parent.body;
    case 'ForOfStatement':
    case 'ForInStatement':
      return node !== parent.right;
    case 'WhileStatement':
    case 'DoWhileStatement':
      return true;
    default:
      return false;
  }
}

/** The loop core no-await-in-loop blames for `node` (an await or a for-await), or null. */
function getLoopOf(node) {
  let child = node;
  let parent = node.parent;
  while (parent && !isFunction(parent)) {
    if (isLooped(child, parent)) return parent;
    child = parent;
    parent = parent.parent;
  }
  return null;
}

function loc(node) {
  return { line: node.loc.start.line, column: node.loc.start.column + 1, endLine: node.loc.end.line, endColumn: node.loc.end.column + 1 };
}

const loops = {
  meta: meta('Every loop, and the loop of every await core no-await-in-loop reports.'),
  create(context) {
    const awaitSite = (node) => {
      const loop = getLoopOf(node);
      if (loop) report(context, node, { kind: 'await', loop: { type: loop.type, ...loc(loop) } });
    };
    return {
      ':matches(ForStatement, ForInStatement, ForOfStatement, WhileStatement, DoWhileStatement)'(node) {
        report(context, node, { kind: 'loop', type: node.type, await: node.type === 'ForOfStatement' && node.await, ...loc(node) });
      },
      AwaitExpression: awaitSite,
      'ForOfStatement[await=true]': awaitSite,
    };
  },
};

function getEnclosingFunction(node) {
  for (let current = node.parent; current; current = current.parent) if (isFunction(current)) return current;
  return null;
}

/** Awaits directly in `fn` (not in nested functions), in source order. */
function collectAwaits(fn) {
  const found = [];
  const visit = (node) => {
    if (!node || typeof node.type !== 'string') return;
    if (node !== fn && isFunction(node)) return;
    if (node.type === 'AwaitExpression' || (node.type === 'ForOfStatement' && node.await)) found.push(node);
    for (const key of Object.keys(node)) {
      if (key === 'parent') continue;
      const value = node[key];
      if (Array.isArray(value)) value.forEach(visit);
      else if (value && typeof value.type === 'string') visit(value);
    }
  };
  visit(fn.body);
  return found;
}

function isObservingUse(identifier) {
  const parent = identifier.parent;
  if (parent.type === 'AwaitExpression') return true;
  if (parent.type === 'MemberExpression' && parent.object === identifier) {
    const name = parent.property.type === 'Identifier' ? parent.property.name : null;
    return name === 'then' || name === 'catch' || name === 'finally';
  }
  return false;
}

const lateAwait = {
  meta: meta('A stored promise awaited only after another await in the same function.'),
  create(context) {
    const awaitsByFunction = new Map();
    return {
      VariableDeclarator(node) {
        if (node.id.type !== 'Identifier' || !node.init) return;
        const init = node.init.type === 'ChainExpression' ? node.init.expression : node.init;
        if (init.type !== 'CallExpression' && !(init.type === 'NewExpression' && init.callee.type === 'Identifier' && init.callee.name === 'Promise')) return;
        const fn = getEnclosingFunction(node);
        if (!fn?.async) return;
        const [variable] = context.sourceCode.getDeclaredVariables(node);
        if (!variable) return;
        const uses = variable.references
          .filter((ref) => ref.isRead())
          .map((ref) => ref.identifier)
          .sort((a, b) => a.range[0] - b.range[0]);
        const first = uses.find((identifier) => isObservingUse(identifier));
        if (!first || getEnclosingFunction(first) !== fn) return;
        if (!awaitsByFunction.has(fn)) awaitsByFunction.set(fn, collectAwaits(fn));
        const between = awaitsByFunction
          .get(fn)
          .find((site) => site.range[0] > node.range[1] && site.range[1] <= first.range[0] && !site.range.every((v, i) => v === first.parent.range[i]));
        if (!between) return;
        report(context, node, { name: node.id.name, awaitedAt: first.loc.start.line, firstOtherAwait: between.loc.start.line });
      },
    };
  },
};

const PROMISE_COMBINATORS = new Set(['all', 'allSettled', 'any', 'race']);

function getCalleeText(sourceCode, call) {
  const text = sourceCode.getText(call.callee);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

const droppedAsyncCallback = {
  meta: meta('An async function passed as an argument to a call.'),
  create(context) {
    return {
      ':matches(CallExpression, NewExpression) > :matches(FunctionExpression, ArrowFunctionExpression)[async=true]'(node) {
        const call = node.parent;
        if (!call.arguments.includes(node)) return;
        const callee = call.callee.type === 'ChainExpression' ? call.callee.expression : call.callee;
        const method = callee.type === 'MemberExpression' && callee.property.type === 'Identifier' ? callee.property.name : null;
        if (method === 'then' || method === 'catch' || method === 'finally') return;
        // The call's own result is awaited or returned: a promise-aware callee, which (most likely)
        // observes the callback's promise; labels of a sample decide whether this holds.
        const outer = call.parent;
        if (outer.type === 'AwaitExpression' || outer.type === 'ReturnStatement' || (outer.type === 'ArrowFunctionExpression' && outer.body === call)) return;
        // items.map(async ...) handed straight to Promise.all and friends: the promises are observed.
        if (
          method === 'map' &&
          outer.type === 'CallExpression' &&
          outer.callee.type === 'MemberExpression' &&
          outer.callee.object.type === 'Identifier' &&
          outer.callee.object.name === 'Promise' &&
          PROMISE_COMBINATORS.has(outer.callee.property.name)
        ) {
          return;
        }
        report(context, node, { callee: getCalleeText(context.sourceCode, call), argument: call.arguments.indexOf(node) });
      },
    };
  },
};

const PROMISE_GLOBALS = new Set(['fetch']);

function getStatementCall(expression) {
  let node = expression;
  if (node.type === 'ChainExpression') node = node.expression;
  return node.type === 'CallExpression' ? node : null;
}

const droppedCall = {
  meta: meta('A call of a same-file async function or a promise API as a statement, not awaited or handled.'),
  create(context) {
    const asyncNames = new Set();
    const asyncMethods = new Set();
    const statements = [];
    const nameOf = (key) => (key?.type === 'Identifier' ? key.name : key?.type === 'Literal' ? String(key.value) : null);
    return {
      'FunctionDeclaration[async=true]'(node) {
        if (node.id) asyncNames.add(node.id.name);
      },
      'VariableDeclarator > :matches(FunctionExpression, ArrowFunctionExpression)[async=true]'(node) {
        if (node.parent.init === node && node.parent.id.type === 'Identifier') asyncNames.add(node.parent.id.name);
      },
      ':matches(MethodDefinition, Property, PropertyDefinition) > FunctionExpression[async=true], PropertyDefinition > ArrowFunctionExpression[async=true], Property > ArrowFunctionExpression[async=true]'(node) {
        const name = nameOf(node.parent.key);
        if (name) asyncMethods.add(name);
      },
      ExpressionStatement(node) {
        const call = getStatementCall(node.expression);
        if (call) statements.push(call);
      },
      'Program:exit'() {
        for (const call of statements) {
          const callee = call.callee.type === 'ChainExpression' ? call.callee.expression : call.callee;
          let why = null;
          if (callee.type === 'Identifier') {
            if (asyncNames.has(callee.name)) why = 'async function of this file';
            else if (PROMISE_GLOBALS.has(callee.name)) why = 'promise API';
          } else if (callee.type === 'MemberExpression' && !callee.computed) {
            const property = callee.property.name;
            const object = callee.object;
            if (property === 'catch' || property === 'then' || property === 'finally') continue;
            if (object.type === 'Identifier' && object.name === 'Promise' && PROMISE_COMBINATORS.has(property)) why = 'promise API';
            else if (object.type === 'MemberExpression' && !object.computed && object.property.name === 'promises') why = 'promise API';
            else if (asyncMethods.has(property)) why = 'async method of this file (by name)';
          }
          if (why) report(context, call, { callee: getCalleeText(context.sourceCode, call), why });
        }
      },
    };
  },
};

function getFunctionName(fn, sourceCode) {
  if (!fn) return '(top level)';
  if (fn.id) return fn.id.name;
  const parent = fn.parent;
  if (parent.type === 'VariableDeclarator' && parent.id.type === 'Identifier') return parent.id.name;
  if ((parent.type === 'MethodDefinition' || parent.type === 'Property' || parent.type === 'PropertyDefinition') && parent.key) {
    return sourceCode.getText(parent.key);
  }
  if (parent.type === 'AssignmentExpression') return sourceCode.getText(parent.left).slice(0, 60);
  if (parent.type === 'CallExpression' || parent.type === 'NewExpression') return `(callback of ${getCalleeText(sourceCode, parent)})`;
  return '(anonymous)';
}

const blocking = {
  meta: meta('Every call of a built-in sync I/O or CPU-heavy API.'),
  create(context) {
    return {
      'Program:exit'() {
        const { sourceCode } = context;
        const syncMap = {
          fs: Object.fromEntries(Object.keys(blockingApis.BLOCKING_FS_APIS).map((member) => [member, 'sync-io'])),
          child_process: Object.fromEntries(Object.keys(blockingApis.BLOCKING_CHILD_PROCESS_APIS).map((member) => [member, 'sync-io'])),
        };
        const cpu = cpuApis.getCpuHeavyApiMaps([], []);
        const mark = (map) => Object.fromEntries(Object.entries(map).map(([module, members]) => [module, Object.fromEntries(Object.keys(members).map((m) => [m, 'cpu']))]));
        const references = [
          ...tracker.findModuleMemberReferences(sourceCode, syncMap, { builtin: true, types: ['call'] }),
          ...tracker.findModuleMemberReferences(sourceCode, mark(cpu.builtin), { builtin: true, types: ['call'] }),
          ...tracker.findModuleMemberReferences(sourceCode, mark(cpu.packages), { builtin: false, types: ['call'] }),
        ];
        for (const reference of references) {
          const fn = getEnclosingFunction(reference.node);
          report(context, reference.node, {
            api: `${reference.module}.${reference.member}`,
            kind: reference.info,
            function: getFunctionName(fn, sourceCode),
            functionKind: fn ? (fn.async ? 'async' : fn.generator ? 'generator' : 'sync') : 'top-level',
          });
        }
      },
    };
  },
};

export default {
  meta: { name: 'candidate-scans' },
  rules: {
    loops,
    'late-await': lateAwait,
    'dropped-async-callback': droppedAsyncCallback,
    'dropped-call': droppedCall,
    blocking,
  },
};

export { getLoopOf, isLooped };
