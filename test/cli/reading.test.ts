/** What `check` and `validate` say about inputs read in silence before: empty, unmapped, hostile. */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI_TIMEOUT, cli, expectNoStack, useCliSuite } from './_cli.js';

describe.concurrent('reading inputs on the command line', { timeout: CLI_TIMEOUT }, () => {
  const suite = useCliSuite();

  it('exits 2 on an empty input, and reads it with --allow-empty', async () => {
    const input = join(suite.dir(), 'empty.ndjson');
    await writeFile(input, '');
    const [check, validate, allowed] = await Promise.all([
      cli(['check', input, '--as-of', '2025-01-01', '--quiet']),
      cli(['validate', input]),
      cli(['validate', input, '--allow-empty']),
    ]);
    for (const r of [check, validate]) {
      expectNoStack(r);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`"${input}" holds no records`);
    }
    expect(allowed.code).toBe(0);
    expect(allowed.stderr).toBe('0 case(s), 0 event(s) read: all valid\n');
  });

  it('judges a case that holds a field named rejected, in check and validate alike (only a reader rejects)', async () => {
    const input = join(suite.dir(), 'rejected-field.ndjson');
    const events = [{ id: 'e1', type: 'complaint.received', at: '2024-05-01T09:00:00+01:00' }];
    const cases = [
      { caseId: 'C1', rejected: { caseId: 'X', problems: [] }, events },
      { caseId: 'C2', events },
    ];
    await writeFile(input, cases.map((c) => JSON.stringify(c)).join('\n'));
    const [check, validate] = await Promise.all([
      cli(['check', input, '--as-of', '2024-06-28', '--format', 'ndjson', '--fail-on', 'none']),
      cli(['validate', input]),
    ]);
    for (const r of [check, validate]) expectNoStack(r);
    expect(check.code).toBe(0);
    const judged = check.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { caseId?: string; rejected?: unknown });
    expect(
      judged.filter((r) => r.caseId !== undefined && r.rejected === undefined).map((r) => r.caseId),
    ).toEqual(['C1', 'C2']);
    expect(validate.code).toBe(0);
    expect(validate.stderr).toContain('2 case(s)');
  });

  it('validate lists unmapped activities by frequency, and shows control characters as escapes', async () => {
    const dir = suite.dir();
    const csv = join(dir, 'log.csv');
    await writeFile(
      csv,
      [
        'case:concept:name,concept:name,time:timestamp',
        'C1,rare,2024-05-01T09:00:00Z',
        'C1,common,2024-05-01T10:00:00Z',
        'C2,common,2024-05-01T10:00:00Z',
        '"C\u001b[2J3",common,not a date',
      ].join('\n'),
    );
    const mapping = join(dir, 'm.json');
    // With a byte-order mark, as Windows editors write it.
    await writeFile(
      mapping,
      `\uFEFF${JSON.stringify({ columns: { caseId: 'case:concept:name', activity: 'concept:name', timestamp: 'time:timestamp' }, activities: [] })}`,
    );
    const r = await cli(['validate', csv, '--mapping', mapping]);
    expectNoStack(r);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('case C\\x1B[2J3:');
    expect(r.stdout).not.toContain('\u001b');
    expect(r.stderr).toContain(
      'unmapped activities (kept as x- events), most frequent first:\n        3  common\n        1  rare\n',
    );
    // check's report lists them the same way.
    const report = await cli(['check', csv, '--mapping', mapping, '--as-of', '2024-06-01', '--quiet']);
    expect(report.stdout).toMatch(/"common" ×3, "rare" ×1/);
  });

  it('reads an OCEL log with the case object type named, and says what it left out', async () => {
    const log = new URL('../../../shared/data/real-logs/ocel20_example.sqlite', import.meta.url).pathname;
    const [without, withType] = await Promise.all([
      cli(['validate', log]),
      cli(['validate', log, '--case-object-type', 'Invoice', '--through-related-objects']),
    ]);
    expectNoStack(without);
    expect(without.code).toBe(2);
    expect(without.stderr).toContain('--case-object-type, one of: Invoice (3), Payment (3)');
    expect(withType.code).toBe(0);
    expect(withType.stderr).toContain('3 case(s), 15 event(s) read: all valid');
    expect(withType.stderr).toContain(
      '2 of 13 event(s) are linked to no Invoice object nor to an object related to one and were left out',
    );
  });

  it('check warns when the log was written in another zone than the calendar counts days in', async () => {
    const input = join(suite.dir(), 'rome.ndjson');
    await writeFile(
      input,
      `${JSON.stringify({ caseId: 'IT-1', events: [{ id: 'r', type: 'complaint.received', at: '2024-07-01T10:00:00+02:00' }] })}\n`,
    );
    const r = await cli(['check', input, '--as-of', '2024-07-31', '--quiet', '--fail-on', 'none']);
    expectNoStack(r);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      "warning: none of the log's times carries the offset the calendar's zone Europe/London has at that time (offsets seen: +02:00)",
    );
  });
});
