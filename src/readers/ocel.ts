import type { Mapping } from '../model/mapping.js';
import { nearMiss } from '../model/schema-issues.js';
import type { Assembler } from './assemble.js';
import { compileMapping } from './compile-mapping.js';
import { ReadError } from './errors.js';
import { type OcelEvent, type OcelLog, parseOcel } from './ocel-log.js';
import { countUnmapped, type InputStats, type ReadStats } from './stats.js';
import type { ReadItem } from './types.js';

/** How an object-centric log becomes cases. */
export interface OcelOptions {
  /** The object type whose objects are the cases (`--case-object-type`), e.g. `Invoice`. */
  caseObjectType?: string;
  /**
   * Also give a case the events of the objects related to its object (one step of the log's
   * object-to-object relationships, either way): a purchase order's invoices' events.
   */
  throughRelatedObjects?: boolean;
}

/** @internal The columns an OCEL event is read as (the mapping's `columns` name them). */
export const OCEL_COLUMNS = Object.freeze({
  caseId: 'case:ocel:oid',
  activity: 'ocel:activity',
  timestamp: 'ocel:timestamp',
  eventId: 'ocel:eid',
});

/**
 * @internal The mapping used for OCEL when none is given: the OCEL columns, each case object's
 * attributes as case attributes, every activity kept as an `x-` event.
 */
function _defaultMapping(log: OcelLog, type: string): Mapping {
  const names = new Set<string>();
  for (const o of log.objects.values())
    if (o.type === type) for (const k of o.attributes.keys()) names.add(k);
  return {
    columns: { ...OCEL_COLUMNS },
    caseAttributes: Object.fromEntries([...names].map((n) => [`case:${n}`, n])),
    activities: [],
  };
}

function _caseType(log: OcelLog, wanted: string | undefined, file: string): string {
  const counts = new Map<string, number>();
  for (const o of log.objects.values()) counts.set(o.type, (counts.get(o.type) ?? 0) + 1);
  const listed = [...counts].map(([t, n]) => `${t} (${n})`).join(', ');
  if (wanted === undefined)
    throw new ReadError(
      file,
      `"${file}" is an object-centric log: say which objects are the cases with --case-object-type, one of: ${listed}`,
    );
  if (counts.has(wanted)) return wanted;
  const meant = nearMiss(wanted, [...counts.keys()]);
  throw new ReadError(
    file,
    `"${file}" has no objects of type "${wanted}"${meant ? ` (did you mean "${meant}"?)` : ''}; its object types: ${listed}`,
  );
}

/** The events of each case object, in log order: linked to it, or (if asked) to an object related to it. */
function _eventsByCase(log: OcelLog, type: string, through: boolean): Map<string, number[]> {
  const byObject = new Map<string, number[]>();
  log.events.forEach((e, i) => {
    for (const id of new Set(e.objects)) {
      const list = byObject.get(id);
      if (list === undefined) byObject.set(id, [i]);
      else list.push(i);
    }
  });
  const out = new Map<string, number[]>();
  for (const [id, o] of log.objects) {
    if (o.type !== type) continue;
    const found = new Set(byObject.get(id) ?? []);
    if (through) for (const r of o.related) for (const i of byObject.get(r) ?? []) found.add(i);
    out.set(
      id,
      [...found].sort((a, b) => a - b),
    );
  }
  return out;
}

function _row(event: OcelEvent, caseId: string, caseAttributes: Map<string, string>, type: string) {
  const row = new Map<string, string>();
  for (const [k, v] of event.attributes) row.set(k, v);
  for (const [k, v] of caseAttributes) row.set(`case:${k}`, v);
  row.set(OCEL_COLUMNS.caseId, caseId);
  row.set('case:ocel:type', type);
  row.set(OCEL_COLUMNS.eventId, event.id);
  row.set(OCEL_COLUMNS.activity, event.type);
  row.set(OCEL_COLUMNS.timestamp, event.time);
  return row;
}

/**
 * @internal Reads an object-centric log (OCEL 2.0 JSON, XML or SQLite; OCEL 1.0 JSON) as cases:
 * each object of the case type is a case, with the events linked to it (and, when asked, those
 * linked to the objects related to it), its attributes as `case:<name>` columns. Each event goes
 * through the mapping as a row (columns {@link OCEL_COLUMNS} and the event's attributes by
 * name), so activities map as in CSV and XES. An event can belong to several cases. Events linked
 * to no case are counted in `unlinkedEvents` and a warning, never dropped in silence. The log is
 * held in memory; a record's "line" is the event's position in the log.
 * @throws ReadError for a file that is not OCEL, without a case type, or with an unknown one.
 */
export async function* readOcel(
  chunks: AsyncIterable<Buffer>,
  asm: Assembler,
  input: InputStats,
  mapping: Mapping | undefined,
  options: OcelOptions,
  stats: ReadStats,
): AsyncGenerator<ReadItem> {
  const file = input.file;
  const parts: Buffer[] = [];
  for await (const c of chunks) parts.push(c);
  const log = await parseOcel(Buffer.concat(parts), file);
  const type = _caseType(log, options.caseObjectType, file);
  const mapper = compileMapping(mapping ?? _defaultMapping(log, type));
  const caseLevel = mapper.positions === undefined ? undefined : { positions: mapper.positions };
  const byCase = _eventsByCase(log, type, options.throughRelatedObjects === true);
  input.records = log.events.length;
  const inCase = new Set<number>();
  for (const [caseId, indices] of byCase) {
    const object = log.objects.get(caseId);
    const attributes = object?.attributes ?? new Map<string, string>();
    if (indices.length === 0) {
      // An object with no event is still a case read (as an XES trace with no event is).
      yield* asm.whole({ caseId, events: [] }, caseId, 0, 0, []);
      continue;
    }
    for (const i of indices) {
      inCase.add(i);
      const event = log.events[i] as OcelEvent;
      const m = mapper.map(_row(event, caseId, attributes, type), [`event ${event.id}`]);
      if (m.filtered) {
        stats.filtered++;
        continue;
      }
      if (m.unmapped !== undefined) countUnmapped(stats, m.unmapped);
      yield* asm.record(
        m.caseId ?? caseId,
        m.events,
        i + 1,
        m.problems,
        m.attributes,
        caseLevel === undefined ? undefined : { marks: m.marks, positions: caseLevel.positions },
      );
    }
  }
  const left = log.events.length - inCase.size;
  input.unlinkedEvents = left;
  if (left > 0) {
    const byType = new Map<string, number>();
    log.events.forEach((e, i) => {
      if (!inCase.has(i)) byType.set(e.type, (byType.get(e.type) ?? 0) + 1);
    });
    stats.warnings.push(
      `${file}: ${left} of ${log.events.length} event(s) are linked to no ${type} object${options.throughRelatedObjects ? ' nor to an object related to one' : ''} and were left out: ${[...byType].map(([t, n]) => `${t} (${n})`).join(', ')}`,
    );
  }
}
