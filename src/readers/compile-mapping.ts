import type { InputIssue } from '../model/issues.js';
import type { ActivityRule, IntervalEvent, Mapping } from '../model/mapping.js';
import { compilePattern } from '../model/pattern.js';
import { parseInstant } from '../time/instant.js';
import { createZoneClock, type ZoneClock } from '../time/zone-clock.js';
import type { Positions, RowMarks } from './case-rules.js';
import { compileCondition, conditionColumns, type Row, type RowTest } from './row-conditions.js';
import { cloneJson, define } from './safe-object.js';
import { type TimestampResult, timestampReader } from './timestamp.js';
import { convert, type ValueSpec, valueSpec } from './values.js';

export type { Row } from './row-conditions.js';

/** @internal A row mapped onto the vocabulary, or left out by the filters. */
export type _Mapped =
  | { filtered: true }
  | {
      filtered: false;
      /** Undefined when the case id cell is empty. */
      caseId: string | undefined;
      /** The row's events (several when rules `continue`); empty when the row has problems. */
      events: Record<string, unknown>[];
      /** Case attributes this row carries (undefined when none). */
      attributes: Record<string, unknown> | undefined;
      /** Problems with `path` inside the record (file and line are added by the reader). */
      problems: InputIssue[];
      /** The activity name, when no rule matched it. */
      unmapped: string | undefined;
      /** What the case-level rules would make at this row (when the mapping has any and the row is good). */
      marks: Omit<RowMarks, 'line'> | undefined;
    };

/** @internal A compiled mapping. */
export interface RowMapper {
  readonly mapping: Mapping;
  /** Columns every row needs: case id, activity, timestamp. */
  readonly required: readonly string[];
  /** Every other column the mapping names (event id, resource, attributes, conditions, data). */
  readonly optional: readonly string[];
  /** Prefix of XES trace attribute keys. */
  readonly tracePrefix: string;
  /** The positions of the position rules, when the mapping has case-level rules (else undefined). */
  readonly positions: Positions | undefined;
  /** Maps one row; `path` prefixes the problems' paths (e.g. `['events', 3]` inside an XES trace). */
  map(row: Row, path?: (string | number)[]): _Mapped;
}

/** @internal How one rule (or an interval's end) makes an event from a row. */
interface _Maker {
  type: string;
  data: Record<string, unknown> | undefined;
  fromColumns: [string, ValueSpec][];
  actorRole: string | undefined;
}

interface _Rule extends _Maker {
  matches: (activity: string) => boolean;
  where: RowTest[];
  continues: boolean;
}

const _maker = (r: IntervalEvent | ActivityRule): _Maker => ({
  type: r.type,
  data: r.data,
  fromColumns: Object.entries(r.dataFromColumns ?? {}).map(([field, spec]) => [field, valueSpec(spec)]),
  actorRole: r.actorRole,
});

function _rule(r: ActivityRule): _Rule {
  let matches: (activity: string) => boolean;
  if (r.match === undefined) matches = () => true;
  else if (typeof r.match === 'string') {
    const exact = r.match;
    matches = (a) => a === exact;
  } else {
    const re = compilePattern(r.match.pattern, r.match.ignoreCase === true);
    matches = (a) => re.test(a);
  }
  return {
    ..._maker(r),
    matches,
    where: (r.where ?? []).map(compileCondition),
    continues: r.continue === true,
  };
}

/**
 * @internal The `x-` type an unmapped activity is kept as: `x-` and the activity's name in lower
 * case, accents dropped, runs of anything but letters and digits made one `-`.
 * @example
 * slugify('T02 Check confirmation of receipt'); // 'x-t02-check-confirmation-of-receipt'
 */
export function slugify(activity: string): string {
  const s = activity
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return `x-${s === '' ? 'activity' : s}`;
}

const _CACHE_LIMIT = 10_000;

/** Every column a mapping names besides the case id, activity and timestamp. */
function _optionalColumns(mapping: Mapping, attributeColumns: string[]): string[] {
  const cols = mapping.columns;
  const optional = new Set<string>(attributeColumns);
  if (cols.eventId !== undefined) optional.add(cols.eventId);
  if (cols.resource !== undefined) optional.add(cols.resource);
  const conditions = [
    ...(mapping.filters ?? []),
    ...mapping.activities.flatMap((r) => r.where ?? []),
    ...(mapping.intervals ?? []).map((i) => i.when),
  ];
  for (const c of conditions) for (const column of conditionColumns(c)) optional.add(column);
  const makers = [...mapping.activities, ...(mapping.intervals ?? []).flatMap((i) => [i.start, i.end])];
  for (const m of makers)
    for (const spec of Object.values(m?.dataFromColumns ?? {}))
      optional.add(typeof spec === 'string' ? spec : spec.column);
  for (const c of [cols.caseId, cols.activity, cols.timestamp]) optional.delete(c);
  return [...optional];
}

