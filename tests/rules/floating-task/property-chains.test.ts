import rule from '../../../src/rules/floating-task.js';
import { runWithBothParsers } from '../../helpers/rule-tester.js';

// Issue 16: a chain derived from a promise (`.then(cb)` / `.finally(cb)`, no rejection handler),
// stored on an object's property that nothing in the file mentions again: the source's rejection
// becomes the chain's, and nobody observes it. Plain JavaScript, with espree, the TypeScript parser
// and with types.

runWithBothParsers(
  'floating-task property chains',
  rule,
  {
    valid: [
      // The property is read later: observed.
      `export function track(entry, onDone) { entry.fork = entry.promise.then(onDone); }
export async function settle(entry) { await entry.fork; }`,
      // Destructured elsewhere in the file: observed.
      `export function track(entry, onDone) { entry.fork = entry.promise.then(onDone); }
export function take({ fork }) { return fork; }`,
      // A handled chain cannot reject.
      'export function track(entry, onDone) { entry.fork = entry.promise.then(onDone, () => {}); }',
      'export function track(entry, onDone) { entry.fork = entry.promise.then(onDone).catch(() => {}); }',
      // Not a derived chain: a call the rule cannot judge, stored for whoever reads the object.
      'export function track(entry, api) { entry.reply = api.send(); }',
      // A chain on a promise that cannot reject.
      'export function track(entry, onDone) { entry.fork = Promise.resolve().then(onDone); }',
      // A class field declaration counts as a mention (the rule does not tell it from a read).
      `async function load() { throw new Error('offline'); }
export class Cache {
  #warm;
  start() { this.#warm = load().finally(() => console.log('warmed')); }
}`,
      // A computed key: the rule cannot tell which property is read.
      'export function track(entry, key, onDone) { entry[key] = entry.promise.then(onDone); }',
      // A read spelled with a unicode escape is still a read of the property.
      `export function track(entry, onDone) { entry.fork = entry.promise.then(onDone); }
export async function settle(entry) { await entry.\\u0066ork; }`,
    ],
    invalid: [
      {
        code: 'export function track(entry, onDone) { entry.fork = entry.promise.then(onDone); }',
        errors: [{ messageId: 'forgottenTask', data: { name: 'entry.fork' }, column: 40 }],
      },
      {
        // Several chains in one file: each is judged by the mentions of its own name.
        code: `export function track(entry, onDone) {
  entry.fork = entry.promise.then(onDone);
  entry.tail = entry.promise.finally(onDone);
}
export async function settle(entry) { await entry.tail; }`,
        errors: [{ messageId: 'forgottenTask', data: { name: 'entry.fork' }, line: 2 }],
      },
      {
        // The name in a comment, a string, a longer name or as a private name is no mention of the property.
        code: `// entry.fork is awaited by settle()
export function track(entry, onDone) { entry.fork = entry.promise.then(onDone); }
export class Entry { #fork = 0; describe() { return { forkCount: 1, label: 'fork', value: this.#fork }; } }`,
        errors: [{ messageId: 'forgottenTask', data: { name: 'entry.fork' }, line: 2 }],
      },
      {
        // A property of an instance, never read: the source can reject (a local async function that throws).
        code: `async function load() { throw new Error('offline'); }
export class Cache {
  start() { this.warm = load().finally(() => console.log('warmed')); }
}`,
        errors: [{ messageId: 'forgottenTask', data: { name: 'this.warm' }, line: 3 }],
      },
    ],
  },
  { withTypes: true },
);
