/**
 * The HTML report (`--format html`): one self-contained file to email, archive with the audit and
 * open offline. The summary is static markup; the cases are embedded as JSON and listed by a small
 * inlined script. No request leaves the page: a Content-Security-Policy allows only the page's own
 * script and stylesheet (by hash) and no connection.
 */
import { createHash } from 'node:crypto';
import type { Report } from '../../model/report.js';
import { percent, type RulesetWords } from '../common.js';
import { monthStats, svgDefs } from './charts.js';
import { CLIENT_SCRIPT } from './client.js';
import { buildData, receiptDateOf } from './data.js';
import { readableInstant } from './dates.js';
import { escapeHtml as e, embedJson } from './escape.js';
import { findingMarks } from './faults.js';
import { casesSection, indicatorSection, monthSection, overviewSection, rejectedSection } from './markup.js';
import { runSection } from './provenance.js';
import { STYLES } from './styles.js';
import { decidingFacts, indicatorNames } from './words.js';

/** Options of {@link formatHtml}. */
export interface HtmlOptions {
  /** The page's title and level-1 heading (default "Service standards report"). */
  title?: string;
  /** How many cases the list shows at first and adds with each "Show more" (default 100). */
  pageSize?: number;
}

const _hash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

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
 * only. The month of receipt is the `receiptDate` of the timeliness indicator's measurements, when
 * the report has one. Pure: the same report gives the same bytes.
 *
 * @example
 * writeFileSync('report.html', formatHtml(report, await loadRuleset()));
 */
export function formatHtml(report: Report, ruleset: RulesetWords, options: HtmlOptions = {}): string {
  const title = options.title ?? 'Service standards report';
  const pageSize = Math.max(1, Math.floor(options.pageSize ?? 100));
  const received = (report.cases ?? []).map((c) => c.receivedOn ?? receiptDateOf(c.findings));
  const deciding = decidingFacts(ruleset);
  const data = buildData(report, received, (f) => findingMarks(f, deciding(f.ref, f.status)));
  const names = indicatorNames(data.indicators, ruleset);
  data.indicators = names;
  const nameOf = new Map(names.map((n) => [n.ref, n]));
  const { meta, summary } = report;
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
    overviewSection(report, nameOf),
    indicatorSection(report, ruleset, nameOf),
    monthSection(monthStats(report, received)),
    rejectedSection(summary),
    casesSection(report, names),
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
  return `<!doctype html>
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
<script type="application/json" id="report-data">${embedJson(data)}</script>
<script>${CLIENT_SCRIPT}</script>
</body>
</html>
`;
}
