/**
 * What createRuleset refuses, each problem named by its file and field, and what a ruleset it
 * accepts carries (its hash, its directory, its self-assessment provisions).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRuleset, loadRuleset, RulesetError, shippedRulesetDir } from '../../src/index.js';

const spso = await loadRuleset();
const hoc = await loadRuleset({ id: 'hoc-code-2024' });
const mchp = await loadRuleset({ id: 'mchp-scotland-2020' });
const filesOf = (ruleset: typeof spso) => Object.fromEntries(ruleset.rules.map((r) => [`${r.ref}.json`, r]));
const hocProvisions = () =>
  JSON.parse(readFileSync(join(shippedRulesetDir('hoc-code-2024'), 'self-assessment.json'), 'utf8'));

/** The RulesetError createRuleset throws (fails the test if it accepts). */
function refusal(options: Parameters<typeof createRuleset>[0]): RulesetError {
  try {
    createRuleset(options);
  } catch (e) {
    if (e instanceof RulesetError) return e;
    throw e;
  }
  throw new Error('the ruleset was accepted');
}

describe('a refused ruleset', () => {
  it('names each problem by file and field, one a line', () => {
    const rule = { ...structuredClone(spso.rules[1]), ref: spso.rules[0]?.ref };
    const err = refusal({
      manifest: { ...spso.manifest, rules: ['1.1.1.json', '1.1.2.json', 'gone.json'] },
      rules: { '1.1.1.json': spso.rules[0], '1.1.2.json': rule },
    });
    expect(err.name).toBe('RulesetError');
    expect(err.issues).toEqual([
      { code: 'duplicate_ref', path: ['ref'], message: 'ref 1.1.1 appears twice', file: '1.1.2.json' },
      {
        code: 'missing_rule',
        path: ['rules'],
        message: 'rule file "gone.json" is listed but missing',
        file: 'gone.json',
      },
    ]);
    expect(err.message).toBe(
      [
        'invalid ruleset:',
        '  1.1.2.json: ref: ref 1.1.1 appears twice',
        '  gone.json: rules: rule file "gone.json" is listed but missing',
      ].join('\n'),
    );
  });

  it('leaves out the file or field a problem has none of', async () => {
    const err = await loadRuleset({ id: 'spso' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RulesetError);
    expect((err as RulesetError).message).toBe(
      'invalid ruleset:\n  no shipped ruleset has id "spso"; shipped: spso-css-0524, mchp-scotland-2020, hoc-code-2024',
    );
    expect(new RulesetError([{ code: 'x', path: [], message: 'unreadable', file: 'a.json' }]).message).toBe(
      'invalid ruleset:\n  a.json: unreadable',
    );
  });

  it('names the manifest when it is at fault', () => {
    const err = refusal({ manifest: { ...spso.manifest, rules: [] }, rules: {} });
    expect(err.issues.map((i) => [i.file, i.path.join('.')])).toEqual([['ruleset.json', 'rules']]);
  });

  it("names each parameter a rule uses that the manifest lacks, and checks that rule's templates no further", () => {
    const rule = structuredClone(spso.rules.find((r) => r.ref === '2.1.2')) as Record<string, unknown>;
    rule.parameters = ['acknowledgeWithin', 'ackWithin', 'replyWithin'];
    // Its templates are not checked then: a missing parameter is the problem to fix first.
    (rule.explain as Record<string, string>).not_applicable = 'Nothing since {nowhere.date|date}.';
    const err = refusal({
      manifest: { ...spso.manifest, rules: ['2.1.2.json'] },
      rules: { '2.1.2.json': rule },
    });
    expect(err.issues).toEqual(
      ['ackWithin', 'replyWithin'].map((p) => ({
        code: 'unknown_parameter',
        path: ['parameters'],
        message: `parameter "${p}" is not defined in the manifest`,
        file: '2.1.2.json',
      })),
    );
  });
});

describe("a manifest's parameter defaults", () => {
  it('are checked against their units, as a configured value is, naming the manifest', () => {
    const parameters = {
      ...spso.manifest.parameters,
      acknowledgeWithin: { default: 'three', unit: 'working_days', basis: 'MCHP' },
      targets: { default: 20, unit: 'working_days_by_complexity', basis: 'MCHP' },
    };
    expect(refusal({ manifest: { ...spso.manifest, parameters }, rules: filesOf(spso) }).issues).toEqual([
      {
        code: 'invalid_parameter',
        path: ['parameters', 'acknowledgeWithin', 'default'],
        message: 'parameter "acknowledgeWithin" must be a whole number of working days (0 or more)',
        file: 'ruleset.json',
      },
      {
        code: 'invalid_parameter',
        path: ['parameters', 'targets', 'default'],
        message: 'parameter "targets" must map simple, standard and complex to whole numbers of working days',
        file: 'ruleset.json',
      },
    ]);
  });
});

describe('an accepted ruleset', () => {
  it('is frozen, hashed over its manifest and rules, and keeps the directory it came from', () => {
    const a = createRuleset({ manifest: spso.manifest, rules: filesOf(spso), dir: '/rules/mine' });
    expect(a.dir).toBe('/rules/mine');
    expect(Object.isFrozen(a) && Object.isFrozen(a.rules[0])).toBe(true);
    const b = createRuleset({ manifest: spso.manifest, rules: filesOf(spso) });
    expect(b).not.toHaveProperty('dir');
    expect(b.sha256).toBe(a.sha256);
    expect(b.sha256).toMatch(/^[0-9a-f]{64}$/);
    const other = createRuleset({ manifest: { ...spso.manifest, version: '9.9.9' }, rules: filesOf(spso) });
    expect(other.sha256).not.toBe(a.sha256);
  });
});

describe("a ruleset's self-assessment provisions", () => {
  it('are required when the manifest offers a self-assessment, and only then', () => {
    expect(refusal({ manifest: hoc.manifest, rules: filesOf(hoc) }).issues).toEqual([
      {
        code: 'missing_self_assessment',
        path: ['periodOutputs'],
        message: 'the ruleset offers self-assessment but has no self-assessment.json',
        file: 'self-assessment.json',
      },
    ]);
    // The MCHP ruleset offers period outputs (kpi) but no self-assessment.
    expect(createRuleset({ manifest: mchp.manifest, rules: filesOf(mchp) })).not.toHaveProperty(
      'selfAssessment',
    );
  });

  it('are kept, and hashed, when given', () => {
    const provisions = hocProvisions();
    const ruleset = createRuleset({
      manifest: hoc.manifest,
      rules: filesOf(hoc),
      selfAssessment: provisions,
    });
    expect(ruleset.selfAssessment?.code).toBe(provisions.code);
    expect(ruleset.sha256).toBe(hoc.sha256);
    const edited = { ...provisions, code: `${provisions.code} (draft)` };
    expect(
      createRuleset({ manifest: hoc.manifest, rules: filesOf(hoc), selfAssessment: edited }).sha256,
    ).not.toBe(hoc.sha256);
  });

  it('are refused, naming self-assessment.json, when malformed or naming an indicator the ruleset lacks', () => {
    const malformed = refusal({ manifest: hoc.manifest, rules: filesOf(hoc), selfAssessment: { code: 1 } });
    expect(malformed.issues.length).toBeGreaterThan(0);
    expect(new Set(malformed.issues.map((i) => i.file))).toEqual(new Set(['self-assessment.json']));
    const provisions = hocProvisions();
    const i = provisions.provisions.findIndex((p: { indicators: string[] }) => p.indicators.length > 0);
    provisions.provisions[i].indicators = ['Z.9'];
    expect(
      refusal({ manifest: hoc.manifest, rules: filesOf(hoc), selfAssessment: provisions }).issues,
    ).toEqual([
      {
        code: 'unknown_indicator',
        path: ['provisions', i, 'indicators', 0],
        message: `provision ${provisions.provisions[i].number} names indicator Z.9, which the ruleset does not have`,
        file: 'self-assessment.json',
      },
    ]);
  });
});
