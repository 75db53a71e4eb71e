/**
 * The report's charts, as inline SVG strings: a compliance bar (pass and fail shares) and a small
 * chart of compliance by month of receipt. Each is an image with a text alternative; the numbers
 * it draws are always in a table beside it. Internals are `_`-prefixed.
 */
import type { StatusCounts } from '../../model/finding.js';
import type { Summary } from '../../model/summary.js';
import { percent } from '../common.js';
import { escapeHtml } from './escape.js';
import type { RunTally } from './tally.js';

const _PASS = '#176c34';
const _FAIL = '#b42318';
const _EMPTY = '#59636e';

/**
 * Pattern definitions the bars refer to: fail is hatched, so the bar does not rely on colour
 * alone. Written once per page, hidden.
 */
export function svgDefs(): string {
  return (
    '<svg class="defs" width="0" height="0" aria-hidden="true" focusable="false"><defs>' +
    `<pattern id="hatch-fail" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">` +
    `<rect width="6" height="6" fill="${_FAIL}"/><rect width="2" height="6" fill="#ffffff" fill-opacity="0.45"/></pattern>` +
    '</defs></svg>'
  );
}

/**
 * A 120×14 bar: the pass share solid green from the left, the fail share hatched red after it;
 * an outlined empty bar when there was neither (no rate).
 */
export function rateBar(counts: StatusCounts, rate: number | null): string {
  const w = 120;
  const h = 14;
  const decided = counts.pass + counts.fail;
  const label =
    rate === null
      ? 'No rate: no finding passed or failed'
      : `${percent(rate)} compliant: ${counts.pass} pass, ${counts.fail} fail`;
  const pass = decided === 0 ? 0 : Math.round((counts.pass / decided) * w * 10) / 10;
  const body =
    decided === 0
      ? `<rect x="0.5" y="0.5" width="${w - 1}" height="${h - 1}" fill="none" stroke="${_EMPTY}" stroke-dasharray="3 2"/>`
      : `<rect x="0" y="0" width="${pass}" height="${h}" fill="${_PASS}"/>` +
        `<rect x="${pass}" y="0" width="${Math.round((w - pass) * 10) / 10}" height="${h}" fill="url(#hatch-fail)"/>`;
  return `<svg class="bar" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" preserveAspectRatio="none" role="img" aria-label="${escapeHtml(label)}">${body}</svg>`;
}

/** Pass and fail counts of one commitment in each month. */
export interface _MonthSeries {
  ref: string;
  title: string;
  counts: { pass: number; fail: number }[];
}

/** Compliance by month of receipt: every month from the first to the last, per commitment. */
export interface MonthStats {
  /** YYYY-MM, consecutive. */
  months: string[];
  /** Cases received in each month. */
  cases: number[];
  series: _MonthSeries[];
  /** Judged cases whose receipt date the report does not give. */
  undated: number;
}

