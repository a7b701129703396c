#!/usr/bin/env node
// Review tool (npm run review -- <rule>): lints the whole corpus with one rule and writes
// bench/review/<rule>.md: every report with its file, line, the code around it and an empty
// verdict column to fill by hand ("true" / "false: why"). Re-running keeps the verdicts of reports
// that are still made (matched by file, line, column and message) and lists the verdicts of
// reports that went away, so a rule change never silently drops a judgement.
//
// Usage: node scripts/review.js <rule> [--typed] [--strict] [--out FILE]
//   <rule>     one of our rules (`floating-task` or `event-loop/floating-task`), or any other rule
//              id to review a peer (`no-await-in-loop`, `@typescript-eslint/no-floating-promises`
//              with --typed)
//   --typed    type information (projectService) for the TypeScript packages
//   --strict   the options the `strict` config sets for the rule (default: the rule's defaults)
// Needs the corpus (npm run corpus:setup) and the plugin built (npm run build).

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CORPUS_DIR, CORPUS_PACKAGES, ROOT, assertCorpusInstalled, getInstalledVersion, listCorpusFiles } from '../bench/corpus-manifest.js';
import { PLUGIN_PREFIX, createCorpusESLint, formatTable, lintTextSafely, loadPlugin, readText, snapshotPlugin } from '../bench/lint-helpers.js';
import { getDisplayPath, getExcerpt, getVerdictKind, readVerdicts, toCell } from '../bench/review-format.js';

function resolveRuleId(plugin, name) {
  if (name.startsWith(`${PLUGIN_PREFIX}/`)) return name;
  return plugin.rules[name] ? `${PLUGIN_PREFIX}/${name}` : name;
}

