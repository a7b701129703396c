// Runs a whole child process without blocking: used where the wall time of the process is measured
// (scripts/oxlint-corpus.js) or where a test must not block (tests/integration/temp-project.ts).
import { spawn } from 'node:child_process';

/**
 * Runs `command` with `args` (no shell, stdin ignored); resolves with its exit status, its whole
 * stdout and stderr (UTF-8) and the wall time in milliseconds, rejects when it cannot be started.
 * `options` go to `spawn` (`cwd`, `env`, `timeout`, ...).
 */
export function runProcess(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout = [];
    const stderr = [];
    child.stdout.on('data', (chunk) => stdout.push(chunk));
    child.stderr.on('data', (chunk) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (status) => {
      resolve({
        status,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
        ms: performance.now() - start,
      });
    });
  });
}
