/**
 * @internal What a mapping decides per case rather than per row: events at the case's first or
 * last row a rule matches (`position`), and status intervals (`intervals`: from the row where a
 * condition starts to hold to the next row where it does not). The row mapper marks each row with
 * what these rules would make there; this module picks, once the case is whole, in time order.
 */

/** @internal One mapped row of a case, with what the case-level rules would make at it. */
export interface RowMarks {
  /** The row's instant (naive times read in the mapping's zone, else UTC: only for ordering). */
  atMs: number;
  /** Where the row was read (line), for the events made at it. */
  line: number;
  /** The row's own events (from the activity rules, or its `x-` event). */
  events: Record<string, unknown>[];
  /** Per position rule: the event it would make here, when the row matches it. */
  positional: (Record<string, unknown> | undefined)[];
  /** Per interval: whether the row is inside, and the event made if an interval starts or ends here. */
  intervals: { inside: boolean; event: Record<string, unknown> | undefined }[];
}

/** @internal The position of each position rule, in the order of `RowMarks.positional`. */
export type Positions = readonly ('first' | 'last')[];

/**
 * @internal A case's events in row order, with the events of position rules put before the row
 * they were picked at and the events of intervals after it, and the line of each.
 * @example
 * const { events, lines } = caseEvents(marks, ['first']);
 */
export function caseEvents(
  marks: readonly RowMarks[],
  positions: Positions,
): { events: Record<string, unknown>[]; lines: number[] } {
  // Time order, ties in row order: the order the case's history happened in.
  const order = marks.map((_, i) => i).sort((a, b) => (marks[a]?.atMs ?? 0) - (marks[b]?.atMs ?? 0) || a - b);
  const before = new Map<number, Record<string, unknown>[]>();
  const after = new Map<number, Record<string, unknown>[]>();
  const add = (to: Map<number, Record<string, unknown>[]>, row: number, e: Record<string, unknown>) => {
    const list = to.get(row);
    if (list === undefined) to.set(row, [e]);
    else list.push(e);
  };
  positions.forEach((position, p) => {
    const walk = position === 'first' ? order : [...order].reverse();
    for (const row of walk) {
      const e = marks[row]?.positional[p];
      if (e !== undefined) {
        add(before, row, e);
        break;
      }
    }
  });
  const intervals = marks[0]?.intervals.length ?? 0;
  for (let k = 0; k < intervals; k++) {
    let inside = false;
    for (const row of order) {
      const mark = marks[row]?.intervals[k];
      if (mark === undefined || mark.inside === inside) continue;
      inside = mark.inside;
      if (mark.event !== undefined) add(after, row, mark.event);
    }
  }
  const events: Record<string, unknown>[] = [];
  const lines: number[] = [];
  marks.forEach((m, row) => {
    for (const e of [...(before.get(row) ?? []), ...m.events, ...(after.get(row) ?? [])]) {
      events.push(e);
      lines.push(m.line);
    }
  });
  return { events, lines };
}
