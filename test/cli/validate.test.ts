/** `validate`: checks the input only and lists every problem, each with file:line and field. */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI_TIMEOUT, cli, expectNoStack, SAMPLE, SMALL, useCliSuite } from './_cli.js';

const INVALID = [
  // 1: an unknown event type (the first event is fine)
  '{"caseId":"V-1","events":[{"id":"v1","type":"complaint.received","at":"2024-05-01T10:00:00+01:00"},{"id":"v2","type":"complaint.teleported","at":"2024-05-02T10:00:00+01:00"}]}',
  // 2: a missing instant, and an instant that is not one
  '{"caseId":"V-2","events":[{"id":"w1","type":"complaint.received"},{"id":"w2","type":"case.closed","at":"not a date"}]}',
  // 3: two problems in one event's data
  '{"caseId":"V-3","events":[{"id":"z1","type":"communication.sent","at":"2024-05-01","data":{"to":"nobody","covers":"progress"}}]}',
  // 4: a line that is not JSON
  '{"caseId":"V-4","id":"q1","type":"complaint.received","at":"2024-05-01T10:00:00+01:00"',
  // 5: a valid case
  '{"caseId":"V-5","events":[{"id":"ok","type":"complaint.received","at":"2024-05-01T10:00:00+01:00"}]}',
  // 6: the same event id twice
  '{"caseId":"V-6","events":[{"id":"d1","type":"complaint.received","at":"2024-05-01T10:00:00+01:00"},{"id":"d1","type":"case.closed","at":"2024-05-02T10:00:00+01:00"}]}',
];

describe.concurrent('service-standards validate', { timeout: CLI_TIMEOUT }, () => {
  const suite = useCliSuite();

  it('--format json: one object with the counts and every problem located, exit 2', async () => {
    const input = join(suite.dir(), 'invalid-json.ndjson');
    await writeFile(input, `${INVALID.join('\n')}\n`);
    const r = await cli(['validate', input, '--format', 'json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout) as {
      valid: boolean;
      invalidCases: number;
      problems: { file: string; line: number; path: (string | number)[]; message: string }[];
    };
    expect(report.valid).toBe(false);
    expect(report.invalidCases).toBe(5);
    expect(report.problems.map((p) => `${p.line}: ${p.path.join('.')}`)).toEqual([
      '1: events.1.type',
      '2: events.0.at',
      '2: events.1.at',
      '3: events.0.data.to',
      '3: events.0.data.covers',
      '4: ',
      '6: events.1.id',
    ]);
    expect(report.problems[0]?.file).toBe(input);
    expect(report.problems[0]?.message).toContain('"complaint.teleported"');
  });

  it('--format json on valid input: valid, with the counts, exit 0', async () => {
    const r = await cli(['validate', SAMPLE, '--format', 'json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { valid: boolean; cases: number; problems: unknown[] };
    expect(report).toMatchObject({ valid: true, cases: 50, problems: [] });
  });

  it('lists every problem, each with file:line and field, and exits 2', async () => {
    const input = join(suite.dir(), 'invalid.ndjson');
    await writeFile(input, `${INVALID.join('\n')}\n`);
    const r = await cli(['validate', input]);
    expectNoStack(r);
    expect(r.code).toBe(2);
    const problems = r.stdout.trimEnd().split('\n');
    expect(problems.map((p) => p.slice(0, p.indexOf(': case ')))).toEqual([
      `${input}:1: events.1.type`,
      `${input}:2: events.0.at`,
      `${input}:2: events.1.at`,
      `${input}:3: events.0.data.to`,
      `${input}:3: events.0.data.covers`,
      `${input}:4`,
      `${input}:6: events.1.id`,
    ]);
    // Each names its case and says what is wrong, quoting short values back.
    expect(problems[0]).toContain('case V-1: ');
    expect(problems[0]).toContain('"complaint.teleported"');
    expect(problems[1]).toMatch(/case V-2: `at` is required/);
    expect(problems[2]).toContain('"not a date"');
    expect(problems[5]).toContain('case V-4: not valid JSON');
    expect(problems[6]).toContain('event id "d1" is used twice');
    expect(r.stderr).toBe('6 case(s), 9 event(s) read: 5 invalid case(s), 7 problem(s)\n');
  });

  it('exits 0 on a valid file, and says what it read', async () => {
    const [sample, small] = await Promise.all([cli(['validate', SAMPLE]), cli(['validate', SMALL])]);
    for (const r of [sample, small]) {
      expectNoStack(r);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe('');
    }
    expect(sample.stderr).toBe('50 case(s), 943 event(s) read: all valid\n');
    expect(small.stderr).toBe('3 case(s), 6 event(s) read: all valid\n');
  });

  it('checks the --config as check does: an unknown zone names the file and the field', async () => {
    const config = join(suite.dir(), 'zone.config.json');
    await writeFile(config, '{ "zone": "Mars/Olympus_Mons" }');
    const r = await cli(['validate', SMALL, '--config', config]);
    expectNoStack(r);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${config}: zone: Unknown time zone "Mars/Olympus_Mons"`);
  });
});
