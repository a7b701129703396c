import rule from '../../../src/rules/floating-task.js';
import { commonjs, runWithBothParsers } from '../../helpers/rule-tester.js';

// Issue 16: one verdict (rejects / cannot-reject / unknown) and one policy per report kind
// (rules-docs/floating-task.md, "What the rule does when it cannot tell"). Cases in our own words,
// plain JavaScript, run with espree, the TypeScript parser and with types.

runWithBothParsers(
  'floating-task unknown policy',
  rule,
  {
    valid: [
      // A callback that returns an already handled promise: nothing is dropped.
      'export function preload(items) { items.forEach((item) => item.load().catch(() => {})); }',
      // An async listener on an emitter the rule cannot identify (it may await its listeners).
      'export function watch(watcher, rebuild) { watcher.on("change", async (file) => { await rebuild(file); }); }',
      // A dropped method call whose method (same class) catches everything.
      `export class Session {
  async _reply(message) { try { await this.socket.write(message); } catch (error) { this.log(error); } }
  onData(message) { this._reply(message); }
}`,
      // A task awaited after unrelated work, when its function cannot reject.
      `async function warmCache(cache) { try { await cache.load(); } catch {} }
export async function start(cache, db) { const warm = warmCache(cache); await db.connect(); await warm; }`,
      // Express 5 awaits async route handlers.
      'export function routes(app, db) { app.get("/users", async (req, res) => { res.json(await db.users()); }); }',
      // A guarded listener on a Node emitter.
      'process.on("SIGTERM", async () => { try { await shutdown(); } catch (error) { console.error(error); } });',
    ],
    invalid: [
      // The three spellings of "returns an unresolved call" get the same answer.
      {
        code: `async function a(db) { return db.query(); }
async function b(db) { return await db.query(); }
const c = async (db) => db.query();
export function run(db) { a(db); b(db); c(db); }`,
        errors: [
          { messageId: 'floating', line: 4, column: 27, suggestions: [{ messageId: 'suggestVoid', output: `async function a(db) { return db.query(); }
async function b(db) { return await db.query(); }
const c = async (db) => db.query();
export function run(db) { void a(db); b(db); c(db); }` }] },
          { messageId: 'floating', line: 4, column: 34, suggestions: [{ messageId: 'suggestVoid', output: `async function a(db) { return db.query(); }
async function b(db) { return await db.query(); }
const c = async (db) => db.query();
export function run(db) { a(db); void b(db); c(db); }` }] },
          { messageId: 'floating', line: 4, column: 41, suggestions: [{ messageId: 'suggestVoid', output: `async function a(db) { return db.query(); }
async function b(db) { return await db.query(); }
const c = async (db) => db.query();
export function run(db) { a(db); b(db); void c(db); }` }] },
        ],
      },
      // `.then(onFulfilled)` and `.finally(cb)` without a handler, on calls the rule cannot resolve.
      {
        code: 'export function shutdown(server) { server.close().then(() => console.log("closed")); }',
        errors: [{ messageId: 'floating', suggestions: [{ messageId: 'suggestVoid', output: 'export function shutdown(server) { void server.close().then(() => console.log("closed")); }' }] }],
      },
      {
        code: 'export function stop(worker) { worker.stop().finally(() => console.log("stopped")); }',
        errors: [{ messageId: 'floating', suggestions: [{ messageId: 'suggestVoid', output: 'export function stop(worker) { void worker.stop().finally(() => console.log("stopped")); }' }] }],
      },
      // A stored promise that only resolves and that nothing observes: its completion is lost.
      {
        code: 'export function closeLater(server) {\n  const closed = new Promise((resolve) => server.close(resolve));\n}',
        errors: [{ messageId: 'forgottenTask', line: 2, suggestions: [{ messageId: 'suggestVoidInit', output: 'export function closeLater(server) {\n  const closed = void new Promise((resolve) => server.close(resolve));\n}' }] }],
      },
      // An un-awaited async call inside try/catch: the catch never sees its rejection.
      {
        code: `async function save(db, row) { await db.insert(row); }
export async function handle(db, row) {
  try {
    save(db, row); // TODO await?
  } catch (error) {
    console.error(error);
  }
}`,
        errors: [{ messageId: 'floating', line: 4, suggestions: [
          { messageId: 'suggestAwait', output: `async function save(db, row) { await db.insert(row); }
export async function handle(db, row) {
  try {
    await save(db, row); // TODO await?
  } catch (error) {
    console.error(error);
  }
}` },
          { messageId: 'suggestVoid', output: `async function save(db, row) { await db.insert(row); }
export async function handle(db, row) {
  try {
    void save(db, row); // TODO await?
  } catch (error) {
    console.error(error);
  }
}` },
        ] }],
      },
      // The textbook late await: a local async function returning an unresolved call.
      {
        code: `async function loadStats(db) { return db.stats(); }
export async function page(db) {
  const stats = loadStats(db);
  const count = await db.count();
  return [count, await stats];
}`,
        errors: [{ messageId: 'lateAwait', line: 3, suggestions: [{ messageId: 'suggestCatchTask', output: `async function loadStats(db) { return db.stats(); }
export async function page(db) {
  const stats = loadStats(db);
  stats.catch(() => {});
  const count = await db.count();
  return [count, await stats];
}` }] }],
      },
      // A late await on some paths only.
      {
        code: `async function one(api) { return api.get("/one"); }
export async function maybe(api, flag) {
  const task = one(api);
  if (flag) await api.ping();
  return await task;
}`,
        errors: [{ messageId: 'lateAwait', line: 3, suggestions: [{ messageId: 'suggestCatchTask', output: `async function one(api) { return api.get("/one"); }
export async function maybe(api, flag) {
  const task = one(api);
  task.catch(() => {});
  if (flag) await api.ping();
  return await task;
}` }] }],
      },
      // Promises pushed in a loop whose later iterations await other work.
      {
        code: `async function upload(api, file) { return api.put(file); }
export async function uploadAll(api, files) {
  const uploads = [];
  for (const file of files) {
    await api.check(file);
    uploads.push(upload(api, file));
  }
  await Promise.all(uploads);
}`,
        errors: [{ messageId: 'lateAwaitTasks', line: 6 }],
      },
      // Async callbacks given to a timer and (through `.bind(this)`) to a Node emitter.
      {
        code: 'setInterval(async () => { await fetch("/ping"); }, 1000);',
        errors: [{ messageId: 'voidCallback', suggestions: [
          { messageId: 'suggestTryCatchInside', output: 'setInterval(async () => { try { await fetch("/ping"); } catch (error) { console.error(error); } }, 1000);' },
        ] }],
      },
      {
        code: `import { EventEmitter } from 'node:events';
export class Poller extends EventEmitter {
  constructor(api) { super(); this.api = api; this.on('tick', this.onTick.bind(this)); }
  async onTick() { await this.api.refresh(); }
}`,
        errors: [{ messageId: 'voidCallback', line: 3 }],
      },
      {
        code: `export class Relay {
  #client;
  constructor(client) { this.#client = client; process.on('message', this.#onMessage.bind(this)); }
  async #onMessage(message) { await this.#client.send(message); }
}`,
        errors: [{ messageId: 'voidCallback', line: 3 }],
      },
      // An async function kept in a variable, then passed where its promise is dropped.
      {
        code: `import http from 'node:http';
const handler = async (req, res) => { res.end(await render(req)); };
http.createServer(handler).listen(8080);`,
        errors: [{ messageId: 'voidCallback', line: 3 }],
      },
      // The server APIs are found under any name: renamed on import, or spelled with an escape.
      {
        code: `import { createServer as serve } from 'node:https';
const handler = async (req, res) => { res.end(await render(req)); };
serve(options, handler);`,
        errors: [{ messageId: 'voidCallback', line: 3 }],
      },
      {
        code: `import http from 'node:http';
const handler = async (req, res) => { res.end(await render(req)); };
http.create\\u0053erver(handler).listen(8080);`,
        errors: [{ messageId: 'voidCallback', line: 3 }],
      },
      {
        code: `const node_http = require('node:http');
exports.start = () => (0, node_http.createServer)(async (req, res) => { await route(req, res); });`,
        errors: [{ messageId: 'voidCallback', line: 2, suggestions: [
          { messageId: 'suggestTryCatchInside', output: `const node_http = require('node:http');
exports.start = () => (0, node_http.createServer)(async (req, res) => { try { await route(req, res); } catch (error) { console.error(error); } });` },
        ] }],
        languageOptions: commonjs,
      },
      // An async listener on an unidentified emitter that visibly rejects is reported.
      {
        code: `import { readFile } from 'node:fs/promises';
export function watch(watcher) { watcher.on('change', async (file) => { await readFile(file); }); }`,
        errors: [{ messageId: 'voidCallback', line: 2, suggestions: [
          { messageId: 'suggestTryCatchInside', output: `import { readFile } from 'node:fs/promises';
export function watch(watcher) { watcher.on('change', async (file) => { try { await readFile(file); } catch (error) { console.error(error); } }); }` },
        ] }],
      },
      // Suggestion bug: no "attach a handler" after a declaration that awaits the other work itself.
      {
        code: `import { readFile } from 'node:fs/promises';
export async function boot(a, b) {
  const config = readFile(a), user = await readFile(b);
  return [await config, user];
}`,
        errors: [{ messageId: 'lateAwait', line: 3, suggestions: [] }],
      },
    ],
  },
  { withTypes: true },
);

runWithBothParsers('floating-task chains on unresolved calls', rule, {
  valid: [],
  invalid: [
    // A chain on a plain function of another module gets the same answer as one on a method.
    {
      code: `import { delay } from './timing.js';
export function retry(run) { delay(100).then(() => run()); }`,
      errors: [{ messageId: 'floating', suggestions: [{ messageId: 'suggestVoid', output: `import { delay } from './timing.js';
export function retry(run) { void delay(100).then(() => run()); }` }] }],
    },
    {
      code: `export function retry(clock, run) { clock.delay(100).then(() => run()); }`,
      errors: [{ messageId: 'floating', suggestions: [{ messageId: 'suggestVoid', output: `export function retry(clock, run) { void clock.delay(100).then(() => run()); }` }] }],
    },
  ],
});
