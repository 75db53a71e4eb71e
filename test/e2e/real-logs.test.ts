import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Holidays from 'date-holidays';
import { describe, expect, it, type TestContext } from 'vitest';
import {
  type CaseResult,
  type Config,
  evaluateCases,
  loadMapping,
  loadRuleset,
  readCases,
  summarize,
} from '../../src/index.js';

/**
 * The public receipt log judged end to end, read as CSV and as XES with the worked mapping.
 * Its per-indicator counts are pinned, and two timing indicators are recomputed here from the
 * raw CSV rows with an independent working-day count. Skips (saying why) without the logs;
 * fails in CI (CI=true) without them.
 */
const REAL_LOGS =
  process.env.REAL_LOGS_DIR ?? fileURLToPath(new URL('../../../shared/data/real-logs/', import.meta.url));
const CSV = join(REAL_LOGS, 'receipt.csv');
const XES = join(REAL_LOGS, '08_receipt.xes.gz');
const present = existsSync(CSV) && existsSync(XES);
const need = (ctx: TestContext) => {
  if (present) return;
  if (process.env.CI === 'true')
    throw new Error(`the real logs are missing from ${REAL_LOGS}; CI runs must have them`);
  ctx.skip(`the real logs are not at ${REAL_LOGS}`);
};

// A Dutch municipality's log: its own zone and public holidays.
const CONFIG: Config = { zone: 'Europe/Amsterdam', calendar: { holidays: { country: 'NL' } } };
const AS_OF = '2012-06-30T00:00:00+02:00';
const MAPPING = fileURLToPath(new URL('../../docs/examples/receipt.mapping.json', import.meta.url));

async function judge(file: string): Promise<CaseResult[]> {
  const ruleset = await loadRuleset();
  const mapping = await loadMapping(MAPPING);
  const out: CaseResult[] = [];
  for await (const o of evaluateCases(readCases([file], { mapping }), {
    ruleset,
    asOf: AS_OF,
    config: CONFIG,
  })) {
    if (o.kind === 'rejected') throw new Error(`rejected ${o.rejected.caseId}`);
    out.push(o.result);
  }
  return out.sort((a, b) => (a.caseId < b.caseId ? -1 : 1));
}

// ---- an independent working-day count on YYYY-MM-DD strings (the log's offsets are local) ----
const nl = new Holidays('NL');
const holidays = new Set<string>();
for (let y = 2010; y <= 2013; y++) {
  for (const h of nl.getHolidays(y)) if (h.type === 'public') holidays.add(h.date.slice(0, 10));
}
const next = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const working = (d: string) => {
  const wd = new Date(`${d}T00:00:00Z`).getUTCDay();
  return wd !== 0 && wd !== 6 && !holidays.has(d);
};
const dayZero = (d: string) => {
  let x = d;
  while (!working(x)) x = next(x);
  return x;
};
/** Working days after day 0 of `from`, up to and including `to`. */
const elapsed = (from: string, to: string) => {
  let n = 0;
  for (let x = next(dayZero(from)); x <= to; x = next(x)) if (working(x)) n++;
  return n;
};

/** The raw rows of each case: activity and local date, in time order. */
function rawCases(): Map<string, { activity: string; at: string }[]> {
  const lines = readFileSync(CSV, 'utf8').trim().split('\n');
  const header = (lines.shift() ?? '').split(',');
  const col = (name: string) => header.indexOf(name);
  const [c, a, t] = [col('case:concept:name'), col('concept:name'), col('time:timestamp')];
  const cases = new Map<string, { activity: string; at: string }[]>();
  for (const line of lines) {
    const f = line.split(',');
    const id = f[c] as string;
    const list = cases.get(id) ?? [];
    list.push({ activity: f[a] as string, at: f[t] as string });
    cases.set(id, list);
  }
  for (const list of cases.values())
    list.sort((x, y) => Date.parse(x.at.replace(' ', 'T')) - Date.parse(y.at.replace(' ', 'T')));
  return cases;
}

