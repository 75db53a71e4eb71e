/**
 * The evidence sentence the log gives for one indicator on a row: the indicator, the period,
 * the counts, the rate and the target, in plain English. Case ids are listed in the row's
 * figures, never in the sentence; no names, no letter text.
 */
import type { Period } from '../period/period.js';
import { percent } from '../reporters/common.js';
import type { IndicatorTally } from './tally.js';

const _MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2025-03-31" as "31 Mar 2025", the way the form is read. */
export function readableDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${Number(d)} ${_MONTHS[Number(m) - 1] ?? m} ${y}`;
}

const _count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What a sentence needs besides the tally. */
export interface EvidenceContext {
  readonly period: Period;
  /** The local date of `asOf`, at which pending findings are pending. */
  readonly asOfDate: string;
  /** The suggestion's bar, in percent. */
  readonly complyAt: number;
  /** The indicator's short title, when the rule has one. */
  readonly title?: string | undefined;
}

/**
 * One indicator's evidence over the period.
 *
 * @example
 * indicatorEvidence(tally, { period, asOfDate: '2025-04-30', complyAt: 100, title: 'Stage 1 acknowledged' });
 * // 'S1.1 (Stage 1 acknowledged), 1 Apr 2024 to 31 Mar 2025: 412 of 430 judged met it (95.8%);
 * //  18 did not (listed); 3 pending at 30 Apr 2025. Target 100%.'
 */
export function indicatorEvidence(tally: IndicatorTally, ctx: EvidenceContext): string {
  const s = tally.byStatus;
  const name = ctx.title ? `${tally.ref} (${ctx.title})` : tally.ref;
  const span = `${readableDate(ctx.period.from)} to ${readableDate(ctx.period.to)}`;
  const total = Object.values(s).reduce((a, b) => a + b, 0);
  if (total === 0) return `${name}, ${span}: no case in the period it applied to.`;
  const judged = s.pass + s.fail;
  const parts = [
    judged === 0 ? 'none judged yet' : `${s.pass} of ${judged} judged met it (${percent(s.pass / judged)})`,
  ];
  if (s.fail > 0) parts.push(`${s.fail} did not (listed)`);
  if (s.pending > 0) parts.push(`${s.pending} pending at ${readableDate(ctx.asOfDate)}`);
  const review = s.insufficient_evidence + s.error;
  if (review > 0) parts.push(`${_count(review, 'needs', 'need')} review (listed)`);
  if (s.not_applicable > 0) parts.push(`${s.not_applicable} not applicable`);
  return `${name}, ${span}: ${parts.join('; ')}. Target ${ctx.complyAt}%.`;
}
