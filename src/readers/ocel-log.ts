import { createRequire } from 'node:module';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { ReadError } from './errors.js';

/**
 * @internal An object-centric event log (OCEL 2.0, or OCEL 1.0) in one shape, whichever encoding
 * it was read from: objects with their type, attributes (the latest value of each) and related
 * objects; events with their type, time, attributes and the objects they are linked to.
 */
export interface OcelLog {
  version: '1.0' | '2.0';
  objects: Map<string, OcelObject>;
  events: OcelEvent[];
}

/** @internal One object of an {@link OcelLog}. */
export interface OcelObject {
  type: string;
  attributes: Map<string, string>;
  /** Objects this one is related to (object-to-object relationships, either way). */
  related: Set<string>;
}

/** @internal One event of an {@link OcelLog}. */
export interface OcelEvent {
  id: string;
  type: string;
  time: string;
  attributes: Map<string, string>;
  objects: string[];
}

const _text = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

function _object(log: OcelLog, id: string, type = ''): OcelObject {
  let o = log.objects.get(id);
  if (o === undefined) {
    o = { type, attributes: new Map(), related: new Set() };
    log.objects.set(id, o);
  } else if (type !== '' && o.type === '') o.type = type;
  return o;
}

function _relate(log: OcelLog, a: string, b: string): void {
  _object(log, a).related.add(b);
  _object(log, b).related.add(a);
}

/** Time-varying attribute values: the latest (by time as written, then order) is kept. */
function _setAttribute(o: OcelObject, seen: Map<string, string>, name: string, value: string, time: string) {
  const before = seen.get(name);
  if (before !== undefined && before > time) return;
  seen.set(name, time);
  o.attributes.set(name, value);
}

const _list = (v: unknown): Record<string, unknown>[] =>
  Array.isArray(v) ? (v.filter((x) => x !== null && typeof x === 'object') as Record<string, unknown>[]) : [];

/** @internal OCEL 2.0 JSON. */
function _fromJson2(doc: Record<string, unknown>): OcelLog {
  const log: OcelLog = { version: '2.0', objects: new Map(), events: [] };
  for (const o of _list(doc.objects)) {
    const obj = _object(log, _text(o.id), _text(o.type));
    const seen = new Map<string, string>();
    for (const a of _list(o.attributes))
      _setAttribute(obj, seen, _text(a.name), _text(a.value), _text(a.time));
    for (const r of _list(o.relationships)) _relate(log, _text(o.id), _text(r.objectId));
  }
  for (const e of _list(doc.events)) {
    log.events.push({
      id: _text(e.id),
      type: _text(e.type),
      time: _text(e.time),
      attributes: new Map(_list(e.attributes).map((a) => [_text(a.name), _text(a.value)])),
      objects: _list(e.relationships).map((r) => _text(r.objectId)),
    });
  }
  return log;
}

/** @internal OCEL 1.0 JSON (`ocel:events`, `ocel:objects`). */
function _fromJson1(doc: Record<string, unknown>): OcelLog {
  const log: OcelLog = { version: '1.0', objects: new Map(), events: [] };
  const objects = (doc['ocel:objects'] ?? {}) as Record<string, Record<string, unknown>>;
  for (const [id, o] of Object.entries(objects)) {
    const obj = _object(log, id, _text(o['ocel:type']));
    for (const [k, v] of Object.entries((o['ocel:ovmap'] ?? {}) as Record<string, unknown>))
      obj.attributes.set(k, _text(v));
  }
  const events = (doc['ocel:events'] ?? {}) as Record<string, Record<string, unknown>>;
  for (const [id, e] of Object.entries(events)) {
    const omap = e['ocel:omap'];
    log.events.push({
      id,
      type: _text(e['ocel:activity']),
      time: _text(e['ocel:timestamp']),
      attributes: new Map(
        Object.entries((e['ocel:vmap'] ?? {}) as Record<string, unknown>).map(([k, v]) => [k, _text(v)]),
      ),
      objects: Array.isArray(omap) ? omap.map(_text) : [],
    });
  }
  return log;
}

