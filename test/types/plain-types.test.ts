/**
 * The plain types of the public contract (src/model/contract.ts, generated from the zod schemas)
 * equal what zod infers from each schema, so they cannot drift: `npm run typecheck` (CI) fails
 * on any difference. A misspelt type or field failing to compile is contract-types.test.ts.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import { PLAIN_TYPES } from '../../scripts/plain-types.js';
import type * as Main from '../../src/index.js';
import type { CaseAttributesSchema, CaseSchema } from '../../src/model/case.js';
import type {
  CalendarConfigSchema,
  ConfigSchema,
  HolidaySourceSchema,
  HolidayTypeSchema,
  ParameterValueSchema,
} from '../../src/model/config.js';
import type * as T from '../../src/model/contract.js';
import type {
  ActorSchema,
  BaseEventSchema,
  EVENT_DATA_SCHEMAS,
  EventFieldsSchema,
} from '../../src/model/event.js';
import type {
  AppliedReviewSchema,
  BaselineStateSchema,
  CaseResultSchema,
  FindingSchema,
  ReviewedStatusSchema,
  StatusCountsSchema,
  StatusSchema,
} from '../../src/model/finding.js';
import type {
  ActivityRuleSchema,
  CaseAttributeSchema,
  ColumnValueSchema,
  IntervalEventSchema,
  IntervalSchema,
  MappingCalendarSchema,
  MappingSchema,
  RowFilterSchema,
  ValueKindSchema,
} from '../../src/model/mapping.js';
import type { ReportMetaSchema, ReportSchema } from '../../src/model/report.js';
import type { ReviewFileSchema, ReviewSchema } from '../../src/model/review.js';
import type {
  AnchorSchema,
  CheckSchema,
  ConditionSchema,
  FactSpecSchema,
  FilterSchema,
  LeafConditionSchema,
  MatcherSchema,
  ParameterDefinitionSchema,
  PeriodAnchorSchema,
  RuleFileSchema,
  RulesetManifestSchema,
  WorkingDaysSchema,
} from '../../src/model/rule.js';
import type { BaselineSummarySchema, ReviewedSummarySchema, SummarySchema } from '../../src/model/summary.js';
import type { PeriodSchema } from '../../src/period/period.js';
import type { NdjsonRecordSchema } from '../../src/reporters/ndjson.js';
import type {
  RowLogSchema,
  SelfAssessmentResultSchema,
  SelfAssessmentRowSchema,
  SelfAssessmentSchema,
  SelfAssessmentSummarySchema,
} from '../../src/self-assessment/document.js';
import type { ProvisionListSchema, ProvisionSchema } from '../../src/self-assessment/provisions.js';
import type {
  ComplySchema,
  StatementSchema,
  StatementsFileSchema,
} from '../../src/self-assessment/statements.js';

describe('the plain types', () => {
  it("equal each schema's z.infer", () => {
    expectTypeOf<T.Status>().toEqualTypeOf<z.infer<typeof StatusSchema>>();
    expectTypeOf<T.ReviewedStatus>().toEqualTypeOf<z.infer<typeof ReviewedStatusSchema>>();
    expectTypeOf<T.AppliedReview>().toEqualTypeOf<z.infer<typeof AppliedReviewSchema>>();
    expectTypeOf<T.BaselineState>().toEqualTypeOf<z.infer<typeof BaselineStateSchema>>();
    expectTypeOf<T.Finding>().toEqualTypeOf<z.infer<typeof FindingSchema>>();
    expectTypeOf<T.CaseResult>().toEqualTypeOf<z.infer<typeof CaseResultSchema>>();
    expectTypeOf<T.StatusCounts>().toEqualTypeOf<z.infer<typeof StatusCountsSchema>>();
    expectTypeOf<T.ReviewedSummary>().toEqualTypeOf<z.infer<typeof ReviewedSummarySchema>>();
    expectTypeOf<T.BaselineSummary>().toEqualTypeOf<z.infer<typeof BaselineSummarySchema>>();
    expectTypeOf<T.Summary>().toEqualTypeOf<z.infer<typeof SummarySchema>>();
    expectTypeOf<T.ReportMeta>().toEqualTypeOf<z.infer<typeof ReportMetaSchema>>();
    expectTypeOf<T.Report>().toEqualTypeOf<z.infer<typeof ReportSchema>>();
    expectTypeOf<T.NdjsonRecord>().toEqualTypeOf<z.infer<typeof NdjsonRecordSchema>>();
    expectTypeOf<T.Review>().toEqualTypeOf<z.infer<typeof ReviewSchema>>();
    expectTypeOf<T.ReviewFile>().toEqualTypeOf<z.infer<typeof ReviewFileSchema>>();
    expectTypeOf<T.CaseAttributes>().toEqualTypeOf<z.infer<typeof CaseAttributesSchema>>();
    expectTypeOf<T.EventActor>().toEqualTypeOf<z.infer<typeof ActorSchema>>();
    expectTypeOf<T.EventFields>().toEqualTypeOf<z.infer<typeof EventFieldsSchema>>();
    expectTypeOf<T.CaseEventInput>().toEqualTypeOf<z.infer<typeof BaseEventSchema>>();
    expectTypeOf<T.HolidaySourceConfig>().toEqualTypeOf<z.infer<typeof HolidaySourceSchema>>();
    expectTypeOf<T.HolidayType>().toEqualTypeOf<z.infer<typeof HolidayTypeSchema>>();
    expectTypeOf<T.CalendarConfig>().toEqualTypeOf<z.infer<typeof CalendarConfigSchema>>();
    expectTypeOf<T.ParameterValue>().toEqualTypeOf<z.infer<typeof ParameterValueSchema>>();
    expectTypeOf<T.Config>().toEqualTypeOf<z.infer<typeof ConfigSchema>>();
    expectTypeOf<T.ValueKind>().toEqualTypeOf<z.infer<typeof ValueKindSchema>>();
    expectTypeOf<T.RowFilter>().toEqualTypeOf<z.infer<typeof RowFilterSchema>>();
    expectTypeOf<T.ColumnValue>().toEqualTypeOf<z.infer<typeof ColumnValueSchema>>();
    expectTypeOf<T.CaseAttributeSpec>().toEqualTypeOf<z.infer<typeof CaseAttributeSchema>>();
    expectTypeOf<T.ActivityRule>().toEqualTypeOf<z.infer<typeof ActivityRuleSchema>>();
    expectTypeOf<T.IntervalEvent>().toEqualTypeOf<z.infer<typeof IntervalEventSchema>>();
    expectTypeOf<T.Interval>().toEqualTypeOf<z.infer<typeof IntervalSchema>>();
    expectTypeOf<T.MappingCalendar>().toEqualTypeOf<z.infer<typeof MappingCalendarSchema>>();
    expectTypeOf<T.Mapping>().toEqualTypeOf<z.infer<typeof MappingSchema>>();
    expectTypeOf<T.Matcher>().toEqualTypeOf<z.infer<typeof MatcherSchema>>();
    expectTypeOf<T.Filter>().toEqualTypeOf<z.infer<typeof FilterSchema>>();
    expectTypeOf<T.Anchor>().toEqualTypeOf<z.infer<typeof AnchorSchema>>();
    expectTypeOf<T.PeriodAnchor>().toEqualTypeOf<z.infer<typeof PeriodAnchorSchema>>();
    expectTypeOf<T.WorkingDays>().toEqualTypeOf<z.infer<typeof WorkingDaysSchema>>();
    expectTypeOf<T.FactSpec>().toEqualTypeOf<z.infer<typeof FactSpecSchema>>();
    expectTypeOf<T.LeafCondition>().toEqualTypeOf<z.infer<typeof LeafConditionSchema>>();
    expectTypeOf<T.Condition>().toEqualTypeOf<z.infer<typeof ConditionSchema>>();
    expectTypeOf<T.Check>().toEqualTypeOf<z.infer<typeof CheckSchema>>();
    expectTypeOf<T.RuleFile>().toEqualTypeOf<z.infer<typeof RuleFileSchema>>();
    expectTypeOf<T.ParameterDefinition>().toEqualTypeOf<z.infer<typeof ParameterDefinitionSchema>>();
    expectTypeOf<T.RulesetManifest>().toEqualTypeOf<z.infer<typeof RulesetManifestSchema>>();
    expectTypeOf<T.Period>().toEqualTypeOf<z.infer<typeof PeriodSchema>>();
    expectTypeOf<T.Comply>().toEqualTypeOf<z.infer<typeof ComplySchema>>();
    expectTypeOf<T.Statement>().toEqualTypeOf<z.infer<typeof StatementSchema>>();
    expectTypeOf<T.StatementsFile>().toEqualTypeOf<z.infer<typeof StatementsFileSchema>>();
    expectTypeOf<T.Provision>().toEqualTypeOf<z.infer<typeof ProvisionSchema>>();
    expectTypeOf<T.ProvisionList>().toEqualTypeOf<z.infer<typeof ProvisionListSchema>>();
    expectTypeOf<T.RowLog>().toEqualTypeOf<z.infer<typeof RowLogSchema>>();
    expectTypeOf<T.SelfAssessmentRow>().toEqualTypeOf<z.infer<typeof SelfAssessmentRowSchema>>();
    expectTypeOf<T.SelfAssessmentSummary>().toEqualTypeOf<z.infer<typeof SelfAssessmentSummarySchema>>();
    expectTypeOf<T.SelfAssessmentResult>().toEqualTypeOf<z.infer<typeof SelfAssessmentResultSchema>>();
    expectTypeOf<T.SelfAssessment>().toEqualTypeOf<z.infer<typeof SelfAssessmentSchema>>();
    expect(Object.keys(PLAIN_TYPES)).toHaveLength(56);
  });

  it("give each event type's data as its schema takes it (z.input)", () => {
    expectTypeOf<T.EventDataMap>().toEqualTypeOf<{
      -readonly [K in keyof typeof EVENT_DATA_SCHEMAS]: z.input<(typeof EVENT_DATA_SCHEMAS)[K]>;
    }>();
    expectTypeOf<Main.EventData<'decision.issued'>>().toEqualTypeOf<
      z.input<(typeof EVENT_DATA_SCHEMAS)['decision.issued']>
    >();
  });

  it('make every typed case one the case schema accepts', () => {
    // Field by field: CaseInput's events are a readonly list, which the schema reads the same.
    expectTypeOf<Main.CaseInput['caseId']>().toEqualTypeOf<z.input<typeof CaseSchema>['caseId']>();
    expectTypeOf<Main.CaseInput['attributes']>().toEqualTypeOf<z.input<typeof CaseSchema>['attributes']>();
    expectTypeOf<Main.CaseInput['events'][number]>().toExtend<z.input<typeof CaseSchema>['events'][number]>();
    expectTypeOf<Main.HistoryEvent>().toExtend<z.input<typeof BaseEventSchema>>();
    expectTypeOf<Main.CanonicalEvent<'communication.sent'>['data']>().toEqualTypeOf<
      z.input<(typeof EVENT_DATA_SCHEMAS)['communication.sent']> | undefined
    >();
  });

  it('are the types the main entry exports', () => {
    expectTypeOf<Main.Finding>().toEqualTypeOf<z.infer<typeof FindingSchema>>();
    expectTypeOf<Main.Report>().toEqualTypeOf<z.infer<typeof ReportSchema>>();
    expectTypeOf<Main.Summary>().toEqualTypeOf<z.infer<typeof SummarySchema>>();
    expectTypeOf<Main.Config>().toEqualTypeOf<z.infer<typeof ConfigSchema>>();
    expectTypeOf<Main.Mapping>().toEqualTypeOf<z.infer<typeof MappingSchema>>();
    expectTypeOf<Main.RuleFile>().toEqualTypeOf<z.infer<typeof RuleFileSchema>>();
  });
});
