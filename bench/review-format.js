// Formatting of bench/review/<rule>.md for scripts/review.js: paths, code excerpts, and the
// verdicts a reviewer wrote into the table (kept across re-runs).

import path from 'node:path';

const CONTEXT_LINES = 3;
const MAX_EXCERPT_LINES = 24;

/** `node_modules/@trpc/server/src/x.ts` -> `@trpc/server/src/x.ts`; `npm-lib/x.js` -> `npm/lib/x.js`. */
export function getDisplayPath(relative) {
  const posix = relative.split(path.sep).join('/');
  if (posix.startsWith('node_modules/')) return posix.slice('node_modules/'.length);
  if (posix.startsWith('npm-lib/')) return `npm/lib/${posix.slice('npm-lib/'.length)}`;
  return posix;
}

/** Lines around a report, numbered, the reported ones marked with `>`; long spans are cut in the middle. */
export function getExcerpt(text, line, endLine) {
  const lines = text.split('\n');
  const last = Math.min(lines.length, Math.max(line, endLine) + CONTEXT_LINES);
  const first = Math.max(1, line - CONTEXT_LINES);
  let numbers = [];
  for (let number = first; number <= last; number++) numbers.push(number);
  if (numbers.length > MAX_EXCERPT_LINES) {
    const head = numbers.filter((number) => number < line + MAX_EXCERPT_LINES - 8);
    const tail = numbers.filter((number) => number > last - 5);
    numbers = [...head, null, ...tail];
  }
  const width = String(last).length;
  return numbers
    .map((number) => {
      if (number === null) return `${' '.repeat(width + 2)} …`;
      const marker = number >= line && number <= endLine ? '>' : ' ';
      return `${marker} ${String(number).padStart(width)} | ${lines[number - 1]}`;
    })
    .join('\n');
}

// formatTable escapes `|` in cells; messages lose their line breaks in the table.
export const toCell = (text) => text.replaceAll('\n', ' ');
export const fromCell = (text) => text.replaceAll('\\|', '|');

/** Verdicts already written in a review file, by report key (`location` + message). */
export function readVerdicts(markdown) {
  const verdicts = new Map();
  for (const row of markdown.split('\n')) {
    if (!/^\|\s*\d+\s*\|\s*\[/.test(row)) continue;
    const cells = row
      .slice(1, -1)
      .split(/(?<!\\)\|/)
      .map((cell) => cell.trim());
    if (cells.length < 4) continue;
    const location = /^\[([^\]]+)\]/.exec(cells[1])?.[1];
    const verdict = fromCell(cells.at(-1));
    if (location && verdict) verdicts.set(`${location} ${fromCell(cells[2])}`, verdict);
  }
  return verdicts;
}

/** `true` / `false` / null (open) from a verdict cell. */
export function getVerdictKind(verdict) {
  const match = /^\s*\**\s*(true|false)\b/i.exec(verdict ?? '');
  return match ? match[1].toLowerCase() : null;
}
