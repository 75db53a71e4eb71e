import { z } from 'zod';
import { HolidaySourceSchema, ParameterValueSchema } from './config.js';
import { StatusSchema } from './finding.js';

export type {
  Anchor,
  Check,
  Condition,
  FactSpec,
  Filter,
  LeafCondition,
  Matcher,
  ParameterDefinition,
  PeriodAnchor,
  RuleFile,
  RulesetManifest,
  WorkingDays,
} from './contract.js';

import type { Condition } from './contract.js';

// ---- Event filters -------------------------------------------------------------------------

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/** How one field of an event is matched. A bare value means equality. */
export const MatcherSchema = z.union([
  scalar,
  z.strictObject({ in: z.array(scalar) }),
  z.strictObject({ notIn: z.array(scalar) }),
  z.strictObject({ not: scalar }),
  z
    .strictObject({ exists: z.boolean() })
    .describe('true: the field has a value (null, an empty or a blank string is none); false: it has none'),
  z.strictObject({ includes: scalar }),
  z.strictObject({ includesAny: z.array(scalar) }),
  z.strictObject({ includesAll: z.array(scalar) }),
  z.strictObject({ startsWith: z.string() }),
  z
    .strictObject({ param: z.string() })
    .describe('equality with a list-valued parameter: the field is one of its values'),
]);

const filterLeafShape = {
  use: z.string().optional().describe('a named filter from the ruleset manifest, combined with the rest'),
  type: z.union([z.string(), z.array(z.string()).min(1)]).optional(),
  where: z
    .record(z.string(), MatcherSchema)
    .optional()
    .describe('dotted paths into the event (data.to, actor.role) and how each must match'),
};

/** Which events a fact looks at: a type (or types), field matchers, and alternatives. */
export const FilterSchema = z.strictObject({
  ...filterLeafShape,
  anyOf: z.array(z.strictObject(filterLeafShape)).min(1).optional(),
  not: z.strictObject(filterLeafShape).optional(),
});

/** Instants every case has (or lacks): see `docs/engine.md`. */
export const AnchorSchema = z.enum([
  'receipt',
  'closure',
  'firstDecision',
  'decisionOrClosure',
  'end',
  'outsideRemit',
  'asOf',
  'stage1Start',
  'stage1Response',
  'stage2Start',
  'stage2Response',
]);

/**
 * Instants a rule's findings may be placed in a period by (`periodAnchor`): the case anchors
 * that are events, and the stage anchors of the stage timeline (`mchp-scotland.md`).
 */
export const PERIOD_ANCHORS = [
  'receipt',
  'closure',
  'firstDecision',
  'outsideRemit',
  'stage1Start',
  'stage1Response',
  'stage2Start',
  'stage2Response',
] as const;

/** The instant that places a rule's findings in a period: a named anchor, or the first event matching a filter. */
export const PeriodAnchorSchema = z.union([
  z.enum(PERIOD_ANCHORS),
  z.strictObject({ firstOf: FilterSchema.describe('the first event matching this filter') }),
]);

/** Period outputs a ruleset may offer (`report --period`, `self-assessment`). */
export const PERIOD_OUTPUTS = ['kpi', 'self-assessment'] as const;

/** A number of working days taken from a parameter (by name) or given as a literal. */
export const WorkingDaysSchema = z.union([z.strictObject({ param: z.string() }), z.number().int().min(0)]);

// ---- Fact templates --------------------------------------------------------------------------

const bound = {
  before: AnchorSchema.optional().describe('only events strictly before this anchor'),
  onOrBefore: AnchorSchema.optional().describe('only events at or before this anchor'),
  after: AnchorSchema.optional().describe('only events strictly after this anchor'),
};

const occurrences = z.strictObject({
  template: z.literal('occurrences'),
  filter: FilterSchema,
  ...bound,
});

const chainedTrigger = z.strictObject({
  fromFact: z.string().describe('a responses fact whose items become triggers'),
  states: z.array(z.enum(['met', 'late', 'missing', 'open', 'cancelled'])).min(1),
  at: z.enum(['trigger', 'deadline', 'response']).describe('the instant the chained trigger starts from'),
});