/** Consecutive months from `first` to `last` (YYYY-MM), at most 600. */
function _monthRange(first: string, last: string): string[] {
  const out: string[] = [];
  let y = Number(first.slice(0, 4));
  let m = Number(first.slice(5, 7));
  while (out.length < 600) {
    const key = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
    out.push(key);
    if (key >= last) break;
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

/** Pass and fail findings per commitment in each month of receipt, from the run's tally. */
export function monthStats(summary: Summary, tally: RunTally): MonthStats {
  const undated = tally.undated;
  if (tally.months.size === 0) return { months: [], cases: [], series: [], undated };
  const sorted = [...tally.months.keys()].sort();
  const months = _monthRange(sorted[0] as string, sorted[sorted.length - 1] as string);
  const commitmentOf = new Map(summary.indicators.map((i) => [i.ref, i.commitment]));
  const series = summary.commitments.map(
    (c): _MonthSeries => ({
      ref: c.ref,
      title: c.title,
      counts: months.map((m) => {
        const counts = { pass: 0, fail: 0 };
        for (const [ref, n] of tally.months.get(m)?.byRef ?? []) {
          if (commitmentOf.get(ref) !== c.ref) continue;
          counts.pass += n.pass;
          counts.fail += n.fail;
        }
        return counts;
      }),
    }),
  );
  const cases = months.map((m) => tally.months.get(m)?.cases ?? 0);
  return { months, cases, series, undated };
}

const _MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2024-03" as "Mar 2024". */
export function monthLabel(month: string): string {
  return `${_MONTH_NAMES[Number(month.slice(5, 7)) - 1] ?? month.slice(5, 7)} ${month.slice(0, 4)}`;
}

/**
 * A 320×132 column chart: one column per month, its height the month's compliance rate (0 to
 * 100%); a short hatched red bar for 0% and a grey dot where no finding passed or failed;
 * gridlines at 0, 50 and 100%, and the first and last months named.
 */
export function monthChart(months: readonly string[], series: _MonthSeries): string {
  const W = 320;
  const H = 132;
  const left = 38;
  const right = 6;
  const top = 8;
  const bottom = 22;
  const plotW = W - left - right;
  const plotH = H - top - bottom;
  const step = plotW / Math.max(1, months.length);
  const barW = Math.max(1, Math.min(24, step * 0.72));
  const y = (rate: number) => top + plotH * (1 - rate);
  const r1 = (n: number) => Math.round(n * 10) / 10;
  const parts: string[] = [];
  for (const [rate, label] of [
    [1, '100%'],
    [0.5, '50%'],
    [0, '0%'],
  ] as const) {
    parts.push(
      `<line x1="${left}" x2="${W - right}" y1="${r1(y(rate))}" y2="${r1(y(rate))}" stroke="#8c959f" stroke-width="${rate === 0 ? 1 : 0.5}"/>`,
      `<text x="${left - 4}" y="${r1(y(rate) + 3.5)}" text-anchor="end">${label}</text>`,
    );
  }
  let rated = 0;
  series.counts.forEach((c, k) => {
    const x = r1(left + step * k + (step - barW) / 2);
    const decided = c.pass + c.fail;
    const month = monthLabel(months[k] ?? '');
    if (decided === 0) {
      // No rate: a small grey dot on the axis.
      parts.push(
        `<circle cx="${r1(x + barW / 2)}" cy="${r1(y(0) - 3)}" r="${r1(Math.min(2.5, barW / 2))}" fill="${_EMPTY}"><title>${escapeHtml(`${month}: no pass or fail`)}</title></circle>`,
      );
      return;
    }
    rated++;
    const rate = c.pass / decided;
    const title = `<title>${escapeHtml(`${month}: ${percent(rate)} (${c.pass} pass, ${c.fail} fail)`)}</title>`;
    if (c.pass === 0) {
      // 0%: a short hatched red bar, so that it is not mistaken for a month without a rate.
      parts.push(
        `<rect x="${x}" y="${r1(y(0) - 4)}" width="${r1(barW)}" height="4" fill="url(#hatch-fail)">${title}</rect>`,
      );
      return;
    }
    const h = Math.max(1, plotH * rate);
    parts.push(
      `<rect x="${x}" y="${r1(y(0) - h)}" width="${r1(barW)}" height="${r1(h)}" fill="${_PASS}">${title}</rect>`,
    );
  });
  const first = months[0] ?? '';
  const last = months[months.length - 1] ?? '';
  parts.push(`<text x="${left}" y="${H - 6}" text-anchor="start">${escapeHtml(monthLabel(first))}</text>`);
  if (months.length > 1)
    parts.push(
      `<text x="${W - right}" y="${H - 6}" text-anchor="end">${escapeHtml(monthLabel(last))}</text>`,
    );
  const rates = series.counts.map((c) => (c.pass + c.fail === 0 ? null : c.pass / (c.pass + c.fail)));
  const known = rates.filter((r): r is number => r !== null);
  const range =
    known.length === 0
      ? 'no month has a pass or a fail'
      : `from ${percent(Math.min(...known))} to ${percent(Math.max(...known))} across the ${rated} months with a pass or a fail`;
  const label = `Compliance by month of receipt for commitment ${series.ref}, ${monthLabel(first)} to ${monthLabel(last)}: ${range}. The table below gives each month.`;
  return `<svg class="months" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="${escapeHtml(label)}">${parts.join('')}</svg>`;
}
