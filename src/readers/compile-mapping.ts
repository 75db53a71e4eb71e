import type { InputIssue } from '../model/issues.js';
import type { ActivityRule, Mapping, RowFilter } from '../model/mapping.js';
import { compilePattern } from '../model/pattern.js';
import { cloneJson, define } from './safe-object.js';
import { timestampReader } from './timestamp.js';
import { convert, type ValueSpec, valueSpec } from './values.js';

/** @internal A row of a CSV file or a flattened XES event: cells by column. */
export interface Row {
  get(column: string): string | undefined;
}

/** @internal A row mapped onto the vocabulary, or left out by the filters. */
export type _Mapped =
  | { filtered: true }
  | {
      filtered: false;
      /** Undefined when the case id cell is empty. */
      caseId: string | undefined;
      /** The event; undefined when the row has problems. */
      event: Record<string, unknown> | undefined;
      /** Case attributes this row carries (undefined when none). */
      attributes: Record<string, unknown> | undefined;
      /** Problems with `path` inside the record (file and line are added by the reader). */
      problems: InputIssue[];
      /** The activity name, when no rule matched it. */
      unmapped: string | undefined;
    };

/** @internal A compiled mapping. */
export interface RowMapper {
  readonly mapping: Mapping;
  /** Columns every row needs: case id, activity, timestamp. */
  readonly required: readonly string[];
  /** Every other column the mapping names (event id, resource, attributes, filters, data). */
  readonly optional: readonly string[];
  /** Prefix of XES trace attribute keys. */
  readonly tracePrefix: string;
  /** Maps one row; `path` prefixes the problems' paths (e.g. `['events', 3]` inside an XES trace). */
  map(row: Row, path?: (string | number)[]): _Mapped;
}

type _Test = (row: Row) => boolean;

function _filter(f: RowFilter): _Test {
  let test: (value: string) => boolean;
  if ('equals' in f) {
    const equals = f.equals;
    test = (v) => v === equals;
  } else if ('in' in f) {
    const set = new Set(f.in);
    test = (v) => set.has(v);
  } else {
    const re = compilePattern(f.pattern);
    test = (v) => re.test(v);
  }
  const column = f.column;
  return f.not === true ? (row) => !test(row.get(column) ?? '') : (row) => test(row.get(column) ?? '');
}

interface _Rule {
  matches: (activity: string) => boolean;
  where: _Test[];
  type: string;
  data: Record<string, unknown> | undefined;
  fromColumns: [string, ValueSpec][];
  actorRole: string | undefined;
}

function _rule(r: ActivityRule): _Rule {
  let matches: (activity: string) => boolean;
  if (typeof r.match === 'string') {
    const exact = r.match;
    matches = (a) => a === exact;
  } else {
    const re = compilePattern(r.match.pattern, r.match.ignoreCase === true);
    matches = (a) => re.test(a);
  }
  return {
    matches,
    where: (r.where ?? []).map(_filter),
    type: r.type,
    data: r.data,
    fromColumns: Object.entries(r.dataFromColumns ?? {}).map(([field, spec]) => [field, valueSpec(spec)]),
    actorRole: r.actorRole,
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

/**
 * @internal Compiles a mapping (already validated by `MappingSchema`) into a row mapper.
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
  const filters = (mapping.filters ?? []).map(_filter);
  const rules = mapping.activities.map(_rule);
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
  const optional = new Set<string>();
  if (cols.eventId !== undefined) optional.add(cols.eventId);
  if (cols.resource !== undefined) optional.add(cols.resource);
  for (const a of attributes) optional.add(a.spec.column);
  for (const f of [...(mapping.filters ?? []), ...mapping.activities.flatMap((r) => r.where ?? [])])
    optional.add(f.column);
  for (const r of rules) for (const [, spec] of r.fromColumns) optional.add(spec.column);
  const required = [cols.caseId, cols.activity, cols.timestamp];
  for (const c of required) optional.delete(c);

  return {
    mapping,
    required,
    optional: [...optional],
    tracePrefix: mapping.xes?.traceAttributePrefix ?? 'case:',
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

      let rule: _Rule | undefined;
      let unmapped: string | undefined;
      if (activity !== '') {
        for (const i of candidatesOf(activity)) {
          const r = rules[i];
          if (r?.where.every((w) => w(row))) {
            rule = r;
            break;
          }
        }
        if (rule === undefined) {
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

      let data: Record<string, unknown> | undefined;
      if (rule !== undefined) {
        if (rule.data !== undefined) data = cloneJson(rule.data);
        for (const [field, spec] of rule.fromColumns) {
          const r = convert(row.get(spec.column), spec, readInstant);
          if (r.error !== undefined) problem('invalid_value', spec.column, r.error);
          else if ('value' in r) {
            data ??= {};
            define(data, field, r.value);
          }
        }
      } else if (activity !== '') {
        data = { activity };
      }

      if (problems.length > 0 || at === undefined) {
        return { filtered: false, caseId, event: undefined, attributes: attrs, problems, unmapped };
      }
      const event: Record<string, unknown> = {};
      const id = cols.eventId === undefined ? '' : (row.get(cols.eventId) ?? '').trim();
      if (id !== '') event.id = id;
      event.type = rule !== undefined ? rule.type : slugify(activity);
      event.at = at;
      const resource = cols.resource === undefined ? '' : (row.get(cols.resource) ?? '').trim();
      const role = rule?.actorRole;
      if (resource !== '' || role !== undefined) {
        const actor: Record<string, unknown> = {};
        if (role !== undefined) actor.role = role;
        if (resource !== '') actor.id = resource;
        event.actor = actor;
      }
      if (data !== undefined) event.data = data;
      return { filtered: false, caseId, event, attributes: attrs, problems, unmapped };
    },
  };
}
