/** `rules`, `explain` and `schema`: what the ruleset holds and what the inputs must look like. */
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { CLI_TIMEOUT, cli, expectNoStack, useCliSuite } from './_cli.js';

// The indicators of the Housing Ombudsman's code, in report order.
const HOC_REFS = [
  'S1.1',
  'S1.2',
  'S1.3',
  'S1.4',
  'S2.1',
  'S2.2',
  'S2.3',
  'S2.4',
  'S2.5',
  'S2.6',
  'A.1',
  'R.1',
];

describe.concurrent('service-standards rules, explain, schema', { timeout: CLI_TIMEOUT }, () => {
  useCliSuite();

  it('rules: the indicators under their commitments, as text', async () => {
    const r = await cli(['rules']);
    expectNoStack(r);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^SPSO Customer Service Standards.*\(spso-css-0524 [\d.]+, CSStandards-0524\)$/);
    expect(lines).toContain('1  We will communicate effectively with you');
    expect(r.stdout).toMatch(/^ {2}1\.3\.1 {2}timely +We will deal with your complaint in a timely manner/m);
    expect(r.stdout).toMatch(/^ {2}L\.4 {4}call-recording-confirmed /m);
    expect(r.stdout).toContain('27 indicators. `service-standards explain <ref>` shows how one is judged.\n');
  });

  it('rules and explain --ruleset mchp-scotland-2020: a shipped ruleset by id', async () => {
    const r = await cli(['rules', '--ruleset', 'mchp-scotland-2020', '--format', 'json']);
    expectNoStack(r);
    expect(r.code).toBe(0);
    const entries = JSON.parse(r.stdout) as { ref: string; id: string }[];
    expect(entries.map((e) => e.ref)).toEqual([
      'S1.1',
      'S1.2',
      'S1.3',
      'S2.1',
      'S2.2',
      'S2.3',
      'S2.4',
      'S2.5',
      'C.1',
      'P.1',
    ]);
    const x = await cli(['explain', 'investigation-timely', '--ruleset', 'mchp-scotland-2020']);
    expect(x.code).toBe(0);
    expect(x.stdout).toContain('S2.3');
    expect(x.stdout).toContain('twenty working days');
  });

  it('rules and explain --ruleset hoc-code-2024: the Housing Ombudsman code by id', async () => {
    const r = await cli(['rules', '--ruleset', 'hoc-code-2024', '--format', 'json']);
    expectNoStack(r);
    expect(r.code).toBe(0);
    const entries = JSON.parse(r.stdout) as { ref: string; id: string }[];
    expect(entries.map((e) => e.ref)).toEqual(HOC_REFS);
    const x = await cli(['explain', 'stage-1-response-timely', '--ruleset', 'hoc-code-2024']);
    expect(x.code).toBe(0);
    expect(x.stdout).toContain('S1.2');
    expect(x.stdout).toContain('ten working days of the acknowledgement');
  });

  it('check --ruleset hoc-code-2024 counts working days on the England and Wales calendar', async () => {
    const r = await cli([
      'check',
      'fixtures/hoc-code-2024/cli/two-cases.ndjson',
      '--ruleset',
      'hoc-code-2024',
      '--as-of',
      '2023-06-30T12:00:00+01:00',
      '--format',
      'json',
      '--fail-on',
      'none',
    ]);
    expectNoStack(r);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as {
      cases: { caseId: string; findings: { ref: string; status: string }[] }[];
    };
    const status = (c: string, ref: string) =>
      report.cases.find((x) => x.caseId === c)?.findings.find((f) => f.ref === ref)?.status;
    // H1: received Wed 3 May 2023; the coronation (Mon 8 May) is a bank holiday in England, so the
    // fifth working day is Thu 11 May, when it was acknowledged. H2: received Wed 24 May 2023; with
    // the spring bank holiday (Mon 29 May) the fifth working day is Thu 1 Jun; acknowledged Fri 2 Jun.
    expect([status('H1', 'S1.1'), status('H2', 'S1.1')]).toEqual(['pass', 'fail']);
  });

  it('check --ruleset mchp-scotland-2020 judges a log against the MCHP', async () => {
    const r = await cli([
      'check',
      'fixtures/mchp-scotland-2020/cli/two-cases.ndjson',
      '--ruleset',
      'mchp-scotland-2020',
      '--as-of',
      '2024-06-30T12:00:00Z',
      '--format',
      'json',
      '--fail-on',
      'none',
    ]);
    expectNoStack(r);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as {
      cases: { caseId: string; findings: { ref: string; status: string }[] }[];
    };
    const status = (c: string, ref: string) =>
      report.cases.find((x) => x.caseId === c)?.findings.find((f) => f.ref === ref)?.status;
    // M1: stage 1 answered Thu 9 May 2024, its deadline (Mon 6 May a holiday). M2: received at
    // stage 2 on Wed 1 May; three working days (Thu 2, Fri 3, Tue 7) end Tue 7 May; acknowledged Wed 8.
    expect([status('M1', 'S1.1'), status('M1', 'S2.1'), status('M2', 'S1.1'), status('M2', 'S2.1')]).toEqual([
      'pass',
      'not_applicable',
      'not_applicable',
      'fail',
    ]);
  });

  it('an unknown shipped-looking ruleset is a directory that does not exist: exit 2', async () => {
    const r = await cli(['rules', '--ruleset', 'no-such-ruleset']);
    expectNoStack(r);
    expect(r.code).toBe(2);
  });

  it('rules --format json: 27 entries, in ruleset order', async () => {
    const r = await cli(['rules', '--format', 'json']);
    expectNoStack(r);
    expect(r.code).toBe(0);
    const entries = JSON.parse(r.stdout) as {
      ref: string;
      id: string;
      words: string;
      parameters: unknown[];
    }[];
    expect(entries).toHaveLength(27);
    expect(entries.map((e) => e.ref)).toEqual([
      ...['1.1.1', '1.1.2', '1.2.1', '1.2.2', '1.2.3', '1.3.1', '1.4.1', '1.5.1', '1.5.2', '1.6.1', '1.6.2'],
      ...['2.1.1', '2.1.2', '2.2.1', '2.2.2', '2.3.1'],
      ...['3.1.1', '3.2.1', '3.3.1', '3.3.2', '3.4.1', '3.5.1', '3.6.1'],
      ...['L.1', 'L.2', 'L.3', 'L.4'],
    ]);
    expect(new Set(entries.map((e) => e.id)).size).toBe(27);
    expect(entries.find((e) => e.ref === '1.3.1')).toMatchObject({
      id: 'timely',
      words: expect.stringContaining('timely manner'),
    });
  });

  it('explain 1.3.1 (and by id, explain timely): the words, the logic, the parameters', async () => {
    const [byRef, byId] = await Promise.all([cli(['explain', '1.3.1']), cli(['explain', 'timely'])]);
    expectNoStack(byRef);
    expect(byRef.code).toBe(0);
    expect(byId.stdout).toBe(byRef.stdout);
    expect(byRef.stdout).toMatch(/^### 1\.3\.1 `timely`$/m);
    expect(byRef.stdout).toContain(
      '> We will deal with your complaint in a timely manner, taking into account the complexity of the case.',
    );
    expect(byRef.stdout).toContain('**How it is judged.**');
    expect(byRef.stdout).toContain('**Events it reads:** ');
    expect(byRef.stdout).toMatch(/^\| `targets` \| simple 5, standard 20, complex 80 working days \|/m);
  });

  it('explain nope: exit 2, pointing to rules', async () => {
    const r = await cli(['explain', 'nope']);
    expectNoStack(r);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('error: no indicator has ref or id "nope"; `service-standards rules` lists them\n');
  });

  it('schema config: a JSON Schema (2020-12) that accepts a config and refuses a typo', async () => {
    const r = await cli(['schema', 'config']);
    expectNoStack(r);
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    const ajv = new Ajv2020.default({ strict: false, allErrors: true });
    const validate = ajv.compile(schema);
    const config = {
      zone: 'Europe/London',
      parameters: { acknowledgeWithin: 5 },
      indicators: { 'L.4': { enabled: false } },
      thresholds: { failOn: 'fail', minCompliance: 80 },
    };
    expect(validate(config), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ zone: 'Europe/London', zoen: 'Europe/Paris' })).toBe(false);
    expect(validate({ thresholds: { minCompliance: 120 } })).toBe(false);
  });

  it('schema nope: exit 2, listing the schemas there are', async () => {
    const r = await cli(['schema', 'nope']);
    expectNoStack(r);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^error: no schema "nope"; one of: .*\bconfig\b/);
  });
});
