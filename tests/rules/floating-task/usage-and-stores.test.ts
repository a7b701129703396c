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
