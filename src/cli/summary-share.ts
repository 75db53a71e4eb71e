/**
 * A judged case's share of the summary (what `SummaryBuilder.addResult` and the progress read),
 * and how a worker thread of `check --workers N` sends it back when no report reads whole results.
 */
import type { CaseResult } from '../model/finding.js';
import { STATUSES } from '../model/vocabulary.js';

/**
 * The summary's share of a result, in the shape of a `CaseResult` with nothing else kept.
 *
 * @example
 * summaryShare(result); // { caseId: 'C1', status: 'fail', events: 12, eventsAfterAsOf: 0, findings: [{ ref: '1.1.1', status: 'pass' }, ...] }
 */
export const summaryShare = (r: CaseResult): CaseResult =>
  ({
    caseId: r.caseId,
    status: r.status,
    events: r.events,
    eventsAfterAsOf: r.eventsAfterAsOf,
    findings: r.findings.map((f) => ({ ref: f.ref, status: f.status })),
  }) as CaseResult;

/**
 * A summary share packed to cross threads: each finding's status is one character of `statuses`
 * (its index in `STATUSES`, from "0"), and its ref is at the same place in the batch's `refs`.
 */
export interface PackedShare {
  kind: 'packed';
  caseId: string;
  status: CaseResult['status'];
  events: number;
  eventsAfterAsOf: number;
  statuses: string;
  lineBytes?: number;
}

/** A judged outcome as {@link packShares} takes it (the rest pass through as they are). */
type Judged = { kind: 'judged'; result: CaseResult; lineBytes?: number };

/** A batch packed by {@link packShares}: the refs every packed share's `statuses` follow. */
export interface PackedBatch<O> {
  refs: string[];
  outcomes: (O | PackedShare)[];
}

const _FIRST = 48; // "0"

/** `statuses` for these findings in the order of `refs`, or undefined when they do not follow it. */
function _statusesIn(findings: CaseResult['findings'], refs: readonly string[]): string | undefined {
  if (findings.length !== refs.length) return undefined;
  let s = '';
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i] as CaseResult['findings'][number];
    const code = STATUSES.indexOf(f.status);
    if (f.ref !== refs[i] || code < 0) return undefined;
    s += String.fromCharCode(_FIRST + code);
  }
  return s;
}

/**
 * Packs the judged outcomes of a batch to their summary shares. Structured cloning a share's
 * 27 `{ ref, status }` objects cost about as much on the receiving thread as the rest of a case's
 * answer; a string of one character per finding costs next to nothing, and the refs, the same for
 * every case of a ruleset, go once per batch. A case whose findings do not follow the first
 * case's refs goes as its share, unpacked.
 *
 * @example
 * const { refs, outcomes } = packShares(judged); // outcomes[0]: { kind: 'packed', caseId: 'C1', ..., statuses: '4411' }
 */
export function packShares<O extends { kind: string }>(
  outcomes: readonly (O | Judged)[],
): PackedBatch<O | Judged> {
  let refs: string[] | undefined;
  const packed = outcomes.map((o): O | Judged | PackedShare => {
    if (o.kind !== 'judged') return o;
    const { result, lineBytes } = o as Judged;
    refs ??= result.findings.map((f) => f.ref);
    const statuses = _statusesIn(result.findings, refs);
    if (statuses === undefined) return { ...(o as Judged), result: summaryShare(result) };
    const { caseId, status, events, eventsAfterAsOf } = result;
    const share: PackedShare = { kind: 'packed', caseId, status, events, eventsAfterAsOf, statuses };
    if (lineBytes !== undefined) share.lineBytes = lineBytes;
    return share;
  });
  return { refs: refs ?? [], outcomes: packed };
}

/**
 * The outcomes {@link packShares} packed, each packed share a judged outcome again, its result
 * the {@link summaryShare} it was packed from.
 *
 * @example
 * const outcomes = unpackShares(packShares(judged)); // judged outcomes with summary shares
 */
export function unpackShares<O extends { kind: string }>(batch: PackedBatch<O>): (O | Judged)[] {
  const { refs } = batch;
  return batch.outcomes.map((o) => {
    if (o.kind !== 'packed') return o as O;
    const p = o as PackedShare;
    const findings = refs.map((ref, i) => ({
      ref,
      status: STATUSES[p.statuses.charCodeAt(i) - _FIRST] as CaseResult['status'],
    }));
    const result = {
      caseId: p.caseId,
      status: p.status,
      events: p.events,
      eventsAfterAsOf: p.eventsAfterAsOf,
      findings,
    } as CaseResult;
    return p.lineBytes === undefined
      ? { kind: 'judged', result }
      : { kind: 'judged', result, lineBytes: p.lineBytes };
  });
}