const responses = z.strictObject({
  template: z.literal('responses'),
  trigger: z.union([FilterSchema, chainedTrigger]),
  triggerScope: z
    .enum(['each', 'first'])
    .optional()
    .describe('each matching trigger (default), or only the first'),
  triggerBefore: AnchorSchema.optional().describe('only triggers strictly before this anchor'),
  triggerAfter: AnchorSchema.optional().describe(
    'only triggers strictly after this anchor (none when the case lacks it)',
  ),
  response: FilterSchema,
  correlateBy: z
    .array(z.string())
    .optional()
    .describe('data keys; the first key present on the trigger must have the same value on the response'),
  satisfiedBy: FilterSchema.optional().describe('a trigger matching this needs no response'),
  cancelledBy: FilterSchema.optional().describe(
    'a trigger is set aside (cancelled) when such an event occurs at or before its deadline, or at any time when it has none, unless the trigger was answered before that event: then it is judged as answered',
  ),
  within: z
    .union([
      z.strictObject({ workingDays: WorkingDaysSchema }),
      z.strictObject({ anchor: AnchorSchema, inclusive: z.boolean().optional() }),
      z.strictObject({
        deadlineField: z
          .string()
          .describe('a date (the end of that local day) or a date-time (that instant) on the trigger'),
        otherwiseWorkingDays: WorkingDaysSchema,
      }),
    ])
    .optional()
    .describe('the deadline of each trigger; absent means no deadline (a response by asOf counts)'),
  responseBefore: AnchorSchema.optional().describe('responses count only strictly before this anchor'),
  replyField: z
    .string()
    .optional()
    .describe('a response whose field (data.inReplyTo) names the trigger id answers it before any other'),
  classify: z
    .record(z.string(), FilterSchema)
    .optional()
    .describe('count responses matching each named filter'),
});

const longestGap = z.strictObject({
  template: z.literal('longestGap'),
  from: AnchorSchema,
  until: AnchorSchema,
  marks: FilterSchema,
  interval: WorkingDaysSchema,
});

const timeliness = z.strictObject({
  template: z.literal('timeliness'),
  targets: z.string().describe('a parameter holding working days per complexity'),
  complexity: FilterSchema.describe('events whose data.complexity replaces the complexity'),
  extension: FilterSchema.describe('events whose revised target replaces the deadline'),
  revisedTargetField: z.string(),
  until: AnchorSchema,
});

const stageClock = z.strictObject({
  template: z.literal('stageClock'),
  stage: z.enum(['stage_1', 'stage_2']),
  within: WorkingDaysSchema.describe('the target, in working days from the stage start'),
  cap: WorkingDaysSchema.optional().describe(
    'no extension moves the deadline beyond this many working days from the stage start',
  ),
  extension: FilterSchema.optional().describe(
    'events (within the stage) whose revised date replaces the deadline',
  ),
  revisedTargetField: z.string().optional().describe('default data.revisedTargetAt'),
  answeredBy: FilterSchema.optional().describe(
    'the clock ends at the first such event at or after the stage start (for stage 1, before the stage 2 start), or at the stage response',
  ),
  responseAnswers: z
    .boolean()
    .optional()
    .describe('with answeredBy: whether the stage response also ends the clock (default true)'),
  closedBy: FilterSchema.optional().describe(
    'events within the stage that end it as a closure without a response would (a non-acceptance)',
  ),
  startAtAcknowledgement: z
    .strictObject({ by: FilterSchema, within: WorkingDaysSchema })
    .optional()
    .describe(
      'the clock starts at the local date of the stage acknowledgement (the first such event in the stage, or the stage response), but never later than `within` working days from the stage start',
    ),
  extensionMax: WorkingDaysSchema.optional().describe(
    'working days beyond the original deadline that extensions may run; reported (beyondMax), never enforced',
  ),
  extensionTells: z
    .strictObject({ topics: z.array(z.string()).min(1), sameDay: FilterSchema })
    .optional()
    .describe(
      "topics each extension must cover, in its own data.covers or in that of a `sameDay` event on the extension's local date",
    ),
  updates: z
    .strictObject({ marks: FilterSchema, interval: WorkingDaysSchema })
    .optional()
    .describe(
      'from the first extension to the clock end (or asOf), the longest run without such an event, as longestGap',
    ),
});

const stageResponse = z.strictObject({
  template: z.literal('stageResponse'),
  stage: z.enum(['stage_1', 'stage_2']),
  required: z
    .array(z.string())
    .min(1)
    .optional()
    .describe(
      'topics the stage response covers with the complainant-facing communications of its local date',
    ),
  precededBy: FilterSchema.optional().describe(
    'an event due at or after the stage start and by the stage response',
  ),
  outcomeWithin: WorkingDaysSchema.optional().describe(
    'the stage outcome is recorded while the stage is current, by this many working days after the response',
  ),
});

