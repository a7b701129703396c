import rule from '../../../src/rules/floating-task.js';
import { runWithBothParsers } from '../../helpers/rule-tester.js';

// Issue 16, second round: shapes found on the development corpus, each written in our own words.

runWithBothParsers(
  'floating-task promises by usage',
  rule,
  {
    valid: [
      // Awaited in both places: nothing is dropped.
      `import { client } from './client.js';
export async function a() { await client.fetchAll(); }
export async function b() { await client.fetchAll(); }`,
      // The callback form of an awaited method may return what its callback returns.
      `import { timer } from './timer.js';
export async function a() { await timer.measure('a', async () => {}); }
export function b() { timer.measure('b', () => 1); }`,
      // An async function that awaits the method, guarding its other awaits, is judged as before.
      `export function run(runner, report) {
  const go = async () => { try { await report.open(); } catch { return; } await runner.start(); };
  go().then(() => {});
  return runner.start;
}`,
      // Another method of the same client, never awaited anywhere: not known to be a promise.
      `import { client } from './client.js';
export async function a() { await client.fetchAll(); }
export function b() { client.log('b'); }`,
    ],
    invalid: [
      // A method the file awaits through the same client is a promise where it is dropped too.
      {
        code: `import { client } from './client.js';
export async function load(id) { return await client.request('GET', id); }
export async function touch(id) { client.request('PUT', id); }`,
        errors: [
          {
            messageId: 'floating',
            line: 3,
            suggestions: [
              { messageId: 'suggestAwait', output: `import { client } from './client.js';
export async function load(id) { return await client.request('GET', id); }
export async function touch(id) { await client.request('PUT', id); }` },
              { messageId: 'suggestVoid', output: `import { client } from './client.js';
export async function load(id) { return await client.request('GET', id); }
export async function touch(id) { void client.request('PUT', id); }` },
            ],
          },
        ],
      },
    ],
  },
  { withTypes: false },
);

runWithBothParsers(
  'floating-task completion callbacks',
  rule,
  {
    valid: [
      // A completion callback of a receiver the rule cannot identify: it may await it.
      'export function stop(pool, log) { pool.end(async () => { await log.flush(); }); }',
      // A guarded completion callback on a server.
      `import http from 'node:http';
const server = http.createServer(() => {}).listen(8080);
export function stop(pool) { server.close(async () => { try { await pool.end(); } catch (error) { console.error(error); } }); }`,
    ],
    invalid: [
      // `server.close(cb)` of the server `app.listen()` returns calls `cb` and ignores its promise.
      {
        code: `const server = app.listen(3000);
export function stop(pool) { server.close(async () => { await pool.end(); }); }`,
        errors: [{ messageId: 'voidCallback', line: 2, data: { callee: '`server.close`' }, suggestions: [
          { messageId: 'suggestTryCatchInside', output: `const server = app.listen(3000);
export function stop(pool) { server.close(async () => { try { await pool.end(); } catch (error) { console.error(error); } }); }` },
        ] }],
      },
    ],
  },
);

runWithBothParsers(
  'floating-task drained queues',
  rule,
  {
    valid: [
      // The stored items are functions that start the work when taken: nothing runs unobserved.
      `export class Jobs {
  #queue = [];
  add(job) { this.#queue.push(() => job.run()); }
  async drain() { while (this.#queue.length > 0) { const next = this.#queue.shift(); await next(); } }
}`,
      // Each stored promise is handled as it is stored.
      `import { readFile } from 'node:fs/promises';
export async function readAll(files) {
  const pending = [];
  for (const file of files) pending.push(readFile(file).catch(() => null));
  for (const read of pending) await read;
}`,
      // Awaited together.
      `import { readFile } from 'node:fs/promises';
export async function readAll(files) { const pending = []; for (const file of files) pending.push(readFile(file)); return Promise.all(pending); }`,
    ],
    invalid: [
      // A node carrying a running read, queued in a field that a method drains one node at a time.
      {
        code: `export class Sender {
  #queue = [];
  add(blob, done) {
    const node = { promise: blob.arrayBuffer().then((bytes) => { node.bytes = bytes; }), done };
    this.#queue.push(node);
  }
  async #run() {
    const queue = this.#queue;
    while (queue.length > 0) {
      const node = queue.shift();
      await node.promise;
      node.done(node.bytes);
    }
  }
}`,
        errors: [{ messageId: 'drainedQueue', line: 4, data: { queue: 'this.#queue', line: '9' } }],
      },
      // A local array of running reads awaited one after another.
      {
        code: `import { readFile } from 'node:fs/promises';
export async function readAll(files) {
  const pending = [];
  for (const file of files) pending.push(readFile(file));
  const out = [];
  for (const read of pending) out.push(await read);
  return out;
}`,
        errors: [{ messageId: 'drainedQueue', line: 4, data: { queue: 'pending', line: '6' } }],
      },
    ],
  },
  { withTypes: true },
);

