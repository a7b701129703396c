import { execFileSync, execSync, spawn } from 'node:child_process';

export function git(...args) {
  return execFileSync('git', args, { encoding: 'utf8' }).trim();
}

export function currentBranch() {
  return git('rev-parse', '--abbrev-ref', 'HEAD');
}

export function isClean() {
  return execSync('git status --porcelain', { encoding: 'utf8' }).trim() === '';
}

export function tagsSince(ref) {
  return git('tag', '--merged', 'HEAD', '--no-contains', ref).split('\n').filter(Boolean);
}

export function commitsSince(tag) {
  const range = tag ? `${tag}..HEAD` : 'HEAD';
  return git('log', range, '--format=%H%x09%s')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [hash, subject] = line.split('\t');
      return { hash, subject };
    });
}

export function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', ...options });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} exited with ${code}`))));
  });
}