const notices = z.strictObject({
  template: z.literal('notices'),
  trigger: FilterSchema.describe('what must be explained (a refusal)'),
  beforeStage1Response: z.boolean().optional().describe('only triggers before the stage 1 response'),
  from: z
    .enum(['trigger', 'request'])
    .optional()
    .describe('count from the trigger (default), or from the escalation request it refuses'),
  noticeFrom: z
    .enum(['trigger', 'receipt'])
    .optional()
    .describe('notices count at or after the trigger (default), or at or after the receipt'),
  notice: FilterSchema,
  within: WorkingDaysSchema,
});

const stageConfirmation = z.strictObject({
  template: z.literal('stageConfirmation'),
  stage: z.enum(['stage_1', 'stage_2']),
  deadlineFrom: z
    .string()
    .describe('an earlier stageClock fact of the same stage, whose deadline the confirmation is due by'),
  written: FilterSchema.describe('written complainant-facing communications'),
  required: z
    .union([z.array(z.string()).min(1), z.strictObject({ param: z.string() })])
    .describe('topics the confirmation must cover, or a topics parameter'),
  remedy: z
    .strictObject({ topics: z.array(z.string()).min(1), outcomes: z.array(z.string()) })
    .optional()
    .describe(
      'topics also required when the stage outcome is one of outcomes, or a remedy was recommended in the stage',
    ),
  outstanding: z
    .strictObject({ topics: z.array(z.string()).min(1) })
    .optional()
    .describe('topics also required when a remedy recommended by the response was not yet implemented'),
});

const stageDeciders = z.strictObject({ template: z.literal('stageDeciders') });

const coverage = z.strictObject({
  template: z.literal('coverage'),
  filter: FilterSchema,
  field: z.string(),
  required: z.array(z.string()).min(1),
  ...bound,
});

const precedence = z.strictObject({
  template: z.literal('precedence'),
  trigger: FilterSchema,
  prior: FilterSchema,
  inclusive: z.boolean().optional().describe('a prior at the same instant counts'),
  join: z
    .record(z.string(), z.string())
    .optional()
    .describe('prior field → trigger field that must be equal'),
  joinWhenPresent: z.boolean().optional().describe('apply the join only when the trigger field is present'),
  closerThan: WorkingDaysSchema.optional().describe('only priors fewer than this many working days before'),
});

const conformance = z.strictObject({
  template: z.literal('conformance'),
  items: FilterSchema,
  require: FilterSchema,
  afterEach: z
    .union([FilterSchema, chainedTrigger])
    .optional()
    .describe('judge only items after such an event; `{trigger.<path>}` in require values refers to it'),
  ...bound,
});

const keysCovered = z.strictObject({
  template: z.literal('keysCovered'),
  source: FilterSchema,
  key: z.string(),
  latestWhere: FilterSchema.describe('the latest source event per key must match this'),
  before: AnchorSchema,
  listField: z.string().describe('the field of the anchor event that lists the keys relied on'),
});

const readability = z.strictObject({
  template: z.literal('readability'),
  filter: FilterSchema,
  exclude: FilterSchema.optional(),
  minWords: z.number().int().min(1),
  minScore: z.union([z.number(), z.strictObject({ param: z.string() })]),
});

/** A fact: a named measurement computed by one of the temporal templates (`docs/engine.md`). */
export const FactSpecSchema = z.discriminatedUnion('template', [
  occurrences,
  responses,
  longestGap,
  timeliness,
  stageClock,
  stageResponse,
  notices,
  stageConfirmation,
  stageDeciders,
  coverage,
  precedence,
  conformance,
  keysCovered,
  readability,
]);

// ---- Conditions (json-rules-engine) ---------------------------------------------------------

/** A plain JSONPath into a fact (`$.late`, `$.first.elapsed`): no filters, so every evaluator reads it alike. */
const factPath = z
  .string()
  .regex(/^\$(\.[A-Za-z_][A-Za-z0-9_]*|\[[0-9]+\])*$/, 'must be a plain path such as $.late');

/** Another fact (at a JSONPath) as the value a fact is compared with. */
const factRef = z.strictObject({ fact: z.string(), path: factPath.optional() });

const leafOf = <const O extends readonly [string, ...string[]], V extends z.ZodType>(
  operators: O,
  value: V,
) => z.strictObject({ fact: z.string(), path: factPath.optional(), operator: z.enum(operators), value });

/**
 * A comparison of a fact (at a JSONPath) with a value or another fact, each operator with the
 * values it can compare: equality with a scalar or a fact, order with a number or a fact,
 * membership in a list of scalars, and whether a list fact holds a scalar.
 */
export const LeafConditionSchema = z.union([
  leafOf(['equal', 'notEqual'], z.union([scalar, factRef])),
  leafOf(
    ['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive'],
    z.union([z.number(), factRef]),
  ),
  leafOf(['in', 'notIn'], z.array(scalar)),
  leafOf(['contains', 'doesNotContain'], scalar),
]);