/**
 * @internal Compiles a mapping (already validated by `MappingSchema`) into a row mapper. Activity
 * rules without a `position` map each row (the first match wins, unless a rule says `continue`);
 * rules with a `position` and the `intervals` are marked on each row and decided per case
 * ({@link caseEvents}).
 * @example
 * const mapper = compileMapping(mapping);
 * const m = mapper.map(new Map([['case:concept:name', 'C1'], ['concept:name', 'Confirmation of receipt'], ['time:timestamp', '2024-05-01T09:00:00Z']]));
 */
export function compileMapping(mapping: Mapping): RowMapper {
  const cols = mapping.columns;
  const readInstant = timestampReader({
    formats: mapping.timestampFormats,
    zone: mapping.zone,
    locale: mapping.timestampLocale,
  });
  const filters = (mapping.filters ?? []).map(compileCondition);
  const rules = mapping.activities.filter((r) => r.position === undefined).map(_rule);
  const positional = mapping.activities.filter((r) => r.position !== undefined);
  const positionRules = positional.map(_rule);
  const intervals = (mapping.intervals ?? []).map((i) => ({
    when: compileCondition(i.when),
    start: _maker(i.start),
    end: i.end === undefined ? undefined : _maker(i.end),
  }));
  const caseLevel = positional.length > 0 || intervals.length > 0;
  const attributes = Object.entries(mapping.caseAttributes ?? {}).map(([column, spec]) => {
    const name = typeof spec === 'string' ? spec : spec.name;
    const value = valueSpec(typeof spec === 'string' ? column : { ...spec, column });
    return { name, spec: value };
  });
  const keepUnmapped = mapping.unmapped !== 'reject';
  const candidates = new Map<string, number[]>();
  const candidatesOf = (activity: string): number[] => {
    let list = candidates.get(activity);
    if (list === undefined) {
      list = [];
      for (let i = 0; i < rules.length; i++) if (rules[i]?.matches(activity)) list.push(i);
      if (candidates.size >= _CACHE_LIMIT) candidates.clear();
      candidates.set(activity, list);
    }
    return list;
  };
  const zone = createZoneClock(mapping.zone ?? 'UTC');

  return {
    mapping,
    required: [cols.caseId, cols.activity, cols.timestamp],
    optional: _optionalColumns(
      mapping,
      attributes.map((a) => a.spec.column),
    ),
    tracePrefix: mapping.xes?.traceAttributePrefix ?? 'case:',
    positions: caseLevel ? positional.map((r) => r.position as 'first' | 'last') : undefined,
    map(row, path = []) {
      for (const f of filters) if (!f(row)) return { filtered: true };
      const problems: InputIssue[] = [];
      const problem = (code: string, column: string, message: string) =>
        problems.push({ code, path: [...path, column], message });

      const caseId = (row.get(cols.caseId) ?? '').trim() || undefined;
      if (caseId === undefined) problem('missing_value', cols.caseId, 'the case id is empty');
      const activity = (row.get(cols.activity) ?? '').trim();
      if (activity === '') problem('missing_value', cols.activity, 'the activity is empty');
      const rawAt = (row.get(cols.timestamp) ?? '').trim();
      let at: string | undefined;
      if (rawAt === '') problem('missing_value', cols.timestamp, 'the timestamp is empty');
      else {
        const r = readInstant(rawAt);
        if ('error' in r) problem('invalid_instant', cols.timestamp, r.error);
        else at = r.value;
      }

      let attrs: Record<string, unknown> | undefined;
      for (const a of attributes) {
        const r = convert(row.get(a.spec.column), a.spec, readInstant);
        if (r.error !== undefined) problem('invalid_value', a.spec.column, r.error);
        else if ('value' in r) {
          attrs ??= {};
          define(attrs, a.name, r.value);
        }
      }

      const matched: _Rule[] = [];
      let unmapped: string | undefined;
      if (activity !== '') {
        for (const i of candidatesOf(activity)) {
          const r = rules[i];
          if (r === undefined || !r.where.every((w) => w(row))) continue;
          matched.push(r);
          if (!r.continues) break;
        }
        if (matched.length === 0) {
          unmapped = activity;
          if (!keepUnmapped) {
            problem(
              'unmapped_activity',
              cols.activity,
              `no activity rule of the mapping matches "${activity}"`,
            );
          }
        }
      }
      const ctx: _MakeContext = {
        row,
        at,
        readInstant,
        problem,
        eventId: _cell(row, cols.eventId),
        resource: _cell(row, cols.resource),
      };
      // Several events of one row: the second and later get the row's id with `/2`, `/3`, ...
      const events: Record<string, unknown>[] =
        matched.length > 0
          ? matched.map((r, k) =>
              _make(r, k === 0 || ctx.eventId === '' ? ctx : { ...ctx, eventId: `${ctx.eventId}/${k + 1}` }),
            )
          : activity !== ''
            ? [
                _make(
                  { type: slugify(activity), data: { activity }, fromColumns: [], actorRole: undefined },
                  ctx,
                ),
              ]
            : [];
      const marks =
        caseLevel && at !== undefined
          ? _marks(_orderMs(at, zone), events, activity, positionRules, intervals, { ...ctx, eventId: '' })
          : undefined;
      if (problems.length > 0 || at === undefined) {
        return {
          filtered: false,
          caseId,
          events: [],
          attributes: attrs,
          problems,
          unmapped,
          marks: undefined,
        };
      }
      return { filtered: false, caseId, events, attributes: attrs, problems, unmapped, marks };
    },
  };
}

