import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tsParser from '@typescript-eslint/parser';
import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import rule, { type MessageIds, type Options } from '../../src/rules/no-sequential-await-in-loop.js';
import { commonjs, jsRuleTester, runWithBothParsers, tsRuleTester, typedRuleTester, type RuleCases } from '../helpers/rule-tester.js';
import { applyFixes } from '../helpers/apply-fixes.js';
import { parses } from '../helpers/lint-code.js';
import { getDocExamples } from '../helpers/doc-examples.js';

type Invalid = InvalidTestCase<MessageIds, Options>;
type Error = Invalid['errors'][number];
type Suggestion = NonNullable<Error['suggestions']>[number];

/** The awaited expression each `sequential()` report names, checked against the message by `describe('reported await')`. */
const awaitedOf = new WeakMap<Error, string>();

/**
 * The report and where it points. `awaited` is the awaited expression the message must name; the
 * message's full data (what the rule saw) is checked by `saw()` cases and `describe('message')`.
 */
function sequential(awaited: string, extra: Partial<Error> = {}): Error {
  const error: Error = { messageId: 'sequentialAwait', ...extra };
  awaitedOf.set(error, awaited);
  return error;
}

function concurrently(output: string, messageId: MessageIds = 'runConcurrently'): Suggestion {
  return { messageId, output };
}

function phases(output: string, messageId: MessageIds = 'runPhases'): Suggestion {
  return { messageId, output };
}

