/**
 * Exit codes (`interface.md`): 2 usage, configuration or input errors (a rejected case included,
 * the report still written); else 1 findings at or above `--fail-on` or a compliance rate under a
 * threshold; else 0. Messages, never stack traces, unless `--debug`.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReportSchema } from '../../src/schemas.js';
import { CLI_TIMEOUT, cli, expectNoStack, ROOT, SMALL, SMALL_AS_OF, useCliSuite } from './_cli.js';

/** Three valid cases, then one with an event type nobody knows, then one more valid case. */
const WITH_BAD_TYPE = [
  '{"caseId":"OK-1","events":[{"id":"a1","type":"complaint.received","at":"2024-05-01T10:00:00+01:00"},{"id":"a2","type":"case.closed","at":"2024-05-03T10:00:00+01:00"}]}',
  '{"caseId":"OK-2","events":[{"id":"b1","type":"complaint.received","at":"2024-05-02T10:00:00+01:00"}]}',
  '{"caseId":"BAD","events":[{"id":"x1","type":"complaint.received","at":"2024-05-01T10:00:00+01:00"},{"id":"x2","type":"complaint.teleported","at":"2024-05-02T10:00:00+01:00"}]}',
  '{"caseId":"OK-3","events":[{"id":"c1","type":"complaint.received","at":"2024-05-06T10:00:00+01:00"}]}',
  '',
].join('\n');

