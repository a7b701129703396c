// `npm run demo`: lints examples/ with the built plugin and its recommended configs, prints the
// report, and exits 0 only when the problems found are exactly the ones the `// expect:` markers
// in examples/ announce (so a rule that stops firing, or starts firing elsewhere, fails the demo).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { actualProblems, expectedProblems } from './expected-problems.js';

const examples = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'examples');
const eslint = new ESLint({ cwd: examples });
const results = await eslint.lintFiles(['.']);
const formatter = await eslint.loadFormatter('stylish');
process.stdout.write(await formatter.format(results));

const expected = expectedProblems(results.map((result) => result.filePath), examples);
const actual = actualProblems(results, examples);
const missing = expected.filter((key) => !actual.includes(key));
const unexpected = actual.filter((key) => !expected.includes(key));
for (const key of missing) console.error(`missing (marked in the code, not reported): ${key}`);
for (const key of unexpected) console.error(`unexpected (reported, not marked): ${key}`);
if (missing.length > 0 || unexpected.length > 0) {
  process.exitCode = 1;
} else {
  const rules = new Set(actual.map((key) => key.split(' ')[1]));
  console.log(`Demo OK: ${actual.length} intended problems from ${rules.size} rules (${[...rules].sort().join(', ')}).`);
}