const MAIN_CASES: RuleCases<MessageIds, Options> = {
  valid: [
    // ---- Loops that are never reported.
    'async function f(q) { while (q.length) { await handle(q.shift()); } }',
    'async function f(x) { do { x = await next(x); } while (x); }',
    'async function f(source) { for await (const chunk of source) { await write(chunk); } }',
    'async function f(xs) { for (x of xs) { await load(x); } }',
    'async function f(xs) { for (const x of xs) { load(x); } }',
    'async function f(xs) { for (const x of xs) { items.push(async () => await load(x)); } }',
    'function f(xs) { for (const x of xs) { xs.forEach(async (y) => { await load(y, x); }); } }',
    'async function f(n) { for (let i = n; i >= 0; i--) { await load(i); } }',
    'async function f(n) { for (let i = 0; i < n; i = i * 2) { await load(i); } }',

    // ---- A value carried to the next iteration.
    'async function f(xs) { let prev = null; for (const x of xs) { prev = await step(x, prev); } return prev; }',
    'async function f(xs) { let last; for (const x of xs) { last = await load(x); } return last; }',
    'async function f(ids) { let cursor; for (const id of ids) { const page = await list(id, cursor); cursor = page.next; } }',
    'async function f(xs) { const seen = new Set(); for (const x of xs) { if (seen.has(x.key)) continue; seen.add(x.key); await load(x); } }',
    'async function f(n, out) { for (let i = 1; i < n; i++) { out[i] = await step(out[i - 1]); } }',
    'async function f(xs) { const out = []; for (const x of xs) { out.push(await load(x, out.length)); } }',
    'async function f(xs) { let total = 0; for (const x of xs) { total += await price(x, total); } }',
    'async function f(xs) { for (const x of xs) { [a, b] = await pair(x); } }',
    'async function f(xs, list) { for (const x of xs) { list.sort(); await load(x); } }',
    // ---- A list that grows while it is iterated (worklist).
    'async function f(pending) { for (const item of pending) { const deps = await resolveDeps(item); pending.push(...deps); } }',
    'async function f(list) { for (let i = 0; i < list.length; i++) { list.push(...(await expand(list[i]))); } }',
    'async function f(list) { for (let i = 0; i < list.length; i++) { const more = await expand(list[i]); list.splice(i, 0, ...more); } }',
    'async function f(n) { for (let i = 0; i < n; i++) { i += await skip(i); } }',
    'async function f(pending) { for (const item of pending) { await expandInto(item, pending); } }',

    // ---- Early exits: first-match searches, stop-on-error batches.
    'async function f(xs) { for (const x of xs) { if (await ok(x)) break; } }',
    'async function f(xs) { for (const x of xs) { const r = await fetchOne(x); if (r.ok) return r; } }',
    'async function f(xs) { for (const x of xs) { try { await load(x); } catch (error) { throw new Error(`load ${x}`, { cause: error }); } } }',
    // ---- Transactions and sessions: one statement at a time, whatever the iterations touch.
    'async function f(prisma, rows) { await prisma.$transaction(async (tx) => { for (const row of rows) { await tx.user.create({ data: row }); } }); }',
    'async function f(coll, docs, session) { for (const doc of docs) { await coll.insertOne(doc, { session }); } }',
    'async function f(User, rows, t) { for (const row of rows) { await User.create(row, { transaction: t }); } }',
    'async function f(dataSource, rows) { await dataSource.transaction(async (manager) => { for (const row of rows) { await manager.save(row); } }); }',
    'async function f(knex, rows) { await knex.transaction(async (trx) => { for (const row of rows) { await trx("users").insert(row); } }); }',
    "async function f(pool, ids) { const client = await pool.connect(); await client.query('BEGIN'); try { for (const id of ids) { await client.query('UPDATE orders SET shipped = true WHERE id = $1', [id]); } await client.query('COMMIT'); } finally { client.release(); } }",
    'async function f(lines) { await withTransaction(async (client) => { for (const line of lines) { await client.query("UPDATE stock SET n = n - 1 WHERE sku = $1", [line.sku]); } }); }',
    'async function f(session, docs, coll) { await session.withTransaction(async () => { for (const doc of docs) { await coll.updateOne({ _id: doc.id }, { $set: doc }, { session }); } }); }',
    // ---- The loop runs handed-in code, or statements in an order built for them.
    'async function f(exts, data) { for (const ext of exts) { await ext.setup(data); } }',
    'async function f(computed, data) { for (const fn of computed) { await fn(data); } }',
    'async function f(stack) { for (const r of stack.reverse()) { await r[Symbol.asyncDispose](); } }',
    'async function f(models) { models.reverse(); for (const model of models) { await model.sync(); } }',
    'class QueryInterface { async rebuild(statements) { for (const sql of statements) { await this.sequelize.query(sql); } } }',
    'async function f(paths, ordered) { if (ordered) { for (const p of paths) { await populate(p); } } else { await Promise.all(paths.map(populate)); } }',
    'async function f(xs) { for (const x of xs) { if (!(await ok(x))) process.exit(1); } }',
    'async function f(xs) { done: { for (const x of xs) { if (await found(x)) break done; } } }',

    // ---- Pacing and retries.
    'async function f(xs) { for (const x of xs) { await send(x); await sleep(100); } }',
    'async function f(xs) { for (const x of xs) { await send(x); await utils.delay(50); } }',
    'async function f(xs) { for (const x of xs) { await send(x); await sleepMs(10); } }',
    'async function f(xs) { for (const x of xs) { await waitForIdle(x); } }',
    'async function f(xs) { for (const x of xs) { await send(x); await new Promise((resolve) => setTimeout(resolve, 100)); } }',
    "import { setTimeout as pause } from 'node:timers/promises'; async function f(xs) { for (const x of xs) { await send(x); await pause(100); } }",
    "import timers from 'timers/promises'; async function f(xs) { for (const x of xs) { await send(x); await timers.scheduler.wait(5); } }",
    { code: "const { setTimeout: nap } = require('node:timers/promises'); async function f(xs) { for (const x of xs) { await send(x); await nap(10); } }", languageOptions: commonjs },
    { code: 'async function f(xs) { for (const x of xs) { await send(x); await pace(x); } }', options: [{ pacingCallees: ['pace'] }] },
    { code: 'async function f(xs) { for (const x of xs) { await send(x); await new Promise((r) => setTimeout(r, 5)); } }', options: [{ pacingCallees: ['pace'] }] },
    'async function f(xs) { for (const x of xs) { await withBackoff(() => send(x)); await backoffFor(x); } }',

    // ---- One connection, lock or stream.
    'async function f(tx, rows) { for (const row of rows) { await tx.insert(row); } }',
    'async function f(rows) { for (const row of rows) { await this.dbSession.run(row); } }',
    'async function f(userTx, rows) { for (const row of rows) { await userTx.query(row); } }',
    'async function f(cursor, n) { for (let i = 0; i < n; i++) { await cursor.next(i); } }',
    'async function f(trx, rows) { for (const row of rows) { await insertRow(trx, row); } }',
    'async function f(writer, chunks) { for (const c of chunks) { writer.write(c); await drained(c); } }',
    'async function f(client, docs) { for (const doc of docs) { await client.connection.open(doc); } }',
    { code: 'async function f(pool, rows) { for (const row of rows) { await pool.query(row); } }', options: [{ sequentialReceivers: ['pool'] }] },
    // `this` is named by its class: a method of a cursor, stream or queue class works on that one object.
    'class ResultCursor { async toList(ids) { const out = []; for (const id of ids) { out.push(await this.decode(id)); } return out; } }',
    'const LogStream = class { async drainAll(parts) { for (const part of parts) { sent.push(await this.flushPart(part)); } } };',
    'class EntryQueue { async addAll(entries) { for (const entry of entries) { ids.push(await register(this, entry)); } } }',
    { code: 'class ConnectionPool { async warm(ids) { for (const id of ids) { ready.push(await this.open(id)); } } }', options: [{ sequentialReceivers: ['pool'] }] },

    // ---- Ordered side effects: child processes and scripts.
    "import { execa } from 'execa'; async function f(dirs) { for (const dir of dirs) { await execa('npm', ['test'], { cwd: dir }); } }",
    "import cp from 'node:child_process'; async function f(files) { for (const file of files) { const child = cp.spawn('lint', [file]); await once(child, 'exit'); } }",
    { code: "const { execFile: run } = require('child_process'); async function f(files) { for (const file of files) { await new Promise((resolve) => run('lint', [file], resolve)); } }", languageOptions: commonjs },
    "async function f(pkg) { for (const event of ['preinstall', 'install', 'postinstall']) { await runScript({ event, path: pkg.path }); } }",
    'async function f(cmds) { for (const c of cmds) { await exec(c); } }',
    "async function f(dirs) { for (const dir of dirs) { await pack(dir, { stdio: 'inherit' }); } }",
    'async function f(dirs) { for (const dir of dirs) { await $`npm test --prefix ${dir}`; } }',
    // Writes to `this` (or a shared object) that the awaited call reads.
    'class A { async f(dirs) { for (const dir of dirs) { this.cwd = dir; await this.load(dir); } } }',
    'async function f(state, dirs) { for (const dir of dirs) { state.cwd = dir; await load(state, dir); } }',
    'async function f(xs, merged) { for (const x of xs) { Object.assign(merged, x.defaults); await apply(x); } }',
    // Read-modify-write of one shared resource.
    "async function f(file, xs) { for (const x of xs) { const data = JSON.parse(await readFile(file, 'utf8')); data[x.id] = x; await writeFile(file, JSON.stringify(data)); } }",
    "import { appendFile } from 'node:fs/promises'; async function f(lines) { for (const line of lines) { await appendFile('log.txt', line); } }",
    'async function f(xs) { for (const x of xs) { await save(); await load(x); } }',
    // Interactive steps.
    'async function f(fields) { for (const field of fields) { answers[field] = await prompt(`Value for ${field}?`); } }',
    'async function f(rl, qs) { for (const q of qs) { out.push(await rl.question(q)); } }',
    'async function f(pkgs) { for (const pkg of pkgs) { await otplease(pkg, (otp) => publishOne(pkg, otp)); } }',
    // Units of work that run in order.
    'async function f(tests) { for (const t of tests) { await runTest(t); } }',
    'async function f(files) { for (const file of files) { await import(file); } }',
    'async function f(files) { for (const file of files) { await importFile(file); } }',
    'async function f(events) { for (const e of events) { await publish(e); } }',
    'async function f(handlers, event) { for (const handler of handlers) { await handler(event); } }',
    'async function f(servers) { for (const server of servers) { await server.close(); } }',
    'async function f(plugins, app) { for (const p of plugins) { await p.setup(app); } }',
    'async function f(subs, msg) { for (const sub of subs) { await sub.handler(msg); } }',
    // The instance's state may carry from one item to the next.
    'class A { async f(pkgs) { for (const pkg of pkgs) { await this.installOne(pkg); } } }',
    'class A { async f(edges) { for (const edge of edges) { const root = this.virtualRoot(edge); tasks.push(await this.nodeFor(edge, root)); } } }',
    // A function of the file that writes shared state.
    'const merged = {}; async function merge(x) { Object.assign(merged, await load(x)); } async function f(xs) { for (const x of xs) { await merge(x); } }',
    'let count = 0; const visit = async (x) => { count = count + (await size(x)); }; async function f(xs) { for (const x of xs) { await visit(x); } }',
    // State handed to every call.
    'async function f(dirs) { const seen = new Set(); for (const dir of dirs) { await walk(dir, seen); } }',
    'async function f(files, cache) { for (const file of files) { out.push(await parse(file, { cache })); } }',
    'async function f(dirs, visited) { for (const dir of dirs) { await walk(dir, visited); } }',

    // ---- Work already started or already batched.
    'async function f(tasks) { const out = []; for (const t of tasks) { out.push(await t.promise); } return out; }',
    'async function f(promises) { for (const p of promises) { results.push(await p); } }',
    'async function f(jobs) { for (const j of jobs) { await j.done.then(report); } }',
    'async function f(groups) { for (const group of groups) { await Promise.all(group.map((x) => load(x))); } }',
    'async function f(batches) { for (const batch of batches) { await insertMany(batch); } }',
    'async function f(chunks) { for (const c of chunks) { await upload(c); } }',
    'async function f(totalPages) { for (let page = 1; page <= totalPages; page++) { out.push(await fetchPage(page)); } }',
    'async function f(maxAttempts) { for (let attempt = 0; attempt < maxAttempts; attempt++) { await tryOnce(attempt); } }',
    'async function f(migrations) { for (const m of migrations) { await apply(m); } }',
    'async function f(files, parallel) { if (parallel) { await Promise.all(files.map((file) => load(file))); } else { for (const file of files) { await load(file); } } }',
    // Every await must start work for this item.
    'async function f(n) { for (let i = 0; i < n; i++) { await ping(); } }',

    // ---- Async generators stream in order.
    'async function* f(ids) { for (const id of ids) { yield await load(id); } }',
    'async function* f(ids) { for (const id of ids) { const x = await load(id); yield x; } }',
    // ---- `for await` and `await using` in the body.
    'async function f(files) { for (const file of files) { for await (const line of read(file)) { await handle(line); } } }',

    // ---- Syntax the rule must get through without reporting or throwing.
    'async function f(xs) { for (const x of xs); for (const y in xs) {} for (let i = 0; i < 1; i++) {} }',
    'class A { static { for (const x of [1]) g(x); } field = (async () => { for (const x of this.xs) { await this.g(x); } })(); #p = 1; async *[Symbol.asyncIterator]() { for (const x of this.xs) yield await x; } }',
    // ---- The opt-out comment and eslint-disable.
    'async function f(ids) {\n  // sequential: the API allows one request at a time\n  for (const id of ids) {\n    await load(id);\n  }\n}',
    'async function f(ids) {\n  for (const id of ids) { // Sequential on purpose\n    await load(id);\n  }\n}',
    'async function f(ids) {\n  /* keep SEQUENTIAL */ for (const id of ids) await load(id);\n}',
  ],
  invalid: [
    // ---- Output in item order, or a check that throws like Promise.all rejects: reported without a rewrite.
    { code: 'async function f(ids) { for (const id of ids) { console.log(`fetching ${id}`); await fetchUser(id); } }', errors: [sequential('fetchUser(id)')] },
    { code: 'async function f(ids, log) { for (const id of ids) { log.info("checking", id); await checkUser(id); } }', errors: [sequential('checkUser(id)')] },
    {
      code: 'async function f(xs) { for (const x of xs) { const r = await check(x); if (!r.ok) throw new Error(r.message); } }',
      errors: [sequential('check(x)', { suggestions: [concurrently('async function f(xs) { await Promise.all(Array.from(xs, async (x) => { const r = await check(x); if (!r.ok) throw new Error(r.message); })); }')] })],
    },
    // A `Promise.all` over one list makes only the loop over that list deliberate, whichever loop of the function asks first.
    {
      code: 'async function f(ids, names) { for (const id of ids) { await load(id); } await Promise.all(names.map(touch)); for (const name of names) { await touch(name); } }',
      errors: [
        sequential('load(id)', {
          suggestions: [
            concurrently('async function f(ids, names) { await Promise.all(Array.from(ids, async (id) => { await load(id); })); await Promise.all(names.map(touch)); for (const name of names) { await touch(name); } }'),
          ],
        }),
      ],
    },
    // A sort makes only the loops after it ordered: the list of the loop before it is not sorted yet.
    {
      code: 'async function f(xs) { for (const x of xs) { await load(x); } xs.sort(); for (const x of xs) { await save(x); } }',
      errors: [
        sequential('load(x)', {
          suggestions: [concurrently('async function f(xs) { await Promise.all(Array.from(xs, async (x) => { await load(x); })); xs.sort(); for (const x of xs) { await save(x); } }')],
        }),
      ],
    },
    // ---- The plain rewrite.
    {
      code: 'async function f(ids) {\n  for (const id of ids) {\n    await load(id);\n  }\n}',
      output: null,
      errors: [
        sequential('load(id)', {
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 19,
          suggestions: [concurrently('async function f(ids) {\n  await Promise.all(Array.from(ids, async (id) => {\n    await load(id);\n  }));\n}')],
        }),
      ],
    },
    // Comments and formatting of the body are kept; `continue` of this loop becomes `return`, an inner loop's is left alone.
    {
      code: [
        'async function f(paths) {',
        '  for (const path of paths) {',
        '    // skip kept files',
        "    if (path.endsWith('.keep')) continue;",
        '    for (const part of path.split("/")) {',
        '      if (!part) continue;',
        '    }',
        '    await rm(path, { force: true }).catch(() => {}); /* best effort */',
        '  }',
        '}',
      ].join('\n'),
      output: null,
      errors: [
        sequential('rm(…)', {
          line: 8,
          suggestions: [
            concurrently(
              [
                'async function f(paths) {',
                '  await Promise.all(Array.from(paths, async (path) => {',
                '    // skip kept files',
                "    if (path.endsWith('.keep')) return;",
                '    for (const part of path.split("/")) {',
                '      if (!part) continue;',
                '    }',
                '    await rm(path, { force: true }).catch(() => {}); /* best effort */',
                '  }));',
                '}',
              ].join('\n'),
            ),
          ],
        }),
      ],
    },
    // `continue` inside a `switch` still targets the loop.
    {
      code: 'async function f(xs) { for (const x of xs) { switch (x.kind) { case "a": continue; default: await load(x); } } }',
      output: null,
      errors: [
        sequential('load(x)', {
          suggestions: [concurrently('async function f(xs) { await Promise.all(Array.from(xs, async (x) => { switch (x.kind) { case "a": return; default: await load(x); } })); }')],
        }),
      ],
    },
    // A body without braces; a known array uses `.map`.
    {
      code: "async function f() {\n  for (const name of ['a', 'b']) await create(name);\n}",
      output: null,
      errors: [sequential('create(name)', { suggestions: [concurrently("async function f() {\n  await Promise.all(['a', 'b'].map(async (name) => { await create(name); }));\n}")] })],
    },
    {
      code: 'async function f(obj) {\n  for (const [key, value] of Object.entries(obj)) {\n    await save(key, value);\n  }\n}',
      output: null,
      errors: [
        sequential('save(key, value)', {
          suggestions: [concurrently('async function f(obj) {\n  await Promise.all(Object.entries(obj).map(async ([key, value]) => {\n    await save(key, value);\n  }));\n}')],
        }),
      ],
    },
    {
      code: 'async function f(list) {\n  const files = list.filter(Boolean);\n  for (const { path, mode } of files) {\n    await chmod(path, mode);\n  }\n}',
      output: null,
      errors: [
        sequential('chmod(path, mode)', {
          suggestions: [
            concurrently('async function f(list) {\n  const files = list.filter(Boolean);\n  await Promise.all(files.map(async ({ path, mode }) => {\n    await chmod(path, mode);\n  }));\n}'),
          ],
        }),
      ],
    },
    // A Set, a generator, an expression: `Array.from`, with parentheses only where needed.
    {
      code: 'async function f(a, b) {\n  for (const x of a || b) await load(x);\n}',
      output: null,
      errors: [sequential('load(x)', { suggestions: [concurrently('async function f(a, b) {\n  await Promise.all(Array.from(a || b, async (x) => { await load(x); }));\n}')] })],
    },
    // Per-item error handling, output in the `catch`: fire-for-each.
    {
      code: 'async function f(files, log) {\n  for (const file of files) {\n    try {\n      await unlink(file);\n    } catch (error) {\n      log.warn(file, error);\n    }\n  }\n}',
      output: null,
      errors: [
        sequential('unlink(file)', {
          suggestions: [
            concurrently(
              'async function f(files, log) {\n  await Promise.all(Array.from(files, async (file) => {\n    try {\n      await unlink(file);\n    } catch (error) {\n      log.warn(file, error);\n    }\n  }));\n}',
            ),
          ],
        }),
      ],
    },
    // Counters and keyed results in a counted loop, which keeps the plain form.
    {
      code: 'async function f(n, out) {\n  let done = 0;\n  for (let i = 0; i < n; i++) {\n    out[i] = await render(i);\n    done++;\n  }\n  return done;\n}',
      output: null,
      errors: [
        sequential('render(i)', {
          suggestions: [
            concurrently(
              'async function f(n, out) {\n  let done = 0;\n  await Promise.all(Array.from({ length: n }, async (_, i) => {\n    out[i] = await render(i);\n    done++;\n  }));\n  return done;\n}',
            ),
          ],
        }),
      ],
    },
    // `_` is taken (lodash): another placeholder.
    {
      code: 'async function f(n) {\n  for (let i = 0; i < n; ++i) await load(_.get(i));\n}',
      output: null,
      errors: [sequential('load(_.get(i))', { suggestions: [concurrently('async function f(n) {\n  await Promise.all(Array.from({ length: n }, async (__, i) => { await load(_.get(i)); }));\n}')] })],
    },
    {
      code: 'async function f(items) {\n  for (let i = 0; i < items.length; i += 1) {\n    const item = items[i];\n    await upload(item);\n  }\n}',
      output: null,
      errors: [
        sequential('upload(item)', {
          suggestions: [
            concurrently('async function f(items) {\n  await Promise.all(Array.from({ length: items.length }, async (_, i) => {\n    const item = items[i];\n    await upload(item);\n  }));\n}'),
          ],
        }),
      ],
    },
    // Files without semicolons get none; a label nobody uses goes away.
    {
      code: 'async function f(ids) {\n  const a = 1\n  each: for (const id of ids) {\n    await load(id, a)\n  }\n}',
      output: null,
      errors: [sequential('load(id, a)', { suggestions: [concurrently('async function f(ids) {\n  const a = 1\n  await Promise.all(Array.from(ids, async (id) => {\n    await load(id, a)\n  }))\n}')] })],
    },
    // ...except where the next line would continue the expression.
    {
      code: 'async function f(ids) {\n  const a = 1\n  for (const id of ids) {\n    await load(id, a)\n  }\n  [a].forEach(use)\n}',
      output: null,
      errors: [
        sequential('load(id, a)', {
          suggestions: [concurrently('async function f(ids) {\n  const a = 1\n  await Promise.all(Array.from(ids, async (id) => {\n    await load(id, a)\n  }));\n  [a].forEach(use)\n}')],
        }),
      ],
    },

    // ---- Concurrent phase, then sequential phase.
    {
      code: 'async function f(ids) {\n  const users = [];\n  for (const id of ids) {\n    const user = await getUser(id);\n    users.push(user);\n  }\n  return users;\n}',
      output: null,
      errors: [
        sequential('getUser(id)', {
          line: 4,
          column: 18,
          suggestions: [
            phases('async function f(ids) {\n  const users = [];\n  for (const user of await Promise.all(Array.from(ids, async (id) => getUser(id)))) {\n    users.push(user);\n  }\n  return users;\n}'),
          ],
        }),
      ],
    },
    // The rest of the body reads the loop variable: it is handed back with the value; output stays in item order.
    {
      code: 'async function f(ids) {\n  for (const id of ids) {\n    const user = await getUser(id);\n    console.log(id, user.name);\n  }\n}',
      output: null,
      errors: [
        sequential('getUser(id)', {
          suggestions: [
            phases('async function f(ids) {\n  for (const { id, user } of await Promise.all(Array.from(ids, async (id) => ({ id, user: await getUser(id) })))) {\n    console.log(id, user.name);\n  }\n}'),
          ],
        }),
      ],
    },
    // Filter.
    {
      code: 'async function f(candidates) {\n  const found = [];\n  for (const c of candidates) {\n    if (await exists(c)) found.push(c);\n  }\n  return found;\n}',
      output: null,
      errors: [
        sequential('exists(c)', {
          suggestions: [
            phases('async function f(candidates) {\n  const found = [];\n  for (const { c, result } of await Promise.all(Array.from(candidates, async (c) => ({ c, result: await exists(c) })))) {\n    if (result) found.push(c);\n  }\n  return found;\n}'),
          ],
        }),
      ],
    },
    // `total += await ...` reads `total` before the await: the split keeps the sum right.
    {
      code: 'async function f(files) {\n  let total = 0;\n  for (const file of files) total += await sizeOf(file);\n  return total;\n}',
      output: null,
      errors: [
        sequential('sizeOf(file)', {
          suggestions: [phases('async function f(files) {\n  let total = 0;\n  for (const result of await Promise.all(Array.from(files, async (file) => sizeOf(file)))) total += result;\n  return total;\n}')],
        }),
      ],
    },
    // A derived name for the value, never one the file uses.
    {
      code: 'async function f(ids, out) {\n  const user = 1;\n  for (const id of ids) out.push(await fetchUser(id));\n}',
      output: null,
      errors: [
        sequential('fetchUser(id)', {
          suggestions: [phases('async function f(ids, out) {\n  const user = 1;\n  for (const user2 of await Promise.all(Array.from(ids, async (id) => fetchUser(id)))) out.push(user2);\n}')],
        }),
      ],
    },
    // A short literal list: the results are pushed at once.
    {
      code: "async function f(created) {\n  for (const name of ['a', 'b']) created.push(await create(name));\n}",
      output: null,
      errors: [sequential('create(name)', { suggestions: [phases("async function f(created) {\n  created.push(...(await Promise.all(['a', 'b'].map(async (name) => create(name)))));\n}")] })],
    },
    // Keyed results keep their insertion order; destructured names are handed back.
    {
      code: 'async function f(obj) {\n  const out = {};\n  for (const [key, value] of Object.entries(obj)) {\n    out[key] = await convert(value);\n  }\n  return out;\n}',
      output: null,
      errors: [
        sequential('convert(value)', {
          suggestions: [
            phases(
              'async function f(obj) {\n  const out = {};\n  for (const { key, result } of await Promise.all(Object.entries(obj).map(async ([key, value]) => ({ key, result: await convert(value) })))) {\n    out[key] = result;\n  }\n  return out;\n}',
            ),
          ],
        }),
      ],
    },
    // The awaited value is parsed afterwards, in the sequential phase; `this.*` written after the only await.
    {
      code: "class Store {\n  async load(files) {\n    for (const file of files) {\n      const data = JSON.parse(await readFile(file, 'utf8'));\n      this.last = data.name;\n    }\n  }\n}",
      output: null,
      errors: [
        sequential("readFile(file, 'utf8')", {
          suggestions: [
            phases(
              "class Store {\n  async load(files) {\n    for (const result of await Promise.all(Array.from(files, async (file) => readFile(file, 'utf8')))) {\n      const data = JSON.parse(result);\n      this.last = data.name;\n    }\n  }\n}",
            ),
          ],
        }),
      ],
    },
    // `let` stays `let` when the rest of the body reassigns.
    {
      code: 'async function f(urls, out) {\n  for (const url of urls) {\n    let body = await download(url);\n    body = body.trim();\n    out.push(body);\n  }\n}',
      output: null,
      errors: [
        sequential('download(url)', {
          suggestions: [phases('async function f(urls, out) {\n  for (let body of await Promise.all(Array.from(urls, async (url) => download(url)))) {\n    body = body.trim();\n    out.push(body);\n  }\n}')],
        }),
      ],
    },
    // Counted loop, split.
    {
      code: 'async function f(n, out) {\n  for (let i = 0; i < n; i++) {\n    const page = await render(i);\n    out.push(page);\n  }\n}',
      output: null,
      errors: [
        sequential('render(i)', {
          suggestions: [phases('async function f(n, out) {\n  for (const page of await Promise.all(Array.from({ length: n }, async (_, i) => render(i)))) {\n    out.push(page);\n  }\n}')],
        }),
      ],
    },

    // ---- Reported without a rewrite.
    {
      code: 'async function f(obj) { for (const key in obj) { await save(key); } }',
      output: null,
      errors: [sequential('save(key)', { suggestions: [] })],
    },
    {
      code: 'async function f(ids) { for (var id of ids) { await load(id); } }',
      output: null,
      errors: [sequential('load(id)', { suggestions: [] })],
    },
    {
      code: 'async function f(ids) { for (const id of ids) { var copy = id; await load(copy); } }',
      output: null,
      errors: [sequential('load(copy)', { suggestions: [] })],
    },
    {
      code: 'async function f(ids) { for (const id of ids) { await load(id, arguments.length); } }',
      output: null,
      errors: [sequential('load(id, arguments.length)', { suggestions: [] })],
    },
    {
      code: 'class A extends B { async f(ids) { for (const id of ids) { await super.load(id); } } }',
      output: null,
      errors: [sequential('super.load(id)', { suggestions: [] })],
    },
    {
      code: 'async function f(ids) { each: for (const id of ids) { if (!id) continue each; await load(id); } }',
      output: null,
      errors: [sequential('load(id)', { suggestions: [] })],
    },
    {
      code: 'async function f(n) { for (let i = 1; i < n; i++) { await load(i); } }',
      output: null,
      errors: [sequential('load(i)', { suggestions: [] })],
    },
    {
      code: 'async function f(n) { for (let i = 0; i <= n; i++) { await load(i); } }',
      output: null,
      errors: [sequential('load(i)', { suggestions: [] })],
    },
    {
      code: 'async function f(xs) { for (let i = 0; i < count(xs); i++) { await load(xs[i]); } }',
      output: null,
      errors: [sequential('load(xs[i])', { suggestions: [] })],
    },
    // A labeled `continue` to an outer loop: the inner loop is a search; the outer loop's groups are independent.
    {
      code: 'async function f(groups) { outer: for (const g of groups) { for (const x of g) { if (await bad(x)) continue outer; } } }',
      output: null,
      errors: [sequential('bad(x)', { suggestions: [] })],
    },
    // Pushes the split cannot keep in order.
    {
      code: 'async function f(names, out) { for (const name of names) { if (name) { out.push(await load(name)); } else { out.push(null); } } }',
      output: null,
      errors: [sequential('load(name)', { suggestions: [] })],
    },

    // ---- Nested loops: the inner loop is reported; an outer loop whose only awaits are in it is not.
    {
      code: 'async function f(groups) {\n  for (const g of groups) {\n    for (const x of g.items) {\n      await load(x);\n    }\n  }\n}',
      output: null,
      errors: [
        sequential('load(x)', {
          line: 4,
          suggestions: [concurrently('async function f(groups) {\n  for (const g of groups) {\n    await Promise.all(Array.from(g.items, async (x) => {\n      await load(x);\n    }));\n  }\n}')],
        }),
      ],
    },
    // An outer loop with awaits of its own is judged on its own, without a rewrite while the inner one is reported.
    {
      code: 'async function f(groups) {\n  for (const g of groups) {\n    await open(g);\n    for (const x of g.items) {\n      await load(x);\n    }\n  }\n}',
      output: null,
      errors: [
        sequential('open(g)', { line: 3, suggestions: [] }),
        sequential('load(x)', {
          line: 5,
          suggestions: [
            concurrently('async function f(groups) {\n  for (const g of groups) {\n    await open(g);\n    await Promise.all(Array.from(g.items, async (x) => {\n      await load(x);\n    }));\n  }\n}'),
          ],
        }),
      ],
    },
    // An inner loop that must stay sequential does not hide the outer loop's independence.
    {
      code: 'async function f(repos, out) {\n  for (const repo of repos) {\n    let next = repo.url;\n    while (next) {\n      const res = await fetchList(next);\n      next = res.next;\n    }\n  }\n}',
      output: null,
      errors: [
        sequential('fetchList(next)', {
          line: 5,
          suggestions: [
            concurrently('async function f(repos, out) {\n  await Promise.all(Array.from(repos, async (repo) => {\n    let next = repo.url;\n    while (next) {\n      const res = await fetchList(next);\n      next = res.next;\n    }\n  }));\n}'),
          ],
        }),
      ],
    },

    // A class whose name only starts with a receiver word is not that receiver; `this` handed to a helper in a plain class neither.
    {
      code: 'class CursorFactory { async build(ids) { const out = []; for (const id of ids) { out.push(await this.make(id)); } return out; } }',
      output: null,
      errors: [
        sequential('this.make(id)', {
          suggestions: [
            phases('class CursorFactory { async build(ids) { const out = []; for (const result of await Promise.all(Array.from(ids, async (id) => this.make(id)))) { out.push(result); } return out; } }'),
          ],
        }),
      ],
    },
    {
      code: 'class EntryList { async addAll(entries) { for (const entry of entries) { ids.push(await register(this, entry)); } } }',
      output: null,
      errors: [
        sequential('register(this, entry)', {
          suggestions: [
            phases('class EntryList { async addAll(entries) { for (const result of await Promise.all(Array.from(entries, async (entry) => register(this, entry)))) { ids.push(result); } } }'),
          ],
        }),
      ],
    },
    // ---- Where loops live: class methods, async generators without `yield` in the loop, top-level await.
    {
      code: 'class Loader {\n  async warm(keys) {\n    for (const key of keys) {\n      await this.cache.refresh(key);\n    }\n  }\n}',
      output: null,
      errors: [
        sequential('this.cache.refresh(key)', {
          suggestions: [concurrently('class Loader {\n  async warm(keys) {\n    await Promise.all(Array.from(keys, async (key) => {\n      await this.cache.refresh(key);\n    }));\n  }\n}')],
        }),
      ],
    },
    {
      code: 'async function* f(ids) {\n  for (const id of ids) await prefetch(id);\n  yield ids;\n}',
      output: null,
      errors: [sequential('prefetch(id)', { suggestions: [concurrently('async function* f(ids) {\n  await Promise.all(Array.from(ids, async (id) => { await prefetch(id); }));\n  yield ids;\n}')] })],
    },
    {
      code: 'for (const id of ids) {\n  await load(id);\n}',
      output: null,
      errors: [sequential('load(id)', { suggestions: [concurrently('await Promise.all(Array.from(ids, async (id) => {\n  await load(id);\n}));')] })],
    },
    // The message shortens long awaited expressions.
    {
      code: 'async function f(ids) { for (const id of ids) { await client.users.fetchWithRetries(id, { include: ["profile", "settings"] }); } }',
      output: null,
      errors: [
        sequential('client.users.fetchWithRetries(…)', {
          suggestions: [
            concurrently('async function f(ids) { await Promise.all(Array.from(ids, async (id) => { await client.users.fetchWithRetries(id, { include: ["profile", "settings"] }); })); }'),
          ],
        }),
      ],
    },

    // ---- Inside try/catch: the suggestion says what changes, and `autofix` keeps it a suggestion.
    {
      code: 'async function f(ids) {\n  try {\n    for (const id of ids) await load(id);\n  } catch (error) {\n    report(error);\n  }\n}',
      output: null,
      options: [{ autofix: true }],
      errors: [
        sequential('load(id)', {
          suggestions: [
            concurrently('async function f(ids) {\n  try {\n    await Promise.all(Array.from(ids, async (id) => { await load(id); }));\n  } catch (error) {\n    report(error);\n  }\n}', 'runConcurrentlyInTry'),
          ],
        }),
      ],
    },
    {
      code: 'async function f(ids, out) {\n  try {\n    for (const id of ids) out.push(await load(id));\n  } catch {}\n}',
      output: null,
      errors: [
        sequential('load(id)', {
          suggestions: [phases('async function f(ids, out) {\n  try {\n    for (const result of await Promise.all(Array.from(ids, async (id) => load(id)))) out.push(result);\n  } catch {}\n}', 'runPhasesInTry')],
        }),
      ],
    },

    // ---- `autofix`: the rewrite is applied, nested loops over several passes.
    {
      code: 'async function f(ids) {\n  for (const id of ids) {\n    await load(id);\n  }\n}',
      options: [{ autofix: true }],
      output: 'async function f(ids) {\n  await Promise.all(Array.from(ids, async (id) => {\n    await load(id);\n  }));\n}',
      errors: [sequential('load(id)')],
    },
    {
      code: 'async function f(groups) {\n  for (const g of groups) {\n    await open(g);\n    for (const x of g.items) {\n      await load(x);\n    }\n  }\n}',
      options: [{ autofix: true }],
      // The outer loop now awaits a `Promise.all` batch per group: it is left alone after the first pass.
      output: 'async function f(groups) {\n  for (const g of groups) {\n    await open(g);\n    await Promise.all(Array.from(g.items, async (x) => {\n      await load(x);\n    }));\n  }\n}',
      errors: [sequential('open(g)'), sequential('load(x)')],
    },

    // ---- `concurrency`: a limited mapper, imported as the file imports.
    {
      code: "import fs from 'node:fs/promises';\n\nasync function f(files) {\n  for (const file of files) {\n    await fs.rm(file);\n  }\n}",
      options: [{ concurrency: { import: 'p-map', name: 'pMap', limit: 8 } }],
      output: null,
      errors: [
        sequential(
          'fs.rm(file)',
          {
            suggestions: [
              concurrently(
                "import fs from 'node:fs/promises';\nimport pMap from 'p-map';\n\nasync function f(files) {\n  await pMap(files, async (file) => {\n    await fs.rm(file);\n  }, { concurrency: 8 });\n}",
              ),
            ],
          },
        ),
      ],
    },
    {
      code: "import { mapLimited } from './helpers.js';\nasync function f(n) {\n  for (let i = 0; i < n; i++) await render(i);\n}",
      options: [{ concurrency: { import: './helpers.js', name: 'mapLimited', limit: 4, named: true } }],
      output: null,
      errors: [
        sequential(
          'render(i)',
          {
            suggestions: [
              concurrently(
                "import { mapLimited } from './helpers.js';\nasync function f(n) {\n  await mapLimited(Array.from({ length: n }, (_, i) => i), async (i) => { await render(i); }, { concurrency: 4 });\n}",
              ),
            ],
          },
        ),
      ],
    },
    {
      code: "import { readFile } from 'node:fs/promises';\nasync function f(files, out) {\n  for (const file of files) {\n    const text = await readFile(file, 'utf8');\n    out.push(text);\n  }\n}",
      options: [{ autofix: true, concurrency: { import: 'p-map', name: 'pMap', limit: 2 } }],
      output:
        "import { readFile } from 'node:fs/promises';\nimport pMap from 'p-map';\nasync function f(files, out) {\n  for (const text of await pMap(files, async (file) => readFile(file, 'utf8'), { concurrency: 2 })) {\n    out.push(text);\n  }\n}",
      errors: [sequential("readFile(file, 'utf8')", {})],
    },
    {
      code: "const { readFile } = require('fs/promises');\nasync function f(files) {\n  for (const file of files) await readFile(file);\n}",
      options: [{ autofix: true, concurrency: { import: 'p-map', name: 'pMap', limit: 8 } }],
      output:
        "const { readFile } = require('fs/promises');\nconst pMap = require('p-map');\nasync function f(files) {\n  await pMap(files, async (file) => { await readFile(file); }, { concurrency: 8 });\n}",
      errors: [sequential('readFile(file)', {})],
      languageOptions: commonjs,
    },
  ],
};

