/**
 * Library misuse raises a UsageError whose code says what went wrong and whose message says
 * what to pass, at every entry point that takes a ruleset; unknown refs in `only`/`skip` are
 * errors, as in the command.
 */
import { describe, expect, it } from 'vitest';
import {
  type CaseInput,
  compareResults,
  compileRule,
  createAuditTally,
  createBaseline,
  createCalendar,
  createReviewBook,
  createRuleset,
  createSummaryBuilder,
  dayFromIsoDate,
  describeRuleset,
  dueItems,
  evaluateCase,
  evaluateCases,
  fingerprintFinding,
  formatIssue,
  loadRuleset,
  measuredReads,
  measureText,
  prepareEvaluation,
  provisionListOf,
  type Ruleset,
  readCases,
  renderTemplate,
  reviewedStatus,
  selfAssessment,
  summarize,
  toJsonSchema,
  UsageError,
  worstStatus,
} from '../../src/index.js';

const ruleset = await loadRuleset();
const asOf = '2025-06-30T17:00:00+01:00';
const history: CaseInput = {
  caseId: 'C1',
  events: [{ type: 'complaint.received', at: '2025-06-02T09:00:00+01:00' }],
};

async function usageError(run: () => unknown): Promise<UsageError> {
  try {
    await run();
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return e as UsageError;
  }
  throw new Error('expected a UsageError');
}

async function drain(iterable: AsyncIterable<unknown>) {
  for await (const _ of iterable);
}

describe('misuse of the library', () => {
  it('summarize(results) without its options says to pass the ruleset', async () => {
    const result = await evaluateCase(history, { ruleset, asOf });
    // @ts-expect-error the options are required
    const e = await usageError(() => summarize([result]));
    expect(e.code).toBe('missing_options');
    expect(e.message).toMatch(/summarize\(results, \{ ruleset \}\).*loadRuleset\(\)/);
  });

  it('forgetting the ruleset names the option', async () => {
    // @ts-expect-error ruleset is required
    const e = await usageError(() => evaluateCase(history, { asOf }));
    expect(e.code).toBe('missing_ruleset');
    expect(e.message).toMatch(/evaluateCase: options\.ruleset is missing: pass the ruleset/);
    // @ts-expect-error ruleset is required
    expect((await usageError(() => drain(evaluateCases([history], { asOf })))).code).toBe('missing_ruleset');
    // @ts-expect-error summarize needs a ruleset
    expect((await usageError(() => summarize([], {}))).code).toBe('missing_ruleset');
    // @ts-expect-error a ruleset is required
    expect((await usageError(() => createSummaryBuilder())).code).toBe('missing_ruleset');
    // @ts-expect-error a ruleset is required
    expect((await usageError(() => prepareEvaluation(undefined))).code).toBe('missing_ruleset');
  });

  it('an unresolved loadRuleset() promise says to await it', async () => {
    const pending = loadRuleset() as unknown as Ruleset;
    for (const run of [
      () => evaluateCase(history, { ruleset: pending, asOf }),
      () => drain(evaluateCases([history], { ruleset: pending, asOf })),
      () => summarize([], { ruleset: pending }),
      () => createSummaryBuilder(pending),
      () => prepareEvaluation(pending),
    ]) {
      const e = await usageError(run);
      expect(e.code).toBe('unresolved_ruleset');
      expect(e.message).toMatch(/is a promise: await loadRuleset\(\) first/);
    }
  });

  it('something else in place of a ruleset is named as such', async () => {
    const e = await usageError(() =>
      evaluateCase(history, { ruleset: { rules: 'x' } as unknown as Ruleset, asOf }),
    );
    expect(e.code).toBe('not_a_ruleset');
  });

  it('a missing asOf says what to pass', async () => {
    // @ts-expect-error asOf is required
    const e = await usageError(() => evaluateCase(history, { ruleset }));
    expect(e.code).toBe('missing_as_of');
    expect(e.message).toMatch(/asOf.*2025-06-30T17:00:00\+01:00/);
  });

  it('unknown refs in only or skip are errors, listing the refs', async () => {
    const only = await usageError(() => evaluateCase(history, { ruleset, asOf, only: ['9.9'] }));
    expect(only.code).toBe('unknown_indicator');
    expect(only.message).toMatch(/^only: no indicator has ref or id "9\.9".*1\.1\.1, 1\.1\.2/);
    const skip = await usageError(() => evaluateCase(history, { ruleset, asOf, skip: ['1.1', 'nope'] }));
    expect(skip.message).toMatch(/^skip: no indicator has ref or id "nope"/);
    const result = await evaluateCase(history, { ruleset, asOf, only: ['1.1', 'L.2'] });
    expect(result.findings.map((f) => f.ref)).toEqual(['1.1.1', '1.1.2', 'L.2']);
  });
});

