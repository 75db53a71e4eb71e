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
import { escapeHtml as e, embedJson } from './escape.js';
import {
  casesSection,
  indicatorSection,
  monthSection,
  overviewSection,
  rejectedSection,
  runSection,
} from './markup.js';
import { STYLES } from './styles.js';

/** Options of {@link formatHtml}. */
export interface HtmlOptions {
  /** The page's title and level-1 heading (default "Service standards report"). */
  title?: string;
  /** How many cases the list shows at first and adds with each "Show more" (default 100). */
  pageSize?: number;
}

const _hash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * The report as one self-contained HTML document (UTF-8, ending with a newline): the run's facts
 * (ruleset and version, `asOf` and whether it was given or defaulted, inputs with their SHA-256,
 * tool and library versions), the overall rate and counts by status, a table per commitment,
 * standard and indicator with counts, rate, an SVG bar and the leaflet's words, compliance by month
 * of receipt per commitment (SVG), rejected cases, and the case list: filters by status, indicator
 * and case id, each case's findings with their explanations and the events they cite. From an
 * indicator, one click lists its failing cases. Prints as a summary document.
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
  const data = buildData(report, received);
  const { meta, summary } = report;
  const csp = [
    "default-src 'none'",
    `script-src ${_hash(CLIENT_SCRIPT)}`,
    `style-src ${_hash(STYLES)}`,
    "img-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const sections = [
    runSection(report),
    overviewSection(summary),
    indicatorSection(report, ruleset),
    monthSection(monthStats(report, received)),
    rejectedSection(summary),
    casesSection(report, data.indicators),
  ];
  const nav = [
    ['run', 'The run'],
    ['overview', 'Overall'],
    ['indicators', 'By indicator'],
    ['months', 'By month'],
    ...(summary.rejected.length > 0 ? [['rejected', 'Rejected cases']] : []),
    ['cases', 'Cases'],
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
<p>${e(meta.ruleset.id)} ${e(meta.ruleset.version)} · as of ${e(meta.asOf)} · overall compliance ${percent(summary.complianceRate)} · ${summary.cases.toLocaleString('en-GB')} cases</p>
<nav aria-label="Sections"><ul>${nav}</ul></nav>
</div></header>
${svgDefs()}
<main id="main" tabindex="-1"><div class="wrap">
${sections.filter((s) => s !== '').join('\n')}
</div></main>
<footer><div class="wrap"><p>Written by ${e(meta.tool)} ${e(meta.version)} at ${e(meta.generatedAt)}. One self-contained file: it makes no network request. It quotes no letter text and no person’s name; it cites event ids, dates and counts.</p></div></footer>
<script type="application/json" id="report-data">${embedJson(data)}</script>
<script>${CLIENT_SCRIPT}</script>
</body>
</html>
`;
}
