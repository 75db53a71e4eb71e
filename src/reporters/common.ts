/**
 * What several reporters share: the status columns, rates as percentages, the commitment →
 * standard → indicator tree of a summary, and which cases fail worst. Internals are `_`-prefixed.
 */
import type { CaseResult, Finding, Status } from '../model/finding.js';
import type { Summary } from '../model/summary.js';

/**
 * The part of a ruleset a reporter may quote: each indicator's leaflet words (public text, never a
 * letter's) and how it is judged. A loaded `Ruleset` satisfies it.
 *
 * @example
 * const words: RulesetWords = { rules: [{ ref: '1.2.1', id: 'process-explained', words: 'We will explain our investigation process to you.' }] };
 */
export interface RulesetWords {
  readonly rules: readonly {
    readonly ref: string;
    readonly id: string;
    readonly words: string;
    readonly description?: string;
    /** A short title (a few words); reporters derive one from `id` without it. */
    readonly title?: string;
    /** The rule's checks, for the conditions under which each status is given (which facts, at which path). */
    readonly checks?: readonly {
      readonly outcomes: readonly { readonly status: Status; readonly when: unknown }[];
    }[];
  }[];
}

/** Status columns in the order the tables show them (the decided ones first, then the rest). */
export const COLUMNS: readonly Status[] = [
  'pass',
  'fail',
  'pending',
  'insufficient_evidence',
  'not_applicable',
  'error',
];

/** Column headings of {@link COLUMNS}. */
export const COLUMN_LABELS: Readonly<Record<Status, string>> = {
  pass: 'Pass',
  fail: 'Fail',
  pending: 'Pending',
  insufficient_evidence: 'Insufficient',
  not_applicable: 'N/A',
  error: 'Error',
};

/** A compliance rate (0..1) as a percentage with one decimal, or "—" when there was no pass or fail. */
export function percent(rate: number | null): string {
  return rate === null ? '—' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

/** `fail` and `error`: the statuses a reporter lists case by case. */
export const isFailing = (status: Status): boolean => status === 'fail' || status === 'error';

type _Indicator = Summary['indicators'][number];

/** One commitment of the tree, with the standards under it that have indicators in the report. */
export interface _CommitmentNode {
  commitment: Summary['commitments'][number];
  standards: { standard: Summary['standards'][number]; indicators: _Indicator[] }[];
}

/**
 * Groups a summary's indicators under their standards and commitments, in the summary's order.
 * Groups without an indicator in the report are left out; indicators whose standard is not in
 * the summary come back as `others`, so that none is lost.
 */
export function indicatorTree(summary: Summary): { commitments: _CommitmentNode[]; others: _Indicator[] } {
  const placed = new Set<_Indicator>();
  const commitments: _CommitmentNode[] = [];
  for (const commitment of summary.commitments) {
    const standards: _CommitmentNode['standards'] = [];
    for (const standard of summary.standards) {
      if (standard.commitment !== commitment.ref) continue;
      const indicators = summary.indicators.filter((i) => i.standard === standard.ref && !placed.has(i));
      for (const i of indicators) placed.add(i);
      if (indicators.length > 0) standards.push({ standard, indicators });
    }
    if (standards.length > 0) commitments.push({ commitment, standards });
  }
  return { commitments, others: summary.indicators.filter((i) => !placed.has(i)) };
}

/** Indicator refs in report order: the summary's, then any only the cases name, as first seen. */
export function indicatorRefs(summary: Summary, cases: readonly CaseResult[]): { ref: string; id: string }[] {
  const named = createNamedRefs();
  for (const c of cases) named.see(c.findings);
  return named.inReportOrder(summary);
}

/** The indicators findings name, as first seen, for {@link indicatorRefs} case by case. */
export function createNamedRefs(): {
  see(findings: readonly { ref: string; id: string }[]): void;
  inReportOrder(summary: Summary): { ref: string; id: string }[];
} {
  const named = new Map<string, string>();
  return {
    see(findings) {
      for (const f of findings) if (!named.has(f.ref)) named.set(f.ref, f.id);
    },
    inReportOrder(summary) {
      const out = summary.indicators.map((i) => ({ ref: i.ref, id: i.id }));
      const listed = new Set(out.map((i) => i.ref));
      for (const [ref, id] of named) if (!listed.has(ref)) out.push({ ref, id });
      return out;
    },
  };
}

/** A case with its `fail` and `error` findings. */
export interface _FailingCase {
  result: CaseResult;
  failing: Finding[];
  fails: number;
  errors: number;
}

/** Worst first: most fails and errors together, then most errors, then by case id. */
const _worse = (a: _FailingCase, b: _FailingCase): number =>
  b.fails + b.errors - (a.fails + a.errors) ||
  b.errors - a.errors ||
  compare(a.result.caseId, b.result.caseId);

function _failingCase(result: CaseResult): _FailingCase | undefined {
  const failing = result.findings.filter((f) => isFailing(f.status));
  if (failing.length === 0) return undefined;
  const errors = failing.filter((f) => f.status === 'error').length;
  return { result, failing, fails: failing.length - errors, errors };
}

/**
 * The `limit` worst of the cases added with a `fail` or an `error` (most fails and errors together,
 * then most errors, then by case id, so that the order never depends on the input's), and how many
 * there were.
 */
export interface WorstCases {
  add(result: CaseResult): void;
  /** The worst cases, worst first (at most `limit`). */
  list(): readonly _FailingCase[];
  /** How many cases added have a `fail` or an `error`. */
  count(): number;
}

/** {@link WorstCases}, keeping only the `limit` worst (and of each, only what a report shows). */
export function createWorstCases(limit: number): WorstCases {
  const kept: _FailingCase[] = [];
  let count = 0;
  return {
    add(result) {
      const c = _failingCase(result);
      if (!c) return;
      count++;
      if (limit <= 0) return;
      const last = kept[kept.length - 1];
      if (kept.length >= limit && last && _worse(c, last) >= 0) return;
      const { caseId, source } = result;
      const slim: _FailingCase = { ...c, result: { ...result, caseId, source, findings: c.failing } };
      if (slim.result.timeline !== undefined) delete slim.result.timeline;
      const at = kept.findIndex((k) => _worse(slim, k) < 0);
      kept.splice(at === -1 ? kept.length : at, 0, slim);
      if (kept.length > limit) kept.pop();
    },
    list: () => kept,
    count: () => count,
  };
}

/** Code-unit order, the same on every machine (unlike `localeCompare`). */
export const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Where a case was read from, as `file:line`, or undefined. */
export const sourceLocation = (result: CaseResult): string | undefined =>
  result.source ? `${result.source.file}:${result.source.line}` : undefined;

/**
 * A finding's explanation followed by its review, when one applies: "... Reviewed by A. Auditor
 * on 2025-07-01: accepted as an exception (Agreed delay)."
 */
export function explanationWithReview(f: Finding): string {
  if (f.review === undefined) return f.explanation;
  const r = f.review;
  const what =
    r.decision === 'accept' ? 'accepted as an exception' : `overridden to ${r.status.replace('_', ' ')}`;
  return `${f.explanation} Reviewed by ${r.reviewer} on ${r.reviewedOn}: ${what} (${r.reason}).`;
}
