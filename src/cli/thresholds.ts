import type { Status } from '../model/finding.js';
import type { Summary } from '../model/summary.js';
import { STATUSES } from '../model/vocabulary.js';
import { UsageError } from './errors.js';

/** `--fail-on`: the run fails on this status or a worse one; `none` never. */
export type FailOn = Exclude<Status, 'pass' | 'not_applicable'> | 'none';

/** A compliance threshold: overall, or for one ref (or prefix such as `1.2`). */
export interface MinCompliance {
  ref?: string;
  percent: number;
}

/** Parses `--min-compliance 80` or `--min-compliance 1.3.1=90`. */
export function parseMinCompliance(value: string): MinCompliance {
  const m = /^(?:([0-9A-Za-z.]+)=)?(\d+(?:\.\d+)?)%?$/.exec(value.trim());
  const percent = m ? Number(m[2]) : Number.NaN;
  if (!m || percent < 0 || percent > 100) {
    throw new UsageError(
      `--min-compliance "${value}": expected PERCENT or REF=PERCENT, with PERCENT from 0 to 100`,
    );
  }
  return m[1] ? { ref: m[1], percent } : { percent };
}

/** Why a run fails its thresholds, one line each (empty when it passes). */
export function thresholdBreaches(
  summary: Summary,
  failOn: FailOn,
  minimums: readonly MinCompliance[],
): string[] {
  const out: string[] = [];
  if (failOn !== 'none') {
    const worst = STATUSES.slice(0, STATUSES.indexOf(failOn) + 1);
    const hits = worst.filter((s) => summary.byStatus[s] > 0).map((s) => `${summary.byStatus[s]} ${s}`);
    if (hits.length > 0) out.push(`findings at or above --fail-on ${failOn}: ${hits.join(', ')}`);
  }
  for (const min of minimums) {
    const scope = min.ref
      ? [...summary.indicators, ...summary.standards, ...summary.commitments].find((x) => x.ref === min.ref)
      : summary;
    // Unknown refs are refused before the run; a ref switched off or never judged has no rate.
    const rate = scope?.complianceRate ?? null;
    if (rate !== null && rate * 100 < min.percent) {
      out.push(
        `compliance ${min.ref ? `for ${min.ref} ` : ''}is ${(rate * 100).toFixed(1)}%, under ${min.percent}%`,
      );
    }
  }
  return out;
}