runWithBothParsers('no-sequential-await-in-loop', rule, MAIN_CASES);

/** The full message data of a report: what was awaited, what the rule saw, what to keep in order. */
function saw(awaited: string, seen: string, order = '', suggestions: Suggestion[] = []): Error {
  return { messageId: 'sequentialAwait', data: { awaited, runner: 'Promise.all', seen, order }, suggestions };
}

// Methods of the same class are read one level; constant flags and guards do not order the items.
runWithBothParsers('no-sequential-await-in-loop (same-class methods, flags and guards)', rule, {
  valid: [
    // The method writes the instance's state: the next item may read it.
    'class Registry { async show(names) { for (const name of names) { await this.describe(name); } } async describe(name) { this.last = await fetchDoc(name); } }',
    'class Registry { #seen = new Map(); async show(names) { for (const name of names) { await this.track(name); } } async track(name) { this.#seen.set(name, await fetchDoc(name)); } }',
    // An inherited method cannot be read: it may write the instance.
    'class Install extends Base { async run(pkgs) { for (const pkg of pkgs) { await this.install(pkg); } } }',
    // The method's own body runs a child process or asks the user.
    'class Pkg { async run(dirs, args) { for (const dir of dirs) { await this.exec(args, { dir }); } } async exec(args, { dir }) { return spawn(args[0], args.slice(1), { cwd: dir, stdio: "inherit" }); } }',
    'class Init { async all(paths) { for (const p of paths) { await this.ask(p); } } async ask(p) { const answers = await input.read(() => questions(p)); return answers; } }',
    // A guard that another iteration or a callback can change decides whether the next item runs.
    'async function f(items, api) { let stopped = false; api.on("stop", () => { stopped = true; }); for (const item of items) { if (stopped) break; await api.comment(item.id); } }',
    'async function f(items, api) { for (const item of items) { const done = await api.comment(item.id); if (done) return; } }',
    'async function f(items, api, opts) { for (const item of items) { if (opts.dryRun) return; await api.comment(item.id); } }',
    // Handed-in resources are disposed of in the order given; loaded records still run code by its name.
    'async function f(servers) { for (const server of servers) { await server.close(); } }',
    'async function f(Model, where) { const rows = await Model.findAll({ where }); for (const row of rows) { await row.setup(); } }',
    'async function f(load) { const stack = await load(); for (const r of stack.reverse()) { await r.dispose(); } }',
    // A unit of work handed in by the loop (the item or a part of it) runs in the order given.
    'async function f(jobs) { for (const job of jobs) { await execute(job.spec); } }',
    // A batch of the list awaited per iteration: the batches go one at a time on purpose.
    'async function f(chunks) { for (const chunk of chunks) { await Promise.all(chunk.map((id) => load(id))); } }',
    // Loading a module runs its top-level code, whatever the path is built from.
    'async function f(files, loader) { for (const file of files) { await loader.requireOrImport(resolvePath(file)); } }',
    // A flag written with a value that differs per item: the last one to finish would win.
    'async function f(ids, api) { for (const id of ids) { try { await api.close(id); } catch (error) { process.exitCode = error.code; } } }',
  ],
  invalid: [
    {
      code: 'class Registry { async show(names, opts) { for (const name of names) { await this.describe(name, opts); } } async describe(name, opts) { const doc = await fetchDoc(name, opts); return doc.version; } }',
      output: null,
      errors: [
        saw('this.describe(name, opts)', 'each one only reads `name` and writes nothing outside the iteration', '', [
          concurrently(
            'class Registry { async show(names, opts) { await Promise.all(Array.from(names, async (name) => { await this.describe(name, opts); })); } async describe(name, opts) { const doc = await fetchDoc(name, opts); return doc.version; } }',
          ),
        ]),
      ],
    },
    {
      // `exec` names a method of the class here, not a child process: its body only reads a file.
      code: 'class Pkg { async run(dirs, args) { for (const dir of dirs) { await this.exec(args, { dir }); } } async exec(args, { dir }) { const pkg = await readPkg(dir); return pkg.get(args); } }',
      output: null,
      errors: [
        saw('this.exec(args, { dir })', 'each one only reads `dir` and writes nothing outside the iteration', '', [
          concurrently(
            'class Pkg { async run(dirs, args) { await Promise.all(Array.from(dirs, async (dir) => { await this.exec(args, { dir }); })); } async exec(args, { dir }) { const pkg = await readPkg(dir); return pkg.get(args); } }',
          ),
        ]),
      ],
    },
    {
      // Every failing item sets the same exit code: the order of the writes does not show.
      code: 'async function f(ids, api) { for (const id of ids) { try { await api.close(id); } catch { process.exitCode = 1; } } }',
      output: null,
      errors: [
        saw('api.close(id)', 'each one only reads `id` and writes `process.exitCode`', '', [
          concurrently('async function f(ids, api) { await Promise.all(Array.from(ids, async (id) => { try { await api.close(id); } catch { process.exitCode = 1; } })); }'),
        ]),
      ],
    },
    {
      // `bundle` is handed a value built for this entry, not a unit of work the loop was given.
      code: 'async function f(entries, outdir) { for (const entry of entries) { await bundle({ entryPoints: [entry], outdir }); } }',
      output: null,
      errors: [
        saw('bundle({ entryPoints: [entry], outdir })', 'each one only reads `entry` and writes nothing outside the iteration', '', [
          concurrently('async function f(entries, outdir) { await Promise.all(Array.from(entries, async (entry) => { await bundle({ entryPoints: [entry], outdir }); })); }'),
        ]),
      ],
    },
    {
      // Two reads of one item awaited together are that item's work, not a batch run one at a time.
      code: 'async function f(keys, out) { for (const key of keys) { const [meta, body] = await Promise.all([readMeta(key), readBody(key)]); out[key] = { meta, body }; } }',
      output: null,
      errors: [
        saw('Promise.all(…)', 'each one only reads `key` and writes `out[key]`', '', [
          phases(
            'async function f(keys, out) { for (const { key, value: [meta, body] } of await Promise.all(Array.from(keys, async (key) => ({ key, value: await Promise.all([readMeta(key), readBody(key)]) })))) { out[key] = { meta, body }; } }',
          ),
        ]),
      ],
    },
    {
      // Records the function loaded itself are data: destroying each is work per record.
      code: 'async function f(Model, where) { const rows = await Model.findAll({ where }); for (const row of rows) { await row.destroy(); } }',
      output: null,
      errors: [
        saw('row.destroy()', 'each one only reads `row` and writes nothing outside the iteration', '', [
          concurrently('async function f(Model, where) { const rows = await Model.findAll({ where }); await Promise.all(Array.from(rows, async (row) => { await row.destroy(); })); }'),
        ]),
      ],
    },
    {
      // A parameter never written holds for every item alike: reported, without a rewrite.
      code: 'async function f(items, api, preview) { for (const item of items) { if (!preview) break; await api.comment(item.id); } }',
      output: null,
      errors: [
        saw(
          'api.comment(item.id)',
          'each one only reads `item` and writes nothing outside the iteration',
          ', and test the flag that leaves the loop once, before starting them',
        ),
      ],
    },
    {
      code: 'async function f(items, api, config) { const { dryRun } = config; for (const item of items) { if (dryRun) { console.info(`would comment on ${item.url}`); return; } await api.comment(item.id); } }',
      output: null,
      errors: [
        saw('api.comment(item.id)', 'each one only reads `item` and writes nothing outside the iteration', ', and print the results afterwards in item order'),
      ],
    },
  ],
});