async function main() {
  const { values: args, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      typed: { type: 'boolean', default: false },
      strict: { type: 'boolean', default: false },
      out: { type: 'string' },
    },
  });
  if (positionals.length !== 1) {
    console.error('Usage: npm run review -- <rule> [--typed] [--strict] [--out FILE]');
    process.exit(2);
  }
  assertCorpusInstalled();
  const pluginEntry = snapshotPlugin();
  const plugin = await loadPlugin(pluginEntry);
  const pluginModules = { [PLUGIN_PREFIX]: pluginEntry };
  const ruleId = resolveRuleId(plugin, positionals[0]);
  const ours = ruleId.startsWith(`${PLUGIN_PREFIX}/`);
  if (ours && !plugin.rules[ruleId.slice(PLUGIN_PREFIX.length + 1)]) {
    throw new Error(`No rule ${ruleId} in the built plugin (registered: ${Object.keys(plugin.rules).join(', ')}); run npm run build?`);
  }
  const entry = args.strict ? (plugin.configs.strict.rules?.[ruleId] ?? plugin.configs.all.rules?.[ruleId] ?? 'error') : 'error';
  const shortName = ours ? ruleId.slice(PLUGIN_PREFIX.length + 1) : ruleId.replaceAll('/', '__');
  const outFile = args.out ? path.resolve(args.out) : path.join(ROOT, 'bench', 'review', `${shortName}${args.typed ? '.typed' : ''}.md`);

  const files = listCorpusFiles();
  const syntactic = await createCorpusESLint({ cwd: CORPUS_DIR, rules: { [ruleId]: entry }, pluginModules });
  const typed = args.typed ? await createCorpusESLint({ cwd: CORPUS_DIR, rules: { [ruleId]: entry }, typed: true, pluginModules }) : null;
  const reports = [];
  const problems = [];
  const started = performance.now();
  for (const file of files) {
    const text = readText(file.file);
    const eslint = typed && file.language === 'ts' ? typed : syntactic;
    const { result, crash } = await lintTextSafely(eslint, text, file.file);
    if (crash) {
      problems.push(`${getDisplayPath(file.relative)}: crash: ${crash.message}`);
      continue;
    }
    for (const message of result.messages) {
      if (message.ruleId !== ruleId) {
        if (message.fatal || message.ruleId === null) problems.push(`${getDisplayPath(file.relative)}:${message.line ?? 0}: ${message.message}`);
        continue;
      }
      reports.push({
        location: `${getDisplayPath(file.relative)}:${message.line}:${message.column}`,
        message: message.message,
        excerpt: getExcerpt(text, message.line, message.endLine ?? message.line),
        language: file.language,
        fixable: message.fix !== undefined,
        suggestions: message.suggestions?.length ?? 0,
      });
    }
  }

  const previous = existsSync(outFile) ? readVerdicts(readFileSync(outFile, 'utf8')) : new Map();
  const used = new Set();
  for (const report of reports) {
    const key = `${report.location} ${toCell(report.message)}`;
    report.verdict = previous.get(key) ?? '';
    if (previous.has(key)) used.add(key);
  }
  const dropped = [...previous.entries()].filter(([key]) => !used.has(key));
  const kinds = reports.map((report) => getVerdictKind(report.verdict));
  const trueCount = kinds.filter((kind) => kind === 'true').length;
  const falseCount = kinds.filter((kind) => kind === 'false').length;
  const open = reports.length - trueCount - falseCount;
  const judged = trueCount + falseCount;

  const lines = [];
  const out = (text = '') => lines.push(text);
  out(`# Review: \`${ruleId}\` on the corpus${args.typed ? ' (type-aware)' : ''}`);
  out();
  out(
    `Generated by \`npm run review -- ${positionals[0]}${args.typed ? ' --typed' : ''}${args.strict ? ' --strict' : ''}\` (scripts/review.js), options: \`${JSON.stringify(entry)}\`${args.typed ? ', type information for the TypeScript packages' : ', no type information'}.`,
  );
  out(
    `Corpus: ${CORPUS_PACKAGES.filter((pkg) => getInstalledVersion(pkg)).map((pkg) => `${pkg.name}@${getInstalledVersion(pkg)}`).join(', ')}; ${files.length} files. The corpus's own \`eslint-disable\` comments are ignored.`,
  );
  out();
  out('Fill the **verdict** column: `true` (a real problem the rule is right to report) or `false`, each followed by why (`false: the loop stops at the first failure`). Re-running the command keeps the verdicts of reports that are still made.');
  out();
  out('## Summary');
  out();
  out(
    `- ${reports.length} reports in ${new Set(reports.map((report) => report.location.replace(/:\d+:\d+$/, ''))).size} files; verdicts: ${trueCount} true, ${falseCount} false, ${open} open.`,
  );
  out(`- Precision (true / judged): ${judged > 0 ? `${((trueCount / judged) * 100).toFixed(1)}% (${trueCount} / ${judged})` : 'not judged yet'}.`);
  if (problems.length > 0) out(`- ${problems.length} files could not be linted: ${problems.slice(0, 5).join('; ')}`);
  out();
  out('## Reports');
  out();
  out(
    formatTable(
      ['#', 'location', 'message', 'verdict'],
      reports.map((report, index) => [String(index + 1), `[${report.location}](#r${index + 1})`, toCell(report.message), toCell(report.verdict)]),
      'rlll',
    ),
  );
  out();
  out('## Details');
  for (const [index, report] of reports.entries()) {
    out();
    out(`### <a id="r${index + 1}"></a>${index + 1}. ${report.location}`);
    out();
    const extras = [report.fixable ? 'autofix' : null, report.suggestions > 0 ? `${report.suggestions} suggestion(s)` : null].filter(Boolean);
    out(`${report.message}${extras.length > 0 ? ` _(${extras.join(', ')})_` : ''}`);
    out();
    out(`\`\`\`${report.language}`);
    out(report.excerpt);
    out('```');
  }
  if (dropped.length > 0) {
    out();
    out('## Verdicts of reports no longer made');
    out();
    out('Kept from the previous review; delete them once read.');
    out();
    out(
      formatTable(
        ['report', 'verdict'],
        dropped.map(([key, verdict]) => [key, toCell(verdict)]),
        'll',
      ),
    );
  }

  mkdirSync(path.dirname(outFile), { recursive: true });
  writeFileSync(outFile, `${lines.join('\n')}\n`);
  console.log(
    `review: ${reports.length} reports of ${ruleId} (${trueCount} true, ${falseCount} false, ${open} open${dropped.length > 0 ? `, ${dropped.length} verdicts of reports no longer made` : ''}) in ${((performance.now() - started) / 1000).toFixed(1)} s -> ${path.relative(ROOT, outFile)}`,
  );
  if (problems.length > 0) {
    console.log(`review: ${problems.length} files could not be linted:\n  ${problems.slice(0, 10).join('\n  ')}`);
    process.exitCode = 1;
  }
}

await main();