/** Every operator a condition may use. */
export const CONDITION_OPERATORS = LeafConditionSchema.options.flatMap((o) => o.shape.operator.options);

/** json-rules-engine's nested conditions: `all`, `any`, `not`, or a leaf comparison. */
export const ConditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    LeafConditionSchema,
    z.strictObject({ all: z.array(ConditionSchema).min(1) }),
    z.strictObject({ any: z.array(ConditionSchema).min(1) }),
    z.strictObject({ not: ConditionSchema }),
  ]),
);

// ---- Rule files ----------------------------------------------------------------------------

const explanationTemplate = z.string().min(1);

/** One check of a rule: outcomes tried in order (first true wins), else `pass`. */
export const CheckSchema = z.strictObject({
  id: z.string(),
  description: z.string(),
  appliesWhen: ConditionSchema.optional().describe('else this check is not applicable'),
  outcomes: z.array(
    z.strictObject({
      status: z.enum(['fail', 'insufficient_evidence', 'pending']),
      when: ConditionSchema,
      dueAt: z.string().optional().describe('fact.path of the instant a pending outcome falls due'),
      dueBefore: AnchorSchema.optional().describe(
        'for a pending outcome without a date: the anchor it falls due before (the worklist names it)',
      ),
      explain: explanationTemplate
        .optional()
        .describe("this outcome's explanation; else the check's for its status"),
    }),
  ),
  explain: z.partialRecord(StatusSchema, explanationTemplate),
});

/**
 * A rule file: one indicator, in the leaflet's words, with how it is judged.
 *
 * @example
 * RuleFileSchema.parse(JSON.parse(readFileSync('rules/spso-css-0524/1.2.1.json', 'utf8')));
 */
export const RuleFileSchema = z.strictObject({
  $schema: z.string().optional(),
  ref: z.string().regex(/^([0-9]+\.[0-9]+\.[0-9]+|[A-Z][0-9]?\.[0-9]+)$/),
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: z
    .string()
    .min(1)
    .max(60)
    .optional()
    .describe(
      'a short title for tables and headings (a few words); the audit report derives one from id without it',
    ),
  commitment: z.string(),
  standard: z.string(),
  words: z.string().min(1).describe("the leaflet's words, verbatim"),
  description: z.string().min(1).describe('how it is judged, and any judgement call a fair auditor made'),
  parameters: z.array(z.string()),
  facts: z.record(
    z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'a fact name is a word of letters, digits and _'),
    FactSpecSchema,
  ),
  appliesWhen: ConditionSchema.optional(),
  checks: z.array(CheckSchema).min(1),
  periodAnchor: PeriodAnchorSchema.optional().describe(
    "the instant that places this rule's findings in a period (a finding has none when the case lacks it)",
  ),
  explain: z.strictObject({ not_applicable: explanationTemplate.optional() }),
  statuses: z.array(StatusSchema).min(1),
});

/** A parameter's default and where it comes from. */
export const ParameterDefinitionSchema = z.strictObject({
  default: ParameterValueSchema,
  unit: z.enum(['working_days', 'score', 'roles', 'working_days_by_complexity', 'topics', 'percent']),
  basis: z.string(),
});

/** The ruleset manifest (`rules/<ruleset>/ruleset.json`). */
export const RulesetManifestSchema = z.strictObject({
  $schema: z.string().optional(),
  id: z.string(),
  version: z.string(),
  title: z.string(),
  source: z.string(),
  publisher: z.string().optional(),
  commitments: z.array(
    z.strictObject({
      ref: z.string(),
      title: z.string(),
      standards: z.array(
        z.strictObject({ ref: z.string(), title: z.string(), indicators: z.array(z.string()) }),
      ),
    }),
  ),
  parameters: z.record(z.string(), ParameterDefinitionSchema),
  calendar: z.strictObject({
    zone: z.string(),
    holidays: HolidaySourceSchema,
    countReceiptDay: z.boolean(),
    pausesStopClocks: z
      .boolean()
      .optional()
      .describe('paused days are left out of working-day counts (default true)'),
  }),
  filters: z.record(z.string(), FilterSchema),
  rules: z.array(z.string()).min(1).describe('rule files in report order'),
  periodOutputs: z
    .array(z.enum(PERIOD_OUTPUTS))
    .optional()
    .describe('the period outputs this ruleset offers: `kpi` (report --period), `self-assessment`'),
});

export type PeriodOutput = (typeof PERIOD_OUTPUTS)[number];
