/**
 * Properties of judging, over generated histories and every shipped ruleset (`indicators.md`,
 * statuses; `engine.md`): one finding per rule, each with a status its rule declares; the same
 * result again for the same history given in another order (which also shows the result is
 * deterministic); the input never changed; a `dueAt` only on a pending finding, and after
 * `asOf`. CI runs this file under three zones (as all of `test/engine`), so results cannot
 * depend on the machine's zone.
 *
 * 10,000 histories by default with a fixed seed; `PROPERTY_RUNS` and `PROPERTY_SEED` change them
 * (a nightly run: `PROPERTY_RUNS=200000 PROPERTY_SEED=$RANDOM npx vitest run test/engine/properties.test.ts`).
 * fast-check prints the seed and the shrunk history of a failure.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CaseResult,
  evaluateCase,
  InvalidCaseError,
  loadRuleset,
  parseInstant,
  SHIPPED_RULESET_IDS,
} from '../../src/index.js';
import { deepFreeze } from '../support/fixtures.js';
import { stagedCaseArb } from '../support/staged-case-arbitrary.js';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 10_000);
const SEED = Number(process.env.PROPERTY_SEED ?? 20_261_206);
/** The runs are cut into parts of this many, each a test of its own seed (SEED + part). */
const PART = Math.min(RUNS, 1_000);
/** Per part: generous, as the command's tests are, for a busy two-core machine. */
const PART_TIMEOUT = 120_000;
/** Every how many histories the reordered copy is judged too (the costliest part). */
const REORDER_EVERY = Number(process.env.PROPERTY_REORDER_EVERY ?? 2);

const rulesets = await Promise.all(
  SHIPPED_RULESET_IDS.map(async (id) => deepFreeze(await loadRuleset({ id }))),
);

type Event = { at: string; id?: string };

/**
 * The same events in another order that the engine must not see: the days in a new order, the
 * events of one day in the log's order (events at one instant are ordered by the log).
 */
function reorderedByDay(events: readonly Event[], order: number): Event[] {
  const days = new Map<number, Event[]>();
  for (const e of events) {
    const parsed = parseInstant(e.at, 'Europe/London');
    const day = 'day' in parsed ? parsed.day : Number.NaN;
    days.set(day, [...(days.get(day) ?? []), e]);
  }
  const groups = [...days.values()];
  // A rotation and, on odd orders, a reversal of the days: a different order for most histories.
  const k = groups.length === 0 ? 0 : order % groups.length;
  const rotated = [...groups.slice(k), ...groups.slice(0, k)];
  return (order % 2 === 1 ? rotated.reverse() : rotated).flat();
}

function epochMs(at: string): number {
  const parsed = parseInstant(at, 'Europe/London');
  if (!('epochMs' in parsed)) throw new Error(parsed.error);
  return parsed.epochMs;
}

/** What a finding says, less what names events by their position when they have no id. */
const verdicts = (r: CaseResult) => r.findings.map((f) => `${f.ref} ${f.status} ${f.dueAt ?? '-'}`);

async function judge(input: unknown, options: Parameters<typeof evaluateCase>[1]) {
  try {
    return await evaluateCase(input, options);
  } catch (e) {
    if (e instanceof InvalidCaseError) return e;
    throw e;
  }
}

describe('generated histories, every shipped ruleset', () => {
  const parts = Array.from({ length: Math.ceil(RUNS / PART) }, (_, i) => i);
  it.each(parts)(
    `part %i of ${parts.length}: ${PART.toLocaleString('en')} histories hold the judging invariants`,
    async (part) => {
      const seed = SEED + part;
      let judged = 0;
      let reordered = 0;
      let run = 0;
      await fc.assert(
        fc.asyncProperty(
          stagedCaseArb,
          fc.nat(rulesets.length - 1),
          fc.nat(),
          async ({ input, asOf }, which, order) => {
            run++;
            const ruleset = rulesets[which] ?? rulesets[0];
            if (!ruleset) throw new Error('no shipped ruleset');
            const frozen = deepFreeze(structuredClone(input));
            const before = JSON.stringify(frozen);
            const options = { ruleset, asOf, untrusted: true } as const;
            const result = await judge(frozen, options);
            expect(JSON.stringify(frozen), 'the input is untouched').toBe(before);
            if (result instanceof InvalidCaseError) return;
            judged++;

            // One finding per rule, each with a status its rule declares.
            expect(result.findings.map((f) => f.ref)).toEqual(ruleset.rules.map((r) => r.ref));
            // Both shipped rulesets keep Scotland's calendar: a naive asOf is read in its zone.
            const asOfMs = epochMs(asOf);
            for (const [i, f] of result.findings.entries()) {
              expect(ruleset.rules[i]?.statuses, f.ref).toContain(f.status);
              if (f.dueAt === undefined) continue;
              expect(f.status, `${f.ref}: a dueAt only on a pending finding`).toBe('pending');
              expect(Date.parse(f.dueAt), `${f.ref}: dueAt ${f.dueAt} after asOf ${asOf}`).toBeGreaterThan(
                asOfMs,
              );
            }

            if (run % REORDER_EVERY !== 0) return;
            reordered++;
            const events = frozen.events as unknown as Event[];
            const other = await judge({ ...frozen, events: reorderedByDay(events, order) }, options);
            expect(other).not.toBeInstanceOf(InvalidCaseError);
            const again = other as CaseResult;
            // With ids on every event, nothing may differ; without, explanations name events by position.
            if (events.every((e) => e.id !== undefined)) expect(again).toEqual(result);
            else expect(verdicts(again)).toEqual(verdicts(result));
          },
        ),
        { numRuns: PART, seed },
      );
      // Against the histories actually run: the mutation runs cap every property's examples.
      expect(judged).toBeGreaterThan(run * 0.8);
      expect(reordered).toBeGreaterThan(run / REORDER_EVERY - 1);
    },
    PART_TIMEOUT,
  );
});
