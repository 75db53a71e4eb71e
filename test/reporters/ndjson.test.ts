import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createSummaryBuilder } from '../../src/engine/summarize.js';
import {
  createNdjsonWriter,
  formatNdjsonCase,
  formatNdjsonSummary,
  NdjsonReportError,
  parseNdjsonLine,
  parseNdjsonReport,
} from '../../src/index.js';
import { sampleReport, sampleRuleset } from '../support/report.js';

describe('NDJSON report', () => {
  const report = sampleReport();
  const text = [
    ...(report.cases ?? []).map((c) => formatNdjsonCase(c)),
    formatNdjsonSummary(report.meta, report.summary),
  ].join('');

  it('writes one line per case, then a summary line', () => {
    const lines = text.split('\n');
    expect(lines.at(-1)).toBe('');
    expect(lines).toHaveLength((report.cases ?? []).length + 2);
    const records = lines.slice(0, -1).map((l) => JSON.parse(l));
    expect(records.map((r) => r.type)).toEqual(['case', 'case', 'case', 'case', 'summary']);
    expect(Object.keys(records[0])).toEqual([
      'type',
      'caseId',
      'status',
      'events',
      'eventsAfterAsOf',
      'findings',
      'source',
    ]);
    expect(Object.keys(records[4])).toEqual(['type', 'meta', 'summary']);
  });

  it('escapes U+2028 and U+2029, so that no tool splitting lines as JavaScript does cuts a line', () => {
    const first = (report.cases ?? [])[0];
    if (!first) throw new Error('the sample has cases');
    const odd = { ...first, caseId: 'C\u2028x\u2029y' };
    const line = formatNdjsonCase(odd);
    expect(line).not.toMatch(/[\u2028\u2029]/);
    expect(line).toContain('C\\u2028x\\u2029y');
    expect(line.split(/\r?\n|\u2028|\u2029/)).toHaveLength(2);
    expect(parseNdjsonLine(line.trimEnd())).toEqual({ type: 'case', ...odd });
    const summary = formatNdjsonSummary(
      { ...report.meta, inputs: [{ file: 'a\u2028b', sha256: 'c'.repeat(64) }] },
      report.summary,
    );
    expect(summary).not.toMatch(/[\u2028\u2029]/);
  });

  it('round-trips through parseNdjsonReport, from the text or from its lines', () => {
    expect(parseNdjsonReport(text)).toEqual(report);
    expect(parseNdjsonReport(text.replace(/\n/g, '\r\n\n'))).toEqual(report);
    expect(parseNdjsonReport(text.split('\n'))).toEqual(report);
  });

  it('lets a summary builder merge shards read back', () => {
    const ruleset = sampleRuleset();
    const first = { ...report, cases: (report.cases ?? []).slice(0, 2) };
    const rest = { ...report, cases: (report.cases ?? []).slice(2) };
    const shard = (r: typeof report, withRejected: boolean) => {
      const b = createSummaryBuilder(ruleset);
      for (const c of r.cases ?? []) b.addResult(c);
      if (withRejected) for (const x of report.summary.rejected) b.addRejected(x);
      return [
        ...(r.cases ?? []).map((c) => formatNdjsonCase(c)),
        formatNdjsonSummary(r.meta, b.result()),
      ].join('');
    };
    const merged = createSummaryBuilder(ruleset);
    for (const s of [shard(first, true), shard(rest, false)]) merged.addSummary(parseNdjsonReport(s).summary);
    merged.addUnmapped('Phone call logged', 3);
    expect(merged.result()).toEqual(report.summary);
  });

  it('reads one line at a time with parseNdjsonLine', () => {
    const [first] = text.split('\n');
    const record = parseNdjsonLine(first ?? '', 1);
    expect(record.type).toBe('case');
    if (record.type === 'case') expect(record.caseId).toBe('C-001');
  });

  it('names the line and the field when a line is not a valid record', () => {
    const lines = text.split('\n');
    const bad = JSON.parse(lines[1] ?? '');
    bad.findings[0].status = 'failed';
    lines[1] = JSON.stringify(bad);
    const error = (() => {
      try {
        parseNdjsonReport(lines);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(NdjsonReportError);
    expect((error as NdjsonReportError).line).toBe(2);
    expect((error as NdjsonReportError).message).toMatch(/at line 2:\n {2}findings\.0\.status: /);
    expect(() => parseNdjsonLine('{"type":"case",', 7)).toThrow(/at line 7/);
    expect(() => parseNdjsonLine('{"type":"shard"}')).toThrow(NdjsonReportError);
  });

  it('refuses output that is truncated, concatenated or miscounted', () => {
    const lines = text.split('\n').filter(Boolean);
    expect(() => parseNdjsonReport(lines.slice(0, -1))).toThrow(/no summary line/);
    expect(() => parseNdjsonReport([...lines, ...lines])).toThrow(
      /at line 6:\n {2}a line follows the summary line/,
    );
    expect(() => parseNdjsonReport(lines.slice(1))).toThrow(
      /at line 4:\n {2}summary\.cases: the summary counts 4 cases but 3 case lines precede it/,
    );
  });
});

describe('createNdjsonWriter', () => {
  const report = sampleReport();
  const [first] = report.cases ?? [];
  if (!first) throw new Error('the sample has cases');

  it('writes the same lines as the formatters', async () => {
    const sink = new PassThrough();
    const chunks: string[] = [];
    sink.on('data', (c: Buffer) => chunks.push(c.toString('utf8')));
    const writer = createNdjsonWriter(sink);
    for (const c of report.cases ?? []) await writer.writeCase(c);
    await writer.writeSummary(report.meta, report.summary);
    sink.end();
    expect(writer.cases).toBe(4);
    expect(parseNdjsonReport(chunks.join(''))).toEqual(report);
    await expect(writer.writeCase(first)).rejects.toThrow(/nothing may follow its summary line/);
  });

  it('waits for drain when the stream is full', async () => {
    const written: string[] = [];
    let release: (() => void) | undefined;
    const slow = new Writable({
      highWaterMark: 16,
      write(chunk: Buffer, _enc, done) {
        written.push(chunk.toString('utf8'));
        release = done;
      },
    });
    const writer = createNdjsonWriter(slow);
    let settled = false;
    const pending = writer.writeCase(first).then(() => {
      settled = true;
    });
    await new Promise((r) => setImmediate(r));
    expect(written).toHaveLength(1);
    expect(settled).toBe(false);
    release?.();
    await pending;
    expect(settled).toBe(true);
  });

  it('rejects when the stream fails while it waits', async () => {
    const broken = new Writable({
      highWaterMark: 1,
      write: (_c, _e, done) => setImmediate(() => done(new Error('disk full'))),
    });
    broken.on('error', () => {});
    const writer = createNdjsonWriter(broken);
    await expect(writer.writeCase(first)).rejects.toThrow('disk full');
  });
});
