/**
 * Every exported formatter and builder checks its arguments at the entry: nothing, or the wrong
 * kind of thing (the results alone in place of the report, a path, an unawaited ruleset), gives a
 * UsageError whose message says what to pass, never a TypeError from inside.
 */
import { describe, expect, it } from 'vitest';
import {
  createJsonBuilder,
  createJunitBuilder,
  createMarkdownBuilder,
  createNdjsonWriter,
  createSarifBuilder,
  createTextBuilder,
  formatCatalogue,
  formatCatalogueEntry,
  formatHtml,
  formatJson,
  formatJunit,
  formatMarkdown,
  formatNdjsonCase,
  formatNdjsonSummary,
  formatSarif,
  formatText,
  loadRuleset,
  memoryParts,
  parseNdjsonReport,
  renderWhole,
  UsageError,
} from '../../src/index.js';

const ruleset = await loadRuleset();

function usageError(run: () => unknown): UsageError {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return e as UsageError;
  }
  throw new Error('expected a UsageError');
}

const _ = undefined as never;
const REPORT_HOW = /with a report \{ meta, cases, summary \} as check --format json writes it\.$/;

describe('the report formatters', () => {
  const formatters: [string, (report: never) => unknown][] = [
    ['formatText', (r) => formatText(r)],
    ['formatMarkdown', (r) => formatMarkdown(r)],
    ['formatJson', (r) => formatJson(r)],
    ['formatJunit', (r) => formatJunit(r)],
    ['formatSarif', (r) => formatSarif(r, ruleset)],
    ['formatHtml', (r) => formatHtml(r, ruleset)],
    ['renderWhole', (r) => renderWhole(createJsonBuilder(memoryParts()), memoryParts(), r)],
  ];
  for (const [name, format] of formatters) {
    it(`${name} without a report says what to pass`, () => {
      const e = usageError(() => format(_));
      expect(e.code).toBe('missing_argument');
      expect(e.message).toMatch(new RegExp(`^${name}: no report given: call ${name}\\(`));
      expect(e.message).toMatch(REPORT_HOW);
    });

    it(`${name} given the results alone, or a report without its summary, names what is wrong`, () => {
      const list = usageError(() => format([] as never));
      expect(list.code).toBe('wrong_argument');
      expect(list.message).toMatch(new RegExp(`^${name}: report must be an object, not an array: call`));
      const half = usageError(() => format({ meta: {}, cases: [] } as never));
      expect(half.code).toBe('missing_argument');
      expect(half.message).toMatch(new RegExp(`^${name}: no report\\.summary given: call`));
      expect(half.message).toMatch(REPORT_HOW);
      const cases = usageError(() => format({ meta: {}, cases: 'C1', summary: {} } as never));
      expect(cases.message).toMatch(new RegExp(`^${name}: report\\.cases must be a list`));
    });
  }

  it('take options as an object or not at all', () => {
    const e = usageError(() => formatText({ meta: {}, summary: {} } as never, 'color' as never));
    expect(e.code).toBe('wrong_argument');
    expect(e.message).toMatch(/^formatText: options must be an object, not a string \("color"\)/);
  });

  it('formatHtml and formatSarif say to load and await the ruleset', () => {
    const report = { meta: {}, summary: {} } as never;
    const missing = usageError(() => formatHtml(report, _));
    expect(missing.code).toBe('missing_ruleset');
    expect(missing.message).toBe(
      'formatHtml: no ruleset given: call formatHtml(report, ruleset) with the ruleset (const ruleset = await loadRuleset()).',
    );
    const promise = usageError(() => formatSarif(report, loadRuleset() as never));
    expect(promise.code).toBe('unresolved_ruleset');
    expect(promise.message).toMatch(/^formatSarif: the ruleset is a promise: await it, then call/);
    const other = usageError(() => formatHtml(report, { manifest: {} } as never));
    expect(other.code).toBe('not_a_ruleset');
  });
});

describe('the builders and the NDJSON writer', () => {
  const cases: [string, () => unknown, string, RegExp][] = [
    [
      'createJsonBuilder()',
      () => createJsonBuilder(_),
      'missing_argument',
      /^createJsonBuilder: no parts given: call createJsonBuilder\(memoryParts\(\)\)\.$/,
    ],
    [
      'createJunitBuilder(a path)',
      () => createJunitBuilder('junit.xml' as never),
      'wrong_argument',
      /^createJunitBuilder: parts must be an object, not a string \("junit\.xml"\)/,
    ],
    [
      'createJsonBuilder({})',
      () => createJsonBuilder({} as never),
      'wrong_argument',
      /^createJsonBuilder: parts must have a append method: call createJsonBuilder\(memoryParts\(\)\)\.$/,
    ],
    [
      'createTextBuilder(true)',
      () => createTextBuilder(true as never),
      'wrong_argument',
      /^createTextBuilder: options must be an object, not a boolean/,
    ],
    [
      'createMarkdownBuilder(5)',
      () => createMarkdownBuilder(5 as never),
      'wrong_argument',
      /^createMarkdownBuilder: options must be an object, not a number/,
    ],
    [
      'createSarifBuilder without options',
      () => createSarifBuilder(memoryParts(), ruleset, _),
      'missing_argument',
      /^createSarifBuilder: no options given: call createSarifBuilder\(parts, ruleset, \{ inputs, indicators \}\)/,
    ],
    [
      'createSarifBuilder without indicators',
      () => createSarifBuilder(memoryParts(), ruleset, { inputs: [] } as never),
      'missing_argument',
      /^createSarifBuilder: no options\.indicators given/,
    ],
    [
      'renderWhole with parts that cannot be read back',
      () => renderWhole(createTextBuilder(), { append() {} } as never, { meta: {}, summary: {} } as never),
      'wrong_argument',
      /^renderWhole: parts must have a text method: call renderWhole\(.*memoryParts\(\)\.$/,
    ],
    [
      'formatNdjsonCase()',
      () => formatNdjsonCase(_),
      'missing_argument',
      /^formatNdjsonCase: no result given: call formatNdjsonCase\(outcome\.result\), with a judged case\.$/,
    ],
    [
      'formatNdjsonSummary(meta)',
      () => formatNdjsonSummary({} as never, _),
      'missing_argument',
      /^formatNdjsonSummary: no summary given: call formatNdjsonSummary\(meta, summary\)/,
    ],
    [
      'parseNdjsonReport()',
      () => parseNdjsonReport(_),
      'missing_argument',
      /^parseNdjsonReport: no lines given: call parseNdjsonReport\(readFileSync/,
    ],
    [
      'createNdjsonWriter()',
      () => createNdjsonWriter(_),
      'missing_argument',
      /^createNdjsonWriter: no sink given: call createNdjsonWriter\(process\.stdout\), with a writable stream\.$/,
    ],
    [
      'formatCatalogue()',
      () => formatCatalogue(_),
      'missing_ruleset',
      /^formatCatalogue: its argument is missing: pass the ruleset/,
    ],
    [
      'formatCatalogueEntry()',
      () => formatCatalogueEntry(_),
      'missing_argument',
      /^formatCatalogueEntry: no entry given: call formatCatalogueEntry\(describeRuleset\(ruleset\)\[0\]\)\.$/,
    ],
  ];
  for (const [name, run, code, message] of cases) {
    it(name, () => {
      const e = usageError(run);
      expect(e.code).toBe(code);
      expect(e.message).toMatch(message);
    });
  }
});
