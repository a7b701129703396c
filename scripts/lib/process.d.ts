// Types of scripts/lib/process.js for the TypeScript tests.
import type { SpawnOptions } from 'node:child_process';

export interface ProcessResult {
  /** Exit code, or null when a signal ended the process. */
  status: number | null;
  stdout: string;
  stderr: string;
  /** Wall-clock milliseconds from the spawn to the close of the process's streams. */
  ms: number;
}

export declare function runProcess(command: string, args: readonly string[], options?: Omit<SpawnOptions, 'stdio'>): Promise<ProcessResult>;
