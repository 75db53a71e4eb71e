/**
 * `--report FORMAT:PATH` writes several reports in one run, all telling the same story; and
 * "nothing is lost": every case and event read is judged or listed as rejected.
 */
import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import formatsPlugin from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { Report, StatusCounts } from '../../src/index.js';
import { ReportSchema } from '../../src/schemas.js';
import {
  CLI_TIMEOUT,
  checkSample,
  cli,
  expectNoStack,
  ROOT,
  SAMPLE,
  SMALL,
  SMALL_AS_OF,
  useCliSuite,
} from './_cli.js';

interface JunitCounts {
  '@_tests': string;
  '@_failures': string;
  '@_errors': string;
  '@_skipped': string;
}
interface JunitCase {
  '@_name': string;
  failure?: unknown;
  error?: unknown;
  skipped?: unknown;
}
interface Junit {
  testsuites: JunitCounts & { testsuite: (JunitCounts & { '@_name': string; testcase?: JunitCase[] })[] };
}

/** The counts JUnit gives for a set of findings: skipped is every status that is neither pass nor fail nor error. */
const junitCounts = (s: StatusCounts) => ({
  tests: s.pass + s.fail + s.error + s.pending + s.insufficient_evidence + s.not_applicable,
  failures: s.fail,
  errors: s.error,
  skipped: s.pending + s.insufficient_evidence + s.not_applicable,
});
const counts = (x: JunitCounts) => ({
  tests: Number(x['@_tests']),
  failures: Number(x['@_failures']),
  errors: Number(x['@_errors']),
  skipped: Number(x['@_skipped']),
});

/** The official SARIF 2.1.0 schema (draft-04, read by Ajv as draft-07 without its `id` and `$schema`). */
function sarifValidator() {
  const file = join(ROOT, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  const {
    $schema: _s,
    id: _id,
    ...schema
  } = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  formatsPlugin.default(ajv);
  return ajv.compile(schema);
}

describe.concurrent('service-standards check --report', { timeout: CLI_TIMEOUT }, () => {
  const suite = useCliSuite();

  it('writes json, junit, sarif and ndjson in one run, agreeing with each other', async () => {
    const dir = suite.dir();
    const path = (ext: string) => join(dir, `sample.${ext}`);
    const r = await cli(
      checkSample(
        '--report',
        `json:${path('json')}`,
        '--report',
        `junit:${path('xml')}`,
        '--report',
        `sarif:${path('sarif')}`,
        '--report',
        `ndjson:${path('ndjson')}`,
      ),
    );
    expectNoStack(r);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    // Standard output still carries the text report.
    expect(r.stdout).toMatch(/^Overall\s/m);

    const [json, xml, sarifText, ndjson] = await Promise.all(
      ['json', 'xml', 'sarif', 'ndjson'].map((ext) => readFile(path(ext), 'utf8')),
    );
    const report: Report = ReportSchema.parse(JSON.parse(json ?? ''));
    const { summary } = report;
    // The libraries that shape verdicts, each with the version that ran (the bundled ones as built).
    const installed = (name: string) =>
      (
        JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as {
          version: string;
        }
      ).version;
    for (const name of ['json-rules-engine', 'date-holidays', 'luxon', 'zod', 'syllable', 'flesch']) {
      expect(report.meta.dependencies[name], name).toBe(installed(name));
    }
    expect(summary.cases).toBe(50);
    expect(report.cases ?? []).toHaveLength(50);
    expect(summary.findings).toBe(50 * 27);

    // JUnit: one testsuite per indicator, one testcase per case; its counts are the summary's.
    expect(XMLValidator.validate(xml ?? '')).toBe(true);
    const junit = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '@_',
      isArray: (name) => name === 'testsuite' || name === 'testcase',
    }).parse(xml ?? '') as Junit;
    expect(counts(junit.testsuites)).toEqual(junitCounts(summary.byStatus));
    expect(junit.testsuites.testsuite).toHaveLength(summary.indicators.length);
    for (const [i, indicator] of summary.indicators.entries()) {
      const ts = junit.testsuites.testsuite[i];
      expect(ts?.['@_name']).toBe(`${indicator.ref} ${indicator.id}`);
      expect(counts(ts as JunitCounts), indicator.ref).toEqual(junitCounts(indicator.byStatus));
      const cases = ts?.testcase ?? [];
      expect(cases).toHaveLength(summary.cases);
      expect(cases.filter((c) => c.failure !== undefined)).toHaveLength(indicator.byStatus.fail);
      expect(cases.filter((c) => c.error !== undefined)).toHaveLength(indicator.byStatus.error);
    }

    // SARIF: valid, failures and errors only, each anchored to the input file and its line.
    const sarif = JSON.parse(sarifText ?? '');
    const validate = sarifValidator();
    expect(validate(sarif), JSON.stringify(validate.errors, null, 2)).toBe(true);
    const results = sarif.runs[0].results as {
      ruleId: string;
      properties: { caseId: string; status: string };
      locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
    }[];
    expect(results).toHaveLength(summary.byStatus.fail + summary.byStatus.error);
    const lineOf = new Map((report.cases ?? []).map((c) => [c.caseId, c.source?.line]));
    for (const result of results) {
      expect(['fail', 'error']).toContain(result.properties.status);
      const where = result.locations[0]?.physicalLocation;
      expect(where?.artifactLocation.uri).toBe(SAMPLE);
      expect(where?.region.startLine).toBe(lineOf.get(result.properties.caseId));
    }

    // NDJSON: one line per judged case, then the summary line of the same run.
    const lines = (ndjson ?? '').split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(summary.cases + 1);
    const records = lines.map((l) => JSON.parse(l));
    const last = records.pop();
    expect(records.every((x) => x.type === 'case')).toBe(true);
    expect(records.map((x) => x.caseId).sort()).toEqual((report.cases ?? []).map((c) => c.caseId));
    expect(last).toEqual({ type: 'summary', meta: report.meta, summary });
  });
});

