/**
 * Generated histories through the built command, in a few large runs: for each shipped ruleset,
 * the command's verdicts are the library's, case by case; every case in is judged or rejected
 * (and rejected exactly when the library refuses it); and the same run under two other zones of
 * the machine writes the same bytes. `PROPERTY_CLI_CASES` and `PROPERTY_SEED` change the sample.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CaseResult,
  evaluateCase,
  InvalidCaseError,
  loadRuleset,
  SHIPPED_RULESET_IDS,
} from '../../src/index.js';
import { stagedCaseArb } from '../support/staged-case-arbitrary.js';
import { CLI_TIMEOUT, cli, expectNoStack, useCliSuite, withoutGeneratedAt } from './_cli.js';

const CASES = Number(process.env.PROPERTY_CLI_CASES ?? 2_000);
const SEED = Number(process.env.PROPERTY_SEED ?? 20_261_206);
const AS_OF = '2025-06-30T17:00:00+01:00';

const suite = useCliSuite();

const histories = fc
  .sample(stagedCaseArb, { numRuns: CASES, seed: SEED })
  .map(({ input }, i) => ({ ...input, caseId: `P-${i}` }));

const verdicts = (findings: CaseResult['findings']) =>
  findings.map((f) => `${f.ref} ${f.status} ${f.dueAt ?? '-'}`);

/** The library's verdicts on each history, or `rejected`. */
async function libraryVerdicts(id: string): Promise<Map<string, string[] | 'rejected'>> {
  const ruleset = await loadRuleset({ id });
  const out = new Map<string, string[] | 'rejected'>();
  for (const c of histories) {
    try {
      const r = await evaluateCase(c, { ruleset, asOf: AS_OF, untrusted: true });
      out.set(c.caseId, verdicts(r.findings));
    } catch (e) {
      if (!(e instanceof InvalidCaseError)) throw e;
      out.set(c.caseId, 'rejected');
    }
  }
  return out;
}

/** The command's NDJSON report read back: each case's verdicts, and the rejected cases. */
function commandVerdicts(stdout: string): Map<string, string[] | 'rejected'> {
  const out = new Map<string, string[] | 'rejected'>();
  for (const line of stdout.split('\n')) {
    if (line === '') continue;
    const record = JSON.parse(line) as {
      type: string;
      caseId?: string;
      findings?: CaseResult['findings'];
      rejected?: { caseId: string }[];
    };
    if (record.type === 'case') out.set(record.caseId ?? '', verdicts(record.findings ?? []));
    else for (const r of record.rejected ?? []) out.set(r.caseId, 'rejected');
  }
  return out;
}

async function writeLog(): Promise<string> {
  const file = join(suite.dir(), 'histories.ndjson');
  await writeFile(file, `${histories.map((c) => JSON.stringify(c)).join('\n')}\n`);
  return file;
}

const args = (file: string, id: string) => [
  'check',
  file,
  '--ruleset',
  id,
  '--as-of',
  AS_OF,
  '--format',
  'ndjson',
  '--quiet',
  '--fail-on',
  'none',
];

describe(`${CASES.toLocaleString('en')} generated histories through the command`, () => {
  it.each(SHIPPED_RULESET_IDS)(
    '%s: the command judges each as the library does, and loses none',
    async (id) => {
      const file = await writeLog();
      const r = await cli(args(file, id));
      expectNoStack(r);
      const fromCommand = commandVerdicts(r.stdout);
      const fromLibrary = await libraryVerdicts(id);
      expect(fromCommand.size, 'cases in = judged + rejected').toBe(CASES);
      expect([...fromCommand.values()].filter((v) => v !== 'rejected').length).toBeGreaterThan(CASES * 0.8);
      expect([...fromCommand.values()].filter((v) => v === 'rejected').length > 0 ? 2 : 0).toBe(r.code);
      for (const [caseId, expected] of fromLibrary) expect(fromCommand.get(caseId), caseId).toEqual(expected);
    },
    CLI_TIMEOUT,
  );

  it(
    'writes the same report whatever the zone of the machine',
    async () => {
      const file = await writeLog();
      const [here, ...others] = await Promise.all(
        [undefined, 'Pacific/Auckland', 'America/Sao_Paulo'].map((TZ) =>
          cli(args(file, SHIPPED_RULESET_IDS[0]), { env: { TZ } }),
        ),
      );
      for (const other of others)
        expect(withoutGeneratedAt(other?.stdout ?? '')).toBe(withoutGeneratedAt(here?.stdout ?? ''));
    },
    CLI_TIMEOUT,
  );
});
