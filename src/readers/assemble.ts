import type { InputIssue } from '../model/issues.js';
import { caseEvents, type Positions, type RowMarks } from './case-rules.js';
import { ReadError } from './errors.js';
import { caseTooLong, DEFAULT_READ_LIMITS } from './limits.js';
import { define } from './safe-object.js';
import type { ReadStats } from './stats.js';
import { type ReadCase, type ReadItem, type ReadRejected, type SourceRef, wholeCaseItem } from './types.js';

/** Problems kept per case; past this one more problem says how many were left out. */
const _MAX_PROBLEMS = 100;

/** @internal A case being gathered from a flat log. */
interface _Pending {
  caseId: string;
  source: SourceRef;
  events: unknown[];
  eventLines: number[];
  problems: InputIssue[];
  /** Problems past {@link _MAX_PROBLEMS}, counted only. */
  moreProblems: number;
  /** Records read for the case, bad ones included. */
  count: number;
  attributes: Record<string, unknown> | undefined;
  /** With case-level mapping rules: each good row's marks (its events are made at the end). */
  marks: { rows: RowMarks[]; positions: Positions } | undefined;
}

/** @internal Options of {@link Assembler}. */
export interface _AssemblerOptions {
  /** Flat logs keep each case's events together: emit a case when the case id changes. */
  sortedByCase: boolean;
  stats: ReadStats;
  /** Records of one case kept at most; past it the case is rejected (default 100,000). */
  maxCaseEvents?: number;
}

/**
 * @internal Adds the file and line to problems that do not say where they are.
 * @example
 * _stamp([{ code: 'x', path: [], message: 'm' }], 'log.csv', 3); // [{ ..., file: 'log.csv', line: 3 }]
 */
export function _stamp(problems: InputIssue[], file: string, line: number): InputIssue[] {
  return problems.map((p) => (p.file === undefined ? { ...p, file, line: p.line ?? line } : p));
}

/**
 * @internal Turns what the format readers find (whole cases, events of flat logs, records that
 * belong to no case) into the items yielded: a flat log's events are grouped by case id (all in
 * memory, or one case at a time when sorted by case); a case with any problem is rejected whole;
 * a case id read twice is a problem on the second; counts go to the stats as items leave.
 * Each method returns the items now ready, in order.
 * @example
 * const asm = new Assembler({ sortedByCase: false, stats });
 * asm.setInput('log.ndjson', ['caseId']);
 * const ready = [...asm.event('C1', event, 1, []), ...asm.finish()];
 */
export class Assembler {
  readonly #sorted: boolean;
  readonly #stats: ReadStats;
  readonly #maxCaseEvents: number;
  readonly #pending = new Map<string, _Pending>();
  #current: _Pending | undefined;
  /** Case ids emitted, with where they were first read (`file:line`). */
  readonly #seen = new Map<string, string>();
  #file = '';
  #caseIdPath: (string | number)[] = ['caseId'];

  constructor(options: _AssemblerOptions) {
    this.#sorted = options.sortedByCase;
    this.#stats = options.stats;
    this.#maxCaseEvents = options.maxCaseEvents ?? DEFAULT_READ_LIMITS.maxCaseEvents;
  }

  /** Starts the next input: its name, and where its records hold the case id (for problems). */
  setInput(file: string, caseIdPath: (string | number)[]): void {
    this.#file = file;
    this.#caseIdPath = caseIdPath;
  }

