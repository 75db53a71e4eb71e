/**
 * service-standards: judge complaint case histories against published customer service
 * standards. The public API, re-exported by name.
 */

export type { AuditTally } from './audit/audit-summary.js';
export { createAuditTally, reviewedStatus } from './audit/audit-summary.js';
export type { AbsentFinding, Baseline } from './audit/baseline.js';
export { createBaseline } from './audit/baseline.js';
export type {
  Comparison,
  ComparisonBuilder,
  StatusChange,
  StatusOrAbsent,
  TransitionCount,
} from './audit/compare.js';
export { compareResults, createComparison } from './audit/compare.js';
// Audit: the worklist, what changed between runs, reviews and baselines.
export type { AwaitingItem, DueItem, DueItemsOptions, Worklist } from './audit/due.js';
export { dueItems } from './audit/due.js';
export { fingerprintFinding } from './audit/fingerprint.js';
export type { ReviewBook, ReviewOutcomes, UnappliedReview } from './audit/reviews.js';
export { createReviewBook, DuplicateReviewError } from './audit/reviews.js';
// Engine.
export type { CompiledRule, CompileRuleOptions } from './engine/compiled-rule.js';
export { compileRule } from './engine/compiled-rule.js';
export type { EvaluateCaseOptions } from './engine/evaluate-case.js';
export { evaluateCase, InvalidCaseError } from './engine/evaluate-case.js';
export type {
  CaseOutcome,
  EvaluateCasesOptions,
  RejectedCase,
  TypedCaseOutcome,
} from './engine/evaluate-cases.js';
export { evaluateCases } from './engine/evaluate-cases.js';
export type { ConditionEvaluator, StageVerdicts } from './engine/evaluator.js';
export { createCompiledEvaluator } from './engine/evaluator.js';
export { createJsonRulesEngineEvaluator } from './engine/json-rules-engine-evaluator.js';
export type { MeasuredReads } from './engine/measured-detail.js';
export { measuredReads } from './engine/measured-detail.js';
export type { NormalizeCaseOptions, NormalizeResult } from './engine/normalize.js';
export { normalizeCase } from './engine/normalize.js';
export type { PreparedEvaluation, PrepareEvaluationOptions } from './engine/prepare.js';
export { ConfigError, prepareEvaluation } from './engine/prepare.js';
export { renderTemplate } from './engine/render.js';
export type { CreateRulesetOptions, Ruleset } from './engine/ruleset.js';
export { createRuleset, RulesetError } from './engine/ruleset.js';
export { worstStatus } from './engine/status.js';
export type { SummarizeOptions, SummaryBuilder } from './engine/summarize.js';
export { createSummaryBuilder, summarize } from './engine/summarize.js';
export { measureText } from './engine/templates/readability.js';
export type { CaseAttributes } from './model/case.js';
// Model: the contract's types (plain, generated from the zod schemas in `service-standards/schemas`).
export type {
  CanonicalEvent,
  CaseInput,
  CustomEvent,
  EventActor,
  EventData,
  EventFields,
  HistoryEvent,
} from './model/case-types.js';
export { makeCase, makeEvent } from './model/case-types.js';
export type { CalendarConfig, Config, HolidaySourceConfig, ParameterValue } from './model/config.js';
export type { CanonicalEventType, CaseEventInput } from './model/event.js';
export type {
  AppliedReview,
  BaselineState,
  CaseResult,
  Detail,
  Finding,
  ReviewedStatus,
  Status,
  StatusCounts,
} from './model/finding.js';
export { DETAILS } from './model/finding.js';
export type {
  IndicatorRef,
  IsoInstant,
  SpsoRef,
  TypedCaseResult,
  TypedFinding,
} from './model/finding-types.js';
export { SPSO_REFS } from './model/finding-types.js';
export type { InputIssue } from './model/issues.js';
export { formatIssue } from './model/issues.js';
export type { PublishedSchemaName } from './model/json-schemas.js';
export { toJsonSchema } from './model/json-schemas.js';
export type {
  ActivityRule,
  Interval,
  IntervalEvent,
  Mapping,
  MappingCalendar,
  RowFilter,
} from './model/mapping.js';
export { DEFAULT_MAPPING } from './model/mapping.js';
export type { Report, ReportMeta } from './model/report.js';
export type { Review, ReviewFile } from './model/review.js';
export type {
  Check,
  Condition,
  FactSpec,
  Filter,
  ParameterDefinition,
  PeriodAnchor,
  PeriodOutput,
  RuleFile,
  RulesetManifest,
} from './model/rule.js';
export { PERIOD_ANCHORS, PERIOD_OUTPUTS } from './model/rule.js';
export type { Summary } from './model/summary.js';
export type { UsageErrorCode } from './model/usage-error.js';
export { UsageError } from './model/usage-error.js';
export { CANONICAL_EVENT_TYPES, STATUSES, TOPICS } from './model/vocabulary.js';
// Reporting periods (period outputs) and the period report.
export type { Figure, FigureCase, KpiTally, NotFromLog } from './period/kpi.js';
export { createKpiTally, NOT_FROM_LOG, OUTCOME_CATEGORIES } from './period/kpi.js';
export type { Period, PeriodMeta } from './period/period.js';
export { inPeriod, parsePeriod, periodComplete, periodMeta, selectByAnchor } from './period/period.js';
export type { PeriodReport, PeriodReportOptions } from './period/period-report.js';
export { periodReport, requirePeriodOutput } from './period/period-report.js';
export type {
  CaseRecords,
  ClosureLabel,
  ClosureWithoutResponse,
  KpiTimescales,
  StageClosure,
  StageEntry,
} from './period/stage-records.js';
export { CLOSURE_LABELS, caseRecords } from './period/stage-records.js';
// Readers (file and stream input).
export { ReadError } from './readers/errors.js';
export { formatFromName } from './readers/format.js';
export type { ReadLimits } from './readers/limits.js';
export { DEFAULT_READ_LIMITS } from './readers/limits.js';
export { loadMapping, MappingError, parseMapping } from './readers/load-mapping.js';
export { locateIssues } from './readers/locate.js';
export { withMappingCalendar } from './readers/mapping-calendar.js';
export type { OcelOptions } from './readers/ocel.js';
export { OCEL_COLUMNS } from './readers/ocel.js';
export type { ReadInput } from './readers/open-input.js';
export { STDIN_NAME } from './readers/open-input.js';
export type { CaseReader, ReadCasesOptions } from './readers/read-cases.js';
export { readCases } from './readers/read-cases.js';
export type { InputStats, ReadStats } from './readers/stats.js';
export { createReadStats } from './readers/stats.js';
export type { InputFormat, ReadCase, ReadItem, ReadRejected, SourceRef } from './readers/types.js';
export { INPUT_FORMATS, isRejected } from './readers/types.js';
// Reporters (pure formatting).
export type { RulesetWords } from './reporters/common.js';
export type { HtmlOptions } from './reporters/html/index.js';
export { formatHtml } from './reporters/html/index.js';
export type { JsonBuilderOptions, JsonOptions } from './reporters/json.js';
export { createJsonBuilder, formatJson } from './reporters/json.js';
export type { JunitOptions } from './reporters/junit.js';
export { createJunitBuilder, formatJunit } from './reporters/junit.js';
export type { MarkdownOptions } from './reporters/markdown.js';
export { createMarkdownBuilder, formatMarkdown } from './reporters/markdown.js';
export type { NdjsonOptions, NdjsonRecord } from './reporters/ndjson.js';
export {
  formatNdjsonCase,
  formatNdjsonSummary,
  NdjsonReportError,
  parseNdjsonLine,
  parseNdjsonReport,
} from './reporters/ndjson.js';
export type { NdjsonSink, NdjsonWriter } from './reporters/ndjson-writer.js';
export { createNdjsonWriter } from './reporters/ndjson-writer.js';
export type { MemoryParts, Parts, Piece, ReportBuilder, ReportEnd } from './reporters/parts.js';
export { memoryParts, renderWhole } from './reporters/parts.js';
export type { SarifBuilderOptions, SarifOptions } from './reporters/sarif.js';
export { createSarifBuilder, formatSarif } from './reporters/sarif.js';
export type { TextOptions } from './reporters/text.js';
export { createTextBuilder, formatText } from './reporters/text.js';
// The rules catalogue and published JSON Schemas.
export type { CatalogueEntry } from './rules/catalogue.js';
export { describeRuleset, formatCatalogue, formatCatalogueEntry } from './rules/catalogue.js';
export type { LoadRulesetOptions } from './rules/load-ruleset.js';
// Rules loading.
export {
  DEFAULT_RULESET_ID,
  loadRuleset,
  rulesetDirOf,
  SHIPPED_RULESET_IDS,
  shippedRulesetDir,
} from './rules/load-ruleset.js';
// The annual self-assessment (a period output).
export type {
  RowLog,
  SelfAssessment,
  SelfAssessmentResult,
  SelfAssessmentRow,
  SelfAssessmentSummary,
} from './self-assessment/document.js';
export type { Provision, ProvisionList, ProvisionSource } from './self-assessment/provisions.js';
export { PROVISION_SOURCES } from './self-assessment/provisions.js';
export type { SelfAssessmentOptions } from './self-assessment/self-assessment.js';
export {
  COMPLY_AT_PARAMETER,
  parseStatements,
  provisionListOf,
  selfAssessment,
} from './self-assessment/self-assessment.js';
export type { Comply, Statement, StatementsFile } from './self-assessment/statements.js';
// Time.
export type {
  CalendarOptions,
  NonWorkingDay,
  NonWorkingReason,
  PausedDays,
  WorkingCalendar,
} from './time/calendar.js';
export { createCalendar } from './time/calendar.js';
export { dayFromIsoDate, isoDateFromDay, isoWeekdayOfDay, yearOfDay } from './time/days.js';
export { formatDay, formatDayShort } from './time/format.js';
export type { Holiday, HolidaySource } from './time/holidays.js';
export { resolvePublicHolidays } from './time/holidays.js';
export type { ParsedInstant } from './time/instant.js';
export { formatInstant, isLocalMidnight, localDayOf, parseInstant, startOfDayMs } from './time/instant.js';
export type { Zone, ZoneClock } from './time/zone-clock.js';
export { createZoneClock } from './time/zone-clock.js';
