import type { CannotRejectReason, RejectionVerdict, UnknownReason } from '../../promises/rejection-verdict.js';

/**
 * The kinds of report floating-task makes, each with its own policy for what the analysis cannot tell:
 * - `dropped`: a promise statement nothing awaits or handles;
 * - `forgotten`: a task stored in a variable (or collection) and never observed;
 * - `late-await`: a task (or tasks stored in a collection) observed only after an `await` of other work,
 *   or lost when a loop throws part-way;
 * - `void-callback`: a promise-returning callback given to a receiver known to drop its result
 *   (`forEach`, timers, `new Promise`, a Node emitter's listener, `http.createServer`);
 * - `unidentified-listener`: an async listener given to `.on/.once` of an emitter the rule cannot
 *   identify, or (with types) to a parameter merely typed `() => void`: such APIs sometimes await it.
 */
export type ReportKind = 'dropped' | 'forgotten' | 'late-await' | 'void-callback' | 'unidentified-listener';

/**
 * Per report kind, the `unknown` reasons that are reported. `rejects` is always reported and
 * `cannot-reject` only as `REPORTED_SAFE` says. The table in rules-docs/floating-task.md says the same; both modes and
 * both languages use it.
 */
const REPORTED_UNKNOWN: Record<ReportKind, ReadonlySet<UnknownReason>> = {
  // A function (of this file, or with types of another project file) that awaits or returns I/O the
  // rule cannot resolve can fail; a bare unresolved call is not even known to be a promise, and an
  // interface member of another file has no body to read.
  dropped: new Set(['awaits-unknown', 'forwarded-callback', 'unresolved-chain', 'unknown-elements']),
  forgotten: new Set(['awaits-unknown', 'forwarded-callback', 'unresolved-chain', 'unknown-elements']),
  // Keeping a promise unobserved across other work is the hazard: only a proof of safety (or the
  // author's guard) clears it.
  'late-await': new Set(['awaits-unknown', 'returns-unknown', 'forwarded-callback', 'unresolved-chain', 'unknown-elements', 'unresolved-call', 'other-file', 'unresolved-value']),
  'void-callback': new Set(['awaits-unknown', 'returns-unknown', 'forwarded-callback', 'unresolved-chain', 'unknown-elements', 'unresolved-call', 'other-file', 'unresolved-value']),
  'unidentified-listener': new Set(),
};

/**
 * Per report kind, the `cannot-reject` reasons that are still reported: a stored promise that only
 * resolves carries nothing but its completion, which is lost when nothing observes it
 * (`const closed = new Promise((resolve) => server.close(resolve));` and no `await closed`).
 */
const REPORTED_SAFE: Partial<Record<ReportKind, ReadonlySet<CannotRejectReason>>> = {
  forgotten: new Set(['resolves-only']),
};

/** Whether floating-task reports a promise with this verdict in a report of this kind. */
export function isReported(kind: ReportKind, verdict: RejectionVerdict): boolean {
  switch (verdict.verdict) {
    case 'rejects':
      return true;
    case 'cannot-reject':
      return REPORTED_SAFE[kind]?.has(verdict.reason) ?? false;
    case 'unknown':
      return REPORTED_UNKNOWN[kind].has(verdict.reason);
  }
}