describe('reported await', () => {
  const prefix = (awaited: string) => `This loop awaits \`${awaited}\` one item at a time, and the iterations appear independent: each one only reads `;
  const cases = MAIN_CASES.invalid.filter((testCase) => testCase.errors.some((error) => awaitedOf.has(error)));
  it.each(cases.map((testCase) => [testCase.code, testCase] as const))('names the awaited expression and what it saw: %s', (_, testCase) => {
    const linter = new Linter({ configType: 'flat' });
    const messages = linter.verify(testCase.code, [
      {
        files: ['**/*.js'],
        ...(testCase.languageOptions ? { languageOptions: testCase.languageOptions as Linter.LanguageOptions } : {}),
        plugins: { loops: { rules: { 'no-sequential-await-in-loop': rule as never } } },
        rules: { 'loops/no-sequential-await-in-loop': ['error', ...(testCase.options ?? [])] as Linter.RuleEntry },
      },
    ]);
    const expected = testCase.errors.map((error) => awaitedOf.get(error));
    expect(messages).toHaveLength(expected.length);
    messages.forEach((message, index) => {
      const awaited = expected[index];
      if (awaited !== undefined) expect(message.message.slice(0, prefix(awaited).length)).toBe(prefix(awaited));
      expect(message.message).not.toContain('{{');
    });
  });
});

