// The plugin in CI: the ESLint CLI as a CI job runs it (`npx eslint . --max-warnings=0`), over a
// copy of examples/ in a project that installs the packed plugin.
import { utimesSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assertMarkedRulesExist,
  createTempProject,
  exampleSourceFiles,
  expectedMarkerKeys,
  probeProject,
  readMarkers,
  type LintResult,
  type Marker,
  type ProjectProbe,
  type TempProject,
} from './temp-project.js';

let project: TempProject;
let probe: ProjectProbe;
let markers: Marker[];
let expected: string[];
const files = exampleSourceFiles();

/** `file:line rule-id` keys of the JSON formatter's results; fatal errors keep their message. */
function jsonKeys(results: LintResult[]): string[] {
  return results
    .flatMap((result) =>
      result.messages.map((message) => `${path.relative(project.dir, result.filePath).split(path.sep).join('/')}:${message.line} ${message.ruleId ?? `fatal: ${message.message}`}`),
    )
    .sort();
}

/** Every detail of every problem, to compare two runs. */
function jsonProblems(results: LintResult[]) {
  return results
    .flatMap((result) => result.messages.map((message) => ({ file: path.relative(project.dir, result.filePath), ...message })))
    .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}

/** `file:line rule-id` keys of the default (stylish) formatter's listing. */
function stylishKeys(output: string): string[] {
  const keys: string[] = [];
  let file = '';
  for (const line of output.split('\n')) {
    if (line.startsWith('/')) file = path.relative(project.dir, line.trim()).split(path.sep).join('/');
    const problem = /^\s+(\d+):(\d+)\s+(?:error|warning)\s+.*?\s{2,}([\w@/-]+)$/.exec(line);
    if (problem) keys.push(`${file}:${problem[1]} ${problem[3]}`);
  }
  return keys.sort();
}

beforeAll(() => {
  project = createTempProject('ci');
  probe = probeProject(project, files);
  markers = readMarkers(project, files);
  expected = expectedMarkerKeys(markers, probe);
  assertMarkedRulesExist(markers, probe);
}, 180_000);

afterAll(() => project?.remove());

describe('ESLint CLI in CI over examples/ with the packed plugin', () => {
  it('`npx eslint . --max-warnings=0` fails the job and lists our problems', () => {
    const result = project.run('npx', ['eslint', '.', '--max-warnings=0']);
    expect(result.stderr).not.toMatch(/error|Oops/i);
    expect(expected.length).toBeGreaterThan(0);
    expect(result.status).toBe(1);
    expect(stylishKeys(result.stdout)).toEqual(expected);
    expect(result.stdout).toContain(`✖ ${expected.length} problems (${expected.length} errors, 0 warnings)`);
  });

  it('`--format json` parses and carries our rule ids', () => {
    const result = project.run('npx', ['eslint', '.', '--max-warnings=0', '--format', 'json']);
    expect(result.status).toBe(1);
    const results = JSON.parse(result.stdout) as LintResult[];
    expect(results.map((entry) => path.relative(project.dir, entry.filePath)).sort()).toEqual(
      expect.arrayContaining(files.map((file) => file.split('/').join(path.sep))),
    );
    expect(jsonKeys(results)).toEqual(expected);
    const ruleIds = new Set(results.flatMap((entry) => entry.messages.map((message) => message.ruleId)));
    for (const ruleId of ruleIds) expect(Object.keys(probe.rules)).toContain(ruleId);
  });

  it('`--cache --cache-strategy content`: the second run reports the same problems from the cache', async () => {
    const args = ['eslint', '.', '--format', 'json', '--cache', '--cache-strategy', 'content'];
    const cold = await project.runAsync('npx', args);
    expect(cold.status).toBe(1);
    expect(project.read('.eslintcache')).toContain('src/orders.ts');
    // The content strategy ignores modification times: touch every file, the cache still holds.
    const later = new Date(Date.now() + 60_000);
    for (const file of files) utimesSync(project.path(file), later, later);
    const warm = await project.runAsync('npx', args);
    expect(warm.status).toBe(cold.status);
    const coldResults = JSON.parse(cold.stdout) as LintResult[];
    const warmResults = JSON.parse(warm.stdout) as LintResult[];
    expect(jsonKeys(warmResults)).toEqual(expected);
    expect(jsonProblems(warmResults)).toEqual(jsonProblems(coldResults));
    console.log(`CI: npx eslint . --cache --cache-strategy content: first run ${cold.ms} ms, second run (cached) ${warm.ms} ms`);
  });
});
