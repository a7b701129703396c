import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';

const memo = new Map();

export function contentHash(buffer, length = 8) {
  return createHash('sha256').update(buffer).digest('hex').slice(0, length);
}

export function fileHash(file) {
  const { mtimeMs, size } = statSync(file);
  const key = `${file}:${mtimeMs}:${size}`;
  let hash = memo.get(key);
  if (!hash) {
    hash = contentHash(readFileSync(file));
    memo.set(key, hash);
  }
  return hash;
}
