import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { getFileFacts } from '../../src/blocking/file-facts.js';
import { getRunContext } from '../../src/blocking/run-context.js';
import type { RunContext } from '../../src/blocking/run-context-types.js';
import { getFunctionName } from '../../src/ast/function-name.js';
import { withSourceCode, type ParserName } from '../helpers/lint-code.js';

/** `concurrent route-handler GET /users`, `sequential cli`, `unknown`, for the call `mark()` in `code`. */
function contextAt(code: string, { parser = 'espree', filename }: { parser?: ParserName; filename?: string } = {}): string {
  return withSourceCode(
    code,
    (context) => {
      const sourceCode = context.sourceCode;
      const node = sourceCode.getNodeByRangeIndex(sourceCode.text.indexOf('mark()'));
      if (node?.type !== AST_NODE_TYPES.Identifier || !node.parent) throw new Error('no mark() in code');
      const facts = getFileFacts(sourceCode, { filename: context.filename, cwd: context.cwd });
      return summarize(getRunContext(node.parent, facts), sourceCode);
    },
    { parser, ...(filename === undefined ? {} : { filename }) },
  );
}

function summarize(runContext: RunContext, sourceCode: Parameters<typeof getFunctionName>[1]): string {
  switch (runContext.kind) {
    case 'concurrent': {
      const via = runContext.via ? ` via ${getFunctionName(runContext.via, sourceCode) ?? '?'}` : '';
      return `concurrent ${runContext.why} ${runContext.detail}${via}`;
    }
    case 'sequential':
      return `sequential ${runContext.why}`;
    case 'unknown':
      return runContext.asyncCaller ? `unknown, async caller ${getFunctionName(runContext.asyncCaller, sourceCode) ?? '?'}` : 'unknown';
  }
}

