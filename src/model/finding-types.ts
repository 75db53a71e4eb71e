/**
 * Findings as the compiler sees them: `ref` completes to the shipped ruleset's refs (any other
 * ruleset's refs are still strings), and `dueAt` and `periodAnchor` are ISO 8601 instants.
 */
import type { CaseResult, Finding } from './finding.js';

/** The refs of the shipped ruleset (SPSO CSStandards-0524), in its order. */
export const SPSO_REFS = [
  '1.1.1',
  '1.1.2',
  '1.2.1',
  '1.2.2',
  '1.2.3',
  '1.3.1',
  '1.4.1',
  '1.5.1',
  '1.5.2',
  '1.6.1',
  '1.6.2',
  '2.1.1',
  '2.1.2',
  '2.2.1',
  '2.2.2',
  '2.3.1',
  '3.1.1',
  '3.2.1',
  '3.3.1',
  '3.3.2',
  '3.4.1',
  '3.5.1',
  '3.6.1',
  'L.1',
  'L.2',
  'L.3',
  'L.4',
] as const;

/** A ref of the shipped ruleset. */
export type SpsoRef = (typeof SPSO_REFS)[number];

/** An indicator's ref: the shipped ruleset's (completed by editors), or another ruleset's. */
export type IndicatorRef = SpsoRef | (string & {});

/** An ISO 8601 instant with its offset, e.g. `2025-06-30T17:00:00+01:00`. */
export type IsoInstant = `${number}-${number}-${number}T${string}`;

/** One verdict on one indicator for one case, typed for callers. */
export type TypedFinding = Omit<Finding, 'ref' | 'dueAt' | 'periodAnchor'> & {
  ref: IndicatorRef;
  dueAt?: IsoInstant;
  periodAnchor?: IsoInstant;
};

/** All findings for one case, typed for callers. */
export type TypedCaseResult = Omit<CaseResult, 'findings'> & { findings: TypedFinding[] };