/** What making an event needs from its row. */
interface _MakeContext {
  row: Row;
  at: string | undefined;
  readInstant: (raw: string) => TimestampResult;
  problem: (code: string, column: string, message: string) => void;
  /** The row's event id ('' when none: events made by case-level rules get derived ids). */
  eventId: string;
  resource: string;
}

/** A cell's text, trimmed ('' when the mapping names no column). */
const _cell = (row: Row, column: string | undefined) =>
  column === undefined ? '' : (row.get(column) ?? '').trim();

/**
 * What the case-level rules would make at a row: each position rule's event when the row matches
 * it, and for each interval whether the row is inside and the event made if one starts or ends
 * here. Events made here get derived ids (the row's id is its own events').
 */
function _marks(
  atMs: number,
  events: Record<string, unknown>[],
  activity: string,
  positionRules: readonly _Rule[],
  intervals: readonly { when: RowTest; start: _Maker; end: _Maker | undefined }[],
  ctx: _MakeContext,
): Omit<RowMarks, 'line'> {
  return {
    atMs,
    events,
    positional: positionRules.map((r) =>
      activity !== '' && r.matches(activity) && r.where.every((w) => w(ctx.row)) ? _make(r, ctx) : undefined,
    ),
    intervals: intervals.map((i) => {
      const inside = i.when(ctx.row);
      const end = inside ? i.start : i.end;
      return { inside, event: end === undefined ? undefined : _make(end, ctx) };
    }),
  };
}

/** An event of one rule from one row: id, type, at, actor, data (fixed, then from columns). */
function _make(m: _Maker, ctx: _MakeContext): Record<string, unknown> {
  let data: Record<string, unknown> | undefined;
  if (m.data !== undefined) data = cloneJson(m.data);
  for (const [field, spec] of m.fromColumns) {
    const r = convert(ctx.row.get(spec.column), spec, ctx.readInstant);
    if (r.error !== undefined) ctx.problem('invalid_value', spec.column, r.error);
    else if ('value' in r) {
      data ??= {};
      define(data, field, r.value);
    }
  }
  const event: Record<string, unknown> = {};
  if (ctx.eventId !== '') event.id = ctx.eventId;
  event.type = m.type;
  event.at = ctx.at;
  if (ctx.resource !== '' || m.actorRole !== undefined) {
    const actor: Record<string, unknown> = {};
    if (m.actorRole !== undefined) actor.role = m.actorRole;
    if (ctx.resource !== '') actor.id = ctx.resource;
    event.actor = actor;
  }
  if (data !== undefined) event.data = data;
  return event;
}

/** The instant of a mapped `at` for ordering a case's rows (naive times in `zone`). */
function _orderMs(at: string, zone: ZoneClock): number {
  const r = parseInstant(at, zone);
  return 'error' in r ? 0 : r.epochMs;
}
