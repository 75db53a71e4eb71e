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
.wrap { max-width: 88rem; margin: 0 auto; padding: 0 1.25rem; }
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
#indicator-table tbody th, #indicator-table tfoot th { min-width: 15rem; }
tr.commitment > * { background: #eef1f4; font-weight: 600; }
tr.standard > th { padding-left: 1.25rem; font-style: italic; }
tr.indicator > th { padding-left: 2.25rem; font-weight: normal; }
tfoot th, tfoot td { font-weight: 700; border-top: 2px solid var(--muted); }
.ref { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 0.875em; margin-right: 0.125rem; }
details.words summary { cursor: pointer; }
details.words p { margin: 0.375rem 0 0.25rem; max-width: 40rem; font-weight: normal; font-style: normal; }
details.words .leaflet { font-style: italic; }
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
button.case-toggle { border: none; background: none; padding: 0.125rem 0.25rem; min-height: 1.75rem; color: var(--link);
  text-decoration: underline; text-align: left; font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 0.9375rem; overflow-wrap: anywhere; }
button.case-toggle::before { content: "\\25B8\\00A0"; display: inline-block; text-decoration: none; }
button.case-toggle[aria-expanded=true]::before { content: "\\25BE\\00A0"; }
ul.refs { list-style: none; margin: 0; padding: 0; }
ul.refs li { white-space: nowrap; }
tr.detail > td { background: var(--panel); padding: 0.75rem 1rem 1.25rem; }
.case-detail { display: grid; grid-template-columns: minmax(0, 1fr) minmax(16rem, 24rem); gap: 1rem 1.5rem; align-items: start; }
.case-detail > .head { grid-column: 1 / -1; }
.case-detail h3 { margin-top: 0; }
.case-detail table { background: var(--bg); }
.case-detail .events { position: sticky; top: 0.5rem; }
.case-detail ul.ids { list-style: none; margin: 0 0 0.25rem; padding: 0; }
.case-detail ul.ids code, .case-detail .events code { overflow-wrap: normal; white-space: nowrap; }
.case-detail .events td:last-child { overflow-wrap: anywhere; }
.case-detail .events th, .case-detail .events td:nth-child(2) { white-space: nowrap; }
button.highlight { font-size: 0.875rem; padding: 0.125rem 0.5rem; min-height: 1.75rem; }
button.highlight[aria-pressed=true] { background: var(--fg); color: var(--bg); border-color: var(--fg); }
tr.hl > * { background: var(--hl); }
tr.hl > th { box-shadow: inset 4px 0 0 var(--fg); }
.marker { font-weight: 700; }
.note { color: var(--muted); font-size: 0.9375rem; }
#more { margin-top: 0.75rem; }
footer { border-top: 1px solid var(--line); margin-top: 2rem; padding: 1rem 0 2rem; color: var(--muted); font-size: 0.9375rem; }
@media (max-width: 52rem) {
  .case-detail { grid-template-columns: minmax(0, 1fr); }
  .case-detail .events { position: static; }
  dl.facts { grid-template-columns: minmax(0, 1fr); }
  dl.facts dd { margin-bottom: 0.5rem; }
}
@media print {
  @page { margin: 14mm 12mm; }
  body { font-size: 10pt; line-height: 1.35; }
  .wrap { max-width: none; padding: 0; }
  .skip-link, nav, form.filters, #more, .failing-col, button.highlight, details.data summary, noscript, p.judged, .no-print { display: none !important; }
  svg.bar { width: 64px; height: 10px; }
  th, td { padding: 0.2rem 0.3rem; }
  #indicator-table tbody th, #indicator-table tfoot th { min-width: 0; }
  details.words summary { list-style: none; }
  details.words summary::-webkit-details-marker { display: none; }
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
