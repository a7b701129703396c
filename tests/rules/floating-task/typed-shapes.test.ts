import rule from '../../../src/rules/floating-task.js';
import { runWithTypes } from '../../helpers/rule-tester.js';

// Issue 16, type-aware shapes, in our own words (file.ts in tests/fixtures).

runWithTypes('floating-task typed shapes', rule, {
  valid: [
    // A union without a promise is not a promise.
    { code: 'declare function pick(): string | number;\nexport function run() { pick(); }', filename: 'file.ts' },
    // A `Promise<void> | void` callback parameter observes the promise.
    { code: 'declare function hook(cb: () => Promise<void> | void): void;\ndeclare function save(): Promise<void>;\nhook(async () => { await save(); });', filename: 'file.ts' },
  ],
  invalid: [
    // A method of an interface declared in this file.
    {
      code: `interface Mailer { send(to: string): Promise<void>; }
export function welcome(mailer: Mailer) { mailer.send('a@b.c'); }`,
      filename: 'file.ts',
      errors: [{ messageId: 'floating', line: 2, suggestions: [
        { messageId: 'suggestVoid', output: `interface Mailer { send(to: string): Promise<void>; }
export function welcome(mailer: Mailer) { void mailer.send('a@b.c'); }` },
      ] }],
    },
    // A union type that contains a promise.
    {
      code: `declare function refresh(force: boolean): Promise<void> | undefined;
export async function tick() { refresh(true); }`,
      filename: 'file.ts',
      errors: [{ messageId: 'floatingMaybe', data: { what: '`refresh()`', type: 'Promise<void> | undefined' }, line: 2, suggestions: [
        { messageId: 'suggestAwait', output: `declare function refresh(force: boolean): Promise<void> | undefined;
export async function tick() { await refresh(true); }` },
        { messageId: 'suggestVoid', output: `declare function refresh(force: boolean): Promise<void> | undefined;
export async function tick() { void refresh(true); }` },
      ] }],
    },
    // A generic `Promise<T>` method of a repository interface.
    {
      code: `interface Repository<T> { save(item: T): Promise<T>; }
interface User { id: string }
export function register(users: Repository<User>, user: User) { users.save(user); }`,
      filename: 'file.ts',
      errors: [{ messageId: 'floating', line: 3, suggestions: [
        { messageId: 'suggestVoid', output: `interface Repository<T> { save(item: T): Promise<T>; }
interface User { id: string }
export function register(users: Repository<User>, user: User) { void users.save(user); }` },
      ] }],
    },
    // An async callback given to a parameter typed `() => void` that awaits something that can reject.
    {
      code: `declare function onIdle(cb: () => void): void;
export function start(load: () => Promise<void>) { onIdle(async () => { await load(); throw new Error('stale'); }); }`,
      filename: 'file.ts',
      errors: [{ messageId: 'voidCallback', line: 2, suggestions: [
        { messageId: 'suggestTryCatchInside', output: `declare function onIdle(cb: () => void): void;
export function start(load: () => Promise<void>) { onIdle(async () => { try { await load(); throw new Error('stale'); } catch (error) { console.error(error); } }); }` },
      ] }],
    },
  ],
});
