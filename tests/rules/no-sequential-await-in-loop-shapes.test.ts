import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../src/rules/no-sequential-await-in-loop.js';
import { runWithBothParsers } from '../helpers/rule-tester.js';

type Error = InvalidTestCase<MessageIds, Options>['errors'][number];
type Suggestion = NonNullable<Error['suggestions']>[number];

const FOLD_ORDER = ', then fold the results in item order (`for (const [item, result] of await Promise.all(...))`)';

function saw(awaited: string, seen: string, order = '', suggestions: Suggestion[] = []): Error {
  return { messageId: 'sequentialAwait', data: { awaited, runner: 'Promise.all', seen, order }, suggestions };
}

// Folds: each iteration reads for its item, then folds the result into one outer variable after its
// last await. The reads may run concurrently; the fold must stay in item order, so the rule offers
// the two-phase rewrite when the await heads the body, and otherwise reports without a rewrite.
runWithBothParsers('no-sequential-await-in-loop (folds after the await)', rule, {
  valid: [
    // The fold is read before the await: the next item's work sees what this one folded.
    'async function f(urls, css) { let output = css; for (const url of urls) { output = output.replace(url, ""); await save(url, output); } }',
    'async function f(xs, init) { let acc = init; for (const x of xs) { acc = await step(acc, x); } return acc; }',
    // Not a fold: the last value wins, and which one is last depends on the order of completion.
    'async function f(urls, css) { let output = css; for (const url of urls) { const data = await readFile(url); output = hash(data); } return output; }',
    // The fold runs inside a callback that may run at any time.
    'async function f(urls, css) { let output = css; for (const url of urls) { const data = await readFile(url); later(() => { output = output + data; }); } }',
  ],
  invalid: [
    {
      // The await does not head the body: reported without a rewrite, the fold named in the message.
      code: 'async function inline(css, urls) { let output = css; for (const url of urls) { const file = resolve(url); const data = await readFile(file); output = output.replace(url, hash(data)); } return output; }',
      output: null,
      errors: [saw('readFile(file)', 'each one only reads `url` and writes `output`', FOLD_ORDER)],
    },
    {
      // `output.replace` folds a string: it is no output call, whatever the variable is named.
      code: 'async function f(css, urls) { let output = css; for (const url of urls) { const data = await readFile(url); output = output.replace(url, hash(data)); } return output; }',
      output: null,
      errors: [
        saw('readFile(url)', 'each one only reads `url` and writes `output`', '', [
          {
            messageId: 'runPhases',
            output:
              'async function f(css, urls) { let output = css; for (const { url, data } of await Promise.all(Array.from(urls, async (url) => ({ url, data: await readFile(url) })))) { output = output.replace(url, hash(data)); } return output; }',
          },
        ]),
      ],
    },
    {
      // The await heads the body: the reads run concurrently, the fold runs afterwards in item order.
      code: 'async function f(names) { let text = ""; for (const name of names) { const doc = await fetchDoc(name); text = text + render(doc); } return text; }',
      output: null,
      errors: [
        saw('fetchDoc(name)', 'each one only reads `name` and writes `text`', '', [
          {
            messageId: 'runPhases',
            output:
              'async function f(names) { let text = ""; for (const doc of await Promise.all(Array.from(names, async (name) => fetchDoc(name)))) { text = text + render(doc); } return text; }',
          },
        ]),
      ],
    },
  ],
});