  /** A whole case (a JSON case, an XES trace): `value` is the case without `source`. */
  whole(
    value: Record<string, unknown>,
    caseId: string,
    count: number,
    line: number,
    problems: InputIssue[],
    eventLines?: number[],
  ): ReadItem[] {
    const out = this.#sorted ? this.#flushCurrent() : [];
    const source: SourceRef = { file: this.#file, line };
    if (eventLines !== undefined) source.eventLines = eventLines;
    const all = [..._stamp(problems, this.#file, line), ...this.#duplicate(caseId, source)];
    if (all.length > 0) out.push(this.#rejected(caseId, count, all, source));
    else {
      const item = wholeCaseItem(value, source);
      this.#count(count, false);
      out.push(item);
    }
    return out;
  }

  /** One event of a flat log (`event` undefined when the record has problems). */
  event(
    caseId: string,
    event: unknown,
    line: number,
    problems: InputIssue[],
    attributes?: Record<string, unknown>,
  ): ReadItem[] {
    return this.record(caseId, event === undefined ? [] : [event], line, problems, attributes);
  }

  /**
   * One record of a flat log and the events it makes (a mapped CSV row may make several, or none
   * when it has problems); with `caseLevel`, the row's marks, from which the case's events are
   * made once it is whole ({@link caseEvents}).
   */
  record(
    caseId: string,
    events: readonly unknown[],
    line: number,
    problems: InputIssue[],
    attributes?: Record<string, unknown>,
    caseLevel?: { marks: Omit<RowMarks, 'line'> | undefined; positions: Positions },
  ): ReadItem[] {
    const out: ReadItem[] = [];
    let p: _Pending | undefined;
    if (this.#sorted) {
      if (this.#current !== undefined && this.#current.caseId !== caseId) {
        out.push(...this.#flushCurrent());
        this.#refuseUnsorted(caseId, line);
      }
      p = this.#current;
    } else {
      p = this.#pending.get(caseId);
    }
    if (p === undefined) {
      p = {
        caseId,
        source: { file: this.#file, line },
        events: [],
        eventLines: [],
        problems: [],
        moreProblems: 0,
        count: 0,
        attributes: undefined,
        marks: undefined,
      };
      if (this.#sorted) this.#current = p;
      else this.#pending.set(caseId, p);
    }
    p.count++;
    if (p.count === this.#maxCaseEvents + 1) {
      this.#addProblems(
        p,
        _stamp(
          [{ code: 'case_too_long', path: [], message: caseTooLong(this.#maxCaseEvents) }],
          this.#file,
          line,
        ),
      );
      this.#drop(p);
    }
    if (problems.length > 0) {
      this.#addProblems(p, _stamp(problems, this.#file, line));
      this.#drop(p);
    } else if (p.problems.length === 0) {
      if (caseLevel?.marks !== undefined) {
        p.marks ??= { rows: [], positions: caseLevel.positions };
        p.marks.rows.push({ ...caseLevel.marks, line });
      } else {
        for (const event of events) {
          p.events.push(event);
          p.eventLines.push(line);
        }
      }
    }
    if (attributes !== undefined) {
      p.attributes ??= {};
      for (const [k, v] of Object.entries(attributes))
        if (!Object.hasOwn(p.attributes, k)) define(p.attributes, k, v);
    }
    return out;
  }

  /** A record that belongs to no case (no case id, unreadable): rejected on its own as `(line N)`. */
  orphan(line: number, problems: InputIssue[], count = 1, label = `(line ${line})`): ReadItem[] {
    const source: SourceRef = { file: this.#file, line };
    return [this.#rejected(label, count, _stamp(problems, this.#file, line), source)];
  }

  /** End of all inputs: every case still gathering, in the order first read. */
  finish(): ReadItem[] {
    const out = this.#flushCurrent();
    for (const p of this.#pending.values()) out.push(this.#emit(p));
    this.#pending.clear();
    return out;
  }

  /**
   * With --sorted-by-case, a case id read again after another case means cases already judged
   * were partial histories: the run cannot be trusted, so it stops here.
   */
  #refuseUnsorted(caseId: string, line: number): void {
    const first = this.#seen.get(caseId);
    if (first === undefined) return;
    throw new ReadError(
      this.#file,
      `Cannot read "${this.#file}" with --sorted-by-case: case "${caseId}" comes back at line ${line} after other cases (first read at ${first}), so the log is not sorted by case and cases already judged were partial histories. Read it without --sorted-by-case, or sort it by case first`,
    );
  }

  /** A rejected case keeps no events: only its problems and counts. */
  #drop(p: _Pending): void {
    p.events = [];
    p.eventLines = [];
    p.marks = undefined;
  }

  #flushCurrent(): ReadItem[] {
    const p = this.#current;
    this.#current = undefined;
    return p === undefined ? [] : [this.#emit(p)];
  }

  #addProblems(p: _Pending, problems: InputIssue[]): void {
    for (const problem of problems) {
      if (p.problems.length < _MAX_PROBLEMS) p.problems.push(problem);
      else p.moreProblems++;
    }
  }

  #emit(p: _Pending): ReadItem {
    this.#addProblems(p, this.#duplicate(p.caseId, p.source));
    if (p.moreProblems > 0) {
      p.problems.push({
        code: 'more_problems',
        path: [],
        message: `${p.moreProblems} more problem(s) in case "${p.caseId}" not listed`,
        file: p.source.file,
        line: p.source.line,
      });
    }
    if (p.problems.length > 0) return this.#rejected(p.caseId, p.count, p.problems, p.source);
    if (p.marks !== undefined) {
      const made = caseEvents(p.marks.rows, p.marks.positions);
      p.events = made.events;
      p.eventLines = made.lines;
    }
    p.source.eventLines = p.eventLines;
    const item: ReadCase = { caseId: p.caseId, events: p.events, source: p.source };
    if (p.attributes !== undefined) item.attributes = p.attributes;
    this.#count(p.count, false);
    return item;
  }

  /** The problem of a case id already read (and records this one as read). */
  #duplicate(caseId: string, source: SourceRef): InputIssue[] {
    const first = this.#seen.get(caseId);
    if (first === undefined) {
      this.#seen.set(caseId, `${source.file}:${source.line}`);
      return [];
    }
    return [
      {
        code: 'duplicate_case',
        path: this.#caseIdPath,
        file: source.file,
        line: source.line,
        message: `case "${caseId}" was already read (at ${first}); each case must be given once`,
      },
    ];
  }

  #rejected(caseId: string, count: number, problems: InputIssue[], source: SourceRef): ReadRejected {
    this.#count(count, true);
    return { rejected: { caseId, events: count, problems }, source };
  }

  #count(events: number, rejected: boolean): void {
    this.#stats.cases++;
    this.#stats.events += events;
    if (rejected) this.#stats.rejectedCases++;
  }
}
