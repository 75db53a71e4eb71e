/**
 * Deterministic key order for the machine-readable reports: object keys follow the zod schema
 * (so a report reads meta, summary, cases, as `interface.md` shows it), and the keys of records
 * and free-form values (`measured`, `dependencies`, `unmappedActivities`) are sorted. Two runs on
 * the same inputs then print the same bytes, whatever order the engine or a worker built them in.
 */
import { z } from 'zod';
import { CaseResultSchema } from '../model/finding.js';
import { ReportMetaSchema, ReportSchema } from '../model/report.js';
import { SummarySchema } from '../model/summary.js';
import { _compare } from './common.js';

const _isPlainObject = (x: unknown): x is Record<string, unknown> =>
  x !== null && typeof x === 'object' && !Array.isArray(x);

/** Copies `value` with its keys in schema order (and sorted where the schema does not fix one). */
export function _canonical(value: unknown, schema: z.core.$ZodType | undefined): unknown {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable)
    return _canonical(value, schema.unwrap());
  if (Array.isArray(value)) {
    const element = schema instanceof z.ZodArray ? schema.element : undefined;
    return value.map((v) => _canonical(v, element));
  }
  if (!_isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  if (schema instanceof z.ZodObject) {
    const shape: Record<string, z.core.$ZodType> = schema.shape;
    for (const key of Object.keys(shape)) {
      if (value[key] !== undefined) out[key] = _canonical(value[key], shape[key]);
    }
    for (const key of Object.keys(value).sort(_compare)) {
      if (!(key in shape) && value[key] !== undefined) out[key] = _canonical(value[key], undefined);
    }
    return out;
  }
  const element = schema instanceof z.ZodRecord ? schema.valueType : undefined;
  for (const key of Object.keys(value).sort(_compare)) {
    if (value[key] !== undefined) out[key] = _canonical(value[key], element);
  }
  return out;
}

/** {@link _canonical} for a whole report. */
export const _canonicalReport = (value: unknown): unknown => _canonical(value, ReportSchema);
/** {@link _canonical} for one case's result. */
export const _canonicalCase = (value: unknown): Record<string, unknown> =>
  _canonical(value, CaseResultSchema) as Record<string, unknown>;
/** {@link _canonical} for a report's meta. */
export const _canonicalMeta = (value: unknown): unknown => _canonical(value, ReportMetaSchema);
/** {@link _canonical} for a summary. */
export const _canonicalSummary = (value: unknown): unknown => _canonical(value, SummarySchema);
