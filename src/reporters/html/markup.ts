/**
 * The report's static markup, written on the server side so that the summary reads (and prints)
 * without the script: the headline, the commitment → standard → indicator table,
 * the charts by month of receipt, rejected cases, and the shell of the case list the script fills.
 * Every string from the report goes through {@link escapeHtml}. Internals are `_`-prefixed.
 */
import type { Status, StatusCounts } from '../../model/finding.js';
import { formatIssue } from '../../model/issues.js';
import type { ReportMeta } from '../../model/report.js';
import type { Summary } from '../../model/summary.js';
import { COLUMNS, indicatorTree, percent, type RulesetWords } from '../common.js';
import { type MonthStats, monthChart, monthLabel, rateBar } from './charts.js';
import type { LeftOut } from './data.js';
import { escapeHtml as e } from './escape.js';
import type { RunTally } from './tally.js';
import type { IndicatorName } from './words.js';

/** Each status's word, as the page shows it. */
export const _STATUS_WORDS: Readonly<Record<Status, string>> = {
  pass: 'Pass',
  fail: 'Fail',
  error: 'Error',
  insufficient_evidence: 'Insufficient evidence',
  pending: 'Pending',
  not_applicable: 'Not applicable',
};

/** Each status's symbol, shown beside its word (never alone). */
export const _STATUS_SYMBOLS: Readonly<Record<Status, string>> = {
  pass: '✓',
  fail: '✗',
  error: '!',
  insufficient_evidence: '?',
  pending: '…',
  not_applicable: '–',
};

const _num = (n: number) => n.toLocaleString('en-GB');

/** A status as symbol and word, coloured. */
export const _statusLabel = (s: Status): string =>
  `<span class="status s-${s}"><span class="sym" aria-hidden="true">${_STATUS_SYMBOLS[s]}</span> ${_STATUS_WORDS[s]}</span>`;

const _statusHeads = () => COLUMNS.map((s) => `<th scope="col" class="num">${_statusLabel(s)}</th>`).join('');

const _countCells = (c: StatusCounts) =>
  COLUMNS.map((s) => `<td class="num" data-status="${s}">${_num(c[s])}</td>`).join('');

/** An indicator as ref, title and (small) slug: how the page names it everywhere. */
export function indicatorLabel(name: IndicatorName): string {
  return `<span class="ref">${e(name.ref)}</span> <span class="title">${e(name.title)}</span> <span class="slug">${e(name.id)}</span>`;
}

const _listFailing = (ref: string, n: number) =>
  n === 0
    ? '<span class="note">none</span>'
    : `<a href="#cases" class="list-failing" data-indicator="${e(ref)}">List ${_num(n)}<span class="visually-hidden"> failing cases of ${e(ref)}</span></a>`;

/** The indicators with a fail, lowest rate first (then most fails, then report order), at most `max`. */
export function worstIndicators(summary: Summary, max: number): Summary['indicators'] {
  const order = new Map(summary.indicators.map((i, k) => [i.ref, k]));
  return summary.indicators
    .filter((i) => i.byStatus.fail > 0 && i.complianceRate !== null)
    .sort(
      (a, b) =>
        (a.complianceRate ?? 0) - (b.complianceRate ?? 0) ||
        b.byStatus.fail - a.byStatus.fail ||
        (order.get(a.ref) ?? 0) - (order.get(b.ref) ?? 0),
    )
    .slice(0, max);
}

