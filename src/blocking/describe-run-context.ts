import type { TSESLint } from '@typescript-eslint/utils';
import { describeFunctionWithArticle } from './describe-context.js';
import type { ConcurrentContext, ConcurrentReason } from './run-context-types.js';

/** The two halves of a concurrent-path message: when the code runs, and who waits. */
export interface ConcurrentPhrases {
  /** "runs on every request to this route (`GET /report`)". */
  runs: string;
  /** "other requests wait until it finishes". */
  waiters: string;
}

const REQUESTS_WAIT = 'other requests wait until it finishes';

function describeWhen(why: ConcurrentReason, detail: string): ConcurrentPhrases {
  switch (why) {
    case 'route-handler':
      return { runs: `on every request to this route (\`${detail}\`)`, waiters: REQUESTS_WAIT };
    case 'middleware':
      return { runs: detail.startsWith('/') ? `on every request through this middleware (\`${detail}\`)` : 'on every request through this middleware', waiters: REQUESTS_WAIT };
    case 'server-callback':
      return { runs: `on every request to this server (\`${detail}\`)`, waiters: REQUESTS_WAIT };
    case 'route-module':
      return { runs: `on every request to the \`${detail}\` handler of this route module`, waiters: REQUESTS_WAIT };
    case 'listener':
      return { runs: `on every ${detail} event`, waiters: 'other events and requests wait until it finishes' };
    case 'job-processor':
      return { runs: `for every job of this queue worker (\`${detail}\`)`, waiters: 'the other jobs in progress wait until it finishes' };
    case 'fan-out':
      return { runs: `in each item of this \`${detail}\``, waiters: `the other items of this \`${detail}\` wait until it finishes` };
    case 'timer':
      return { runs: `on every \`${detail}\` tick in a module that serves requests`, waiters: REQUESTS_WAIT };
    case 'per-module-hook':
      return { runs: `for every module in the \`${detail}\` hook`, waiters: 'the other modules (and dev-server requests) wait until it finishes' };
    case 'request-parameter':
      return { runs: `on every request it is given (it takes the request's \`${detail}\`)`, waiters: REQUESTS_WAIT };
    case 'stream-callback':
      return {
        runs: /^_?(?:final|flush)$/u.test(detail) ? `at the end of every stream, in its \`${detail}\`` : `for every chunk in the stream's \`${detail}\``,
        waiters: 'other I/O waits until it finishes',
      };
  }
}

/**
 * Message phrases for code on a concurrent path, naming what the analysis saw: "runs on every
 * request to this route (`GET /report`)", or through a helper "runs in function `render`, called
 * on every request to ...".
 */
export function describeConcurrentContext(context: ConcurrentContext, sourceCode: Readonly<TSESLint.SourceCode>): ConcurrentPhrases {
  const { runs, waiters } = describeWhen(context.why, context.detail);
  if (context.via) return { runs: `runs in ${describeFunctionWithArticle(context.via, sourceCode)}, called ${runs}`, waiters };
  return { runs: `runs ${runs}`, waiters };
}
