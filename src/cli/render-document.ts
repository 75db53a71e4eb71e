import type { Ruleset } from '../engine/ruleset.js';
import { createHtmlReport } from '../reporters/html/index.js';
import { createJsonBuilder } from '../reporters/json.js';
import { createJunitBuilder } from '../reporters/junit.js';
import { createMarkdownBuilder } from '../reporters/markdown.js';
import type { Parts, ReportBuilder } from '../reporters/parts.js';
import { createSarifBuilder } from '../reporters/sarif.js';
import { createTextBuilder } from '../reporters/text.js';
import { forTerminalDeep } from './display.js';

/** Formats written as documents: a whole file, its cases placed at the end (ndjson streams lines instead). */
export const DOCUMENT_FORMATS = ['text', 'json', 'junit', 'sarif', 'markdown', 'html'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

/** Every output format of `check`. */
export const OUTPUT_FORMATS = [...DOCUMENT_FORMATS, 'ndjson'] as const;

/** How the command renders a document. */
export interface DocumentOptions {
  color: boolean;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  /** Indented JSON (`--pretty`). */
  pretty?: boolean | undefined;
  /** Whether the report lists cases (not at `--detail summary`); JSON leaves out `cases` without. */
  cases: boolean;
  /** The inputs read so far (they grow as inputs are opened), as `meta.inputs` will list them. */
  inputs: readonly { file: string }[];
  /** The indicators judged, in the summary's order. */
  indicators: readonly { ref: string; id: string }[];
  /** The most cases the HTML report lists (`--html-max-cases`). */
  htmlMaxCases?: number | undefined;
}

/** The HTML report keeps at most `maxCases` cases (`--html-max-cases`) and writes itself in pieces. */
function _html(ruleset: Ruleset, maxCases: number | undefined): ReportBuilder {
  const html = createHtmlReport(ruleset, { maxCases });
  return { add: (result) => html.add(result), finish: ({ meta, summary }) => html.chunks(meta, summary) };
}

/**
 * The builder of one document format, its cases kept in `parts` (temporary files for the
 * command, so that memory stays bounded).
 *
 * @example
 * const builder = createDocumentBuilder('junit', spool, ruleset, options);
 */
export function createDocumentBuilder(
  format: DocumentFormat,
  parts: Parts,
  ruleset: Ruleset,
  options: DocumentOptions,
): ReportBuilder {
  switch (format) {
    case 'text': {
      // A log's text (case ids, activity names) never reaches the terminal raw: the data is
      // escaped before it is painted.
      const text = createTextBuilder({ color: options.color, env: options.env });
      return {
        add: (result) => text.add(forTerminalDeep(result)),
        finish: (end) => text.finish(forTerminalDeep(end)),
      };
    }
    case 'json':
      return createJsonBuilder(parts, { indent: options.pretty ? 2 : 0, cases: options.cases });
    case 'junit':
      return createJunitBuilder(parts);
    case 'sarif':
      return createSarifBuilder(parts, ruleset, {
        root: options.cwd,
        inputs: options.inputs,
        indicators: options.indicators,
      });
    case 'markdown':
      return createMarkdownBuilder();
    case 'html':
      return _html(ruleset, options.htmlMaxCases);
  }
}