// JSX under espree.
jsRuleTester.run('no-sequential-await-in-loop (JSX)', rule, {
  valid: ['async function f(ids) { for (const id of ids) { const view = <Row id={id} />; await paint(view); await flushAll(); } }'],
  invalid: [
    {
      code: 'async function f(ids) { for (const id of ids) { await paint(<Row id={id} />); } }',
      output: null,
      errors: [sequential('paint(<Row id={id} />)', { suggestions: [concurrently('async function f(ids) { await Promise.all(Array.from(ids, async (id) => { await paint(<Row id={id} />); })); }')] })],
    },
  ],
});

// TypeScript syntax.
tsRuleTester.run('no-sequential-await-in-loop (TypeScript)', rule, {
  valid: [
    '@decorate class A { @field() x = 1; async f(this: A, rows: Row[]): Promise<void> { for (const row of rows) { await (this as A).save!(row); } } }',
    'async function f(files: string[]): Promise<void> { for (const file of files) { await using handle = await open(file); await handle.read(); } }',
    'enum E { A } namespace N { export async function f(xs: E[]) { for (const x of xs) { if (x === E.A) return; await g(x); } } }',
    'async function f(tx: Transaction, rows: Row[]): Promise<void> { for (const row of rows) { await tx.insert(row); } }',
    'async function f(ids: string[]): Promise<void> { let last: User | undefined; for (const id of ids) { last = await getUser(id); } }',
    'type Id = string; async function f(ids: Id[]): Promise<void> { for (const id of ids) { const n: Id = id; if (n) break; await load(n); } }',
    'class ChangeStreamCursor<T> { private async decode(raw: Raw): Promise<T> { return parse<T>(raw); } async all(raws: readonly Raw[]): Promise<T[]> { const docs: T[] = []; for (const raw of raws) { docs.push(await this.decode(raw)); } return docs; } }',
    'class UploadSession { async sendAll(parts: Part[]): Promise<string[]> { const etags: string[] = []; for (const part of parts) { etags.push(await (this as UploadSession).upload!(part)); } return etags; } }',
  ],
  invalid: [
    {
      code: 'async function f(ids: string[]): Promise<void> {\n  for (const id of ids as readonly string[]) {\n    const user: User = await getUser(id);\n    users.push(user);\n  }\n}',
      output: null,
      errors: [
        sequential('getUser(id)', {
          suggestions: [
            phases('async function f(ids: string[]): Promise<void> {\n  for (const user of await Promise.all(Array.from(ids as readonly string[], async (id) => getUser(id)))) {\n    users.push(user);\n  }\n}'),
          ],
        }),
      ],
    },
    {
      code: 'async function f(ids: string[]): Promise<void> {\n  for (const id of ids) {\n    await paint(<Row id={id} />);\n  }\n}',
      filename: 'file.tsx',
      output: null,
      errors: [
        sequential('paint(<Row id={id} />)', {
          suggestions: [concurrently('async function f(ids: string[]): Promise<void> {\n  await Promise.all(Array.from(ids, async (id) => {\n    await paint(<Row id={id} />);\n  }));\n}')],
        }),
      ],
    },
    {
      code: 'async function f(items: Item[]): Promise<void> {\n  for (const item of items!) {\n    await save(item satisfies Item);\n  }\n}',
      output: null,
      errors: [
        sequential('save(item satisfies Item)', {
          suggestions: [concurrently('async function f(items: Item[]): Promise<void> {\n  await Promise.all(Array.from(items!, async (item) => {\n    await save(item satisfies Item);\n  }));\n}')],
        }),
      ],
    },
  ],
});