/** The headline: the overall rate, the findings by status and the worst indicators. */
export function overviewSection(
  summary: Summary,
  tally: RunTally,
  names: ReadonlyMap<string, IndicatorName>,
): string {
  const rows = COLUMNS.map(
    (s) =>
      `<tr><th scope="row">${_statusLabel(s)}</th><td class="num" data-status="${s}">${_num(summary.byStatus[s])}</td></tr>`,
  ).join('');
  const attention = tally.failingCases;
  const failing = tally.failingByRef;
  const worst = worstIndicators(summary, 5).map((i) => {
    const name = names.get(i.ref) ?? { ref: i.ref, id: i.id, title: i.id, words: '' };
    const decided = i.byStatus.pass + i.byStatus.fail;
    return (
      `<li data-ref="${e(i.ref)}"><p class="worst-head"><span class="worst-rate">${percent(i.complianceRate)}</span> ${indicatorLabel(name)}</p>` +
      (name.words ? `<p class="leaflet">“${e(name.words)}”</p>` : '') +
      `<p class="note">${_num(i.byStatus.fail)} of ${_num(decided)} decided findings failed · ${_listFailing(i.ref, failing.get(i.ref) ?? 0)}</p></li>`
    );
  });
  const worstBlock =
    worst.length === 0
      ? '<p>No indicator has a failing finding.</p>'
      : `<ol class="worst">${worst.join('')}</ol>`;
  return (
    '<section id="overview" aria-labelledby="overview-h"><h2 id="overview-h">At a glance</h2><div class="overall">' +
    `<div class="rate-box"><p class="big-rate" id="overall-rate">${percent(summary.complianceRate)}</p>` +
    `<p>overall compliance: pass ÷ (pass + fail)</p>${rateBar(summary.byStatus, summary.complianceRate)}` +
    `<p>${_num(summary.cases)} cases judged, ${_num(summary.findings)} findings; ` +
    `<strong id="attention">${_num(attention)}</strong> ${attention === 1 ? 'case has' : 'cases have'} a fail or an error</p></div>` +
    '<table id="overall-counts"><caption>Findings by status</caption><thead><tr><th scope="col">Status</th><th scope="col" class="num">Findings</th></tr></thead>' +
    `<tbody>${rows}</tbody></table>` +
    `<div class="worst-box"><h3 id="worst-h">Lowest compliance</h3>${worstBlock}</div></div></section>`
  );
}

/** The commitment → standard → indicator table with counts, rates, bars and the leaflet's words. */
export function indicatorSection(
  summary: Summary,
  ruleset: RulesetWords,
  names: ReadonlyMap<string, IndicatorName>,
  failing: ReadonlyMap<string, number>,
): string {
  const tree = indicatorTree(summary);
  const rules = new Map(ruleset.rules.map((r) => [r.ref, r]));
  const cells = (c: StatusCounts, rate: number | null) =>
    `${_countCells(c)}<td class="num" data-rate>${percent(rate)}</td><td>${rateBar(c, rate)}</td>`;
  const indicator = (i: Summary['indicators'][number]) => {
    const name = names.get(i.ref) ?? { ref: i.ref, id: i.id, title: i.id, words: '' };
    const description = rules.get(i.ref)?.description;
    const head =
      `<p class="name">${indicatorLabel(name)}</p>` +
      (name.words ? `<p class="leaflet">“${e(name.words)}”</p>` : '') +
      (description
        ? `<details class="words"><summary>How it is judged<span class="visually-hidden"> (${e(i.ref)})</span></summary><p class="judged">${e(description)}</p></details>`
        : '');
    return `<tr class="indicator" data-ref="${e(i.ref)}"><th scope="row">${head}</th>${cells(i.byStatus, i.complianceRate)}<td class="num failing-col">${_listFailing(i.ref, failing.get(i.ref) ?? 0)}</td></tr>`;
  };
  const rows: string[] = [];
  for (const { commitment: c, standards } of tree.commitments) {
    rows.push(
      `<tr class="commitment" data-ref="${e(c.ref)}"><th scope="row"><span class="ref">${e(c.ref)}</span> ${e(c.title)}</th>${cells(c.byStatus, c.complianceRate)}<td class="failing-col"></td></tr>`,
    );
    for (const { standard: s, indicators } of standards) {
      rows.push(
        `<tr class="standard" data-ref="${e(s.ref)}"><th scope="row"><span class="ref">${e(s.ref)}</span> ${e(s.title)}</th>${cells(s.byStatus, s.complianceRate)}<td class="failing-col"></td></tr>`,
      );
      for (const i of indicators) rows.push(indicator(i));
    }
  }
  if (tree.others.length > 0) {
    rows.push(
      `<tr class="commitment"><th scope="row">Other indicators</th><td colspan="${COLUMNS.length + 2}"></td><td class="failing-col"></td></tr>`,
    );
    for (const i of tree.others) rows.push(indicator(i));
  }
  return (
    '<section id="indicators" aria-labelledby="indicators-h"><h2 id="indicators-h">Compliance by commitment, standard and indicator</h2>' +
    '<p class="note no-print">Each indicator in the leaflet’s words; open “How it is judged” for the rule. The bar shows pass (solid) against fail (hatched).</p>' +
    '<div class="table-wrap" role="region" aria-labelledby="indicator-caption" tabindex="0"><table id="indicator-table">' +
    '<caption id="indicator-caption">Findings by status and compliance rate (pass ÷ (pass + fail))</caption>' +
    `<thead><tr><th scope="col">Commitment, standard, indicator</th>${_statusHeads()}<th scope="col" class="num">Rate</th><th scope="col">Bar</th><th scope="col" class="num failing-col">Failing cases</th></tr></thead>` +
    `<tbody>${rows.join('')}</tbody>` +
    `<tfoot><tr data-ref=""><th scope="row">Overall</th>${cells(summary.byStatus, summary.complianceRate)}<td class="failing-col"></td></tr></tfoot>` +
    '</table></div></section>'
  );
}

