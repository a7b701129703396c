import type { TSESTree } from '@typescript-eslint/utils';

/**
 * Why the analysis says a promise can reject: it has seen the way it fails.
 * - `explicit-rejection`: `Promise.reject(...)`, an executor that calls `reject`, a deferred whose `reject` is used;
 * - `api-can-fail`: a promise of an API the rule knows (Node's `fs.promises`, `fetch`, `import()`, a
 *   `promiseFunctions` entry), or in type-aware mode one a library declares: I/O, which can fail;
 * - `body-rejects`: a function of this file (with types, of another project file) whose body throws, or awaits or returns something that rejects,
 *   outside a `try` that swallows the error;
 * - `chain-rejects`: a `.then/.finally` chain with no rejection handler whose root or callback rejects;
 * - `element-rejects`: `Promise.all/any/race` with an element that rejects.
 */
export type RejectsReason = 'explicit-rejection' | 'api-can-fail' | 'body-rejects' | 'chain-rejects' | 'element-rejects';

/**
 * Why the analysis says a promise cannot reject.
 * - `handled`: the expression ends with a rejection handler (`.catch(h)`, `.then(ok, h)`, and `.finally` after one);
 * - `resolves-only`: a promise that only ever resolves (`Promise.allSettled`, `Promise.resolve(literal)`, a timer
 *   without a signal, an executor that never rejects, a deferred whose `reject` is unused);
 * - `guarded-body`: a function of this file (with types, of another project file) whose awaits sit in `try` blocks that swallow their errors, or that
 *   returns only handled promises, or a plain function that returns no promise at all;
 * - `safe-values`: every value a variable or branch can hold cannot reject;
 * - `safe-elements`: `Promise.all/any/race` whose every element cannot reject.
 */
export type CannotRejectReason = 'handled' | 'resolves-only' | 'guarded-body' | 'safe-values' | 'safe-elements';

/**
 * Why the analysis cannot tell.
 * - `awaits-unknown`: a function of this file (with types, of another project file) that awaits or returns, outside a guarding `try`, something the
 *   rule cannot judge (an unresolved call: `db.query()`, `this.client.send()`, an import). `return x()`,
 *   `return await x()` and `async () => x()` all get this answer;
 * - `returns-unknown`: a plain (not async) function of this file that returns a value the rule cannot judge;
 * - `trusted-beside-guard`: an async function that swallows the errors of some awaits in a `try` and awaits,
 *   beside it, values the rule cannot judge (a callback it was given): the author guarded what can fail;
 * - `forwarded-callback`: `new Promise` that only forwards the error of a callback API the rule does not know;
 * - `unresolved-chain`: a `.then(f)` / `.finally(f)` chain with no handler on a value the rule cannot resolve;
 * - `unresolved-call`: a call of something the rule cannot resolve (a parameter, an import, a member of an
 *   unknown object);
 * - `unknown-elements`: `Promise.all/any/race` whose elements the rule cannot judge;
 * - `other-file`: in type-aware mode, a promise from another file of the project whose code the rule cannot
 *   read there: an interface or type member, an overload or abstract method, a value that is not a call
 *   (a function declared there gets the reasons of a function of this file: other-file-rejection.ts);
 * - `unresolved-value`: anything else (a parameter, a property, a cycle).
 */
export type UnknownReason =
  | 'awaits-unknown'
  | 'returns-unknown'
  | 'trusted-beside-guard'
  | 'forwarded-callback'
  | 'unresolved-chain'
  | 'unresolved-call'
  | 'unknown-elements'
  | 'other-file'
  | 'unresolved-value';

/** The one answer to "can the promise at this expression reject", with the reason and the node it decided on. */
export type RejectionVerdict =
  | { verdict: 'rejects'; reason: RejectsReason; node: TSESTree.Node }
  | { verdict: 'cannot-reject'; reason: CannotRejectReason; node: TSESTree.Node }
  | { verdict: 'unknown'; reason: UnknownReason; node: TSESTree.Node };

export type Verdict = RejectionVerdict['verdict'];
