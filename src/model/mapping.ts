import { IANAZone } from 'luxon';
import { z } from 'zod';
import { HolidayTypeSchema } from './config.js';
import type { Mapping } from './contract.js';
import { EVENT_DATA_SCHEMAS, EventTypeSchema } from './event.js';
import { patternProblem } from './pattern.js';

export type {
  ActivityRule,
  CaseAttributeSpec,
  ColumnValue,
  Interval,
  IntervalEvent,
  Mapping,
  MappingCalendar,
  RowFilter,
  ValueKind,
} from './contract.js';

/**
 * The mapping of a CSV or XES export onto the event vocabulary (`events.md`, "Mapping an export
 * onto this vocabulary"). Transform-free, so that `z.toJSONSchema(MappingSchema)` gives the schema
 * editors use; refinements (regular expressions compile, zones exist, fixed `data` fits its type)
 * are checked by zod only.
 */

/** A column of a CSV header, or an XES attribute key (trace keys carry the trace prefix, `case:`). */
const ColumnSchema = z
  .string()
  .min(1)
  .describe('a CSV column, or an XES key (trace keys prefixed, e.g. case:concept:name)');

/**
 * A regular expression in RE2 syntax, e.g. `^T09-\\d+ `; unanchored unless you anchor it. Matched
 * in linear time, so no pattern can hang a run.
 */
const RegexSourceSchema = z
  .string()
  .min(1)
  .superRefine((source, ctx) => {
    const problem = patternProblem(source);
    if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
  })
  .describe(
    'a regular expression, RE2 syntax (no look-around or back-references; unanchored: use ^ and $ to match the whole value)',
  );

const _filterNot = z
  .boolean()
  .optional()
  .describe('true turns the condition round: it holds when it would not');

/** Fixed `data` given for a canonical type must fit that type's data (in part: the rest may come from columns). */
function _dataFitsType(
  spec: { type: string; data?: Record<string, unknown> | undefined },
  ctx: z.RefinementCtx,
): void {
  const schema = Object.hasOwn(EVENT_DATA_SCHEMAS, spec.type)
    ? EVENT_DATA_SCHEMAS[spec.type as keyof typeof EVENT_DATA_SCHEMAS]
    : undefined;
  if (schema === undefined || spec.data === undefined) return;
  const parsed = schema.partial().safeParse(spec.data);
  if (parsed.success) return;
  for (const issue of parsed.error.issues) {
    ctx.addIssue({
      code: 'custom',
      path: ['data', ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))],
      message: `does not fit a ${spec.type} event: ${issue.message}`,
    });
  }
}

/**
 * A condition on a row: on one column (a missing column reads as the empty string), or on several
 * at once (`all`: each holds; `any`: at least one holds). Rows failing a mapping's `filters` are
 * left out (and counted); `where` and `when` use the same conditions.
 *
 * @example
 * RowFilterSchema.parse({ column: 'lifecycle:transition', equals: 'complete' });
 * RowFilterSchema.parse({ any: [{ column: 'status', equals: 'Wait' }, { column: 'sub', pattern: '^Wait' }] });
 */
export const RowFilterSchema = z.union([
  z.strictObject({ column: ColumnSchema, equals: z.string(), not: _filterNot }),
  z.strictObject({ column: ColumnSchema, in: z.array(z.string()).min(1), not: _filterNot }),
  z.strictObject({ column: ColumnSchema, pattern: RegexSourceSchema, not: _filterNot }),
  z.strictObject({
    get all(): z.ZodArray<typeof RowFilterSchema> {
      return z.array(RowFilterSchema).min(1).describe('conditions that must all hold');
    },
    not: _filterNot,
  }),
  z.strictObject({
    get any(): z.ZodArray<typeof RowFilterSchema> {
      return z.array(RowFilterSchema).min(1).describe('conditions of which at least one must hold');
    },
    not: _filterNot,
  }),
]);

/**
 * How a cell is converted: text (default), a number, a boolean, an instant, or a list.
 * @example
 * ValueKindSchema.parse('instant');
 */
export const ValueKindSchema = z.enum(['string', 'number', 'boolean', 'instant', 'list']);

const _valueOptions = {
  as: ValueKindSchema.optional().describe('conversion of the cell (default string)'),
  separator: z.string().min(1).optional().describe('between the items of a list (default ";")'),
  values: z
    .record(z.string(), z.unknown())
    .optional()
    .describe('translates cell values (each list item) to values; cells not listed are left out'),
};

/**
 * Where one `data` field comes from: a column name, or a column with a conversion.
 *
 * @example
 * ColumnValueSchema.parse({ column: 'case:channel', values: { Internet: 'web', Post: 'letter' } });
 */
