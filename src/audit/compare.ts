/**
 * What changed between two runs: per case and indicator the status transitions, the cases added
 * and gone, and the counts by transition. Only statuses are kept of the earlier run, so memory is
 * one small map per case, whatever the size of the findings.
 */
import type { CaseResult, Status } from '../model/finding.js';
import { requireIterable } from '../model/usage-error.js';
import { STATUSES } from '../model/vocabulary.js';

/** A finding's status in one run, or `absent` when the run has no such finding. */
export type StatusOrAbsent = Status | 'absent';

/** One indicator of one case whose status differs between the runs. */
export interface StatusChange {
  caseId: string;
  ref: string;
  from: StatusOrAbsent;
  to: StatusOrAbsent;
}

/** How many findings went from one status to another (cases in both runs only). */
export interface TransitionCount {
  from: StatusOrAbsent;
  to: StatusOrAbsent;
  count: number;
}

/** What {@link compareResults} returns. */
export interface Comparison {
  cases: {
    before: number;
    after: number;
    /** Case ids in the later run only, sorted. */
    added: string[];
    /** Case ids in the earlier run only, sorted. */
    gone: string[];
    /** Cases in both runs with at least one status changed. */
    changed: number;
    unchanged: number;
  };
  /** Every pair of statuses seen, unchanged ones included, worst `from` first then worst `to`. */
  transitions: TransitionCount[];
  /** The findings whose status changed, by case id then in the later run's order. */
  changes: StatusChange[];
}

const _RANK: Record<StatusOrAbsent, number> = {
  ...(Object.fromEntries(STATUSES.map((s, i) => [s, i])) as Record<Status, number>),
  absent: STATUSES.length,
};

const _byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The statuses of one case's findings, by ref. */
function _statuses(result: CaseResult): Map<string, Status> {
  return new Map(result.findings.map((f) => [f.ref, f.status]));
}

/** A comparison fed one case at a time: every earlier case first, then every later one. */
export interface ComparisonBuilder {
  addBefore(result: CaseResult): void;
  addAfter(result: CaseResult): void;
  result(): Comparison;
}

/**
 * Starts a comparison that keeps only the earlier run's statuses, so two large reports can be
 * compared as they are read.
 *
 * @example
 * const diff = createComparison();
 * for await (const r of readReportCases('june.ndjson')) diff.addBefore(r);
 * for await (const r of readReportCases('july.ndjson')) diff.addAfter(r);
 * diff.result().cases.changed;
 */
export function createComparison(): ComparisonBuilder {
  const earlier = new Map<string, Map<string, Status>>();
  const seen = new Set<string>();
  const counts = new Map<string, TransitionCount>();
  const changes: StatusChange[] = [];
  const added: string[] = [];
  let changed = 0;
  const count = (from: StatusOrAbsent, to: StatusOrAbsent) => {
    const key = `${from} ${to}`;
    const c = counts.get(key);
    if (c) c.count++;
    else counts.set(key, { from, to, count: 1 });
  };
  return {
    addBefore(r) {
      if (seen.size > 0) throw new Error('every earlier case must be added before the later ones');
      if (earlier.has(r.caseId)) throw new Error(`case ${r.caseId} appears twice in the earlier run`);
      earlier.set(r.caseId, _statuses(r));
    },
    addAfter(r) {
      if (seen.has(r.caseId)) throw new Error(`case ${r.caseId} appears twice in the later run`);
      seen.add(r.caseId);
      const old = earlier.get(r.caseId);
      if (!old) {
        added.push(r.caseId);
        return;
      }
      const caseChanges: StatusChange[] = [];
      const refs = new Set(old.keys());
      for (const f of r.findings) {
        const from = old.get(f.ref) ?? 'absent';
        refs.delete(f.ref);
        count(from, f.status);
        if (from !== f.status) caseChanges.push({ caseId: r.caseId, ref: f.ref, from, to: f.status });
      }
      for (const ref of refs) {
        const from = old.get(ref) as Status;
        count(from, 'absent');
        caseChanges.push({ caseId: r.caseId, ref, from, to: 'absent' });
      }
      if (caseChanges.length > 0) {
        changed++;
        changes.push(...caseChanges);
      }
    },
    result() {
      const gone = [...earlier.keys()].filter((id) => !seen.has(id)).sort(_byId);
      return {
        cases: {
          before: earlier.size,
          after: seen.size,
          added: [...added].sort(_byId),
          gone,
          changed,
          unchanged: seen.size - added.length - changed,
        },
        transitions: [...counts.values()].sort(
          (a, b) => _RANK[a.from] - _RANK[b.from] || _RANK[a.to] - _RANK[b.to],
        ),
        changes: [...changes].sort((a, b) => _byId(a.caseId, b.caseId)),
      };
    },
  };
}

/**
 * Compares two runs' results case by case (matched by case id) and indicator by indicator
 * (matched by ref). A case id twice in one run is an error: the runs would not be comparable.
 *
 * @example
 * const diff = compareResults(june.cases, july.cases);
 * diff.transitions.find((t) => t.from === 'pending' && t.to === 'fail')?.count;
 */
export function compareResults(before: Iterable<CaseResult>, after: Iterable<CaseResult>): Comparison {
  const call = 'compareResults(before.results, after.results)';
  requireIterable('compareResults', before, 'results before', call);
  requireIterable('compareResults', after, 'results after', call);
  const builder = createComparison();
  for (const r of before) builder.addBefore(r);
  for (const r of after) builder.addAfter(r);
  return builder.result();
}
