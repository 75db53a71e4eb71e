/**
 * `service-standards/schemas`: the zod 4 schemas of the contract, for callers who validate with
 * them or derive their own. Apart from the main entry so that a caller who only uses the types
 * never has its compiler load zod's declarations (the main entry's types are plain, generated
 * from these schemas and proven equal to their `z.infer`).
 *
 * @example
 * import { CaseSchema } from 'service-standards/schemas';
 * const parsed = CaseSchema.safeParse(JSON.parse(text));
 */

export { CaseAttributesSchema, CaseSchema } from './model/case.js';
export {
  CalendarConfigSchema,
  ConfigSchema,
  HolidaySourceSchema,
  HolidayTypeSchema,
  ParameterValueSchema,
} from './model/config.js';
export {
  ActorSchema,
  BaseEventSchema,
  CustomEventTypeSchema,
  EVENT_DATA_SCHEMAS,
  EventFieldsSchema,
  EventSchema,
  EventTypeSchema,
  InstantStringSchema,
} from './model/event.js';
export {
  AppliedReviewSchema,
  CaseResultSchema,
  FindingSchema,
  StatusCountsSchema,
  StatusSchema,
} from './model/finding.js';
export type { PublishedSchemaName } from './model/json-schemas.js';
export { PUBLISHED_SCHEMAS, toJsonSchema } from './model/json-schemas.js';
export { MappingSchema } from './model/mapping.js';
export { ReportMetaSchema, ReportSchema } from './model/report.js';
export { ReviewFileSchema, ReviewSchema } from './model/review.js';
export {
  AnchorSchema,
  CheckSchema,
  ConditionSchema,
  FactSpecSchema,
  FilterSchema,
  ParameterDefinitionSchema,
  PeriodAnchorSchema,
  RuleFileSchema,
  RulesetManifestSchema,
} from './model/rule.js';
export { SummarySchema } from './model/summary.js';
export { PeriodSchema } from './period/period.js';
export { NdjsonRecordSchema } from './reporters/ndjson.js';
export {
  SelfAssessmentResultSchema,
  SelfAssessmentRowSchema,
  SelfAssessmentSchema,
} from './self-assessment/document.js';
export { ProvisionListSchema, ProvisionSchema } from './self-assessment/provisions.js';
export { StatementSchema, StatementsFileSchema } from './self-assessment/statements.js';
