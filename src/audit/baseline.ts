/**
 * Findings against a baseline run (`--baseline REPORT`), as code scanners and SARIF name them:
 * `new` (no such finding in the baseline), `unchanged` (same fingerprint), `updated` (the same
 * case and indicator, but the finding changed), and `absent` (in the baseline, not in this run).
 * Only each baseline finding's fingerprint and status are kept.
 */
import type { CaseResult, Finding, Status } from '../model/finding.js';
import { requireIterable } from '../model/usage-error.js';
import { fingerprintFinding } from './fingerprint.js';

/** A baseline finding this run no longer has. */
export interface AbsentFinding {
  caseId: string;
  ref: string;
  status: Status;
}

/** A baseline prepared for one run: classify each case, then read what was absent. */
export interface Baseline {
  /** The case with each finding gaining `baseline` (new, unchanged or updated). */
  classify(result: CaseResult): CaseResult;
  /** Baseline findings this run did not have, by case id then ref. */
  absent(): AbsentFinding[];
}

const _key = (caseId: string, ref: string) => `${caseId}\u0000${ref}`;

/**
 * Prepares a baseline from an earlier run's results.
 *
 * @example
 * const baseline = createBaseline(lastMonth.cases);
 * const result = baseline.classify(judged); // findings now carry baseline: 'new' | 'unchanged' | 'updated'
 */
export function createBaseline(earlier: Iterable<CaseResult>): Baseline {
  requireIterable('createBaseline', earlier, 'earlier results', 'createBaseline(earlierReport.cases)');
  const known = new Map<string, { fingerprint: string; status: Status; caseId: string; ref: string }>();
  for (const r of earlier) {
    for (const f of r.findings) {
      known.set(_key(r.caseId, f.ref), {
        fingerprint: fingerprintFinding(f),
        status: f.status,
        caseId: r.caseId,
        ref: f.ref,
      });
    }
  }
  const seen = new Set<string>();
  return {
    classify(result) {
      const findings = result.findings.map((f): Finding => {
        const key = _key(result.caseId, f.ref);
        const before = known.get(key);
        if (before) seen.add(key);
        const baseline = !before
          ? 'new'
          : before.fingerprint === fingerprintFinding(f)
            ? 'unchanged'
            : 'updated';
        return { ...f, baseline };
      });
      return { ...result, findings };
    },
    absent() {
      return [...known.entries()]
        .filter(([key]) => !seen.has(key))
        .map(([, { caseId, ref, status }]) => ({ caseId, ref, status }))
        .sort((a, b) =>
          a.caseId !== b.caseId ? (a.caseId < b.caseId ? -1 : 1) : a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0,
        );
    },
  };
}
