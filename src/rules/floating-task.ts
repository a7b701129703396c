import { createRule } from '../create-rule.js';
import { getStringEnumSchema } from '../options/readable-schema.js';
import { getTypeServices } from '../types/type-services.js';
import { createFloatingStatementsCheck } from './floating-task/check-floating-statements.js';
import { createStoredTasksCheck } from './floating-task/check-stored-tasks.js';
import { createPropertyChainsCheck } from './floating-task/check-property-chains.js';
import { createDrainedQueuesCheck } from './floating-task/check-drained-queues.js';
import { createVoidCallbacksCheck } from './floating-task/check-void-callbacks.js';
import { mergeListeners } from './floating-task/merge-listeners.js';
import { mayMentionPromises } from './floating-task/promise-words.js';
import { createFloatingTaskShared } from './floating-task/shared-context.js';
import type { MessageIds, Options } from './floating-task/types.js';

export type { MessageIds, Options } from './floating-task/types.js';

const TEST_RUNNER_FUNCTIONS = ['describe', 'it', 'test', 'suite'].flatMap((name) => [name, `${name}.only`, `${name}.skip`]);

export default createRule<Options, MessageIds>({
  name: 'floating-task',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require promises to be awaited or handled, and tasks kept in variables to be awaited before other work',
      recommended: 'recommended',
      requiresTypeChecking: false,
    },
    fixable: 'code',
    // The checks in floating-task/ make the reports (with suggestions), out of this lint rule's sight.
    // eslint-disable-next-line eslint-plugin/require-meta-has-suggestions -- see above
    hasSuggestions: true,
    messages: {
      floating:
        'The promise from {{what}} is dropped: nothing awaits it or handles its rejection, so its result is lost and a rejection crashes the process. Await it (inside an async function), return it, end it with `.catch(...)`, or mark it `void` if it is meant to run detached.',
      floatingMaybe:
        '{{what}} returns a promise only in some forms (its type is `{{type}}`); if it returns one here, that promise is dropped and a rejection crashes the process. If this form returns a promise, await it (inside an async function) or end it with `.catch(...)`.',
      floatingArray:
        'The promises in the array from {{what}} are dropped: nothing awaits them or handles their rejections. Await them with `Promise.all(...)` (inside an async function), return that, or mark the array `void` if they are meant to run detached.',
      forgottenTask:
        'Task `{{name}}` is started here but never observed: its result and any rejection are lost (a rejection crashes the process). Await it (inside an async function), return it, or pass it on.',
      forgottenTasks:
        'The promises stored in `{{name}}` are started but never observed: their results and rejections are lost (a rejection crashes the process). Await them with `Promise.all` (inside an async function), return them, or pass them on.',
      lateAwait:
        'Task `{{name}}` is not awaited or handled yet when the `await` on line {{line}} waits for something else: if `{{name}}` rejects meanwhile, Node reports an unhandled rejection and exits. Await both together with `Promise.all`, or attach a rejection handler before that `await`.',
      lateAwaitTasks:
        'The promises stored in `{{name}}` are not awaited or handled yet when the `await` on line {{line}} waits for something else: if one rejects meanwhile, Node reports an unhandled rejection and exits. Await them together with that work (`Promise.all`), or handle each one as it is stored.',
      loopThrow:
        'The promises stored in `{{name}}` in this loop are awaited only after it, but the loop can throw part-way (line {{line}}): the promises already started are then never awaited and a rejection crashes the process. Await them in a `finally` (`Promise.allSettled`), or handle each one as it is stored.',
      drainedQueue:
        'This promise is stored in `{{queue}}`, and the loop on line {{line}} awaits the stored promises one at a time: while it waits for an earlier one, nothing handles a rejection of this one yet, so Node reports an unhandled rejection and exits. Mark it handled when it is stored (`p.catch(() => {})` beside it; the loop\'s `await` still throws), or await the stored promises together with `Promise.all`.',
      forEachCallback:
        '`forEach` ignores the promise its callback returns: nothing waits for the work to finish and a rejection crashes the process. Use a `for...of` loop with `await`, or `await Promise.all(xs.map(...))`.',
      forEachCallbackOutsideAsync:
        '`forEach` ignores the promise its callback returns: nothing waits for the work to finish and a rejection crashes the process. Catch errors inside the callback, or collect the promises with `xs.map(...)` and return `Promise.all(...)` of them to a caller that awaits it.',
      voidCallback:
        'This callback returns a promise, but {{callee}} ignores what its callback returns: nothing waits for it and a rejection crashes the process. Catch errors inside the callback, or pass it to an API that awaits it.',
      suggestAwait: 'Add `await` operator (a suggestion, not an autofix: the code after it then waits for the promise, and its rejection throws here).',
      suggestVoid: 'Add `void` operator to mark the promise as intentionally detached.',
      suggestCatch: 'Add `.catch({{handler}})`.',
      suggestAwaitAll: 'Await the promises with `Promise.all`.',
      suggestAwaitTask: 'Add `{{text}}` at the end of the block.',
      suggestVoidInit: 'Add `void` operator to the initialiser to mark the task as intentionally detached.',
      suggestPromiseAll: 'Await `{{name}}` together with the other promise in one `Promise.all`.',
      suggestCatchTask: 'Attach a rejection handler to `{{name}}` right after it starts (the later `await` still throws).',
      suggestMapAll: 'Rewrite as `await Promise.all(… .map(…))` (runs the callbacks concurrently).',
      suggestTryCatchInside: "Wrap the callback's body in `try`/`catch` that passes the error to `{{handler}}`.",
      suggestCatchInside: "End the callback's promise with `.catch({{handler}})`.",
      suggestForOf: 'Rewrite as a `for...of` loop with `await` (runs the callbacks one after another).',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          ignoreVoid: { type: 'boolean', description: 'Whether a `void`-ed promise counts as intentionally detached.' },
          ignoreIIFE: { type: 'boolean', description: 'Whether to ignore async IIFEs (`(async () => { ... })();`).' },
          promiseFunctions: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description: 'More functions that return promises: bare callee names (`query`) or `module.member` entries (`axios.get`).',
          },
          allowFunctions: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description:
              'Functions whose promises may be dropped: bare callee names, callee paths (`describe.only`) or `module.member` entries. Replaces the default list of test-runner functions.',
          },
          catchHandler: {
            type: ['string', 'null'],
            description: 'A function name to offer as `.catch(<name>)` suggestion on floating promises (null: no such suggestion).',
          },
          checkLateAwait: {
            type: 'boolean',
            description: 'Whether to report tasks kept in a variable that are awaited only after an `await` of something else.',
          },
          checkCallbacks: {
            type: 'boolean',
            description: 'Whether to report promise-returning callbacks passed where the return value is ignored (`forEach`, listeners, timers).',
          },
          autofix: getStringEnumSchema(['none', 'await'], '`await` turns the "Add `await`" suggestion into an autofix where `await` is legal.'),
          mode: getStringEnumSchema(['auto', 'syntactic', 'type-aware'], 'How promises are recognised: `auto` uses type information when the parser provides it.'),
        },
      },
    ],
    defaultOptions: [
      {
        ignoreVoid: true,
        ignoreIIFE: false,
        promiseFunctions: [],
        allowFunctions: TEST_RUNNER_FUNCTIONS,
        catchHandler: null,
        checkLateAwait: true,
        checkCallbacks: true,
        autofix: 'none',
        mode: 'auto',
      },
    ],
  },
  // Four independent checks, one listener map each (src/rules/floating-task/), sharing the options,
  // the type services and one promise detector per file.
  create(context, [options]) {
    const services = getTypeServices(context, options.mode ?? 'auto');
    // Without types a promise is recognised by how it is spelled; a file with none of those words has
    // none, and is decided before anything else is built for it (two files in three).
    if (!services && !mayMentionPromises(context.sourceCode, options.promiseFunctions ?? [])) return {};
    const shared = createFloatingTaskShared(context, options, services);
    return mergeListeners(
      createFloatingStatementsCheck(shared),
      createStoredTasksCheck(shared),
      createPropertyChainsCheck(shared),
      options.checkLateAwait ? createDrainedQueuesCheck(shared) : {},
      options.checkCallbacks ? createVoidCallbacksCheck(shared) : {},
    );
  },
});
