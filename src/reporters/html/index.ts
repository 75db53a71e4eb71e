/**
 * The HTML report (`--format html`): one self-contained file to email, archive with the audit and
 * open offline. The summary is static markup; the cases are embedded as JSON and listed by a small
 * inlined script. No request leaves the page: a Content-Security-Policy allows only the page's own
 * script and stylesheet (by hash) and no connection.
 */
import { createHash } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { CaseResult, Finding } from '../../model/finding.js';
import type { Report, ReportMeta } from '../../model/report.js';
import type { Summary } from '../../model/summary.js';
import { requireOptions, requireReport, requireRuleWords } from '../../model/usage-error.js';
import { compare, percent, type RulesetWords } from '../common.js';
import { monthStats, svgDefs } from './charts.js';
import { CLIENT_SCRIPT } from './client.js';
import { type CaseEntry, caseEntry, dataChunks, type LeftOut, receiptDateOf } from './data.js';
import { readableInstant } from './dates.js';
import { escapeHtml as e, embedJsonText } from './escape.js';
import { findingMarks } from './faults.js';
import { keepWorst, needsAttention, rankOf } from './keep.js';
import { casesSection, indicatorSection, monthSection, overviewSection, rejectedSection } from './markup.js';
import { runSection } from './provenance.js';
import { STYLES } from './styles.js';
import { createTally, type RunTally, tallyCase } from './tally.js';
import { decidingFacts, indicatorNames } from './words.js';

/** Options of {@link formatHtml} and {@link createHtmlReport}. */
export interface HtmlOptions {
  /** The page's title and level-1 heading (default "Service standards report"). */
  title?: string;
  /** How many cases the list shows at first and adds with each "Show more" (default 100). */
  pageSize?: number;
  /**
   * The most cases the page embeds (`--html-max-cases`, default 20,000). A run with more embeds
   * only the cases needing attention, the worst first, and says how many it left out; the counts
   * and rates always cover every case.
   */
  maxCases?: number;
}

/** The default of {@link HtmlOptions.maxCases}. */
export const HTML_MAX_CASES = 20_000;

/** An HTML report built as the cases are judged, in memory bounded by `maxCases`. */
export interface HtmlReportBuilder {
  /** Takes one judged case (in any order). */
  add(result: CaseResult): void;
  /** The document, in pieces to write one after another, once every case is in. */
  chunks(meta: ReportMeta, summary: Summary): Generator<string>;
}

const _FAST = { level: 1 };
const _hash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * The HTML report of {@link formatHtml}, built a case at a time: every case is counted (the
 * headline, the tables, the months, the failing cases by indicator) and the page embeds at most
 * `maxCases`: all of them when the run has no more, listed by case id; else the cases needing
 * attention (an error, fail, insufficient evidence or pending finding), the worst first (most
 * errors, then fails, insufficient evidence, pending, then case id), with a note of how many it
 * left out and where to read them. A case's drill-down marks the events at fault from the full
 * measurements the result carries (`fullMeasured`, when judged with `timeline`), else from its
 * findings' `measured`.
 *
 * @example
 * const html = createHtmlReport(ruleset, { maxCases: 20_000 });
 * for (const result of results) html.add(result);
 * for (const piece of html.chunks(meta, summary)) stream.write(piece);
 */
export function createHtmlReport(ruleset: RulesetWords, options: HtmlOptions = {}): HtmlReportBuilder {
  const max = Math.max(0, Math.floor(options.maxCases ?? HTML_MAX_CASES));
  const deciding = decidingFacts(ruleset);
  const marksOf = (f: Finding) => findingMarks(f, deciding(f.ref, f.status));
  const tally = createTally();
  // Kept as deflated JSON: a tenth of the memory of the arrays it stands for.
  const worst = keepWorst<Buffer>(max);
  let unmarked = false;
  return {
    add(result) {
      const received = result.receivedOn ?? receiptDateOf(result.findings);
      tallyCase(tally, result, received);
      const rank = rankOf(result);
      if (needsAttention(rank) && !result.fullMeasured) unmarked = true;
      // A copy: the deflated bytes are a view of zlib's far larger output buffer.
      worst.offer(rank, () =>
        Buffer.from(deflateRawSync(JSON.stringify(caseEntry(result, received, marksOf)), _FAST)),
      );
    },
    chunks(meta, summary) {
      const { kept, seen, seenAttention } = worst.result();
      const keptAttention = kept.filter((k) => needsAttention(k.rank)).length;
      const leftOut: LeftOut = {
        judged: seen,
        attention: seenAttention - keptAttention,
        others: seen - seenAttention - (kept.length - keptAttention),
        max,
      };
      // Every case fits: listed by id, whatever order they came in; else the worst first.
      if (kept.length === seen) kept.sort((a, b) => compare(a.rank.caseId, b.rank.caseId));
      const entries = (function* () {
        for (const k of kept) yield JSON.parse(inflateRawSync(k.item).toString('utf8')) as CaseEntry;
      })();
      return _page(ruleset, options, { meta, summary }, tally, {
        entries,
        leftOut,
        embedded: kept.length,
        unmarked: unmarked && meta.detail !== 'full',
      });
    },
  };
}

