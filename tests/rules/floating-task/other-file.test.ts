import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/floating-task.js';
import { commonjs, runWithTypes } from '../../helpers/rule-tester.js';

// Type-aware: a promise of a function or method declared in another file of the project is judged
// on its body there (tests/fixtures/floating-task-other-file.ts), with the policy of a function
// declared in this file (rules-docs/floating-task.md, "What the rule does when it cannot tell").

const IMPORT = "import { notify, enqueue, failFast, notifyQuietly, sendHandled, send, Jobs, type Mailer } from './floating-task-other-file.js';\n";

/** `code` after the import, for a report's suggestion output. */
const withImport = (code: string): string => `${IMPORT}${code}`;

runWithTypes('floating-task other file', rule, {
  valid: [
    // Bodies there that catch everything they await, or return a handled chain.
    withImport('export function main(jobs: Jobs) { notifyQuietly(1); sendHandled("x"); jobs.stop(); }'),
    // A plain function there that returns a call it cannot judge: not known to fail when dropped,
    // like a plain function of this file.
    withImport('export function main() { send("x"); }'),
    // An interface member: its code is elsewhere; a dropped promise of it is not reported.
    withImport('export function main(mailer: Mailer) { mailer.deliver("a@b.c"); }'),
    // A task of a function there that cannot reject, awaited after other work.
    withImport('export async function main(db: { connect(): Promise<void> }) { const quiet = notifyQuietly(1); await db.connect(); await quiet; }'),
  ],
  invalid: [
    {
      // An async function there that awaits an I/O call, dropped from a plain function.
      code: withImport('export function main() { notify(1); }'),
      errors: [{ messageId: 'floating', line: 2, column: 26, suggestions: [
        { messageId: 'suggestVoid', output: withImport('export function main() { void notify(1); }') },
      ] }],
      output: null,
    },
    {
      // The same, returned from an arrow there, and dropped inside an async function.
      code: withImport('export async function main() { enqueue("x"); }'),
      errors: [{ messageId: 'floating', line: 2, suggestions: [
        { messageId: 'suggestAwait', output: withImport('export async function main() { await enqueue("x"); }') },
        { messageId: 'suggestVoid', output: withImport('export async function main() { void enqueue("x"); }') },
      ] }],
      output: null,
    },
    {
      // A body there that throws.
      code: withImport('export function main() { failFast(); }'),
      errors: [{ messageId: 'floating', line: 2, suggestions: [
        { messageId: 'suggestVoid', output: withImport('export function main() { void failFast(); }') },
      ] }],
      output: null,
    },
    {
      // A method of a class there, through a parameter typed with the class.
      code: withImport('export function main(jobs: Jobs) { jobs.run("nightly"); }'),
      errors: [{ messageId: 'floating', line: 2, suggestions: [
        { messageId: 'suggestVoid', output: withImport('export function main(jobs: Jobs) { void jobs.run("nightly"); }') },
      ] }],
      output: null,
    },
    {
      // A task of a function there that can fail, awaited only after other work.
      code: withImport('export async function main(db: { connect(): Promise<void> }) {\n  const sent = notify(1);\n  await db.connect();\n  await sent;\n}'),
      errors: [{ messageId: 'lateAwait', line: 3, suggestions: [
        { messageId: 'suggestPromiseAll', output: withImport('export async function main(db: { connect(): Promise<void> }) {\n  const sent = notify(1);\n  await Promise.all([sent, db.connect()]);\n}') },
      ] }],
      output: null,
    },
    {
      // An interface member is unknown: a late await of its promise is reported, as for any value the rule cannot judge.
      code: withImport('export async function main(mailer: Mailer, db: { connect(): Promise<void> }) {\n  const sent = mailer.deliver("a@b.c");\n  await db.connect();\n  await sent;\n}'),
      errors: [{ messageId: 'lateAwait', line: 3, suggestions: [
        { messageId: 'suggestPromiseAll', output: withImport('export async function main(mailer: Mailer, db: { connect(): Promise<void> }) {\n  const sent = mailer.deliver("a@b.c");\n  await Promise.all([sent, db.connect()]);\n}') },
      ] }],
      output: null,
    },
  ],
});

// JavaScript through a tsconfig with `allowJs` (no `checkJs`), with the same project service: the
// cases are tests/fixtures/js-project/file.js (ESM) and file.cjs (CommonJS).
const jsProject = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/js-project');
const jsRuleTester = new RuleTester({ languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: jsProject } } });
const JS_IMPORT = "import { notify, notifyQuietly } from './jobs.js';\n";
const CJS_REQUIRE = "const { notify, notifyQuietly } = require('./jobs.cjs');\n";

jsRuleTester.run('floating-task other file, JavaScript (type-aware)', rule, {
  valid: [
    { code: `${JS_IMPORT}export function main() { notifyQuietly(1); }`, filename: 'file.js' },
    { code: `${CJS_REQUIRE}function main() { notifyQuietly(1); }\nmodule.exports = { main };`, filename: 'file.cjs', languageOptions: commonjs },
  ],
  invalid: [
    {
      code: `${JS_IMPORT}export function main() { notify(1); }`,
      filename: 'file.js',
      errors: [{ messageId: 'floating', line: 2, suggestions: [{ messageId: 'suggestVoid', output: `${JS_IMPORT}export function main() { void notify(1); }` }] }],
      output: null,
    },
    {
      code: `${JS_IMPORT}export async function main(db) { const sent = notify(1); await db.connect(); await sent; }`,
      filename: 'file.js',
      errors: [{ messageId: 'lateAwait', line: 2, suggestions: [
        { messageId: 'suggestPromiseAll', output: `${JS_IMPORT}export async function main(db) { const sent = notify(1); await Promise.all([sent, db.connect()]); }` },
      ] }],
      output: null,
    },
    {
      code: `${CJS_REQUIRE}function main() { notify(1); }\nmodule.exports = { main };`,
      filename: 'file.cjs',
      languageOptions: commonjs,
      errors: [{ messageId: 'floating', line: 2, suggestions: [{ messageId: 'suggestVoid', output: `${CJS_REQUIRE}function main() { void notify(1); }\nmodule.exports = { main };` }] }],
      output: null,
    },
  ],
});
