/** The options of `check` (and of the commands built on it), as the command line gives them. */
import type { RejectedCase } from '../engine/evaluate-cases.js';
import type { PreparedEvaluation } from '../engine/prepare.js';
import type { CaseResult, Detail } from '../model/finding.js';
import type { ReportMeta } from '../model/report.js';
import type { Summary } from '../model/summary.js';
import type { ReadLimits } from '../readers/limits.js';
import type { OcelOptions } from '../readers/ocel.js';
import type { InputFormat } from '../readers/types.js';
import type { EvaluatorName } from './evaluator-option.js';
import type { ReportTarget } from './report-writers.js';
import type { FailOn, MinCompliance } from './thresholds.js';

/** Options of `runCheck`, as the command line gives them. */
export interface CheckOptions {
  inputs: readonly string[];
  reports: readonly ReportTarget[];
  inputFormat?: InputFormat | undefined;
  sortedByCase?: boolean | undefined;
  mapping?: string | undefined;
  config?: string | undefined;
  ruleset?: string | undefined;
  asOf?: string | undefined;
  only?: readonly string[] | undefined;
  skip?: readonly string[] | undefined;
  failOn?: FailOn | undefined;
  minCompliance?: readonly MinCompliance[] | undefined;
  strict?: boolean | undefined;
  quiet?: boolean | undefined;
  color?: boolean | undefined;
  /** Worker threads to judge on (`--workers`); one (the default) judges on the main thread. */
  workers?: number | undefined;
  /** An empty input, or no case at all, is not an error (`--allow-empty`). */
  allowEmpty?: boolean | undefined;
  /** Bounds on line length, case size and decompressed size (`--max-*`). */
  limits?: Partial<ReadLimits> | undefined;
  /** How OCEL inputs become cases (`--case-object-type`, `--through-related-objects`). */
  ocel?: OcelOptions | undefined;
  /** A review file (`--reviews`): accepted exceptions and overridden statuses. */
  reviews?: string | undefined;
  /** An earlier report (`--baseline`): each finding is new, unchanged or updated against it. */
  baseline?: string | undefined;
  /** `--fail-on` counts only findings new or updated against the baseline (`--fail-on-new`). */
  failOnNew?: boolean | undefined;
  /** Called once the run is prepared, with its calendar and `asOf` (for `due`). */
  onPrepared?: ((run: { prepared: PreparedEvaluation; asOfMs: number }) => void) | undefined;
  /** Called with each judged case as reported (for `due`, which reads findings, not reports). */
  onResult?: ((result: CaseResult) => void) | undefined;
  /** Called with each rejected case, its problems located (for `due`, which writes no report to list them). */
  onRejected?: ((rejected: RejectedCase) => void) | undefined;
  /** Called once every case is judged, with the run's `meta` and summary (for `self-assessment`). */
  onFinished?: ((run: { meta: ReportMeta; summary: Summary }) => void) | undefined;
  /** Thresholds (`--fail-on`, `--min-compliance`, the config's) are not checked: exit 1 never comes from them. */
  ignoreThresholds?: boolean | undefined;
  /** How conditions are decided (`--evaluator`): each rule's compiled tests unless named. */
  evaluator?: EvaluatorName | undefined;
  /** How much each finding's `measured` holds (`--detail`, default `findings`). */
  detail?: Detail | undefined;
  /** Indented JSON (`--pretty`); compact by default. */
  pretty?: boolean | undefined;
  /** The most cases the HTML report lists (`--html-max-cases`, default 20,000). */
  htmlMaxCases?: number | undefined;
}
