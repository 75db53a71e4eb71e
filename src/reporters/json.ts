/** The JSON report (`--format json`): the report object itself, keys in a stable order. */
import type { Report } from '../model/report.js';
import { canonicalReport } from './canonical.js';

/** Options of {@link formatJson}. */
export interface JsonOptions {
  /** Spaces per indentation level (default 2); 0 prints one line. */
  indent?: number;
}

/**
 * The report as JSON, ending with a newline. Keys follow the schema's order (meta, summary, cases;
 * within each, as `ReportSchema` declares them) and the keys of free-form records are sorted, so
 * the same report always prints the same bytes. Nothing is added or dropped: the output parses
 * back with `ReportSchema`.
 *
 * @example
 * process.stdout.write(formatJson(report));
 * ReportSchema.parse(JSON.parse(formatJson(report))); // deep-equals report
 */
export function formatJson(report: Report, options: JsonOptions = {}): string {
  return `${JSON.stringify(canonicalReport(report), null, options.indent ?? 2)}\n`;
}