/** One row per reason the analysis can give, and the shapes that must stay unknown. */
const ROWS: [string, string, { filename?: string }?][] = [
  // ---- concurrent
  ["app.get('/users', (req, res) => { mark(); });", 'concurrent route-handler GET /users'],
  ["router.post('/login', auth, async function (req, res) { mark(); });", 'concurrent route-handler POST /login'],
  ["app.route('/x').put((req, res) => mark());", 'concurrent route-handler PUT /x'],
  ["function show(req, res) { mark(); }\napp.get('/show', show);", 'concurrent route-handler GET /show'],
  ["fastify.route({ method: 'GET', url: '/r', handler(request, reply) { mark(); } });", 'concurrent route-handler GET /r'],
  ["server.route({ method: 'post', path: '/h', handler: (request, h) => mark() });", 'concurrent route-handler POST /h'],
  ['app.use((req, res, next) => { mark(); next(); });', 'concurrent middleware app'],
  ["export default { configureServer(server) { server.middlewares.use((req, res, next) => mark()); } };", 'concurrent middleware middlewares'],
  ["http.createServer((req, res) => res.end(mark()));", 'concurrent server-callback http.createServer'],
  ["server.on('request', (req, res) => mark());", "concurrent server-callback 'request'"],
  ['export async function GET(request) { return mark(); }', 'concurrent route-module GET'],
  ["socket.on('data', (chunk) => mark());", "concurrent listener 'data'"],
  ["process.on('message', (message) => mark());", "concurrent listener 'message'"],
  ["new Worker('images', async (job) => { mark(); }, { concurrency: 4 });", 'concurrent job-processor images'],
  ['queue.process(async (job) => mark());', 'concurrent job-processor process'],
  ['async function f(items) { await Promise.all(items.map(async (item) => { mark(); })); }', 'concurrent fan-out Promise.all'],
  ['async function f(items) { await Promise.allSettled(items.map((item) => mark())); }', 'concurrent fan-out Promise.allSettled'],
  ['async function f(items) { await pMap(items, async (item) => mark(), { concurrency: 4 }); }', 'concurrent fan-out pMap'],
  ["import express from 'express';\nsetInterval(() => mark(), 1000);", 'concurrent timer setInterval'],
  ["export default { name: 'p', load(id) { return mark(); } };", 'concurrent per-module-hook load'],
  ['build.onLoad({ filter: /x/ }, (args) => mark());', 'concurrent per-module-hook onLoad'],
  ['new Writable({ write(chunk, encoding, callback) { mark(); callback(); } });', 'concurrent stream-callback write'],
  ['class Gzip extends Transform { _transform(chunk, encoding, callback) { mark(); } }', 'concurrent stream-callback _transform'],
  // Inside a handler: array callbacks, promise executors and unknown callees' callbacks run for the request.
  ["app.get('/a', (req, res) => { req.body.items.forEach((item) => mark()); });", 'concurrent route-handler GET /a'],
  ["app.get('/b', (req, res) => { withLock(() => mark()); });", 'concurrent route-handler GET /b'],
  // One level of same-file callers, with the helper named.
  ["function render(name) { return mark(); }\napp.get('/page', (req, res) => res.send(render('page')));", 'concurrent route-handler GET /page via render'],
  [
    "class Cache { get(key) { return mark(); } }\nconst cache = new Cache();\napp.get('/c', (req, res) => res.json(cache.get('k')));",
    'concurrent route-handler GET /c via get',
  ],
  [
    "const God = {};\nGod.handleExit = function handleExit(child) { mark(); };\nbus.on('process:exit', () => God.handleExit(child));",
    "concurrent listener 'process:exit' via handleExit",
  ],
  // A `once` listener, or one for an event an emitter sends once, runs as often as its registration.
  ["server.on('connection', (socket) => { socket.once('close', () => mark()); });", "concurrent listener 'connection'"],
  ["app.get('/u', (req, res) => { req.on('end', () => mark()); });", 'concurrent route-handler GET /u'],
  ["target.addEventListener('message', () => mark(), { once: true });", 'unknown'],
  ["child.once('exit', () => mark());", 'unknown'],
  ["function report(runner) { runner.once(EVENT_RUN_END, () => mark()); }", 'unknown'],
  // A function that takes a request's `req`, or a `res` it writes to.
  ['function serveFile(res, file) { mark(); res.end(); }', 'concurrent request-parameter res'],
  ['function isFresh(req) { return mark(); }', 'concurrent request-parameter req'],
  ['function done(err, res) { mark(); return res.path; }', 'unknown'],
  ['class Store { set(k) { mark(); } stream() { const self = this; return new Writable({ final(cb) { self.set(1); cb(); } }); } }', 'concurrent stream-callback final via set'],
  // ---- sequential
  ['mark();', 'sequential module-top-level'],
  ['class A { static { mark(); } }', 'sequential module-top-level'],
  ['async function main() { mark(); }\nmain();', 'sequential module-top-level'],
  ['#!/usr/bin/env node\nasync function run() { mark(); }\nexport { run };', 'sequential cli'],
  ['const [, , input] = process.argv;\nexport async function build() { mark(); }', 'sequential cli'],
  ["const watch = process.argv.indexOf('--watch') > -1;\nexport async function build() { mark(); }", 'sequential cli'],
  ['program.parse(process.argv);\nexport async function build() { mark(); }', 'sequential cli'],
  // A module that only reports `process.argv` (a daemon's status object, a log line) is not a CLI.
  ['export function status() { return { argv: process.argv }; }\nexport async function stop() { mark(); }', 'unknown'],
  ["export function describe(log) { log('command: ' + process.argv.join(' ')); }\nexport async function stop() { mark(); }", 'unknown'],
  ["import { program } from 'commander';\nexport async function build() { mark(); }", 'sequential cli'],
  ["const yargs = require('yargs/yargs');\nexports.build = async function build() { mark(); };", 'sequential cli'],
  ["import { parseArgs } from 'node:util';\nconst { values } = parseArgs({ options: {} });\nexport async function build() { mark(); }", 'sequential cli'],
  // An argument parser named only in a comment or a message is not imported.
  ["// usage: see require('commander') docs\nexport async function build() { mark(); }", 'unknown'],
  ['export async function release() { mark(); }', 'sequential cli', { filename: 'packages/tool/bin/release.js' }],
  ['export async function release() { mark(); }', 'sequential cli', { filename: 'src/cli/release.js' }],
  ["export default { name: 'p', async buildStart() { mark(); } };", 'sequential build-hook'],
  ["export default () => ({ name: 'p', async writeBundle() { mark(); } });", 'sequential build-hook'],
  ["compiler.hooks.emit.tapPromise('P', async () => { mark(); });", 'sequential build-hook'],
  ["export default { name: 'p', setup(build) { build.onStart(() => mark()); } };", 'sequential build-hook'],
  ["app.listen(3000, () => { mark(); });", 'sequential startup'],
  ['async function f() { try { await g(); } catch (error) { mark(); } }', 'sequential error-path'],
  ["app.get('/x', async (req, res) => { try { await g(); } catch { mark(); } });", 'sequential error-path'],
  ['async function f() { return g().catch(() => mark()); }', 'sequential error-path'],
  ["stream.on('error', () => mark());", 'sequential error-path'],
  ["process.on('uncaughtException', () => mark());", 'sequential error-path'],
  ["process.on('SIGTERM', async () => { mark(); });", 'sequential shutdown'],
  ["#!/usr/bin/env node\nchild.on('data', () => mark());", 'sequential cli'],
  // ---- unknown
  ['export async function load() { mark(); }', 'unknown'],
  ['export function read(p) { return mark(); }', 'unknown'],
  ["setInterval(() => mark(), 1000);", 'unknown'],
  ['async function f(x) { return mark(); }\nexport async function g() { return f(1); }', 'unknown, async caller g'],
  ['function helper() { return mark(); }\nexport async function g() { return helper(); }', 'unknown, async caller g'],
  ['map.get(key, () => mark());', 'unknown'],
  ["emitter.use(() => mark());", 'unknown'],
];