/** Compliance by month of receipt, one small chart and its data table per commitment. */
export function monthSection(stats: MonthStats): string {
  const head =
    '<section id="months" aria-labelledby="months-h"><h2 id="months-h">Compliance by month of receipt</h2>';
  if (stats.months.length === 0) {
    return (
      `${head}<p>The report does not give the cases’ receipt dates (they come from the timeliness ` +
      'indicator’s measurements), so compliance cannot be shown by month.</p></section>'
    );
  }
  const note =
    `<p class="note">Each column is the compliance rate of the findings of cases received that month; a short hatched red bar means 0%, and a grey dot means no finding passed or failed. ` +
    `Receipt dates come from the timeliness indicator’s measurements.${stats.undated > 0 ? ` ${_num(stats.undated)} cases without a receipt date are not shown.` : ''}</p>`;
  const figures = stats.series.map((s, k) => {
    const rows = stats.months
      .map((m, j) => {
        const c = s.counts[j] ?? { pass: 0, fail: 0 };
        const rate = c.pass + c.fail === 0 ? null : c.pass / (c.pass + c.fail);
        return `<tr><th scope="row">${e(monthLabel(m))}</th><td class="num">${_num(stats.cases[j] ?? 0)}</td><td class="num">${_num(c.pass)}</td><td class="num">${_num(c.fail)}</td><td class="num">${percent(rate)}</td></tr>`;
      })
      .join('');
    return (
      `<figure aria-labelledby="month-cap-${k}"><figcaption id="month-cap-${k}"><span class="ref">${e(s.ref)}</span> ${e(s.title)}</figcaption>` +
      monthChart(stats.months, s) +
      `<details class="data"><summary>Table of the months<span class="visually-hidden"> for commitment ${e(s.ref)}</span></summary>` +
      `<div class="table-wrap"><table><caption class="visually-hidden">Compliance by month of receipt, commitment ${e(s.ref)}</caption>` +
      '<thead><tr><th scope="col">Month</th><th scope="col" class="num">Cases</th><th scope="col" class="num">Pass</th><th scope="col" class="num">Fail</th><th scope="col" class="num">Rate</th></tr></thead>' +
      `<tbody>${rows}</tbody></table></div></details></figure>`
    );
  });
  return `${head}${note}<div class="charts">${figures.join('')}</div></section>`;
}

/** The cases that could not be judged, with their problems. */
export function rejectedSection(summary: Summary): string {
  if (summary.rejected.length === 0) return '';
  const rows = summary.rejected
    .map(
      (r) =>
        `<tr><th scope="row"><code>${e(r.caseId)}</code></th><td class="num">${_num(r.events)}</td><td><ul class="refs">${r.problems
          .map((p) => `<li>${e(formatIssue(p))}</li>`)
          .join('')}</ul></td></tr>`,
    )
    .join('');
  return (
    '<section id="rejected" aria-labelledby="rejected-h"><h2 id="rejected-h">Rejected cases</h2>' +
    '<p>Not judged: each problem names the file, the line or record, and the field.</p>' +
    '<div class="table-wrap" role="region" aria-labelledby="rejected-caption" tabindex="0"><table>' +
    `<caption id="rejected-caption">${_num(summary.rejected.length)} rejected cases</caption>` +
    '<thead><tr><th scope="col">Case</th><th scope="col" class="num">Events</th><th scope="col">Problems</th></tr></thead>' +
    `<tbody>${rows}</tbody></table></div></section>`
  );
}

/** What the case list holds: how many cases it embeds of how many, and whether it marks faults. */
export interface CaseListScope {
  judged: number;
  embedded: number;
  leftOut: LeftOut;
  /** The findings kept only what their explanations read (a report at `--detail findings` or less). */
  unmarked: boolean;
}

