/** The SARIF 2.1.0 report (`--format sarif`), for code-scanning dashboards. */
import { isAbsolute, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AppliedReview, CaseResult, Finding } from '../model/finding.js';
import { formatIssue } from '../model/issues.js';
import type { Report } from '../model/report.js';
import {
  requireIterable,
  requireObject,
  requireOptions,
  requireParts,
  requireReport,
  requireRuleWords,
} from '../model/usage-error.js';
import { createNamedRefs, isFailing, type RulesetWords } from './common.js';
import {
  memoryParts,
  type Parts,
  type Piece,
  type ReportBuilder,
  type ReportEnd,
  renderWhole,
} from './parts.js';

/** Options of {@link formatSarif}. */
export interface SarifOptions {
  /**
   * The directory input paths are made relative to when they are absolute (e.g. the repository
   * root a code-scanning upload resolves against). Absolute paths outside it, or any absolute path
   * when this is not given, are written as `file://` URIs.
   */
  root?: string;
  /** A page that explains an indicator, for each rule's `helpUri`; none by default. */
  helpUri?: (rule: { ref: string; id: string }) => string | undefined;
  /** The tool's home page, for `tool.driver.informationUri`; none by default. */
  informationUri?: string;
}

/** Options of {@link createSarifBuilder}. */
export interface SarifBuilderOptions extends SarifOptions {
  /**
   * The inputs read so far, as `meta.inputs` will list them (a list that grows as inputs are
   * opened: a case's own file is always in it when the case is added). Results are anchored to
   * their index.
   */
  inputs: readonly { file: string }[];
  /**
   * The indicators the summary will list, in its order (those judged): results name their rule
   * by its index in this list (refs outside it follow, as first seen).
   */
  indicators: readonly { ref: string; id: string }[];
}

type _Location = {
  physicalLocation: { artifactLocation: { uri: string; index?: number }; region?: { startLine: number } };
};

/** A file path as a URI reference: relative paths percent-encoded segment by segment, absolute ones as `file://`. */
/**
 * A reviewed failure as SARIF writes it: an external suppression (the review file) with the
 * reviewer's reason as its justification; an override to `fail` keeps the result unsuppressed in
 * effect, so its status is `rejected` (the suppression was considered and refused).
 */
function _suppression(review: AppliedReview) {
  return {
    kind: 'external',
    status: review.status === 'fail' ? 'rejected' : 'accepted',
    justification: `${review.decision === 'accept' ? 'Accepted as an exception' : `Overridden to ${review.status.replace('_', ' ')}`} by ${review.reviewer} on ${review.reviewedOn}: ${review.reason}`,
  };
}

function _uri(file: string, root: string | undefined): string {
  const path =
    root !== undefined && isAbsolute(file) && !relative(root, file).startsWith('..')
      ? relative(root, file)
      : file;
  if (isAbsolute(path)) return pathToFileURL(path).href;
  return path
    .replace(/\\/g, '/')
    .split('/')
    .map((s) => (s === '.' || s === '..' ? s : encodeURIComponent(s)))
    .join('/');
}

/** XES readers number traces, not lines: a region would point at the wrong line. */
const _hasLines = (file: string): boolean => !/\.xes(\.gz)?$/i.test(file);

const _RESULTS = 'results';
/** Where the results go in the skeleton: a string JSON prints with its quotes, which no other string can. */
const _PLACE = '"results": "__results__"';
/** Results sit at runs[0].results[i]: four levels of two spaces. */
const _RESULT_INDENT = '\n        ';

/** Locations of a case's source among the inputs, as SARIF anchors them. */
function _locator(inputs: readonly { file: string }[], root: string | undefined) {
  const locate = (file: string, line: number | undefined): _Location[] => {
    if (file === '-') return [];
    const uri = _uri(file, root);
    // The last input with this URI, as a map from URI to index would have it.
    let index: number | undefined;
    inputs.forEach((input, i) => {
      if (_uri(input.file, root) === uri) index = i;
    });
    return [
      {
        physicalLocation: {
          artifactLocation: { uri, ...(index === undefined ? {} : { index }) },
          ...(line !== undefined && line >= 1 && _hasLines(file) ? { region: { startLine: line } } : {}),
        },
      },
    ];
  };
  const ofCase = (result: CaseResult): _Location[] => {
    const single = inputs.length === 1 ? inputs[0] : undefined;
    if (result.source) return locate(result.source.file, result.source.line);
    return single ? locate(single.file, undefined) : [];
  };
  return { locate, ofCase };
}