describe('getRunContext', () => {
  for (const parser of ['espree', 'typescript'] as const) {
    describe(parser, () => {
      it.each(ROWS)('%s → %s', (code, expected, options) => {
        const filename = options?.filename === undefined ? undefined : options.filename.replace(/\.js$/u, parser === 'typescript' ? '.ts' : '.js');
        expect(contextAt(code, { parser, ...(filename === undefined ? {} : { filename }) })).toBe(expected);
      });
    });
  }

  it('reads TypeScript wrappers and exports', () => {
    const options = { parser: 'typescript' as const };
    expect(contextAt("const show = ((req: Req, res: Res) => { mark(); }) as Handler;\napp.get('/t', show);", options)).toBe('concurrent route-handler GET /t');
    expect(contextAt('export const POST = async (request: Request): Promise<Response> => mark();', options)).toBe('concurrent route-module POST');
    expect(contextAt("export const load = async () => mark();", { ...options, filename: 'src/routes/+page.server.ts' })).toBe('concurrent route-module load');
  });

  it('tells Koa, Fastify and Hapi (which await handlers) from Express and Node', () => {
    const awaited = (code: string): boolean =>
      withSourceCode(code, (context) => {
        const sourceCode = context.sourceCode;
        const node = sourceCode.getNodeByRangeIndex(sourceCode.text.indexOf('mark()'))?.parent;
        if (!node) throw new Error('no mark()');
        const runContext = getRunContext(node, getFileFacts(sourceCode, { filename: context.filename, cwd: context.cwd }));
        return runContext.kind === 'concurrent' && runContext.handlerAwaited;
      });
    expect(awaited("import Router from '@koa/router';\nrouter.get('/k', (ctx) => { ctx.body = mark(); });")).toBe(true);
    expect(awaited("fastify.get('/f', (request, reply) => mark());")).toBe(true);
    expect(awaited("server.route({ method: 'GET', path: '/h', handler: (request, h) => mark() });")).toBe(true);
    expect(awaited("import express from 'express';\napp.get('/e', (req, res) => res.send(mark()));")).toBe(false);
    expect(awaited("http.createServer((req, res) => res.end(mark()));")).toBe(false);
  });
});
