import type { RowFilter } from '../model/mapping.js';
import { compilePattern } from '../model/pattern.js';

/** @internal A row of a CSV file or a flattened XES event: cells by column. */
export interface Row {
  get(column: string): string | undefined;
}

/** @internal A compiled condition on a row. */
export type RowTest = (row: Row) => boolean;

/**
 * @internal Compiles a condition (`filters`, `where`, an interval's `when`): on one column (a
 * missing one reads as ''), or `all` / `any` of several; `not` turns it round.
 * @example
 * const test = compileCondition({ any: [{ column: 'a', equals: 'x' }, { column: 'b', in: ['y'] }] });
 */
export function compileCondition(f: RowFilter): RowTest {
  let test: RowTest;
  if ('all' in f) {
    const parts = f.all.map(compileCondition);
    test = (row) => parts.every((p) => p(row));
  } else if ('any' in f) {
    const parts = f.any.map(compileCondition);
    test = (row) => parts.some((p) => p(row));
  } else {
    const column = f.column;
    let onValue: (value: string) => boolean;
    if ('equals' in f) {
      const equals = f.equals;
      onValue = (v) => v === equals;
    } else if ('in' in f) {
      const set = new Set(f.in);
      onValue = (v) => set.has(v);
    } else {
      const re = compilePattern(f.pattern);
      onValue = (v) => re.test(v);
    }
    test = (row) => onValue(row.get(column) ?? '');
  }
  return f.not === true ? (row) => !test(row) : test;
}

/**
 * @internal Every column a condition reads.
 * @example conditionColumns({ all: [{ column: 'a', equals: 'x' }, { column: 'b', in: ['y'] }] }); // ['a', 'b']
 */
export function conditionColumns(f: RowFilter): string[] {
  if ('all' in f) return f.all.flatMap(conditionColumns);
  if ('any' in f) return f.any.flatMap(conditionColumns);
  return [f.column];
}
