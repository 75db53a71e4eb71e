import { z } from 'zod';
import { CaseSchema } from './case.js';
import { ConfigSchema } from './config.js';
import { EventSchema } from './event.js';
import { MappingSchema } from './mapping.js';
import { ReportSchema } from './report.js';
import { ReviewFileSchema } from './review.js';
import { RuleFileSchema, RulesetManifestSchema } from './rule.js';

/** The schemas published as JSON Schema files (`docs/schema/<name>.schema.json`). */
export const PUBLISHED_SCHEMAS = {
  events: z.array(EventSchema).describe('A flat event log: an array of events (events.md)'),
  event: EventSchema.describe('One case event (events.md)'),
  case: CaseSchema.describe('One whole case: caseId, attributes and events (events.md)'),
  config: ConfigSchema.describe(
    'service-standards configuration: zone, calendar, parameters, indicators, thresholds',
  ),
  mapping: MappingSchema.describe('A mapping of a CSV or XES export onto the event vocabulary'),
  rule: RuleFileSchema.describe('A rule file: one indicator, its facts, checks and explanations'),
  ruleset: RulesetManifestSchema.describe(
    'A ruleset manifest: hierarchy, parameters, calendar, filters, rule files',
  ),
  report: ReportSchema.describe('The JSON report (--format json)'),
  reviews: ReviewFileSchema.describe(
    'A review file (--reviews): accepted exceptions and overridden statuses, each with its reason',
  ),
} as const;

/** The name of a published schema. */
export type PublishedSchemaName = keyof typeof PUBLISHED_SCHEMAS;

/**
 * The JSON Schema (draft 2020-12) of one of the package's inputs or outputs, generated from the
 * same zod schema that validates it. Schemas stay transform-free so that this never fails.
 *
 * @example
 * const schema = toJsonSchema('config');
 * schema.$schema; // 'https://json-schema.org/draft/2020-12/schema'
 */
export function toJsonSchema(name: PublishedSchemaName): Record<string, unknown> {
  const schema = PUBLISHED_SCHEMAS[name];
  // `input`: what a user may write (optional fields stay optional).
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'throw', reused: 'ref' }) as Record<
    string,
    unknown
  >;
}
