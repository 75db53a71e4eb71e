import type { Ruleset } from '../engine/ruleset.js';
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

/**
 * Why a run fails its thresholds, one line each (empty when it passes). Statuses and rates are
 * read after review when the run had reviews; with `newOnly` (`--fail-on-new`), `--fail-on`
 * counts only findings new or updated against the baseline.
 */
export function thresholdBreaches(
  summary: Summary,
  failOn: FailOn,
  minimums: readonly MinCompliance[],
  options: { newOnly?: boolean | undefined } = {},
): string[] {
  const out: string[] = [];
  const view = summary.reviewed ?? summary;
  const reviewed = summary.reviewed ? ' after review' : '';
  if (failOn !== 'none') {
    const counts = options.newOnly ? summary.baseline?.newOrUpdatedByStatus : view.byStatus;
    if (!counts) throw new UsageError('--fail-on-new needs --baseline');
    const worst = STATUSES.slice(0, STATUSES.indexOf(failOn) + 1);
    const hits = worst.filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${s}`);
    const which = options.newOnly ? 'new or updated findings' : 'findings';
    if (hits.length > 0) out.push(`${which}${reviewed} at or above --fail-on ${failOn}: ${hits.join(', ')}`);
  }
  for (const min of minimums) {
    const scope = min.ref
      ? [...view.indicators, ...view.standards, ...view.commitments].find((x) => x.ref === min.ref)
      : view;
    // Unknown refs are refused before the run; a ref switched off or never judged has no rate.
    const rate = scope?.complianceRate ?? null;
    if (rate !== null && rate * 100 < min.percent) {
      out.push(
        `compliance${reviewed} ${min.ref ? `for ${min.ref} ` : ''}is ${(rate * 100).toFixed(1)}%, under ${min.percent}%`,
      );
    }
  }
  return out;
}

/** Refuses (exit 2) a `--min-compliance` ref that no indicator, standard or commitment has. */
export function assertKnownThresholdRefs(ruleset: Ruleset, minimums: readonly MinCompliance[]): void {
  const known = new Set(
    ruleset.manifest.commitments.flatMap((c) => [
      c.ref,
      ...c.standards.flatMap((s) => [s.ref, ...s.indicators]),
    ]),
  );
  for (const m of minimums) {
    if (m.ref && !known.has(m.ref))
      throw new UsageError(`--min-compliance: no indicator, standard or commitment has ref ${m.ref}`);
  }
}
