#!/usr/bin/env node
// Score (npm run score): lints the corpus with each rule (defaults; floating-task in both modes)
// and prints precision and recall against bench/labels/{loops,floating,blocking}.json, for the
// whole corpus and for the application units alone (`application: true` in the manifest), then
// the unlabeled reports and the false and missed sites grouped by reason. Sites match by
// (file, line); a loop report counts at its loop's line.
//
// Usage: node scripts/score.js [--quick] [--details N]
//   --quick      CI's reduced set (the async-dense files of bench/candidate-lint.js), labels of those files only
//   --details N  sites listed per group (default 10)
// Exits 1 only when linting crashes or a label file is unreadable, never on a score.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { RULES, getRuleSites, lintCorpus } from '../bench/candidate-lint.js';
import { CORPUS_PACKAGES, ROOT, assertCorpusInstalled } from '../bench/corpus-manifest.js';
import { formatTable } from '../bench/lint-helpers.js';
import { POSITIVE_LABELS, checkLabels, formatRatio, groupByReason, scoreRule } from '../bench/scoring.js';

const LABELS_DIR = path.join(ROOT, 'bench', 'labels');

/** The rules scored: rule id, mode, label family; blocking rules only on the sites of their APIs. */
const SCORED = [
  { name: 'no-sequential-await-in-loop', ruleId: RULES.loops, mode: 'syntactic', family: 'loops' },
  { name: 'floating-task', ruleId: RULES.floating, mode: 'syntactic', family: 'floating' },
  { name: 'floating-task (type-aware)', ruleId: RULES.floating, mode: 'typed', family: 'floating' },
  { name: 'no-sync-in-async', ruleId: RULES.noSync, mode: 'syntactic', family: 'blocking', kind: 'sync-io' },
  { name: 'prefer-worker-for-cpu', ruleId: RULES.cpu, mode: 'syntactic', family: 'blocking', kind: 'cpu' },
];

function readLabels(family) {
  const file = path.join(LABELS_DIR, `${family}.json`);
  if (!existsSync(file)) return [];
  const labels = JSON.parse(readFileSync(file, 'utf8'));
  if (!Array.isArray(labels)) throw new Error(`${path.relative(ROOT, file)} must hold an array`);
  return labels;
}

/** The API kinds (`sync-io`, `cpu`) of a blocking site, from the label or the candidate list. */
function createKindLookup() {
  const file = path.join(LABELS_DIR, 'candidates', 'blocking.json');
  const kinds = new Map();
  if (existsSync(file)) {
    for (const site of JSON.parse(readFileSync(file, 'utf8'))) {
      kinds.set(`${site.file}:${site.line}`, new Set((site.calls ?? []).map((call) => call.kind)));
    }
  }
  return (label) => {
    if (Array.isArray(label.calls)) return new Set(label.calls.map((call) => call.kind));
    if (label.kind) return new Set([label.kind]);
    return kinds.get(`${label.file}:${label.line}`) ?? new Set();
  };
}

async function main() {
  const { values: args } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      details: { type: 'string', default: '10' },
    },
  });
  const perGroup = Number(args.details);
  assertCorpusInstalled();
  const started = performance.now();
  const labels = { loops: readLabels('loops'), floating: readLabels('floating'), blocking: readLabels('blocking') };
  for (const [family, list] of Object.entries(labels)) {
    const problems = checkLabels(family, list);
    if (problems.length > 0) console.log(`score: ${problems.length} label problems in ${family}.json:\n  ${problems.slice(0, 20).join('\n  ')}`);
  }
  const { files, results, problems, seconds } = await lintCorpus({ quick: args.quick, log: console.error });
  const linted = new Set(files.map((entry) => entry.relative.split(path.sep).join('/')));
  const applicationUnits = new Set(CORPUS_PACKAGES.filter((pkg) => pkg.application).map((pkg) => pkg.name));
  const kindsOf = createKindLookup();

  const rows = [];
  const details = [];
  for (const rule of SCORED) {
    const reports = [...getRuleSites(results, rule.ruleId, rule.mode).values()];
    const familyLabels = labels[rule.family].filter(
      (label) => linted.has(label.file) && (!rule.kind || kindsOf(label).has(rule.kind) || reports.some((r) => r.file === label.file && r.line === label.line)),
    );
    for (const [scope, include] of [
      ['corpus', () => true],
      ['applications', (site) => applicationUnits.has(site.unit)],
    ]) {
      const score = scoreRule({ reports, labels: familyLabels, positive: POSITIVE_LABELS[rule.family], include });
      rows.push([rule.name, scope, score.tp + score.fp + score.unlabeledCount, score.tp, score.fp, score.fn, formatRatio(score.precision), formatRatio(score.recall), score.unlabeledCount]);
      if (scope === 'corpus') details.push({ rule, score });
    }
  }
  console.log(`\n## Scores against bench/labels (${args.quick ? 'quick set, ' : ''}${files.length} files; labels: loops ${labels.loops.length}, floating ${labels.floating.length}, blocking ${labels.blocking.length})\n`);
  console.log(formatTable(['rule', 'scope', 'reports', 'true', 'false', 'missed', 'precision', 'recall', 'unlabeled'], rows, 'llrrrrrrr'));

  const site = (item) => `${item.file}:${item.line}${item.reason ? ` (${item.reason})` : ''}`;
  for (const { rule, score } of details) {
    console.log(`\n### ${rule.name}`);
    if (score.unlabeled.length > 0) {
      console.log(`\nunlabeled reports (${score.unlabeled.length}, to be labeled in bench/labels/${rule.family}.json):`);
      for (const report of score.unlabeled.slice(0, perGroup)) console.log(`  ${report.file}:${report.line}  ${report.message.slice(0, 120)}`);
      if (score.unlabeled.length > perGroup) console.log(`  ... ${score.unlabeled.length - perGroup} more`);
    }
    for (const [title, items, getLabel] of [
      ['false reports', score.falsePositives, (item) => item.label],
      ['missed sites', score.missed, (item) => item],
    ]) {
      if (items.length === 0) continue;
      console.log(`\n${title} (${items.length}), by reason:`);
      for (const [group, members] of groupByReason(items, getLabel)) {
        console.log(`  ${group} (${members.length})`);
        for (const member of members.slice(0, perGroup)) console.log(`    ${site(getLabel(member))}`);
        if (members.length > perGroup) console.log(`    ... ${members.length - perGroup} more`);
      }
    }
  }
  console.log(`\nscore: linted ${files.length} files in ${seconds.toFixed(1)} s (total ${((performance.now() - started) / 1000).toFixed(1)} s).`);
  if (problems.length > 0) {
    console.log(`score: ${problems.length} files could not be linted:\n  ${problems.slice(0, 10).join('\n  ')}`);
    process.exitCode = 1;
  }
}

try {
  await main();
} catch (error) {
  console.error(error);
  process.exitCode = 1;
}
