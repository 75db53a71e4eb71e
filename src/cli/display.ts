/**
 * Text from inputs (case ids, file names, activity names) shown on a terminal: control characters
 * and bidirectional overrides would let a hostile log move the cursor, recolour or reorder what
 * the user reads, so each is shown as a visible escape (`\x1B`, `\u202E`) instead.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters being escaped.
const _UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

const _escape = (c: string) => {
  const code = c.charCodeAt(0);
  return code <= 0xff
    ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}`
    : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
};

/**
 * One line of output made safe for a terminal (tabs and line breaks of the text itself kept).
 * @example
 * forTerminal('case \u001b[2Jx'); // 'case \\x1B[2Jx'
 */
export function forTerminal(text: string): string {
  return text.replace(_UNSAFE, _escape);
}

/**
 * A copy of a value with every string in it made safe for a terminal ({@link forTerminal}), for
 * reports whose own escapes (colour) must survive: the data is escaped before it is painted.
 * @example
 * formatText(forTerminalDeep(report), { color: true });
 */
export function forTerminalDeep<T>(value: T): T {
  if (typeof value === 'string') return forTerminal(value) as T;
  if (Array.isArray(value)) return value.map(forTerminalDeep) as T;
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[forTerminal(k)] = forTerminalDeep(v);
  return out as T;
}