runWithBothParsers(
  'floating-task promises in a Map or Set',
  rule,
  {
    valid: [
      // The map is handed on: its caller observes the promises.
      `import { readFile } from 'node:fs/promises';
export function preload(files) { const reads = new Map(); for (const file of files) reads.set(file, readFile(file)); return reads; }`,
      // Read back and awaited.
      `import { readFile } from 'node:fs/promises';
export async function first(files) { const reads = new Map(); for (const file of files) reads.set(file, readFile(file)); return reads.get(files[0]); }`,
      // A class of the file named Map is no keyed collection the rule knows, and its instance no promise.
      `import { readFile } from 'node:fs/promises';
class Map { set(key, value) { this[key] = value; } }
export function warm(files) { const reads = new Map(); for (const file of files) reads.set(file, readFile(file)); }`,
      // An assignment starts no collection the rule follows.
      `import { readFile } from 'node:fs/promises';
export function warm(files) { let reads; reads = new Map(); for (const file of files) reads.set(file, readFile(file)); }`,
    ],
    invalid: [
      // Running reads kept in a map nothing reads again.
      {
        code: `import { readFile } from 'node:fs/promises';
export async function warm(files) {
  const reads = new Map();
  for (const file of files) reads.set(file, readFile(file));
}`,
        errors: [{ messageId: 'forgottenTasks', line: 3, data: { name: 'reads' }, suggestions: [
          { messageId: 'suggestAwaitTask', output: `import { readFile } from 'node:fs/promises';
export async function warm(files) {
  const reads = new Map();
  for (const file of files) reads.set(file, readFile(file));
  await Promise.all(reads.values());
}` },
        ] }],
      },
      {
        code: `import { readFile } from 'node:fs/promises';
export function warm(files) { const reads = new Set(); for (const file of files) reads.add(readFile(file)); }`,
        errors: [{ messageId: 'forgottenTasks', line: 2, data: { name: 'reads' }, suggestions: [] }],
      },
    ],
  },
  { withTypes: true },
);

runWithBothParsers(
  'floating-task promises stored in array and object literals',
  rule,
  {
    valid: [
      // A literal that only ever holds plain values.
      `export function count(files) { const seen = {}; const names = []; for (const file of files) { seen[file] = true; names.push(file); } return names.length; }`,
    ],
    invalid: [
      // A store through a conditional receiver may go into either literal.
      {
        code: `import { readFile } from 'node:fs/promises';
export function warm(files, urgent) { const now = []; const later = []; for (const file of files) (urgent(file) ? now : later).push(readFile(file)); }`,
        errors: [
          { messageId: 'forgottenTasks', line: 2, data: { name: 'now' }, suggestions: [] },
          { messageId: 'forgottenTasks', line: 2, data: { name: 'later' }, suggestions: [] },
        ],
      },
      // A running read kept under a key of an object literal.
      {
        code: `import { readFile } from 'node:fs/promises';
export function warm(files) { const reads = {}; for (const file of files) reads[file] = readFile(file); }`,
        errors: [{ messageId: 'forgottenTasks', line: 2, data: { name: 'reads' }, suggestions: [] }],
      },
    ],
  },
  { withTypes: true },
);
