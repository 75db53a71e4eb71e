import { describe, expect, it } from 'vitest';
import { formatJson } from '../../src/index.js';
import { ReportSchema } from '../../src/model/report.js';
import { sampleReport } from '../support/report.js';

/** A deep copy with every object's keys in reverse order. */
function reversed<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reversed) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reversed(v)]),
  ) as T;
}

describe('formatJson', () => {
  const report = sampleReport();

  it('validates against ReportSchema and holds exactly the report', () => {
    const text = formatJson(report);
    expect(text.endsWith('}\n')).toBe(true);
    const parsed = ReportSchema.parse(JSON.parse(text));
    expect(parsed).toEqual(report);
  });

  it('is JSON.stringify(report, null, 2) once keys are in order', () => {
    expect(formatJson(report)).toBe(`${JSON.stringify(JSON.parse(formatJson(report)), null, 2)}\n`);
    expect(formatJson(report, { indent: 0 })).toBe(`${JSON.stringify(JSON.parse(formatJson(report)))}\n`);
  });

  it('prints the same bytes whatever order the keys were built in', () => {
    expect(formatJson(reversed(report))).toBe(formatJson(report));
  });

  it('orders keys as the schema declares them, and sorts free-form records', () => {
    const parsed = JSON.parse(formatJson(reversed(report)));
    expect(Object.keys(parsed)).toEqual(['meta', 'cases', 'summary']);
    expect(Object.keys(parsed.meta)).toEqual(Object.keys(report.meta));
    expect(Object.keys(parsed.summary.byStatus)).toEqual([
      'error',
      'fail',
      'insufficient_evidence',
      'pending',
      'pass',
      'not_applicable',
    ]);
    expect(Object.keys((parsed.cases ?? [])[0])).toEqual([
      'caseId',
      'status',
      'events',
      'eventsAfterAsOf',
      'findings',
      'source',
    ]);
    expect(Object.keys((parsed.cases ?? [])[0].findings[0].measured)).toEqual(['target', 'workingDays']);
    expect(Object.keys(parsed.meta.dependencies)).toEqual(['date-holidays', 'json-rules-engine']);
  });

  it('sorts keys inside measured values at any depth, and keeps array order', () => {
    const nested = structuredClone(report);
    const finding = nested.cases?.[0]?.findings[0];
    if (!finding) throw new Error('the sample has findings');
    finding.measured = { z: { b: 1, a: [{ y: 1, x: 2 }] }, a: 0 };
    const parsed = JSON.parse(formatJson(nested));
    expect(JSON.stringify((parsed.cases ?? [])[0].findings[0].measured)).toBe(
      '{"a":0,"z":{"a":[{"x":2,"y":1}],"b":1}}',
    );
  });
});
