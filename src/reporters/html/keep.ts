/**
 * Which cases the audit report embeds when it cannot embed them all: the worst, kept in a heap of
 * bounded size while the cases are judged, so that memory does not grow with the log.
 */
import TinyQueue from 'tinyqueue';
import type { CaseResult } from '../../model/finding.js';
import { ATTENTION_STATUSES } from '../../model/vocabulary.js';
import { compare } from '../common.js';

/**
 * How bad a case is: its findings with each status that needs attention, from the worst (error,
 * fail, insufficient evidence, pending), and its id.
 */
export interface CaseRank {
  caseId: string;
  counts: readonly [error: number, fail: number, insufficient: number, pending: number];
}

/** The rank of a judged case. */
export function rankOf(result: CaseResult): CaseRank {
  const counts = ATTENTION_STATUSES.map(
    (status) => result.findings.filter((f) => f.status === status).length,
  ) as [number, number, number, number];
  return { caseId: result.caseId, counts };
}

/** A case needs attention when a finding is an error, a fail, insufficient evidence or pending. */
export const needsAttention = (rank: CaseRank): boolean => rank.counts.some((n) => n > 0);

/**
 * Negative when `a` is worse than `b`: more errors, then more fails, then more findings with
 * insufficient evidence, then more pending; among equals, the lower case id (code-unit order).
 */
export function compareWorst(a: CaseRank, b: CaseRank): number {
  for (let k = 0; k < 4; k++) {
    const d = (b.counts[k] as number) - (a.counts[k] as number);
    if (d !== 0) return d;
  }
  return compare(a.caseId, b.caseId);
}

/** The cases a bounded collection kept, and how many it saw. */
export interface KeptCases<T> {
  /** Worst first. */
  kept: { rank: CaseRank; item: T }[];
  /** Cases offered in all, and of them those needing attention. */
  seen: number;
  seenAttention: number;
}

/** Keeps the `max` worst cases offered; `item` is made only for a case that is kept. */
export interface WorstCases<T> {
  offer(rank: CaseRank, item: () => T): void;
  /**
   * What was kept: every case when no more than `max` were offered; else only the cases needing
   * attention, worst first.
   */
  result(): KeptCases<T>;
}

/**
 * A bounded collection of the worst cases: at most `max` items held at any time (a heap with the
 * least bad on top, replaced when a worse case comes).
 *
 * @example
 * const worst = keepWorst<string>(20_000);
 * worst.offer(rankOf(result), () => JSON.stringify(result));
 */
export function keepWorst<T>(max: number): WorstCases<T> {
  type Held = { rank: CaseRank; item: T };
  // The least bad on top: the first to go.
  const heap = new TinyQueue<Held>([], (a, b) => compareWorst(b.rank, a.rank));
  let seen = 0;
  let seenAttention = 0;
  return {
    offer(rank, item) {
      seen++;
      if (needsAttention(rank)) seenAttention++;
      if (max <= 0) return;
      if (heap.length < max) {
        heap.push({ rank, item: item() });
        return;
      }
      const top = heap.peek() as Held;
      if (compareWorst(rank, top.rank) >= 0) return;
      heap.pop();
      heap.push({ rank, item: item() });
    },
    result() {
      const kept = [...heap.data].sort((a, b) => compareWorst(a.rank, b.rank));
      const all = seen <= max;
      return { kept: all ? kept : kept.filter((h) => needsAttention(h.rank)), seen, seenAttention };
    },
  };
}
