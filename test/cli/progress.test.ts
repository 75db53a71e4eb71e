/**
 * The progress line: cases judged of the total expected from the share of the input read, the
 * rate and the time left; count and rate alone when the input's size is unknown (standard
 * input). A fake clock and a fake timer drive it.
 */
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createProgress, formatDuration, formatProgress, type ReadPosition } from '../../src/cli/progress.js';

describe('formatProgress', () => {
  it('estimates the total from the share of the input read, and the time left from the rate', () => {
    const input = { cases: 12_400, bytesRead: 6_200_000, bytesTotal: 10_000_000 };
    expect(formatProgress({ judged: 12_345, input, elapsedMs: 6_673 })).toBe(
      '12,345 of ~20,000 cases · 1,850/s · ETA 4 s',
    );
  });

  it('shows count and rate only when the size is unknown (standard input)', () => {
    const input = { cases: 12_400, bytesRead: 6_200_000 };
    expect(formatProgress({ judged: 12_345, input, elapsedMs: 6_673 })).toBe('12,345 cases · 1,850/s');
    expect(formatProgress({ judged: 10, elapsedMs: 2_000 })).toBe('10 cases · 5/s');
  });

  it('shows how much is read while a flat log is grouped, before any case is judged', () => {
    const input = { cases: 0, bytesRead: 45 * 2 ** 20, bytesTotal: 100 * 2 ** 20 };
    expect(formatProgress({ judged: 0, input, elapsedMs: 3_000 })).toBe('reading 45% of 100.0 MB');
  });

  it('once everything is read, the total is the cases read', () => {
    const input = { cases: 500, bytesRead: 1_000, bytesTotal: 1_000 };
    expect(formatProgress({ judged: 250, input, elapsedMs: 10_000 })).toBe(
      '250 of ~500 cases · 25/s · ETA 10 s',
    );
  });

  it('never expects fewer cases than judged, nor a negative time', () => {
    const input = { cases: 10, bytesRead: 1_000, bytesTotal: 1_000 };
    expect(formatProgress({ judged: 12, input, elapsedMs: 1_000 })).toBe('12 of ~12 cases · 12/s · ETA 0 s');
  });
});

describe('formatDuration', () => {
  it('reads as a person says it', () => {
    expect(formatDuration(4_200)).toBe('4 s');
    expect(formatDuration(125_000)).toBe('2 min 05 s');
    expect(formatDuration(3_900_000)).toBe('1 h 05 min');
  });
});

/** A terminal that keeps what is written, a clock moved by hand, and a timer fired by hand. */
function terminal(isTTY = true) {
  const written: string[] = [];
  const stream = Object.assign(
    new Writable({
      write(chunk, _enc, done) {
        written.push(String(chunk));
        done();
      },
    }),
    { isTTY },
  );
  let t = 0;
  const timer = { refresh: undefined as (() => void) | undefined, stopped: false };
  const every = (refresh: () => void) => {
    timer.refresh = refresh;
    return () => {
      timer.stopped = true;
    };
  };
  return { stream, written, now: () => t, advance: (ms: number) => (t += ms), timer, every };
}

describe('createProgress', () => {
  const input: { cases: number; bytesRead: number; bytesTotal?: number } = {
    cases: 0,
    bytesRead: 0,
    bytesTotal: 1_000,
  };

  it('writes the line on standard error after a second, and clears it when done', () => {
    const term = terminal();
    const position: ReadPosition = input;
    const progress = createProgress({ ...term, env: {}, quiet: false, input: position });
    input.cases = 100;
    input.bytesRead = 250;
    progress.tick(100);
    expect(term.written).toEqual([]);
    term.advance(2_000);
    progress.tick(100);
    expect(term.written).toEqual(['\r\x1b[2K  100 of ~400 cases · 50/s · ETA 6 s']);
    term.advance(100);
    progress.tick(101);
    expect(term.written).toHaveLength(1);
    progress.done();
    expect(term.written.at(-1)).toBe('\r\x1b[2K');
    expect(term.timer.stopped).toBe(true);
  });

  it('moves on its timer while the input is read and nothing is judged yet', () => {
    const term = terminal();
    const reading = { cases: 0, bytesRead: 0, bytesTotal: 4 * 2 ** 20 };
    const progress = createProgress({ ...term, env: {}, quiet: false, input: reading });
    term.advance(1_500);
    reading.bytesRead = 2 ** 20;
    term.timer.refresh?.();
    expect(term.written).toEqual(['\r\x1b[2K  reading 25% of 4.0 MB']);
    progress.done();
  });

  it('stays silent off a terminal, with --quiet, under CI, NO_COLOR or TERM=dumb', () => {
    for (const [isTTY, env, quiet] of [
      [false, {}, false],
      [true, {}, true],
      [true, { CI: 'true' }, false],
      [true, { NO_COLOR: '1' }, false],
      [true, { TERM: 'dumb' }, false],
    ] as const) {
      const term = terminal(isTTY);
      const progress = createProgress({ ...term, env, quiet, input });
      term.advance(5_000);
      progress.tick(10);
      term.timer.refresh?.();
      progress.done();
      expect(term.written).toEqual([]);
      expect(term.timer.refresh).toBeUndefined();
    }
  });
});
