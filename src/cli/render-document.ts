import type { Ruleset } from '../engine/ruleset.js';
import type { Report } from '../model/report.js';
import { formatHtml } from '../reporters/html/index.js';
import { formatJson } from '../reporters/json.js';
import { formatJunit } from '../reporters/junit.js';
import { formatMarkdown } from '../reporters/markdown.js';
import { formatSarif } from '../reporters/sarif.js';
import { formatText } from '../reporters/text.js';
import { forTerminalDeep } from './display.js';

/** Formats written whole at the end of a run (ndjson streams instead). */
export const DOCUMENT_FORMATS = ['text', 'json', 'junit', 'sarif', 'markdown', 'html'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

/** Every output format of `check`. */
export const OUTPUT_FORMATS = [...DOCUMENT_FORMATS, 'ndjson'] as const;

/** Renders a whole report in one document format. */
export function renderDocument(
  format: DocumentFormat,
  report: Report,
  ruleset: Ruleset,
  options: {
    color: boolean;
    env: Readonly<Record<string, string | undefined>>;
    cwd: string;
    /** Indented JSON (`--pretty`). */
    pretty?: boolean | undefined;
  },
): string {
  switch (format) {
    case 'text':
      // A log's text (case ids, activity names) never reaches the terminal raw.
      return formatText(forTerminalDeep(report), { color: options.color, env: options.env });
    case 'json':
      return formatJson(
        report.meta.detail === 'summary' ? { meta: report.meta, summary: report.summary } : report,
        { indent: options.pretty ? 2 : 0 },
      );
    case 'junit':
      return formatJunit(report);
    case 'sarif':
      return formatSarif(report, ruleset, { root: options.cwd });
    case 'markdown':
      return formatMarkdown(report);
    case 'html':
      return formatHtml(report, ruleset);
  }
}
