/**
 * The shipped provision list of hoc-code-2024 against its contract (`housing-code-2024.md`,
 * section SA): every section in order, the rows the log evidences exactly as the contract's table
 * gives them, a paraphrase on every row, and the record of how the numbers were checked.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ProvisionListSchema } from '../../src/self-assessment/provisions.js';
import { StatementsFileSchema, unknownProvisionIssues } from '../../src/self-assessment/statements.js';

const list = ProvisionListSchema.parse(
  JSON.parse(
    readFileSync(new URL('../../rules/hoc-code-2024/self-assessment.json', import.meta.url), 'utf8'),
  ),
);

/** The contract's table: provision, indicators, source. */
const FROM_THE_LOG: [string, string[], 'log' | 'log_and_statement'][] = [
  ['2.1', ['A.1'], 'log_and_statement'],
  ['5.6', ['S1.1', 'S2.1'], 'log_and_statement'],
  ['5.11', ['S2.2'], 'log_and_statement'],
  ['6.2', ['S1.1'], 'log'],
  ['6.3', ['S1.2'], 'log'],
  ['6.4', ['S1.2', 'S1.3'], 'log_and_statement'],
  ['6.5', ['S1.3'], 'log'],
  ['6.6', ['R.1'], 'log_and_statement'],
  ['6.9', ['S1.4'], 'log'],
  ['6.10', ['S2.1', 'S2.2'], 'log_and_statement'],
  ['6.11', ['S2.1'], 'log'],
  ['6.13', ['S2.3'], 'log'],
  ['6.14', ['S2.4'], 'log'],
  ['6.15', ['S2.4', 'S2.5'], 'log_and_statement'],
  ['6.16', ['S2.5'], 'log'],
  ['6.17', ['R.1'], 'log_and_statement'],
  ['6.19', ['S2.6'], 'log'],
  ['7.3', ['R.1'], 'log'],
];

/** Phrases of the Code's section 1 that its paraphrases once followed too closely. */
const CODE_PHRASES = [
  /however made/i,
  /standard of service, actions or lack of action/i,
  /does not have to use the word/i,
  /need not use the word/i,
  /put something right/i,
  /recorded, monitored and reviewed/i,
  /remains ongoing/i,
  /expression of dissatisfaction/i,
];

describe('the hoc-code-2024 provision list', () => {
  it('covers sections 1 to 9, each with at least one provision, in Code order', () => {
    expect(list.sections.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    for (const s of list.sections) expect(list.provisions.some((p) => p.section === s.number)).toBe(true);
    // Numbers run without gaps within each section (a gap would be a provision left out).
    for (const s of list.sections) {
      const minors = list.provisions
        .filter((p) => p.section === s.number)
        .map((p) => Number(p.number.split('.')[1]));
      const first = minors[0] as number;
      expect(minors).toEqual(minors.map((_, i) => first + i));
    }
  });

  it('evidences from the log exactly the rows of the contract, and nothing else', () => {
    const fromLog = list.provisions
      .filter((p) => p.source !== 'statement')
      .map((p) => [p.number, p.indicators, p.source]);
    expect(fromLog).toEqual(FROM_THE_LOG);
  });

  it('says on every mixed row what a person must still state', () => {
    for (const p of list.provisions.filter((x) => x.source === 'log_and_statement'))
      expect(p.stillToState, p.number).toMatch(/^that |^as /);
  });

  it("paraphrases each provision in a sentence of its own, not the Code's", () => {
    for (const p of list.provisions) {
      expect(p.requirement, p.number).toMatch(/^[A-Z].*\.$/);
      // The Code's own phrasing (section 1, as landlords' self-assessments quote it), which a
      // paraphrase must not copy.
      for (const phrase of CODE_PHRASES) expect(p.requirement, p.number).not.toMatch(phrase);
    }
  });

  it('records how its numbers were checked, and which were only recalled', () => {
    expect(list.checked.against.length).toBeGreaterThan(0);
    const recalled = list.provisions.filter((p) => p.checked === 'recalled').map((p) => p.number);
    // The contract's unconfirmed numbers are among the recalled ones, or were confirmed by the check.
    for (const n of ['6.14', '6.15', '6.16', '6.17', '6.19', '5.11', '6.9']) expect(recalled).toContain(n);
    for (const n of ['6.2', '6.3', '6.10', '6.13', '7.3']) expect(recalled).not.toContain(n);
  });
});

describe('the statements file', () => {
  it('accepts statements by provision and refuses unknown fields', () => {
    expect(
      StatementsFileSchema.safeParse({
        provisions: { '3.1': { comply: 'yes', evidence: 'e', commentary: 'c' } },
      }).success,
    ).toBe(true);
    expect(StatementsFileSchema.safeParse({ provisions: { '3.1': { comply: 'maybe' } } }).success).toBe(
      false,
    );
    expect(StatementsFileSchema.safeParse({ provisions: { '3.1': { complies: 'yes' } } }).success).toBe(
      false,
    );
  });

  it('names each provision the list does not have', () => {
    const issues = unknownProvisionIssues({ provisions: { '3.1': {}, '6.30': {}, '6.3 ': {} } }, list);
    expect(issues.map((i) => i.path)).toEqual([
      ['provisions', '6.30'],
      ['provisions', '6.3 '],
    ]);
    expect(issues[0]?.message).toBe(`no provision "6.30" in the self-assessment of ${list.code}`);
  });
});