// With type information: an array-typed iterable uses `.map`, a Set keeps `Array.from`.
typedRuleTester.run('no-sequential-await-in-loop (typed)', rule, {
  valid: [],
  invalid: [
    {
      code: 'declare function load(id: string): Promise<void>;\nexport async function f(ids: string[]) {\n  for (const id of ids) await load(id);\n}',
      output: null,
      errors: [
        sequential('load(id)', {
          suggestions: [concurrently('declare function load(id: string): Promise<void>;\nexport async function f(ids: string[]) {\n  await Promise.all(ids.map(async (id) => { await load(id); }));\n}')],
        }),
      ],
    },
    {
      code: 'declare function load(id: string): Promise<void>;\nexport async function f(ids: [string, string]) {\n  for (const id of ids) await load(id);\n}',
      output: null,
      errors: [
        sequential('load(id)', {
          suggestions: [concurrently('declare function load(id: string): Promise<void>;\nexport async function f(ids: [string, string]) {\n  await Promise.all(ids.map(async (id) => { await load(id); }));\n}')],
        }),
      ],
    },
    {
      code: 'declare function load(id: string): Promise<void>;\nexport async function f(ids: Set<string>) {\n  for (const id of ids) await load(id);\n}',
      output: null,
      errors: [
        sequential('load(id)', {
          suggestions: [concurrently('declare function load(id: string): Promise<void>;\nexport async function f(ids: Set<string>) {\n  await Promise.all(Array.from(ids, async (id) => { await load(id); }));\n}')],
        }),
      ],
    },
  ],
});

