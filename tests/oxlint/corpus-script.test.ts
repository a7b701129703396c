// scripts/oxlint-corpus.js (the corpus step: oxlint with our rules, failing on any plugin error),
// run here over examples/ and over a folder with a deliberately broken plugin.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listSourceFiles, makeTempDir, PLUGIN_PREFIX, removeDir, ROOT } from '../../scripts/lib/oxlint.js';
import { loadBuiltPlugin } from './oxlint-harness.js';

const SCRIPT = path.join(ROOT, 'scripts', 'oxlint-corpus.js');
const plugin = await loadBuiltPlugin();
const tempDirs: string[] = [];

afterAll(() => {
  for (const dir of tempDirs) removeDir(dir);
});

function runScript(...args: string[]) {
  return spawnSync(process.execPath, [SCRIPT, ...args], { cwd: ROOT, encoding: 'utf8' });
}

describe('scripts/oxlint-corpus.js', () => {
  it('lints a folder with all our rules and prints the files, the reports per rule and the time', () => {
    const examples = path.join(ROOT, 'examples');
    const files = listSourceFiles(examples);
    // One report per `// expect:` marker of examples/ (tests/oxlint/examples.test.ts checks where).
    const markers = files.flatMap((file) => [...readFileSync(path.join(examples, file), 'utf8').matchAll(/\/\/ expect: /g)]);
    const result = runScript('examples');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`over examples: ${files.length} of ${files.length} files in \\d+\\.\\d\\d s`));
    for (const name of Object.keys(plugin.rules)) expect(result.stdout).toMatch(new RegExp(`\\s[1-9]\\d*  ${PLUGIN_PREFIX}/${name}\\n`));
    expect(result.stdout).toMatch(new RegExp(`\\s${markers.length}  reports in total`));
  });

  it('fails, naming the file and the error, when a rule throws under oxlint', () => {
    const dir = makeTempDir('oxlint-script');
    tempDirs.push(dir);
    const broken = path.join(dir, 'broken-plugin.mjs');
    writeFileSync(
      broken,
      [
        "export default { meta: { name: 'broken' }, rules: { 'throws-on-foo': { meta: { schema: [] }, create(context) {",
        "  return { Identifier(node) { if (node.name === 'foo') throw new Error('broken rule'); } };",
        '} } } };',
      ].join('\n'),
    );
    mkdirSync(path.join(dir, 'src'));
    writeFileSync(path.join(dir, 'src', 'ok.js'), 'export const bar = 1;\n');
    writeFileSync(path.join(dir, 'src', 'bad.js'), 'export const foo = 1;\n');
    const result = runScript(path.join(dir, 'src'), '--plugin', broken);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/2 of 2 files/);
    expect(result.stderr).toContain('1 plugin error(s): a rule threw under oxlint.');
    expect(result.stderr).toContain('bad.js');
    expect(result.stderr).toContain('Error: broken rule');
    expect(result.stderr).not.toContain('ok.js');
  });
});
