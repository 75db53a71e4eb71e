/** The SARIF 2.1.0 report (`--format sarif`), for code-scanning dashboards. */
import { isAbsolute, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AppliedReview, CaseResult, Finding } from '../model/finding.js';
import { formatIssue } from '../model/issues.js';
import type { Report } from '../model/report.js';
import { indicatorRefs, isFailing, type RulesetWords } from './common.js';

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
  const { meta } = report;
  const words = new Map(ruleset.rules.map((r) => [r.ref, r]));
  const refs = indicatorRefs(report.summary, report.cases ?? []);
  const ruleIndex = new Map(refs.map((r, i) => [r.ref, i]));
  const placement = new Map(report.summary.indicators.map((i) => [i.ref, i]));
  const rules = refs.map(({ ref, id }) => {
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

  const artifacts = meta.inputs.map((input) => ({
    location: { uri: _uri(input.file, options.root) },
    hashes: { 'sha-256': input.sha256 },
  }));
  const artifactIndex = new Map(artifacts.map((a, i) => [a.location.uri, i]));
  const locate = (file: string, line: number | undefined): _Location[] => {
    if (file === '-') return [];
    const uri = _uri(file, options.root);
    const index = artifactIndex.get(uri);
    return [
      {
        physicalLocation: {
          artifactLocation: { uri, ...(index === undefined ? {} : { index }) },
          ...(line !== undefined && line >= 1 && _hasLines(file) ? { region: { startLine: line } } : {}),
        },
      },
    ];
  };
  const single = meta.inputs.length === 1 ? meta.inputs[0] : undefined;
  const caseLocations = (result: CaseResult): _Location[] =>
    result.source
      ? locate(result.source.file, result.source.line)
      : single
        ? locate(single.file, undefined)
        : [];

  const results = (report.cases ?? []).flatMap((result) => {
    const failing = result.findings.filter((f) => isFailing(f.status));
    if (failing.length === 0) return [];
    const locations = caseLocations(result);
    return failing.map((f: Finding) => ({
      ruleId: f.ref,
      ...(ruleIndex.has(f.ref) ? { ruleIndex: ruleIndex.get(f.ref) } : {}),
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
  });

  const rejected = report.summary.rejected;
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
        results,
        properties: { asOf: meta.asOf, asOfSource: meta.asOfSource, ruleset: meta.ruleset },
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
