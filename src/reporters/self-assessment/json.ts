/** The self-assessment as JSON (`housing-code-2024.md` section SA, JSON shape). */
import type { SelfAssessment } from '../../self-assessment/document.js';

/**
 * The document as JSON, ending with a newline: meta, rows, summary, rejected, each key in the
 * order the schema declares. Parses back with `SelfAssessmentSchema`.
 *
 * @example
 * SelfAssessmentSchema.parse(JSON.parse(formatSelfAssessmentJson(doc))); // deep-equals doc
 */
export function formatSelfAssessmentJson(doc: SelfAssessment, options: { indent?: number } = {}): string {
  const { meta, rows, summary, rejected } = doc;
  return `${JSON.stringify({ meta, rows, summary, rejected }, null, options.indent ?? 2)}\n`;
}