/** Why the list holds fewer cases than were judged, and where the others are. */
function _leftOutNote(scope: CaseListScope): string {
  const { leftOut } = scope;
  if (leftOut.attention + leftOut.others === 0) return '';
  const parts = [
    leftOut.attention > 0
      ? `${_num(leftOut.attention)} more ${leftOut.attention === 1 ? 'case' : 'cases'} needing attention`
      : '',
    leftOut.others > 0
      ? `${_num(leftOut.others)} ${leftOut.others === 1 ? 'case' : 'cases'} with nothing needing attention`
      : '',
  ].filter((p) => p !== '');
  return (
    `<div class="left-out" id="left-out" role="note"><p><strong>This page lists ${_num(scope.embedded)} of the ${_num(scope.judged)} cases judged</strong>: ` +
    `the run had more than ${_num(leftOut.max)} cases (--html-max-cases), so the page keeps the cases needing attention ` +
    '(an error, fail, insufficient evidence or pending finding), the worst first: most errors, then most fails, then most ' +
    `findings with insufficient evidence, then most pending, then by case id. Left out: ${parts.join(' and ')}.</p>` +
    '<p>The counts, rates and charts above cover every case. Every case, with its findings, is in the JSON or NDJSON report ' +
    'of the same run (for example <code>check LOG --report ndjson:cases.ndjson</code>); --html-max-cases sets how many cases this page lists.</p></div>'
  );
}

/** The filters and the empty case table the script fills. */
export function casesSection(
  meta: ReportMeta,
  indicators: readonly IndicatorName[],
  scope: CaseListScope,
): string {
  const statusOptions = [
    '<option value="">Any status</option>',
    '<option value="failing">Fail or error</option>',
    ...COLUMNS.map((s) => `<option value="${s}">${_STATUS_WORDS[s]}</option>`),
  ].join('');
  const indicatorOptions = [
    '<option value="">Any indicator</option>',
    ...indicators.map((i) => `<option value="${e(i.ref)}">${e(i.ref)} ${e(i.title)}</option>`),
  ].join('');
  const counted =
    scope.embedded === scope.judged
      ? `${_num(scope.judged)} judged`
      : `${_num(scope.embedded)} listed of ${_num(scope.judged)} judged`;
  return (
    '<section id="cases" aria-labelledby="cases-h"><h2 id="cases-h" tabindex="-1">Cases' +
    ` <span class="note">(${counted})</span></h2>` +
    _leftOutNote(scope) +
    (scope.unmarked
      ? `<p class="note" id="marks-note">This report’s findings keep only the measurements their explanations read (--detail ${e(meta.detail)}), so a case may not mark every event at fault or every deadline between them. The HTML report that check writes marks them at any detail.</p>`
      : '') +
    '<noscript><p>The case list, its filters and each case’s findings need JavaScript. The summary above does not.</p></noscript>' +
    '<form class="filters" id="filters" role="search" aria-label="Filter the cases">' +
    `<div><label for="f-status">Has a finding with status</label><select id="f-status" name="status">${statusOptions}</select></div>` +
    `<div><label for="f-indicator">On indicator</label><select id="f-indicator" name="indicator">${indicatorOptions}</select></div>` +
    '<div><label for="f-case">Case id contains</label><input id="f-case" name="case" type="search" autocomplete="off" spellcheck="false"></div>' +
    '<div><button type="reset">Clear filters</button></div></form>' +
    '<p class="count" id="cases-count" role="status" aria-live="polite"></p>' +
    '<div class="table-wrap" role="region" aria-labelledby="case-caption" tabindex="0"><table id="case-table">' +
    '<caption id="case-caption">Cases matching the filters; open a case for its findings</caption>' +
    '<colgroup><col class="c-case"><col class="c-status"><col class="c-received"><col class="c-failing"><col class="c-from"></colgroup>' +
    '<thead><tr><th scope="col">Case</th><th scope="col">Status (worst finding)</th><th scope="col">Received</th>' +
    '<th scope="col" id="match-head">Failing indicators</th><th scope="col">Read from</th></tr></thead>' +
    '<tbody id="case-rows"></tbody></table></div>' +
    '<button type="button" id="more" hidden>Show more cases</button></section>'
  );
}