/**
 * The report as one self-contained HTML document (UTF-8, ending with a newline). First the
 * headline: the overall rate, the findings by status and the indicators with the lowest rate;
 * then a table per commitment, standard and indicator (each indicator by ref, a short title and
 * the leaflet's words, its slug small beside them) with counts, rate and an SVG bar; compliance by
 * month of receipt; rejected cases; the case list with its filters and drill-down (findings with
 * the events at fault apart from the context and the deadlines missed or due, beside the case's
 * timeline with those deadlines as rows between the events; a case prints alone). Last, closed
 * but printed, the run's provenance: ruleset and version, `asOf`, inputs with their SHA-256, tool
 * and library versions. Dates read as the explanations write them ("Thu 5 Dec 2024").
 *
 * The cases are embedded as JSON in a `<script type="application/json">` block with `<`, `>`, `&`,
 * U+2028 and U+2029 escaped; every other string is escaped as HTML; the inlined script writes text
 * only. The month of receipt is the case's `receivedOn`, else the `receiptDate` of the timeliness
 * indicator's measurements. At most `maxCases` cases are embedded ({@link createHtmlReport}).
 * Pure: the same report gives the same bytes.
 *
 * @example
 * writeFileSync('report.html', formatHtml(report, await loadRuleset()));
 */
export function formatHtml(report: Report, ruleset: RulesetWords, options: HtmlOptions = {}): string {
  requireReport('formatHtml', report, 'formatHtml(report, ruleset)');
  requireRuleWords('formatHtml', ruleset, 'formatHtml(report, ruleset)');
  requireOptions('formatHtml', options, "formatHtml(report, ruleset, { title: 'Complaints 2025' })");
  const html = createHtmlReport(ruleset, options);
  for (const result of report.cases ?? []) html.add(result);
  return [...html.chunks(report.meta, report.summary)].join('');
}

interface _CaseList {
  entries: Iterable<CaseEntry>;
  leftOut: LeftOut;
  embedded: number;
  unmarked: boolean;
}

function* _page(
  ruleset: RulesetWords,
  options: HtmlOptions,
  report: Report,
  tally: RunTally,
  list: _CaseList,
): Generator<string> {
  const title = options.title ?? 'Service standards report';
  const pageSize = Math.max(1, Math.floor(options.pageSize ?? 100));
  const { meta, summary } = report;
  // The summary's indicators, then any only the cases name.
  const refs = summary.indicators.map((i) => ({ ref: i.ref, id: i.id }));
  const known = new Set(refs.map((i) => i.ref));
  for (const [ref, id] of tally.refs) if (!known.has(ref)) refs.push({ ref, id });
  const names = indicatorNames(refs, ruleset);
  const nameOf = new Map(names.map((n) => [n.ref, n]));
  const csp = [
    "default-src 'none'",
    `script-src ${_hash(CLIENT_SCRIPT)}`,
    `style-src ${_hash(STYLES)}`,
    "img-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  // The headline first; how the run was made last (closed, still printed).
  const sections = [
    overviewSection(summary, tally, nameOf),
    indicatorSection(summary, ruleset, nameOf, tally.failingByRef),
    monthSection(monthStats(summary, tally)),
    rejectedSection(summary),
    casesSection(meta, names, { judged: tally.judged, ...list }),
    runSection(report),
  ];
  const nav = [
    ['overview', 'At a glance'],
    ['indicators', 'By indicator'],
    ['months', 'By month'],
    ...(summary.rejected.length > 0 ? [['rejected', 'Rejected cases']] : []),
    ['cases', 'Cases'],
    ['run', 'The run'],
  ]
    .map(([id, label]) => `<li><a href="#${id}">${label}</a></li>`)
    .join('');
  yield `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="${e(`${meta.tool} ${meta.version}`)}">
<title>${e(title)}: ${e(meta.ruleset.id)} as of ${e(meta.asOf)}</title>
<style>${STYLES}</style>
</head>
<body data-page-size="${pageSize}">
<a class="skip-link" href="#main">Skip to the report</a>
<header class="page"><div class="wrap">
<h1>${e(title)}</h1>
<p>${e(meta.ruleset.id)} ${e(meta.ruleset.version)} · as of <time datetime="${e(meta.asOf)}">${e(readableInstant(meta.asOf))}</time> · overall compliance ${percent(summary.complianceRate)} · ${summary.cases.toLocaleString('en-GB')} cases</p>
<nav aria-label="Sections"><ul>${nav}</ul></nav>
</div></header>
${svgDefs()}
<main id="main" tabindex="-1"><div class="wrap">
${sections.filter((s) => s !== '').join('\n')}
</div></main>
<footer><div class="wrap"><p>Written by ${e(meta.tool)} ${e(meta.version)} on ${e(readableInstant(meta.generatedAt))}. One self-contained file: it makes no network request. It quotes no letter text and no person’s name; it cites event ids, dates and counts.</p></div></footer>
<script type="application/json" id="report-data">`;
  for (const piece of dataChunks(names, list.entries, list.leftOut)) yield embedJsonText(piece);
  yield `</script>
<script>${CLIENT_SCRIPT}</script>
</body>
</html>
`;
}
