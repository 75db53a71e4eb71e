/**
 * What the audit report counts over every case of the run, as the cases are judged, whether or not
 * the page embeds them: cases with a fail or an error, failing findings by indicator, the
 * indicators the cases name, and pass and fail findings by month of receipt.
 */
import type { CaseResult } from '../../model/finding.js';
import { isFailing } from '../common.js';

/** Pass and fail findings. */
export interface PassFail {
  pass: number;
  fail: number;
}

/** Counts over every judged case. */
export interface RunTally {
  judged: number;
  /** Cases with a fail or an error finding. */
  failingCases: number;
  /** Fail and error findings by indicator ref. */
  failingByRef: Map<string, number>;
  /** The indicators the findings name (ref to slug), as first seen. */
  refs: Map<string, string>;
  /** By month of receipt (YYYY-MM): cases, and pass and fail findings by indicator ref. */
  months: Map<string, { cases: number; byRef: Map<string, PassFail> }>;
  /** Cases whose receipt date the report does not give. */
  undated: number;
}

/** An empty tally. */
export function createTally(): RunTally {
  return {
    judged: 0,
    failingCases: 0,
    failingByRef: new Map(),
    refs: new Map(),
    months: new Map(),
    undated: 0,
  };
}

/** Counts one case in, with its local date of receipt (YYYY-MM-DD) when known. */
export function tallyCase(tally: RunTally, result: CaseResult, received: string | undefined): void {
  tally.judged++;
  let failing = false;
  for (const f of result.findings) {
    if (!tally.refs.has(f.ref)) tally.refs.set(f.ref, f.id);
    if (isFailing(f.status)) {
      failing = true;
      tally.failingByRef.set(f.ref, (tally.failingByRef.get(f.ref) ?? 0) + 1);
    }
  }
  if (failing) tally.failingCases++;
  if (received === undefined) {
    tally.undated++;
    return;
  }
  const key = received.slice(0, 7);
  let month = tally.months.get(key);
  if (!month) {
    month = { cases: 0, byRef: new Map() };
    tally.months.set(key, month);
  }
  month.cases++;
  for (const f of result.findings) {
    if (f.status !== 'pass' && f.status !== 'fail') continue;
    let c = month.byRef.get(f.ref);
    if (!c) {
      c = { pass: 0, fail: 0 };
      month.byRef.set(f.ref, c);
    }
    c[f.status]++;
  }
}
