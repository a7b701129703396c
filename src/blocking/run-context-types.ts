import type { FunctionNode } from '../ast/function-node.js';

/** Why code runs while other work waits for the thread. */
export type ConcurrentReason =
  /** `app.get('/users', fn)`, `router.post(...)`, `fastify.route({ handler })`, `server.route({ handler })`. */
  | 'route-handler'
  /** `app.use(fn)`, `server.middlewares.use(fn)`: runs on every request it sees. */
  | 'middleware'
  /** `http.createServer(fn)`, `server.on('request', fn)`. */
  | 'server-callback'
  /** `export function GET()`, `export const load` of a meta-framework route module. */
  | 'route-module'
  /** `.on('data', fn)` and friends on an emitter: one call per event. */
  | 'listener'
  /** `new Worker('queue', fn)` (BullMQ), `queue.process(fn)`: one call per job, several jobs at once. */
  | 'job-processor'
  /** `Promise.all(items.map(fn))`, `pMap(items, fn)`: the other items wait. */
  | 'fan-out'
  /** `setInterval(fn)` in a module that serves requests. */
  | 'timer'
  /** A bundler hook called once per module (`load`, `transform`, `resolveId`, esbuild `onLoad`). */
  | 'per-module-hook'
  /** A stream's `write` / `transform` / `final` implementation: one call per chunk. */
  | 'stream-callback'
  /** A function that takes a request's `req` or `res`: it runs once per request, wherever it is called from. */
  | 'request-parameter';

/** Why code runs alone, when nothing else is waiting. */
export type SequentialReason =
  | 'module-top-level'
  /** `listen(port, fn)` callbacks and `'listening'` listeners. */
  | 'startup'
  /** A command-line entry or command file (shebang, `process.argv`, an argument parser, a `bin/` or `cli/` path). */
  | 'cli'
  /** A once-per-build bundler hook (`buildStart`, `generateBundle`, `closeBundle`, esbuild `setup`, webpack `tap`). */
  | 'build-hook'
  /** A `catch` block, a `.catch` handler, an `'error'` / `uncaughtException` listener. */
  | 'error-path'
  /** `process.on('exit' | 'SIGTERM' | ...)`. */
  | 'shutdown';

export interface ConcurrentContext {
  kind: 'concurrent';
  why: ConcurrentReason;
  /** What was seen, for messages: `GET /users`, `'data'`, `Promise.all`, `load`. */
  detail: string;
  /** The same-file helper the code sits in, when the concurrent path was found at its caller. */
  via: FunctionNode | null;
  /** The handler function itself (the function registered), when the code sits directly in it. */
  handler: FunctionNode | null;
  /** Whether the framework awaits a promise the handler returns (Koa, Fastify, Hapi), so it may become async. */
  handlerAwaited: boolean;
}

export interface SequentialContext {
  kind: 'sequential';
  why: SequentialReason;
  detail: string;
}

export interface UnknownContext {
  kind: 'unknown';
  /** A same-file async function that calls the sync helper the code sits in (one level up), if any. */
  asyncCaller: FunctionNode | null;
  /** That helper. */
  helper: FunctionNode | null;
}

/** Where code runs: concurrently with other work, alone, or not known. */
export type RunContext = ConcurrentContext | SequentialContext | UnknownContext;

export const UNKNOWN: UnknownContext = { kind: 'unknown', asyncCaller: null, helper: null };

export function concurrent(
  why: ConcurrentReason,
  detail: string,
  extra: Partial<Pick<ConcurrentContext, 'handler' | 'handlerAwaited'>> = {},
): ConcurrentContext {
  return { kind: 'concurrent', why, detail, via: null, handler: extra.handler ?? null, handlerAwaited: extra.handlerAwaited ?? false };
}

export function sequential(why: SequentialReason, detail = ''): SequentialContext {
  return { kind: 'sequential', why, detail };
}