describe.concurrent('service-standards check: exit codes', { timeout: CLI_TIMEOUT }, () => {
  const suite = useCliSuite();
  const check = (...args: string[]) => cli(['check', SMALL, '--as-of', SMALL_AS_OF, ...args]);
  const file = async (name: string, text: string) => {
    const path = join(suite.dir(), name);
    await writeFile(path, text);
    return path;
  };

  /** The small input judged as JSON: the counts and rates the messages must quote. */
  const summaryOf = (r: { stdout: string }) => ReportSchema.parse(JSON.parse(r.stdout)).summary;
  const percent = (rate: number | null | undefined) => `${((rate ?? Number.NaN) * 100).toFixed(1)}%`;

  describe('0: nothing at or above --fail-on, no threshold missed', () => {
    it('when every finding passes', async () => {
      // CLI-1 of the small input alone (closed in time, the Ombudsman's role explained the next
      // day), judged on just those two promises.
      const [first] = (await readFile(join(ROOT, SMALL), 'utf8')).split('\n');
      const input = await file('good.ndjson', `${first}\n`);
      const r = await cli([
        'check',
        input,
        '--as-of',
        SMALL_AS_OF,
        '--only',
        '1.3.1,2.1.1',
        '--format',
        'json',
      ]);
      expectNoStack(r);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(summaryOf(r).byStatus).toEqual({
        error: 0,
        fail: 0,
        insufficient_evidence: 0,
        pending: 0,
        pass: 2,
        not_applicable: 0,
      });
    });

    it('with --fail-on none, whatever failed', async () => {
      const r = await check('--fail-on', 'none', '--format', 'json');
      expectNoStack(r);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(summaryOf(r).byStatus.fail).toBeGreaterThan(0);
    });
  });

  describe('1: findings or thresholds', () => {
    it('a fail, under the default --fail-on fail', async () => {
      const r = await check('--format', 'json');
      expectNoStack(r);
      const { fail } = summaryOf(r).byStatus;
      expect(fail).toBeGreaterThan(0);
      expect(r.stderr).toBe(`findings at or above --fail-on fail: ${fail} fail\n`);
      expect(r.code).toBe(1);
    });

    it('--fail-on pending also counts the worse statuses', async () => {
      const r = await check('--fail-on', 'pending', '--format', 'json');
      expectNoStack(r);
      const s = summaryOf(r).byStatus;
      expect(s.pending).toBeGreaterThan(0);
      expect(r.stderr).toBe(
        `findings at or above --fail-on pending: ${s.fail} fail, ${s.insufficient_evidence} insufficient_evidence, ${s.pending} pending\n`,
      );
      expect(r.code).toBe(1);
    });

    it('--min-compliance 99: the overall rate is under it', async () => {
      const r = await check('--fail-on', 'none', '--min-compliance', '99', '--format', 'json');
      expectNoStack(r);
      expect(r.stderr).toBe(`compliance is ${percent(summaryOf(r).complianceRate)}, under 99%\n`);
      expect(r.code).toBe(1);
    });

    it('--min-compliance 1.2.1=100: one indicator is under it', async () => {
      const r = await check('--fail-on', 'none', '--min-compliance', '1.2.1=100', '--format', 'json');
      expectNoStack(r);
      const rate = summaryOf(r).indicators.find((i) => i.ref === '1.2.1')?.complianceRate;
      expect(rate).toBeLessThan(1);
      expect(r.stderr).toBe(`compliance for 1.2.1 is ${percent(rate)}, under 100%\n`);
      expect(r.code).toBe(1);
    });

    it('--min-compliance at or under the rate passes', async () => {
      const r = await check('--fail-on', 'none', '--min-compliance', '0', '--min-compliance', '1.3.1=0');
      expectNoStack(r);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    });
  });

  describe('2: usage, configuration and input errors', () => {
    it('an unknown option', async () => {
      const r = await check('--bogus');
      expectNoStack(r);
      expect(r.stderr).toContain("error: unknown option '--bogus'");
      expect(r.stdout).toBe('');
      expect(r.code).toBe(2);
    });

    it('an input file that does not exist, named', async () => {
      const missing = join(suite.dir(), 'no-such-log.ndjson');
      const r = await cli(['check', missing, '--as-of', SMALL_AS_OF]);
      expectNoStack(r);
      expect(r.stderr).toMatch(/^error: .*no-such-log\.ndjson.*no such file/m);
      expect(r.stdout).toBe('');
      expect(r.code).toBe(2);
    });

    it('a config file that is not JSON, named', async () => {
      const config = await file('broken.config.json', '{ "zone": "Europe/London", }');
      const r = await check('--config', config);
      expectNoStack(r);
      expect(r.stderr).toContain(`error: config ${config}: not valid JSON`);
      expect(r.code).toBe(2);
    });

    it('an unknown parameter in the config: the file and the field are named', async () => {
      const config = await file('typo.config.json', '{ "parameters": { "acknowledgWithin": 5 } }');
      const r = await check('--config', config);
      expectNoStack(r);
      expect(r.stderr).toContain('error: invalid configuration:');
      expect(r.stderr).toContain(
        `${config}: parameters.acknowledgWithin: unknown parameter "acknowledgWithin"`,
      );
      expect(r.stdout).toBe('');
      expect(r.code).toBe(2);
    });

    it('an --only that names no indicator (a typo must not judge nothing)', async () => {
      const r = await check('--only', '1.3.9');
      expectNoStack(r);
      expect(r.stderr).toContain('--only: no indicator has ref or id "1.3.9"');
      expect(r.code).toBe(2);
    });

    it('a rejected case, while the report is still written and lists it under rejected', async () => {
      const input = await file('bad-type.ndjson', WITH_BAD_TYPE);
      const json = join(suite.dir(), 'bad-type.report.json');
      const r = await cli([
        'check',
        input,
        '--as-of',
        SMALL_AS_OF,
        '--fail-on',
        'none',
        '--report',
        `json:${json}`,
      ]);
      expectNoStack(r);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`1 case(s) rejected as invalid; see the report's "rejected" list`);
      // The text report on standard output is written too, and names the rejected case.
      expect(r.stdout).toContain('Rejected cases (1): not judged');
      expect(r.stdout).toContain(`${input}:3: events.1.type:`);
      const report = ReportSchema.parse(JSON.parse(await readFile(json, 'utf8')));
      expect(report.summary.cases).toBe(3);
      expect((report.cases ?? []).map((c) => c.caseId)).toEqual(['OK-1', 'OK-2', 'OK-3']);
      expect(report.summary.rejected).toEqual([
        {
          caseId: 'BAD',
          events: 2,
          problems: [
            expect.objectContaining({
              path: ['events', 1, 'type'],
              file: input,
              line: 3,
              message: expect.stringContaining('complaint.teleported'),
            }),
          ],
        },
      ]);
    });

    it('a case whose events are null, an object or hold a null, or dated outside 1900-2200, alone', async () => {
      const lines = [
        '{"caseId":"N1","events":null}',
        '{"caseId":"N2","events":{"a":1}}',
        '{"caseId":"N3","events":[null]}',
        '{"caseId":"Y1","events":[{"id":"y","type":"complaint.received","at":"9999-12-31"}]}',
        '{"caseId":"Y2","events":[{"id":"y","type":"complaint.received","at":"0202-05-01T10:00:00Z"}]}',
        '{"caseId":"OK","events":[{"id":"a","type":"complaint.received","at":"2024-05-01T10:00:00+01:00"},{"id":"b","type":"case.closed","at":"2024-05-02T10:00:00+01:00"},{"id":"late","type":"x-note","at":"2199-01-01"}]}',
        '',
      ];
      const input = await file('malformed-events.ndjson', lines.join('\n'));
      const html = join(suite.dir(), 'malformed-events.html');
      const r = await cli([
        'check',
        input,
        '--as-of',
        SMALL_AS_OF,
        '--format',
        'json',
        '--report',
        `html:${html}`,
      ]);
      expectNoStack(r);
      expect(r.code).toBe(2);
      const report = ReportSchema.parse(JSON.parse(r.stdout));
      expect((report.cases ?? []).map((c) => c.caseId)).toEqual(['OK']);
      expect(report.summary.rejected.map((x) => [x.caseId, x.problems.map((p) => p.path.join('.'))])).toEqual(
        [
          ['N1', ['events']],
          ['N2', ['events']],
          ['N3', ['events.0']],
          ['Y1', ['events.0.at']],
          ['Y2', ['events.0.at']],
        ],
      );
      // The holidays listed are those of the year judged, not of every year up to 2199.
      const years = new Set(report.meta.calendar.holidays.map((h) => h.date.slice(0, 4)));
      expect([...years]).toEqual(['2024']);
    });

    it('--strict: stops at the first invalid case', async () => {
      const input = await file('strict.ndjson', WITH_BAD_TYPE);
      const r = await cli([
        'check',
        input,
        '--as-of',
        SMALL_AS_OF,
        '--fail-on',
        'none',
        '--strict',
        '--format',
        'json',
      ]);
      expectNoStack(r);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('stopped at the first invalid case (--strict): BAD');
      const report = ReportSchema.parse(JSON.parse(r.stdout));
      // What was read before it is reported; nothing after it was judged.
      expect((report.cases ?? []).map((c) => c.caseId)).toEqual(['OK-1', 'OK-2']);
      expect(report.summary.rejected.map((x) => x.caseId)).toEqual(['BAD']);
    });

    it('a --format there is not', async () => {
      const r = await check('--format', 'pdf');
      expectNoStack(r);
      expect(r.stderr).toContain("error: option '--format <format>' argument 'pdf' is invalid");
      expect(r.stdout).toBe('');
      expect(r.code).toBe(2);
    });

    it('an unreadable --as-of', async () => {
      const r = await cli(['check', SMALL, '--as-of', 'last Tuesday']);
      expectNoStack(r);
      expect(r.stderr).toMatch(/^error: --as-of: "last Tuesday" is not an ISO 8601/m);
      expect(r.code).toBe(2);
    });

    it('--debug is what shows a stack trace', async () => {
      const config = await file('debug.config.json', '{');
      const quiet = await check('--config', config);
      const loud = await check('--config', config, '--debug');
      expect(quiet.code).toBe(2);
      expect(loud.code).toBe(2);
      expectNoStack(quiet);
      expect(loud.stderr).toContain('    at ');
    });
  });
});