export const ColumnValueSchema = z.union([
  ColumnSchema,
  z.strictObject({ column: ColumnSchema, ..._valueOptions }),
]);

/**
 * A case attribute taken from a column: the attribute's name, or a name with a conversion.
 *
 * @example
 * CaseAttributeSchema.parse({ name: 'deadline', as: 'instant' });
 */
export const CaseAttributeSchema = z.union([
  z.string().min(1),
  z.strictObject({ name: z.string().min(1), ..._valueOptions }),
]);

/**
 * An activity name: matched exactly, or by a regular expression.
 * @example
 * ActivityMatchSchema.parse({ pattern: '^T09-\\d+ ', ignoreCase: true });
 */
export const ActivityMatchSchema = z.union([
  z.string().min(1).describe('the exact activity name'),
  z.strictObject({ pattern: RegexSourceSchema, ignoreCase: z.boolean().optional() }),
]);

/**
 * One activity rule: the activities it matches (any, when `match` is left out; and optional
 * extra row conditions), the event type they become, fixed `data`, `data` fields taken from
 * columns, and the actor's role. The first rule that matches a row wins, unless it says
 * `continue` (then later rules may add events of the same row). A rule with a `position` makes
 * one event per case, at the first (or last) row it matches, besides what the row makes.
 *
 * @example
 * ActivityRuleSchema.parse({
 *   match: 'T05 Print and send confirmation of receipt',
 *   type: 'communication.sent',
 *   data: { to: 'complainant', covers: ['acknowledgement', 'complaints_procedure'] },
 * });
 */
export const ActivityRuleSchema = z
  .strictObject({
    match: ActivityMatchSchema.optional().describe('the activities it applies to (default: any)'),
    position: z
      .enum(['first', 'last'])
      .optional()
      .describe(
        "one event per case, at the case's first (or last) row that this rule matches, in time order; the row is still mapped by the other rules",
      ),
    continue: z
      .boolean()
      .optional()
      .describe(
        'after this rule makes its event, later rules are tried too: one row can make several events',
      ),
    where: z
      .array(RowFilterSchema)
      .optional()
      .describe('further conditions on the row, all of which must hold'),
    type: EventTypeSchema,
    data: z.record(z.string(), z.unknown()).optional().describe('fixed data of every event this rule makes'),
    dataFromColumns: z
      .record(z.string(), ColumnValueSchema)
      .optional()
      .describe('data fields read from columns: { field: column }; empty cells are left out'),
    actorRole: z.string().min(1).optional().describe('actor.role of the event (complainant, staff, ...)'),
    description: z.string().optional().describe('why this mapping: for the people who read it'),
  })
  .superRefine(_dataFitsType);

/**
 * An event an interval makes at one of its ends: the type, fixed `data`, `data` from the columns
 * of the row at that end, and the actor's role.
 *
 * @example
 * IntervalEventSchema.parse({ type: 'case.paused', data: { reason: 'awaiting_complainant' } });
 */
export const IntervalEventSchema = z
  .strictObject({
    type: EventTypeSchema,
    data: z.record(z.string(), z.unknown()).optional().describe('fixed data of the event'),
    dataFromColumns: z
      .record(z.string(), ColumnValueSchema)
      .optional()
      .describe('data fields read from the row at this end: { field: column }'),
    actorRole: z.string().min(1).optional().describe('actor.role of the event'),
  })
  .superRefine(_dataFitsType);

/**
 * A status that holds from the row where `when` starts to hold until the next row of the case
 * (in time order) where it does not: `start` is made at the first row, `end` at the row that
 * ends it (none while the case ends inside the interval). For waits and pauses recorded as a
 * status column.
 *
 * @example
 * IntervalSchema.parse({
 *   when: { column: 'lifecycle:transition', in: ['Wait - User', 'Wait - Customer'] },
 *   start: { type: 'case.paused', data: { reason: 'awaiting_complainant' } },
 *   end: { type: 'case.resumed' },
 * });
 */
export const IntervalSchema = z.strictObject({
  when: RowFilterSchema.describe('the condition that holds on every row inside the interval'),
  start: IntervalEventSchema.describe('the event made where the interval starts'),
  end: IntervalEventSchema.optional().describe('the event made at the first row after it (none: no event)'),
  description: z.string().optional().describe('why: for the people who read the mapping'),
});

/**
 * The working calendar the log's cases are judged on, carried by the mapping (a run config's
 * own `zone` and `calendar` take precedence): the zone whose local days count, the date-holidays
 * country, state and region, and the kinds of day that are holidays.
 *
 * @example
 * MappingCalendarSchema.parse({ zone: 'Europe/Stockholm', country: 'SE', holidayTypes: ['public', 'bank'] });
 */
