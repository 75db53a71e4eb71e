import { isAscii, isUtf8 } from 'node:buffer';
import { StringDecoder } from 'node:string_decoder';

/** @internal One line of text and its 1-based number. */
export interface SplitLine {
  text: string;
  line: number;
}

const _LF = 0x0a;
const _CR = 0x0d;

/**
 * @internal One line's bytes as text. Line breaks are single bytes that never occur inside a
 * UTF-8 sequence, so decoding line by line gives what decoding the whole stream gives; and it
 * is much cheaper: an ASCII line (most of them) is copied as it is, and one odd character does
 * not make the whole chunk around it a two-byte string. Invalid UTF-8 goes through the same
 * `StringDecoder` as before, for the same replacement characters.
 */
function _decode(bytes: Buffer): string {
  if (isAscii(bytes)) return bytes.toString('latin1');
  if (isUtf8(bytes)) return bytes.toString('utf8');
  const decoder = new StringDecoder('utf8');
  return decoder.write(bytes) + decoder.end();
}

/**
 * @internal Splits UTF-8 bytes into lines (`\n`, `\r\n` or `\r`), dropping a leading byte-order
 * mark: each chunk's complete lines as one batch (none for a chunk inside a long line), the last
 * line (without a line break) in the last batch. Memory holds one chunk and the line it ends in;
 * a line longer than `tooLong.maxBytes` throws `tooLong.error(line)` as soon as it is.
 * @example
 * for await (const batch of lineBatches(chunks)) for (const { text, line } of batch) console.log(line, text);
 */
export async function* lineBatches(
  chunks: AsyncIterable<Buffer>,
  tooLong?: { maxBytes: number; error: (line: number) => Error },
): AsyncGenerator<SplitLine[]> {
  /** Bytes of the line under way, from earlier chunks. */
  let carry: Buffer[] = [];
  let carried = 0;
  let line = 0;
  let pendingCr = false;
  const emit = (out: SplitLine[], bytes: Buffer) => {
    if (tooLong !== undefined && bytes.length > tooLong.maxBytes) throw tooLong.error(line + 1);
    let text = _decode(bytes);
    if (line === 0 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    line++;
    out.push({ text, line });
  };
  for await (const chunk of chunks) {
    const n = chunk.length;
    if (n === 0) continue;
    let start = 0;
    if (pendingCr) {
      if (chunk[0] === _LF) start = 1;
      pendingCr = false;
    }
    const out: SplitLine[] = [];
    // The next LF and CR at or after `start` (-1: none left in this chunk).
    let lf = chunk.indexOf(_LF, start);
    let cr = chunk.indexOf(_CR, start);
    while (lf !== -1 || cr !== -1) {
      let end = lf === -1 ? cr : cr === -1 ? lf : Math.min(lf, cr);
      const piece = chunk.subarray(start, end);
      if (carry.length === 0) emit(out, piece);
      else {
        carry.push(piece);
        emit(out, Buffer.concat(carry));
        carry = [];
        carried = 0;
      }
      if (end === cr) {
        if (end + 1 === n) pendingCr = true;
        else if (chunk[end + 1] === _LF) end++;
      }
      start = end + 1;
      if (lf !== -1 && lf < start) lf = chunk.indexOf(_LF, start);
      if (cr !== -1 && cr < start) cr = chunk.indexOf(_CR, start);
    }
    if (start < n) {
      carry.push(chunk.subarray(start));
      carried += n - start;
      // An endless line is refused as it grows, before it is held whole.
      if (tooLong !== undefined && carried > tooLong.maxBytes) throw tooLong.error(line + 1);
    }
    if (out.length > 0) yield out;
  }
  if (carry.length > 0) {
    const out: SplitLine[] = [];
    emit(out, carry.length === 1 ? (carry[0] as Buffer) : Buffer.concat(carry));
    // A last line that was only a byte-order mark is no line.
    if (!(line === 1 && out[0]?.text === '')) yield out;
  }
}

/**
 * @internal Splits UTF-8 bytes into lines (`\n`, `\r\n` or `\r`), dropping a leading byte-order
 * mark. Memory holds one line at a time (plus one chunk).
 * @example
 * for await (const { text, line } of splitLines(chunks)) console.log(line, text);
 */
export async function* splitLines(chunks: AsyncIterable<Buffer>): AsyncGenerator<SplitLine> {
  for await (const batch of lineBatches(chunks)) yield* batch;
}

/**
 * @internal The whole input as one UTF-8 string, without a leading byte-order mark.
 * @example
 * const text = await readAllText(chunks);
 */
export async function readAllText(chunks: AsyncIterable<Buffer>): Promise<string> {
  const parts: Buffer[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  const s = Buffer.concat(parts).toString('utf8');
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}
