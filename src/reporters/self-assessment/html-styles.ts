/**
 * The self-assessment form's stylesheet: system fonts, text at 4.5:1 contrast or more, a visible
 * focus outline, and print rules for the published copy (A4 landscape, table headers repeated on
 * each page, no row split across pages).
 */
export const FORM_STYLES = `
:root { color-scheme: light; --fg: #1f2328; --muted: #4b535c; --line: #c8d1da; --panel: #f6f8fa;
  --yes: #176c34; --no: #b42318; --needed: #7d4e00; --link: #0b57d0; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--fg); background: #fff; line-height: 1.45;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", Arial, sans-serif; }
main { max-width: 90rem; margin: 0 auto; padding: 1rem 1.25rem 2rem; }
a { color: var(--link); }
:focus-visible { outline: 3px solid var(--link); outline-offset: 2px; }
h1 { font-size: 1.6rem; margin: 0.5rem 0 0.25rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 0.5rem; border-bottom: 2px solid var(--line); padding-bottom: 0.25rem; }
.lede { color: var(--muted); margin: 0 0 0.5rem; }
.note { max-width: 60rem; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid var(--line); padding: 0.4rem 0.5rem; text-align: left; vertical-align: top; }
thead th { background: var(--panel); }
tbody th { white-space: nowrap; font-variant-numeric: tabular-nums; }
col.provision { width: 5rem; } col.requirement { width: 30%; } col.comply { width: 11rem; } col.commentary { width: 20%; }
.comply strong { display: block; }
.comply .source, .still, .cases { color: var(--muted); font-size: 0.875rem; }
.still, .cases { margin: 0.375rem 0 0; }
tr.yes .comply strong { color: var(--yes); } tr.no .comply strong { color: var(--no); }
tr.needed .comply strong { color: var(--needed); }
.evidence p { margin: 0 0 0.25rem; }
.commentary { white-space: pre-wrap; }
dl.facts { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 0.25rem 1rem; }
dl.facts dt { font-weight: 600; } dl.facts dd { margin: 0; overflow-wrap: anywhere; }
.mono { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 0.8125rem; overflow-wrap: anywhere; }
footer { color: var(--muted); font-size: 0.875rem; margin-top: 2rem; }
@page { size: A4 landscape; margin: 12mm; }
@media print {
  body { font-size: 10pt; }
  main { max-width: none; padding: 0; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  h2 { break-after: avoid; }
  a { color: inherit; text-decoration: none; }
}
`;
