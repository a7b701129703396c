// Applies ESLint fixes (`{ range, text }`, ranges into the original text) to a text: the one place
// tests turn a fixer's output, a report's fix or suggestion, or one ESLint fix pass into new text;
// and `textFixer`, the fixer to call fix-building helpers with outside a rule.
import type { TSESLint } from '@typescript-eslint/utils';
import type { Linter } from 'eslint';

export interface TextFix {
  readonly range: readonly [number, number];
  readonly text: string;
}

export interface ApplyFixesOptions {
  /**
   * What to do with a fix that starts before the previous one (in range order) ends:
   * - `'throw'` (default): the fixes are the parts of one report, which must not overlap (ESLint
   *   merges them into one fix and throws on an overlap); touching is fine, as there.
   * - `'skip'`: the fixes of several reports in one fix pass: ESLint's SourceCodeFixer skips a fix
   *   that overlaps or touches the previous applied one (and a fix whose range is reversed).
   */
  overlapping?: 'throw' | 'skip';
}

/**
 * A `RuleFixer` like the one ESLint passes to `fix(fixer)`: each method returns the fix it
 * describes, for helpers that build fixes to be called directly in tests.
 */
export const textFixer: TSESLint.RuleFixer = {
  insertTextAfter: (nodeOrToken, text) => textFixer.insertTextAfterRange(nodeOrToken.range, text),
  insertTextAfterRange: (range, text) => ({ range: [range[1], range[1]], text }),
  insertTextBefore: (nodeOrToken, text) => textFixer.insertTextBeforeRange(nodeOrToken.range, text),
  insertTextBeforeRange: (range, text) => ({ range: [range[0], range[0]], text }),
  remove: (nodeOrToken) => textFixer.removeRange(nodeOrToken.range),
  removeRange: (range) => ({ range, text: '' }),
  replaceText: (nodeOrToken, text) => textFixer.replaceTextRange(nodeOrToken.range, text),
  replaceTextRange: (range, text) => ({ range, text }),
};

/**
 * `text` with `fixes` applied, in range order (stable: equal ranges keep their order, as ESLint's
 * merge keeps the order a fixer returned them in). `null` or `undefined` leaves `text` unchanged.
 */
export function applyFixes(text: string, fixes: TextFix | Iterable<TextFix> | null | undefined, options: ApplyFixesOptions = {}): string {
  if (fixes === null || fixes === undefined) return text;
  const list = isTextFix(fixes) ? [fixes] : [...fixes];
  const sorted = list.sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  const skip = options.overlapping === 'skip';
  let output = '';
  let lastEnd = Number.NEGATIVE_INFINITY;
  for (const fix of sorted) {
    const [start, end] = fix.range;
    if (skip ? lastEnd >= start || start > end : start < lastEnd) {
      if (skip) continue;
      throw new Error(`overlapping fixes: [${start}, ${end}] starts before ${lastEnd}`);
    }
    output += text.slice(Math.max(0, lastEnd), Math.max(0, start)) + fix.text;
    lastEnd = end;
  }
  return output + text.slice(Math.max(0, lastEnd));
}

/**
 * One pass of ESLint's fixing over `messages` of `text`: their fixes (with `withSuggestions`, a
 * message without a fix contributes its first suggestion), each applied unless it overlaps or
 * touches the previous one. `eslint --fix` repeats lint-and-fix up to 10 times.
 */
export function applyMessageFixes(text: string, messages: readonly Linter.LintMessage[], { withSuggestions = false } = {}): string {
  const fixes = messages.flatMap((message) => {
    const fix = message.fix ?? (withSuggestions ? message.suggestions?.[0]?.fix : undefined);
    return fix ? [fix] : [];
  });
  return applyFixes(text, fixes, { overlapping: 'skip' });
}

function isTextFix(fixes: TextFix | Iterable<TextFix>): fixes is TextFix {
  return 'range' in fixes;
}
