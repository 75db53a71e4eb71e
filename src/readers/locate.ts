import type { InputIssue } from '../model/issues.js';
import type { SourceRef } from './types.js';

/**
 * Says where problems found later (by the engine, which knows only paths such as
 * `["events", 3, "at"]`) were read: the case's file, and the line of that event when the case
 * came from a flat log (else the case's line). Problems that already say where keep it.
 * @example
 * const located = locateIssues(rejected.problems, item.source);
 * // [{ code: 'invalid_instant', path: ['events', 3, 'at'], file: 'log.ndjson', line: 17, ... }]
 */
export function locateIssues(problems: readonly InputIssue[], source: SourceRef | undefined): InputIssue[] {
  if (source === undefined) return [...problems];
  return problems.map((p) => {
    if (p.file !== undefined) return p;
    const index = p.path[0] === 'events' && typeof p.path[1] === 'number' ? p.path[1] : undefined;
    const line = (index === undefined ? undefined : source.eventLines?.[index]) ?? source.line;
    return { ...p, file: source.file, line };
  });
}
