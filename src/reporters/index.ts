/** The report formats: pure functions from a report to a string, and a streaming NDJSON writer. */
export type { RulesetWords } from './common.js';
export type { HtmlOptions } from './html/index.js';
export { formatHtml } from './html/index.js';
export type { JsonOptions } from './json.js';
export { formatJson } from './json.js';
export type { JunitOptions } from './junit.js';
export { formatJunit } from './junit.js';
export type { MarkdownOptions } from './markdown.js';
export { formatMarkdown } from './markdown.js';
export type { NdjsonOptions, NdjsonRecord } from './ndjson.js';
export {
  formatNdjsonCase,
  formatNdjsonSummary,
  NdjsonRecordSchema,
  NdjsonReportError,
  parseNdjsonLine,
  parseNdjsonReport,
} from './ndjson.js';
export type { NdjsonSink, NdjsonWriter } from './ndjson-writer.js';
export { createNdjsonWriter } from './ndjson-writer.js';
export type { SarifOptions } from './sarif.js';
export { formatSarif } from './sarif.js';
export type { TextOptions } from './text.js';
export { formatText } from './text.js';
