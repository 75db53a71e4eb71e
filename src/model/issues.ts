import type { z } from 'zod';
import { requireObject } from './usage-error.js';

/**
 * One problem found in an input, in the shape zod uses (`code`, `path`, `message`), plus where
 * it was read from so that a complaints manager can find and fix it.
 */
export interface InputIssue {
  /** A machine-readable code: zod's (`invalid_type`, ...) or ours (`invalid_instant`, `duplicate_id`, ...). */
  code: string;
  /** Path inside the record, e.g. `["events", 3, "data", "covers"]`. */
  path: (string | number)[];
  /** A sentence a person can act on. */
  message: string;
  /** The file the record came from, when known. */
  file?: string;
  /** 1-based line (JSON, NDJSON, CSV) or record number (XES trace), when known. */
  line?: number;
}

/** Turns zod issues into {@link InputIssue}s under a path prefix. */
export function fromZodIssues(
  issues: readonly z.core.$ZodIssue[],
  prefix: (string | number)[] = [],
): InputIssue[] {
  return issues.map((issue) => ({
    code: issue.code,
    path: [...prefix, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))],
    message: _humanMessage(issue),
  }));
}

function _humanMessage(issue: z.core.$ZodIssue): string {
  const field = issue.path.length > 0 ? `\`${issue.path.join('.')}\`` : 'the record';
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? `${field} is required (expected ${issue.expected})`
        : `${field} must be ${issue.expected}`;
    case 'invalid_value':
      if (issue.input === undefined)
        return `${field} is required (one of: ${issue.values.map((v) => JSON.stringify(v)).join(', ')})`;
      return `${field} must be one of: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'unrecognized_keys':
      return `${field} has unknown field(s): ${issue.keys.join(', ')}`;
    case 'invalid_format': {
      // Short values (an event type, an instant) are quoted back; they never hold a letter's text.
      const got =
        typeof issue.input === 'string' && issue.input.length <= 40
          ? ` (got ${JSON.stringify(issue.input)})`
          : '';
      return `${field}: ${issue.message}${got}`;
    }
    default:
      return `${field}: ${issue.message}`;
  }
}

/** Formats an issue as one line: `file:line: path: message`. */
export function formatIssue(issue: InputIssue): string {
  requireObject(
    'formatIssue',
    issue,
    'issue',
    'formatIssue(error.issues[0]), with an issue { path, message }',
  );
  const where = [issue.file, issue.line].filter((x) => x !== undefined).join(':');
  const path = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  return `${where ? `${where}: ` : ''}${path}${issue.message}`;
}
