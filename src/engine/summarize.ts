import type { CaseResult, Status, StatusCounts } from '../model/finding.js';
import type { Summary } from '../model/summary.js';
import { STATUSES } from '../model/vocabulary.js';
import type { RejectedCase } from './evaluate-cases.js';
import type { Ruleset } from './ruleset.js';
import { requireRulesetOption, requireRulesetValue } from './usage.js';

/** Counts by status, every status at zero. */
export const zeroCounts = (): StatusCounts => Object.fromEntries(STATUSES.map((s) => [s, 0])) as StatusCounts;
/** pass / (pass + fail); null when neither. */
export const complianceRate = (c: StatusCounts) =>
  c.pass + c.fail === 0 ? null : c.pass / (c.pass + c.fail);

/** A running summary: add judged and rejected cases as they stream by, read it at the end. */
export interface SummaryBuilder {
  addResult(result: CaseResult): void;
  addRejected(rejected: RejectedCase): void;
  addUnmapped(activity: string, count?: number): void;
  /** Merges another builder's summary (a shard's) into this one. */
  addSummary(summary: Summary): void;
  result(): Summary;
}

/**
 * Starts a {@link SummaryBuilder} for a ruleset: counts by status, and compliance rates
 * (pass / (pass + fail)) per indicator, standard, commitment and overall.
 *
 * @example
 * const builder = createSummaryBuilder(ruleset);
 * for (const r of results) builder.addResult(r);
 * builder.result().complianceRate;
 */
export function createSummaryBuilder(ruleset: Ruleset): SummaryBuilder {
  requireRulesetValue('createSummaryBuilder', ruleset);
  const indicatorCounts = new Map<string, StatusCounts>();
  const overall = zeroCounts();
  const unmapped = new Map<string, number>();
  const rejected: RejectedCase[] = [];
  let cases = 0;
  let events = 0;
  let findings = 0;
  let eventsAfterAsOf = 0;
  const countsFor = (ref: string) => {
    let c = indicatorCounts.get(ref);
    if (!c) {
      c = zeroCounts();
      indicatorCounts.set(ref, c);
    }
    return c;
  };
  const add = (ref: string, status: Status, n = 1) => {
    countsFor(ref)[status] += n;
    overall[status] += n;
  };
  return {
    addResult(r) {
      cases++;
      events += r.events;
      eventsAfterAsOf += r.eventsAfterAsOf;
      findings += r.findings.length;
      for (const f of r.findings) add(f.ref, f.status);
    },
    addRejected(r) {
      rejected.push(r);
    },
    addUnmapped(activity, count = 1) {
      unmapped.set(activity, (unmapped.get(activity) ?? 0) + count);
    },
    addSummary(s) {
      cases += s.cases;
      events += s.events;
      findings += s.findings;
      eventsAfterAsOf += s.eventsAfterAsOf;
      for (const i of s.indicators) for (const st of STATUSES) add(i.ref, st, i.byStatus[st]);
      for (const [k, n] of Object.entries(s.unmappedActivities)) this.addUnmapped(k, n);
      for (const r of s.rejected) rejected.push(r);
    },
    result() {
      const { indicators, standards, commitments } = rollUpCounts(ruleset, indicatorCounts);
      const sortedRejected = [...rejected].sort((a, b) =>
        a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0,
      );
      return {
        cases,
        events,
        findings,
        byStatus: { ...overall },
        complianceRate: complianceRate(overall),
        indicators,
        standards,
        commitments,
        unmappedActivities: Object.fromEntries([...unmapped.entries()].sort(([a], [b]) => (a < b ? -1 : 1))),
        eventsAfterAsOf,
        rejected: sortedRejected.map((r) => ({ caseId: r.caseId, events: r.events, problems: r.problems })),
      };
    },
  };
}

/** Counts and rates by indicator, standard and commitment, from counts by indicator ref. */
export function rollUpCounts(ruleset: Ruleset, countsByRef: ReadonlyMap<string, StatusCounts>) {
  const indicators = ruleset.rules
    .filter((r) => countsByRef.has(r.ref))
    .map((r) => {
      const byStatus = { ...(countsByRef.get(r.ref) as StatusCounts) };
      return {
        ref: r.ref,
        id: r.id,
        standard: r.standard,
        commitment: r.commitment,
        byStatus,
        complianceRate: complianceRate(byStatus),
      };
    });
  const sum = (refs: string[]) => {
    const c = zeroCounts();
    for (const ref of refs) {
      const x = countsByRef.get(ref);
      if (x) for (const s of STATUSES) c[s] += x[s];
    }
    return c;
  };
  const standards = ruleset.manifest.commitments.flatMap((cm) =>
    cm.standards.map((st) => {
      const byStatus = sum(st.indicators);
      return {
        ref: st.ref,
        title: st.title,
        commitment: cm.ref,
        byStatus,
        complianceRate: complianceRate(byStatus),
      };
    }),
  );
  const commitments = ruleset.manifest.commitments.map((cm) => {
    const byStatus = sum(cm.standards.flatMap((st) => st.indicators));
    return { ref: cm.ref, title: cm.title, byStatus, complianceRate: complianceRate(byStatus) };
  });
  return { indicators, standards, commitments };
}

/** Options of {@link summarize}. */
export interface SummarizeOptions {
  ruleset: Ruleset;
  rejected?: Iterable<RejectedCase>;
}

/**
 * Summarizes judged cases: counts by status and compliance rates per indicator, standard and
 * commitment (pass / (pass + fail); other statuses are counted, never folded into the rate).
 *
 * @example
 * const summary = summarize(results, { ruleset });
 * summary.indicators.find((i) => i.ref === '1.3.1')?.complianceRate;
 */
export function summarize(results: Iterable<CaseResult>, options: SummarizeOptions): Summary {
  const ruleset = requireRulesetOption('summarize', options, 'summarize(results, { ruleset })');
  const b = createSummaryBuilder(ruleset);
  for (const r of results) b.addResult(r);
  for (const r of options.rejected ?? []) b.addRejected(r);
  return b.result();
}