describe.concurrent('nothing is lost', { timeout: CLI_TIMEOUT }, () => {
  const suite = useCliSuite();

  it('every case and event read is judged or rejected, and the problems say where', async () => {
    // Whole cases (small.ndjson), a whole case with a bad event type, and two cases given as
    // flat events, one of whose lines is not JSON (its case id can still be read).
    const small = (await readFile(join(ROOT, SMALL), 'utf8')).trimEnd().split('\n');
    const lines = [
      ...small,
      '{"caseId":"BAD-TYPE","events":[{"id":"x1","type":"complaint.received","at":"2024-05-01T10:00:00+01:00"},{"id":"x2","type":"complaint.teleported","at":"2024-05-02T10:00:00+01:00"},{"id":"x3","type":"case.closed","at":"2024-05-03T10:00:00+01:00"}]}',
      '{"caseId":"FLAT-OK","id":"f1","type":"complaint.received","at":"2024-06-03T10:00:00+01:00","data":{"complexity":"simple"}}',
      '{"caseId":"FLAT-BROKEN","id":"g1","type":"complaint.received","at":"2024-06-03T10:00:00+01:00"}',
      '{"caseId":"FLAT-BROKEN","id":"g2","type":"case.closed" "at":"2024-06-05T10:00:00+01:00"}',
      '{"caseId":"FLAT-OK","id":"f2","type":"case.closed","at":"2024-06-05T10:00:00+01:00"}',
      '{"caseId":"FLAT-BROKEN","id":"g3","type":"communication.sent","at":"2024-06-04T10:00:00+01:00","data":{"to":"complainant","covers":["acknowledgement"]}}',
    ];
    const input = join(suite.dir(), 'mixed.ndjson');
    await writeFile(input, `${lines.join('\n')}\n`);
    // Counted here, not by the tool: a whole case's events, or one event per flat line.
    const casesIn = new Set<string>();
    let eventsIn = 0;
    for (const line of lines) {
      const caseId = /"caseId":"([^"]+)"/.exec(line)?.[1];
      if (caseId) casesIn.add(caseId);
      eventsIn += line.includes('"events":') ? (line.match(/"type":/g) ?? []).length : 1;
    }
    expect([casesIn.size, eventsIn]).toEqual([6, 14]);

    const json = join(suite.dir(), 'mixed.json');
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
    const report = ReportSchema.parse(JSON.parse(await readFile(json, 'utf8')));
    const { summary } = report;

    expect(summary.cases + summary.rejected.length).toBe(casesIn.size);
    expect(summary.events + summary.rejected.reduce((n, x) => n + x.events, 0)).toBe(eventsIn);
    expect(
      new Set([...(report.cases ?? []).map((c) => c.caseId), ...summary.rejected.map((x) => x.caseId)]),
    ).toEqual(casesIn);
    expect((report.cases ?? []).map((c) => c.caseId)).toEqual(['CLI-1', 'CLI-2', 'CLI-3', 'FLAT-OK']);

    expect(summary.rejected).toEqual([
      {
        caseId: 'BAD-TYPE',
        events: 3,
        problems: [
          expect.objectContaining({
            file: input,
            line: 4,
            path: ['events', 1, 'type'],
            message: expect.stringContaining('"complaint.teleported"'),
          }),
        ],
      },
      {
        caseId: 'FLAT-BROKEN',
        events: 3,
        problems: [
          expect.objectContaining({
            code: 'invalid_json',
            file: input,
            line: 7,
            message: expect.stringContaining('not valid JSON'),
          }),
        ],
      },
    ]);
    // The text report on standard output lists them the same way: file:line: field: message.
    expect(r.stdout).toContain('Rejected cases (2): not judged');
    expect(r.stdout).toContain(`${input}:4: events.1.type: `);
    expect(r.stdout).toContain(`${input}:7: not valid JSON`);
    expect(r.stdout).toMatch(/^ {2}Cases {5}4 judged, 2 rejected$/m);
  });
});
