import { describe, expect, it } from 'vitest';
import { findWorkerConstructions, isWorkerFile } from '../../src/blocking/worker-threads.js';
import { withSourceCode, type LintCodeOptions } from '../helpers/lint-code.js';

const workerFile = (code: string, options?: LintCodeOptions): boolean =>
  withSourceCode(code, (context) => isWorkerFile(context.sourceCode), options);

const constructions = (code: string, options?: LintCodeOptions): string[] =>
  withSourceCode(code, (context) => findWorkerConstructions(context.sourceCode).map((node) => context.sourceCode.getText(node)), options);

describe('isWorkerFile', () => {
  it('recognises every spelling of the worker-side members', () => {
    expect(workerFile("import { parentPort } from 'node:worker_threads';")).toBe(true);
    expect(workerFile("import { workerData as data } from 'worker_threads';")).toBe(true);
    expect(workerFile("import wt from 'node:worker_threads';\nif (wt.isMainThread) start();")).toBe(true);
    expect(workerFile("import * as wt from 'worker_threads';\nwt.parentPort.on('message', f);")).toBe(true);
    expect(workerFile("const { parentPort } = require('worker_threads');", { sourceType: 'commonjs' })).toBe(true);
    expect(workerFile("require('node:worker_threads').parentPort.postMessage(1);", { sourceType: 'commonjs' })).toBe(true);
    expect(workerFile("import wt = require('worker_threads');\nwt.parentPort?.postMessage(1);", { parser: 'typescript' })).toBe(true);
  });

  it('does not count files that only start workers, or lookalike names', () => {
    expect(workerFile("import { Worker } from 'node:worker_threads';\nnew Worker('./w.js');")).toBe(false);
    expect(workerFile('const parentPort = getPort();\nparentPort.postMessage(1);')).toBe(false);
    expect(workerFile("import { parentPort } from './my-worker-threads.js';")).toBe(false);
    expect(workerFile('')).toBe(false);
  });
});

describe('findWorkerConstructions', () => {
  it('finds `new Worker` in every import spelling, in source order', () => {
    const code = [
      "import { Worker } from 'node:worker_threads';",
      "import * as wt from 'worker_threads';",
      "const W = (await import('x')).W;",
      "new Worker('./a.js');",
      "new wt.Worker('./b.js');",
      'Worker();',
    ].join('\n');
    expect(constructions(code)).toEqual(["new Worker('./a.js')", "new wt.Worker('./b.js')"]);
    expect(
      constructions("const { Worker: W } = require('worker_threads');\nconst w = new W(file);", { sourceType: 'commonjs' }),
    ).toEqual(['new W(file)']);
  });

  it('ignores other classes named Worker', () => {
    expect(constructions("class Worker {}\nnew Worker('./a.js');")).toEqual([]);
    expect(constructions("import { Worker } from 'bullmq';\nnew Worker('queue', f);")).toEqual([]);
  });
});
