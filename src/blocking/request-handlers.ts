import { ASTUtils, AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { FunctionNode } from '../ast/function-node.js';
import { getCalleeName, getCalleePath } from '../ast/callee-name.js';
import { getStaticStringOf } from '../ast/static-string.js';
import type { FileFacts } from './file-facts.js';
import { concurrent, type RunContext } from './run-context-types.js';

const ROUTE_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'all', 'head', 'options']);
const ROUTER_NAME = /^(?:app|api|router|server|routes?|middlewares|[a-z]\w*(?:Router|App|Routes))$/u;
const REQUEST_PARAMS = new Set(['req', 'request', '_req', '_request', 'ctx', 'context', 'c']);
const HTTP_VERB_EXPORTS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);
const LOADER_EXPORTS = new Set(['loader', 'action', 'getServerSideProps']);
const SVELTEKIT_ROUTE_FILE = /[\\/]\+(?:page|layout|server)(?:\.server)?\.[cm]?[jt]s$/u;

function getParamName(fn: FunctionNode | null, index: number): string | null {
  const param = fn?.params[index];
  if (!param) return null;
  const node = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
  return node.type === AST_NODE_TYPES.Identifier ? node.name : null;
}

/** Koa, Fastify and Hapi await the handler's promise; Express 4, Connect and Node's `createServer` do not. */
function isHandlerAwaited(fn: FunctionNode | null, facts: FileFacts): boolean {
  const second = getParamName(fn, 1);
  return facts.awaitsHandlers() || getParamName(fn, 0) === 'ctx' || second === 'reply' || second === 'h';
}

function getRoutePath(node: TSESTree.Node | undefined): string | null {
  if (!node) return null;
  const text = getStaticStringOf(node);
  if (text !== null) return /^[/*(]/u.test(text) ? text : null;
  if (node.type === AST_NODE_TYPES.TemplateLiteral) return node.quasis[0]?.value.cooked?.startsWith('/') === true ? '…' : null;
  if (node.type === AST_NODE_TYPES.ArrayExpression) return node.elements.some((element) => element && getRoutePath(element) !== null) ? '…' : null;
  return null;
}

/** `app.route('/x').get(fn)`: the path of the `.route` call the method hangs on. */
function getChainedRoutePath(callee: TSESTree.MemberExpression): string | null {
  const object = callee.object;
  if (object.type !== AST_NODE_TYPES.CallExpression || getCalleeName(object.callee) !== 'route') return null;
  return getRoutePath(object.arguments[0]);
}

function getReceiverName(callee: TSESTree.MemberExpression): string | null {
  const path = getCalleePath(callee.object);
  return path === null ? null : (path.split('.').at(-1) ?? null);
}

/**
 * A function passed to a route registration or a server: `app.get('/users', fn)`,
 * `router.post('/x', auth, fn)`, `app.route('/x').get(fn)`, `app.use(fn)`,
 * `server.middlewares.use(fn)`, `http.createServer(fn)`. `fn` is the function when the argument
 * is one (or names one), used to read its parameter names.
 */
export function getRouteCallContext(
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  argument: TSESTree.Node,
  fn: FunctionNode | null,
  facts: FileFacts,
): RunContext | null {
  const name = getCalleeName(call.callee);
  if (name === 'createServer' || name === 'createSecureServer') {
    return concurrent('server-callback', `${getCalleePath(call.callee) ?? name}`, { handler: fn, handlerAwaited: false });
  }
  if (call.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.MemberExpression || name === null) return null;
  const first = call.arguments[0];
  if (ROUTE_METHODS.has(name)) {
    const path = (first === argument ? null : getRoutePath(first)) ?? getChainedRoutePath(call.callee);
    if (path === null) return null;
    return concurrent('route-handler', `${name === 'del' ? 'DELETE' : name.toUpperCase()} ${path}`, {
      handler: fn,
      handlerAwaited: isHandlerAwaited(fn, facts),
    });
  }
  if (name !== 'use') return null;
  const path = first === argument ? null : getRoutePath(first);
  const receiver = getReceiverName(call.callee);
  const looksLikeRouter = path !== null || (receiver !== null && ROUTER_NAME.test(receiver));
  const firstParam = getParamName(fn, 0);
  if (!looksLikeRouter && !(firstParam !== null && REQUEST_PARAMS.has(firstParam) && (fn?.params.length ?? 0) >= 2)) return null;
  return concurrent('middleware', path ?? (receiver ?? 'use'), { handler: fn, handlerAwaited: isHandlerAwaited(fn, facts) });
}

/** `fastify.route({ method: 'GET', url: '/x', handler })`, Hapi `server.route({ method, path, handler })`: both await the handler. */
export function getRouteObjectContext(property: TSESTree.Property, fn: FunctionNode | null): RunContext | null {
  const object = property.parent;
  if (object.type !== AST_NODE_TYPES.ObjectExpression || ASTUtils.getPropertyName(property) !== 'handler') return null;
  const call = object.parent;
  if (call.type !== AST_NODE_TYPES.CallExpression || getCalleeName(call.callee) !== 'route') return null;
  let method = '';
  let path = '';
  for (const other of object.properties) {
    if (other.type !== AST_NODE_TYPES.Property) continue;
    const key = ASTUtils.getPropertyName(other);
    const value = getStaticStringOf(other.value);
    if (key === 'method' && value !== null) method = value.toUpperCase();
    if ((key === 'url' || key === 'path') && value !== null) path = value;
  }
  const detail = `${method} ${path}`.trim() || 'route';
  return concurrent('route-handler', detail, { handler: fn, handlerAwaited: true });
}

/**
 * An exported request handler of a meta-framework route module: `export function GET()`,
 * `export const POST = async () => {}` (Next.js, SvelteKit, Astro, Nuxt), Remix `loader` /
 * `action`, Next.js `getServerSideProps`, and SvelteKit `load` in `+page`/`+layout`/`+server` files.
 */
export function getRouteModuleContext(fn: FunctionNode, exportedName: string | null, filename: string): RunContext | null {
  if (exportedName === null) return null;
  const isRouteExport =
    HTTP_VERB_EXPORTS.has(exportedName) ||
    LOADER_EXPORTS.has(exportedName) ||
    (exportedName === 'load' && SVELTEKIT_ROUTE_FILE.test(filename));
  return isRouteExport ? concurrent('route-module', exportedName, { handler: fn, handlerAwaited: true }) : null;
}
