/**
 * The run's provenance, last on the page in a closed `<details>` (opened for printing): the
 * ruleset and its hash, asOf, the calendar, what was read and left out, every input with its
 * SHA-256, the mapping and configuration, the tool and its libraries.
 */
import type { Report } from '../../model/report.js';
import { readableInstant } from './dates.js';
import { escapeHtml as e } from './escape.js';

const _num = (n: number) => n.toLocaleString('en-GB');

/** An instant as people read it, with the ISO form machine-readable beside it. */
const _time = (iso: string) => `<time datetime="${e(iso)}">${e(readableInstant(iso))}</time>`;

function _facts(report: Report): [string, string][] {
  const { meta, summary } = report;
  const rejectedEvents = summary.rejected.reduce((n, r) => n + r.events, 0);
  // Most frequent first: the activities a mapping most needs are at the front.
  const unmapped = Object.entries(summary.unmappedActivities).sort(
    ([a, x], [b, y]) => y - x || (a < b ? -1 : 1),
  );
  const facts: [string, string][] = [
    [
      'Ruleset',
      `${e(meta.ruleset.id)} version ${e(meta.ruleset.version)} (${e(meta.ruleset.source)}), SHA-256 <code>${e(meta.ruleset.sha256)}</code>`,
    ],
    [
      'As of',
      `${_time(meta.asOf)} ` +
        (meta.asOfSource === 'now'
          ? '<span class="warn">(defaulted to the time of the run: give --as-of to reproduce it)</span>'
          : '(given)'),
    ],
    ['Time zone', `${e(meta.calendar.zone)}; holidays: ${e(meta.calendar.holidaySource)}`],
    [
      'Cases',
      `${_num(summary.cases)} judged, ${_num(summary.rejected.length)} rejected; ${_num(summary.findings)} findings`,
    ],
    [
      'Events',
      `${_num(summary.events)} in judged cases (${_num(summary.eventsAfterAsOf)} after asOf, left out)` +
        (summary.rejected.length > 0 ? `; ${_num(rejectedEvents)} in rejected cases` : ''),
    ],
    [
      'Unmapped activities',
      unmapped.length === 0 ? 'none' : unmapped.map(([a, n]) => `${e(a)} (${_num(n)})`).join(', '),
    ],
  ];
  if (meta.mapping)
    facts.push(['Mapping', `${e(meta.mapping.file)}, SHA-256 <code>${e(meta.mapping.sha256)}</code>`]);
  facts.push([
    'Configuration',
    `${meta.config.file ? `${e(meta.config.file)}, ` : ''}SHA-256 <code>${e(meta.config.sha256)}</code>`,
  ]);
  if (meta.only) facts.push(['Only', e(meta.only.join(', '))]);
  if (meta.skip) facts.push(['Skipped', e(meta.skip.join(', '))]);
  facts.push(
    ['Tool', `${e(meta.tool)} ${e(meta.version)}`],
    [
      'Libraries',
      Object.entries(meta.dependencies)
        .map(([k, v]) => `${e(k)} ${e(v)}`)
        .join(', ') || 'none',
    ],
    ['Generated at', _time(meta.generatedAt)],
  );
  return facts;
}

/** The provenance section: closed on screen, still in the page (and in print). */
export function runSection(report: Report): string {
  const { meta } = report;
  const inputs =
    meta.inputs.length === 0
      ? '<p>No input file (standard input or an in-memory run).</p>'
      : `<div class="table-wrap" role="region" aria-labelledby="inputs-caption" tabindex="0"><table class="inputs">` +
        `<caption id="inputs-caption">Input files</caption><thead><tr><th scope="col">File</th><th scope="col">SHA-256</th></tr></thead><tbody>` +
        meta.inputs
          .map((i) => `<tr><th scope="row">${e(i.file)}</th><td><code>${e(i.sha256)}</code></td></tr>`)
          .join('') +
        '</tbody></table></div>';
  const summary =
    `${e(meta.ruleset.id)} ${e(meta.ruleset.version)}, ${_num(meta.inputs.length)} input ` +
    `${meta.inputs.length === 1 ? 'file' : 'files'}, ${e(meta.tool)} ${e(meta.version)}`;
  return (
    '<section id="run" aria-labelledby="run-h"><h2 id="run-h">The run</h2>' +
    '<details class="provenance" id="run-details"><summary>How this report was made: ruleset, inputs and their SHA-256, libraries ' +
    `<span class="note">(${summary})</span></summary><dl class="facts">` +
    _facts(report)
      .map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`)
      .join('') +
    `</dl>${inputs}</details></section>`
  );
}
