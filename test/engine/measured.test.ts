import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jsonCopy } from '../../src/engine/json-copy.js';
import type { CaseResult } from '../../src/index.js';
import {
  createJsonRulesEngineEvaluator,
  evaluateCase,
  loadRuleset,
  prepareEvaluation,
} from '../../src/index.js';
import { readIndicatorFixtures } from '../support/fixtures.js';

const ruleset = await loadRuleset();
const prepared = prepareEvaluation(ruleset);
const sample = readFileSync(new URL('../../fixtures/sample/sample.ndjson', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as unknown);
const asOf = '2025-03-31T17:00:00+01:00';

/** Every object and array reachable from `root`, each counted once per place it is reached. */
function collectObjects(root: unknown, seen: Map<object, string>, path: string, shared: string[]): void {
  if (root === null || typeof root !== 'object') return;
  const earlier = seen.get(root);
  if (earlier !== undefined) {
    shared.push(`${path} is ${earlier}`);
    return;
  }
  seen.set(root, path);
  for (const [k, v] of Object.entries(root)) collectObjects(v, seen, `${path}.${k}`, shared);
}

describe("findings' measured values", () => {
  it('share no object or array with another place in any result of a run', async () => {
    const seen = new Map<object, string>();
    const shared: string[] = [];
    const results: CaseResult[] = [];
    // Each case twice: a second judgement must not reuse anything the first handed out.
    for (const detail of ['full', 'findings'] as const) {
      for (const round of [1, 2]) {
        for (const c of sample) {
          const r = await evaluateCase(c, { untrusted: true, ruleset, prepared, asOf, detail });
          results.push(r);
          collectObjects(r.findings, seen, `${detail} round ${round} ${r.caseId}`, shared);
        }
      }
    }
    expect(shared).toEqual([]);
    expect(seen.size).toBeGreaterThan(10_000);
  });

  it('share nothing in any indicator fixture either (every template path they reach)', async () => {
    const seen = new Map<object, string>();
    const shared: string[] = [];
    for (const f of readIndicatorFixtures()) {
      const config = f.config as Parameters<typeof evaluateCase>[1]['config'];
      const r = await evaluateCase(f.case, {
        untrusted: true,
        ruleset,
        asOf: f.asOf,
        config,
        detail: 'full',
      });
      collectObjects(r.findings, seen, f.file, shared);
    }
    expect(shared).toEqual([]);
  });

  it.each(['findings', 'full'] as const)(
    'are in JSON form already at %s: a JSON round trip (keys sorted) changes nothing',
    async (detail) => {
      for (const c of sample) {
        const r = await evaluateCase(c, { untrusted: true, ruleset, prepared, asOf, detail });
        for (const f of r.findings) {
          if (f.measured === undefined) {
            expect([f.ref, detail, f.status]).toEqual([
              f.ref,
              'findings',
              expect.stringMatching(/^(not_applicable|error)$/),
            ]);
            continue;
          }
          expect(f.measured, `${r.caseId} ${f.ref}`).toStrictEqual(jsonCopy(f.measured));
          expect(JSON.stringify(f.measured)).toBe(JSON.stringify(jsonCopy(f.measured)));
        }
      }
    },
  );
});

describe('judging cases concurrently', () => {
  // Facts and findings are built in scratch space that relies on each being made synchronously:
  // calls interleaved at their awaits (json-rules-engine decides asynchronously) must not mix.
  it('gives what judging them one at a time gives, with either evaluator', async () => {
    for (const evaluator of [undefined, createJsonRulesEngineEvaluator()]) {
      const one = [];
      for (const c of sample)
        one.push(await evaluateCase(c, { untrusted: true, ruleset, prepared, asOf, evaluator }));
      const all = await Promise.all(
        sample.map((c) => evaluateCase(c, { untrusted: true, ruleset, prepared, asOf, evaluator })),
      );
      expect(all).toEqual(one);
    }
  });
});