function lintWith(options: unknown): Linter.LintMessage[] {
  const linter = new Linter({ configType: 'flat' });
  return linter.verify(
    'async function f(ids) { for (const id of ids) await load(id); }',
    { plugins: { t: { rules: { r: rule } } }, rules: { 't/r': ['error', options] } } as unknown as Linter.Config,
    'file.js',
  );
}

describe('options', () => {
  it('accepts the documented options', () => {
    expect(lintWith({ autofix: true, concurrency: { import: 'p-map', name: 'pMap', limit: 8, named: false } })).toHaveLength(1);
    expect(lintWith({ concurrency: null, pacingCallees: [], sequentialReceivers: ['tx'] })).toHaveLength(1);
  });

  it.each([
    ['an unknown option', { parallel: true }],
    ['a non-boolean autofix', { autofix: 'yes' }],
    ['a concurrency without limit', { concurrency: { import: 'p-map', name: 'pMap' } }],
    ['a concurrency limit below 1', { concurrency: { import: 'p-map', name: 'pMap', limit: 0 } }],
    ['a concurrency name that is not an identifier', { concurrency: { import: 'p-map', name: 'p-map', limit: 2 } }],
    ['an unknown concurrency key', { concurrency: { import: 'p-map', name: 'pMap', limit: 2, extra: 1 } }],
    ['a pacingCallees entry that is not a string', { pacingCallees: [1] }],
    ['duplicate sequentialReceivers', { sequentialReceivers: ['tx', 'tx'] }],
  ])('rejects %s', (_title, options) => {
    expect(() => lintWith(options)).toThrow(/Key "t\/r"/);
  });

  it('adds a given list to the defaults, or replaces them with replaceDefaults', () => {
    const linter = new Linter({ configType: 'flat' });
    const code = 'async function f(xs) { for (const x of xs) { await send(x); await sleep(x.delay); } }';
    const paced = 'async function f(xs) { for (const x of xs) { await send(x); await pace(x); } }';
    const config = (options: Record<string, unknown>) =>
      ({ plugins: { t: { rules: { r: rule } } }, rules: { 't/r': ['error', options] } }) as unknown as Linter.Config;
    expect(linter.verify(code, config({}), 'file.js')).toHaveLength(0);
    expect(linter.verify(code, config({ pacingCallees: ['pace'] }), 'file.js')).toHaveLength(0);
    expect(linter.verify(paced, config({ pacingCallees: ['pace'] }), 'file.js')).toHaveLength(0);
    expect(linter.verify(code, config({ pacingCallees: ['pace'], replaceDefaults: true }), 'file.js')).toHaveLength(1);
    const pooled = 'async function f(pool, rows) { for (const row of rows) { await pool.query(row); } }';
    const inTx = 'async function f(tx, rows) { for (const row of rows) { await tx.query(row); } }';
    expect(linter.verify(pooled, config({ sequentialReceivers: ['pool'] }), 'file.js')).toHaveLength(0);
    expect(linter.verify(inTx, config({ sequentialReceivers: ['pool'] }), 'file.js')).toHaveLength(0);
  });

  it('says what it saw', () => {
    const linter = new Linter({ configType: 'flat' });
    const code = 'async function f(users, ids) { for (const id of ids) { users[id] = await getUser(id); } }';
    const [message] = linter.verify(code, { plugins: { t: { rules: { r: rule } } }, rules: { 't/r': 'error' } } as unknown as Linter.Config, 'file.js');
    expect(message?.message).toBe(
      'This loop awaits `getUser(id)` one item at a time, and the iterations appear independent: each one only reads `id` and writes `users[id]`. Run them concurrently with `Promise.all`.',
    );
    const pushed = 'async function f(ids) { const out = []; for (const id of ids) { const u = await getUser(id); out.push(u); } return out; }';
    const [ordered] = linter.verify(pushed, { plugins: { t: { rules: { r: rule } } }, rules: { 't/r': 'error' } } as unknown as Linter.Config, 'file.js');
    expect(ordered?.message).toContain('writes `out`');
  });
});

