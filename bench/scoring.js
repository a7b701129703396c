// Pure scoring for scripts/score.js: matches a rule's report sites to labeled sites by
// (file, line) and counts true and false reports and missed sites. See bench/README.md for the
// label schema.

/** Labels that a rule should report, per family. */
export const POSITIVE_LABELS = {
  loops: ['independent', 'independent-in-order'],
  floating: ['floating'],
  blocking: ['harmful'],
};

export const LABEL_VALUES = {
  loops: ['independent', 'independent-in-order', 'sequential', 'no-benefit'],
  floating: ['floating', 'handled', 'cannot-reject', 'not-a-promise'],
  blocking: ['harmful', 'harmless'],
};

export const SEQUENTIAL_REASONS = [
  'ordered-effects',
  'pagination-or-stream',
  'retry-or-poll',
  'early-exit',
  'data-dependency',
  'pacing',
  'transaction',
  'runs-handed-in-code',
];

export function getSiteKey(site) {
  return `${site.file}:${site.line}`;
}

/** What a site is grouped under in the false/missed lists: the label and its reason class. */
export function getReasonGroup(label) {
  const detail = label.sequentialReason ?? label.context ?? null;
  return detail ? `${label.label}: ${detail}` : String(label.label);
}

/**
 * Scores one rule. `reports`: the rule's report sites (`{ unit, file, line, message }`);
 * `labels`: labeled sites of its family (`{ unit, file, line, label, reason, ... }`);
 * `positive`: the label values the rule should report; `include(site)`: which sites count (a
 * unit subset, the files of a quick run). A report on a labeled negative site is false; on a
 * positive one true; on no labeled site unlabeled (counted in neither). A positive site without
 * a report is missed. Precision and recall are null when undefined (nothing to divide by).
 */
export function scoreRule({ reports, labels, positive, include = () => true }) {
  const positives = new Set(positive);
  const labelByKey = new Map();
  for (const label of labels) if (include(label)) labelByKey.set(getSiteKey(label), label);
  const reportByKey = new Map();
  for (const report of reports) if (include(report)) reportByKey.set(getSiteKey(report), report);

  const truePositives = [];
  const falsePositives = [];
  const unlabeled = [];
  for (const [key, report] of reportByKey) {
    const label = labelByKey.get(key);
    if (!label) unlabeled.push(report);
    else if (positives.has(label.label)) truePositives.push({ report, label });
    else falsePositives.push({ report, label });
  }
  const missed = [];
  for (const [key, label] of labelByKey) {
    if (positives.has(label.label) && !reportByKey.has(key)) missed.push(label);
  }
  const tp = truePositives.length;
  const fp = falsePositives.length;
  const fn = missed.length;
  return {
    tp,
    fp,
    fn,
    unlabeledCount: unlabeled.length,
    precision: tp + fp > 0 ? tp / (tp + fp) : null,
    recall: tp + fn > 0 ? tp / (tp + fn) : null,
    truePositives,
    falsePositives,
    missed,
    unlabeled,
  };
}

/** `{ group: sites[] }`, groups sorted by size. */
export function groupByReason(items, getLabel = (item) => item) {
  const groups = new Map();
  for (const item of items) {
    const group = getReasonGroup(getLabel(item));
    if (!groups.has(group)) groups.set(group, []);
    groups.get(group).push(item);
  }
  return [...groups.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
}

export function formatRatio(value) {
  return value === null ? 'n/a' : `${(value * 100).toFixed(1)}%`;
}

/** Problems of a label file: unknown label values, missing fields, duplicate sites. */
export function checkLabels(family, labels) {
  const problems = [];
  const seen = new Set();
  for (const [index, label] of labels.entries()) {
    const where = `${family}[${index}] ${label.file ?? '?'}:${label.line ?? '?'}`;
    if (typeof label.file !== 'string' || !Number.isInteger(label.line) || typeof label.unit !== 'string') problems.push(`${where}: needs unit, file and line`);
    if (!LABEL_VALUES[family].includes(label.label)) problems.push(`${where}: label ${JSON.stringify(label.label)} is not one of ${LABEL_VALUES[family].join(', ')}`);
    if (family === 'loops' && label.label === 'sequential' && !SEQUENTIAL_REASONS.includes(label.sequentialReason)) {
      problems.push(`${where}: sequentialReason ${JSON.stringify(label.sequentialReason)} is not one of ${SEQUENTIAL_REASONS.join(', ')}`);
    }
    const key = getSiteKey(label);
    if (seen.has(key)) problems.push(`${where}: labeled twice`);
    seen.add(key);
  }
  return problems;
}
