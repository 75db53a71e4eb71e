import type { ValueKind } from '../model/mapping.js';
import { cloneJson } from './safe-object.js';
import type { TimestampResult } from './timestamp.js';

/** @internal A compiled conversion of a cell. */
export interface ValueSpec {
  column: string;
  as: ValueKind;
  separator: string;
  /** Value translations (a Map, so that a cell such as `constructor` finds nothing inherited). */
  values: Map<string, unknown> | undefined;
}

/** @internal The result of converting a cell: absent (empty, or not in `values`), a value, or an error. */
export type _Converted = { value?: unknown; error?: string };

const _TRUE = new Set(['true', 'yes', 'y', '1']);
const _FALSE = new Set(['false', 'no', 'n', '0']);

/**
 * @internal Compiles `{ column, as?, separator?, values? }` (or a bare column name).
 * @example
 * valueSpec({ column: 'Topics', as: 'list' }); // { column: 'Topics', as: 'list', separator: ';', values: undefined }
 */
export function valueSpec(
  spec: string | { column: string; as?: ValueKind; separator?: string; values?: Record<string, unknown> },
): ValueSpec {
  if (typeof spec === 'string') return { column: spec, as: 'string', separator: ';', values: undefined };
  return {
    column: spec.column,
    as: spec.as ?? 'string',
    separator: spec.separator ?? ';',
    values: spec.values === undefined ? undefined : new Map(Object.entries(spec.values)),
  };
}

function _one(text: string, spec: ValueSpec, readInstant: (raw: string) => TimestampResult): _Converted {
  if (spec.values !== undefined) {
    return spec.values.has(text) ? { value: cloneJson(spec.values.get(text)) } : {};
  }
  switch (spec.as) {
    case 'number': {
      const n = Number(text);
      return Number.isFinite(n) ? { value: n } : { error: `"${text}" is not a number` };
    }
    case 'boolean': {
      const t = text.toLowerCase();
      if (_TRUE.has(t)) return { value: true };
      if (_FALSE.has(t)) return { value: false };
      return { error: `"${text}" is not a yes/no value (true, false, yes, no, 1, 0)` };
    }
    case 'instant': {
      const r = readInstant(text);
      return 'error' in r ? { error: r.error } : { value: r.value };
    }
    default:
      return { value: text };
  }
}

/**
 * @internal Converts one cell. An empty cell (after trimming) is absent; with `values`, a cell
 * not listed is absent; a list keeps its non-empty items (absent when none is left).
 * @example
 * convert(' web ', valueSpec('channel'), read); // { value: 'web' }
 */
export function convert(
  raw: string | undefined,
  spec: ValueSpec,
  readInstant: (raw: string) => TimestampResult,
): _Converted {
  const text = (raw ?? '').trim();
  if (text === '') return {};
  if (spec.as !== 'list') return _one(text, spec, readInstant);
  const items: unknown[] = [];
  for (const part of text.split(spec.separator)) {
    const item = part.trim();
    if (item === '') continue;
    const r = _one(item, { ...spec, as: 'string' }, readInstant);
    if (r.error !== undefined) return r;
    if ('value' in r) items.push(r.value);
  }
  return items.length > 0 ? { value: items } : {};
}