/** @internal OCEL 2.0 XML (`<log>` with `<objects>` and `<events>`), streamed through saxes. */
function _fromXml(text: string, file: string): OcelLog {
  const log: OcelLog = { version: '2.0', objects: new Map(), events: [] };
  const parser = new SaxesParser({ xmlns: false, position: true });
  let object: { id: string; obj: OcelObject; seen: Map<string, string> } | undefined;
  let event: OcelEvent | undefined;
  let attribute: { name: string; time: string; value: string } | undefined;
  parser.on('opentag', (tag: SaxesTagPlain) => {
    const a = tag.attributes as Record<string, string>;
    if (tag.name === 'object' && a.id !== undefined)
      object = { id: a.id, obj: _object(log, a.id, _text(a.type)), seen: new Map() };
    else if (tag.name === 'event' && a.id !== undefined)
      event = { id: a.id, type: _text(a.type), time: _text(a.time), attributes: new Map(), objects: [] };
    else if (
      tag.name === 'attribute' &&
      (object !== undefined || event !== undefined) &&
      a.name !== undefined
    )
      attribute = { name: a.name, time: _text(a.time), value: '' };
    else if (tag.name === 'relationship' && a['object-id'] !== undefined) {
      if (event !== undefined) event.objects.push(a['object-id']);
      else if (object !== undefined) _relate(log, object.id, a['object-id']);
    }
  });
  parser.on('text', (t) => {
    if (attribute !== undefined) attribute.value += t;
  });
  parser.on('closetag', (tag) => {
    if (tag.name === 'attribute' && attribute !== undefined) {
      const value = attribute.value.trim();
      if (event !== undefined) event.attributes.set(attribute.name, value);
      else if (object !== undefined)
        _setAttribute(object.obj, object.seen, attribute.name, value, attribute.time);
      attribute = undefined;
    } else if (tag.name === 'object') object = undefined;
    else if (tag.name === 'event' && event !== undefined) {
      log.events.push(event);
      event = undefined;
    }
  });
  parser.on('error', (err) => {
    throw new ReadError(file, `Cannot read "${file}" as OCEL XML: not well-formed XML: ${err.message}`);
  });
  parser.write(text).close();
  return log;
}

type _SqlJsInit = typeof import('sql.js').default;

/**
 * sql.js, loaded on first use: an optional peer dependency (31 MB of WebAssembly), needed only
 * for OCEL SQLite files. Without it, a ReadError names the file and the package to install.
 * `load` is the module loader (a fake one in tests).
 * @throws ReadError when sql.js is not installed.
 * @example
 * const SQL = await loadSqlJs('log.sqlite');
 */
export async function loadSqlJs(
  file: string,
  load: (name: string) => unknown = createRequire(import.meta.url),
): Promise<Awaited<ReturnType<_SqlJsInit>>> {
  let init: _SqlJsInit;
  try {
    init = load('sql.js') as _SqlJsInit;
  } catch (e) {
    const missing = (e as { code?: unknown }).code === 'MODULE_NOT_FOUND';
    if (!missing || !String((e as Error).message).includes("'sql.js'")) throw e;
    throw new ReadError(
      file,
      `Cannot read "${file}" as OCEL 2.0 SQLite: it needs the optional package sql.js, which is not installed (npm install sql.js)`,
    );
  }
  return init();
}