// Cascading work: a drop or truncate that cascades reaches the tables that reference its item's table.
runWithBothParsers('no-sequential-await-in-loop (cascading work)', rule, {
  valid: [
    'async function f(tables, db) { for (const table of tables) { await db.dropTable(table, { cascade: true }); } }',
    'async function f(models, options) { for (const model of models) { await model.truncate({ ...options, cascade: true }); } }',
    // The loop runs only when the options it hands on ask for a cascade.
    'async function f(models, options) { if (options && options.cascade) { for (const model of models) { await model.drop(options); } } }',
    'async function f(models, opts) { if (opts?.cascade) for (const model of models) await model.drop(opts); }',
  ],
  invalid: [
    {
      code: 'async function f(tables, db) { for (const table of tables) { await db.dropTable(table, { cascade: false }); } }',
      output: null,
      errors: [
        saw('db.dropTable(table, { cascade: false })', 'each one only reads `table` and writes nothing outside the iteration', '', [
          {
            messageId: 'runConcurrently',
            output: 'async function f(tables, db) { await Promise.all(Array.from(tables, async (table) => { await db.dropTable(table, { cascade: false }); })); }',
          },
        ]),
      ],
    },
    {
      // The `if` tests options the loop does not hand on.
      code: 'async function f(models, options, other) { if (other.cascade) { for (const model of models) { await model.drop(options); } } }',
      output: null,
      errors: [
        saw('model.drop(options)', 'each one only reads `model` and writes nothing outside the iteration', '', [
          {
            messageId: 'runConcurrently',
            output:
              'async function f(models, options, other) { if (other.cascade) { await Promise.all(Array.from(models, async (model) => { await model.drop(options); })); } }',
          },
        ]),
      ],
    },
  ],
});

// A transaction opened to read only (IndexedDB's 'readonly' mode): its reads may be issued together.
runWithBothParsers('no-sequential-await-in-loop (read-only transactions)', rule, {
  valid: [
    "async function f(db, keys) { return runTransaction(db, ['items'], 'readwrite', async (tx, stores) => { for (const key of keys) { await deleteKey(stores.items, key); } }); }",
    // A read-only runner nested in one that writes: the outer transaction still orders the work.
    "async function f(db, keys) { await db.transaction(async () => { await runTransaction('readonly', async () => { for (const key of keys) { await remove(key); } }); }); }",
    // Calls on the transaction itself stay sequential whatever its mode.
    "async function f(db, keys) { await runTransaction(db, 'readonly', async (tx) => { for (const key of keys) { await tx.get(key); } }); }",
  ],
  invalid: [
    {
      code: "async function f(db, keys) { return runTransaction(db, ['items'], 'readonly', async (tx, stores) => { const result = []; for (const key of keys) { const value = await getByKey(stores.items, key); result.push({ key, value }); } return result; }); }",
      output: null,
      errors: [
        saw('getByKey(stores.items, key)', 'each one only reads `key` and writes `result`', '', [
          {
            messageId: 'runPhases',
            output:
              "async function f(db, keys) { return runTransaction(db, ['items'], 'readonly', async (tx, stores) => { const result = []; for (const { key, value } of await Promise.all(Array.from(keys, async (key) => ({ key, value: await getByKey(stores.items, key) })))) { result.push({ key, value }); } return result; }); }",
          },
        ]),
      ],
    },
  ],
});

// A `for await` that gathers what a source created for this item yields (one item's pages) is the
// item's work; a shared source, or an inner body that awaits per value, stays in order.
runWithBothParsers('no-sequential-await-in-loop (inner for await over the item\'s own source)', rule, {
  valid: [
    'async function f(files, lines) { for (const file of files) { for await (const line of lines) { file.push(line); } } }',
    'async function f(files) { for (const file of files) { for await (const line of read(file)) { await handle(line); } } }',
  ],
  invalid: [
    {
      // Pages pushed to one list in item order: reported without a rewrite, which would interleave them.
      code: 'async function f(repos, out) { for (const repo of repos) { for await (const page of paginate(repo)) out.push(page); } }',
      output: null,
      errors: [
        saw(
          'paginate(repo)',
          'each one only reads `repo` and writes `out`',
          ', keeping the results in item order (`const results = await Promise.all(items.map(...))`)',
        ),
      ],
    },
    {
      code: 'async function f(repos, token) { const results = {}; for (const repo of repos) { const names = []; for await (const label of paginate(`/repos/${repo}/labels`, { token })) names.push(label.name); results[repo] = names; } return results; }',
      output: null,
      errors: [
        saw('paginate(…)', 'each one only reads `repo` and writes `results[repo]`', '', [
          {
            messageId: 'runConcurrently',
            output:
              'async function f(repos, token) { const results = {}; await Promise.all(Array.from(repos, async (repo) => { const names = []; for await (const label of paginate(`/repos/${repo}/labels`, { token })) names.push(label.name); results[repo] = names; })); return results; }',
          },
        ]),
      ],
    },
  ],
});
