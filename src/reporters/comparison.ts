/**
 * What changed between two runs (`service-standards diff`) as text, JSON or Markdown (for a
 * pull-request comment). Pure: each returns the whole document.
 */
import type { Comparison, StatusOrAbsent } from '../audit/compare.js';
import { escapeMarkdownText } from './markdown.js';

/** The comparison's output formats. */
export const COMPARISON_FORMATS = ['text', 'json', 'markdown'] as const;
export type ComparisonFormat = (typeof COMPARISON_FORMATS)[number];

const _label = (s: StatusOrAbsent) => s.replace('_', ' ');

function _headline(c: Comparison): string {
  const { before, after, added, gone, changed, unchanged } = c.cases;
  return `${before} cases before, ${after} after: ${added.length} added, ${gone.length} gone, ${changed} changed, ${unchanged} unchanged.`;
}

const _moves = (c: Comparison) => c.transitions.filter((t) => t.from !== t.to);

/** The comparison for a terminal: the headline, the transitions, then every change. */
export function formatComparisonText(c: Comparison): string {
  const lines = [_headline(c)];
  const moves = _moves(c);
  if (moves.length > 0) {
    lines.push('', 'Transitions:');
    for (const t of moves) lines.push(`  ${_label(t.from)} -> ${_label(t.to)}: ${t.count}`);
  }
  if (c.changes.length > 0) {
    lines.push('', 'Changes:');
    for (const x of c.changes) lines.push(`  ${x.caseId}  ${x.ref}  ${_label(x.from)} -> ${_label(x.to)}`);
  }
  for (const [title, ids] of [
    ['Added cases', c.cases.added],
    ['Gone cases', c.cases.gone],
  ] as const) {
    if (ids.length > 0) lines.push('', `${title}: ${ids.join(', ')}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The comparison as one JSON document. */
export function formatComparisonJson(c: Comparison): string {
  return `${JSON.stringify(c)}\n`;
}

/** The comparison as Markdown: a headline, a table of transitions, and the changes. */
export function formatComparisonMarkdown(c: Comparison): string {
  const md = escapeMarkdownText;
  const lines = ['## What changed', '', _headline(c)];
  const moves = _moves(c);
  if (moves.length > 0) {
    lines.push('', '| from | to | findings |', '|---|---|---:|');
    for (const t of moves) lines.push(`| ${_label(t.from)} | ${_label(t.to)} | ${t.count} |`);
  }
  if (c.changes.length > 0) {
    lines.push('', '| case | indicator | from | to |', '|---|---|---|---|');
    for (const x of c.changes)
      lines.push(`| ${md(x.caseId)} | ${x.ref} | ${_label(x.from)} | ${_label(x.to)} |`);
  }
  for (const [title, ids] of [
    ['Added cases', c.cases.added],
    ['Gone cases', c.cases.gone],
  ] as const) {
    if (ids.length > 0) lines.push('', `**${title}:** ${ids.map(md).join(', ')}`);
  }
  return `${lines.join('\n')}\n`;
}
