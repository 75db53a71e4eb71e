import {
  type CaseRecords,
  CLOSURE_LABELS,
  type ClosureLabel,
  type ClosureWithoutResponse,
  type StageClosure,
  type StageEntry,
} from './stage-records.js';

/** One case counted in a figure. */
export type FigureCase = Partial<Omit<StageClosure, 'caseId' | 'label' | 'evidence'>> & {
  caseId: string;
  label: string;
  evidence: readonly string[];
};

/** One figure of the period report (`mchp-scotland.md`, section K), with the cases it counts. */
export interface Figure {
  ref: string;
  id: string;
  label: string;
  group?: string;
  /** Null for a percentage or mean with nothing to divide by (`reason` says so). */
  value: number | null;
  unit: 'count' | 'percent' | 'working_days' | 'per_1000';
  numerator?: number;
  denominator?: number;
  reason?: string;
  cases: FigureCase[];
}

/** A figure the log cannot give: a person supplies it. */
export interface NotFromLog {
  ref: string;
  label: string;
}

export const NOT_FROM_LOG: readonly NotFromLog[] = [
  { ref: 'K.1', label: 'Learning from complaints' },
  { ref: 'K.2', label: 'Complaint process experience (satisfaction)' },
  { ref: 'K.3', label: 'Staff awareness and training' },
];

const _LABEL_WORDS: Record<ClosureLabel, string> = {
  stage1: 'stage 1',
  stage2direct: 'stage 2 (direct)',
  stage2escalated: 'stage 2 (escalated)',
};

/** K.6's outcome categories, in the order the returns print them. */
export const OUTCOME_CATEGORIES = [
  'upheld',
  'partly_upheld',
  'not_upheld',
  'resolved',
  'other',
  'not_recorded',
] as const;
const _OUTCOME_WORDS: Record<(typeof OUTCOME_CATEGORIES)[number], string> = {
  upheld: 'upheld',
  partly_upheld: 'partially upheld',
  not_upheld: 'not upheld',
  resolved: 'resolved',
  other: 'other outcome',
  not_recorded: 'outcome not recorded',
};

const _capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** n / d as a percentage, rounded half-up to one decimal, exactly (integers only). */
export function percentOf(n: number, d: number): number {
  return Math.floor((2000 * n + d) / (2 * d)) / 10;
}

/** sum / count rounded half-up to one decimal, exactly for whole numbers. */
export function meanOf(sum: number, count: number): number {
  return Math.floor((20 * sum + count) / (2 * count)) / 10;
}

const _category = (outcome: string | null) =>
  outcome === null
    ? 'not_recorded'
    : (OUTCOME_CATEGORIES as readonly string[]).includes(outcome)
      ? (outcome as (typeof OUTCOME_CATEGORIES)[number])
      : 'other';

const _entryCase = (e: StageEntry): FigureCase => ({
  caseId: e.caseId,
  label: e.label,
  stageStart: e.date,
  evidence: e.evidence,
});
const _closureCase = (c: StageClosure): FigureCase => ({ ...c });

/** Collects the records of each case (one small record per receipt and stage closure). */
export interface KpiTally {
  add(records: CaseRecords): void;
  /** The figures, in ref order, and the closures without response. */
  figures(population?: number): { figures: Figure[]; closuresWithoutResponse: ClosureWithoutResponse[] };
}

/**
 * A tally of the period's records, turned into the figures of section K: K.4 received, K.5
 * closed at each stage, K.6 outcomes, K.7 average working days, K.8 within timescale, K.9
 * extended. Pure; memory grows with the records, never with the events.
 *
 * @example
 * const tally = createKpiTally();
 * tally.add(caseRecords(index, calendar, period, { stage1: 5, stage2: 20 }));
 * tally.figures().figures[0]; // { ref: 'K.4', id: 'received', value: 1, ... }
 */
export function createKpiTally(): KpiTally {
  const received: StageEntry[] = [];
  const escalated: StageEntry[] = [];
  const closures: StageClosure[] = [];
  const without: ClosureWithoutResponse[] = [];
  return {
    add(r) {
      if (r.received) received.push(r.received);
      if (r.escalated) escalated.push(r.escalated);
      closures.push(...r.closures);
      without.push(...r.withoutResponse);
    },
    figures(population) {
      const figures = [
        ..._received(received, escalated, population),
        ..._closed(closures, without, population),
        ..._outcomes(closures),
        ..._times(closures),
        ..._share(
          closures,
          'K.8',
          'within-timescale',
          'closed within the timescale',
          (c) => c.withinTimescale,
        ),
        ..._share(closures, 'K.9', 'extended', 'with an extension authorised', (c) => c.extended),
      ];
      return { figures, closuresWithoutResponse: [...without] };
    },
  };
}

function _count(ref: string, id: string, label: string, cases: FigureCase[], group?: string): Figure {
  return { ref, id, label, ...(group ? { group } : {}), value: cases.length, unit: 'count', cases };
}