describe('rule metadata', () => {
  it('is recommended and can fix and suggest', () => {
    expect(rule.meta.docs?.recommended).toBe('recommended');
    expect(rule.meta.fixable).toBe('code');
    expect(rule.meta.hasSuggestions).toBe(true);
  });
});

/** The examples of the rule's docs behave as documented (incorrect ones are reported, correct ones are not) and every rewrite parses. */
describe('rules-docs/no-sequential-await-in-loop.md', () => {
  const docs = readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '../../rules-docs/no-sequential-await-in-loop.md'), 'utf8');
  const examples = getDocExamples(docs);

  it('has incorrect and correct examples', () => {
    expect(examples.filter((example) => example.kind === 'incorrect').length).toBeGreaterThan(1);
    expect(examples.filter((example) => example.kind === 'correct').length).toBeGreaterThan(1);
  });

  it.each(examples.map((example, index) => [`${example.kind} #${index}`, example] as const))('%s', (_title, example) => {
    const linter = new Linter({ configType: 'flat' });
    const messages = linter.verify(
      example.code,
      {
        plugins: { t: { rules: { r: rule } } },
        languageOptions: example.language === 'ts' ? { parser: tsParser } : {},
        rules: { 't/r': 'error' },
      } as unknown as Linter.Config,
      example.language === 'ts' ? 'example.ts' : 'example.js',
    );
    expect(messages.filter((message) => message.fatal)).toEqual([]);
    if (example.kind === 'correct') {
      expect(messages).toEqual([]);
      return;
    }
    expect(messages.length).toBeGreaterThan(0);
    for (const message of messages) {
      for (const suggestion of message.suggestions ?? []) {
        expect(parses(applyFixes(example.code, suggestion.fix))).toBe(true);
      }
    }
  });
});