describe('every entry point names what to pass', () => {
  const calendar = createCalendar({ zone: 'Europe/London', holidays: { none: true } });
  const cases: [string, () => unknown, string, RegExp][] = [
    [
      'readCases(a path)',
      () => readCases('cases.ndjson' as never),
      'wrong_argument',
      /^readCases: inputs must be a list \(an array or an iterable\), not a string \("cases\.ndjson"\): call readCases\(\['cases\.ndjson'\]/,
    ],
    ['readCases()', () => readCases(undefined as never), 'missing_argument', /^readCases: no inputs given/],
    [
      'evaluateCases(undefined)',
      () => drain(evaluateCases(undefined as never, { ruleset, asOf })),
      'missing_argument',
      /^evaluateCases: no cases given: call evaluateCases\(cases, \{ ruleset, asOf \}\)/,
    ],
    [
      'loadRuleset(a path)',
      () => loadRuleset('./my-rules' as never),
      'wrong_argument',
      /^loadRuleset: options must be an object, not a string \("\.\/my-rules"\): call .*loadRuleset\(\{ dir: '\.\/my-rules' \}\)/,
    ],
    [
      'createRuleset()',
      () => createRuleset(undefined as never),
      'missing_argument',
      /^createRuleset: no options given: call createRuleset\(\{ manifest, rules \}\)/,
    ],
    [
      'describeRuleset()',
      () => describeRuleset(undefined as never),
      'missing_ruleset',
      /^describeRuleset: its argument is missing/,
    ],
    [
      'createCalendar()',
      () => createCalendar(undefined as never),
      'missing_argument',
      /^createCalendar: no options given: call createCalendar\(\{ zone: 'Europe\/London'/,
    ],
    [
      'dueItems(results)',
      () => dueItems([], undefined as never),
      'missing_argument',
      /^dueItems: no options given: call dueItems\(results, \{ asOfMs, calendar, ruleset \}\)/,
    ],
    [
      'dueItems without ruleset',
      () => dueItems([], { asOfMs: 0, calendar } as never),
      'missing_ruleset',
      /^dueItems: options\.ruleset is missing/,
    ],
    [
      'compareResults(a report)',
      () => compareResults({ results: [] } as never, []),
      'wrong_argument',
      /^compareResults: results before must be a list \(an array or an iterable\), not an object.*compareResults\(before\.results, after\.results\)/,
    ],
    [
      'selfAssessment(cases)',
      () => selfAssessment([], undefined as never),
      'missing_options',
      /^selfAssessment: the options are missing: call selfAssessment\(cases, \{ ruleset, period: /,
    ],
    [
      'selfAssessment(a path, ...)',
      () => selfAssessment('log.ndjson' as never, { ruleset } as never),
      'wrong_argument',
      /^selfAssessment: cases must be a list \(an array or an iterable\), not a string \("log\.ndjson"\)/,
    ],
    [
      'provisionListOf()',
      () => provisionListOf(undefined as never),
      'missing_ruleset',
      /^provisionListOf: its argument is missing: pass the ruleset/,
    ],
    [
      'createBaseline()',
      () => createBaseline(undefined as never),
      'missing_argument',
      /^createBaseline: no earlier results given: call createBaseline\(earlierReport\.cases\)\.$/,
    ],
    [
      'createReviewBook(reviews)',
      () => createReviewBook([], undefined as never),
      'missing_argument',
      /^createReviewBook: no options given: call createReviewBook\(file\.reviews, \{ asOfDate: '2025-06-30' \}\)\.$/,
    ],
    [
      'createReviewBook(the file)',
      () => createReviewBook({ reviews: [] } as never, { asOfDate: '2025-06-30' }),
      'wrong_argument',
      /^createReviewBook: reviews must be a list \(an array or an iterable\), not an object: call createReviewBook\(file\.reviews/,
    ],
    [
      'createAuditTally()',
      () => createAuditTally(undefined as never, {}),
      'missing_ruleset',
      /^createAuditTally: the ruleset is missing: pass the ruleset/,
    ],
    [
      'fingerprintFinding()',
      () => fingerprintFinding(undefined as never),
      'missing_argument',
      /^fingerprintFinding: no finding given: call fingerprintFinding\(result\.findings\[0\]\)\.$/,
    ],
    [
      'formatIssue()',
      () => formatIssue(undefined as never),
      'missing_argument',
      /^formatIssue: no issue given: call formatIssue\(error\.issues\[0\]\), with an issue \{ path, message \}\.$/,
    ],
    [
      'toJsonSchema(an unknown name)',
      () => toJsonSchema('cases' as never),
      'wrong_argument',
      /^toJsonSchema: no published schema is named "cases": call toJsonSchema\('config'\), with one of events, event, case, config, /,
    ],
    [
      'compileRule()',
      () => compileRule(undefined as never, undefined as never),
      'missing_argument',
      /^compileRule: no rule given: call compileRule\(ruleFile, \{ filters: manifest\.filters, params \}\)\.$/,
    ],
    [
      'measuredReads()',
      () => measuredReads(undefined as never),
      'missing_argument',
      /^measuredReads: no rule given: call measuredReads\(ruleFile\)\.$/,
    ],
    [
      'renderTemplate(a template, nothing)',
      () => renderTemplate('Sent on {sentAt|date}.', undefined as never),
      'missing_argument',
      /^renderTemplate: no values given: call renderTemplate\('Sent on \{sentAt\|date\}\.', \{ sentAt: '2024-05-07' \}\)\.$/,
    ],
    [
      'renderTemplate(a number)',
      () => renderTemplate(3 as never, {}),
      'wrong_argument',
      /^renderTemplate: template must be a string, not a number/,
    ],
    [
      'measureText()',
      () => measureText(undefined as never),
      'missing_argument',
      /^measureText: no text given: call measureText\('We have received your complaint\.'\)\.$/,
    ],
    [
      'worstStatus(a status)',
      () => worstStatus('fail' as never),
      'wrong_argument',
      /^worstStatus: statuses must be a list \(an array or an iterable\), not a string \("fail"\): call worstStatus\(\['pass', 'fail'\]\)\.$/,
    ],
    [
      'dayFromIsoDate(a Date)',
      () => dayFromIsoDate(new Date(0) as never),
      'wrong_argument',
      /^dayFromIsoDate: iso must be a string, not an object: call dayFromIsoDate\('2024-05-07'\)\.$/,
    ],
    [
      'reviewedStatus()',
      () => reviewedStatus(undefined as never),
      'missing_argument',
      /^reviewedStatus: no finding given: call reviewedStatus\(result\.findings\[0\]\)\.$/,
    ],
  ];
  for (const [name, run, code, message] of cases) {
    it(name, async () => {
      const e = await usageError(run);
      expect(e.code).toBe(code);
      expect(e.message).toMatch(message);
    });
  }
});
