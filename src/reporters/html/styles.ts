/**
 * The report's stylesheet: system fonts, colours with at least 4.5:1 contrast for text and 3:1 for
 * graphics and focus rings (WCAG 2.2 AA), a visible focus outline on every control, and a print
 * stylesheet that gives a readable summary document.
 */
export const STYLES = `
:root {
  color-scheme: light;
  --fg: #1f2328; --muted: #4b535c; --bg: #ffffff; --panel: #f6f8fa; --line: #c8d1da;
  --link: #0b57d0; --focus: #0b57d0; --hl: #fff1c2;
  --pass: #176c34; --fail: #b42318; --error: #8a1c5a; --insufficient_evidence: #5a3fa8;
  --pending: #7d4e00; --not_applicable: #4b535c;
}
* { box-sizing: border-box; }
html { font-size: 100%; }
body { margin: 0; color: var(--fg); background: var(--bg); line-height: 1.5;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", "Liberation Sans", Arial, sans-serif; }
.wrap { max-width: 120rem; margin: 0 auto; padding: 0 1.25rem; }
a { color: var(--link); }
a:hover { text-decoration-thickness: 2px; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.skip-link { position: absolute; left: 0.5rem; top: -3rem; background: var(--bg); padding: 0.5rem 0.75rem; z-index: 10; }
.skip-link:focus { top: 0.5rem; }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px;
  overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; border: 0; }
header.page { border-bottom: 1px solid var(--line); background: var(--panel); padding: 1rem 0 0.5rem; }
header.page h1 { margin: 0 0 0.25rem; font-size: 1.75rem; line-height: 1.25; }
header.page p { margin: 0 0 0.5rem; color: var(--muted); }
nav ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; }
nav a { display: inline-block; padding: 0.25rem 0; }
main { padding-bottom: 2rem; }
section { margin-top: 2rem; }
h2 { font-size: 1.375rem; margin: 0 0 0.75rem; border-bottom: 2px solid var(--line); padding-bottom: 0.25rem; }
h3 { font-size: 1.125rem; margin: 1.25rem 0 0.5rem; }
code, .mono { font-family: ui-monospace, "DejaVu Sans Mono", "Liberation Mono", Menlo, Consolas, monospace; font-size: 0.875em; overflow-wrap: anywhere; }
dl.facts { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 0.25rem 1.25rem; margin: 0; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
.warn { color: var(--fail); font-weight: 600; }
.table-wrap { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 600; padding: 0.25rem 0 0.5rem; }
th, td { border-bottom: 1px solid var(--line); padding: 0.375rem 0.5rem; text-align: left; vertical-align: top; }
thead th { background: var(--panel); border-bottom: 2px solid var(--muted); vertical-align: bottom; }
td.num, th.num { text-align: right; white-space: nowrap; }
thead th.num { white-space: normal; }
thead .status { white-space: normal; }
#indicator-table tbody th, #indicator-table tfoot th { min-width: 18rem; max-width: 34rem; }
#indicator-table tr.indicator p { margin: 0; }
#indicator-table .leaflet, .worst .leaflet { font-style: italic; font-size: 0.9375rem; color: var(--fg); }
.title { font-weight: 600; }
.slug { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 0.75rem; color: var(--muted); white-space: nowrap; }
.worst-box { flex: 1 1 28rem; min-width: 0; }
.worst-box h3 { margin-top: 0; }
ol.worst { margin: 0; padding: 0; list-style: none; }
ol.worst li { border-left: 4px solid var(--fail); padding: 0.25rem 0 0.25rem 0.75rem; margin-bottom: 0.5rem; }
ol.worst p { margin: 0; }
.worst-rate { font-weight: 700; font-size: 1.125rem; color: var(--fail); margin-right: 0.25rem; }
details.provenance > summary { cursor: pointer; color: var(--link); padding: 0.25rem 0; font-weight: 600; }
details.provenance[open] > summary { margin-bottom: 0.75rem; }
table.inputs th { overflow-wrap: anywhere; }
tr.commitment > * { background: #eef1f4; font-weight: 600; }
tr.standard > th { padding-left: 1.25rem; font-style: italic; }
tr.indicator > th { padding-left: 2.25rem; font-weight: normal; }
tfoot th, tfoot td { font-weight: 700; border-top: 2px solid var(--muted); }
.ref { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 0.875em; margin-right: 0.125rem; }
details.words summary { cursor: pointer; color: var(--link); font-size: 0.875rem; }
details.words p { margin: 0.375rem 0 0.25rem; max-width: 40rem; font-weight: normal; font-style: normal; font-size: 0.9375rem; }
.overall { display: flex; flex-wrap: wrap; gap: 1.5rem 3rem; align-items: flex-start; }
.big-rate { font-size: 2.5rem; font-weight: 700; line-height: 1.1; margin: 0; }
.overall table { width: auto; min-width: 18rem; }
.status { white-space: nowrap; font-weight: 600; }
.sym { display: inline-block; min-width: 1em; text-align: center; }
.s-pass { color: var(--pass); } .s-fail { color: var(--fail); } .s-error { color: var(--error); }
.s-insufficient_evidence { color: var(--insufficient_evidence); } .s-pending { color: var(--pending); }
.s-not_applicable { color: var(--not_applicable); }
svg.bar { display: block; }
svg.defs { position: absolute; }
.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(21rem, 1fr)); gap: 1.5rem; }
figure { margin: 0; }
figcaption { font-weight: 600; margin-bottom: 0.25rem; }
svg.months { max-width: 100%; height: auto; display: block; }
svg.months text { font-size: 10px; fill: var(--fg); font-family: inherit; }
details.data summary { cursor: pointer; color: var(--link); padding: 0.25rem 0; }
details.data table { font-size: 0.875rem; }
button, select, input { font: inherit; color: inherit; }
button { cursor: pointer; border: 1px solid var(--muted); border-radius: 4px; background: var(--bg); padding: 0.25rem 0.75rem; min-height: 2rem; }
button:hover { background: var(--panel); }
select, input[type=search] { border: 1px solid var(--muted); border-radius: 4px; padding: 0.25rem 0.5rem; min-height: 2.25rem; background: var(--bg); }
form.filters { display: flex; flex-wrap: wrap; gap: 0.75rem 1.25rem; align-items: flex-end; background: var(--panel);
  border: 1px solid var(--line); border-radius: 6px; padding: 0.75rem 1rem; margin-bottom: 0.75rem; }
form.filters label { display: block; font-weight: 600; font-size: 0.9375rem; }
.count { font-weight: 600; margin: 0.5rem 0; }
#case-table { table-layout: fixed; }
#case-table col.c-case { width: 24%; } #case-table col.c-status { width: 16%; } #case-table col.c-received { width: 15%; }
#case-table col.c-failing { width: 27%; } #case-table col.c-from { width: 18%; }
#case-table td code { overflow-wrap: anywhere; }
button.case-toggle { border: none; background: none; padding: 0.125rem 0.25rem; min-height: 1.75rem; color: var(--link);
  text-decoration: underline; text-align: left; font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 0.9375rem; overflow-wrap: anywhere; }
button.case-toggle::before { content: "\\25B8\\00A0"; display: inline-block; text-decoration: none; }
button.case-toggle[aria-expanded=true]::before { content: "\\25BE\\00A0"; }
ul.refs { list-style: none; margin: 0; padding: 0; }
ul.refs li { white-space: nowrap; }
tr.detail > td { background: var(--panel); padding: 0.75rem 1rem 1.25rem; }
.case-detail { display: grid; grid-template-columns: minmax(0, 1fr); gap: 1rem 1.5rem; align-items: start; }
.case-detail > .head { grid-column: 1 / -1; }
.case-detail > .head p { margin: 0 0 0.5rem; }
.case-detail h3 { margin-top: 0; }
.case-detail table { background: var(--bg); table-layout: fixed; width: 100%; }
.case-detail code { overflow-wrap: anywhere; }
.case-detail caption { font-size: 1.0625rem; }
table.findings col.c-ind { width: 12rem; } table.findings col.c-status { width: 8.5rem; }
table.findings col.c-ev { width: 16rem; }
table.findings tr.s-row-fail > th, table.findings tr.s-row-error > th { box-shadow: inset 4px 0 0 var(--fail); }
table.findings tr.s-row-not_applicable > * { color: var(--muted); padding-top: 0.25rem; padding-bottom: 0.25rem; }
table.findings .slug { display: block; }
table.findings .status { white-space: normal; }
.case-detail ul.ids { list-style: none; margin: 0 0 0.25rem; padding: 0; }
.case-detail ul.ids.fault li { color: var(--fail); font-weight: 600; }
.mark-label { margin: 0.25rem 0 0; font-size: 0.8125rem; font-weight: 600; color: var(--muted); text-transform: uppercase; letter-spacing: 0.03em; }
.mark-label.fault { color: var(--fail); }
.deadline-line { margin: 0.25rem 0; font-size: 0.875rem; font-weight: 600; color: var(--pending); }
.deadline-line.missed { color: var(--fail); }
table.timeline col.c-date { width: 10.5rem; } table.timeline col.c-wd { width: 6.5rem; } table.timeline col.c-cited { width: 10rem; }
table.timeline thead th { white-space: normal; }
table.timeline .type { font-weight: 600; overflow-wrap: anywhere; }
table.timeline th code { display: block; }
table.timeline td.date { white-space: nowrap; }
table.timeline th code { font-size: 0.8125rem; color: var(--muted); font-weight: normal; }
table.timeline tr.event > th { font-weight: normal; }
table.timeline td.cited .ref { display: inline-block; margin-right: 0.375rem; }
.fault-ref { color: var(--fail); font-weight: 700; }
tr.deadline > * { background: #fff8e6; border-top: 2px dashed var(--pending); border-bottom: 2px dashed var(--pending); font-size: 0.9375rem; }
tr.deadline > th { color: var(--pending); }
tr.deadline.missed > * { background: #fdeceb; border-color: var(--fail); }
tr.deadline.missed > th { color: var(--fail); }
tr.deadline.hl-deadline > * { border-top-style: solid; border-bottom-style: solid; border-width: 3px 0; }
button.highlight, button.print-case { font-size: 0.875rem; padding: 0.125rem 0.5rem; min-height: 1.75rem; margin-top: 0.25rem; }
button.highlight[aria-pressed=true] { background: var(--fg); color: var(--bg); border-color: var(--fg); }
tr.hl > * { background: var(--hl); }
tr.hl > th { box-shadow: inset 4px 0 0 var(--fg); }
tr.fault > * { background: #fdeceb; }
tr.fault > th { box-shadow: inset 6px 0 0 var(--fail); }
tr.fault .marker { color: var(--fail); }
.marker { font-weight: 700; }
@media (min-width: 100rem) {
  .case-detail { grid-template-columns: minmax(0, 11fr) minmax(0, 9fr); }
  .case-detail .events { position: sticky; top: 0.5rem; }
}
.note { color: var(--muted); font-size: 0.9375rem; }
.left-out { border-left: 4px solid var(--muted); padding: 0.25rem 0 0.25rem 0.75rem; margin: 0.75rem 0; max-width: 72rem; }
.left-out p { margin: 0.25rem 0; }
#more { margin-top: 0.75rem; }
footer { border-top: 1px solid var(--line); margin-top: 2rem; padding: 1rem 0 2rem; color: var(--muted); font-size: 0.9375rem; }
@media (max-width: 52rem) {
  dl.facts { grid-template-columns: minmax(0, 1fr); }
  dl.facts dd { margin-bottom: 0.5rem; }
}
@media print {
  @page { margin: 14mm 12mm; }
  body { font-size: 10pt; line-height: 1.35; }
  .wrap { max-width: none; padding: 0; }
  .skip-link, nav, form.filters, #more, .failing-col, button.highlight, button.print-case, details.data summary, noscript, details.words, .no-print { display: none !important; }
  details.provenance > summary { color: inherit; }
  details.provenance::details-content { content-visibility: visible; display: contents; }
  .slug { color: #333; }
  .case-detail .events { position: static; }
  /* One case (from its "Print this case"): the page's heading and that case, nothing else. */
  body[data-print-case] main section:not(#cases), body[data-print-case] #cases > :not(.table-wrap),
  body[data-print-case] #case-table > caption, body[data-print-case] #case-table > thead,
  body[data-print-case] #case-rows > tr:not(.print-target) { display: none !important; }
  body[data-print-case] tr.print-target > td { background: none; padding: 0; }
  body[data-print-case] #cases { margin-top: 0.5rem; }
  svg.bar { width: 64px; height: 10px; }
  th, td { padding: 0.2rem 0.3rem; }
  #indicator-table tbody th, #indicator-table tfoot th { min-width: 0; }
  header.page { background: none; border-bottom: 2px solid #000; }
  a { color: inherit; text-decoration: none; }
  button.case-toggle { color: inherit; text-decoration: none; padding: 0; }
  button.case-toggle::before { content: none; }
  section { margin-top: 1.25rem; }
  h2, h3, caption, figcaption { break-after: avoid; page-break-after: avoid; }
  tr, figure { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  .table-wrap { overflow: visible; }
  .case-detail { display: block; }
  .case-detail .events { position: static; margin-top: 0.75rem; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
