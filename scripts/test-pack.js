// `npm run test:pack`: proves the published tarball works for a user. Packs the package, installs
// the tarball into a fresh temporary project beside ESLint, lints a copy of examples/ with the
// ESLint CLI, and checks the package with publint and @arethetypeswrong/cli.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { actualProblems, expectedProblems } from './expected-problems.js';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const run = (command, args, cwd) => execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
const devVersion = (name) => JSON.parse(run('npm', ['pkg', 'get', `devDependencies.${name}`], root));

const work = mkdtempSync(path.join(os.tmpdir(), 'event-loop-pack-'));
try {
  const tarball = path.join(work, run('npm', ['pack', '--silent', '--pack-destination', work], root).trim().split('\n').at(-1));
  console.log(`packed ${path.basename(tarball)}`);

  const project = path.join(work, 'project');
  cpSync(path.join(root, 'examples'), project, { recursive: true });
  writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'pack-check', private: true, type: 'module' }, null, 2));
  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball,
    `eslint@${devVersion('eslint')}`, `@typescript-eslint/parser@${devVersion('@typescript-eslint/parser')}`,
    `typescript@${devVersion('typescript')}`, `@types/node@${devVersion('@types/node')}`], project);

  let report;
  try {
    report = run(process.execPath, [path.join(project, 'node_modules', 'eslint', 'bin', 'eslint.js'), '--format', 'json', '.'], project);
  } catch (error) {
    report = error.stdout; // exit code 1: problems found, as intended
  }
  const results = JSON.parse(report);
  const files = readdirSync(path.join(project, 'src')).map((file) => path.join(project, 'src', file));
  const expected = expectedProblems(files, project);
  const actual = actualProblems(results, project);
  if (JSON.stringify(expected) !== JSON.stringify(actual)) {
    console.error('expected:', expected, '\nactual:', actual);
    throw new Error('the installed tarball does not report the problems examples/ announces');
  }
  console.log(`installed tarball reports the ${actual.length} intended problems of examples/`);

  run('npx', ['--no-install', 'publint', '--strict'], root);
  console.log('publint: ok');
  run('npx', ['--no-install', 'attw', tarball, '--profile', 'esm-only'], root);
  console.log('@arethetypeswrong/cli: ok');
} finally {
  rmSync(work, { recursive: true, force: true });
}