function _results(result: CaseResult, ruleIndex: (ref: string) => number, locations: _Location[]) {
  return result.findings
    .filter((f) => isFailing(f.status))
    .map((f: Finding) => ({
      ruleId: f.ref,
      ruleIndex: ruleIndex(f.ref),
      level: f.status === 'fail' ? 'error' : 'warning',
      message: { text: f.explanation },
      ...(locations.length > 0 ? { locations } : {}),
      partialFingerprints: { 'caseIndicator/v1': `${result.caseId}/${f.ref}` },
      ...(f.baseline !== undefined ? { baselineState: f.baseline } : {}),
      ...(f.review !== undefined ? { suppressions: [_suppression(f.review)] } : {}),
      properties: {
        caseId: result.caseId,
        status: f.status,
        evidence: f.evidence,
        ...(f.review !== undefined ? { reviewedStatus: f.review.status } : {}),
        ...(result.source && !_hasLines(result.source.file) ? { record: result.source.line } : {}),
      },
    }));
}

function _rules(
  ruleset: RulesetWords,
  refs: readonly { ref: string; id: string }[],
  end: ReportEnd,
  options: SarifOptions,
) {
  const words = new Map(ruleset.rules.map((r) => [r.ref, r]));
  const placement = new Map(end.summary.indicators.map((i) => [i.ref, i]));
  return refs.map(({ ref, id }) => {
    const rule = words.get(ref);
    const where = placement.get(ref);
    const helpUri = options.helpUri?.({ ref, id });
    return {
      id: ref,
      name: id,
      ...(rule ? { shortDescription: { text: rule.words } } : {}),
      ...(rule?.description ? { fullDescription: { text: rule.description } } : {}),
      ...(helpUri ? { helpUri } : {}),
      defaultConfiguration: { level: 'error' },
      ...(where ? { properties: { standard: where.standard, commitment: where.commitment } } : {}),
    };
  });
}

/**
 * Rule indexes as results are added: the summary's indicators (given up front), then other refs
 * as first seen. `final` is the list the summary gives at the end; it must agree with every index
 * already written.
 */
function _ruleIndexes(indicators: readonly { ref: string; id: string }[]) {
  const index = new Map(indicators.map((r, i) => [r.ref, i]));
  const named = createNamedRefs();
  let extra = indicators.length;
  const used = new Set<string>();
  return {
    see(findings: readonly { ref: string; id: string }[]) {
      named.see(findings);
      for (const f of findings) if (!index.has(f.ref)) index.set(f.ref, extra++);
    },
    of(ref: string) {
      used.add(ref);
      return index.get(ref) ?? -1;
    },
    final(summary: ReportEnd['summary']) {
      const refs = named.inReportOrder(summary);
      for (const [i, r] of refs.entries()) {
        if (used.has(r.ref) && index.get(r.ref) !== i)
          throw new Error(
            `internal error: SARIF results name rule ${r.ref} by index ${index.get(r.ref)}, but it is rule ${i}`,
          );
      }
      return refs;
    },
  };
}

/**
 * The SARIF report case by case: each failing finding's result goes to a part as the case is
 * judged, and `finish` writes the run around them, exactly as {@link formatSarif} prints the
 * whole report.
 */
