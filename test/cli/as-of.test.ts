/** `--as-of` with a date alone is the end of that local day in the calendar's zone (`interface.md`). */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReportSchema } from '../../src/schemas.js';
import { CLI_TIMEOUT, cli, expectNoStack, useCliSuite } from './_cli.js';

describe('--as-of with a date alone', { timeout: CLI_TIMEOUT }, () => {
  const suite = useCliSuite();

  it('judges everything that happened on that day in the zone, and nothing after it', async () => {
    const file = join(suite.dir(), 'boundary.ndjson');
    const event = (id: string, type: string, at: string) => ({ id, type, at, data: {} });
    // Europe/London in June is UTC+1: 23:59:59 local is 22:59:59Z, midnight local is 23:00:00Z.
    const c = {
      caseId: 'B-1',
      events: [
        event('e1', 'complaint.received', '2024-06-28T09:00:00Z'),
        event('e2', 'case.stage_changed', '2024-06-30T22:59:59Z'),
        event('e3', 'case.stage_changed', '2024-06-30T23:00:00Z'),
      ],
    };
    c.events[1] = { ...c.events[1], data: { stage: 'investigation' } } as (typeof c.events)[number];
    c.events[2] = { ...c.events[2], data: { stage: 'investigation' } } as (typeof c.events)[number];
    await writeFile(file, `${JSON.stringify(c)}\n`);
    const r = await cli(['check', file, '--as-of', '2024-06-30', '--format', 'json', '--fail-on', 'none']);
    expectNoStack(r);
    const report = ReportSchema.parse(JSON.parse(r.stdout));
    expect(report.meta.asOf).toBe('2024-06-30T23:59:59.999+01:00');
    expect(report.meta.asOfSource).toBe('option');
    expect(report.summary.eventsAfterAsOf).toBe(1);
    expect(report.cases?.[0]?.eventsAfterAsOf).toBe(1);
  });

  it('refuses a date outside the working calendar as a usage error, without a stack trace', async () => {
    const r = await cli(['check', 'fixtures/cli/small.ndjson', '--as-of', '0000-01-01']);
    expectNoStack(r);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: --as-of: 0000-01-01 .*calendar covers/);
  });
});