/** @internal OCEL 2.0 SQLite: `event`, `event_<Type>`, `object`, `object_<Type>`, `event_object`, `object_object`. */
async function _fromSqlite(bytes: Uint8Array, file: string): Promise<OcelLog> {
  const SQL = await loadSqlJs(file);
  const db = new SQL.Database(bytes);
  try {
    const rows = (sql: string): Record<string, unknown>[] => {
      const [result] = db.exec(sql);
      if (result === undefined) return [];
      return result.values.map((v) => Object.fromEntries(result.columns.map((c, i) => [c, v[i]])));
    };
    const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
    const log: OcelLog = { version: '2.0', objects: new Map(), events: [] };
    for (const o of rows('SELECT ocel_id, ocel_type FROM object'))
      _object(log, _text(o.ocel_id), _text(o.ocel_type));
    for (const m of rows('SELECT ocel_type, ocel_type_map FROM object_map_type')) {
      for (const r of rows(`SELECT * FROM ${quote(`object_${_text(m.ocel_type_map)}`)}`)) {
        const obj = _object(log, _text(r.ocel_id));
        const seen = new Map<string, string>();
        for (const [k, v] of Object.entries(r)) {
          if (k.startsWith('ocel_') || v === null) continue;
          _setAttribute(obj, seen, k, _text(v), _text(r.ocel_time));
        }
      }
    }
    for (const r of rows('SELECT ocel_source_id, ocel_target_id FROM object_object'))
      _relate(log, _text(r.ocel_source_id), _text(r.ocel_target_id));
    const linked = new Map<string, string[]>();
    for (const r of rows('SELECT ocel_event_id, ocel_object_id FROM event_object')) {
      const id = _text(r.ocel_event_id);
      const list = linked.get(id) ?? [];
      list.push(_text(r.ocel_object_id));
      linked.set(id, list);
    }
    // Events in the order of the `event` table, as the other encodings list them.
    const byId = new Map<string, OcelEvent>();
    for (const e of rows('SELECT ocel_id, ocel_type FROM event')) {
      const id = _text(e.ocel_id);
      byId.set(id, {
        id,
        type: _text(e.ocel_type),
        time: '',
        attributes: new Map(),
        objects: linked.get(id) ?? [],
      });
    }
    for (const m of rows('SELECT ocel_type, ocel_type_map FROM event_map_type')) {
      for (const r of rows(`SELECT * FROM ${quote(`event_${_text(m.ocel_type_map)}`)}`)) {
        const e = byId.get(_text(r.ocel_id));
        if (e === undefined) continue;
        e.time = _text(r.ocel_time);
        for (const [k, v] of Object.entries(r))
          if (!k.startsWith('ocel_') && v !== null) e.attributes.set(k, _text(v));
      }
    }
    log.events = [...byId.values()];
    return log;
  } catch (e) {
    if (e instanceof ReadError) throw e;
    throw new ReadError(
      file,
      `Cannot read "${file}" as OCEL 2.0 SQLite: ${e instanceof Error ? e.message : String(e)}`,
    );
  } finally {
    db.close();
  }
}

const _SQLITE = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * @internal Reads an OCEL log from its bytes: SQLite (by its header), XML (`<`), or JSON (OCEL
 * 2.0's `objectTypes`/`events`, or OCEL 1.0's `ocel:events`).
 * @throws ReadError when it is none of these.
 * @example
 * const log = await parseOcel(readFileSync('ocel20_example.jsonocel'), 'ocel20_example.jsonocel');
 */
export async function parseOcel(bytes: Buffer, file: string): Promise<OcelLog> {
  if (bytes.subarray(0, _SQLITE.length).equals(_SQLITE)) return _fromSqlite(bytes, file);
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  if (text.trimStart().startsWith('<')) return _fromXml(text, file);
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new ReadError(
      file,
      `Cannot read "${file}" as OCEL: it is not SQLite, XML or JSON (${(e as Error).message})`,
    );
  }
  if (doc !== null && typeof doc === 'object' && !Array.isArray(doc)) {
    const d = doc as Record<string, unknown>;
    if ('ocel:events' in d) return _fromJson1(d);
    if (Array.isArray(d.events) && Array.isArray(d.objects)) return _fromJson2(d);
  }
  throw new ReadError(
    file,
    `Cannot read "${file}" as OCEL: JSON without OCEL 2.0 "events" and "objects" or OCEL 1.0 "ocel:events"`,
  );
}
