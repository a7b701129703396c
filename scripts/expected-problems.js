// Reads the `// expect: <rule-id>` markers of the demo project: the problems it is meant to show.
import { readFileSync } from 'node:fs';
import path from 'node:path';

const MARKER = /\/\/ expect: ((?:[\w-]+\/)?[\w-]+(?:, *(?:[\w-]+\/)?[\w-]+)*)/;

/** `file:line rule-id` keys for every marker in the given files. */
export function expectedProblems(files, root) {
  const keys = [];
  for (const file of files) {
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.forEach((line, index) => {
      const match = MARKER.exec(line);
      if (!match) return;
      for (const ruleId of match[1].split(',')) {
        keys.push(`${path.relative(root, file)}:${index + 1} ${ruleId.trim()}`);
      }
    });
  }
  return keys.sort();
}

/** The same keys for ESLint results. */
export function actualProblems(results, root) {
  return results
    .flatMap((result) => result.messages.map((message) => `${path.relative(root, result.filePath)}:${message.line} ${message.ruleId ?? 'fatal: ' + message.message}`))
    .sort();
}