export const MappingCalendarSchema = z.strictObject({
  zone: z
    .string()
    .refine((zone) => IANAZone.isValidZone(zone), 'is not a known IANA time zone (e.g. Europe/Stockholm)')
    .optional()
    .describe('the zone whose local days are counted'),
  country: z.string().min(2).optional().describe('date-holidays country code, e.g. SE'),
  state: z.string().optional().describe('date-holidays state or region code inside the country'),
  region: z.string().optional().describe('date-holidays region code inside the state'),
  holidayTypes: z
    .array(HolidayTypeSchema)
    .min(1)
    .optional()
    .describe('kinds of date-holidays day that are holidays (default ["public"])'),
});

/**
 * A mapping file: which columns (or XES keys) hold the case id, activity, timestamp, event id and
 * resource; case attributes; timestamp formats and the zone of naive timestamps; row filters; the
 * activity rules; and what happens to activities no rule matches (`keep`: an `x-<slug>` event,
 * counted in the run's `unmappedActivities`; `reject`: the case is rejected).
 *
 * One mapping reads a CSV and the XES of the same log: an XES trace attribute `k` is read as the
 * column `<xes.traceAttributePrefix>k` (default `case:`, the pm4py convention), event keys as is.
 *
 * @example
 * MappingSchema.parse({
 *   columns: { caseId: 'case:concept:name', activity: 'concept:name', timestamp: 'time:timestamp' },
 *   activities: [{ match: 'Confirmation of receipt', type: 'complaint.received' }],
 * });
 */
export const MappingSchema = z.strictObject({
  $schema: z.string().optional(),
  description: z.string().optional(),
  columns: z.strictObject({
    caseId: ColumnSchema.describe('the case id'),
    activity: ColumnSchema.describe('the activity name, matched by the activity rules'),
    timestamp: ColumnSchema.describe('when it happened'),
    eventId: ColumnSchema.optional().describe('a unique id of the event within its case (else derived)'),
    resource: ColumnSchema.optional().describe('who did it: becomes actor.id'),
  }),
  caseAttributes: z
    .record(z.string(), CaseAttributeSchema)
    .optional()
    .describe('{ column: attribute name }: case attributes, from the first row of the case that has a value'),
  timestampFormats: z
    .array(z.string().min(1))
    .min(1)
    .optional()
    .describe('tried in order: "iso" (ISO 8601, the default) or a luxon format such as "dd-MM-yyyy HH:mm"'),
  timestampLocale: z
    .string()
    .min(2)
    .optional()
    .describe('locale of month and day names in luxon formats (default en)'),
  zone: z
    .string()
    .refine((zone) => IANAZone.isValidZone(zone), 'is not a known IANA time zone (e.g. Europe/London)')
    .optional()
    .describe(
      'zone of naive date-times: they become absolute instants (else the run config zone reads them)',
    ),
  filters: z
    .array(RowFilterSchema)
    .optional()
    .describe('rows must pass all of these; the rest are left out and counted'),
  activities: z.array(ActivityRuleSchema).describe('activity rules, first match wins'),
  intervals: z
    .array(IntervalSchema)
    .optional()
    .describe('statuses that hold until the next different one: events at both ends (pauses, waits)'),
  calendar: MappingCalendarSchema.optional().describe(
    "the working calendar of the log (the run config's zone and calendar take precedence)",
  ),
  unmapped: z
    .enum(['keep', 'reject'])
    .optional()
    .describe('activities no rule matches: keep as x-<slug> events (default, counted) or reject the case'),
  xes: z
    .strictObject({
      traceAttributePrefix: z
        .string()
        .optional()
        .describe('prefix of trace attribute keys (default "case:")'),
    })
    .optional(),
  csv: z
    .strictObject({
      delimiter: z.string().min(1).optional().describe('field delimiter (default ",")'),
      encoding: z.enum(['utf8', 'latin1', 'utf16le']).optional().describe('text encoding (default utf8)'),
    })
    .optional(),
});

/**
 * The mapping used for CSV and XES inputs when none is given: the XES standard keys (and pm4py's
 * CSV columns), every activity kept as an `x-` event.
 *
 * @example
 * DEFAULT_MAPPING.columns.caseId; // 'case:concept:name'
 */
export const DEFAULT_MAPPING: Mapping = Object.freeze({
  columns: Object.freeze({
    caseId: 'case:concept:name',
    activity: 'concept:name',
    timestamp: 'time:timestamp',
    resource: 'org:resource',
  }),
  activities: Object.freeze([]) as unknown as Mapping['activities'],
}) as Mapping;
