import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import formatsPlugin from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { formatSarif } from '../../src/index.js';
import { sampleReport, sampleRuleset } from '../support/report.js';

const SCHEMA_FILE = new URL(
  '../../node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json',
  import.meta.url,
);

/**
 * The official SARIF 2.1.0 schema is draft-04, which Ajv 8 does not ship; it uses no draft-04-only
 * keyword but its root `id` and `$schema`, so without those Ajv reads it as draft-07. One of its
 * patterns is not valid with the `u` flag, hence `unicodeRegExp: false`.
 */
function sarifValidator() {
  const {
    $schema: _s,
    id: _id,
    ...schema
  } = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as Record<string, unknown>;
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  // ajv-formats is CommonJS: its default export is the module, whose `default` is the plugin.
  formatsPlugin.default(ajv);
  return ajv.compile(schema);
}

describe('formatSarif', () => {
  const validate = sarifValidator();
  const report = sampleReport();
  const ruleset = sampleRuleset();

  it('is valid SARIF 2.1.0', () => {
    const sarif = JSON.parse(formatSarif(report, ruleset));
    expect(validate(sarif), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(sarif.version).toBe('2.1.0');
  });

  it('the validator does reject what the schema forbids', () => {
    const sarif = JSON.parse(formatSarif(report, ruleset));
    sarif.runs[0].results[0].level = 'fatal';
    expect(validate(sarif)).toBe(false);
    sarif.runs[0].results[0].level = 'error';
    sarif.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    expect(validate(sarif)).toBe(false);
  });

  it('has one rule per indicator with the leaflet words, and the tool and its version', () => {
    const { driver } = JSON.parse(formatSarif(report, ruleset)).runs[0].tool;
    expect(driver.name).toBe('service-standards');
    expect(driver.version).toBe('0.1.0');
    expect(driver.rules.map((r: { id: string; name: string }) => `${r.id} ${r.name}`)).toEqual(
      report.summary.indicators.map((i) => `${i.ref} ${i.id}`),
    );
    expect(driver.rules[0]).toMatchObject({
      id: '1.2.1',
      name: 'process-explained',
      shortDescription: { text: 'We will explain our investigation process to you.' },
      properties: { standard: '1.2', commitment: '1' },
    });
    expect(driver.rules[0].helpUri).toBeUndefined();
    const withHelp = JSON.parse(
      formatSarif(report, ruleset, { helpUri: (r) => `https://example.org/rules/${r.ref}` }),
    );
    expect(withHelp.runs[0].tool.driver.rules[4].helpUri).toBe('https://example.org/rules/3.3.2');
    expect(validate(withHelp)).toBe(true);
  });

  it("reports fails (level error) and errors (level warning) only, each at the case's line", () => {
    const { results } = JSON.parse(formatSarif(report, ruleset)).runs[0];
    expect(results).toHaveLength(report.summary.byStatus.fail + report.summary.byStatus.error);
    const levels = results.map(
      (r: { properties: { status: string }; level: string }) => `${r.properties.status}:${r.level}`,
    );
    expect(new Set(levels)).toEqual(new Set(['fail:error', 'error:warning']));
    const error = results.find((r: { properties: { status: string } }) => r.properties.status === 'error');
    const finding = (report.cases ?? [])[1]?.findings[2];
    expect(error).toMatchObject({
      ruleId: '1.3.1',
      ruleIndex: 2,
      message: { text: finding?.explanation },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'logs/cases.ndjson', index: 0 },
            region: { startLine: 2 },
          },
        },
      ],
      properties: { caseId: 'C-002', status: 'error', evidence: ['e4'] },
    });
  });

  it('lists rejected cases as tool notifications of an unsuccessful invocation', () => {
    const [invocation] = JSON.parse(formatSarif(report, ruleset)).runs[0].invocations;
    expect(invocation.executionSuccessful).toBe(false);
    expect(invocation.toolExecutionNotifications).toHaveLength(1);
    expect(invocation.toolExecutionNotifications[0].message.text).toMatch(
      /^case C-005 rejected: logs\/cases.ndjson:4: /,
    );
    const clean = { ...report, summary: { ...report.summary, rejected: [] } };
    const [ok] = JSON.parse(formatSarif(clean, ruleset)).runs[0].invocations;
    expect(ok).toEqual({ executionSuccessful: true });
  });

  it('makes paths relative URIs: under root, percent-encoded, file:// outside it; no line region for XES traces', () => {
    const moved = structuredClone(report);
    const [c1, c2, c3, c4] = moved.cases ?? [];
    const passed = c1?.findings[0];
    if (!c1 || !c2 || !c3 || !c4 || !passed) throw new Error('the sample has four cases');
    passed.status = 'fail'; // so that C-001 has a result too
    c1.source = { file: '/repo/logs/my cases.ndjson', line: 7 };
    c2.source = { file: '/elsewhere/cases.ndjson', line: 2 };
    delete c3.source;
    c4.source = { file: 'logs/export.xes.gz', line: 3 };
    const sarif = JSON.parse(formatSarif(moved, ruleset, { root: '/repo' }));
    expect(validate(sarif), JSON.stringify(validate.errors)).toBe(true);
    const where = (caseId: string) =>
      sarif.runs[0].results.find((r: { properties: { caseId: string } }) => r.properties.caseId === caseId);
    expect(where('C-001').locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'logs/my%20cases.ndjson' },
      region: { startLine: 7 },
    });
    expect(where('C-002').locations[0].physicalLocation.artifactLocation.uri).toBe(
      'file:///elsewhere/cases.ndjson',
    );
    const xes = where('C-004');
    expect(xes.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'logs/export.xes.gz' } });
    expect(xes.properties.record).toBe(3);
  });

  it('falls back to the only input file when a case has no source', () => {
    const noSource = { ...report, cases: (report.cases ?? []).map(({ source: _s, ...c }) => c) };
    const { results } = JSON.parse(formatSarif(noSource, ruleset)).runs[0];
    expect(results[0].locations).toEqual([
      { physicalLocation: { artifactLocation: { uri: 'logs/cases.ndjson', index: 0 } } },
    ]);
  });

  it('is deterministic: generatedAt, the one field that varies, is left out', () => {
    expect(formatSarif(report, ruleset)).toBe(formatSarif(structuredClone(report), ruleset));
    expect(formatSarif(report, ruleset)).not.toContain(report.meta.generatedAt);
  });
});