function _percent(
  base: Omit<Figure, 'value' | 'unit' | 'numerator' | 'denominator'>,
  denominator: number,
  why: string,
): Figure {
  const numerator = base.cases.length;
  if (denominator === 0)
    return { ...base, value: null, unit: 'percent', numerator, denominator, reason: why };
  return { ...base, value: percentOf(numerator, denominator), unit: 'percent', numerator, denominator };
}

function _perThousand(
  ref: string,
  id: string,
  label: string,
  cases: FigureCase[],
  population: number,
): Figure {
  return {
    ref,
    id,
    label,
    value: _perThousandOf(cases.length, population),
    unit: 'per_1000',
    numerator: cases.length,
    denominator: population,
    cases,
  };
}

/** count per 1,000 of population, rounded half-up to one decimal. */
function _perThousandOf(count: number, population: number): number {
  return Math.floor((20_000 * count + population) / (2 * population)) / 10;
}

function _received(received: StageEntry[], escalated: StageEntry[], population?: number): Figure[] {
  const all = received.map(_entryCase);
  const out = [
    _count('K.4', 'received', 'Complaints received', all),
    _count(
      'K.4',
      'received-stage1',
      'Received at stage 1',
      all.filter((c) => c.label === 'stage1'),
      'stage1',
    ),
    _count(
      'K.4',
      'received-stage2',
      'Received at stage 2 (taken straight to stage 2)',
      all.filter((c) => c.label === 'stage2'),
      'stage2',
    ),
    _count(
      'K.4',
      'escalated',
      'Escalated to stage 2 after a stage 1 response (beside the received, not added)',
      escalated.map(_entryCase),
    ),
  ];
  if (population)
    out.push(
      _perThousand(
        'K.4',
        'received-per-1000',
        'Complaints received per 1,000 of population',
        all,
        population,
      ),
    );
  return out;
}

function _closed(closures: StageClosure[], without: ClosureWithoutResponse[], population?: number): Figure[] {
  const all = closures.map(_closureCase);
  const out: Figure[] = [
    _count('K.5', 'closed', 'Stage closures (complaints closed, summed over stages)', all),
  ];
  if (population)
    out.push(
      _perThousand('K.5', 'closed-per-1000', 'Stage closures per 1,000 of population', all, population),
    );
  for (const label of CLOSURE_LABELS) {
    out.push(
      _percent(
        {
          ref: 'K.5',
          id: `closed-${label}`,
          label: `Closed at ${_LABEL_WORDS[label]}`,
          group: label,
          cases: all.filter((c) => c.label === label),
        },
        all.length,
        'no stage closure in the period',
      ),
    );
    const w = without
      .filter((c) => c.label === label)
      .map((c) => ({
        caseId: c.caseId,
        label: c.label,
        stageEnd: c.at,
        outcome: c.outcome,
        evidence: c.evidence,
      }));
    out.push(
      _count(
        'K.5',
        `closed-without-response-${label}`,
        `Closed without a response at ${_LABEL_WORDS[label]}, apart from the closures`,
        w,
        label,
      ),
    );
  }
  return out;
}

function _outcomes(closures: StageClosure[]): Figure[] {
  const out: Figure[] = [];
  for (const label of CLOSURE_LABELS) {
    const mine = closures.filter((c) => c.label === label);
    for (const category of OUTCOME_CATEGORIES) {
      const cases = mine.filter((c) => _category(c.outcome) === category).map(_closureCase);
      out.push(
        _percent(
          {
            ref: 'K.6',
            id: `outcome-${label}-${category.replaceAll('_', '-')}`,
            label: `${_capitalised(_OUTCOME_WORDS[category])} at ${_LABEL_WORDS[label]}`,
            group: label,
            cases,
          },
          mine.length,
          `no closure at ${_LABEL_WORDS[label]} in the period`,
        ),
      );
    }
  }
  return out;
}

function _times(closures: StageClosure[]): Figure[] {
  return CLOSURE_LABELS.map((label) => {
    const cases = closures.filter((c) => c.label === label).map(_closureCase);
    const sum = cases.reduce((s, c) => s + (c.workingDays ?? 0), 0);
    const base = {
      ref: 'K.7',
      id: `average-working-days-${label}`,
      label: `Average working days to respond at ${_LABEL_WORDS[label]}`,
      group: label,
      unit: 'working_days' as const,
      numerator: sum,
      denominator: cases.length,
      cases,
    };
    return cases.length === 0
      ? { ...base, value: null, reason: `no closure at ${_LABEL_WORDS[label]} in the period` }
      : { ...base, value: meanOf(sum, cases.length) };
  });
}

function _share(
  closures: StageClosure[],
  ref: string,
  id: string,
  words: string,
  test: (c: StageClosure) => boolean,
): Figure[] {
  return CLOSURE_LABELS.map((label) => {
    const mine = closures.filter((c) => c.label === label);
    return _percent(
      {
        ref,
        id: `${id}-${label}`,
        label: `Closures at ${_LABEL_WORDS[label]} ${words}`,
        group: label,
        cases: mine.filter(test).map(_closureCase),
      },
      mine.length,
      `no closure at ${_LABEL_WORDS[label]} in the period`,
    );
  });
}