describe('the receipt log, judged end to end', () => {
  it('gives identical reports from the CSV and the XES, with pinned counts by status', async (ctx) => {
    need(ctx);
    const fromCsv = await judge(CSV);
    const fromXes = await judge(XES);
    const strip = (rs: CaseResult[]) => rs.map(({ source: _s, ...r }) => r);
    expect(strip(fromXes)).toEqual(strip(fromCsv));
    const ruleset = await loadRuleset();
    const summary = summarize(fromCsv, { ruleset });
    expect(summary.cases).toBe(1434);
    expect(summary.events).toBe(8577);
    const counts = Object.fromEntries(
      summary.indicators.map((i) => [
        i.ref,
        Object.entries(i.byStatus)
          .filter(([, n]) => n > 0)
          .map(([s, n]) => `${s} ${n}`)
          .join(', '),
      ]),
    );
    expect(counts).toMatchInlineSnapshot(`
      {
        "1.1.1": "not_applicable 1434",
        "1.1.2": "not_applicable 1434",
        "1.2.1": "fail 1434",
        "1.2.2": "fail 1434",
        "1.2.3": "fail 1300, not_applicable 134",
        "1.3.1": "fail 1434",
        "1.4.1": "insufficient_evidence 1300, not_applicable 134",
        "1.5.1": "not_applicable 1434",
        "1.5.2": "not_applicable 1434",
        "1.6.1": "pending 1434",
        "1.6.2": "not_applicable 1434",
        "2.1.1": "pending 1434",
        "2.1.2": "fail 336, pass 1098",
        "2.2.1": "not_applicable 1434",
        "2.2.2": "not_applicable 1434",
        "2.3.1": "not_applicable 1434",
        "3.1.1": "not_applicable 1434",
        "3.2.1": "pending 1434",
        "3.3.1": "not_applicable 1434",
        "3.3.2": "not_applicable 1434",
        "3.4.1": "not_applicable 1434",
        "3.5.1": "not_applicable 1434",
        "3.6.1": "not_applicable 1434",
        "L.1": "not_applicable 1434",
        "L.2": "not_applicable 1434",
        "L.3": "not_applicable 1434",
        "L.4": "not_applicable 1434",
      }
    `);
  }, 120_000);

  it('agrees with an independent count for 2.1.2 and the longest runs of 1.2.2', async (ctx) => {
    need(ctx);
    const results = await judge(CSV);
    const raw = rawCases();
    const asOfDate = AS_OF.slice(0, 10);
    let checked = 0;
    for (const r of results) {
      const rows = raw.get(r.caseId) ?? [];
      const receipt = rows.find((x) => x.activity === 'Confirmation of receipt');
      if (!receipt) throw new Error(`no receipt in ${r.caseId}`);
      const received = receipt.at.slice(0, 10);
      const letters = rows.filter(
        (x) =>
          (x.activity === 'T05 Print and send confirmation of receipt' ||
            x.activity === 'T16 Report reasons to hold request') &&
          Date.parse(x.at.replace(' ', 'T')) > Date.parse(receipt.at.replace(' ', 'T')),
      );
      // 2.1.2: the complaints procedure (T05) within 3 working days of receipt.
      const t05 = letters.find((x) => x.activity.startsWith('T05'));
      const expected212 =
        t05 && elapsed(received, t05.at.slice(0, 10)) <= 3 && t05.at.slice(0, 10) >= received
          ? 'pass'
          : 'fail';
      expect([r.caseId, r.findings.find((f) => f.ref === '2.1.2')?.status]).toEqual([r.caseId, expected212]);
      // 1.2.2: the longest run without a letter, from receipt to asOf (the log has no closures).
      const points = [received, ...letters.map((x) => x.at.slice(0, 10)), asOfDate];
      let longest = 0;
      for (let i = 1; i < points.length; i++)
        longest = Math.max(longest, elapsed(points[i - 1] as string, points[i] as string));
      const gaps = r.findings.find((f) => f.ref === '1.2.2')?.measured?.gaps as { longest: { days: number } };
      expect([r.caseId, gaps.longest.days]).toEqual([r.caseId, longest]);
      checked++;
    }
    expect(checked).toBe(1434);
  }, 120_000);
});