export function createSarifBuilder(
  parts: Parts,
  ruleset: RulesetWords,
  options: SarifBuilderOptions,
): ReportBuilder {
  const call = 'createSarifBuilder(parts, ruleset, { inputs, indicators })';
  requireParts('createSarifBuilder', parts, call);
  requireRuleWords('createSarifBuilder', ruleset, call);
  requireObject('createSarifBuilder', options, 'options', call);
  requireIterable('createSarifBuilder', options.inputs, 'options.inputs', call);
  requireIterable('createSarifBuilder', options.indicators, 'options.indicators', call);
  const rules = _ruleIndexes(options.indicators);
  const where = _locator(options.inputs, options.root);
  let count = 0;
  return {
    add(result) {
      rules.see(result.findings);
      for (const r of _results(result, rules.of, where.ofCase(result))) {
        const text = JSON.stringify(r, null, 2).replace(/\n/g, _RESULT_INDENT);
        parts.append(_RESULTS, `${count === 0 ? '' : ','}${_RESULT_INDENT}${text}`);
        count++;
      }
    },
    finish(end) {
      return _skeleton(
        end,
        _rules(ruleset, rules.final(end.summary), end, options),
        where.locate,
        options,
        count,
      );
    },
  };
}

function _skeleton(
  end: ReportEnd,
  rules: unknown[],
  locate: (file: string, line: number | undefined) => _Location[],
  options: SarifOptions,
  results: number,
): Piece[] {
  const { meta, summary } = end;
  const artifacts = meta.inputs.map((input) => ({
    location: { uri: _uri(input.file, options.root) },
    hashes: { 'sha-256': input.sha256 },
  }));
  const rejected = summary.rejected;
  const notifications = rejected.flatMap((r) =>
    r.problems.map((p) => ({
      level: 'error',
      message: { text: `case ${r.caseId} rejected: ${formatIssue(p)}` },
      ...(p.file ? { locations: locate(p.file, p.line) } : {}),
      properties: { caseId: r.caseId },
    })),
  );
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: meta.tool,
            version: meta.version,
            ...(options.informationUri ? { informationUri: options.informationUri } : {}),
            rules,
          },
        },
        invocations: [
          {
            executionSuccessful: rejected.length === 0,
            ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}),
          },
        ],
        artifacts,
        results: '__results__',
        properties: { asOf: meta.asOf, asOfSource: meta.asOfSource, ruleset: meta.ruleset },
      },
    ],
  };
  const text = `${JSON.stringify(sarif, null, 2)}\n`;
  const at = text.indexOf(_PLACE);
  const before = `${text.slice(0, at)}"results": [`;
  const after = text.slice(at + _PLACE.length);
  return results === 0 ? [before, ']', after] : [before, { part: _RESULTS }, '\n      ]', after];
}

/**
 * The report as SARIF 2.1.0 (JSON, ending with a newline). One `rule` per indicator: `id` the
 * ref, `name` the indicator id, `shortDescription` the leaflet's words, `fullDescription` how it
 * is judged. One result per `fail` or `error` finding (nothing for the other statuses), with the
 * explanation as message, anchored to the input file and the case's line (`case.source`), and
 * `caseId`, `status` and the `evidence` event ids as properties. Rejected cases are
 * `toolExecutionNotifications` of the invocation, which is then not successful.
 *
 * Levels: `fail` is `error` (the history shows the standard was not met). An `error` status is
 * `warning`: the indicator could not be judged, which needs attention but is not a proven breach,
 * and SARIF viewers read level `error` as one. (Strict SARIF would make it kind `open` with level
 * `none`, which code-scanning pages hide; it must stay visible.)
 *
 * @example
 * writeFileSync('results.sarif', formatSarif(report, ruleset, { root: process.cwd() }));
 */
export function formatSarif(report: Report, ruleset: RulesetWords, options: SarifOptions = {}): string {
  requireReport('formatSarif', report, 'formatSarif(report, ruleset)');
  requireRuleWords('formatSarif', ruleset, 'formatSarif(report, ruleset)');
  requireOptions('formatSarif', options, "formatSarif(report, ruleset, { root: '.' })");
  const parts = memoryParts();
  const builder = createSarifBuilder(parts, ruleset, {
    ...options,
    inputs: report.meta.inputs,
    indicators: report.summary.indicators,
  });
  return renderWhole(builder, parts, report);
}
