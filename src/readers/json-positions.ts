/**
 * @internal The 1-based line where each element of a JSON document's case or event list starts:
 * the elements of a top-level array, or of the `cases` array of a top-level object. A single
 * pass over the text that tracks strings and nesting (JSON.parse gives no positions). Assumes
 * the text is valid JSON (parse it first).
 * @example
 * elementLines('[\n {"a": 1},\n {"a": 2}\n]'); // [2, 3]
 */
export function elementLines(text: string): number[] {
  const lines: number[] = [];
  /** Open containers: `[` or `{`, and for objects whether a key is expected next. */
  const stack: { array: boolean; expectKey: boolean; target: boolean }[] = [];
  let line = 1;
  let awaiting = false;
  let lastTopKey: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10) {
      line++;
      continue;
    }
    if (ch === 32 || ch === 9 || ch === 13) continue;
    const top = stack[stack.length - 1];
    if (awaiting && ch !== 93 /* ] */) {
      lines.push(line);
      awaiting = false;
    }
    if (ch === 34 /* " */) {
      const start = i + 1;
      i++;
      while (i < text.length && text.charCodeAt(i) !== 34) {
        if (text.charCodeAt(i) === 92 /* \ */) i++;
        else if (text.charCodeAt(i) === 10) line++;
        i++;
      }
      if (top !== undefined && !top.array && top.expectKey && stack.length === 1)
        lastTopKey = text.slice(start, i);
      continue;
    }
    if (ch === 91 /* [ */ || ch === 123 /* { */) {
      const array = ch === 91;
      const target =
        array &&
        (stack.length === 0 || (stack.length === 1 && top?.array === false && lastTopKey === 'cases'));
      stack.push({ array, expectKey: !array, target });
      if (target) awaiting = true;
      continue;
    }
    if (ch === 93 || ch === 125) {
      stack.pop();
      awaiting = false;
      continue;
    }
    if (ch === 58 /* : */ && top !== undefined && !top.array) {
      top.expectKey = false;
      continue;
    }
    if (ch === 44 /* , */ && top !== undefined) {
      if (top.array) {
        if (top.target) awaiting = true;
      } else top.expectKey = true;
    }
  }
  return lines;
}

/**
 * @internal The offset of the first syntax error in a JSON text (undefined when there is none,
 * or when the text is nested too deeply to check). JSON.parse does not always say where it
 * failed (V8 shows a snippet for an unexpected token), so this small checker finds it.
 * @example
 * jsonErrorOffset('{"a": }'); // 6
 */
export function jsonErrorOffset(s: string): number | undefined {
  let i = 0;
  const number = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  const ws = () => {
    while (i < s.length && (s[i] === ' ' || s[i] === '\t' || s[i] === '\n' || s[i] === '\r')) i++;
  };
  const fail = (): never => {
    throw new _JsonSyntaxAt(i);
  };
  const string = () => {
    i++;
    while (i < s.length) {
      const ch = s.charCodeAt(i);
      if (ch === 34) {
        i++;
        return;
      }
      if (ch === 92) i += 2;
      else if (ch < 32) fail();
      else i++;
    }
    fail();
  };
  const value = (): void => {
    ws();
    const c = s[i];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      ws();
      if (s[i] === close) {
        i++;
        return;
      }
      for (;;) {
        if (c === '{') {
          ws();
          if (s[i] !== '"') fail();
          string();
          ws();
          if (s[i] !== ':') fail();
          i++;
        }
        value();
        ws();
        if (s[i] === ',') {
          i++;
          continue;
        }
        if (s[i] === close) {
          i++;
          return;
        }
        fail();
      }
    }
    if (c === '"') {
      string();
      return;
    }
    for (const literal of ['true', 'false', 'null']) {
      if (s.startsWith(literal, i)) {
        i += literal.length;
        return;
      }
    }
    number.lastIndex = i;
    if (number.exec(s) === null) fail();
    i = number.lastIndex;
  };
  try {
    value();
    ws();
    if (i < s.length) fail();
    return undefined;
  } catch (e) {
    return e instanceof _JsonSyntaxAt ? e.offset : undefined;
  }
}

class _JsonSyntaxAt {
  constructor(readonly offset: number) {}
}

/**
 * @internal The 1-based line of a JSON.parse error: where {@link jsonErrorOffset} finds it,
 * else from the message (`at position N`, or `(line L column C)`); 1 when nothing says.
 * @example
 * syntaxErrorLine('{\n"a": }', new SyntaxError('Unexpected token')); // 2
 */
export function syntaxErrorLine(text: string, error: unknown): number {
  const lineAt = (offset: number) => {
    const end = Math.min(offset, text.length);
    let line = 1;
    for (let i = 0; i < end; i++) if (text.charCodeAt(i) === 10) line++;
    return line;
  };
  const offset = jsonErrorOffset(text);
  if (offset !== undefined) return lineAt(offset);
  const message = error instanceof Error ? error.message : String(error);
  const byLine = /line (\d+) column/.exec(message);
  if (byLine?.[1] !== undefined) return Number(byLine[1]);
  const byPosition = /position (\d+)/.exec(message);
  return byPosition?.[1] === undefined ? 1 : lineAt(Number(byPosition[1]));
}
